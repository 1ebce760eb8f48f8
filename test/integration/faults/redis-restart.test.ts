/**
 * Fault: the lab's Redis really restarts (scripts/services.sh down|up redis; it keeps nothing on
 * disk) while `vob serve` has a backlog of extract jobs queued in it, and mail arrives while it
 * is down (the waiting jobs are card messages in "extract-ocr"; text-only messages in "extract"
 * pass them). Every queued job is lost with it; Postgres still says what is pending, and the
 * reconciler re-enqueues it. Ends with every request stored once and one reply each.
 *
 * Other test files share this Redis: the integration project runs its files one at a time
 * (jest.config.js), so no other file's jobs are in Redis when it restarts.
 */
import IORedis from 'ioredis';
import { appendToMailbox, assertExactlyOnce, folderCounts, progress, requestMessage, type SentRequest, useFaultWorld, waitUntil, waitUntilSettled } from '../helpers/fault-scenario';
import { labDown, labUp } from '../helpers/lab-control';
import { startVob } from '../helpers/vob-process';

jest.setTimeout(150_000);

const fault = useFaultWorld({ beforeStop: () => labUp('redis') });

async function redisInfo(): Promise<{ runId: string; waiting: (prefix: string) => Promise<number> } & { close(): void }> {
  const redis = new IORedis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', () => undefined);
  await redis.connect();
  const info = await redis.info('server');
  return {
    runId: /run_id:(\w+)/.exec(info)?.[1] ?? '',
    // Both extraction queues: text-only messages in "extract", card messages in "extract-ocr".
    waiting: async (prefix) => {
      let n = 0;
      for (const queue of ['extract', 'extract-ocr']) n += (await redis.llen(`${prefix}:${queue}:wait`)) + (await redis.zcard(`${prefix}:${queue}:prioritized`));
      return n;
    },
    close: () => redis.disconnect(),
  };
}

test('Redis restarted empty under a backlog: the reconciler re-enqueues from Postgres and everything completes once', async () => {
  const { world } = fault;
  const backlog: SentRequest[] = [];
  // Card messages are the backlog: text-only ones no longer wait behind them (queue "extract"
  // vs "extract-ocr"), so only card jobs, beyond the OCR slots, are still waiting in Redis.
  for (let i = 0; i < 12; i++) backlog.push(requestMessage(`rdA${i}`, i < 6 ? { card: ['bcbs-texas-front.jpg', 'medicare-back.jpg', 'humana-back.jpg'][i % 3]! } : {}));
  const whileDown: SentRequest[] = [];
  for (let i = 0; i < 3; i++) whileDown.push(requestMessage(`rdB${i}`));
  const all = [...backlog, ...whileDown];
  const ids = all.map((r) => r.messageId);

  const service = await startVob({ name: 'serve', env: world.env({ RECONCILE_INTERVAL_MS: '2000' }) });
  await appendToMailbox(world.user, backlog.map((r) => r.raw));

  const before = await redisInfo();
  let queued = 0;
  try {
    // Slow card extractions: those beyond the OCR slots wait in Redis as extract-ocr jobs.
    await waitUntil(
      'a backlog of extract jobs waiting in Redis',
      async () => {
        const p = await progress(world.pool, ids);
        queued = await before.waiting(world.prefix);
        return p.stored === backlog.length && queued >= 3 ? p : null;
      },
      { timeoutMs: 30_000, intervalMs: 50, describe: async () => `waiting=${queued} ${JSON.stringify(await progress(world.pool, ids))}\n${service.tail()}` },
    );
  } finally {
    before.close();
  }

  const stoppedAt = Date.now();
  try {
    await labDown('redis');
    await appendToMailbox(world.user, whileDown.map((r) => r.raw));
    await new Promise((r) => setTimeout(r, 1500));
  } finally {
    await labUp('redis');
  }
  const after = await redisInfo();
  after.close();
  expect(after.runId).not.toBe(before.runId);

  const settled = await waitUntilSettled(world.pool, ids, { timeoutMs: 60_000, describe: () => service.tail() });
  const recoveredMs = Date.now() - stoppedAt;
  expect(service.exit()).toBeNull();
  // The lost jobs came back from Postgres through the reconciler.
  const reEnqueued = service.logs.filter((l) => l.time >= stoppedAt && l.msg === 'reconciler re-enqueued pending work');
  expect(reEnqueued.reduce((n, l) => n + Number(l['extract'] ?? 0), 0)).toBeGreaterThan(0);

  const report = await assertExactlyOnce(world, all);
  expect(await folderCounts(world.user)).toEqual({ INBOX: 0, Processed: all.length, 'Needs-Review': 0 });
  process.stdout.write(
    `redis-restart: ${queued} extract jobs waiting when Redis stopped; settled ${recoveredMs} ms after ${JSON.stringify(settled)}; ${JSON.stringify(report)}\n`,
  );
});
