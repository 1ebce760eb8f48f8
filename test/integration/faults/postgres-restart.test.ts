/**
 * Fault: PostgreSQL stops and starts again (scripts/services.sh down|up postgres) under a
 * running `vob serve`, while it is working through a batch and while more mail arrives. The
 * service recovers by itself — the poller takes its mailbox lock again and resumes, workers
 * retry, the reconciler catches up — without a restart, and ends with every request stored once
 * and one reply each. The lab's Postgres is brought back up in afterAll even if the test fails.
 */
import { appendToMailbox, assertExactlyOnce, folderCounts, progress, requestMessage, type SentRequest, useFaultWorld, waitUntil, waitUntilSettled } from '../helpers/fault-scenario';
import { labDown, labUp } from '../helpers/lab-control';
import { startVob } from '../helpers/vob-process';

jest.setTimeout(150_000);

const fault = useFaultWorld({ beforeStop: () => labUp('postgres') });

test('Postgres restarted under the running service: it reconnects by itself, nothing lost, nothing twice', async () => {
  const { world } = fault;
  const before: SentRequest[] = [];
  for (let i = 0; i < 8; i++) before.push(requestMessage(`pgA${i}`, i % 4 === 1 ? { card: i === 1 ? 'anthem-front.jpg' : 'kaiser-back.jpg' } : {}));
  const during: SentRequest[] = [];
  for (let i = 0; i < 6; i++) during.push(requestMessage(`pgB${i}`));
  const all = [...before, ...during];
  const ids = all.map((r) => r.messageId);

  const service = await startVob({ name: 'serve', env: world.env() });
  await appendToMailbox(world.user, before.map((r) => r.raw));
  const atStop = await waitUntil(
    'the first messages extracted',
    async () => {
      const p = await progress(world.pool, ids);
      return p.extracted >= 1 ? p : null;
    },
    { timeoutMs: 30_000, describe: () => service.tail() },
  );

  const stoppedAt = Date.now();
  try {
    await labDown('postgres');
    // Mail keeps arriving while the database is away.
    await appendToMailbox(world.user, during.map((r) => r.raw));
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    await labUp('postgres');
  }
  const downMs = Date.now() - stoppedAt;

  const settled = await waitUntilSettled(world.pool, ids, { timeoutMs: 60_000, describe: () => service.tail() });
  const recoveredMs = Date.now() - stoppedAt;
  expect(service.exit()).toBeNull();
  // It noticed: the database errors are in its log, and it is healthy again on its own.
  expect(service.logs.some((l) => l.time >= stoppedAt && l.level >= 40)).toBe(true);
  const health = await waitUntil('/health ok', async () => {
    const res = await fetch(`${service.url}/health`);
    return res.status === 200 ? ((await res.json()) as object) : null;
  });
  // /health also reports the mailbox login (ok once the poller logged in again).
  expect(health).toMatchObject({ status: 'ok', postgres: 'ok', redis: 'ok' });
  expect(['ok', 'unknown']).toContain((health as { mailbox?: string }).mailbox);

  const report = await assertExactlyOnce(world, all);
  expect(await folderCounts(world.user)).toEqual({ INBOX: 0, Processed: all.length, 'Needs-Review': 0 });
  process.stdout.write(
    `postgres-restart: at stop ${JSON.stringify(atStop)}; down ${downMs} ms; settled ${recoveredMs} ms after the stop ${JSON.stringify(settled)}; ${JSON.stringify(report)}\n`,
  );
});
