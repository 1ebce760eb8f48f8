/**
 * Body-text extraction: from the decoded plain text of a message to one BodyRequest per client.
 * Pure: no I/O. The text is split into its messages (new text, quoted replies, forwards); each
 * is read for labelled values; the newest message's values win field by field, older quoted
 * messages fill only what it lacks; signatures are never read.
 */
import { samePayer } from '../card/payers';
import { withEmojiLabels } from './emoji-labels';
import { withHolidayDates } from './dates';
import { KIN_WORD, parseRelationship, withContractionsMended, withKinTyposFixed } from './relationships';
import type { Relationship } from '../../../schemas/vob-record';
import type { BodyContext, BodyExtraction, BodyRequest } from './body-request';
import { splitBodySegments, type BodySegment } from '../mime/body-segments';
import { ADDRESS_IN_SIGNATURE, parseAddress } from './addresses';
import { escapeRegExp } from '../escape-regexp';
import { collectHits } from './field-hits';
import { filledCount, groupHits, identifiesClient, namesAgain, normalizeRecord } from './records';
import { isNotARequest, looksLikeNewsletter, mentionsVerification } from './verification';
import { classifyIntent, type MessageIntent } from './message-intent';
import { writerOf, type Writer } from './writer';
import { subjectFields, type SubjectFields } from './subject-fields';
import { normalizeStructuredText } from './structured-text';
import { withClientNamedInStory } from './story-client';
import { withHolderAmongClients } from './holder-among-clients';
import { centerNamedIn } from './label-lines';
import { DITTO } from './placeholders';
import type { HitField } from './field-hits';

/** Longest body examined; a VOB request is a few kilobytes, anything past this is history. */
const MAX_TEXT = 200_000;

/** Fills each null field of `target` from `older` (newest statement wins). */
function fillFrom(target: BodyRequest, older: BodyRequest): BodyRequest {
  const client = { ...target.client };
  const insurance = { ...target.insurance };
  const subscriber = { ...target.subscriber };
  client.name ??= older.client.name;
  client.dob ??= older.client.dob;
  client.address ??= older.client.address;
  insurance.payerName ??= older.insurance.payerName;
  insurance.memberId ??= older.insurance.memberId;
  insurance.groupNumber ??= older.insurance.groupNumber;
  insurance.phone ??= older.insurance.phone;
  // The subscriber name and relationship travel together unless the newer one only gives one.
  subscriber.name ??= older.subscriber.name;
  subscriber.relationship ??= older.subscriber.relationship;
  // A newer "self" makes the client the subscriber; an older "self" keeps the older subscriber name as written.
  if (target.subscriber.relationship === 'self' && target.subscriber.name === null && client.name !== null) subscriber.name = client.name;
  else if (subscriber.relationship === 'self' && subscriber.name === null && client.name !== null) subscriber.name = client.name;
  // ("Referral: none - self-referral": a referral the newer text says there is none of stays none.)
  if (target.referralLeftBlank) return { client, insurance, subscriber, referredBy: target.referredBy, referralLeftBlank: true };
  return { client, insurance, subscriber, referredBy: target.referredBy ?? older.referredBy };
}

