/**
 * Body + card → contract requests. Pure. The body's value stands; the card fills what the
 * body lacks; where both exist and differ the pair goes into `conflicts`.
 */
import {
  REQUIRED_FIELDS,
  type CardFieldConfidence,
  type CardFields,
  type CardPhone,
  type CardSide,
  type Conflict,
  type RequiredField,
  type SourcedField,
  type VobRequest,
} from '../../schemas/vob-record';
import type { BodyExtraction, BodyRequest } from './body/body-request';
import { pickVerificationPhone } from './card/card-phones';
import type { CardReading } from './card/card-reading';
import { samePayer } from './card/payers';
import { sourcesFor } from './field-sources';

const EMPTY_BODY_REQUEST: BodyRequest = {
  client: { name: null, dob: null, address: null },
  insurance: { payerName: null, memberId: null, groupNumber: null, phone: null },
  subscriber: { name: null, relationship: null },
  referredBy: null,
};

export interface MergeContext {
  /** The message answers another; a reply that states nothing ("thanks!") asks for nothing. */
  isReply: boolean;
}

export function mergeRequests(body: BodyExtraction, readings: readonly CardReading[], context: MergeContext): VobRequest[] {
  const cards = readings.filter((r) => r.kind !== 'not-a-card');
  let bodyRequests = body.requests;
  if (bodyRequests.length === 0) {
    // A card sent with a VOB subject, or a new request whose every field is missing, is still a request.
    if (cards.length === 0 && (!body.mentionsVerification || context.isReply)) return [];
    // "Did you get the card I sent?" with the card again: still no new request.
    if (body.intent !== undefined && body.intent !== 'request') return [];
    bodyRequests = [EMPTY_BODY_REQUEST];
  }
  const cardsByRequest = assignCards(bodyRequests, cards);
  return bodyRequests.map((request, index) => mergeOne(request, cardsByRequest[index] ?? []));
}

function mergeOne(body: BodyRequest, cards: readonly CardReading[]): VobRequest {
  const combined = cards.length > 0 ? combineCardReadings(cards) : null;
  const fields = combined?.fields ?? null;
  const conflicts: Conflict[] = [];
  const cardPhone = fields ? pickVerificationPhone(fields.phones) : null;

  const payerName = pick('insurance.payerName', body.insurance.payerName, fields?.payerName ?? null, samePayer, conflicts);
  const memberId = pick('insurance.memberId', body.insurance.memberId, fields?.memberId ?? null, sameIdAsRead, conflicts);
  const groupNumber = pick('insurance.groupNumber', body.insurance.groupNumber, fields?.groupNumber ?? null, sameIdAsRead, conflicts);
  // The body's phone agrees with the card when it is any of the card's printed numbers.
  const phone = pick('insurance.phone', body.insurance.phone, cardPhone, (a) => phoneOnCard(a, fields?.phones ?? []), conflicts);

  const relationship = body.subscriber.relationship;
  const subscriberName = body.subscriber.name ?? (relationship === 'self' ? body.client.name : null);

  const card: VobRequest['card'] = { attached: cards.length > 0, sides: sidesOf(cards), fields };
  if (combined) card.fieldConfidence = combined.fieldConfidence;
  const request: Omit<VobRequest, 'missingFields'> = {
    client: { ...body.client },
    insurance: { payerName, memberId, groupNumber, phone },
    subscriber: { name: subscriberName, relationship },
    referredBy: body.referredBy,
    card,
    conflicts,
  };
  // A value the body lacked and the merge has came off the card; every other value is the body's.
  const cardFills: Partial<Record<SourcedField, boolean>> = {
    'insurance.payerName': body.insurance.payerName === null,
    'insurance.memberId': body.insurance.memberId === null,
    'insurance.groupNumber': body.insurance.groupNumber === null,
    'insurance.phone': body.insurance.phone === null,
  };
  const sources = sourcesFor(request, (field) => (cardFills[field] ? 'card' : 'body'));
  return { ...request, missingFields: missingFields(request), sources };
}

export function missingFields(request: Omit<VobRequest, 'missingFields'>): RequiredField[] {
  const present: Record<RequiredField, boolean> = {
    'client.name': request.client.name !== null,
    'client.dob': request.client.dob !== null,
    'client.address': request.client.address !== null,
    'insurance.payerName': request.insurance.payerName !== null,
    'insurance.memberId': request.insurance.memberId !== null,
    'insurance.phone': request.insurance.phone !== null,
    'subscriber.name': request.subscriber.name !== null,
    'subscriber.relationship': request.subscriber.relationship !== null,
    referredBy: request.referredBy !== null,
    card: request.card.attached,
  };
  return REQUIRED_FIELDS.filter((f) => !present[f]);
}

function pick(
  field: string,
  body: string | null,
  card: string | null,
  same: (a: string, b: string) => boolean,
  conflicts: Conflict[],
): string | null {
  if (body === null) return card;
  if (card !== null && !same(body, card)) conflicts.push({ field, body, card });
  return body;
}

