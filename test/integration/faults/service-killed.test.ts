/**
 * Fault: the `vob serve` process is SIGKILLed while it is extracting (card OCR in flight) and
 * while a reply is in the widest at-most-once window — Postfix has queued the reply, the service
 * has not heard the "250" yet. A new process on the same database, Redis and mailbox finishes
 * everything: every request stored once, every message extracted once, one reply per message,
 * and the interrupted reply marked `uncertain` and never sent a second time.
 *
 * The restart waits out BullMQ's stalled-job detection (lock 30 s, check every 30 s): jobs that
 * were active in the killed process are handed to the new one only then.
 */
import { appendToMailbox, assertExactlyOnce, folderCounts, progress, requestMessage, type SentRequest, useFaultWorld, waitUntil, waitUntilSettled } from '../helpers/fault-scenario';
import { startSmtpDelayProxy, type SmtpDelayProxy } from '../helpers/smtp-delay-proxy';
import { startVob } from '../helpers/vob-process';
import { readMailbox } from '../service/lab';

jest.setTimeout(180_000);

let proxy: SmtpDelayProxy;
const fault = useFaultWorld({ afterStop: () => proxy?.close() });

beforeAll(async () => {
  proxy = await startSmtpDelayProxy({ holdMs: 5_000 });
});

test('SIGKILL mid-extraction and mid-send, then a restart: everything completes exactly once', async () => {
  const { world } = fault;
  const cards = ['aetna-front.jpg', 'cigna-front.jpg', 'humana-front.jpg'];
  const requests: SentRequest[] = [];
  for (let i = 0; i < 12; i++) requests.push(requestMessage(`kill${i}`, i % 4 === 0 ? { card: cards[i / 4]! } : {}));
  await appendToMailbox(world.user, requests.map((r) => r.raw));
  const ids = requests.map((r) => r.messageId);

  const env = world.env({ SMTP_PORT: String(proxy.port) });
  const first = await startVob({ name: 'first', env });

  // The moment: Postfix has accepted a reply whose "250" is held, and messages still wait for
  // (or are in) extraction.
  const atKill = await waitUntil(
    'a reply accepted by Postfix but unacknowledged while extraction is still running',
    async () => {
      if (proxy.held() === 0) return null;
      const p = await progress(world.pool, ids);
      return p.received > 0 && (p.replies['sending'] ?? 0) > 0 ? p : null;
    },
    { timeoutMs: 60_000, intervalMs: 50, describe: async () => `held=${proxy.held()} ${JSON.stringify(await progress(world.pool, ids))}\n${first.tail()}` },
  );
  const { rows: inFlight } = await world.pool.query<{ id: string; to_address: string }>(
    "SELECT id::text, to_address FROM outbound_reply WHERE status = 'sending'",
  );
  await first.kill();
  expect(first.exit()).toEqual({ code: null, signal: 'SIGKILL' });
  expect(inFlight.length).toBeGreaterThan(0);
  proxy.setHold(0);

  const second = await startVob({ name: 'second', env });
  const settled = await waitUntilSettled(world.pool, ids, { timeoutMs: 120_000, describe: () => second.tail() });
  expect(second.exit()).toBeNull();

  const report = await assertExactlyOnce(world, requests);
  // The reply interrupted mid-send is never retried: `uncertain`, and the copy Postfix had
  // already queued is the only one its center ever gets.
  const { rows: after } = await world.pool.query<{ id: string; status: string }>('SELECT id::text, status FROM outbound_reply WHERE id = ANY($1::bigint[])', [
    inFlight.map((r) => r.id),
  ]);
  expect(after.map((r) => r.status)).toEqual(inFlight.map(() => 'uncertain'));
  const copies = await Promise.all(inFlight.map(async (r) => (await readMailbox(r.to_address)).length));
  expect(Math.max(...copies)).toBeLessThanOrEqual(1);
  expect(copies.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
  expect(await folderCounts(world.user)).toEqual({ INBOX: 0, Processed: 12, 'Needs-Review': 0 });
  process.stdout.write(`service-killed: at kill ${JSON.stringify(atKill)}; settled ${JSON.stringify(settled)}; ${JSON.stringify(report)}\n`);
});
