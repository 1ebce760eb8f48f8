/** What the use cases need from the outside, as narrow interfaces (adapters implement them). */
import type { MessageRelation } from '../domain/related-mail';

/** The BullMQ handoff. Payloads are ids only; job ids are deterministic. */
export interface WorkQueuePort {
  /**
   * The extract job of a stored message: queue `extract` when `needsOcr` is false (text-only),
   * `extract-ocr` otherwise (true, or NULL for rows stored before the column existed).
   */
  enqueueExtract(inboundMessageId: string, needsOcr: boolean | null): Promise<void>;
  enqueueSendReply(outboundReplyId: string): Promise<void>;
  enqueueReminder(requestId: string, reminderNumber: number, delayMs: number): Promise<void>;
}

/** A pino-compatible subset. Log ids, codes and counts only: never PHI. */
export interface LoggerPort {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export const silentLogger: LoggerPort = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};

/** Counters the use cases report to (prom-client in the service; no-op elsewhere). */
export interface MetricsPort {
  messageIngested(result: 'new' | 'duplicate' | 'needs-review'): void;
  extractionObserved(seconds: number, outcome: 'extracted' | 'needs-review' | 'retry'): void;
  replyFinished(status: 'sent' | 'uncertain' | 'failed' | 'suppressed'): void;
}

export const noMetrics: MetricsPort = {
  messageIngested: () => undefined,
  extractionObserved: () => undefined,
  replyFinished: () => undefined,
};

/**
 * Enqueue after commit without failing the caller: Postgres already holds the work, and the
 * reconciler re-enqueues whatever Redis did not get.
 */
export async function enqueueBestEffort(logger: LoggerPort, what: string, id: string, enqueue: () => Promise<void>): Promise<boolean> {
  try {
    await enqueue();
    return true;
  } catch (err) {
    logger.warn({ what, id, code: (err as { code?: string }).code ?? 'enqueue-failed' }, 'enqueue failed; the reconciler will retry');
    return false;
  }
}

/** The parts of a parsed message the service keeps besides the contract document. */
export interface MessageThread {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  /** Mail about a request that is not one: what it does and the name words it mentions (PHI, memory only). */
  relation?: MessageRelation;
}

/** Raw bytes → contract document (extractMessage), isolated and time-limited by the adapter. */
export interface ExtractorPort {
  extract(raw: Uint8Array): Promise<{ document: import('../../schemas/vob-record').VobDocument; thread: MessageThread }>;
}

/** One automatic message handed to SMTP. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
  headers: Record<string, string>;
}

export interface MailerPort {
  send(mail: OutgoingMail): Promise<void>;
}