function normaliseId(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}

function sameId(a: string, b: string): boolean {
  return normaliseId(a) === normaliseId(b);
}

/** Characters OCR confuses on cards, folded to one (O/0, I/l/1, S/5, B/8, Z/2, G/6). */
function ocrFold(value: string): string {
  return normaliseId(value).replace(/[O]/g, '0').replace(/[IL]/g, '1').replace(/S/g, '5').replace(/B/g, '8').replace(/Z/g, '2').replace(/G/g, '6');
}

/**
 * A card value OCR may have misread from the body's: the same after folding look-alike
 * characters, with one character dropped or added, or with its end cut off (a prefix of at
 * least six characters). Such a pair agrees. Any other changed character is a real difference
 * (the typo a center makes) and conflicts.
 */
export function sameIdAsRead(body: string, card: string): boolean {
  const a = ocrFold(body);
  const b = ocrFold(card);
  if (a === b) return true;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (shorter.length >= 6 && longer.startsWith(shorter)) return true;
  if (shorter.length < 6 || longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

function phoneOnCard(bodyPhone: string, phones: readonly CardPhone[]): boolean {
  return phones.some((p) => p.number === bodyPhone);
}

function sidesOf(cards: readonly CardReading[]): CardSide[] {
  const front = cards.some((c) => c.kind === 'front' || c.kind === 'both');
  const back = cards.some((c) => c.kind === 'back' || c.kind === 'both');
  return [...(front ? (['front'] as const) : []), ...(back ? (['back'] as const) : [])];
}

/**
 * One set of fields from all sides: fronts first, then the more confident reading wins. Beside
 * each field the OCR confidence of the reading it was taken from (that reading's per-field
 * confidence, else its mean confidence).
 */
export function combineCardReadings(cards: readonly CardReading[]): { fields: CardFields; fieldConfidence: CardFieldConfidence } {
  const rank = (c: CardReading) => (c.kind === 'front' || c.kind === 'both' ? 0 : 1);
  const ordered = [...cards].sort((a, b) => rank(a) - rank(b) || b.confidence - a.confidence);
  const fieldConfidence: CardFieldConfidence = {};
  const first = <K extends Exclude<keyof CardFields, 'phones'>>(key: K): CardFields[K] => {
    const from = ordered.find((c) => c.fields[key] !== null);
    if (!from) return null;
    fieldConfidence[key] = percent(from.fieldConfidence?.[key] ?? from.confidence);
    return from.fields[key];
  };
  const phones: CardPhone[] = [];
  const phoneConfidence: number[] = [];
  for (const card of ordered) {
    card.fields.phones.forEach((phone, i) => {
      if (phones.some((p) => p.number === phone.number && p.label === phone.label)) return;
      phones.push(phone);
      phoneConfidence.push(percent(card.fieldConfidence?.phones?.[i] ?? card.confidence));
    });
  }
  const fields: CardFields = {
    payerName: first('payerName'),
    memberId: first('memberId'),
    groupNumber: first('groupNumber'),
    memberName: first('memberName'),
    rxBin: first('rxBin'),
    rxPcn: first('rxPcn'),
    rxGroup: first('rxGroup'),
    phones,
  };
  if (phones.length > 0) fieldConfidence.phones = phoneConfidence;
  return { fields, fieldConfidence };
}

function percent(n: number): number {
  return Math.min(100, Math.max(0, Math.round(n)));
}

/**
 * Which request each card belongs to. With one request every card is its own; with several,
 * a card goes to the request whose member ID or name it shows, and a side that shows neither
 * (a back) follows the card attached just before it.
 */
function assignCards(requests: readonly BodyRequest[], cards: readonly CardReading[]): CardReading[][] {
  const assigned: CardReading[][] = requests.map(() => []);
  if (requests.length === 1) {
    assigned[0]!.push(...cards);
    return assigned;
  }
  let previous: number | null = null;
  for (const card of cards) {
    const index = matchRequest(requests, card);
    const target: number | null = index ?? previous;
    if (target !== null) assigned[target]!.push(card);
    previous = target;
  }
  return assigned;
}

function matchRequest(requests: readonly BodyRequest[], card: CardReading): number | null {
  const id = card.fields.memberId;
  if (id) {
    const byId = requests.findIndex((r) => r.insurance.memberId !== null && sameId(r.insurance.memberId, id));
    if (byId >= 0) return byId;
  }
  const name = card.fields.memberName;
  if (name) {
    const tokens = nameTokens(name);
    // At least two shared name tokens (first and last name) before a card is tied to a client.
    let best: number | null = null;
    let bestScore = 1;
    requests.forEach((r, i) => {
      const candidates = [r.client.name, r.subscriber.name].filter((n): n is string => n !== null);
      const score = Math.max(0, ...candidates.map((n) => nameTokens(n).filter((t) => tokens.includes(t)).length));
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return best;
  }
  return null;
}

function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((t) => t.length > 1);
}
