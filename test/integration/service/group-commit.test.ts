/**
 * Concurrent extract jobs share their claim and their store transaction (group commit). On the
 * real database: a burst of messages is stored in far fewer transactions than messages, each
 * with exactly its own request, tasks and reply; and an answer that lands in the same batch as
 * the request it answers still completes that request (it waits for the next transaction).
 */
import { Pool } from 'pg';
import type { ExtractionPool } from '../../../src/adapters/extraction/extraction-pool';
import type { VobService } from '../../../src/service/vob-service';
import type { ProcessExtraction } from '../../../src/use-cases/process-extraction';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, requestMail, extractionHarness, startTestService, testConfig } from './lab';

jest.setTimeout(90_000);

let db: { url: string; drop(): Promise<void> };
let service: VobService;
let pool: Pool;
let extractor: ExtractionPool;
let extract: ProcessExtraction;
let uid = 1;
const transactions = { count: 0 };

beforeAll(async () => {
  db = await createTestDatabase();
  // No workers: the test calls the use case itself, with a pool that counts transactions.
  service = await startTestService(testConfig(db.url), { workers: false, reconciler: false, http: false });
  pool = new Pool({ connectionString: db.url, max: 8 });
  // withTransaction checks a client out with connect(); pool.query passes a callback (not counted).
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length === 0) transactions.count += 1;
    return connect(...args);
  };
  ({ extractor, extract } = extractionHarness(service, pool));
});

afterAll(async () => {
  await extractor?.close();
  await pool?.end();
  await service?.stop();
  await db?.drop();
});

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await pool.query<T & Record<string, unknown>>(sql, params)).rows;

const ingest = (raw: Buffer) => service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw });

test('a burst of 24 messages is stored in a few shared transactions, each message with its own request, tasks and one reply', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 24; i++) {
    const body = INCOMPLETE_BODY.replace('Jane Q Doe', `Client${String.fromCharCode(97 + i)} Burst`).replace('Jane Q Doe', `Client${String.fromCharCode(97 + i)} Burst`);
    ids.push((await ingest(requestMail({ from: newCenter(), messageId: `<burst-${i}-${randomTag()}@center.test>`, body }))).id);
  }
  transactions.count = 0;
  const outcomes = await Promise.all(ids.map((inboundMessageId) => extract({ inboundMessageId })));
  expect(outcomes.map((o) => o.outcome)).toEqual(ids.map(() => 'extracted'));
  // One per message without batching; the first batch holds one message, the next the rest.
  expect(transactions.count).toBeLessThanOrEqual(6);

  const perMessage = await q<{ id: string; requests: number; replies: number; tasks: number; status: string }>(
    `SELECT m.id::text, m.status,
       (SELECT count(*)::int FROM vob_request r WHERE r.inbound_message_id = m.id) AS requests,
       (SELECT count(*)::int FROM outbound_reply o WHERE o.inbound_message_id = m.id) AS replies,
       (SELECT count(*)::int FROM staff_task t JOIN vob_request r ON r.id = t.request_id WHERE r.inbound_message_id = m.id) AS tasks
     FROM inbound_message m WHERE m.id = ANY($1::bigint[]) ORDER BY m.id`,
    [ids],
  );
  expect(perMessage).toHaveLength(24);
  for (const row of perMessage) expect(row).toMatchObject({ status: 'extracted', requests: 1, replies: 1, tasks: 1 });
  // Each reply names its own row and message: ids drawn per row inside the multi-row INSERT.
  const replies = await q<{ id: string; message_id: string; request_id: string; inbound_message_id: string }>(
    'SELECT o.id::text, o.message_id, o.request_id::text, o.inbound_message_id::text FROM outbound_reply o WHERE o.inbound_message_id = ANY($1::bigint[])',
    [ids],
  );
  for (const reply of replies) {
    expect(reply.message_id).toMatch(new RegExp(`^<reply-${reply.id}-[0-9a-f]{12}@vob\\.test>$`));
    const [request] = await q<{ inbound_message_id: string }>('SELECT inbound_message_id::text FROM vob_request WHERE id = $1', [reply.request_id]);
    expect(request!.inbound_message_id).toBe(reply.inbound_message_id);
  }

  // Run again (a replayed job): nothing more is written.
  const again = await Promise.all(ids.map((inboundMessageId) => extract({ inboundMessageId })));
  expect(again.map((o) => o.outcome)).toEqual(ids.map(() => 'skipped'));
  const [counts] = await q<{ requests: number; replies: number }>(
    `SELECT (SELECT count(*)::int FROM vob_request WHERE inbound_message_id = ANY($1::bigint[])) AS requests,
            (SELECT count(*)::int FROM outbound_reply WHERE inbound_message_id = ANY($1::bigint[])) AS replies`,
    [ids],
  );
  expect(counts).toEqual({ requests: 24, replies: 24 });
});

test('an answer batched with the request it answers waits for the next transaction and completes that request', async () => {
  const from = newCenter();
  const name = `Nora${randomTag().replace(/[^a-z]/g, '')} Vance`;
  const filler = [];
  for (let i = 0; i < 4; i++) {
    filler.push((await ingest(requestMail({ from: newCenter(), messageId: `<fill-${i}-${randomTag()}@center.test>`, body: INCOMPLETE_BODY }))).id);
  }
  const original = `<orig-${randomTag()}@center.test>`;
  const request = await ingest(requestMail({ from, messageId: original, body: INCOMPLETE_BODY.replace(/Jane Q Doe/g, name) }));
  const answer = await ingest(
    requestMail({
      from,
      messageId: `<ans-${randomTag()}@center.test>`,
      subject: 'Re: VOB request',
      headers: { 'In-Reply-To': original, References: original },
      body: `Client Name: ${name}\nDate of birth: 01/02/1990\nClient Address: 12 Main Street, Fresno, CA 93701\n`,
    }),
  );
  // The filler occupies the first batch; the request and its answer arrive together after it.
  const outcomes = await Promise.all([...filler, request.id, answer.id].map((inboundMessageId) => extract({ inboundMessageId })));
  const [requestOutcome, answerOutcome] = outcomes.slice(-2);
  expect(requestOutcome).toMatchObject({ outcome: 'extracted', answeredRequestIds: [] });
  const requestId = (requestOutcome as { requestIds: string[] }).requestIds[0]!;
  expect(answerOutcome).toMatchObject({ outcome: 'extracted', requestIds: [requestId], answeredRequestIds: [requestId] });
  expect(await q('SELECT 1 FROM vob_request WHERE inbound_message_id = $1', [answer.id])).toHaveLength(0);
  const [updated] = await q<{ status: string; missing_fields: string[] }>('SELECT status, missing_fields FROM vob_request WHERE id = $1', [requestId]);
  expect(updated).toEqual({ status: 'ready', missing_fields: ['card'] });
});
