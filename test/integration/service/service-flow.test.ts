/**
 * The service on the real lab: Postgres, Redis (BullMQ), Postfix → Dovecot. Messages are handed
 * to the ingest use case (the poller's entry point; the poller has its own tests), then the
 * real workers extract, store, reply over SMTP and open tasks.
 */
import IORedis from 'ioredis';
import type { VobRequest } from '../../../schemas/vob-record';
import type { VobService } from '../../../src/service/vob-service';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, newSignedIn, randomTag, readMailbox, requestMail, startTestService, testConfig, waitFor } from './lab';

jest.setTimeout(90_000);

let db: { url: string; drop(): Promise<void> };
let service: VobService;
let uid = 1;
const next = () => uid++;

beforeAll(async () => {
  db = await createTestDatabase();
  service = await startTestService(testConfig(db.url));
});

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await service.db.query<T & Record<string, unknown>>(sql, params)).rows;

async function ingest(raw: Buffer) {
  return service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: next(), raw });
}

async function settled(inboundId: string) {
  return waitFor(
    async () => {
      const [row] = await q<{ status: string }>('SELECT status FROM inbound_message WHERE id = $1', [inboundId]);
      return row && row.status !== 'received' ? row.status : null;
    },
    { what: `message ${inboundId} extracted` },
  );
}

async function replyStatus(inboundId: string) {
  return waitFor(
    async () => {
      const rows = await q<{ id: string; status: string; message_id: string }>(
        "SELECT id::text, status, message_id FROM outbound_reply WHERE inbound_message_id = $1 AND status <> 'pending' AND status <> 'sending'",
        [inboundId],
      );
      return rows[0] ?? null;
    },
    { what: `reply to ${inboundId} finished` },
  );
}

test('the same message ingested twice is stored once', async () => {
  const from = newCenter();
  const raw = requestMail({ from, messageId: `<dup-${randomTag()}@center.test>`, body: INCOMPLETE_BODY });
  const first = await ingest(raw);
  const again = await ingest(Buffer.concat([Buffer.from('Received: from relay.test by mx.test; Mon, 5 Jan 2026\r\n'), raw]));
  expect(first.duplicate).toBe(false);
  expect(again).toMatchObject({ id: first.id, duplicate: true });
  await settled(first.id);
  const rows = await q<{ n: string }>('SELECT count(*)::text AS n FROM vob_request WHERE inbound_message_id = $1', [first.id]);
  expect(rows[0]!.n).toBe('1');
  const stored = await q<{ raw_encrypted: Buffer }>('SELECT raw_encrypted FROM inbound_message WHERE id = $1', [first.id]);
  expect(stored[0]!.raw_encrypted.includes(Buffer.from('Jane'))).toBe(false);
});

test('an incomplete request becomes a request, an awaiting task and one reply that lands in the sender mailbox with threading headers', async () => {
  const from = newCenter();
  const messageId = `<req-${randomTag()}@center.test>`;
  const { id } = await ingest(requestMail({ from, messageId, subject: 'VOB request - J. Doe', body: INCOMPLETE_BODY }));
  expect(await settled(id)).toBe('extracted');

  const requests = await q<{ id: string; status: string; missing_fields: string[] }>(
    'SELECT id::text, status, missing_fields FROM vob_request WHERE inbound_message_id = $1',
    [id],
  );
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ status: 'awaiting-information', missing_fields: ['client.address', 'card'] });
  const tasks = await q<{ kind: string; status: string; reason: string }>('SELECT kind, status, reason FROM staff_task WHERE request_id = $1', [requests[0]!.id]);
  expect(tasks).toEqual([{ kind: 'awaiting-information', status: 'paused', reason: 'Waiting on the center for: Client Address, Copy of the Insurance Card' }]);

  const reply = await replyStatus(id);
  expect(reply.status).toBe('sent');
  const replies = await q('SELECT 1 FROM outbound_reply WHERE inbound_message_id = $1', [id]);
  expect(replies).toHaveLength(1);

  const mail = await waitFor(async () => (await readMailbox(from)).find((m) => m.headers['message-id'] === reply.message_id), { what: 'reply in mailbox' });
  expect(mail.headers['in-reply-to']).toBe(messageId);
  expect(mail.headers['references']).toContain(messageId);
  expect(mail.headers['auto-submitted']).toBe('auto-replied');
  expect(mail.headers['subject']).toBe('Re: VOB request - J. Doe');
  expect(mail.source).toMatch(/Client Address/);
  expect(mail.source).not.toMatch(/W123456789|1990/);
});

