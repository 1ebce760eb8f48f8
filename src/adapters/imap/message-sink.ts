/**
 * The port the poller hands messages to: the ingest use case (src/use-cases/ingest-message.ts,
 * contract in docs/service-design.md). It must be idempotent: the same message offered twice
 * (a crash before the cursor moved, a second delivery, a UIDVALIDITY rescan) is stored once and
 * reported as a duplicate, so nothing downstream (extraction, replies, tasks) runs twice.
 *
 * For an oversized message the poller passes only the header block as `raw` and the real size
 * as `sizeBytes`; the sink stores it as needs-review with ONE review task.
 */
import type { IngestMessageInput, IngestMessageResult } from '../../use-cases/ingest-message';

export type MailboxMessage = IngestMessageInput;
export type IngestOutcome = Pick<IngestMessageResult, 'id' | 'duplicate' | 'status'>;

/** Commits one message; resolves only once it is durably stored. Throws on a transient failure. */
export type MessageSink = (message: MailboxMessage) => Promise<IngestOutcome>;

/**
 * Commits several messages at once (the poller's batch): resolves, in input order, only once ALL
 * of them are durably stored, and throws with none of them stored. Same idempotency as above.
 */
export type MessageBatchSink = (messages: readonly MailboxMessage[]) => Promise<IngestOutcome[]>;
