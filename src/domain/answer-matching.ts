/**
 * When a treatment center answers our reply, the answer completes the open request instead of
 * opening a new one. Pure: which open request each request in the answer belongs to, and how
 * the answer's values update it.
 */
import type { ReplyDecision, VobRequest } from '../../schemas/vob-record';
import { sourcesAfterAnswer } from './field-sources';
import { domainOf } from './email-address';
import { missingFields } from './merge';

/** An awaiting-information request the new message might answer. */
export interface OpenRequestCandidate {
  requestId: string;
  /** Keyed hash of client name + DOB (see clientKeyMaterial), or null when either was unknown. */
  clientKey: string | null;
  fromAddress: string | null;
  /** The new message's In-Reply-To/References name the request's message, an answer, or our reply. */
  inThread: boolean;
  createdAt: Date;
}

export interface AnswerRequest {
  index: number;
  clientKey: string | null;
}

export interface AnswerMatch {
  index: number;
  requestId: string;
}

/** An open request found for a batch of messages, with the Message-IDs that lead to its thread. */
export interface OpenRequestRow {
  requestId: string;
  clientKey: string | null;
  fromAddress: string | null;
  threadIds: readonly string[];
  createdAt: Date;
}

/**
 * One message's candidates among rows looked up for several messages at once: a row whose
 * thread the message names (In-Reply-To/References), or with one of the message's client keys.
 */
export function candidatesFor(
  message: { threadIds: readonly string[]; clientKeys: readonly (string | null)[] },
  rows: readonly OpenRequestRow[],
): OpenRequestCandidate[] {
  const named = new Set(message.threadIds);
  const keys = new Set(message.clientKeys.filter((k): k is string => k !== null));
  const out: OpenRequestCandidate[] = [];
  for (const row of rows) {
    const inThread = row.threadIds.some((id) => named.has(id));
    if (!inThread && !(row.clientKey !== null && keys.has(row.clientKey))) continue;
    out.push({ requestId: row.requestId, clientKey: row.clientKey, fromAddress: row.fromAddress, inThread, createdAt: row.createdAt });
  }
  return out;
}

/**
 * The name+DOB material hashed into a client key: first and last name tokens (so a middle
 * initial written or not does not matter) and the ISO date. Null when either is unknown.
 */
/** A name's words, lower case without accents, initials dropped ("José Q. Doe" → jose, doe). */
export function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z]+/)
    .filter((t) => t.length > 1);
}

export function clientKeyMaterial(name: string | null, dob: string | null): string | null {
  if (name === null || dob === null) return null;
  const tokens = nameTokens(name);
  if (tokens.length === 0) return null;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return `${first}|${last}|${dob}`;
}

/**
 * Rules, in order:
 * 1. Same client key (name + DOB), the candidate in the same thread or from the same sender
 *    domain (one center never completes another's request); the thread first, then the newest.
 * 2. In the thread, a request without a client key (the answer gives only what was missing)
 *    takes the remaining thread candidates in order, when there is no more than one such
 *    request per candidate. A request whose client key names a different client never does.
 * Each candidate is matched at most once.
 */
