/**
 * Mail about a request that is not one (a status question, a cancellation, a correction
 * without the rest, a thank-you, a recall, a read receipt): it never gets a form reply, and
 * where it belongs to an open request (its thread headers point there, or it names the client
 * of an open request from the same center) it joins that request's thread for staff. The ones
 * that ask something of staff also open a review task. Pure: text and names in, decisions out.
 */
import type { MessageIntent } from './body/message-intent';
import { nameTokens } from './answer-matching';
import { messageReviewTask, type TaskSpec } from './tasks';

export type RelatedIntent = Exclude<MessageIntent, 'request'>;

/** What the message is and the name words it mentions (PHI: memory only, hashed before lookup). */
export interface MessageRelation {
  intent: RelatedIntent;
  nameTokens: string[];
}

/** Capitalised words that start sentences and greetings, never a client's name part worth a lookup. */
const NOT_NAME_WORDS = new Set(
  (
    'hi hello hey dear good morning afternoon evening thanks thank you please re fw fwd the this that any update status ' +
    'for on in of and or we our your us is are was can could would just checking following follow up cancel cancelled ' +
    'canceled client patient pt member vob verification request insurance dob name regards best sincerely sent from ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december team intake admissions'
  ).split(' '),
);

/** At most this many distinct words are looked up (a long message names few clients). */
const MAX_NAME_TOKENS = 80;

/**
 * The words that could be part of a client's name: capitalised or all-caps words of the subject
 * and text, normalised like stored names (lower case, no accents), without greeting words.
 */
export function mentionedNameTokens(subject: string | null, text: string): string[] {
  const out = new Set<string>();
  const words = `${subject ?? ''}\n${text}`.match(/\b\p{Lu}[\p{L}'’-]*/gu) ?? [];
  for (const word of words) {
    for (const token of nameTokens(word)) {
      if (!NOT_NAME_WORDS.has(token)) out.add(token);
      if (out.size >= MAX_NAME_TOKENS) return [...out];
    }
  }
  return [...out];
}

/**
 * A message names a client when both the first and the last word of the client's name are among
 * the words it mentions ("any update on Jane Doe?", "DOE, JANE"); a lone first name is not enough.
 */
export function namesClient(clientName: string | null, mentioned: ReadonlySet<string>): boolean {
  const tokens = clientName ? nameTokens(clientName) : [];
  if (tokens.length < 2) return false;
  return mentioned.has(tokens[0]!) && mentioned.has(tokens[tokens.length - 1]!);
}

/** What staff are asked to do, per intent; intents not listed only join the thread. */
const ASKS_STAFF: Partial<Record<RelatedIntent, { joined: string; alone: string }>> = {
  cancellation: {
    joined: 'The center cancels this request: confirm it and close the tasks',
    alone: 'The center cancels a request that matched no open request: find it and close it',
  },
  'status-inquiry': {
    joined: 'The center asks for the status of this request: answer them',
    alone: 'The center asks for the status of a request that matched no open request: find it and answer',
  },
  question: {
    joined: 'The center asks a question about this request: answer them',
    alone: 'The center asks a question: answer them',
  },
  correction: {
    joined: 'The center corrects a value of this request without restating it: check the message and correct the field',
    alone: 'The center corrects a value of a request that matched no open request: find it and correct the field',
  },
};

/**
 * The review task a related message opens, or null when it only joins the thread (thanks, read
 * receipts, recalls, notices). One per message (its natural key), tied to the first request
 * it joined, if any.
 */
export function relatedMessageTask(input: { inboundMessageId: string; requestId: string | null; intent: RelatedIntent; now: Date }): TaskSpec | null {
  const asks = ASKS_STAFF[input.intent];
  if (!asks) return null;
  const reason = `${input.requestId ? asks.joined : asks.alone} [${input.intent}]`;
  return messageReviewTask(input.inboundMessageId, reason, input.now, input.requestId);
}

/** Staff-facing name of an intent, for the thread on the request page. */
export const RELATED_INTENT_LABELS: Record<RelatedIntent, string> = {
  'status-inquiry': 'Status question',
  cancellation: 'Cancellation',
  recall: 'Message recall',
  'read-receipt': 'Read receipt',
  question: 'Question',
  thanks: 'Thank-you',
  correction: 'Correction',
  notice: 'Notice',
  'no-verification-wanted': 'For the file (no verification wanted)',
};
