/**
 * A reply whose process died mid-send and whose job was lost with Redis stays in `sending`:
 * the reconciler hands it to the sender once more, which marks it uncertain and never sends.
 */
import type { VobService } from '../../../src/service/vob-service';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, readMailbox, requestMail, startTestService, testConfig, waitFor } from './lab';

jest.setTimeout(60_000);

let db: { url: string; drop(): Promise<void> };
let service: VobService;

beforeAll(async () => {
  db = await createTestDatabase();
  service = await startTestService(testConfig(db.url));
});

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

test('a reply stuck in sending is marked uncertain by the reconciler and not sent', async () => {
  const from = newCenter();
  // Store and extract with an instance that has no workers, so the reply stays pending.
  const config = { ...service.config, QUEUE_PREFIX: `vobtest-${randomTag()}` };
  const producer = await startTestService(config, { workers: false, http: false, reconciler: false });
  let replyId: string;
  try {
    const { id } = await producer.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: 1, raw: requestMail({ from, messageId: `<stuck-${randomTag()}@center.test>`, body: INCOMPLETE_BODY }) });
    await producer.processExtraction({ inboundMessageId: id });
    const { rows } = await service.db.query<{ id: string }>('SELECT id::text FROM outbound_reply WHERE inbound_message_id = $1', [id]);
    replyId = rows[0]!.id;
    // The crash, long ago: 'sending' committed, the process died, its job is gone from Redis.
    await service.db.query("UPDATE outbound_reply SET status = 'sending', attempted_at = now() - interval '1 hour' WHERE id = $1", [replyId]);
  } finally {
    await producer.stop();
  }
  expect((await service.reconcile()).sendReply).toBeGreaterThanOrEqual(1);
  const status = await waitFor(async () => {
    const { rows } = await service.db.query<{ status: string }>('SELECT status FROM outbound_reply WHERE id = $1', [replyId]);
    return rows[0]?.status === 'uncertain' ? rows[0].status : null;
  }, { what: 'stuck reply marked uncertain' });
  expect(status).toBe('uncertain');
  await new Promise((r) => setTimeout(r, 1500));
  expect(await readMailbox(from)).toHaveLength(0);
});