export function matchAnswers(input: {
  from: string | null;
  requests: readonly AnswerRequest[];
  candidates: readonly OpenRequestCandidate[];
}): AnswerMatch[] {
  const fromDomain = domainOf(input.from);
  const used = new Set<string>();
  const matches: AnswerMatch[] = [];
  const byPreference = [...input.candidates].sort(
    (a, b) => Number(b.inThread) - Number(a.inThread) || b.createdAt.getTime() - a.createdAt.getTime(),
  );

  for (const request of input.requests) {
    if (request.clientKey === null) continue;
    const candidate = byPreference.find(
      (c) =>
        !used.has(c.requestId) &&
        c.clientKey === request.clientKey &&
        (c.inThread || (fromDomain !== null && domainOf(c.fromAddress) === fromDomain)),
    );
    if (candidate) {
      used.add(candidate.requestId);
      matches.push({ index: request.index, requestId: candidate.requestId });
    }
  }

  const matchedIndexes = new Set(matches.map((m) => m.index));
  const keyless = input.requests.filter((r) => !matchedIndexes.has(r.index) && r.clientKey === null);
  const threadLeft = input.candidates
    .filter((c) => c.inThread && !used.has(c.requestId))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || Number(a.requestId) - Number(b.requestId));
  if (keyless.length > 0 && keyless.length <= threadLeft.length) {
    // One keyless answer to a thread of several open requests is ambiguous unless only one is open.
    if (!(keyless.length === 1 && threadLeft.length > 1)) {
      keyless.forEach((request, i) => {
        const candidate = threadLeft[i]!;
        used.add(candidate.requestId);
        matches.push({ index: request.index, requestId: candidate.requestId });
      });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

/**
 * The open request updated by an answer: the answer's known values fill and replace, the card
 * read from the answer's attachments replaces an older one, conflicts on fields the answer
 * restates are replaced by the answer's, and the missing fields are recomputed.
 */
export function applyAnswer(open: VobRequest, answer: VobRequest): VobRequest {
  const or = <T>(newer: T | null, older: T | null): T | null => (newer !== null ? newer : older);
  // The card's fields and their confidences come from the same reading.
  const newerCard = answer.card.fields !== null ? answer.card : open.card;
  const card: VobRequest['card'] = answer.card.attached
    ? {
        attached: true,
        sides: [...new Set([...open.card.sides, ...answer.card.sides])].sort() as VobRequest['card']['sides'],
        fields: newerCard.fields,
        ...(newerCard.fieldConfidence ? { fieldConfidence: newerCard.fieldConfidence } : {}),
      }
    : open.card;
  const restated = new Set(answer.conflicts.map((c) => c.field));
  const merged: Omit<VobRequest, 'missingFields'> = {
    client: {
      name: or(answer.client.name, open.client.name),
      dob: or(answer.client.dob, open.client.dob),
      address: or(answer.client.address, open.client.address),
    },
    insurance: {
      payerName: or(answer.insurance.payerName, open.insurance.payerName),
      memberId: or(answer.insurance.memberId, open.insurance.memberId),
      groupNumber: or(answer.insurance.groupNumber, open.insurance.groupNumber),
      phone: or(answer.insurance.phone, open.insurance.phone),
    },
    subscriber: {
      name: or(answer.subscriber.name, open.subscriber.name),
      relationship: or(answer.subscriber.relationship, open.subscriber.relationship),
    },
    referredBy: or(answer.referredBy, open.referredBy),
    card,
    conflicts: [...open.conflicts.filter((c) => !restated.has(c.field)), ...answer.conflicts],
    levelOfCare: or(answer.levelOfCare ?? null, open.levelOfCare ?? null),
  };
  const sources = sourcesAfterAnswer(open, answer, merged);
  return { ...merged, missingFields: missingFields(merged), ...(sources ? { sources } : {}) };
}

const NEVER_ANSWERED: ReadonlySet<ReplyDecision['reason']> = new Set(['auto-submitted', 'bulk-or-list', 'sender-not-allowed']);

/**
 * Whether the message's reply goes out once answers are applied: the contract's decision,
 * except that an answer which still leaves something (other than the card) missing is
 * answered again naming what is still missing, and a complete answer is not.
 */
export function replyAfterAnswers(decision: ReplyDecision, finalRequests: readonly Pick<VobRequest, 'missingFields'>[]): ReplyDecision {
  if (NEVER_ANSWERED.has(decision.reason)) return decision;
  if (finalRequests.length === 0) return { send: false, reason: 'not-a-request' };
  const lacking = finalRequests.some((r) => r.missingFields.some((f) => f !== 'card'));
  if (!lacking) return { send: false, reason: 'complete' };
  // A reply held because the message may state what looks missing stays held for staff.
  if (decision.review && decision.review.length > 0) return { send: false, reason: 'missing-fields', review: decision.review };
  return { send: true, reason: 'missing-fields' };
}
