import type { ExtractionResult } from '../../pipeline/extract-message';
import type { MessageThread } from '../../use-cases/ports';

/** What the store step needs besides the document: threading headers, and what a non-request is about. */
export function threadOf({ message, relation }: Pick<ExtractionResult, 'message' | 'relation'>): MessageThread {
  return {
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    subject: message.subject,
    ...(relation ? { relation } : {}),
  };
}
