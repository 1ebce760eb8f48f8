/**
 * The producer side of BullMQ. Job ids are deterministic, so enqueueing work that is already
 * queued does nothing; completed and failed jobs are removed, so the reconciler can enqueue
 * pending work again (the use cases check Postgres state before acting).
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkQueuePort } from '../../use-cases/ports';
import { extractQueueFor, QUEUES } from './queue-names';

export interface JobQueue extends WorkQueuePort {
  /** Extract jobs for several messages in one Redis round trip (the poller's batch). */
  enqueueExtractMany(messages: readonly { id: string; needsOcr: boolean | null }[]): Promise<void>;
  readonly queues: Queue[];
  /** Text-only extract jobs waiting (the reply pacing's signal). */
  textExtractWaiting(): Promise<number>;
  /** Jobs waiting, active and delayed per queue (for /metrics and tests). */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Enqueue timeout: a Redis outage must not stall ingest (the reconciler catches up). */
const ENQUEUE_TIMEOUT_MS = 3000;

const BASE: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

export function createJobQueue({ connection, prefix }: { connection: Redis; prefix: string }): JobQueue {
  const extract = new Queue(QUEUES.extract.name, { connection, prefix });
  const extractOcr = new Queue(QUEUES.extractOcr.name, { connection, prefix });
  const sendReply = new Queue(QUEUES.sendReply.name, { connection, prefix });
  const remind = new Queue(QUEUES.remind.name, { connection, prefix });
  for (const q of [extract, extractOcr, sendReply, remind]) q.on('error', () => undefined);

  const withTimeout = async (work: Promise<unknown>): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        work,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error('enqueue timed out'), { code: 'enqueue-timeout' })), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  const add = (queue: Queue, name: string, data: object, opts: JobsOptions): Promise<void> => withTimeout(queue.add(name, data, opts));

  return {
    queues: [extract, extractOcr, sendReply, remind],
    async enqueueExtract(inboundMessageId, needsOcr) {
      const target = extractQueueFor(needsOcr);
      const payload = target.payload.parse({ inboundMessageId });
      await add(target === QUEUES.extract ? extract : extractOcr, target.name, payload, { ...BASE, jobId: target.jobId(payload) });
    },
    async enqueueExtractMany(messages) {
      const text: Parameters<Queue['addBulk']>[0] = [];
      const ocr: Parameters<Queue['addBulk']>[0] = [];
      for (const { id: inboundMessageId, needsOcr } of messages) {
        const target = extractQueueFor(needsOcr);
        const payload = target.payload.parse({ inboundMessageId });
        (target === QUEUES.extract ? text : ocr).push({ name: target.name, data: payload, opts: { ...BASE, jobId: target.jobId(payload) } });
      }
      const bulks: Promise<unknown>[] = [];
      if (text.length > 0) bulks.push(extract.addBulk(text));
      if (ocr.length > 0) bulks.push(extractOcr.addBulk(ocr));
      if (bulks.length > 0) await withTimeout(Promise.all(bulks));
    },
    async enqueueSendReply(replyId) {
      const payload = QUEUES.sendReply.payload.parse({ replyId });
      await add(sendReply, 'send-reply', payload, { ...BASE, jobId: QUEUES.sendReply.jobId(payload) });
    },
    async enqueueReminder(requestId, reminderNumber, delayMs) {
      const payload = QUEUES.remind.payload.parse({ requestId, reminderNumber });
      await add(remind, 'remind', payload, { ...BASE, delay: Math.max(0, Math.round(delayMs)), jobId: QUEUES.remind.jobId(payload) });
    },
    async textExtractWaiting() {
      return extract.getWaitingCount();
    },
    async counts() {
      const out: Record<string, number> = {};
      for (const q of [extract, extractOcr, sendReply, remind]) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        out[q.name] = Object.values(c).reduce((a, b) => a + b, 0);
      }
      return out;
    },
    async close() {
      await Promise.all([extract.close(), extractOcr.close(), sendReply.close(), remind.close()]);
    },
  };
}
