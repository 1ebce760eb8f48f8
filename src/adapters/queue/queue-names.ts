/**
 * The BullMQ queues, their payloads (ids only, never PHI) and deterministic job ids.
 *
 * Extraction has two queues with the same payload: `extract` for text-only messages (read in
 * the main thread in a millisecond or two) and `extract-ocr` for messages with an image, PDF or
 * attached message (read in an OCR thread, seconds each). Ingest picks one from
 * `inbound_message.needs_ocr`, so card photos in a backlog cannot hold the text jobs' slots.
 * Job ids differ per queue (`extract-<id>`, `extract-ocr-<id>`).
 */
import { z } from 'zod';

const id = z.string().regex(/^\d{1,18}$/, 'a numeric row id');

export const QUEUES = {
  extract: {
    name: 'extract',
    payload: z.object({ inboundMessageId: id }).strict(),
    jobId: (p: { inboundMessageId: string }) => `extract-${p.inboundMessageId}`,
  },
  extractOcr: {
    name: 'extract-ocr',
    payload: z.object({ inboundMessageId: id }).strict(),
    jobId: (p: { inboundMessageId: string }) => `extract-ocr-${p.inboundMessageId}`,
  },
  sendReply: {
    name: 'send-reply',
    payload: z.object({ replyId: id }).strict(),
    jobId: (p: { replyId: string }) => `reply-${p.replyId}`,
  },
  remind: {
    name: 'remind',
    payload: z.object({ requestId: id, reminderNumber: z.number().int().min(1).max(100) }).strict(),
    jobId: (p: { requestId: string; reminderNumber: number }) => `remind-${p.requestId}-${p.reminderNumber}`,
  },
} as const;

export type ExtractPayload = z.infer<typeof QUEUES.extract.payload>;
/** The extraction queue of a message: `extract-ocr` unless Postgres knows it is text-only (NULL → OCR). */
export function extractQueueFor(needsOcr: boolean | null | undefined): typeof QUEUES.extract | typeof QUEUES.extractOcr {
  return needsOcr === false ? QUEUES.extract : QUEUES.extractOcr;
}
export type SendReplyPayload = z.infer<typeof QUEUES.sendReply.payload>;
export type RemindPayload = z.infer<typeof QUEUES.remind.payload>;
