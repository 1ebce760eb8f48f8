/**
 * A raw message from the mailbox → one stored inbound_message row (encrypted) → an extract job.
 * Idempotent: the same message delivered twice, or seen again after a UIDVALIDITY reset, maps
 * to the same dedupe key and is stored once. The poller advances its cursor only after this
 * resolves (the row is committed). An oversized or unreadable message is stored with status
 * needs-review and a review-message task instead of being extracted.
 */
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createInboundMessageRepository, type NewInboundMessage } from '../adapters/db/inbound-message.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { DEFAULT_INLINE_MAX_BYTES, isTextOnly } from '../adapters/extraction/text-only';
import { messageIdentity } from '../domain/message-identity';
import { reviewMessageTask, reviewReason, type ReviewCode } from '../domain/tasks';
import { enqueueBestEffort, noMetrics, silentLogger, type LoggerPort, type MetricsPort, type WorkQueuePort } from './ports';

export const DEFAULT_MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

export interface IngestMessageDeps {
  db: Db;
  cipher: PhiCipher;
  queue: Pick<WorkQueuePort, 'enqueueExtract'>;
  /** MAX_MESSAGE_BYTES: larger messages are set aside for staff, never extracted. */
  maxMessageBytes?: number;
  logger?: LoggerPort;
  metrics?: MetricsPort;
  now?: () => Date;
}

export interface IngestMessageInput {
  mailbox: string;
  uidValidity: number;
  uid: number;
  /** The RFC 5322 bytes; for an oversized message the poller may pass only its header block. */
  raw: Uint8Array;
  /** The message's real size (RFC822.SIZE) when `raw` is not the whole message. */
  sizeBytes?: number;
}

export interface IngestMessageResult {
  /** inbound_message.id */
  id: string;
  /** The message was already stored (same Message-ID, or same content without one). */
  duplicate: boolean;
  status: 'received' | 'extracted' | 'needs-review';
}

export interface IngestQueue extends Pick<WorkQueuePort, 'enqueueExtract'> {
  /** Several extract jobs in one round trip (BullMQ addBulk); optional for simple fakes. */
  enqueueExtractMany?(messages: readonly { id: string; needsOcr: boolean | null }[]): Promise<void>;
}

/** What one input becomes before any I/O: identity, review code, the encrypted bytes to store. */
function prepare(input: IngestMessageInput, cipher: PhiCipher, maxBytes: number) {
  const identity = messageIdentity(input.raw);
  const sizeBytes = Math.max(input.sizeBytes ?? 0, input.raw.byteLength);
  const review: ReviewCode | null =
    sizeBytes > maxBytes ? 'message-too-large' : identity.looksLikeMessage ? null : 'not-a-message';
  // An oversized message keeps only its header block here; the whole stays in the mailbox.
  const stored = review === 'message-too-large' ? input.raw.subarray(0, identity.headerBytes) : input.raw;
  const reason =
    review === 'message-too-large'
      ? `${reviewReason(review)} (${sizeBytes} bytes, limit ${maxBytes})`
      : review
        ? reviewReason(review)
        : null;
  const row: NewInboundMessage = {
    dedupeKey: identity.dedupeKey,
    messageId: identity.messageId,
    contentSha256: identity.contentSha256,
    mailbox: input.mailbox,
    uidValidity: input.uidValidity,
    uid: input.uid,
    sizeBytes: Math.min(sizeBytes, 2_147_483_647),
    fromAddress: identity.fromAddress,
    rawEncrypted: cipher.encrypt(stored),
    status: review ? 'needs-review' : 'received',
    reviewCode: review,
    reviewReason: reason,
    // The extraction pool's own check: what it would read in the main thread goes to queue
    // "extract", everything else to "extract-ocr" (see migrations/0003_inbound_needs_ocr.sql).
    needsOcr: !isTextOnly(input.raw, DEFAULT_INLINE_MAX_BYTES),
  };
  return { row, review, reason, sizeBytes };
}