test('a reply interrupted between sending and sent is never sent again', async () => {
  const from = newCenter();
  // An instance without workers, so nothing but this test touches the reply row.
  const config = { ...service.config, QUEUE_PREFIX: `vobtest-${randomTag()}` };
  const local = await startTestService(config, { workers: false, http: false, reconciler: false });
  try {
    const { id } = await local.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: next(), raw: requestMail({ from, messageId: `<crash-${randomTag()}@center.test>`, body: INCOMPLETE_BODY }) });
    expect(await local.processExtraction({ inboundMessageId: id })).toMatchObject({ outcome: 'extracted' });
    const [row] = await q<{ id: string; status: string }>('SELECT id::text, status FROM outbound_reply WHERE inbound_message_id = $1', [id]);
    expect(row!.status).toBe('pending');
    // The crash: 'sending' was committed, then the process died before SMTP answered.
    await q("UPDATE outbound_reply SET status = 'sending', attempted_at = now() WHERE id = $1", [row!.id]);
    expect(await local.sendReply({ replyId: row!.id })).toMatchObject({ status: 'uncertain', sentNow: false });
    expect(await local.sendReply({ replyId: row!.id })).toMatchObject({ status: 'uncertain', sentNow: false });
    await local.reconcile();
  } finally {
    await local.stop();
  }
  await new Promise((r) => setTimeout(r, 1500));
  expect(await readMailbox(from)).toHaveLength(0);
});

test('a reply job run twice sends one mail', async () => {
  const from = newCenter();
  const { id } = await ingest(requestMail({ from, messageId: `<twice-${randomTag()}@center.test>`, body: INCOMPLETE_BODY }));
  const reply = await replyStatus(id);
  expect(reply.status).toBe('sent');
  expect(await service.sendReply({ replyId: reply.id })).toMatchObject({ status: 'sent', sentNow: false });
  await service.queue.enqueueSendReply(reply.id);
  await waitFor(async () => (await readMailbox(from)).length > 0, { what: 'reply delivered' });
  await new Promise((r) => setTimeout(r, 1500));
  expect(await readMailbox(from)).toHaveLength(1);
});

test('an answer in the same thread completes the open request and closes the awaiting task', async () => {
  const from = newCenter();
  const original = `<orig-${randomTag()}@center.test>`;
  const { id } = await ingest(requestMail({ from, messageId: original, subject: 'VOB request', body: INCOMPLETE_BODY }));
  const reply = await replyStatus(id);
  const [request] = await q<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id]);

  const answer = await ingest(
    requestMail({
      from,
      messageId: `<ans-${randomTag()}@center.test>`,
      subject: 'Re: VOB request',
      headers: { 'In-Reply-To': reply.message_id, References: `${original} ${reply.message_id}` },
      body: 'Client Name: Jane Q Doe\nClient Address: 12 Main Street, Fresno, CA 93701\n\nThanks\n',
    }),
  );
  expect(await settled(answer.id)).toBe('extracted');
  const [updated] = await q<{ status: string; missing_fields: string[] }>('SELECT status, missing_fields FROM vob_request WHERE id = $1', [request!.id]);
  expect(updated).toEqual({ status: 'ready', missing_fields: ['card'] });
  // Where each value came from, stored with the record: the address from the answer; the name,
  // restated unchanged, still from the first message.
  const [stored] = await q<{ request_encrypted: Buffer }>('SELECT request_encrypted FROM vob_request WHERE id = $1', [request!.id]);
  expect(service.cipher.decryptJson<VobRequest>(stored!.request_encrypted).sources).toMatchObject({ 'client.name': 'body', 'client.address': 'answer', 'insurance.memberId': 'body' });
  expect(await q('SELECT 1 FROM vob_request WHERE inbound_message_id = $1', [answer.id])).toHaveLength(0);
  expect(await q('SELECT 1 FROM request_answer WHERE request_id = $1 AND inbound_message_id = $2', [request!.id, answer.id])).toHaveLength(1);
  const tasks = await q<{ kind: string; status: string }>('SELECT kind, status FROM staff_task WHERE request_id = $1 ORDER BY kind', [request!.id]);
  expect(tasks).toEqual([
    { kind: 'awaiting-information', status: 'closed' },
    { kind: 'verify-benefits', status: 'open' },
  ]);
  // Complete now: the answer itself gets no reply.
  expect(await q('SELECT 1 FROM outbound_reply WHERE inbound_message_id = $1', [answer.id])).toHaveLength(0);
});

