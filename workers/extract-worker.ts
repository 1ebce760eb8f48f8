/**
 * Queues "extract" (text-only messages) and "extract-ocr" (messages with an image, PDF or
 * attached message): one inbound message → processExtraction, the same use case for both. The
 * service runs one worker per queue, each with its own concurrency, so OCR jobs waiting for a
 * thread never hold the slots of text jobs. The CPU-heavy part runs in the extraction thread
 * pool (src/adapters/extraction), so this process's event loop keeps renewing the job lock; the
 * pool's time limit ends runaway messages.
 */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { toJobFailure } from '../src/adapters/queue/job-errors';
import { QUEUES } from '../src/adapters/queue/queue-names';
import type { LoggerPort } from '../src/use-cases/ports';
import type { ProcessExtraction } from '../src/use-cases/process-extraction';

export function createExtractWorker({
  queue = QUEUES.extract,
  connection,
  prefix,
  concurrency,
  processExtraction,
  logger,
}: {
  /** Which extraction queue (default "extract"); both carry the same ids-only payload. */
  queue?: typeof QUEUES.extract | typeof QUEUES.extractOcr;
  connection: Redis;
  prefix: string;
  concurrency: number;
  processExtraction: ProcessExtraction;
  logger: LoggerPort;
}): Worker {
  const worker = new Worker(
    queue.name,
    async (job) => {
      const parsed = queue.payload.safeParse(job.data);
      if (!parsed.success) throw toJobFailure({ code: 'invalid-payload' });
      try {
        return (await processExtraction(parsed.data)).outcome;
      } catch (err) {
        const failure = toJobFailure(err);
        logger.warn({ queue: queue.name, jobId: job.id, error: failure.message, attempt: job.attemptsMade + 1 }, 'extract job failed');
        throw failure;
      }
    },
    { connection, prefix, concurrency, autorun: false },
  );
  worker.on('error', (err) => logger.warn({ queue: queue.name, code: (err as { code?: string }).code ?? 'worker-error' }, 'worker error'));
  return worker;
}
