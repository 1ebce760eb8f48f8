/**
 * A raw message from the mailbox → one stored inbound_message row (encrypted) → an extract job.
 * Idempotent: the same message delivered twice, or seen again after a UIDVALIDITY reset, maps
 * to the same dedupe key and is stored once. The poller advances its cursor only after this
 * resolves (the row is committed). An oversized or unreadable message is stored with status
 * needs-review and a review-message task instead of being extracted.
 */
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createInboundMessageRepository } from '../adapters/db/inbound-message.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
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

export function ingestMessage(deps: IngestMessageDeps) {
  const { db, cipher, queue } = deps;
  const maxBytes = deps.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());

  return async function ingest(input: IngestMessageInput): Promise<IngestMessageResult> {
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

    const result = await withTransaction(db, async (tx) => {
      const messages = createInboundMessageRepository({ db: tx });
      const row = await messages.insertIfNew({
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
      });
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
      await enqueueBestEffort(logger, 'extract', result.id, () => queue.enqueueExtract(result.id));
    }
    return { id: result.id, duplicate: !result.inserted, status: result.status };
  };
}

export type IngestMessage = ReturnType<typeof ingestMessage>;
