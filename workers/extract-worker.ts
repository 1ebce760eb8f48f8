/**
 * Queue "extract": one inbound message → processExtraction. The CPU-heavy part runs in the
 * extraction thread pool (src/adapters/extraction), so this process's event loop keeps
 * renewing the job lock; the pool's time limit ends runaway messages.
 */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { toJobFailure } from '../src/adapters/queue/job-errors';
import { QUEUES } from '../src/adapters/queue/queue-names';
import type { LoggerPort } from '../src/use-cases/ports';
import type { ProcessExtraction } from '../src/use-cases/process-extraction';

export function createExtractWorker({
  connection,
  prefix,
  concurrency,
  processExtraction,
  logger,
}: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  processExtraction: ProcessExtraction;
  logger: LoggerPort;
}): Worker {
  const worker = new Worker(
    QUEUES.extract.name,
    async (job) => {
      const parsed = QUEUES.extract.payload.safeParse(job.data);
      if (!parsed.success) throw toJobFailure({ code: 'invalid-payload' });
      try {
        return (await processExtraction(parsed.data)).outcome;
      } catch (err) {
        const failure = toJobFailure(err);
        logger.warn({ queue: QUEUES.extract.name, jobId: job.id, error: failure.message, attempt: job.attemptsMade + 1 }, 'extract job failed');
        throw failure;
      }
    },
    { connection, prefix, concurrency, autorun: false },
  );
  worker.on('error', (err) => logger.warn({ queue: QUEUES.extract.name, code: (err as { code?: string }).code ?? 'worker-error' }, 'worker error'));
  return worker;
}