test('hostile mail (MIME bomb) is set aside with a review task while other mail proceeds', async () => {
  const from = newCenter();
  const boundary = (i: number) => `b${i}`;
  let bomb = `From: <${from}>\r\nTo: verification@vob.test\r\nSubject: VOB\r\nMessage-ID: <bomb-${randomTag()}@center.test>\r\nMIME-Version: 1.0\r\n`;
  for (let i = 0; i < 60; i++) bomb += `Content-Type: multipart/mixed; boundary="${boundary(i)}"\r\n\r\n--${boundary(i)}\r\n`;
  bomb += 'Content-Type: text/plain\r\n\r\nx\r\n';
  const hostile = await ingest(Buffer.from(bomb));
  const normal = await ingest(requestMail({ from, messageId: `<ok-${randomTag()}@center.test>`, body: INCOMPLETE_BODY }));
  expect(await settled(hostile.id)).toBe('needs-review');
  expect(await settled(normal.id)).toBe('extracted');
  const [message] = await q<{ review_code: string }>('SELECT review_code FROM inbound_message WHERE id = $1', [hostile.id]);
  expect(message!.review_code).toBe('mime-too-deep');
  const tasks = await q<{ kind: string; priority: number; reason: string }>('SELECT kind, priority, reason FROM staff_task WHERE inbound_message_id = $1', [hostile.id]);
  expect(tasks).toEqual([{ kind: 'review-message', priority: 1, reason: expect.stringMatching(/MIME bomb/) }]);
  expect(await q('SELECT 1 FROM outbound_reply WHERE inbound_message_id = $1', [hostile.id])).toHaveLength(0);
});

test('with Redis emptied (restarted empty), the reconciler at start re-enqueues pending work and it completes', async () => {
  const from = newCenter();
  // An instance that stores work but has no workers: its jobs wait in Redis under its prefix.
  const config = { ...service.config, QUEUE_PREFIX: `vobtest-${randomTag()}` };
  const producer = await startTestService(config, { workers: false, http: false, reconciler: false });
  const { id } = await producer.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: next(), raw: requestMail({ from, messageId: `<lost-${randomTag()}@center.test>`, body: INCOMPLETE_BODY }) });
  expect(await producer.queue.counts()).toMatchObject({ extract: 1 });
  await producer.stop();
  // Redis loses everything (scoped to this prefix: the lab's Redis is shared with other runs).
  const redis = new IORedis(config.REDIS_URL);
  try {
    const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${config.QUEUE_PREFIX}:*`)).toEqual([]);
  } finally {
    redis.disconnect();
  }
  const [still] = await q<{ status: string }>('SELECT status FROM inbound_message WHERE id = $1', [id]);
  expect(still!.status).toBe('received');

  // A restarted service on the empty Redis: its reconciler finds the work in Postgres.
  const restarted = await startTestService(config, { http: false });
  try {
    expect(await settled(id)).toBe('extracted');
    expect((await replyStatus(id)).status).toBe('sent');
    await waitFor(async () => (await readMailbox(from)).length === 1, { what: 'reply after reconcile' });
  } finally {
    await restarted.stop();
  }
});

test('/health, /metrics and the staff queue answer over HTTP', async () => {
  const health = await fetch(`${service.url}/health`);
  expect(health.status).toBe(200);
  // No poller in this test: the mailbox login is not reported.
  expect(await health.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok', mailbox: 'unknown' });
  const metrics = await (await fetch(`${service.url}/metrics`)).text();
  expect(metrics).toMatch(/vob_messages_ingested_total\{result="new"\} \d+/);
  expect(metrics).toMatch(/vob_tasks_open\{kind="awaiting-information"\} \d+/);
  expect(metrics).toMatch(/vob_replies_total\{status="sent"\} \d+/);
  expect((await fetch(`${service.url}/api/tasks`)).status).toBe(401);
  const biller = await newSignedIn(service, 'biller');
  const { tasks } = (await (await biller.get('/api/tasks')).json()) as { tasks: { id: string; priority: number; status: string }[] };
  expect(tasks.length).toBeGreaterThan(0);
  expect(tasks[0]!.priority).toBe(1);
  const html = await (await biller.get('/')).text();
  expect(html).toMatch(/VOB staff queue/);
  const done = await biller.api('POST', `/api/tasks/${tasks[0]!.id}/done`);
  expect(done.status).toBe(200);
  expect(await biller.api('POST', `/api/tasks/${tasks[0]!.id}/done`).then((r) => r.status)).toBe(404);
});
