/** The BullMQ queues, their payloads (ids only, never PHI) and deterministic job ids. */
import { z } from 'zod';

const id = z.string().regex(/^\d{1,18}$/, 'a numeric row id');

export const QUEUES = {
  extract: {
    name: 'extract',
    payload: z.object({ inboundMessageId: id }).strict(),
    jobId: (p: { inboundMessageId: string }) => `extract-${p.inboundMessageId}`,
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
export type SendReplyPayload = z.infer<typeof QUEUES.sendReply.payload>;
export type RemindPayload = z.infer<typeof QUEUES.remind.payload>;
