/**
 * Mail about a request that is not one (a status question, a cancellation, a thank-you) gets no
 * form reply; on the real database it joins the thread of the open request it belongs to (by
 * its thread headers, or by naming the client of a request from the same center), staff get a
 * review task tied to that request when it asks something of them, and a replay does nothing twice.
 */
import { Pool } from 'pg';
import type { ExtractionPool } from '../../../src/adapters/extraction/extraction-pool';
import type { VobService } from '../../../src/service/vob-service';
import type { ProcessExtraction } from '../../../src/use-cases/process-extraction';
import { getRequestView } from '../../../src/use-cases/staff-views';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, requestMail, extractionHarness, startTestService, testConfig } from './lab';

jest.setTimeout(90_000);

let db: { url: string; drop(): Promise<void> };
let service: VobService;
let pool: Pool;
let extractor: ExtractionPool;
let extract: ProcessExtraction;
let uid = 1;

beforeAll(async () => {
  db = await createTestDatabase();
  service = await startTestService(testConfig(db.url), { workers: false, reconciler: false, http: false });
  pool = new Pool({ connectionString: db.url, max: 4 });
  ({ extractor, extract } = extractionHarness(service, pool));
});

afterAll(async () => {
  await extractor?.close();
  await pool?.end();
  await service?.stop();
  await db?.drop();
});

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await pool.query<T & Record<string, unknown>>(sql, params)).rows;

/** Stores and extracts one message; returns its inbound id and the extraction outcome. */
async function deliver(raw: Buffer): Promise<{ id: string; outcome: Awaited<ReturnType<ProcessExtraction>> }> {
  const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw });
  return { id, outcome: await extract({ inboundMessageId: id }) };
}

/** An incomplete request for a client of its own; returns the request id and its Message-ID. */
async function openRequest(from: string, clientName: string): Promise<{ requestId: string; messageId: string }> {
  const messageId = `<req-${randomTag()}@center.test>`;
  const { outcome } = await deliver(requestMail({ from, messageId, body: INCOMPLETE_BODY.replace(/Jane Q Doe/g, clientName) }));
  const requestIds = (outcome as { requestIds: string[] }).requestIds;
  expect(requestIds).toHaveLength(1);
  return { requestId: requestIds[0]!, messageId };
}

const related = (messageId: string) =>
  q<{ request_id: string; intent: string; matched_by: string }>(
    'SELECT request_id::text, intent, matched_by FROM request_related_message WHERE inbound_message_id = $1 ORDER BY request_id',
    [messageId],
  );
const tasksOf = (messageId: string) =>
  q<{ kind: string; request_id: string | null; reason: string }>(
    'SELECT kind, request_id::text, reason FROM staff_task WHERE inbound_message_id = $1 ORDER BY id',
    [messageId],
  );
const repliesTo = (messageId: string) => q('SELECT id FROM outbound_reply WHERE inbound_message_id = $1', [messageId]);

function uniqueName(first: string): string {
  return `${first} ${randomTag().replace(/[^a-f]/g, '').padEnd(3, 'e')}son`.replace(/ (\w)/, (_, c: string) => ` ${c.toUpperCase()}`);
}

test('a status question naming the client, without thread headers, joins that request and asks staff to answer', async () => {
  const center = newCenter();
  const name = uniqueName('Marisol');
  const { requestId } = await openRequest(center, name);
  const other = await openRequest(center, uniqueName('Theo'));

  const { id, outcome } = await deliver(
    requestMail({
      from: center.replace('intake@', 'carla@'),
      messageId: `<status-${randomTag()}@center.test>`,
      subject: 'checking in',
      body: `Hi team, any update on ${name}? Family is asking.\n\nCarla`,
    }),
  );
  expect(outcome).toMatchObject({ outcome: 'extracted', requestIds: [], replyId: null });
  expect(await repliesTo(id)).toHaveLength(0);
  expect(await related(id)).toEqual([{ request_id: requestId, intent: 'status-inquiry', matched_by: 'name' }]);
  const [task] = await tasksOf(id);
  expect(task).toMatchObject({ kind: 'review-message', request_id: requestId });
  expect(task!.reason).toContain('[status-inquiry]');
  expect(task!.reason).not.toContain(name.split(' ')[1]!);

  // The request page shows it in the thread, by what it is; the other client's request does not.
  const view = await getRequestView({ db: service.db, cipher: service.cipher })(requestId);
  expect(view!.thread.map((m) => [m.role, m.intent])).toEqual([
    ['original', null],
    ['related', 'status-inquiry'],
  ]);
  const otherView = await getRequestView({ db: service.db, cipher: service.cipher })(other.requestId);
  expect(otherView!.thread.map((m) => m.role)).toEqual(['original']);

  // A replayed job writes nothing twice.
  expect(await extract({ inboundMessageId: id })).toMatchObject({ outcome: 'skipped' });
  expect(await related(id)).toHaveLength(1);
  expect(await tasksOf(id)).toHaveLength(1);
});

test('a thank-you in the request thread joins it by its headers and opens no task', async () => {
  const center = newCenter();
  const { requestId, messageId } = await openRequest(center, uniqueName('Dana'));
  const { id } = await deliver(
    requestMail({
      from: center,
      messageId: `<thanks-${randomTag()}@center.test>`,
      subject: 'Re: VOB request',
      headers: { 'In-Reply-To': messageId, References: messageId },
      body: 'Got it, thank you!\n',
    }),
  );
  expect(await repliesTo(id)).toHaveLength(0);
  expect(await related(id)).toEqual([{ request_id: requestId, intent: 'thanks', matched_by: 'thread' }]);
  expect(await tasksOf(id)).toHaveLength(0);
});

test('a cancellation from another center naming the client joins nothing; staff still get it', async () => {
  const name = uniqueName('Rowan');
  const { requestId } = await openRequest(newCenter(), name);
  const { id } = await deliver(
    requestMail({
      from: newCenter(),
      messageId: `<cancel-${randomTag()}@center.test>`,
      subject: 'cancel',
      body: `Please cancel the VOB for ${name}, the family chose another program.\n`,
    }),
  );
  expect(await repliesTo(id)).toHaveLength(0);
  expect(await related(id)).toEqual([]);
  const [task] = await tasksOf(id);
  expect(task).toMatchObject({ kind: 'review-message', request_id: null });
  expect(task!.reason).toContain('[cancellation]');
  const view = await getRequestView({ db: service.db, cipher: service.cipher })(requestId);
  expect(view!.thread.map((m) => m.role)).toEqual(['original']);
});

test('a first name alone does not join a request', async () => {
  const center = newCenter();
  const name = uniqueName('Imogen');
  await openRequest(center, name);
  const { id } = await deliver(
    requestMail({
      from: center,
      messageId: `<status-${randomTag()}@center.test>`,
      subject: 'status',
      body: `Any update on ${name.split(' ')[0]}'s verification?\n`,
    }),
  );
  expect(await related(id)).toEqual([]);
  expect(await tasksOf(id)).toMatchObject([{ kind: 'review-message', request_id: null }]);
});