export function ingestMessage(deps: IngestMessageDeps) {
  const { db, cipher, queue } = deps;
  const maxBytes = deps.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());

  return async function ingest(input: IngestMessageInput): Promise<IngestMessageResult> {
    const { row: message, review, reason, sizeBytes } = prepare(input, cipher, maxBytes);

    const result = await withTransaction(db, async (tx) => {
      const messages = createInboundMessageRepository({ db: tx });
      const row = await messages.insertIfNew(message);
      if (row.inserted && review) {
        const task = reviewMessageTask({ inboundMessageId: row.id, code: review, now: now() });
        if (review === 'message-too-large') task.reason = reason ?? task.reason;
        await createStaffTaskRepository({ db: tx }).upsert(task);
      }
      return row;
    });

    metrics.messageIngested(!result.inserted ? 'duplicate' : review ? 'needs-review' : 'new');
    logger.info(
      { inboundMessageId: result.id, duplicate: !result.inserted, status: result.status, sizeBytes, reviewCode: review },
      'message ingested',
    );
    if (result.status === 'received') {
      await enqueueBestEffort(logger, 'extract', result.id, () => queue.enqueueExtract(result.id, result.needsOcr));
    }
    return { id: result.id, duplicate: !result.inserted, status: result.status };
  };
}

export type IngestMessage = ReturnType<typeof ingestMessage>;

/**
 * The same contract as ingestMessage for a batch (the poller's chunk): every message of the
 * batch is committed in ONE transaction (one multi-row INSERT … ON CONFLICT DO NOTHING), so the
 * batch resolves only when all of it is durable and throws with none of it stored; the poller
 * then advances its cursor past the batch. Extract jobs go to Redis in one addBulk afterwards
 * (best effort, as for one message). Results are in input order.
 */
export function ingestMessages(deps: Omit<IngestMessageDeps, 'queue'> & { queue: IngestQueue }) {
  const { db, cipher, queue } = deps;
  const maxBytes = deps.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());

  return async function ingestBatch(inputs: readonly IngestMessageInput[]): Promise<IngestMessageResult[]> {
    if (inputs.length === 0) return [];
    const prepared = inputs.map((input) => prepare(input, cipher, maxBytes));
    const rows = await withTransaction(db, async (tx) => {
      const stored = await createInboundMessageRepository({ db: tx }).insertManyIfNew(prepared.map((p) => p.row));
      const tasks = createStaffTaskRepository({ db: tx });
      for (const [i, row] of stored.entries()) {
        const { review, reason } = prepared[i]!;
        if (!row.inserted || !review) continue;
        const task = reviewMessageTask({ inboundMessageId: row.id, code: review, now: now() });
        if (review === 'message-too-large') task.reason = reason ?? task.reason;
        await tasks.upsert(task);
      }
      return stored;
    });

    const counts = { new: 0, duplicate: 0, 'needs-review': 0 };
    for (const [i, row] of rows.entries()) {
      const result = !row.inserted ? 'duplicate' : prepared[i]!.review ? 'needs-review' : 'new';
      metrics.messageIngested(result);
      counts[result] += 1;
      if (prepared[i]!.review) {
        logger.info({ inboundMessageId: row.id, duplicate: !row.inserted, status: row.status, sizeBytes: prepared[i]!.sizeBytes, reviewCode: prepared[i]!.review }, 'message ingested');
      }
    }
    logger.info({ ...counts, firstId: rows[0]!.id, lastId: rows[rows.length - 1]!.id }, 'messages ingested');
    const toExtract = [...new Map(rows.filter((r) => r.status === 'received').map((r) => [r.id, { id: r.id, needsOcr: r.needsOcr }])).values()];
    if (toExtract.length > 0) {
      const many = queue.enqueueExtractMany?.bind(queue);
      if (many) {
        await enqueueBestEffort(logger, 'extract', toExtract[0]!.id, () => many(toExtract));
      } else {
        for (const m of toExtract) await enqueueBestEffort(logger, 'extract', m.id, () => queue.enqueueExtract(m.id, m.needsOcr));
      }
    }
    return rows.map((row) => ({ id: row.id, duplicate: !row.inserted, status: row.status }));
  };
}

export type IngestMessages = ReturnType<typeof ingestMessages>;
