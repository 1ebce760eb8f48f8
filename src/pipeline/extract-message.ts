/**
 * Raw bytes → the contract document, as an explicit ordered list of steps. Only `parse` and
 * `readCards` do I/O (through the adapters passed in); every other step is a pure function.
 */
import { vobDocumentSchema, type AttachmentError, type VobDocument } from '../../schemas/vob-record';
import { DEFAULT_MIME_LIMITS, parseMessage, type MimeLimits } from '../adapters/mime-parser';
import type { BodyExtraction } from '../domain/body/body-request';
import { extractBody } from '../domain/body/extract-body';
import { findLevelOfCare } from '../domain/body/level-of-care';
import type { CardReading } from '../domain/card/card-reading';
import { mergeRequests } from '../domain/merge';
import type { MessageAttachment, ParsedMessage } from '../domain/mime/parsed-message';
import { mentionedNameTokens, type MessageRelation } from '../domain/related-mail';
import { replyDoubts } from '../domain/reply-certainty';
import { decideReply, isAutomaticAnswer, isCalendarInvitation, relayedSender, type ReplyPolicy } from '../domain/reply-decision';

/** The card-reading port: one reading per image or PDF page; throws an error with a `code`. */
export interface CardReaderPort {
  readAttachment(attachment: MessageAttachment): Promise<CardReading[]>;
}

export interface ExtractMessageDeps {
  cardReader: CardReaderPort;
  replyPolicy: ReplyPolicy;
  mimeLimits?: MimeLimits;
}

export interface ExtractionResult {
  document: VobDocument;
  /** The parsed message, for callers that store or answer it (threading headers). */
  message: ParsedMessage;
  /** Mail about a request that is not one (no request read, a non-request intent): null otherwise. */
  relation: MessageRelation | null;
  /** Every card reading, including attachments recognised as not a card. */
  readings: CardReading[];
}

const NO_BODY: BodyExtraction = { requests: [], mentionsVerification: false };

export async function extractMessage(raw: Uint8Array, deps: ExtractMessageDeps): Promise<ExtractionResult> {
  const parsed = await parseMessage(raw, deps.mimeLimits ?? DEFAULT_MIME_LIMITS);
  // A form or ticket relay's no-reply From stands aside for the person in Reply-To.
  const relayed = relayedSender(parsed);
  const message = relayed ? { ...parsed, from: relayed.address, fromName: relayed.name } : parsed;
  // Bounces and auto-replies are never requests: they often quote our own reply's labels. A
  // CRM's notification from a no-reply sender is read (and, in decideReply, never answered).
  const notRequest = isAutomaticAnswer(message) || isCalendarInvitation(message);
  const isReply = message.inReplyTo !== null || message.references.length > 0 || /^\s*re\s*:/i.test(message.subject ?? '');
  const body = notRequest
    ? NO_BODY
    : extractBody(message.text, {
        subject: message.subject,
        from: message.from,
        fromName: message.fromName,
        // "Today" for the date-of-birth checks is when the message was written, not when read.
        referenceDate: message.date,
        isReply,
      });
  const { readings, errors } = notRequest ? { readings: [], errors: [] } : await readCards(message.attachments, deps.cardReader);
  // The level of care is said once per message ("VOB for IOP"), so every request carries it.
  const levelOfCare = notRequest ? null : findLevelOfCare(message.text);
  const requests = mergeRequests(body, readings, { isReply }).map((request) => ({ ...request, levelOfCare }));
  const doubts = replyDoubts({ subject: message.subject, segments: body.segments ?? [], requests, placedValues: body.placedValues, referenceDate: referenceDate(message.date), intent: body.intent });
  const reply = decideReply({ from: message.from, contentType: message.contentType, headers: message.headers, requests, doubts }, deps.replyPolicy);
  const document = vobDocumentSchema.parse({
    messageId: message.messageId,
    from: message.from,
    subject: message.subject,
    requests,
    reply,
    attachmentErrors: errors,
    ...(relayed ? { relayedBy: parsed.from } : {}),
  });
  const relation: MessageRelation | null =
    requests.length === 0 && body.intent && body.intent !== 'request'
      ? { intent: body.intent, nameTokens: mentionedNameTokens(message.subject, message.text) }
      : null;
  return { document, message, readings, relation };
}

/** "Today" for the message: its Date header, else now. */
function referenceDate(date: string | null): Date {
  const d = date ? new Date(date) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}

/** One attachment's failure is listed and the others are still read. */
async function readCards(
  attachments: readonly MessageAttachment[],
  reader: CardReaderPort,
): Promise<{ readings: CardReading[]; errors: AttachmentError[] }> {
  const results = await Promise.allSettled(attachments.map((a) => reader.readAttachment(a)));
  const readings: CardReading[] = [];
  const errors: AttachmentError[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      readings.push(...result.value);
      return;
    }
    const err = result.reason as { code?: unknown; message?: unknown };
    errors.push({
      filename: attachments[index]?.filename ?? null,
      code: typeof err?.code === 'string' ? err.code : 'unreadable',
      message: typeof err?.message === 'string' ? err.message : String(result.reason),
    });
  });
  return { readings, errors };
}