function norm(s: string | null): string {
  return (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Same client: same member ID, same DOB, or the same name in either written order. */
function sameClient(a: BodyRequest, b: BodyRequest): boolean {
  if (a.insurance.memberId && b.insurance.memberId && a.insurance.memberId === b.insurance.memberId) return true;
  const an = a.client.name;
  const bn = b.client.name;
  if (an && bn) {
    const words = (s: string): string => s.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter((w) => w.length > 1).sort().join(' ');
    if (norm(an) === norm(bn) || words(an) === words(bn)) return true;
    return false;
  }
  return a.client.dob !== null && a.client.dob === b.client.dob;
}

/** Merges the records of older segments into the newer ones. */
function mergeSegments(perSegment: BodyRequest[][]): BodyRequest[] {
  let result: BodyRequest[] = [];
  // Values given without any client (a reply "Relationship: mother") apply to the record(s) they follow.
  let pendingPatch: BodyRequest | null = null;
  for (const records of perSegment) {
    if (records.length === 0) continue;
    const identified = records.filter(identifiesClient);
    const patches = records.filter((r) => !identifiesClient(r));
    if (result.length === 0) {
      if (identified.length === 0) {
        pendingPatch = patches.reduce<BodyRequest | null>((acc, p) => (acc === null ? p : fillFrom(acc, p)), pendingPatch);
        continue;
      }
      result = identified.map((r) => {
        let merged = r;
        for (const p of patches) merged = fillFrom(merged, p);
        // A patch came from a newer segment: its values win over these records.
        return pendingPatch ? fillFrom(pendingPatch, merged) : merged;
      });
      pendingPatch = null;
      continue;
    }
    // A newer part that only corrects some of the clients of an older multi-client request
    // ("correction for Client 2 (Tyler Brooks): ...") keeps every client, in the older order.
    if (identified.length > result.length && result.every((r) => identified.some((o) => sameClient(r, o)))) {
      const newer = result;
      result = identified.map((o) => {
        const match = newer.find((r) => sameClient(r, o));
        return match ? fillFrom(match, o) : o;
      });
      continue;
    }
    // Older records fill the matching newer record; a lone pair matches regardless.
    for (const older of identified.length > 0 ? identified : patches) {
      const match = result.find((r) => sameClient(r, older)) ?? (result.length === 1 && (identified.length <= 1) ? result[0] : undefined);
      if (match) {
        const idx = result.indexOf(match);
        result[idx] = fillFrom(match, older);
      }
    }
  }
  if (result.length === 0 && pendingPatch !== null) result = [pendingPatch];
  return result;
}

/** Fields stated once for several clients (before the first client or by only one of them). */
function shareCommon(allRecords: BodyRequest[]): BodyRequest[] {
  if (allRecords.length < 2) return allRecords;
  // "1) Family plan, through my husband's employer / Member ID: ..." under the one client named, with no plan
  // of their own: a numbered plan block, not a second client.
  const named = allRecords.filter((r) => r.client.name !== null || r.client.dob !== null);
  const planOnly = allRecords.filter((r) => r.client.name === null && r.client.dob === null && r.insurance.memberId !== null);
  const onlyClient = named.length === 1 && planOnly.length === 1 && named[0]!.insurance.memberId === null && named[0]!.insurance.payerName === null ? named[0]! : null;
  const records = onlyClient === null ? allRecords : allRecords.filter((r) => r !== planOnly[0]).map((r) => (r === onlyClient ? fillFrom(r, planOnly[0]!) : r));
  if (records.length < 2) return records;
  const identified = records.filter(identifiesClient);
  const common = records.filter((r) => !identifiesClient(r));
  let out = identified.length > 0 ? identified : records;
  for (const c of common) out = out.map((r) => fillFrom(r, c));
  // One referral source named once covers every client of the message.
  // ("The CRC is referring both of them" ... "Referral for both: Northfield Lakes University Collegiate Recovery Community": one source, named twice.)
  const sources = [...new Set(out.map((r) => r.referredBy).filter((x): x is string => x !== null))];
  const fuller = sources.length === 2 ? sources.find((n) => sources.some((o) => o !== n && namesAgain(n, o))) : undefined;
  if (fuller !== undefined) out = out.map((r) => (r.referredBy !== null ? { ...r, referredBy: fuller } : r));
  const refs = new Set(out.map((r) => r.referredBy).filter((x): x is string => x !== null));
  if (refs.size === 1) {
    const only = [...refs][0] ?? null;
    out = out.map((r) => ({ ...r, referredBy: r.referredBy ?? (r.referralLeftBlank ? null : only) }));
  }
  return out;
}

/** "All three live here at the house: ...", "both stay at ...": one address for every client. */
const SHARED_HOME = /\b(?:all|both|each)\b(?:\s+(?:two|three|four|five|six|of them|of us))?\s+(?:live|lives|living|stay|stays|staying|reside|resides)\b/i;

function withSharedHome(records: BodyRequest[], text: string): BodyRequest[] {
  const homes = records.filter((r) => r.client.address !== null);
  if (records.length < 2 || homes.length !== 1 || !SHARED_HOME.test(text)) return records;
  const home = homes[0]!.client.address!;
  return records.map((r) => (r.client.address === null ? { ...r, client: { ...r.client, address: { ...home } } } : r));
}

/** "Aetna BH line: 1-888-555-0121 (same line for both of them)": one plan phone for every client on that plan. */
const SHARED_PHONE = /\bsame\s+(?:\w+\s+)?(?:line|number|phone|#)\s+(?:for|on)\s+(?:both|all|each)\b|\b(?:line|number|phone)\s+(?:is\s+)?(?:the\s+same\s+)?for\s+(?:both|all)(?:\s+(?:of\s+them|two|three))?\b/i;

function withSharedPhone(records: BodyRequest[], text: string): BodyRequest[] {
  const phones = records.filter((r) => r.insurance.phone !== null);
  if (records.length < 2 || phones.length !== 1 || !SHARED_PHONE.test(text)) return records;
  const only = phones[0]!;
  return records.map((r) => (r.insurance.phone === null && (r.insurance.payerName === null || only.insurance.payerName === null || samePayer(r.insurance.payerName, only.insurance.payerName)) ? { ...r, insurance: { ...r.insurance, phone: only.insurance.phone } } : r));
}

/** "Two siblings, same policy (dad's)", "both on their mom's plan": one plan for every client. */
const SHARED_PLAN = /\b(?:same\s+(?:policy|plan|insurance|coverage|card|member\s*id|subscriber)|(?:both|all)\s+(?:(?:two|three|four)\s+)?(?:are\s+|kids\s+|of them\s+)?(?:on|under|through|covered)\b|siblings|twins)\b/i;

/**
 * Clients listed one under another, then one plan block: the block grouped with the last client
 * only. Where the message says the plan is shared, each client without a plan of its own gets it.
 */
function withSharedPlan(records: BodyRequest[], text: string): BodyRequest[] {
  const hasPlan = (r: BodyRequest): boolean => r.insurance.payerName !== null || r.insurance.memberId !== null;
  const planned = records.filter(hasPlan);
  if (records.length < 2 || !SHARED_PLAN.test(text)) return records;
  if (planned.length !== 1) return withSharedPayer(records);
  const plan = planned[0]!;
  return records.map((r) =>
    hasPlan(r) || r.insurance.groupNumber !== null || r.insurance.phone !== null || r.subscriber.name !== null
      ? r
      : { ...r, insurance: { ...plan.insurance }, subscriber: { ...plan.subscriber }, referredBy: r.referredBy ?? plan.referredBy },
  );
}

/**
 * "Same plan" for clients with IDs of their own ("#1 ... Member ID NHW440731-01", "#2 ... -02"),
 * then "Insurance (both): Network Health", its group and its line once: the one payer named, with
 * its group and phone, is every client's.
 */
function withSharedPayer(records: BodyRequest[]): BodyRequest[] {
  const named = records.filter((r) => r.insurance.payerName !== null);
  if (named.length !== 1) return records;
  const from = named[0]!.insurance;
  return records.map((r) => (r.insurance.payerName !== null ? r : { ...r, insurance: { ...r.insurance, payerName: from.payerName, groupNumber: r.insurance.groupNumber ?? from.groupNumber, phone: r.insurance.phone ?? from.phone } }));
}

/** Fields the reader fills that no request carries. */
const PLACED_ONLY = ['subscriberDob'] as const;

/** An address given as the previous client's ("same as above", "same address as client 1", "Same address as her mom"). */
const SAME_AS_ABOVE = /^(?:the\s+)?same(?:\s+address)?(?:\s+as\s+(?:above|before|previous|the\s+above|(?:the\s+|his\s+|her\s+|their\s+)?(?:first\s+)?(?:client|patient|pt|member|husband|wife|spouse|mother|mom|father|dad|parent|sibling|brother|sister)(?:\s*#?\s*1)?))?[.!]?$/i;

/** A plan's phone given as the previous client's: "same CGS line as patient 1", "same number as above". */
const SAME_LINE_AS_ABOVE = /^(?:the\s+)?same\s+(?:[\p{L}\d&-]+\s+){0,2}?(?:line|number|phone|#)\s+as\s+(?:above|before|(?:the\s+)?(?:first|previous|other)(?:\s+\w+)?|(?:for\s+)?(?:patient|client|pt|resident|member)?\s*#?\s*\d)[.!]?$/iu;

/** A form's slot filled with "no change" (or "same as before"): the value was sent earlier. */
const NO_CHANGE_SLOT = /[:=]\s*(?:\(?\s*)?(?:no change|unchanged|same as (?:before|previous|last time|sent)|no changes)\b/gim;

/** Extracts the VOB request(s) stated in a message body. */
export function extractBody(text: string, ctx: BodyContext): BodyExtraction {
  // Direction marks, isolates and zero-width spaces (Outlook's around names and numbers) are invisible: no part of a value.
  const plain = withEmojiLabels((text ?? '').slice(0, MAX_TEXT).replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u200B\u200C\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, ''));
  const body = normalizeStructuredText(withHolidayDates(withContractionsMended(withKinTyposFixed(plain))));
  const mentions = mentionsVerification(ctx.subject, body);
  const segments = splitBodySegments(body);
  const newText = (segments[0]?.lines ?? []).join('\n');
  // A bounce or an auto-reply quoting a request asks for nothing itself.
  if (isNotARequest(ctx.subject, newText)) return { requests: [], mentionsVerification: false, intent: 'notice', segments };
  const intent = classifyIntent(ctx.subject, segments[0]?.kind === 'new' ? newText : '');

  // "I" in a forwarded or quoted message is that message's author, named in its header.
  // (A quoted message's own subject is its writer's words too: "Subject: insurance check for my husband".)
  const writerOfSegment = (seg: (typeof segments)[number], k: number) =>
    writerOf([...(k === 0 ? [] : seg.header.filter((l) => /^\s*subject\s*:/i.test(l)).map((l) => l.replace(/^\s*subject\s*:\s*/i, ''))), ...seg.lines].join('\n'), k === 0 ? ctx.fromName : (segmentAuthor(seg.header) ?? null));
  const reference = ctx.referenceDate ? new Date(ctx.referenceDate) : new Date();
  const ref = Number.isNaN(reference.getTime()) ? new Date() : reference;
  const writers = segments.map(writerOfSegment);
  const placedValues: string[] = [];
  const addressesGiven: string[] = [];
  const perSegment: BodyRequest[][] = segments.map((seg, k) => {
    const raws = groupHits(collectHits(seg.lines));
    for (const raw of raws) for (const field of PLACED_ONLY) if (raw.has(field)) placedValues.push(raw.get(field)!);
    for (const raw of raws) if (raw.has('clientAddress')) addressesGiven.push(raw.get('clientAddress')!);
    const writer = writers[k]!;
    const all = raws.map((r) => normalizeRecord(r, ref, writer)).map((r) => withWriterAsClient(r, writer));
    // A client's value marked as the one above it: "Address: same as above" for a second client,
    // "Ref: \"", "Ins: ditto". Copied from the previous client (an address with nothing above is none).
    all.forEach((r, i) => {
      const raw = raws[i]!;
      const prev = all[i - 1];
      if (SAME_AS_ABOVE.test((raw.get('clientAddress') ?? '').trim())) r.client.address = prev?.client.address ? { ...prev.client.address } : null;
      if (prev === undefined) return;
      const ditto = (field: HitField): boolean => DITTO.test((raw.get(field) ?? '').trim());
      if (ditto('referredBy')) r.referredBy = prev.referredBy;
      if (ditto('payer')) r.insurance.payerName = prev.insurance.payerName;
      if (ditto('insPhone') || SAME_LINE_AS_ABOVE.test((raw.get('insPhone') ?? '').trim())) r.insurance.phone = prev.insurance.phone;
      if (ditto('group')) r.insurance.groupNumber = prev.insurance.groupNumber;
    });
    const records = all.filter((r) => filledCount(r) > 0);
    // An older message's "Name: Donna Keller" above her son's details is its writer, as in the newest text.
    return withSharedPhone(withSharedPlan(withSharedHome(shareCommon(k === 0 ? records : withoutWriterIntroduction(records, writer)), seg.lines.join('\n')), seg.lines.join('\n')), seg.lines.join('\n'));
  });
  // Mail about a request that is not one (a status question, a cancellation, a recall, a
  // standalone correction...) states no new values of its own: nothing in it, quoted or not, is
  // a new request.
  // "born: no change / plan: no change / plan phone: 1-800-...": an update to a request already sent, not a new one.
  const update = (newText.match(NO_CHANGE_SLOT) ?? []).length >= 2;
  if (update && perSegment.slice(1).every((records) => records.length === 0)) return { requests: [], mentionsVerification: false, intent: 'correction', segments };
  const olderResults = segments.map((seg) => (seg.lines.join('\n').match(BENEFIT_RESULT_WORDS) ?? []).length >= 3);
  if (intent !== 'request' && segments[0]?.kind === 'new' && !statesNewValues(intent, perSegment, olderResults)) {
    return { requests: [], mentionsVerification: false, intent, segments };
  }
  // "His wife's name is Nicole A. Bouchard, she is the policyholder." above our list of what is
  // still needed: an answer for a request already here, naming no client, joins its thread.
  // (With the request itself quoted below, the answer completes that request, which stays one.)
  const newestValues = (perSegment[0] ?? []).reduce((n, r) => n + filledCount(r), 0);
  const answersOurAsk = ctx.isReply === true && segments[0]?.kind === 'new' && segments.length > 1 && OUR_ASK.test(segments[1]!.lines.join('\n')) &&
    perSegment.slice(1).every((records) => records.length === 0) && newestValues > 0 && newestValues <= 2 && (perSegment[0] ?? []).every((r) => r.client.name === null && r.client.dob === null);
  if (answersOurAsk) return { requests: [], mentionsVerification: false, intent: 'correction', segments };
  // "Thank you! He came in Monday ..." above our own results: the only values are the results', no request.
  const onlyResultsQuoted = segments.length > 1 && segments[0]?.kind === 'new' && (perSegment[0] ?? []).length === 0 &&
    perSegment.slice(1).some((records) => records.length > 0) && perSegment.slice(1).every((records, k) => records.length === 0 || olderResults[k + 1]);
  if (onlyResultsQuoted) return { requests: [], mentionsVerification: false, intent: intent === 'request' ? 'notice' : intent, segments };
  // An address taken back is placed nowhere: the reply check knows it was given, and is no sign of one missing.
  const addressWithdrawn = segments.length > 1 && WITHDRAWN_ADDRESS.test(newText);
  if (addressWithdrawn) placedValues.push(...addressesGiven);
  const merged = withoutWithdrawnAddress(addressWithdrawn, withAddressFromSignature(segments[0], writers[0] ?? null, withRelationSaidElsewhere(
    withoutWriterIntroduction(withSubjectFields(mergeSegments(perSegment), subjectFields(ctx.subject, ref), ctx.subject, ref), writers[0] ?? writerOf('', ctx.fromName)),
    body,
  )));
  const newsletter = looksLikeNewsletter(body);
  const isReply = ctx.isReply === true;
  // The client a story names is looked for only in what is already a request: a name found in a
  // question's story must not make it one.
  const requests = withHolderAmongClients(body, withMbiForMedicare(newText, withWriterCenterAsReferral(newText, withClientNamedInStory(newText, writers[0] ?? null, merged.filter((r) => {
    const n = filledCount(r);
    if (newsletter && n < 3) return false;
    if (identifiesClient(r)) return n >= 2 || mentions || isReply;
    // An answer in a VOB thread may give a single missing item ("Insurance phone: ...").
    return n >= 3 || ((mentions || isReply) && n >= 2) || (mentions && isReply && n >= 1);
  })))));
  // A newsletter talking about verifications is not asking for one.
  return { requests, mentionsVerification: mentions && !(newsletter && requests.length === 0), intent, segments, placedValues };
}

/** A verification desk's reply listing what it still needs (ours, or a desk's worded like it). */
const OUR_ASK = /\b(?:we\s+)?still\s+need(?:\s+the\s+following)?\s*:|\bplease\s+reply\s+(?:to\s+this\s+(?:message|e-?mail|mail)\s+)?with\s+the\s+missing\b|\buntil\s+we\s+(?:receive|have|get)\s+the\s+following\b/i;

/** "Put us down as the referral on both of them", "we're the referral": the writer's own center, named elsewhere. */
const WRITER_IS_REFERRAL = /\b(?:put\s+(?:us|me)\s+(?:down\s+)?as|(?:we|I)(?:['’]re|['’]m|\s+are|\s+am))\s+(?:the\s+)?(?:referral|referrer|referring\s+(?:center|centre|agency|program|party))\b/i;

/**
 * "Hi this is Richie, house manager at Cliftondale Recovery Residence ... Put us down as the
 * referral on both of them": the one center the newest text names is the writer's, the referral
 * of every client without one.
 */
function withWriterCenterAsReferral(newText: string, records: BodyRequest[]): BodyRequest[] {
  if (!records.some((r) => r.referredBy === null && !r.referralLeftBlank) || !WRITER_IS_REFERRAL.test(newText)) return records;
  const center = centerNamedIn(newText);
  if (center === null) return records;
  return records.map((r) => (r.referredBy === null && !r.referralLeftBlank ? { ...r, referredBy: center } : r));
}

/** A Medicare Beneficiary Identifier by its shape: 11 characters, letters where the format puts them (no S, L, O, I, B, Z), dashes optional. */
const MBI_SHAPE = /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g;

/**
 * "The newer one they sent later has letters and numbers, 6AT9-GH3-DX52": for Original Medicare
 * the member ID is the MBI, and one MBI-shaped value in the newest text is it wherever it stands.
 * (A Medicare Advantage plan's member ID is its own, so an MBI beside it is no ID of its.)
 */
function withMbiForMedicare(newText: string, records: BodyRequest[]): BodyRequest[] {
  if (records.length !== 1) return records;
  const r = records[0]!;
  if (r.insurance.memberId !== null || !/^\s*(?:original\s+)?medicare\b(?![\s\S]*\badvantage\b)/i.test(r.insurance.payerName ?? '')) return records;
  const shapes = [...new Set([...newText.matchAll(MBI_SHAPE)].map((m) => m[0]))];
  return shapes.length === 1 ? [{ ...r, insurance: { ...r.insurance, memberId: shapes[0]! } }] : records;
}

/**
 * The client a subject names ("VOB | Keisha Thornbury | DOB 02/19/1987 | Priority Health") fills
 * what the body of a one-client message leaves out; a subject alone makes the request.
 */
function withSubjectFields(records: BodyRequest[], fromSubject: SubjectFields | null, subject: string | null, reference: Date): BodyRequest[] {
  if (fromSubject === null || records.length > 1) return records;
  if (fromSubject.name === null || fromSubject.dob === null) {
    // Only a payer and its ID: they fill the body's one request when it names the same payer.
    const only = records[0];
    if (!only || only.insurance.memberId !== null || only.insurance.payerName === null || !samePayer(only.insurance.payerName, fromSubject.payer ?? '')) return records;
    return [{ ...only, insurance: { ...only.insurance, memberId: fromSubject.memberId } }];
  }
  const r: BodyRequest = records[0] ?? {
    client: { name: null, dob: null, address: null },
    insurance: { payerName: null, memberId: null, groupNumber: null, phone: null },
    subscriber: { name: null, relationship: null },
    referredBy: null,
  };
  const client = { ...r.client, name: r.client.name ?? fromSubject.name, dob: r.client.dob ?? fromSubject.dob };
  // "VOB - Shawn Prewitt - DOB 04/04/1989 - ... - Grp 47110 - BH ph 1-800-555-0196 - subscriber: self -
  // ref Bayou Crossing Recovery": a subject that carries the whole request has labelled items besides.
  const labelled = subjectItemsRecord(subject, reference);
  const referredBy = r.referredBy ?? (r.referralLeftBlank ? null : (fromSubject.referredBy ?? labelled?.referredBy ?? null));
  const subscriber = r.subscriber.name === null && r.subscriber.relationship === null && labelled !== null ? labelled.subscriber : r.subscriber;
  const insurance = {
    ...r.insurance,
    payerName: r.insurance.payerName ?? fromSubject.payer,
    memberId: r.insurance.memberId ?? fromSubject.memberId,
    groupNumber: r.insurance.groupNumber ?? labelled?.insurance.groupNumber ?? null,
    phone: r.insurance.phone ?? labelled?.insurance.phone ?? null,
  };
  return [{ ...r, client, referredBy, subscriber: namedSelf(subscriber, client.name), insurance }];
}

/** A subject's items ("Grp 47110", "BH ph 1-800-555-0196", "subscriber: self") read as labelled lines. */
function subjectItemsRecord(subject: string | null, reference: Date): BodyRequest | null {
  const items = (subject ?? '').split(/\s*[|;–—]\s*|\s+-\s+/).map((item) => item.trim()).filter((item) => item.length > 0);
  if (items.length < 4) return null;
  const raws = groupHits(collectHits(items));
  return raws.length === 1 ? normalizeRecord(raws[0]!, reference) : null;
}

/**
 * "My name is Chinedu Okafor ... I am the policy holder" before "Her details: Name: Delaney
 * Okafor ...": the writer introducing themselves is no second client. Their record is dropped,
 * and the policy they hold goes to the client, as the relation the message gives.
 */
function withoutWriterIntroduction(records: BodyRequest[], writer: Writer): BodyRequest[] {
  if (records.length < 2 || writer.name === null || writer.isClient) return records;
  const own = records.findIndex((r) => r.client.name !== null && sameName(r.client.name, writer.name!) && r.client.dob === null && r.insurance.memberId === null);
  if (own < 0) return records;
  const rest = records.filter((_, i) => i !== own);
  const holds = records[own]!.subscriber.relationship === 'self';
  if (!holds || rest.length !== 1 || rest[0]!.subscriber.name !== null) return rest;
  return [{ ...rest[0]!, subscriber: { name: writer.name, relationship: rest[0]!.subscriber.relationship ?? writer.relationToClient } }];
}

/** A self subscriber without a name is the client by the client's name (as normalizeRecord does). */
function namedSelf(subscriber: BodyRequest['subscriber'], clientName: string | null): BodyRequest['subscriber'] {
  return subscriber.relationship === 'self' && subscriber.name === null ? { ...subscriber, name: clientName } : subscriber;
}

/**
 * A client writing about themselves ("here's my insurance info", "for myself") with no name
 * stated: the writer's own name is the client's, and a self subscriber follows it.
 */
function withWriterAsClient(r: BodyRequest, writer: Writer): BodyRequest {
  if (r.client.name !== null || !writer.isClient || writer.name === null || filledCount(r) === 0) return r;
  // A subscriber named as the writer, with no relation said, is the client too.
  const writerNamed = r.subscriber.relationship === null && r.subscriber.name !== null && sameName(r.subscriber.name, writer.name);
  const subscriber = writerNamed ? { name: writer.name, relationship: 'self' as const } : namedSelf(r.subscriber, writer.name);
  return { ...r, client: { ...r.client, name: writer.name }, subscriber };
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The display name in a quoted or forwarded message's "From: Name <address>" header line. */
function segmentAuthor(header: readonly string[]): string | null {
  for (const line of header) {
    // "From: Donna Keller": a help desk's comment author has no address.
    // ("On 10/31/2026 11:50 PM, Bernadette Szczepanik wrote:": Thunderbird's, without the address.)
    const m = /^\s*(?:from|de|von)\s*:\s*"?([^"<@\n]+?)"?\s*(?:<[^>]+>|$)/i.exec(line) ?? /^\s*on\s.+?,\s*"?([^"<@,\n]+?)"?\s*<[^>]+>\s*wrote:?\s*$/i.exec(line) ?? /^\s*on\s.+?(?:[AP]M|\d{1,2}:\d{2}),\s*"?([^"<@,\n]+?)"?\s+wrote:?\s*$/i.exec(line);
    if (m) return m[1]!.trim();
  }
  return null;
}

/** Values beyond who the client is (name, DOB), in the newest text. */
function newValueCount(r: BodyRequest): number {
  return filledCount(r) - (r.client.name === null ? 0 : 1) - (r.client.dob === null ? 0 : 1);
}

/**
 * Whether a message of a non-request kind still carries request data of its own: an answer
 * "following up with the phone you asked for: ..." does; "any update on Jane Roe (DOB ...)?"
 * does not. A correction inside a thread corrects the quoted request, which stays one.
 */
/** "Don't use the address in my email below": the newest text takes back a value the quoted mail gave. */
const WITHDRAWN_ADDRESS = /\b(?:don['’]?t|do\s+not)\s+use\s+the\s+(?:home\s+)?address\s+(?:in|from|on)\s+(?:my|the|our)\s+(?:e-?mail|message|note|request)\s+below\b/i;

/**
 * The one request without the address its writer took back. (A phone or ID taken back is replaced
 * in the same breath, and the replacement is read as the newest value.)
 */
function withoutWithdrawnAddress(withdrawn: boolean, records: BodyRequest[]): BodyRequest[] {
  if (!withdrawn || records.length !== 1) return records;
  return [{ ...records[0]!, client: { ...records[0]!.client, address: null } }];
}

/** Words of the benefits a verification found: a quoted message holding three is our results, not a request. */
// ("Results for ...: active since 01/01/2027 ... covered through DMC-ODS with county authorization; no share of cost ... reference HN-0426-5521.")
const BENEFIT_RESULT_WORDS = /\b(?:deductible|out[- ]of[- ]pocket|coinsurance|co-?pays?|in[- ]network|out[- ]of[- ]network|eligibility\s*:\s*active|reference\s*(?:#|number)|prior\s+auth\w*|results\s+for|verification\s+results|verified\s+(?:via|by|with)|(?:call\s+)?ref\s*#|active\s+(?:since|as\s+of|through)|share\s+of\s+cost|(?:county\s+)?authori[sz]ation|reference\s+[A-Z]{1,4}-?\d[\w-]{3,})\b/gi;

function statesNewValues(intent: MessageIntent, perSegment: readonly BodyRequest[][], olderResults: readonly boolean[] = []): boolean {
  const newest = (perSegment[0] ?? []).reduce((n, r) => n + newValueCount(r), 0);
  // "Quick correction on Caleb - his DOB is 06/14/2000" above our results: the results' values are no request.
  const olderData = perSegment.slice(1).some((records, k) => records.length > 0 && !olderResults[k + 1]);
  switch (intent) {
    // However much it carries, mail that says no verification is wanted asks for none.
    case 'no-verification-wanted':
      return false;
    // "Annika Sorvino, born March 15, 2007, on her stepdad Ray Lindqvist's UMR plan, won't be going":
    // who the client is and whose plan it was say which request is called off.
    case 'cancellation':
      return (perSegment[0] ?? []).reduce((n, r) => n + newValueCount(r) - (r.subscriber.name === null ? 0 : 1) - (r.subscriber.relationship === null ? 0 : 1), 0) > 2;
    case 'recall':
    case 'read-receipt':
    case 'notice':
    // "I got a bill for my daughter's stay ... I'm the one on the insurance (Cox)": a question that
    // names a value or two in passing asks for no verification.
    case 'question':
      return newest > 2;
    case 'correction':
      return newest > 0 || olderData;
    // "Status on Marcus Pell, 07/07/1990, Aetna?": the name, birth date and plan say which request.
    case 'status-inquiry':
      return (perSegment[0] ?? []).reduce((n, r) => n + newValueCount(r) - (r.insurance.payerName === null ? 0 : 1), 0) > 0;
    default:
      return newest > 0;
  }
}

/**
 * "Insured: Dana Whitcomb" with no relation, and elsewhere "Emergency contact: Dana Whitcomb - wife"
 * or "his wife Dana Whitcomb": the subscriber's relation is said where the same person is named
 * again. Taken only when every such mention gives the same relation.
 */
function withRelationSaidElsewhere(records: BodyRequest[], text: string): BodyRequest[] {
  return records.map((r) => {
    const name = r.subscriber.name;
    if (name === null || r.subscriber.relationship !== null || (r.client.name !== null && sameName(name, r.client.name))) return r;
    const words = name.trim().split(/\s+/).map(escapeRegExp);
    if (words.length < 2) return r;
    const who = words.join('[\\s.]+');
    const after = new RegExp(`\\b${who}\\b\\s*(?:[-–—,:(]\\s*|\\s+is\\s+(?:his|her|their)\\s+)(${KIN_WORD})\\b`, 'gi');
    const before = new RegExp(`\\b(?:his|her|their|client['’]s|patient['’]s)\\s+(${KIN_WORD})\\s*[,:(-]?\\s*${who}\\b`, 'gi');
    const found = new Set<Relationship>();
    for (const m of [...text.matchAll(after), ...text.matchAll(before)]) {
      const rel = parseRelationship(m[1]!, 'subscriber');
      if (rel !== null) found.add(rel);
    }
    const [only] = found;
    return found.size === 1 && only !== undefined ? { ...r, subscriber: { ...r.subscriber, relationship: only } } : r;
  });
}

/**
 * The one client without an address takes the signature's, when the new text points there, or
 * when the client writes and signs with their own name.
 */
function withAddressFromSignature(first: BodySegment | undefined, writer: Writer | null, records: BodyRequest[]): BodyRequest[] {
  if (!first || records.length !== 1 || records[0]!.client.address !== null || first.signature.length === 0) return records;
  const lines = first.signature.map((l) => l.trim());
  const clientName = records[0]!.client.name;
  const signedByClient = writer?.isClient === true && clientName !== null && lines.some((l) => sameName(l, clientName));
  if (!signedByClient && !ADDRESS_IN_SIGNATURE.test(first.lines.join('\n'))) return records;
  // A street line and the city/state/ZIP line after it ("Apt 12" may stand between).
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\d+\s+\S/.test(lines[i]!) && !/^p\.?\s*o\.?\s*box\b/i.test(lines[i]!)) continue;
    const unit = /^(?:apt|apartment|unit|suite|ste|#)\.?\s*\S+$/i.test(lines[i + 1]!) && i + 2 < lines.length;
    const address = parseAddress(unit ? `${lines[i]}, ${lines[i + 1]}, ${lines[i + 2]}` : `${lines[i]}, ${lines[i + 1]}`);
    if (address !== null && address.state !== null && address.postalCode !== null) return [{ ...records[0]!, client: { ...records[0]!.client, address } }];
  }
  return records;
}
