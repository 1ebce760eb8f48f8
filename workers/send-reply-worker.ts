/** Queue "send-reply": one outbound_reply row → sendReply (at most once per row). */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { toJobFailure } from '../src/adapters/queue/job-errors';
import { QUEUES } from '../src/adapters/queue/queue-names';
import type { LoggerPort } from '../src/use-cases/ports';
import type { SendReply } from '../src/use-cases/send-reply';

export function createSendReplyWorker({
  connection,
  prefix,
  concurrency,
  sendReply,
  logger,
}: {
  connection: Redis;
  prefix: string;
  concurrency: number;
  sendReply: SendReply;
  logger: LoggerPort;
}): Worker {
  const worker = new Worker(
    QUEUES.sendReply.name,
    async (job) => {
      const parsed = QUEUES.sendReply.payload.safeParse(job.data);
      if (!parsed.success) throw toJobFailure({ code: 'invalid-payload' });
      try {
        return (await sendReply(parsed.data)).status;
      } catch (err) {
        const failure = toJobFailure(err);
        logger.warn({ queue: QUEUES.sendReply.name, jobId: job.id, error: failure.message }, 'send-reply job failed');
        throw failure;
      }
    },
    { connection, prefix, concurrency, autorun: false },
  );
  worker.on('error', (err) => logger.warn({ queue: QUEUES.sendReply.name, code: (err as { code?: string }).code ?? 'worker-error' }, 'worker error'));
  return worker;
}
