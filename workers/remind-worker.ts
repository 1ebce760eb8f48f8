/** Queue "remind" (delayed jobs): one due reminder of an awaiting request → sendReminder. */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { toJobFailure } from '../src/adapters/queue/job-errors';
import { QUEUES } from '../src/adapters/queue/queue-names';
import type { LoggerPort } from '../src/use-cases/ports';
import type { SendReminder } from '../src/use-cases/send-reminder';

export function createRemindWorker({
  connection,
  prefix,
  sendReminder,
  logger,
}: {
  connection: Redis;
  prefix: string;
  sendReminder: SendReminder;
  logger: LoggerPort;
}): Worker {
  const worker = new Worker(
    QUEUES.remind.name,
    async (job) => {
      const parsed = QUEUES.remind.payload.safeParse(job.data);
      if (!parsed.success) throw toJobFailure({ code: 'invalid-payload' });
      try {
        return (await sendReminder(parsed.data)).outcome;
      } catch (err) {
        const failure = toJobFailure(err);
        logger.warn({ queue: QUEUES.remind.name, jobId: job.id, error: failure.message }, 'remind job failed');
        throw failure;
      }
    },
    { connection, prefix, concurrency: 2, autorun: false },
  );
  worker.on('error', (err) => logger.warn({ queue: QUEUES.remind.name, code: (err as { code?: string }).code ?? 'worker-error' }, 'worker error'));
  return worker;
}
