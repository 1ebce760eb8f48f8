/**
 * Reminders on the real lab: while a request waits on the center, it gets a reminder after
 * REMINDER_AFTER_HOURS (here about two seconds), at most the configured number, each threaded
 * under the conversation; then the awaiting task goes to staff. An answer stops them.
 */
import type { VobService } from '../../../src/service/vob-service';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, readMailbox, requestMail, startTestService, testConfig, waitFor } from './lab';

jest.setTimeout(90_000);

const REMINDER_AFTER_HOURS = 2 / 3600; // two seconds

let db: { url: string; drop(): Promise<void> };
let service: VobService;
let uid = 1;

beforeAll(async () => {
  db = await createTestDatabase();
  service = await startTestService(testConfig(db.url, { REMINDER_AFTER_HOURS: String(REMINDER_AFTER_HOURS) }));
});

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

const q = async <T extends object>(sql: string, params: unknown[] = []) => (await service.db.query<T & Record<string, unknown>>(sql, params)).rows;
const ingest = (raw: Buffer) => service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw });

test('an unanswered request gets its reminders, threaded, then goes to staff', async () => {
  const from = newCenter();
  const original = `<remind-${randomTag()}@center.test>`;
  const { id } = await ingest(requestMail({ from, messageId: original, subject: 'VOB request', body: INCOMPLETE_BODY }));
  const [request] = await waitFor(async () => {
    const rows = await q<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id]);
    return rows.length > 0 ? rows : null;
  }, { what: 'request stored' });

  // The first reply plus two reminders, then nothing more.
  const mails = await waitFor(async () => {
    const inbox = await readMailbox(from);
    return inbox.length >= 3 ? inbox : null;
  }, { timeoutMs: 40_000, what: 'reply and two reminders delivered' });
  const task = await waitFor(async () => {
    const [row] = await q<{ status: string; reason: string }>("SELECT status, reason FROM staff_task WHERE request_id = $1 AND kind = 'awaiting-information'", [request!.id]);
    return row && row.status === 'open' ? row : null;
  }, { timeoutMs: 20_000, what: 'awaiting task handed to staff' });
  expect(task.status).toBe('open');

  await new Promise((r) => setTimeout(r, 5000));
  const final = await readMailbox(from);
  expect(final).toHaveLength(3);
  const replies = await q<{ kind: string; status: string; message_id: string }>(
    'SELECT kind, status, message_id FROM outbound_reply WHERE inbound_message_id = $1 ORDER BY id',
    [id],
  );
  expect(replies.map((r) => [r.kind, r.status])).toEqual([
    ['missing-fields', 'sent'],
    ['reminder', 'sent'],
    ['reminder', 'sent'],
  ]);
  for (const mail of mails) {
    expect(mail.headers['auto-submitted']).toBe('auto-replied');
    expect(mail.headers['references']).toContain(original);
    expect(mail.source).toMatch(/Client Address/);
  }
  // Each reminder answers the mail before it in the thread.
  const byId = new Map(final.map((m) => [m.headers['message-id'], m]));
  expect(byId.get(replies[1]!.message_id)?.headers['in-reply-to']).toBe(replies[0]!.message_id);
  expect(byId.get(replies[2]!.message_id)?.headers['in-reply-to']).toBe(replies[1]!.message_id);
});

test('an answer before the reminder is due stops the reminders', async () => {
  const from = newCenter();
  const original = `<stop-${randomTag()}@center.test>`;
  const { id } = await ingest(requestMail({ from, messageId: original, subject: 'VOB request', body: INCOMPLETE_BODY }));
  const reply = await waitFor(async () => {
    const [row] = await q<{ message_id: string; status: string }>("SELECT message_id, status FROM outbound_reply WHERE inbound_message_id = $1 AND kind = 'missing-fields'", [id]);
    return row && row.status === 'sent' ? row : null;
  }, { what: 'first reply sent' });
  await ingest(
    requestMail({
      from,
      messageId: `<stop-answer-${randomTag()}@center.test>`,
      subject: 'Re: VOB request',
      headers: { 'In-Reply-To': reply.message_id, References: `${original} ${reply.message_id}` },
      body: 'Client Address: 12 Main Street, Fresno, CA 93701\n',
    }),
  );
  await new Promise((r) => setTimeout(r, 7000));
  expect(await q("SELECT 1 FROM outbound_reply WHERE inbound_message_id = $1 AND kind = 'reminder'", [id])).toHaveLength(0);
  expect(await readMailbox(from)).toHaveLength(1);
});
