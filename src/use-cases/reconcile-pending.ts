/**
 * Postgres is the source of truth; Redis only carries ids. At start and every
 * RECONCILE_INTERVAL_MS this re-enqueues what Postgres says is pending — messages waiting for
 * extraction, replies waiting to be sent, reminders that are due — so work survives Redis
 * restarting empty or an enqueue lost between commit and Redis. Job ids are deterministic and
 * the use cases check state first, so re-enqueueing queued or finished work does nothing.
 */
import type { Db } from '../adapters/db/db-pool';
import { createInboundMessageRepository } from '../adapters/db/inbound-message.repository';
import { createOutboundReplyRepository } from '../adapters/db/outbound-reply.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { silentLogger, type LoggerPort, type WorkQueuePort } from './ports';

/** Far longer than any SMTP exchange (nodemailer's own timeouts are a few minutes at most). */
const STALE_SENDING_MS = 15 * 60_000;

export interface ReconcilePendingDeps {
  db: Db;
  queue: WorkQueuePort;
  batchSize?: number;
  logger?: LoggerPort;
  now?: () => Date;
}

export interface ReconcileCounts {
  extract: number;
  sendReply: number;
  remind: number;
}

export function reconcilePending(deps: ReconcilePendingDeps) {
  const { db, queue } = deps;
  const batch = deps.batchSize ?? 1000;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? (() => new Date());

  const dueReminders = enqueueDueReminders(deps);

  return async function run(): Promise<ReconcileCounts> {
    const counts: ReconcileCounts = { extract: 0, sendReply: 0, remind: 0 };
    const messages = createInboundMessageRepository({ db });
    for (let after = '0'; ; ) {
      // Each to its own queue (text-only → extract, else extract-ocr), as ingest chose.
      const pending = await messages.listReceived(batch, after);
      if (pending.length === 0) break;
      await Promise.all(pending.map((m) => queue.enqueueExtract(m.id, m.needsOcr)));
      counts.extract += pending.length;
      after = pending[pending.length - 1]!.id;
    }
    const replies = createOutboundReplyRepository({ db });
    for (let after = '0'; ; ) {
      const ids = await replies.listPendingIds(batch, after);
      if (ids.length === 0) break;
      await Promise.all(ids.map((id) => queue.enqueueSendReply(id)));
      counts.sendReply += ids.length;
      after = ids[ids.length - 1]!;
    }
    // A reply left in `sending` (its job lost with Redis after a crash mid-send) is handed to
    // the sender once more, which marks it uncertain and tells staff: never sent twice.
    const stale = await replies.listStaleSendingIds(new Date(now().getTime() - STALE_SENDING_MS), batch);
    await Promise.all(stale.map((id) => queue.enqueueSendReply(id)));
    counts.sendReply += stale.length;
    counts.remind = await dueReminders();
    if (counts.extract + counts.sendReply + counts.remind > 0) logger.info({ ...counts }, 'reconciler re-enqueued pending work');
    return counts;
  };
}

/**
 * Reminders that are due, enqueued (job id per request and reminder number, so a reminder already
 * queued is not queued twice). This is how every reminder is scheduled: no delayed job per
 * request is kept in Redis, the service runs this scan on a short timer of its own (see
 * `reminderScanIntervalMs`), and the reconciler runs it too.
 */
export function enqueueDueReminders(deps: Pick<ReconcilePendingDeps, 'db' | 'queue' | 'batchSize' | 'now'>): () => Promise<number> {
  const batch = deps.batchSize ?? 1000;
  const now = deps.now ?? (() => new Date());
  return async () => {
    const due = await createVobRequestRepository({ db: deps.db }).listDueReminders(now(), batch);
    await Promise.all(due.map((r) => deps.queue.enqueueReminder(r.id, r.reminderCount + 1, 0)));
    return due.length;
  };
}

/**
 * How often the due-reminder scan runs: a quarter of the reminder interval, between 250 ms and
 * the reconcile interval (with the default 24 h reminders, every RECONCILE_INTERVAL_MS).
 */
export function reminderScanIntervalMs(reminderAfterHours: number, reconcileIntervalMs: number): number {
  return Math.round(Math.min(reconcileIntervalMs, Math.max(250, (reminderAfterHours * 3_600_000) / 4)));
}

/** Runs the reconciler (or another scan) now and then every `intervalMs` (never overlapping); `stop()` ends it. */
export function startReconciler({
  reconcile,
  intervalMs,
  logger = silentLogger,
}: {
  reconcile: () => Promise<unknown>;
  intervalMs: number;
  logger?: LoggerPort;
}): { stop(): Promise<void>; runNow(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (running) return running;
    running = reconcile()
      .then(() => undefined)
      .catch((err: { code?: string }) => logger.warn({ code: err?.code ?? 'reconcile-failed' }, 'reconcile failed; will retry'))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
      });
    return running;
  };
  void tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    runNow: () => tick(),
  };
}
