/**
 * Extraction has two queues: text-only messages go to "extract" (read in the main thread),
 * messages with a card photo (or PDF, or attached message) to "extract-ocr" (read in an OCR
 * thread). Before the split, a backlog of card jobs filled every extract slot while they waited
 * for the OCR threads, and text-only requests queued behind them. On the real lab: Postgres,
 * Redis (BullMQ) and real OCR of card photos.
 */
import type { VobService } from '../../../src/service/vob-service';
import { requestMessage } from '../helpers/fault-scenario';
import { createTestDatabase, randomTag, startTestService, testConfig, waitFor } from './lab';

jest.setTimeout(120_000);

let db: { url: string; drop(): Promise<void> };
let service: VobService;
let uid = 1;

beforeAll(async () => {
  db = await createTestDatabase();
  service = await startTestService(testConfig(db.url));
});

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

const statuses = async (ids: readonly string[]): Promise<string[]> =>
  (await service.db.query<{ status: string }>('SELECT status FROM inbound_message WHERE id = ANY($1::bigint[])', [ids])).rows.map((r) => r.status);

test('a backlog of card messages does not delay a text-only message', async () => {
  const cardFiles = ['bcbs-texas-front.jpg', 'medicare-back.jpg', 'humana-back.jpg', 'aetna-front.jpg', 'anthem-back.jpg'];
  const cards: string[] = [];
  for (let i = 0; i < 12; i++) {
    const { raw } = requestMessage(`ocr${i}`, { card: cardFiles[i % cardFiles.length]! });
    cards.push((await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw })).id);
  }
  const text = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw: requestMessage('text').raw });

  const routed = await service.db.query<{ id: string; needs_ocr: boolean }>('SELECT id::text, needs_ocr FROM inbound_message ORDER BY id');
  expect(routed.rows.filter((r) => r.id !== text.id).every((r) => r.needs_ocr === true)).toBe(true);
  expect(routed.rows.find((r) => r.id === text.id)?.needs_ocr).toBe(false);

  const started = Date.now();
  await waitFor(async () => (await statuses([text.id]))[0] !== 'received', { timeoutMs: 30_000, intervalMs: 20, what: 'the text-only message extracted' });
  const tookMs = Date.now() - started;
  const pending = (await statuses(cards)).filter((s) => s === 'received').length;
  const counts = await service.queue.counts();
  process.stdout.write(`extract-queues: text-only extracted in ${tookMs} ms with ${pending}/${cards.length} card messages still pending; ${JSON.stringify(counts)}\n`);
  expect((await statuses([text.id]))[0]).toBe('extracted');
  // With one shared queue the text job ran only after most of the card jobs ahead of it.
  expect(pending).toBeGreaterThanOrEqual(cards.length / 2);
  expect(counts['extract-ocr']).toBeGreaterThan(0);
});

test('the reconciler re-enqueues each pending message to its own queue; rows from before needs_ocr (NULL) go to extract-ocr', async () => {
  // An instance without workers: its jobs stay in Redis under its own prefix to be counted.
  const config = { ...service.config, QUEUE_PREFIX: `vobtest-${randomTag()}` };
  const producer = await startTestService(config, { workers: false, http: false, reconciler: false });
  try {
    const text = await producer.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw: requestMessage('rtext').raw });
    const card = await producer.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw: requestMessage('rcard', { card: 'medicare-back.jpg' }).raw });
    const legacy = await producer.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: uid++, raw: requestMessage('rlegacy').raw });
    await producer.db.query('UPDATE inbound_message SET needs_ocr = NULL WHERE id = $1', [legacy.id]);

    const ids = async (name: string) => (await producer.queue.queues.find((q) => q.name === name)!.getJobs(['waiting', 'prioritized'])).map((j) => j.id).sort();
    // Emptied (as after Redis restarted empty), then rebuilt from Postgres.
    for (const q of producer.queue.queues) await q.obliterate({ force: true });
    // The shared service's workers may have finished other rows; only these three are ours to check.
    const before = await producer.db.query<{ id: string }>("SELECT id::text FROM inbound_message WHERE status = 'received'");
    expect(before.rows.map((r) => r.id)).toEqual(expect.arrayContaining([text.id, card.id, legacy.id]));
    await producer.reconcile();
    expect(await ids('extract')).toContain(`extract-${text.id}`);
    expect(await ids('extract-ocr')).toEqual(expect.arrayContaining([`extract-ocr-${card.id}`, `extract-ocr-${legacy.id}`]));
    expect(await ids('extract-ocr')).not.toContain(`extract-ocr-${text.id}`);
    expect(await ids('extract')).not.toContain(`extract-${card.id}`);
    expect(await ids('extract')).not.toContain(`extract-${legacy.id}`);
  } finally {
    for (const q of producer.queue.queues) await q.obliterate({ force: true }).catch(() => undefined);
    await producer.stop();
  }
});
