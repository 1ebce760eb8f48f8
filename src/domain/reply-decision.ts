/**
 * Would an automatic reply go out? Pure: headers and the extracted requests in, decision out.
 * RFC 3834 care first (never answer machines, lists or bounces), then the request itself.
 */
import type { ReplyDecision, VobRequest } from '../../schemas/vob-record';
import type { MessageHeader } from './mime/parsed-message';
import { senderAllowed } from './service-settings';

export interface ReplyPolicy {
  /** Our own addresses (lower-case): never answered, so two services cannot loop. */
  ownAddresses: readonly string[];
  /** When non-empty, only senders at these domains (lower-case) get replies. */
  allowedSenderDomains: readonly string[];
}

export interface ReplyDecisionInput {
  from: string | null;
  contentType: string;
  headers: readonly MessageHeader[];
  requests: readonly VobRequest[];
  /** Signs that a field the reply would ask for is in the message after all (reply-certainty). */
  doubts?: readonly string[];
}

/** Bounce and auto-reply senders: what they send answers other mail. */
const REPLYING_SENDER = /^(mailer-daemon|postmaster|bounces?|auto-?reply)([+-.][^@]*)?@/i;
/** Senders that take no answer: CRMs and web forms often send requests from these. */
const NO_REPLY_SENDER = /^(no-?reply|do-?not-?reply)([+-.][^@]*)?@/i;

/** The Auto-Submitted keyword (RFC 3834: no, auto-generated, auto-replied, ...), lower-case; null when absent. */
function autoSubmittedKind(headers: readonly MessageHeader[]): string | null {
  return headerValue(headers, 'auto-submitted')?.split(';')[0]?.trim().toLowerCase() ?? null;
}

/**
 * An automatic answer to other mail (RFC 3834 auto-replied, a bounce, a delivery report, an
 * out-of-office): never a request, however it quotes one.
 */
export function isAutomaticAnswer(input: Pick<ReplyDecisionInput, 'from' | 'contentType' | 'headers'>): boolean {
  const autoSubmitted = autoSubmittedKind(input.headers);
  if (autoSubmitted !== null && autoSubmitted !== 'no' && autoSubmitted !== 'auto-generated') return true;
  if (headerValue(input.headers, 'x-auto-response-suppress') !== null) return true;
  if (input.contentType === 'multipart/report' || input.contentType === 'message/delivery-status') return true;
  if (input.from === null || REPLYING_SENDER.test(input.from)) return true;
  // An empty envelope sender (Return-Path: <>) marks a bounce or another notification.
  const returnPath = headerValue(input.headers, 'return-path');
  if (returnPath !== null && /^<\s*>$/.test(returnPath)) return true;
  return false;
}

/**
 * True when the message comes from a machine or says it must not be answered automatically. A
 * CRM's or web form's notification (Auto-Submitted: auto-generated, a no-reply sender) may still
 * carry a request, which is read; it is only never answered.
 */
export function isAutomatedMessage(input: Pick<ReplyDecisionInput, 'from' | 'contentType' | 'headers'>): boolean {
  if (isAutomaticAnswer(input)) return true;
  return autoSubmittedKind(input.headers) === 'auto-generated' || (input.from !== null && NO_REPLY_SENDER.test(input.from));
}

/**
 * A person's message relayed by a machine: a web form or ticket tool sends from a no-reply
 * address and names the person in Reply-To (RFC 5322: replies go there). That person is the
 * sender: the one answered, checked against the allowlist and matched with later answers.
 * Null when the message is not relayed so.
 */
export function relayedSender(message: { from: string | null; replyTo?: { address: string; name: string | null } | null }): { address: string; name: string | null } | null {
  const replyTo = message.replyTo;
  if (!message.from || !replyTo || !NO_REPLY_SENDER.test(message.from)) return null;
  if (NO_REPLY_SENDER.test(replyTo.address) || REPLYING_SENDER.test(replyTo.address)) return null;
  return { address: replyTo.address.toLowerCase(), name: replyTo.name };
}

/**
 * A meeting invitation (an iCalendar part, RFC 5545/6047): scheduling mail, never a request,
 * however much its agenda talks about VOBs.
 */
export function isCalendarInvitation(input: { contentType: string | null; attachments: readonly { contentType: string }[] }): boolean {
  const calendar = /^(?:text\/calendar|application\/ics)$/;
  return calendar.test(input.contentType ?? '') || input.attachments.some((a) => calendar.test(a.contentType));
}

export function isBulkOrList(headers: readonly MessageHeader[]): boolean {
  const precedence = headerValue(headers, 'precedence')?.toLowerCase() ?? '';
  if (/\b(bulk|list|junk)\b/.test(precedence)) return true;
  return headers.some((h) => h.name.startsWith('list-'));
}

export function decideReply(input: ReplyDecisionInput, policy: ReplyPolicy): ReplyDecision {
  if (isAutomatedMessage(input)) return { send: false, reason: 'auto-submitted' };
  if (isBulkOrList(input.headers)) return { send: false, reason: 'bulk-or-list' };
  if (!isSenderAllowed(input.from, policy)) return { send: false, reason: 'sender-not-allowed' };
  if (input.requests.length === 0) return { send: false, reason: 'not-a-request' };
  // A missing card alone never triggers a reply: the form asks for it only "if available".
  const lacksMoreThanCard = input.requests.some((r) => r.missingFields.some((f) => f !== 'card'));
  if (!lacksMoreThanCard) return { send: false, reason: 'complete' };
  // Asking a center for data it sent is the error a center notices: when unsure, staff decide.
  if (input.doubts && input.doubts.length > 0) return { send: false, reason: 'missing-fields', review: [...input.doubts] };
  return { send: true, reason: 'missing-fields' };
}

function isSenderAllowed(from: string | null, policy: ReplyPolicy): boolean {
  if (from === null) return false;
  if (policy.ownAddresses.includes(from.toLowerCase())) return false;
  return senderAllowed(from, policy.allowedSenderDomains);
}

function headerValue(headers: readonly MessageHeader[], name: string): string | null {
  return headers.find((h) => h.name === name)?.value ?? null;
}
