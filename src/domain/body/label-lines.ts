/**
 * One line of a request body read as label/value pairs: "Label: value", "Label - value",
 * "Label = value", "Label<TAB>value" (a table row), "Label    value" (aligned columns),
 * "DOB 01/02/1990" (a typed value right after the label), several pairs on one line, and bare
 * label lines whose value is on the next line.
 */
import { classifyHeading, classifyLabel, type FieldKey, type Heading } from './labels';
import { parseDate } from './dates';
import { parsePhone } from './phones';
import { normalizeMemberId } from './identifiers';
import { isWholeAddress, parseAddress } from './addresses';
import { CAPITALISED_NAME } from './names';
import { HOLDER_KIN_WORD, KIN_WORD, PARENT_WORD, REL_LETTER, hasRelationshipWord } from './relationships';
import { namesTheWriter, WRITER_MARKER } from './writer';
import { isPlaceholder } from './placeholders';
import { findPayers, startsWithKnownPayer } from '../card/payers';
import { REQUIRED_FIELD_PROMPTS } from '../../../schemas/vob-record';
import { escapeRegExp } from '../escape-regexp';

export interface LinePair {
  field: FieldKey;
  value: string;
  /** A correction ("Correction: the correct Member ID is ..."): replaces what the message said before. */
  override?: boolean;
  /** Read from a sentence: a labelled value of the same client replaces it. */
  prose?: boolean;
  /** Inferred, not stated ("X asked me to send this" for the referral): any stated value replaces it. */
  inferred?: boolean;
  /** Taken back ("please ignore the Aetna info above"): the value said before is no value. */
  withdrawn?: boolean;
}

/** A line that corrects an earlier value of the same message. */
const CORRECTION = /^\W*(?:(?:notes?|comments?|remarks?)\s*:\s*)?(?:(?:quick|small|one)\s+)?(?:correction|corrected|update|updated|sorry|oops|actually|edit|edited)\b|\b(?:correct|corrected|updated|right)\s+(?:member\s*id|id|dob|date of birth|birth ?date|address|phone|group|insurance|payer|subscriber)\b/i;

export type ParsedLine =
  | { kind: 'blank' }
  | { kind: 'separator' }
  /** Labelled values; `heading` when the line also starts a client ("Client 2: Jane Doe"). */
  | { kind: 'pairs'; pairs: LinePair[]; heading?: Heading }
  /** A label with nothing after it; its value may be on the next line, or it is a heading. */
  | { kind: 'bare'; field: FieldKey; heading: Heading | null }
  | { kind: 'heading'; heading: Heading }
  /** "Something: value" with a label outside the vocabulary (ends multi-line values). */
  | { kind: 'unknownLabel' }
  | { kind: 'text'; text: string };

/** Fields whose value is recognisable by its shape, so a plain space may separate label and value. */
const TYPED: ReadonlySet<FieldKey> = new Set<FieldKey>(['dob', 'clientDob', 'subscriberDob', 'memberId', 'group', 'insPhone', 'servicePhone', 'idOrPhone', 'namedPhone', 'phone', 'address', 'clientAddress']);

/** Fields whose value is a person's name. */
const NAME_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['clientName', 'name', 'subscriberName']);

/** Fields a relationship word may follow after a plain space ("sub self", "subscriber spouse"). */
const RELATION_VALUED: ReadonlySet<FieldKey> = new Set<FieldKey>(['subscriberName', 'relToSubscriber']);

function relationValueOk(value: string): boolean {
  const v = value.trim();
  return v.split(/\s+/).length <= 3 && hasRelationshipWord(v);
}

function typedValueOk(field: FieldKey, value: string): boolean {
  const v = value.trim();
  switch (field) {
    case 'dob':
    case 'clientDob':
    case 'subscriberDob':
      return parseDate(v, { birthDate: true }) !== null && /^\W{0,3}\d|^\W{0,3}[A-Za-z]{3}/.test(v);
    case 'memberId':
    case 'group': {
      const id = normalizeMemberId(v);
      return id !== null && /\d/.test(id) && /^[#:\s]*[A-Za-z0-9]/.test(v);
    }
    case 'idOrPhone':
      // "Member #": a member ID or a phone, whichever the value is.
      return typedValueOk('memberId', v) || typedValueOk('insPhone', v);
    case 'insPhone':
    case 'servicePhone':
    case 'namedPhone':
    case 'phone':
      return parsePhone(v) !== null && /^\W{0,3}(?:\+?1|\(?\d)/.test(v);
    case 'address':
    case 'clientAddress': {
      // "Address 12 Oak Dr, Tulsa, OK 74103": a house number (or PO box) through a state or ZIP.
      const upToZip = /^.*?\b\d{5}(?:-\d{4})?\b/s.exec(v)?.[0] ?? v;
      const a = /^\W{0,3}(?:\d|p\.?\s*o\.?\s*box\b)/i.test(v) ? parseAddress(upToZip.replace(/[.!;]+$/, '')) : null;
      return a !== null && (a.state !== null || a.postalCode !== null);
    }
    default:
      return false;
  }
}

/** A pair; a named phone keeps its label ("Cigna phone") so the record can match it to the payer. */
/** A level of care ("Program: Residential", "LOC: IOP") is what the client needs, never who refers them. */
const LEVEL_OF_CARE_ONLY = /^\s*(?:(?:medical(?:ly)?\s+)?detox(?:ification)?|residential|rtc|res|php|partial(?:\s+hospitali[sz]ation)?|iop|intensive\s+outpatient|op|outpatient|inpatient|mat|sud|mh|dual[\s-]?diagnosis|sober\s+living|(?:adolescent|adult)\s+\w+)(?:\s*(?:\/|,|&|and|\+|then)\s*(?:detox|residential|rtc|php|iop|op|outpatient|inpatient|mat))*\s*(?:program|level|services?)?\s*\.?$/i;

/**
 * "Client name: [Dustin Ray Coker]": a form that puts every answer in brackets. The brackets go;
 * a bracket holding a label's words ("[Client Name]") is an unfilled slot and stays one.
 */
function withoutAnswerBrackets(value: string): string {
  const m = /^\s*\[([^[\]]*)\]\s*$/.exec(value);
  if (!m) return value;
  const inner = m[1]!.trim();
  return inner.length > 0 && (classifyLabel(inner) !== null || /\b(?:enter|insert|type|select|click)\b/i.test(inner)) ? value : inner;
}

const CLIENT_BY_ROLE = /^\s*(?:the\s+)?(?:client|patient|defendant|participant|resident|consumer|youth|member|recipient|releasee|probationer)\b(?![\p{L}'’])(?!\s+\p{Lu})/iu;
const HOLDER_BY_RELATION = /^\s*(?:her|his|their)\s+(?:husband|wife|spouse|partner|mother|mom|father|dad|parents?|step-?(?:mother|mom|father|dad)|grand(?:mother|father|ma|pa))\b/i;
/** "Enrollee: Lars Halvorsen (patient's father; civilian employee)": a name whose note says who they are to the patient. */
const NAMED_HOLDER_BY_RELATION = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}\s*\(\s*(?:the\s+)?(?:patient|client|pt|member|beneficiary)['’]s\s+(?:husband|wife|spouse|partner|mother|mom|father|dad|parents?|step-?(?:mother|mom|father|dad)|grand(?:mother|father|ma|pa))\b/iu;

/** Words in a phone's value that say it is the plan's line. */
const PLAN_LINE_WORDS = /\b(?:back\s+of\s+(?:the\s+|(?:his|her|their|\p{Lu}\p{Ll}+['’]s)\s+)?(?:insurance\s+)?card|behavioral\s+health\s+(?:number|line)|provider\s+(?:line|services)|member\s+services)\b/iu;

function pairOf(field: FieldKey, label: string, rawValue: string): LinePair {
  let value = withoutAnswerBrackets(rawValue);
  if (field === 'referredBy' && LEVEL_OF_CARE_ONLY.test(value)) return { field: 'ignore', value: value.trim() };
  // "Payer ID: 87726" is the plan's claims address (five characters); "Payor ID #: 521748036" under the plan's name is the member's.
  if (field === 'memberId' && /\bpay[eo]r\b/i.test(label) && (normalizeMemberId(value) ?? '').length < 7) return { field: 'ignore', value: value.trim() };
  // "The insurance is in Jodie Marchbanks's name": whose name the plan is in, not the plan.
  const inName = field === 'payer' ? /^\s*(?:in|under)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})['’]s\s+name\b/u.exec(value) : null;
  if (inName) return { field: 'subscriberName', value: inName[1]! };
  // "Phone: the Behavioral Health number on the back of Clarence's card, 1-800-555-0173": the plan's line, by what the value says.
  if (field === 'phone' && PLAN_LINE_WORDS.test(value)) {
    const digits = /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/.exec(value);
    if (digits) return { field: 'insPhone', value: digits[0] };
  }
  // ("----- COVERAGE: PRIMARY -----": which plan the block below is, not the plan's name.)
  if (field === 'payer' && /^\s*(?:primary|secondary|tertiary)\b[\s\-–—=*_]*$/i.test(value)) return { field: 'ignore', value: value.trim() };
  // ("Insurance: he has insurance thru his job but he dont know the company": a sentence about the plan, not its name.)
  if (field === 'payer' && /^\s*(?:he|she|they|i|we)\s+(?:has|have|had|is|are|was|does|do|did|don['’]?t|doesn['’]?t|didn['’]?t)\b/i.test(value)) return { field: 'ignore', value: value.trim() };
  // ("The plan is in Mom's own name, not mine": whose name, said by a relation, is no plan either.)
  if (field === 'payer' && /^\s*(?:in|under)\s+[\p{L}'’ ]{1,30}\bname\b/iu.test(value)) return { field: 'ignore', value: value.trim() };
  // "Client is Naomi Roe": the verb is not part of the name.
  if (NAME_FIELDS.has(field)) value = value.replace(/^\s*(?:is|named|called)\s+(?=\p{L})/iu, '');
  // "Enrollee: her husband (federal employee)": a member label that describes someone else by their
  // relation to the client names whoever holds the policy, not the client.
  if ((field === 'clientName' || field === 'name') && (HOLDER_BY_RELATION.test(value) || NAMED_HOLDER_BY_RELATION.test(value))) return { field: 'subscriberName', value: value.trim() };
  // "Enrollee: The defendant - HIP coverage in his own name": the member label names the client by role, who holds the plan.
  if ((field === 'clientName' || field === 'name') && CLIENT_BY_ROLE.test(value)) return { field: 'subscriberName', value: 'self' };
  // "Enrollee: Self (federal employee)": whose plan it is, not a name.
  if ((field === 'clientName' || field === 'name') && /^\s*self\b(?!-)/i.test(value)) return { field: 'subscriberName', value: value.trim() };
  // "Her husband (the sponsor): SPC Logan Brandt": the relation is the label's, said before the name.
  const labelKin = field === 'subscriberName' ? /^\s*(?:her|his|their)\s+(husband|wife|spouse|partner|mother|mom|father|dad|parents?|step-?(?:mother|mom|father|dad)|grand(?:mother|father))\b/i.exec(label)?.[1] : undefined;
  if (labelKin !== undefined && !hasRelationshipWord(value)) value = `(${labelKin}) ${value}`;
  // "Who is the primary insurance holder? Myself": the writer holds it (the client, when the client writes).
  if (field === 'subscriberName' && namesTheWriter(value)) return { field, value: WRITER_MARKER };
  // "Subscriber: she is on the policy of the husband of her, I don't have his name yet": a sentence about who holds it.
  if (field === 'subscriberName' && /^\s*(?:she|he|they)(?:\s+(?:is|are)|['’](?:s|re))\s+(?:on|under|covered)\b/i.test(value)) {
    const stated = relationSentence(value.split(/[,;.]|\s[-–—]+\s/)[0]!);
    if (stated !== null && stated.length === 1) return stated[0]!;
  }

  // "12 Oak St, Boulder, CO 80304. Let me know if ...": the address ends at its ZIP.
  // "He lives alone at 62 Orchard Hill Rd, ...": an answer's words before the street are no part of it.
  if (field === 'address' || field === 'clientAddress') value = value.replace(/^\s*(?:(?:he|she|they|the\s+(?:client|patient)|client|patient|pt)\s+)?(?:currently\s+)?(?:lives|resides|is\s+living|is\s+staying|stays)(?:\s+(?:alone|by\s+(?:him|her|them)self|with\s+[\p{L}' ]{1,30}?))?\s+(?:at|on)\s+(?=\d)/iu, '').replace(/(\b\d{5}(?:-\d{4})?)[.!]\s+\S.*$/s, '$1');
  // "Facility: Snake River Withdrawal Center" over "Referral Source: Canyon County Mobile Crisis": the center
  // writing stands for the referral only until a label says who referred.
  if (field === 'referredBy' && FACILITY_ONLY_LABEL.test(label.trim())) return { field, value: value.trim(), inferred: true };
  return { field, value: field === 'namedPhone' ? `${label.trim()}\t${value.trim()}` : value.trim() };
}

export const FACILITY_ONLY_LABEL = /^(?:facility|facility\s+name|agency|agency\s+name|organi[sz]ation|center|center\s+name|requesting\s+(?:facility|provider|center)|requested\s+by|submitted\s+by|from\s+facility|facility\s+requesting|treatment\s+(?:center|facility|provider)(?:\s+name)?|provider\s+facility)\s*[.:#]*$/i;

/** Bullets, numbering, markdown emphasis and quote leftovers before a label. */
const BULLET = /^\s*(?:[-*•·◦▪▫►▶➢✓✔☐☑o]\s+|\d{1,2}[.)]\s+|[a-hA-H][.)]\s+|\(\d{1,2}\)\s*|#{1,4}\s+)/;

/** Cleans emphasis markers and bullets; keeps tabs (cell boundaries). */
export function cleanLine(line: string): string {
  let t = line.replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, '');
  t = t.replace(/\*+/g, '').replace(/_{2,}/g, ' ').replace(/(?<=\s|^)_|_(?=\s|$|:)/g, '');
  // A spaced middle dot between values ("Anthem BCBS · ID YRK 882 104 556 · grp 174433") is a pipe.
  if (t.includes('·')) t = t.replace(/(?<=\S)\s+·\s+(?=\S)/g, ' | ');
  // Pipe-separated cells ("| Client Name | Jane Doe |") read like table cells.
  if (/\|/.test(t)) t = t.replace(/^\s*\|/, '').replace(/\|\s*$/, '').replace(/\s*\|\s*/g, '\t');
  for (let k = 0; k < 2 && BULLET.test(t); k++) t = t.replace(BULLET, '');
  // "Q: When was he born?" / "A: 4/12/1991": an interview's question and answer marks.
  t = t.replace(/^(?:Q|A)\d{0,2}\s*[:.)]\s+(?=\S)/, '');
  // A JSON or YAML key pasted from a system ("\"member_id\": \"W12...\"," / "- dob: '1990-01-02'"): key: value.
  const keyed = /^\s*["']([\w.$ -]{1,60})["']\s*:\s*["']?(.*?)["']?\s*,?\s*$/.exec(t);
  if (keyed) t = `${keyed[1]}: ${keyed[2]}`;
  else if (/^\s*[\w.-]{1,60}\s*[:=]\s*["'].*["'],?\s*$/.test(t)) t = t.replace(/\s*([:=])\s*["'](.*)["'],?\s*$/, '$1 $2');
  // "relationship to the policy holder (self, spouse, child or other): child": a form's choices before the colon are no label words.
  if (t.includes('(')) t = t.replace(/\s*\((?:[^():,]{1,40},\s*){1,6}[^():,]{1,40}\)(?=\s*:)/g, '');
  // Runs of spaces stay: aligned columns ("DOB        01/02/1990") separate label and value.
  return t.replace(/[\f\v]+/g, ' ').replace(/ *\t */g, '\t').trim();
}

const PREFIX_NOTE = /^(?:correction|corrected|update|updated|updates|note|fyi|also|sorry|edit|edited|change|changed|ps|p\.s|new info|new|please note|addendum|amended)$/i;

/** "the Anthem behavioral health number", "their provider line": a plan's phone, named in a sentence. */
const PLAN_LINE_SAID = /\b(?:behavioral|behavioural|bh|provider|member|customer|plan|insurance|payer|benefits?)\b[^.]{0,30}\b(?:number|line|phone|#)\b/i;

/** A label wrapped in the words of an answer ("Here's the address you asked for", "the correct DOB is"). */
const ANSWER_PHRASE = /^(?:(?:here(?:'s|’s| is| are)|and|also|ok|okay|sure|(?:please\s+)?use|(?:please\s+)?call)[,\s]+)?(?:(?:the|her|his|their|client'?s?|patient'?s?|pt'?s?)\s+)?(?:(?:correct|corrected|updated|new|missing|right|full)\s+)?([a-z][a-z .#'’/]{1,40}?)\s*(?:(?:that\s+)?you\s+(?:asked|requested|needed|wanted)(?:\s+for)?|(?:that\s+)?(?:was|were)\s+(?:missing|requested)|as\s+requested|requested|is|are)?$/i;

/** Separators between a label and its value, besides ":" and tab. */
const OTHER_SEPARATORS = /\s*[.…_]{3,}\s*|\s[-–—]+\s|\s?[–—]\s?|\s?=+>?\s?|\s->\s|\s{2,}|\s(?:is|are|was|should be|should read|is now|changed to|=)\s|#\s/g;

/** "Member ID - it should be JQX557201846": the words that introduce the value are not part of it. */
function withoutValueLead(raw: string): string {
  return raw.replace(/^\s*(?:it|that|this)\s*(?:should\s+(?:be|read|say)|is\s+actually|is|was|['’]s)\s+/i, '').replace(/^\s*(?:is|are|was)\s+(?=\S*\d)/i, '');
}

function withoutTrailingColon(s: string): string {
  return s.replace(/\s*[:\-–—=]+\s*$/, '').trim();
}

/** The best label ending exactly at `end` in `text` (1-5 words back), preferring the longest real field. */
function labelEndingAt(text: string, end: number): { start: number; field: FieldKey } | null {
  const before = text.slice(0, end);
  const wordStarts: number[] = [];
  const re = /[^\s,;|/]+/g;
  for (const m of before.matchAll(re)) wordStarts.push(m.index ?? 0);
  let best: { start: number; field: FieldKey } | null = null;
  let fallback: { start: number; field: FieldKey } | null = null;
  for (let k = 1; k <= Math.min(5, wordStarts.length); k++) {
    const start = wordStarts[wordStarts.length - k] ?? 0;
    const cand = before.slice(start).trim();
    const field = classifyLabel(cand);
    if (field === null) continue;
    if (field === 'ignore') {
      if (fallback === null) fallback = { start, field };
      continue;
    }
    best = { start, field };
  }
  return best ?? fallback;
}

/**
 * Splits a value that carries further labelled pairs ("Jane Doe DOB: 1/2/90 Ins: Aetna",
 * "Aetna, ID W123456789") into the first value and the following pairs.
 */
function splitInline(value: string, depth: number): { value: string; more: LinePair[] } {
  if (depth > 6 || value.length > 400) return { value, more: [] };
  // Pairs introduced by "Label:" inside the value.
  for (let c = value.indexOf(':'); c >= 0; c = value.indexOf(':', c + 1)) {
    if (/\d/.test(value[c - 1] ?? '') && /\d/.test(value[c + 1] ?? '')) continue; // a time, 10:30
    const lab = labelEndingAt(value, c);
    if (lab === null || lab.start === 0) continue;
    const prev = value[lab.start - 1] ?? ' ';
    if (!/[\s,;|/(]/.test(prev)) continue;
    const first = value.slice(0, lab.start).replace(/[\s,;|/(]+$/, '');
    const restPairs = parseLabelled(value.slice(lab.start), depth + 1);
    if (restPairs === null) continue;
    const head = splitTyped(first, depth);
    return { value: head.value, more: [...head.more, ...restPairs] };
  }
  return splitTyped(value, depth);
}

/** Words that start a typed label inside a value ("Jane Doe DOB 01/02/1990"). */
const TYPED_START = /^(?:dob|d\.o\.b\.?|date of birth|birth ?date|born|member|mem|memb|mbr|id|id#|policy|subscriber id|group|grp|ins(?:urance)? phone|ph|phone|tel)\b/i;

/** "Humana H55519283": a known payer and an ID-shaped word after it, as two values; else the payer. */
function payerWithBareId(value: string): LinePair[] {
  const m = /^(.*?)[\s,]+#?\s*((?=[A-Za-z0-9]*\d)[A-Za-z0-9]{7,15})$/.exec(value.trim());
  if (m && startsWithKnownPayer(m[1]!)) return [{ field: 'payer', value: m[1]!.trim() }, { field: 'memberId', value: m[2]! }];
  return [{ field: 'payer', value: value.trim() }];
}

/** A short value (up to five words, or maxWords) that starts with a payer the dictionary knows ("bcbs tx"). */
export function namesKnownPayer(value: string, maxWords = 5): boolean {
  return value.trim().split(/\s+/).length <= maxWords && findPayers(value)[0]?.position === 0;
}

/** A person's name of two to four words, nothing else. */
// ("The participant's next review hearing is 10/30/2026": words of a sentence are no name.)
const PERSON_NAME = /^(?!.*\b(?:is|are|was|were|the|an?|next|last|his|her|their|of|for|to|on|at|in|date|hearing|court|appointment)\b)[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){1,3}$/iu;

/**
 * "john smith 3/4/88 bcbs tx": an unlabelled birth date right after a name, then optionally a
 * payer the dictionary knows. Only when what precedes the date is a bare person name.
 */
function splitNameDate(value: string, depth: number): { value: string; more: LinePair[] } | null {
  // ("Marcus Anthony Quiroga-Beltrán Born June 2, 1991": a date in words, after its label.)
  const m = /^(.+?)\s+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?<=\b(?:dob|born|birthday|bday)[:.]?\s+)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b\s*(.*)$/i.exec(value);
  if (!m) return null;
  const [, rawHead = '', date = '', rest = ''] = m;
  // "chloe bennett dob 5/30/97": the date's own label is no part of the name.
  const head = rawHead.replace(/\s+(?:dob|d\.o\.b\.?|born|bday|birthday)[:.]?\s*$/i, '');
  if (!PERSON_NAME.test(head.trim()) || parseDate(date, { birthDate: true }) === null) return null;
  const more: LinePair[] = [{ field: 'dob', value: date }];
  const tail = rest.replace(/^[\s,;]+/, '').trim();
  if (tail.length > 0) {
    const labelled = parseLabelled(tail, depth + 1, true);
    if (labelled !== null) more.push(...labelled);
    else {
      // "bcbs tx id xof123 grp 88120": the payer, then typed pairs.
      const payer = splitTyped(tail, depth + 1);
      if (!namesKnownPayer(payer.value)) return null;
      more.push({ field: 'payer', value: payer.value.trim() }, ...payer.more);
    }
  }
  return { value: head.trim(), more };
}

/** Typed pairs after a list separator or a space ("Jane Doe, DOB 01/02/1990", "Aetna ID W123"). */
function splitTyped(value: string, depth: number): { value: string; more: LinePair[] } {
  const nameDate = depth > 6 ? null : splitNameDate(value, depth);
  if (nameDate !== null) return nameDate;
  for (const m of value.matchAll(/\s*(?:[,;|]|\s\/\s|\s{2,}|\s[-–—]\s|\s(?=[A-Za-z]))\s*/g)) {
    const at = (m.index ?? 0) + m[0].length;
    if ((m.index ?? 0) === 0) continue;
    const rest = value.slice(at);
    // "Boise, ID 83706", "Twin Falls ID 83301": Idaho and its ZIP, not a member ID.
    if (/^ID\s+\d{5}(?:-\d{4})?\b/.test(rest) && (/,\s*$/.test(m[0]) || /^ID\s+\d{5}(?:-\d{4})?\s*$/.test(rest))) continue;
    // "Marcus Delacroix - house ID LH-0331": an ID the word before says is someone else's, not the plan's.
    if (/^id\b/i.test(rest) && /\b(?:house|student|employee|case|booking|bed|room|chart|resident|tribal|state|badge|claim|ref|reference|inmate|client|patient|facility|account|acct|visit|encounter|sevis|driver['’]?s?)\s*$/i.test(value.slice(0, m.index ?? 0))) continue;
    // After a bare space, only a date-of-birth or ID label may begin a new pair.
    if (!/[,;|/\-–—]|\s{2,}/.test(m[0]) && !TYPED_START.test(rest)) continue;
    const pairs = parseLabelled(rest, depth + 1, true);
    if (pairs !== null && pairs.length > 0) {
      return { value: value.slice(0, m.index ?? 0), more: pairs };
    }
    // "Ins: BlueCare Tennessee   ID - don't have it, ...": after a run of spaces, a typed label whose value is a placeholder.
    const unknown = /\s{2,}/.test(m[0]) ? parseLabelled(rest, depth + 1, false) : null;
    if (unknown !== null && unknown.length === 1 && TYPED.has(unknown[0]!.field) && isPlaceholder(unknown[0]!.value)) {
      return { value: value.slice(0, m.index ?? 0), more: unknown };
    }
  }
  return { value, more: [] };
}

const DATE_IN_VALUE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b/;

/**
 * A combined label carrying several values ("Name/DOB: Jane Roe / 03-04-1991", "Ins/ID#: Aetna
 * W418823390", "Subscriber/Relationship: Tom Roe (husband)"): each part of the label is a label
 * of its own, and the value is split in the same order, or by the shapes of its pieces (a date,
 * an ID with digits, a relationship in parentheses). Null when the label is not such a pair.
 */
function combinedLabelPairs(left: string, rawValue: string): LinePair[] | null {
  const parts = left.split(/\s*(?:\/|&|\+|,|\band\b)\s*/i).filter((p) => p.trim().length > 0);
  if (parts.length < 2 || parts.length > 4) return null;
  const fields = parts.map((p) => classifyLabel(p));
  // "DOA, DOB, DLU: 02/03/2026, 03/11/1999, 02/01/2026": parts the reader does not know are
  // passed over when the values stand in the same order, each known one of its field's shape.
  if (fields.some((f) => f === null || f === 'ignore')) {
    const pieces = rawValue.replace(/\s*\([^)]*\)\s*$/, '').split(/\s*[,;|]\s*|\s+\/\s+/).map((v) => v.trim());
    if (pieces.length !== parts.length) return null;
    const known = fields.flatMap((f, i) => (f !== null && f !== 'ignore' && TYPED.has(f) && typedValueOk(f, pieces[i]!) ? [pairOf(f, parts[i]!, pieces[i]!)] : []));
    return known.length > 0 ? known : null;
  }
  if (new Set(fields).size !== fields.length) return null;
  const keys = fields as FieldKey[];
  const value = rawValue.trim();
  if (value.length === 0) return null;
  const pieces = value.split(/\s+\/\s+|\s*;\s*|\s+\|\s+/).map((v) => v.trim()).filter((v) => v.length > 0);
  if (pieces.length === keys.length) return keys.map((f, i) => pairOf(f, parts[i]!, pieces[i]!));
  if (keys.length !== 2) return null;
  const [a, b] = keys as [FieldKey, FieldKey];
  const take = (f: FieldKey, piece: string, rest: string): LinePair[] => {
    const other = f === a ? b : a;
    const rem = rest.replace(/^[\s,;/()-]+|[\s,;/()-]+$/g, '');
    return [pairOf(f, parts[keys.indexOf(f)]!, piece), ...(rem ? [pairOf(other, parts[keys.indexOf(other)]!, rem)] : [])];
  };
  const dobKey = keys.find((f) => f === 'dob' || f === 'clientDob' || f === 'subscriberDob');
  const date = dobKey ? DATE_IN_VALUE.exec(value) : null;
  if (dobKey && date) return take(dobKey, date[0], value.replace(date[0], ' '));
  const idKey = keys.find((f) => f === 'memberId' || f === 'group' || f === 'idOrPhone');
  const id = idKey ? /(?:^|\s)([A-Za-z]{0,4}[-\s]?\d[\w-]*(?:\s+\d[\w-]*)*)\s*$/.exec(value) : null;
  if (idKey && id && id.index > 0) return take(idKey, id[1]!, value.slice(0, id.index));
  const relKey = keys.find((f) => f === 'relationship' || f === 'relOfSubscriber' || f === 'relToSubscriber');
  const rel = relKey ? /\(([^)]+)\)\s*$|,\s*([A-Za-z -]{3,20})\s*$/.exec(value) : null;
  if (relKey && rel && hasRelationshipWord(rel[1] ?? rel[2] ?? '')) return take(relKey, (rel[1] ?? rel[2])!, value.slice(0, rel.index));
  return null;
}

/**
 * Reads "Label<sep>value" at the start of text; null when the text does not start with a label.
 * With typedOnly, only labels whose value has a recognisable shape are accepted with any separator
 * (used inside values, where a loose match would split a name).
 */
function parseLabelled(text: string, depth: number, typedOnly = false): LinePair[] | null {
  const t = text.trim();
  if (t.length === 0) return null;
  // "Label: value"
  const colon = t.indexOf(':');
  // "The phone number to call for the insurance, from the member services page on their website:
  // 1-800-...": a label that goes on to say where the value came from is read by its first clause,
  // with a value of its field's shape.
  if (colon > 60 && colon <= 160 && !typedOnly) {
    const clause = t.slice(0, colon).split(/,\s|\s\(|\s[-–—]\s/)[0]!;
    const field = clause.length <= 60 ? classifyLabel(clause) : null;
    const raw = t.slice(colon + 1).trim();
    if (field !== null && TYPED.has(field) && typedValueOk(field, raw.split(/[,;]/)[0] ?? '')) {
      const { value, more } = splitInline(raw, depth);
      return [pairOf(field, clause, value), ...more];
    }
  }
  // "I have a picture of his card on my phone: the ID is U6620187434 and the group is 3317720":
  // a sentence of the writer's own before the colon, the values said after it.
  // (Not a sentence that says what the plan is: "He is on my plan through work: Anthem ..." is read below.)
  if (colon > 0 && colon <= 160 && !typedOnly && /^(?:I|we|he|she|they)\b/i.test(t) && t.slice(0, colon).split(/\s+/).length >= 5 && !/\b(?:plan|insurance|coverage|policy)\b|\d|[.!?]\s/i.test(t.slice(0, colon)) && classifyLabel(t.slice(0, colon)) === null) {
    const left = t.slice(0, colon);
    const rest = t.slice(colon + 1).trim();
    const after = parseLine(rest);
    if (after.kind === 'pairs') return after.pairs;
    // "I pulled the Anthem behavioral health number from the provider portal: 1-844-555-0153": the plan's line, named in the sentence.
    if (PLAN_LINE_SAID.test(left) && !/\b(?:my|cell|home|fax|office|direct|mobile)\b/i.test(left) && /^(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\.?$/.test(rest)) return [{ field: 'insPhone', value: rest.replace(/\.$/, '') }];
  }
  if (colon > 0 && colon <= 60) {
    const left = t.slice(0, colon);
    const field = classifyLabel(left);
    // "Insurance is through her husband's employer: Kaiser Permanente": what follows is the plan.
    if (!typedOnly && (/^\s*(?:the\s+|her\s+|his\s+|their\s+)?(?:insurance|coverage|plan)\s+(?:is\s+)?(?:through|with|via|from)\b/i.test(left) || /\b(?:on|under)\s+(?:her|his|their|my)\s+[\p{L}'’ ]{0,20}\bplan\s+(?:through|from|at)\s+(?:work|(?:her|his|their|my)\s+(?:job|work|employer))\s*$/iu.test(left))) {
      const { value, more } = splitInline(t.slice(colon + 1).trim(), depth);
      return [{ field: 'payer', value }, ...more];
    }
    // "Quick correction for Client 2 (Tyler Brooks): his member ID is 948220175": the client it is
    // for (so the correction meets that client's record), then what it states.
    const correctionFor = !typedOnly ? /^\W*(?:quick\s+|small\s+|one\s+)?(?:correction|update|fix|change)s?\s+(?:for|to|on)\s+(.+)$/i.exec(left) : null;
    if (correctionFor) {
      const who = (/\(([^)]+)\)/.exec(correctionFor[1] ?? '')?.[1] ?? correctionFor[1] ?? '').trim();
      const inner = parseLabelled(t.slice(colon + 1).replace(/^\s*(?:his|her|their|the)\s+/i, ''), depth + 1);
      if (inner !== null && inner.some((p) => p.field !== 'ignore')) {
        return [...(CAPITALISED_NAME.test(who) && !/^(?:client|patient|pt)\b/i.test(who) ? [{ field: 'clientName' as const, value: who }] : []), ...inner];
      }
    }
    // "Notes: correction: member ID should be ...": a note's text may state a value itself.
    if (field === 'ignore' && !typedOnly && /^\s*(?:notes?|comments?|remarks?)\s*$/i.test(left)) {
      const inner = parseLabelled(t.slice(colon + 1), depth + 1);
      if (inner !== null && inner.some((p) => p.field !== 'ignore')) return inner;
    }
    const combined = typedOnly || field === 'cityStateZip' ? null : combinedLabelPairs(left, t.slice(colon + 1));
    if (combined !== null) return combined;
    if (field !== null && (!typedOnly || TYPED.has(field) || field !== 'ignore')) {
      const raw = withoutValueLead(t.slice(colon + 1).replace(/^[\s:\-–—=]+/, ''));
      // "City / State / Zip : Caldwell / ID / 83605": the label's slashes between the values too ("ID" is the state).
      if (field === 'cityStateZip' && /^[^/]+\/\s*[A-Za-z]{2}\s*\/\s*\d{5}(?:-\d{4})?\s*$/.test(raw)) return [pairOf(field, left, raw.replace(/\s*\/\s*/g, ', '))];
      const shaped = field === 'address' || field === 'clientAddress' ? raw : (raw.split(/[,;|]/)[0] ?? '');
      if (typedOnly && TYPED.has(field) && !typedValueOk(field, shaped)) return null;
      const { value, more } = splitInline(raw, depth);
      return [pairOf(field, left, value), ...more];
    }
    // "Member: Rosalind Abernathy" names the client; "Member: W123456789" is the ID.
    if (/^\s*member\s*$/i.test(left) && !typedOnly) {
      const raw = t.slice(colon + 1).trim();
      if (CAPITALISED_NAME.test(raw)) return [{ field: 'clientName', value: raw }];
      if (typedValueOk('memberId', raw)) return [{ field: 'memberId', value: raw }];
    }
    if (PREFIX_NOTE.test(left.trim()) && !typedOnly) return parseLabelled(t.slice(colon + 1), depth + 1);
    // "Here's the address you asked for: ...", "Her correct DOB is: ...": the label inside a phrase.
    // "The back was too blurry, so here is the provider number: ...": the phrase is the last clause.
    const lastClause = left.split(/,\s*|(?<=[a-z0-9)]{2}[.!?])\s+/).pop()?.replace(/^(?:so|and|but|then)\s+/i, '').trim() ?? '';
    const phrased = !typedOnly ? (ANSWER_PHRASE.exec(left.trim()) ?? (lastClause !== left.trim() ? ANSWER_PHRASE.exec(lastClause) : null)) : null;
    const phrasedField = phrased ? classifyLabel(phrased[1] ?? '') : null;
    if (phrased && phrasedField !== null && phrasedField !== 'ignore') {
      const { value, more } = splitInline(t.slice(colon + 1).trim(), depth);
      return [pairOf(phrasedField, phrased[1] ?? '', value), ...more];
    }
  }
  // "When was she born? 03/14/1990": a question, then its answer.
  // "Is there a Group number? If so, what is it? Yes 88140-02": the answer follows the last question
  // (and its note: "Where do they live? (street, city, ZIP) 12 Elm Ct, ...").
  const question = !typedOnly ? /^(.{6,198}\?(?:\s*\([^()]*\))?)\s+(?=[^?]*$)(?=\S)/.exec(t) : null;
  if (question) {
    const field = classifyLabel(question[1]!);
    if (field !== null && field !== 'ignore') {
      // "What is the ID # on the card? -- 6104 4822 91": a dash or arrow before the answer is no part of it.
      const { value, more } = splitInline(t.slice(question[0].length).replace(/^[\s\-–—:=>]+/, ''), depth);
      return [pairOf(field, question[1]!, value), ...more];
    }
  }
  // "Referred by Sunrise Recovery": the phrase itself separates label and value.
  // ("the referral from her therapist is below": who the referrer is to the client names no one.)
  const referred = /^(?:referred\s+(?:by|from)|referral\s+(?:from|by)|ref(?:'d)?\s+by)\s+(?!:)(?!(?:her|his|their|my|your)\s)(.+)$/i.exec(t);
  if (referred && !typedOnly) {
    // "Referred By (Treatment Center) - New Dawn", "Referred by ...... Riverstone": the note and the
    // separator are not the value.
    return [{ field: 'referredBy', value: (referred[1] ?? '').replace(/^\s*\([^)]*\)/, '').replace(/^[\s:=\-–—.…_]+/, '').trim() }];
  }
  // Other separators: take the earliest whose left side is a label.
  for (const m of t.matchAll(OTHER_SEPARATORS)) {
    const at = m.index ?? 0;
    // A note in parentheses does not count toward the length of a label.
    if (at === 0 || (at > 60 && t.slice(0, at).replace(/\s*\([^)]*\)/g, '').length > 60)) continue;
    const sep = m[0];
    const left = sep.startsWith('#') ? t.slice(0, at + 1) : t.slice(0, at);
    const field = classifyLabel(left);
    if (field === null) continue;
    // "Client Phone - 559-...": a known label of something the record does not hold still ends
    // the value above it (an address must not run on into it).
    if (field === 'ignore') {
      const rest = t.slice(at + sep.length).trim();
      if (!typedOnly && /^\s?[–—-]+\s$/.test(sep) && left.trim().split(/\s+/).length <= 4 && /[\d@]/.test(rest) && rest.split(/\s+/).length <= 4) return [{ field: 'ignore', value: rest }];
      continue;
    }
    // ("His name is Marcus Quiroga-Beltrán Born June 2": the birth date's own word ends the name.)
    const valueText = withoutValueLead(t.slice(at + sep.length));
    // ("INSURED NAME               REL TO PATIENT": a report's header row, one label beside the next.)
    if (/\s{2,}/.test(sep) && !/\d/.test(valueText) && valueText === valueText.toUpperCase() && classifyLabel(valueText.trim()) !== null) continue;
    // (Only a date cut off from its year, after a capitalised word: "X, born 7/2/42" keeps its date for the split below.)
    const raw = NAME_FIELDS.has(field) && /\s(?:is|are|was)\s/.test(sep) && !/\b(?:born|dob|birthday|bday)\b.*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/i.test(valueText) ? valueText.replace(/\s+(?:Born|BORN|DOB|D\.O\.B\.?|Birthday|Bday)\b.*$/, '') : valueText;
    if (raw.trim().length === 0) continue;
    if (typedOnly && !TYPED.has(field)) continue;
    // A dash, a run of spaces, "=" or dotted leaders ("Street 1 ...... 4410 N Meridian St") mark a
    // form; a looser separator needs a value of the field's shape.
    if ((typedOnly || /^\s?[–—-]/.test(sep) === false && !/\s{2,}|=|[.…_]{3,}/.test(sep)) && TYPED.has(field) && !typedValueOk(field, raw)) continue;
    // "Correction on the member ID - I transposed two digits. Correct ID is ...": a sentence, not a value.
    // ("ID - don't have it, his card is at his ex's": a placeholder, however long, is the value.)
    if (TYPED.has(field) && field !== 'address' && field !== 'clientAddress' && !typedValueOk(field, raw) && (raw.split(/[.!?]/)[0] ?? '').trim().split(/\s+/).length > 3 && !isPlaceholder(raw)) continue;
    // Prose separators ("is") only between a label and a typed value or a short value.
    if (/\s(?:is|are|was|should|changed)/.test(sep) && !TYPED.has(field) && raw.split(/\s+/).length > 6) continue;
    // "Client is in detox": after a prose separator a name starts with a capital (or is "self").
    if (/\s(?:is|are|was)\s/.test(sep) && NAME_FIELDS.has(field) && !/^\s*(?:(?:me|myself),?\s+)?\p{Lu}/u.test(raw) && !relationValueOk(raw.split(/[,.;]/)[0] ?? '')) continue;
    const { value, more } = splitInline(raw, depth);
    return [pairOf(field, left, value), ...more];
  }
  // "DOB 01/02/1990", "Member ID W123456789": a typed value after a plain space.
  const words = t.split(' ');
  // Up to seven words: "Behavioral health # on the card 800-555-0183".
  for (let k = Math.min(7, words.length - 1); k >= 1; k--) {
    const left = words.slice(0, k).join(' ');
    const field = classifyLabel(left);
    if (field === null) continue;
    const raw = words.slice(k).join(' ');
    // "pt Chloe Bennett dob 5/30/97": a name, then typed pairs, proves the label.
    if (!typedOnly && (field === 'clientName' || field === 'name')) {
      const named = splitTyped(raw, depth);
      if (named.more.length > 0 && PERSON_NAME.test(named.value.trim())) return [pairOf(field, left, named.value), ...named.more];
    }
    if (!(TYPED.has(field) && typedValueOk(field, raw)) && !(!typedOnly && RELATION_VALUED.has(field) && relationValueOk(raw))) continue;
    const { value, more } = splitInline(raw, depth);
    return [pairOf(field, left, value), ...more];
  }
  return null;
}

/**
 * "ins Medical Mutual", "ref New Dawn Detox": label words typed in lower case, then a capitalised
 * word, which starts the value rather than lengthening the label.
 */
function startsValue(labelWords: readonly string[]): boolean {
  return labelWords.length > 1 && /^[a-z]/.test(labelWords[0] ?? '') && labelWords.slice(1).some((w) => /^\p{Lu}\p{Ll}/u.test(w));
}

/**
 * "name jorge ruiz", "insurance presbyterian health plan": a label and a value separated by one
 * space, with no colon anywhere on the line. Only trusted for a whole segment written that way
 * (see collectHits): on its own such a line is as likely to be prose.
 */
export function spaceSeparatedPair(rawLine: string): LinePair[] | null {
  const line = cleanLine(rawLine);
  if (line.length === 0 || line.length > 90 || /[:\t]/.test(line)) return null;
  const words = line.split(/\s+/);
  for (let k = Math.min(4, words.length - 1); k >= 1; k--) {
    const label = words.slice(0, k).join(' ');
    if (startsValue(words.slice(0, k))) continue;
    const field = classifyLabel(label);
    if (field === null || field === 'ignore') continue;
    const value = words.slice(k).join(' ').replace(/^[-–—=#]+\s*/, '').trim();
    // ("Ins BCBS AZ": a plan's name whose last word reads as a label of its own is still the plan.)
    if (value.length === 0 || (classifyLabel(value) !== null && !(field === 'payer' && namesKnownPayer(value)))) return null;
    if (TYPED.has(field) && !typedValueOk(field, value)) return null;
    // "their insurance checked first. both live here ...": a wrapped sentence, not a label and its value.
    if (!TYPED.has(field) && (/\p{Ll}[.!?]\s+\p{L}/u.test(value) || (field === 'payer' && value.split(/\s+/).length > 6 && !startsWithKnownPayer(value)))) return null;
    // "New resident moving in Sat, pls run VOB" is a sentence, not a name.
    if ((field === 'clientName' || field === 'name') && !PERSON_NAME.test(value)) return null;
    // "ins aetna mbr w 2039 4417 0 grp 0855512": typed pairs after the payer.
    if (field === 'payer') {
      const typed = splitTyped(value, 1);
      if (typed.more.length > 0) return [pairOf(field, label, typed.value), ...typed.more];
    }
    return [pairOf(field, label, value)];
  }
  return null;
}

/**
 * A request typed as one line of items ("new vob: Luis Hernandez, dob 6/15/89, 27 Rue St,
 * New Orleans, LA 70112, Humana id H44001122, ph 800-457-4708, self, ref Crescent City
 * Recovery"; a biller's "Luis Ortega  030488  1417 W Carmen Ave Chicago IL 60640  BCBS IL
 * XOF912344871  G# 0042218  800.555.0142 opt 3  self  Lakefront Detox"), items apart by commas,
 * semicolons, pipes or runs of spaces. Items are read by label or by shape: a person's name (the
 * first unlabelled one), a date (the birth date, right after the name), a street address running
 * to its state or ZIP, a payer the dictionary knows (with a following ID), an ID, a phone, a
 * relationship (the subscriber), and, last, the referral. Null unless the line yields at least
 * four values, two of them with a shape (DOB, ID, phone), so prose with commas is left alone.
 */
export function commaListPairs(line: string): LinePair[] | null {
  const items = line.replace(ROW_NUMBER, '').split(/\s*[,;|\t]\s*|\s{2,}|\s+[—–]\s+/).map((i) => i.trim()).filter((i) => i.length > 0);
  if (items.length < 5) return null;
  const pairs: LinePair[] = [];
  let typed = 0;
  let named = false;
  const has = (field: FieldKey): boolean => pairs.some((p) => p.field === field);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    // "G# 0042218", "ins CareSource": a short label before its value, for the fields a row holds
    // ("first use at 16" in a clinical note is no first name).
    const spaced = spaceSeparatedPair(item)?.filter((p) => ROW_FIELDS.has(p.field)) ?? null;
    const labelled = parseLabelled(item, 5, true) ?? (spaced !== null && spaced.length > 0 ? spaced : null);
    if (labelled !== null && labelled.length > 0 && labelled.every((p) => p.field !== 'ignore')) {
      pairs.push(...labelled);
      typed += 1;
      if (labelled.some((p) => p.field === 'clientName' || p.field === 'name')) named = true;
      continue;
    }
    if (/^\d+\s+\p{L}/u.test(item) || /^p\.?\s*o\.?\s*box\b/i.test(item)) {
      // A street, then its city, state and ZIP items (or all in the one item).
      for (let j = Math.min(items.length - 1, i + 3); j >= i; j--) {
        const candidate = items.slice(i, j + 1).join(', ');
        const address = parseAddress(candidate);
        if (address !== null && address.state !== null && (address.postalCode !== null || j === i + 2)) {
          pairs.push({ field: 'clientAddress', value: candidate });
          i = j;
          break;
        }
      }
      continue;
    }
    const referral = /^(?:ref|referred by|referral(?: from)?|referring)\s+(.+)$/i.exec(item);
    if (referral) {
      pairs.push({ field: 'referredBy', value: referral[1] ?? '' });
      continue;
    }
    // "he's the policy holder", "on his dad's plan (Raymond Benally)": who holds the policy, said.
    const holder = named && /\s/.test(item) ? relationSentence(item) : null;
    if (holder !== null) {
      pairs.push(...holder);
      continue;
    }
    if ((relationValueOk(item) && (item.split(/\s+/).length === 1 || RELATION_THEN_NAME.test(item))) || (named && NAME_THEN_RELATION.test(item))) {
      pairs.push({ field: 'subscriberName', value: item });
      continue;
    }
    // A biller's relation letter ("S", "SP", "C") once the client is named.
    if (named && REL_LETTER.test(item)) {
      pairs.push({ field: 'relToSubscriber', value: item });
      continue;
    }
    // Shapes: the birth date right after the name ("030488", "3.4.88"), then an ID and a phone.
    if (named && !has('clientDob') && !has('dob') && pairs.length === 1) {
      const date = BARE_BIRTH_DATE.test(item) ? item : sixDigitDate(item);
      if (date !== null) {
        pairs.push({ field: 'clientDob', value: date });
        typed += 1;
        continue;
      }
    }
    if (named && !has('insPhone') && PHONE_ITEM.test(item) && parsePhone(item.replace(PHONE_EXTENSION, '')) !== null) {
      pairs.push({ field: 'insPhone', value: item });
      typed += 1;
      continue;
    }
    // "Humana id H44001122": a payer (known, or named right before its member ID) and pairs.
    const payer = splitTyped(item, 5);
    const namesItsId = payer.more.some((p) => p.field === 'memberId') && payer.value.trim().split(/\s+/).length <= 4 && !/\d/.test(payer.value);
    if (namesKnownPayer(payer.value) || namesItsId) {
      pairs.push({ field: 'payer', value: payer.value.trim() }, ...payer.more);
      typed += payer.more.length > 0 ? 1 : 0;
      continue;
    }
    if (payer.more.length > 0) {
      pairs.push(...payer.more);
      typed += 1;
      continue;
    }
    // After the address, a plan's name the dictionary does not know ("Meridian"), right before its ID.
    if (named && has('clientAddress') && !has('payer') && /^\p{Lu}[\p{L}&.'’-]*(?:\s+[\p{L}&.'’-]+){0,4}$/u.test(item) && BARE_MEMBER_ID.test(items[i + 1] ?? '')) {
      pairs.push({ field: 'payer', value: item });
      continue;
    }
    if (named && has('payer') && !has('memberId') && BARE_MEMBER_ID.test(item) && item.replace(/\D/g, '').length >= 6) {
      pairs.push({ field: 'memberId', value: item });
      typed += 1;
      continue;
    }
    // The number after the ID, before the phone: the group ("200417").
    if (named && has('memberId') && !has('group') && !has('insPhone') && /^[A-Z0-9-]{4,12}$/.test(item) && /\d{3}/.test(item)) {
      pairs.push({ field: 'group', value: item });
      continue;
    }
    if (!named && PERSON_NAME.test(item) && /^\p{Lu}/u.test(item)) {
      pairs.push({ field: 'clientName', value: item });
      named = true;
      continue;
    }
    // The last item, a name in capitals after the plan: the referral ("Lakefront Detox").
    if (named && i === items.length - 1 && has('payer') && !has('referredBy') && /^\p{Lu}[\p{L}'’.&-]*(?:\s+(?:(?:of|and|&|the|at|for|on)\s+)?\p{Lu}[\p{L}'’.&-]*){1,5}$/u.test(item) && !namesKnownPayer(item)) {
      pairs.push({ field: 'referredBy', value: item });
    }
  }
  return pairs.length >= 4 && typed >= 2 ? pairs : null;
}

const ROW_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['clientName', 'name', 'dob', 'clientDob', 'payer', 'memberId', 'idOrPhone', 'group', 'insPhone', 'phone', 'subscriberName', 'relationship', 'relToSubscriber', 'relOfSubscriber', 'referredBy']);

/** A line of five or more items apart by commas or runs of spaces, for commaListPairs. */
const listedItems = (line: string): boolean => (line.match(/,|\s[—–]\s/g) ?? []).length >= 4 || (line.match(/\S {2,}(?=\S)/g) ?? []).length >= 4;

/** A data row's number before its first item: "1.", "2)", "#3". */
export const ROW_NUMBER = /^\s*(?:#\s?\d{1,2}|\d{1,2}[.)])\s+/;
/** "Joan Whitlock / C", "Rosa Castellanos / mom": the subscriber, then the relation. */
const NAME_THEN_RELATION = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,2}\s*[/(-]\s*(?:S|SP|C|CH|D|O|self|spouse|wife|husband|child|son|daughter|mom|mother|dad|father|parent|other)\)?$/u;
const RELATION_THEN_NAME = /^(?:my\s+)?\p{Ll}+\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,2}$/u;
const BARE_BIRTH_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})$/;
const BARE_MEMBER_ID = /^(?=[A-Za-z0-9 -]*\d)[A-Za-z0-9][A-Za-z0-9 -]{5,22}$/;
const PHONE_ITEM = /^(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b(?:\s*(?:opt(?:ion)?|x|ext\.?|press)\s*\d{1,4})?(?:\s*\([^)]{1,20}\))?$/i;
const PHONE_EXTENSION = /\s*(?:(?:opt(?:ion)?|x|ext\.?|press)\s*\d{1,4})?(?:\s*\([^)]{1,20}\))?$/i;

/** "030488": a birth date written MMDDYY, as "03/04/88" (the reader's date rules place the century). */
function sixDigitDate(item: string): string | null {
  const m = /^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{2})$/.exec(item);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : null;
}

/** Fields a run-on line names by keyword; address parts (Apt, City) stay inside the address. */
const RUN_ON_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'clientName', 'name', 'dob', 'clientDob', 'address', 'clientAddress', 'payer', 'memberId', 'idOrPhone', 'group', 'insPhone', 'servicePhone', 'phone',
  'subscriberName', 'relationship', 'relOfSubscriber', 'relToSubscriber', 'referredBy',
]);
const SIGN_OFF = /\s+(?:thx|thanks|thank you|ty|tia|asap)[.!]*$/i;

/**
 * The part of a run-on value that has its field's shape: "XUB 448 120 936 he's the" is the ID
 * "XUB 448 120 936", "July 22nd 1991 he lives" the date. Null when no prefix has the shape.
 */
function shapedPrefix(field: FieldKey, value: string): string | null {
  const words = value.split(/\s+/).filter((w) => w.length > 0);
  // The longest of the first `most` words that has the field's shape.
  const longest = (most: number): string | null => {
    for (let n = most; n > 0; n--) {
      const v = words.slice(0, n).join(' ').replace(/[.,;]+$/, '');
      if (typedValueOk(field, v)) return v;
    }
    return null;
  };
  switch (field) {
    case 'memberId':
    case 'group': {
      // An ID's words: its first, then only words with a digit or in capitals.
      let n = 0;
      while (n < words.length && /^[A-Za-z0-9-]+[.,;]?$/.test(words[n]!) && (n === 0 || /\d/.test(words[n]!) || /^[A-Z0-9-]+[.,;]?$/.test(words[n]!))) n++;
      return longest(n);
    }
    case 'dob':
    case 'clientDob':
    case 'subscriberDob':
      return longest(Math.min(6, words.length));
    case 'idOrPhone':
      return shapedPrefix('insPhone', value) ?? shapedPrefix('memberId', value);
    case 'insPhone':
    case 'servicePhone':
    case 'phone': {
      const m = /^\W{0,3}(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?:\s*(?:ext\.?|x|extension|opt(?:ion)?\.?)\s*\d{1,5})?/i.exec(value);
      return m && typedValueOk(field, m[0]) ? m[0] : null;
    }
    default:
      return typedValueOk(field, value) ? value : null;
  }
}

/** Words only a sentence has (lower case: a letterhead in capitals is no sentence). */
const PROSE_WORD = /\b(?:is|was|are|has|have|had|her|his|the|for|at|with|she|he|they|lives)\b/;

/** Small words inside a payer's, center's or person's name ("Blue Cross of Texas", "Casa de Paz"). */
const NAME_JOINERS = /^(?:of|and|&|the|de|del|la|los|las|van|von|der|da|do|dos|du|le|st\.?)$/i;

/** A name written in a sentence: its capitalised words (with joiners between them), cut at the first other word. */
function capitalisedLead(value: string): string | null {
  const words = value.replace(/[.,;!?]+$/, '').split(/\s+/);
  let n = 0;
  while (n < words.length && (/^[\p{Lu}][\p{L}0-9&'’.-]*[,;]?$/u.test(words[n]!) || (n > 0 && NAME_JOINERS.test(words[n]!) && /^\p{Lu}/u.test(words[n + 1] ?? '')))) {
    n++;
    if (/[,;]$/.test(words[n - 1]!)) break;
  }
  const lead = words.slice(0, n).join(' ').replace(/[.,;]+$/, '');
  return lead.length > 0 && n <= 8 ? lead : null;
}

/**
 * One sentence of prose typed as keywords and values ("Her insurance is Ambetter member number is
 * U 902 274 418 and the phone number for providers is 877-555-0139"): the keyword reader with a
 * lower bar (two labels, one of them with a shaped value), each value cut to its shape, a name to
 * its capitalised words, and "himself" read as self.
 */
function sentenceRunOnPairs(sentence: string): LinePair[] {
  // A sentence has the small words of one; a letterhead, a table row or a typed list has none.
  // Every shaped value (a date, ID, phone, address) has a digit: a sentence without one is skipped cheaply.
  if (sentence.length < 30 || sentence.includes(':') || !/\d/.test(sentence) || !PROSE_WORD.test(sentence)) return [];
  const pairs = keywordRunOnPairs(sentence, 2, 1) ?? [];
  // "a referral for Lupe Alvarado": the client, not who refers.
  const referralForClient = /\breferral\s+for\s+\p{Lu}/iu.test(sentence);
  const out: LinePair[] = [];
  for (const p of pairs) {
    if (p.prose || (p.field === 'referredBy' && referralForClient)) continue;
    if (TYPED.has(p.field)) {
      const v = shapedPrefix(p.field, p.value);
      if (v !== null) out.push({ ...p, value: v });
      continue;
    }
    if (p.field === 'subscriberName' && /^(?:him|her|them)sel(?:f|ves)\b/i.test(p.value)) {
      out.push({ ...p, value: 'self' });
      continue;
    }
    if (RELATION_VALUED.has(p.field) && relationValueOk(p.value)) {
      out.push(p);
      continue;
    }
    const lead = capitalisedLead(p.value);
    if (lead !== null) out.push({ ...p, value: lead });
  }
  return out;
}

/**
 * A request typed as one line of keywords and values with no colons or commas between pairs
 * ("pls run vob on Kevin Osei dob 2/14/1979 addr 1609 Elm Ave, Apt 2, Columbus, OH 43201 ins
 * Medical Mutual id 88120394401 grp 6620 ph 800-555-0149 sub self ref by Riverbend Recovery"):
 * each known label word starts a pair that runs to the next. A label whose value does not have
 * its field's shape (a date, ID, phone, address) is taken as a word of the value before it. Null
 * unless four pairs remain, two of them shaped, so a sentence that uses such words is left alone.
 * Words before the first label are read as prose ("vob on <name>"). Sentences use a lower bar
 * (sentenceRunOnPairs).
 */
export function keywordRunOnPairs(line: string, minMarks = 4, minShaped = 2): LinePair[] | null {
  const words = line.split(/\s+/).filter((w) => w.length > 0);
  let marks: { at: number; len: number; field: FieldKey; label: string }[] = [];
  for (let i = 0; i < words.length; ) {
    let found: (typeof marks)[number] | null = null;
    // A label starts with a word: "87 ins" is the end of a value and a label.
    for (let k = Math.min(3, words.length - 1 - i); k >= 1 && /^\p{L}/u.test(words[i] ?? ''); k--) {
      const label = words.slice(i, i + k).join(' ').replace(/[#=-]+$/, '');
      if (startsValue(words.slice(i, i + k))) continue;
      const field = classifyLabel(label);
      if (field !== null && RUN_ON_FIELDS.has(field)) {
        found = { at: i, len: k, field, label };
        break;
      }
    }
    // "Gulf Coast Recovery Center", "MEDICAL CENTER": in a sentence, a capitalised label word
    // after a capitalised word ends a name; it labels nothing.
    if (found && minMarks < 4 && !TYPED.has(found.field) && /^\p{Lu}/u.test(words[i]!) && /^\p{Lu}/u.test(words[i - 1] ?? '')) found = null;
    if (found) {
      marks.push(found);
      i += found.len;
    } else i++;
  }
  // "date of birth is ...", said rather than written: the verb is no part of the value.
  const valueOf = (m: number): string => words.slice(marks[m]!.at + marks[m]!.len, marks[m + 1]?.at ?? words.length).join(' ').replace(/[,;]+$/, '').replace(/^(?:is|was|are)\s+/i, '');
  for (let m = 0; m < marks.length; ) {
    const mark = marks[m]!;
    const value = valueOf(m);
    if (value.length === 0 || (TYPED.has(mark.field) && !typedValueOk(mark.field, value))) {
      marks = marks.filter((_, j) => j !== m);
      m = Math.max(0, m - 1);
      continue;
    }
    m++;
  }
  const shaped = marks.filter((mark, m) => TYPED.has(mark.field) && typedValueOk(mark.field, valueOf(m))).length;
  if (marks.length < minMarks || shaped < minShaped) return null;
  const head = words.slice(0, marks[0]!.at).join(' ');
  const pairs = head.length > 0 ? prosePairs(head).filter((p) => p.field !== 'ignore') : [];
  const hasAddress = marks.some((mark) => mark.field === 'address' || mark.field === 'clientAddress');
  marks.forEach((mark, m) => {
    let value = valueOf(m).replace(SIGN_OFF, '');
    // "address is 418 Kestrel Dr Reno Nevada 89523 you can call me back...": the address ends at its ZIP.
    if (TYPED_ADDRESS_FIELDS.has(mark.field)) value = value.replace(/(\b\d{5}(?:-\d{4})?)\s+\p{L}.*$/su, '$1');
    // "dob 03/14/88 he lives at 4471 W Saguaro Trl Tucson AZ 85745": an address said with no label.
    const address = hasAddress || TYPED_ADDRESS_FIELDS.has(mark.field) ? null : unlabelledAddress(value);
    if (address !== null) {
      value = value.slice(0, address.start).trim();
      pairs.push({ field: 'address', value: address.text });
    }
    pairs.push(pairOf(mark.field, mark.label, value));
  });
  return pairs;
}

const TYPED_ADDRESS_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['address', 'clientAddress', 'city', 'state', 'zip', 'cityStateZip', 'line2']);
const STREET_WORD = /\b(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|ct|court|way|pl|place|cir|circle|pkwy|parkway|hwy|highway|ter|terrace|trl|trail|loop|box|pike|row|run|sq|square)\b/i;

/** A street address inside a run of words: the house number nearest a ZIP whose line has a street word. */
function unlabelledAddress(value: string): { start: number; text: string } | null {
  const zip = /\b\d{5}(?:-\d{4})?\b(?!.*\b\d{5}\b)/.exec(value);
  if (zip === null) return null;
  const end = zip.index + zip[0].length;
  const starts = [...value.slice(0, zip.index).matchAll(/(?:^|\s)(\d{1,6})\s+\p{L}/gu)].map((m) => m.index + m[0].indexOf(m[1]!)).reverse();
  for (const start of starts) {
    const text = value.slice(start, end);
    const a = parseAddress(text);
    if (a !== null && a.state !== null && STREET_WORD.test(a.line1 ?? '')) return { start, text };
  }
  return null;
}

const WRONG = /\b(?:wrong|typo|incorrect|mistake|transposed|mistyped|flipped|swapped|ignore|disregard)\b/i;
const RIGHT_VALUE = /(?:\bit['’]s|\bit\s+is|\bshould\s+(?:be|read)|\bcorrect\s+(?:one|value|number|id|date)?\s*is|\bis\s+actually|\bright\s+one\s+is)\s+([^\s,;()]+(?:\s+\d[\w/-]*)*)/i;

/**
 * "FYI the DOB in Jordan's email is wrong, it's 10/13/1996 (not 10/31).", "I had a typo in the
 * member ID - the correct one is ZGD902114573.": a correction in prose. The field is the first
 * label named before the new value, which must have that field's shape.
 */
function correctionSentence(line: string): LinePair[] | null {
  if (line.length > 300 || !WRONG.test(line)) return null;
  const right = RIGHT_VALUE.exec(line);
  if (!right || right.index === undefined) return null;
  const words = line.slice(0, right.index).split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}#.'’]/gu, '')).filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    for (let k = Math.min(3, words.length - i); k >= 1; k--) {
      const field = classifyLabel(words.slice(i, i + k).join(' '));
      if (field === null || field === 'ignore' || !TYPED.has(field)) continue;
      const value = (right[1] ?? '').replace(/[.!]+$/, '');
      if (!typedValueOk(field, value)) return null;
      return [{ field, value, override: true }];
    }
  }
  return null;
}

/** True when the text is a label with an empty value ("Client Name:", "DOB"). */
function bareLabel(text: string): FieldKey | null {
  const t = withoutTrailingColon(text);
  // A question may be longer than a label ("Who is the policy holder, and how are they related to the client?").
  if (t.length === 0 || t.length > (/\?(?:\s*\([^()]*\))?$/.test(t) ? 200 : 60)) return null;
  if ((t.match(/\)/g)?.length ?? 0) > (t.match(/\(/g)?.length ?? 0)) return null;
  // "City/State/Zip: Santa Fe, NM" carries a value after its colon: it is no bare label.
  if (/:\s*\S/.test(t)) return null;
  // "Street 2 ........ Apt 2C": dotted leaders lead to a value.
  if (/[.…_]{3,}\s*\S/.test(t)) return null;
  return classifyLabel(t);
}

/** The field names our reply asks for, as written in it ("- Subscriber Name"). */
const ASKED_AS = new Set(Object.values(REQUIRED_FIELD_PROMPTS).map((p) => p.toLowerCase()));

/** "- Subscriber Name", "• Copy of the Insurance Card (if available)": an item of a list of what is asked for, no label awaiting a value. */
function isAskedFieldItem(rawLine: string): boolean {
  if (!/^\s*[-*•·]\s+/.test(rawLine)) return false;
  const item = rawLine.replace(/^\s*[-*•·]\s+/, '').replace(/\s*\(if available\)\s*$/i, '').replace(/[:.\s]+$/, '').toLowerCase();
  return ASKED_AS.has(item);
}

/** Parses one line of body text (quote prefixes already removed). */
/**
 * Prose has no sections: the subscriber's values go last, so a client's "DOB" stated after "she's
 * on her dad's plan" stays the client's.
 */
function subscriberLast(pairs: LinePair[]): LinePair[] {
  const isSubscriberPair = (p: LinePair): boolean => p.field === 'subscriberName' || p.field === 'relOfSubscriber' || p.field === 'relToSubscriber';
  return [...pairs.filter((p) => !isSubscriberPair(p)), ...pairs.filter(isSubscriberPair)];
}

/** "Same address as Dustin", "same insurance and BH line as above", "Same address as her mom": values stated once for the client before. */
const SAME_AS_EARLIER = new RegExp(String.raw`^(?:the\s+)?same\s+([\p{L} #&/,]{3,60}?)(?:\s+as\s+(?:above|before|(?:client|patient|pt|#)\s*#?\s*1|(?:his|her|their)\s+${KIN_WORD}|him|her|his|hers|\p{Lu}[\p{L}'’-]+))?\s*(?:[,.;]\s*|$)`, 'iu');
const SAME_AS_FIELDS: readonly (readonly [RegExp, FieldKey])[] = [
  [/^(?:home\s+)?(?:address|addr)$/i, 'clientAddress'],
  [/^(?:insurance|ins|plan|payer|carrier|coverage)$/i, 'payer'],
  // ("Same BlueCare provider line as #1": the plan's name before its line.)
  [/^(?:(?!(?:home|cell|mobile|client|contact|work|emergency|fax|house|office)\b)\p{L}[\p{L}&-]*\s+)?(?:(?:bh|behavioral health|provider|insurance|ins|plan)\s+)?(?:line|phone|number|#)$/iu, 'insPhone'],
  [/^group(?:\s+(?:number|no|#))?$/i, 'group'],
  [/^(?:referral|referral source|referrer)$/i, 'referredBy'],
];

/** "his partner's ConnectiCare plan", "her Ambetter insurance": a capitalised name between an owner and the word plan. */
export const OWNERS_NAMED_PLAN = /\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|\p{L}+['’]s)\s+(\p{Lu}[\p{L}&.'-]*(?:\s+\p{Lu}[\p{L}&.'-]*){0,3})\s+(?:plan|insurance|policy|coverage)\b/u;
/** "... thru his dad's work": whose job the plan comes with, after a shorthand payer. */
const THRU_KIN_JOB = new RegExp(`\\s+(?:thru|through|via)\\s+(?:his|her|their)\\s+(${KIN_WORD})['’]?s?\\s+(?:job|work|employer)\\b.*$`, 'i');
/** A sentence about a plan the client had, and that it ended. */
const FORMER_PLAN = /\b(?:old|previous|former|prior)\s+(?:plan|insurance|coverage|policy)\b/i;
const FORMER_PLAN_ENDED = /\b(?:ended|termed|terminated|expired|lapsed|no\s+longer|inactive|don['’]t\s+use|do\s+not\s+use)\b/i;
/** "in her own name", "the insurance is his own, the Medicaid is in his name", "she is the member": the client holds the plan. */
// ("the policy is in his name" may be a parent's: only a programme in the client's name is the client's own.)
const MY_OWN_PLAN = /\bin\s+my\s+own\s+name\b|\b(?:it['’]s|it\s+is)\s+my\s+own\s+(?:[\w-]+\s+)?(?:plan|insurance|coverage|policy|medicaid|medicare|medi-cal)\b/i;
/** "It is his own MaineCare, not through me": the plan named as the client's own. */
const OWN_PLAN_NAMED = /\b(?:[Ii]t['’]s|[Ii]t\s+is)\s+(?:his|her|their)\s+own\s+(?:plan|policy|insurance|coverage|\p{Lu})/u;
const OWN_NAME = /\bin\s+(?:his|her|their)\s+own\s+name\b|(?:,|\band)\s+(?:his|her|their)\s+own\s*(?:[.;]|,(?!\s*(?:through|thru|from|via)\b)|$)|\b(?:it['’]s|it\s+is)\s+(?:his|her|their)\s+own\s*(?:[,.;]|\s(?:since|because|as|so)\b)|\b(?:policy|plan|insurance|coverage|medicaid|medicare|medi-cal)\s+is\s+(?:(?:in\s+)?(?:his|her|their)\s+own\b|of\s+[\w ]{1,20}?\b(?:herself|himself))|\b(?:medicaid|medicare|medi-cal)\s+is\s+in\s+(?:his|her|their)\s+name\b|\b(?:she|he)(?:\s+is|['’]s)\s+the\s+(?:main\s+|primary\s+)?(?:member|titular|beneficiary|enrollee|recipient|(?:person|one)\s+on\s+(?:it|the\s+(?:insurance|plan|policy|card)))\b|\((?:his|her|their)\s+own\s+(?:plan|policy|insurance|coverage)\b/i;
/** "The card says member ID QIB774190352 and group 55120": where the writer read the values, before them. */
const CARD_SAYS_LEAD = /^(?:[Tt]he\s+(?:front\s+of\s+the\s+)?card|[Ii]t)\s+(?:says|reads|shows|lists)\s*:?\s+(?=(?:member|mbr|id|group|grp|policy)\b)/iu;
const GOT_LEAD = /^(?:[Oo]k(?:ay)?[,\s]+)?(?:[Gg]ot|[Ff]ound|[Ff]inally\s+got)\s+(?:(?:\p{Lu}\p{Ll}+['’]s|his|her|their|the)\s+)(?=\S)/u;

/**
 * "She's the policyholder -- actually no, I just checked ...: it's her dad's plan. Her dad is X.": the sentence
 * taken back is not read; what the line said before it, and what it says after, are.
 */
function takenBackLine(line: string): ParsedLine | null {
  const back = /\b(?:actually|wait|sorry)\b/i.test(line) ? SENTENCE_TAKEN_BACK_ONE.exec(line) : null;
  if (!back || back.index === 0 || line.length > 1200) return null;
  const sentenceStart = Math.max(...[...line.slice(0, back.index).matchAll(/[.!?]\s+/g)].map((m) => m.index + m[0].length), 0);
  const before = sentenceStart > 0 ? parseLine(line.slice(0, sentenceStart)) : null;
  const after = parseLine(line.slice(back.index + back[0].length));
  const afterPairs = after.kind === 'pairs' ? after.pairs : [];
  const stated = new Set(afterPairs.map((p) => sameFieldKey(p.field)));
  const beforePairs = before?.kind === 'pairs' ? before.pairs.filter((p) => !stated.has(sameFieldKey(p.field))) : [];
  const pairs = [...beforePairs, ...afterPairs];
  return pairs.length > 0 ? { kind: 'pairs', pairs } : { kind: 'text', text: line };
}

export function parseLine(rawLine: string): ParsedLine {
  const parsed = readLine(rawLine);
  // "CORRECTION before you run it: the subscriber is not him. It's his wife's plan ...": what the line says replaces what was said before.
  if (parsed.kind === 'pairs' && CORRECTION.test(rawLine) && /^\W*(?:correction|corrected|update|updated)\b/i.test(rawLine)) return { ...parsed, pairs: parsed.pairs.map((p) => ({ ...p, override: true })) };
  return parsed;
}

function readLine(rawLine: string): ParsedLine {
  if (rawLine.trim().length === 0) return { kind: 'blank' };
  if (isAskedFieldItem(rawLine)) return { kind: 'text', text: rawLine.trim() };
  if (/^\s*[-=_~*#.•·|:+ ]{3,}\s*$/.test(rawLine) && /[-=_~*#.•·]{3,}/.test(rawLine)) return { kind: 'separator' };
  // "His member ID, off that same card, is ZTX 704 552 913": an aside between a value's name and its "is" is no part of either.
  const line = cleanLine(rawLine).replace(ASIDE_BEFORE_IS, '$1 $2');
  if (line.length === 0) return { kind: 'blank' };

  if (line.includes('\t')) {
    const cells = line.split('\t').map((c) => c.trim());
    const pairs = pairsFromCells(cells);
    // "1. Nadine Ferris | 1.22.80 | 16 Garden St, ... | MVP Health Care | ...": a row without labels, read by shape.
    const listed = pairs.length < 3 && cells.length >= 5 ? commaListPairs(line) : null;
    if (listed !== null && listed.length > pairs.length) return { kind: 'pairs', pairs: listed };
    if (pairs.length > 0) return { kind: 'pairs', pairs };
    const nonEmpty = cells.filter((c) => c.length > 0);
    if (nonEmpty.length === 1) return parseLine(nonEmpty[0] ?? '');
    return { kind: 'text', text: line };
  }

  // "Daughter: Emiko R. Mercer" in a parent's message: the relation, as a label, names the client.
  // (Only beside a colon: in a table's cell "Son" is who the client is to the holder.)
  const kinLabel = /^\s*(?:Son|Daughter|Stepson|Stepdaughter)\s*:\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*$/u.exec(line);
  if (kinLabel) return { kind: 'pairs', pairs: [{ field: 'clientName', value: kinLabel[1]! }] };
  const takenBack = takenBackLine(line);
  if (takenBack !== null) return takenBack;
  // "FYI Curtis's old plan (WEA Trust, ID 88120334) ended 6/30/2026 - please don't use it.": coverage that was.
  // (A heading over the old plan's lines, "Her OLD plan (termed 10/31 - do not use):", is read as one below.)
  if (FORMER_PLAN.test(line) && FORMER_PLAN_ENDED.test(line) && !/:\s*$/.test(line)) {
    // ("PRIOR PLAN (TERMED 12/31/2026) - DO NOT USE" alone over the old plan's lines: a heading all the same.)
    const heading = line.length <= 60 && !/[.!?]\s*$/.test(line) ? classifyHeading(line) : null;
    return heading?.section === 'secondary' ? { kind: 'heading', heading } : { kind: 'text', text: line };
  }
  // "Got Gavin's mem id - XYL883022715", "Found her DOB: ...": an answer's words before the label.
  const got = GOT_LEAD.exec(line) ?? CARD_SAYS_LEAD.exec(line);
  if (got) {
    const rest = parseLine(line.slice(got[0].length));
    if (rest.kind === 'pairs') return rest;
  }
  // "the insurance)." closes a sentence begun on the line before: no heading, no label.
  const closesSentence = (line.match(/\)/g)?.length ?? 0) > (line.match(/\(/g)?.length ?? 0);
  const heading = closesSentence ? null : classifyHeading(line);
  // ("TRAVIS WADE HOLLINGSHEAD, / Defendant.": a caption's role word closes its sentence; nothing below is its value.)
  const bare = /^\s*\p{L}{5,}\.\s*$/u.test(line) ? null : bareLabel(line);
  if (bare !== null && bare !== 'ignore') {
    return { kind: 'bare', field: bare, heading };
  }
  // "What is the policy holder's phone number?": a question for something the record does not
  // hold takes its answer below with it, and is no sentence about who holds the policy.
  if (bare === 'ignore' && /\?\s*(?:\([^()]*\))?$/.test(line)) return { kind: 'bare', field: 'ignore', heading };
  if (heading !== null) return { kind: 'heading', heading };

  // "Same address as Dustin", "Same insurance and BH line, she's on his plan.": the earlier client's values.
  const same = SAME_AS_EARLIER.exec(line);
  if (same) {
    const fields = same[1]!.split(/\s*(?:,|\band\b|&|\/)\s*/).map((w) => SAME_AS_FIELDS.find(([re]) => re.test(w.trim()))?.[1] ?? null);
    if (fields.length > 0 && fields.every((f) => f !== null)) {
      const rest = line.slice(same[0].length).trim();
      const later = rest.length > 0 ? parseLine(rest) : null;
      return { kind: 'pairs', pairs: [...fields.map((field) => ({ field: field!, value: 'same as above' })), ...(later?.kind === 'pairs' ? later.pairs : [])] };
    }
  }
  // "Client 2: Jane Doe, DOB 1/2/90", "1st guy - Terrence Boudreaux": a client boundary whose value is the client's name.
  const dash = /^([^:]{3,25}?)\s+[-–—]\s+(?=\p{Lu})/u.exec(line);
  const dashHeading = dash ? classifyHeading(dash[1]!) : null;
  const colon = dashHeading?.newClient ? dash![1]!.length : line.indexOf(':');
  if (colon > 0) {
    const h = dashHeading?.newClient ? dashHeading : classifyHeading(line.slice(0, colon));
    if (h !== null && h.newClient) {
      const rest = line.slice(colon + 1).replace(/^\s*[-–—:]\s*/, '').trim();
      const inner = rest.length > 0 ? parseLabelled(rest, 0) : null;
      if (inner !== null) return { kind: 'pairs', pairs: inner, heading: h };
      if (rest.length === 0) return { kind: 'heading', heading: h };
      // "First client: Robert Hale, DOB 10/01/1970. Robert is the policy holder. Member ID ...":
      // the name in the first sentence, the others read as a line of their own.
      const end = SENTENCE_BREAK.exec(rest);
      const first = end?.index !== undefined ? rest.slice(0, end.index).replace(/[.!?]$/, '') : rest;
      const later = end?.index !== undefined ? parseLine(rest.slice(end.index).trim()) : null;
      const { value, more } = splitInline(first, 0);
      return { kind: 'pairs', pairs: [{ field: 'clientName', value: value.trim() }, ...more, ...(later?.kind === 'pairs' ? later.pairs : [])], heading: h };
    }
  }
  // "#2 Marco Ortiz (Linda's son)": a numbered client, with a note on who holds the policy.
  // ("1) Marcus D. JOHNSON": cleanLine takes "1)" for a list's bullet, so that form is read from the raw line.)
  // ("#2 Brianna Hale - his wife": who she is to the client above says nothing sure of the policy.)
  // ("1) LCpl Devante M. Landry, USMC – active duty": a note without values after the name, too.)
  const numbered = /^(?:(?:#\s?|no\.?\s?)\d{1,2}[.):]?|\d{1,2}\))\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*(?:\(([^)]*)\)|\s[-–—]\s+(?:his|her|their)\s+\p{Ll}+|(?:,\s*(?:USMC|USN|USAF|USCG|USA|ARNG|ANG))?\s+[-–—]\s+(?:active\s+duty|dependent|dep|retired|veteran|reservist|guard)\b[^:\d]{0,30})?\s*$/u.exec(/^\s*\d{1,2}\)\s/.test(rawLine) ? rawLine.trim() : line);
  if (numbered) {
    const note = numbered[2] ?? '';
    // The note first: the client's name last leaves the client's section open for "DOB:".
    const pairs: LinePair[] = [];
    if (/\b(?:subscriber|policy\s?-?holder|insured)\b/i.test(note) && /\b(?:herself|himself|themselves|self)\b/i.test(note)) pairs.push({ field: 'subscriberName', value: 'self' });
    else if (hasRelationshipWord(note)) pairs.push({ field: 'relToSubscriber', value: note.replace(/^[\p{L}'’.-]+['’]s\s+/u, '') });
    pairs.push({ field: 'clientName', value: numbered[1] ?? '' });
    return { kind: 'pairs', pairs, heading: { section: 'client', newClient: true } };
  }
  // Sentences ("... 85705. He has Cigna") are prose, read below; a run-on has no sentence breaks.
  // "Forwarding what her sister sent. Referred by: Northstar Recovery.": sentences of prose, then a
  // label: the prose is read as prose and the labelled sentence on its own.
  const firstColon = line.indexOf(':');
  if (firstColon > 0) {
    const ends = [...line.slice(0, firstColon).matchAll(new RegExp(SENTENCE_BREAK.source, 'gu'))];
    const last = ends[ends.length - 1];
    // A sentence has words: "Ins. Phone:" is an abbreviation, not prose.
    if (last?.index !== undefined && line.slice(0, last.index).trim().split(/\s+/).length >= 4) {
      const cut = last.index + last[0].length;
      // The labelled sentence ends at its own sentence end; what follows is read as a line of its own.
      const after = SENTENCE_BREAK.exec(line.slice(firstColon));
      const end = after?.index !== undefined ? firstColon + after.index : line.length;
      const tail = parseLine(line.slice(cut, end));
      // "Her insurance is Aetna through her own employer: member ID W448...": the plan said before the colon.
      const payerBefore = PROSE_PAYER.exec(line.slice(cut, firstColon))?.[1];
      const rest = end < line.length ? parseLine(line.slice(end).trim()) : null;
      const pairs = [
        ...prosePairs(line.slice(0, cut)).filter((p) => p.field !== 'ignore'),
        ...(tail.kind === 'pairs' ? tail.pairs : []),
        ...(payerBefore !== undefined && startsWithKnownPayer(payerBefore) && !(tail.kind === 'pairs' && tail.pairs.some((p) => p.field === 'payer')) ? [{ field: 'payer' as const, value: payerBefore }] : []),
        ...(rest?.kind === 'pairs' ? rest.pairs : []),
      ];
      if (pairs.length > 0) return { kind: 'pairs', pairs };
    }
  }
  const sentences = SENTENCE_END.test(line);
  // "i'm on my dad's plan through his work. it's Aetna. his name is Hector Zamudio": sentences typed
  // in lower case, read as they would be in sentence case.
  if (!sentences && /^(?:i|i['’]m|my|it['’]?s|he|she|his|her|we|our)\s/.test(line) && !/\s{2}|\.{2}/.test(line) && /[a-z0-9)]{2}[.!?]\s+\p{Ll}/u.test(line)) {
    const cased = line.replace(/^\p{Ll}|(?<=[a-z0-9)]{2}[.!?]\s+)\p{Ll}/gu, (c) => c.toUpperCase());
    if (SENTENCE_END.test(cased)) {
      const read = parseLine(cased);
      if (read.kind === 'pairs') return read;
    }
  }
  const runOn = !line.includes(':') && line.length >= 50 && line.length <= 1200 && !sentences ? keywordRunOnPairs(line) : null;
  if (runOn !== null) {
    // "pt Keandre Willis, 12-3-88, 1921 Parsons Ave, ...": items apart, read one by one, when that finds more.
    const listed = listedItems(line) ? commaListPairs(line) : null;
    const fields = (pairs: LinePair[]): number => new Set(pairs.map((p) => p.field)).size;
    return { kind: 'pairs', pairs: listed !== null && fields(listed) > fields(runOn) ? listed : runOn };
  }
  // One sentence here; within several, prosePairs tries each.
  const corrected = sentences ? null : correctionSentence(line);
  if (corrected !== null) return { kind: 'pairs', pairs: corrected };
  // One sentence only: with more, each is read in turn below.
  const stated = sentences ? null : relationSentence(line);
  if (stated !== null) {
    // "Insurance is Cigna through my work, I am the policy holder.": the clause before the relation may state a value too.
    // ("Insurance is Cigna through my job so I'm the subscriber": or before "so I'm".)
    const soI = /\s+(?:so|and|but)\s+(?=I(?:['’]m|\s+am)\b)/i.exec(line);
    // ("..., it's United Healthcare and I'm the policy holder": the nearer of the two.)
    const cut = Math.max(line.lastIndexOf(', '), soI?.index ?? -1);
    const before = cut > 0 && relationSentence(line.slice(cut).replace(/^(?:,|\s+(?:so|and|but))\s+/i, '')) !== null ? prosePairs(line.slice(0, cut)).filter((p) => !RELATION_FIELDS.has(p.field)) : [];
    // "Blue KC - it's through his dad's work": the plan the directory knows, before a dash.
    const planHead = /^(.{2,60}?)\s+[-–—]+\s+/.exec(line)?.[1];
    if (planHead !== undefined && namesKnownPayer(planHead, 8) && !before.some((p) => p.field === 'payer')) before.unshift({ field: 'payer', value: planHead });
    // "Her coverage is her own, through her employer: Cigna, member ID U3390 1824 66": the plan after the colon.
    const colon = line.indexOf(':');
    const after = colon > 0 ? parseLine(line.slice(colon + 1).trim()) : null;
    return { kind: 'pairs', pairs: [...before, ...stated, ...(after?.kind === 'pairs' ? after.pairs.filter((p) => !RELATION_FIELDS.has(p.field)) : [])] };
  }
  // Several sentences without a colon ("DOB is 5/6/77, address 12 Oak Dr, Tulsa, OK 74103. Subscriber is
  // her husband, Jose Pena."): each sentence is read on its own, so one value does not swallow the next.
  // (A sentence that takes a value back is read so too: "... -- actually no, I just checked with the family: it's her dad's plan".)
  // (So is one whose colon comes after a sentence: "Correction to the request below -- ... It is his father's plan: subscriber is ...".)
  const beforeColon = line.includes(':') ? line.slice(0, line.indexOf(':')) : '';
  if ((!line.includes(':') || SENTENCE_TAKEN_BACK_ONE.test(line) || SENTENCE_END.test(beforeColon)) && line.length > 30 && sentences) {
    let found = subscriberLast(prosePairs(line));
    // "I'm on my dad's plan through his work. It's Aetna. His name is Hector Zamudio.": the relative, no client.
    const named = relativeNamedAfter(line);
    if (named !== null) {
      found = found.filter((p) => !((p.field === 'clientName' || p.field === 'name') && p.value.trim().replace(/\.$/, '') === named.name) && p.field !== 'relOfSubscriber');
      found.push({ field: 'subscriberName', value: `${named.name} (${named.kin})`, prose: true });
    }
    // "... 87105. BCBS New Mexico, ID YIN803317264, grp 188402. ...": a sentence that is a list of values
    // is read as the line it would be on its own, for what the prose rules did not find.
    for (const sentence of /\d/.test(line) ? line.split(SENTENCE_BREAK) : []) {
      // ("The card says member ID QIB774190352 and group 55120.": so is what the card says.)
      const cardSays = CARD_SAYS_LEAD.test(sentence.trim());
      if ((!/,/.test(sentence) && !cardSays) || !/\d/.test(sentence) || (SENTENCE_VERB.test(sentence) && !cardSays) || sentence.trim().length >= line.trim().length) continue;
      const own = parseLine(sentence);
      if (own.kind === 'pairs') found.push(...own.pairs.filter((p) => !found.some((q) => sameFieldKey(q.field) === sameFieldKey(p.field))));
    }
    const main = withoutSecondaryPlan(line, found);
    // (A paragraph only about the second plan says nothing more of the request.)
    if (main.length === 0 && found.length > 0) return { kind: 'text', text: line };
    found = main;
    // "Actually, wait, I need to correct myself ... He's on my plan now": what the paragraph says replaces what was said before.
    if (CORRECTION.test(line)) for (const p of found) p.override = true;
    if (found.length > 0) return { kind: 'pairs', pairs: found };
  }
  let pairs = parseLabelled(line, 0);
  // "DOB is 01/15/1975 and his address is ...": one value ran into the next clause.
  if (pairs !== null && pairs.length === 1 && /\s+and\s+(?:her|his|their|the|she|he|they)\s+\p{L}/u.test(pairs[0]?.value ?? '')) {
    const clauses = prosePairs(line);
    if (clauses.length > 1) pairs = clauses;
  }
  // "BCBS TX id XOD553901227": a payer the dictionary knows, then typed pairs.
  if (pairs === null) {
    const payer = splitTyped(line, 0);
    if (payer.more.length > 0 && namesKnownPayer(payer.value)) pairs = [...payerWithBareId(payer.value), ...payer.more];
  }
  // One comma-separated line holding a whole request, possibly after an unknown "new vob:",
  // when the line read as labelled gives less.
  if ((pairs === null || pairs.length < 3) && listedItems(line)) {
    const listed = commaListPairs(line.replace(/^[^:,]{1,30}:\s*/, (prefix) => (classifyLabel(prefix.replace(/:\s*$/, '')) === null ? '' : prefix)));
    if (listed !== null && listed.length > (pairs?.length ?? 0)) pairs = listed;
  }
  // A paragraph of several sentences: read sentence by sentence when that finds more.
  if (line.length > 120 && (line.match(/[a-z0-9)]{2}[.!?]\s+[A-Z]/g) ?? []).length >= 2) {
    const found = prosePairs(line);
    if (found.length > (pairs?.length ?? 0)) pairs = found;
  }
  // "..., ins phone 888-555-0123. He's the subscriber.": who holds the policy, said after the values.
  if (pairs !== null && !pairs.some((p) => p.field === 'subscriberName' || p.field === 'relToSubscriber' || p.field === 'relOfSubscriber')) {
    // (After a label, only in a later sentence: "Insurance: Aetna, from her job. She is the titular of the plan.")
    if (OWN_NAME.test(line.includes(':') ? line.split(/(?<=[\p{Ll})]{2}\.)\s+/u).slice(1).join(' ') : line)) pairs.push({ field: 'subscriberName', value: 'self' });
    const sentences = line.split(SENTENCE_BREAK);
    const named = relativeNamedAfter(line);
    if (named !== null) pairs.push({ field: 'subscriberName', value: `${named.name} (${named.kin})`, prose: true });
    else sentences.slice(1).forEach((sentence) => pairs!.push(...(relationSentence(sentence) ?? [])));
  }
  if (pairs !== null && SENTENCE_END.test(line)) pairs = withoutSecondaryPlan(line, pairs);
  if (pairs !== null && CORRECTION.test(line)) for (const p of pairs) p.override = true;
  // No label punctuation: the values were read from a sentence ("His coverage is the state plan").
  if (pairs !== null && !/[:=|]/.test(line)) for (const p of pairs) p.prose = true;
  if (pairs !== null) {
    const kept = pairs.filter((p) => p.value.length > 0 || pairs.length === 1);
    const only = kept[0];
    if (kept.length === 1 && only && only.value.length === 0) {
      if (only.field === 'ignore') return { kind: 'unknownLabel' };
      return { kind: 'bare', field: only.field, heading: null };
    }
    return { kind: 'pairs', pairs: kept };
  }
  // Sentences in prose: each may state a labelled value ("Her DOB is 1/2/90.").
  // (Short ones too when they state a date or a referral: "She was born on 9/14/2006", "Ref'd by Oak House".)
  if (line.length > 30 || (line.length > 15 && (/\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:born|birth|dob)\b/i.test(line) || /^(?:[Rr]eferred|[Rr]ef['’]?d)\s+(?:by|from)\s+[A-Z]/.test(line)))) {
    const found = subscriberLast(prosePairs(line));
    if (found.length > 0) return { kind: 'pairs', pairs: found };
  }
  if (/^[^:]{1,40}:\s*\S/.test(line) || /^[^:]{1,40}:\s*$/.test(line)) return { kind: 'unknownLabel' };
  return { kind: 'text', text: line };
}

const WHO = '(?:the\\s+)?(?:client|patient|pt|member|he|she|they)';
const SUB = '(?:the\\s+)?(?:subscriber|policy\\s?-?holder|insured|primary\\s+insured|card\\s?holder|primary\\s+subscriber)';
// "He's the one on the policy" says "the policy holder" too (a writer's "I'm the one on the insurance" is often said in passing, in a question).
const SUB_OR_ONE_ON_IT = `(?:${SUB}|the\\s+one\\s+on\\s+the\\s+(?:policy|plan|insurance|card))`;
const SELF_SENTENCE = new RegExp(`^${WHO}(?:\\s+(?:is|will be|has been|was)|['’]?s)\\s+(?:also\\s+)?(?:(?:his|her|their)\\s+own\\s+)?${SUB_OR_ONE_ON_IT}\\b(?!\\s*'s)`, 'i');
const NAME_ON_POLICY = /^(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.?)?\s+\p{Lu}[\p{Ll}'’-]+)\s+is\s+the\s+(?:name|person|one)\s+on\s+the\s+(?:policy|card|plan|insurance)\b/u;
const CLIENT_REL_SENTENCE = new RegExp(`^${WHO}\\s+is\\s+(?:the\\s+|a\\s+)?([A-Za-z-]+(?:\\s+[A-Za-z-]+)?)\\s+(?:of|to)\\s+${SUB}\\b`, 'i');
const SUB_REL_SENTENCE = /^(?:[Hh]er|[Hh]is|[Tt]heir|(?:[Tt]he\s+)?(?:[Cc]lient|[Pp]atient|[Pp]t)['’]s)\s+([a-z-]+(?:\s+[a-z-]+)?)\s*,?\s+((?:[A-Z][\p{L}'’.-]+)(?:\s+[A-Z][\p{L}'’.-]+){1,3})\s*,?\s+is\s+(?:the\s+)?(?:subscriber|policy\s?-?holder|insured|card\s?holder)\b/u;

// "I am the policy holder", also after a clause ("He is on my insurance, I am the policy holder (...)").
// ("... so I'm the one on the policy, Yesenia Carrillo", "and I'm the one on it, not my mom": the holder said without the word.)
const FIRST_PERSON_SUB = new RegExp(`(?:^|[,;—–]\\s*|\\s-\\s+|\\b(?:and|so)\\s+)I(?:'m|’m|\\s+am)\\s+(?:the\\s+)?(?:${SUB.replace('(?:the\\s+)?', '')}|one\\s+(?:on|with|who\\s+(?:has|holds|carries))\\s+(?:the\\s+)?(?:policy|plan|coverage|insurance|card|it))\\b\\s*(?:\\(([^)]*)\\))?(.*)$`, 'i');
/** "The policy is mine", "it's my own insurance": the writer holds it, name and relation not said. */
const WRITER_HOLDS = /^(?:the\s+)?(?:policy|plan|insurance|coverage|card)\s+is\s+(?:in\s+)?(?:mine|my\s+(?:own|name))\b|^(?:it['’]?s|it\s+is)\s+(?:my\s+(?:own\s+)?(?:\w+\s+)?(?:policy|plan|insurance|coverage|card)|in\s+my\s+(?:own\s+)?name)\b/i;
const SELF_NAMED_SENTENCE = new RegExp(`^(\\p{Lu}[\\p{Ll}'’-]+(?:\\s+\\p{Lu}[\\p{Ll}'’-]+)?)\\s+(?:is|will be)\\s+(?:also\\s+)?${SUB}\\b(?!\\s*'s)`, 'u');

/**
 * The writer holds the policy ("I'm the subscriber – Angela Whitfield – and he's my husband",
 * "The policy is in my name, Colleen Hart (I'm her mother)"): the name written beside it, or
 * the writer's own; who the client is to the writer comes from the whole message (Writer).
 */
function writerSubscriber(rest: string): LinePair {
  const named = /^\s*(?:,|[–—-]|\()\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})(?=\s*(?:[,–—)(-]|and\b|$))/u.exec(rest)?.[1];
  return { field: 'subscriberName', value: `${WRITER_MARKER}${named ?? ''}` };
}

/** Who holds the policy, stated as a sentence ("Pt is the subscriber", "Client is spouse of subscriber", "Her mother Mei Chen is the subscriber"). */
function relationSentence(sentence: string): LinePair[] | null {
  // A list item's number or bullet is not part of the sentence ("6) I am the policy holder").
  const said = sentence.trim().replace(/[.!;]+$/, '').replace(/^(?:\d{1,2}[.)]|[-*•])\s+/, '');
  // "..., Raymond Soto (born 1/8/1970)", "Paulo Carvalho (husband, DOB 3/2/1983)": the holder's own birth date, beside the holder.
  const holderBorn = said.includes('(') ? /\s*\(([^()]*?)[,;]?\s*\b(?:born|dob|d\.o\.b\.?|date of birth)\s*:?\s*([^(),;]{6,20})\)/i.exec(said) : null;
  const s = holderBorn ? said.replace(holderBorn[0], holderBorn[1]!.trim() ? ` (${holderBorn[1]!.trim()})` : '') : said;
  if (holderBorn) {
    const stated = relationSentence(s);
    return stated !== null && stated.some((p) => p.field === 'subscriberName' && p.value !== 'self') ? [...stated, { field: 'subscriberDob', value: holderBorn[2]!.trim() }] : stated;
  }
  // "His mom's name is Paula Embry and she is the policy holder": "she" is the relative named, not the client.
  const kinHolder = /name\s+is/i.test(s) ? KIN_NAMED_HOLDER.exec(s) : null;
  if (kinHolder) return [{ field: 'subscriberName', value: `${kinHolder[2]} (${kinHolder[1]})` }];
  const jobHolder = KIN_JOB_HOLDER_NAMED.exec(s);
  if (jobHolder) return [{ field: 'subscriberName', value: `${jobHolder[2]} (${jobHolder[1]})` }];
  if (SELF_SENTENCE.test(s)) return [{ field: 'subscriberName', value: 'self' }];
  const kinHolderNamed = KIN_IS_HOLDER_THEN_NAME.exec(s.replace(/^\p{Lu}/u, (c) => c.toLowerCase()));
  if (kinHolderNamed) return [{ field: 'subscriberName', value: `${kinHolderNamed[2]} (${kinHolderNamed[1]})` }];
  // "His mom is the policy holder.": the relation, no name yet (a writer's "my" may be the writer's relative, not the client's).
  // (A sentence cut after "my" by a caller starts in lower case: only a whole sentence counts.)
  // ("Mom is the policyholder, it's her own Medicare plan": a parent who is the client holds her own.)
  const unnamedKin = /^\s*(?:my|our)\b/i.test(sentence) || !/^\s*(?:[Hh]is|[Hh]er|[Tt]heir|\p{Lu})/u.test(sentence) || OWN_SAID.test(s) ? null : KIN_HOLDS_UNNAMED.exec(s);
  if (unnamedKin) return [{ field: 'relOfSubscriber', value: unnamedKin[1]! }];
  const kinIs = KIN_IS_NAME.exec(s);
  if (kinIs?.groups?.rel && kinIs.groups.name && !HEDGED.test(s)) return [{ field: 'subscriberName', value: `${kinIs.groups.name} (${kinIs.groups.rel})` }];
  // "I am the policy holder (Linda Carver, his mother)", "I'm the subscriber (Karen Price), I'm his wife".
  const me = FIRST_PERSON_SUB.exec(s);
  if (me) {
    const relation = /\bI(?:'m|’m|\s+am)\s+(?:his|her|their)\s+([a-z]+(?:\s+[a-z]+)?)/i.exec(me[2] ?? '')?.[1];
    // "(Renée Fairbanks)" without a relation: the writer by that name; who the client is to
    // the writer comes from the message ("my husband Curtis").
    if (me[1] !== undefined && relation === undefined && !/,/.test(me[1])) return [{ field: 'subscriberName', value: `${WRITER_MARKER}${me[1].trim()}` }];
    const value = [me[1], relation].filter((x) => x !== undefined && x.trim().length > 0).join(', ');
    if (value.length > 0) return [{ field: 'subscriberName', value }];
    return [writerSubscriber(me[2] ?? '')];
  }
  const holds = WRITER_HOLDS.exec(s);
  if (holds) return [writerSubscriber(s.slice(holds.index + holds[0].length))];
  // "(it's his own policy)", "Él es el titular de la póliza".
  if (/^\(?(?:(?:it['’]?s|it\s+is)\s+)?(?:in\s+)?(?:his|her|their)\s+own\s+(?:name|policy|plan|insurance|coverage|medicaid|medicare|medi-cal)\b|^(?:él|ella)\s+es\s+(?:el|la)\s+titular\b/i.test(s)) return [{ field: 'subscriberName', value: 'self' }];
  // "He has his own Arkansas Blue Cross through his job": a plan of the client's own, named.
  const ownPlan = /^(?:she|he|they|the\s+client|client|the\s+patient|patient|pt)\s+(?:has|have)\s+(?:his|her|their)\s+own\s+(\S[\s\S]*)$/i.exec(s);
  if (ownPlan && startsWithKnownPayer(ownPlan[1]!)) return [{ field: 'subscriberName', value: 'self' }];
  // "She's on her own plan through her employer" (a clause after it, ", and she lives at ...", is
  // read on its own by prosePairs).
  if (!/,\s*(?:and|but)\s/i.test(s) && /^(?:she|he|they|the\s+client|client|the\s+patient|patient|pt)(?:['’]s|\s+is|\s+are)\s+(?:covered\s+)?(?:on|under)\s+(?:his|her|their)\s+own\s+(?:policy|plan|insurance|coverage)\b/i.test(s)) return [{ field: 'subscriberName', value: 'self' }];
  // "policy is his own (self)", "the plan is her own", "The policy is hers".
  // ("Her insurance is her own Medicare plan through Humana" names the plan too: read as a sentence, below.)
  if (/^(?:the\s+)?(?:policy|plan|insurance|coverage|card)\s+is\s+(?:(?:in\s+)?(?:his|her|their)\s+own\b|(?:all\s+)?(?:his|hers|theirs)$)/i.test(s) || /^(?:his|her|their)\s+(?:policy|plan|insurance|coverage)\s+is\s+(?:his|her|their)\s+own\s*(?:,|$)/i.test(s)) return [{ field: 'subscriberName', value: 'self' }];
  // "It's his own plan, so he is the policy holder": the statement as the sentence's last clause.
  const clause = /\b(?:so|and|but|since|because|as)\s+((?:he|she|they|the client|client|the patient|patient|pt)\b.*)$/i.exec(s)?.[1];
  if (clause !== undefined && SELF_SENTENCE.test(clause)) return [{ field: 'subscriberName', value: 'self' }];
  // "He has insurance through his job and it is in his name, but ...".
  if (/\b(?:and|so|but)\s+(?:it['’]?s|it\s+is)\s+in\s+(?:his|her|their)\s+(?:own\s+)?name\b/i.test(s)) return [{ field: 'subscriberName', value: 'self' }];
  // "She has Cigna through her job, so it's her own policy."
  if (/\b(?:so|and|but|since|because|as)\s+it['’]?s\s+(?:his|her|their)\s+own\s+(?:policy|plan|insurance|coverage)\b/i.test(s)) return [{ field: 'subscriberName', value: 'self' }];
  // "Noah is the policy holder": the client by first name (a relation word would name someone else).
  const named = SELF_NAMED_SENTENCE.exec(s);
  if (named && !hasRelationshipWord(named[1] ?? '') && !/^(?:it|this|that|who|which|there)$/i.test(named[1] ?? '')) return [{ field: 'subscriberName', value: 'self' }];
  // "Neil Byrne is the name on the policy and Owen is on it as his dependent".
  const onPolicy = NAME_ON_POLICY.exec(s);
  if (onPolicy && !hasRelationshipWord(onPolicy[1]!)) {
    const as = /\bas\s+(?:his|her|their|a)\s+(dependent|dependant|child|son|daughter|spouse|wife|husband)\b/i.exec(s.slice(onPolicy[0].length))?.[1];
    return [{ field: 'subscriberName', value: onPolicy[1]! }, ...(as ? [{ field: 'relToSubscriber' as const, value: as }] : [])];
  }
  const rel = CLIENT_REL_SENTENCE.exec(s);
  if (rel && hasRelationshipWord(rel[1] ?? '')) return [{ field: 'relToSubscriber', value: rel[1] ?? '' }];
  const sub = SUB_REL_SENTENCE.exec(s);
  if (sub && hasRelationshipWord(sub[1] ?? '')) return [{ field: 'subscriberName', value: `${sub[2] ?? ''} (${sub[1] ?? ''})` }];
  // "The policy is in her husband's name, Tom A Reyes", "she's on her dad's plan (Mark Ellis)",
  // "Subscriber is her wife, Jolene Achterberg": the subscriber told by relation, with a name or not.
  // Not when hedged ("he thinks he's on his parents' plan") or when a label follows (": Cigna, ...").
  if (s.includes(':') || HEDGED.test(s)) return null;
  // Every pattern below names a relative (or, in Spanish, says "a nombre de").
  for (const pattern of KIN_SAID.test(s) ? SUBSCRIBER_BY_RELATION : []) {
    const m = pattern.exec(s);
    if (!m?.groups?.rel) continue;
    const rel = REL_ES[m.groups.rel.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')] ?? m.groups.rel;
    // The 'i' flag lets \p{Lu} match lower case too: a name ends at its last capitalised word.
    // "through her stepdad Ray Lindqvist's job": the possessive is no part of the name.
    const name = (m.groups.name ?? m.groups.name2 ?? '').trim().replace(/(?:\s+\p{Ll}[\p{L}'’-]*)+$/u, '').replace(/(?<=\p{L})['’]s$/u, '');
    if (name.length > 0 && /^\p{Lu}/u.test(name) && !hasRelationshipWord(name) && !startsWithKnownPayer(name) && !/\b(?:Health|Healthcare|Care|Plan|Insurance|Medicaid|Medicare)$/i.test(name)) return [{ field: 'subscriberName', value: `${name} (${rel})` }];
    // The relation alone: who the subscriber is to the client, the name still to come.
    return [{ field: 'relOfSubscriber', value: rel }];
  }
  // "she's covered under his UnitedHealthcare plan as his wife": who the client is to the holder.
  // "Wendell is covered on my plan as my domestic partner": the writer's plan, the writer's word for the client.
  const as = /\bcovered\s+(?:under|on|through)\s+(?:his|her|their|my|our)\s+(?:[\w&.'-]+\s+){0,5}?(?:plan|policy|insurance|coverage)\s+as\s+(?:his|her|their|my|our|a)\s+(wife|husband|spouse|domestic\s+partner|partner|son|daughter|child|stepson|stepdaughter|dependent)\b/i.exec(s);
  if (as) return [{ field: 'relToSubscriber', value: as[1]! }];
  return null;
}

const HEDGED = /\b(?:thinks?|maybe|might|probably|not sure|isn['’]?t sure|unsure|believes?|possibly|either)\b/i;
const REL_WORD = `(?<rel>${HOLDER_KIN_WORD}|parents?|aunt|uncle|guardian)`;
const NAME_AFTER = "(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.?)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})";
const KIN_SAID = new RegExp(`${REL_WORD}|\\ba\\s+nombre\\s+de\\b`, 'iu');
const REL_ES: Record<string, string> = { papa: 'father', padre: 'father', mama: 'mother', madre: 'mother', esposo: 'husband', marido: 'husband', esposa: 'wife', abuela: 'grandmother', abuelo: 'grandfather' };
/** "He's covered as a dependent on his father's plan - his father is Gregory Ellery - with ...". */
// (Case-sensitive, so the name must be written with capitals: "his uncle is the one on ..." names nobody.)
const KIN_IS_NAME = new RegExp(`^(?=.*\\b(?:[Pp]lan|[Pp]olicy|[Ii]nsurance|[Cc]overed|[Cc]overage|[Dd]ependent)\\b).*?\\b(?:[Hh]er|[Hh]is|[Tt]heir)\\s+${REL_WORD}\\s+is\\s+${NAME_AFTER}`, 'u');

// "Dad is the policy holder, Bryce Halvorsen", "his mom is the subscriber (Dana Ruiz)": the relative, then the name.
const KIN_IS_HOLDER_THEN_NAME = new RegExp(`^(?:(?:his|her|their)\\s+)?(${KIN_WORD})\\s+is\\s+${SUB}\\s*(?:[,:(]|\\s[-–—])\\s*(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3})\\)?$`, 'u');
const KIN_NAMED_HOLDER = new RegExp(String.raw`\b(?:his|her|their)\s+(${HOLDER_KIN_WORD})['’]s\s+(?:full\s+)?name\s+is\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}),?\s+and\s+(?:she|he)\s+is\s+the\s+(?:policy\s*-?\s*holder|subscriber|insured|primary)`, 'iu');
const SUBSCRIBER_BY_RELATION: readonly RegExp[] = [
  // "está a nombre de su papá, Robert Parkhurst"
  new RegExp(`\\ba\\s+nombre\\s+de\\s+(?:su|mi)\\s+(?<rel>pap[aá]|padre|mam[aá]|madre|esposo|marido|esposa|abuel[ao])\\b(?:,?\\s+${NAME_AFTER})?`, 'iu'),
  // ("The plan from work is in his dad's name": where the plan comes from may stand between.)
  new RegExp(`\\b(?:policy|plan|insurance|coverage|card)(?:\\s+(?:from|through|at|via)\\s+(?:[\\w'’]+\\s+){0,2}?[\\w'’]+)?\\s+is\\s+(?:in|under)\\s+(?:her|his|their|the\\s+(?:client|patient)['’]?s?)\\s+${REL_WORD}['’]?s?\\s+name\\b(?:,?\\s+${NAME_AFTER})?`, 'iu'),
  // ("His insurance is through his dad's job": the one whose job it is holds the plan.)
  new RegExp(`\\b(?:on|under|through)\\s+(?:her|his|their)\\s+${REL_WORD}['’]?s?\\s+(?:plan|policy|insurance|coverage|job|work|employer)\\b(?:\\s*\\(\\s*${NAME_AFTER}\\s*\\)|(?:,|\\s[-–—])\\s*${NAME_AFTER.replace('<name>', '<name2>')})?`, 'iu'),
  // "I'm on my dad's insurance", "I'm on my husband's plan through his work, his name is Darius Whitfield":
  // the writer is the client, so the writer's relative is the client's.
  new RegExp(`\\bI(?:['’]m|\\s+am)\\s+(?:still\\s+|currently\\s+|covered\\s+)?(?:on|under|through)\\s+my\\s+(?!partner)${REL_WORD}['’]?s?\\s+(?:plan|policy|insurance|coverage|job|work|employer)\\b(?:\\s*\\(\\s*${NAME_AFTER}\\s*\\)|(?:,|\\s[-–—]|[^.;:]{0,40}?,\\s*(?:his|her|their)\\s+name\\s+is)\\s*${NAME_AFTER.replace('<name>', '<name2>')})?`, 'iu'),
  // "TRICARE Select through his dad, my husband SSG Ray Kowalczyk": the relative, then who they are to the writer, then the name.
  new RegExp(`\\bthrough\\s+(?:her|his|their)\\s+${REL_WORD},\\s*(?:my|our)\\s+(?:husband|wife|spouse|partner|son|daughter|brother|sister|father|mother|dad|mom),?\\s+${NAME_AFTER}`, 'iu'),
  // "she is on the policy of the husband of her", "covered by the insurance of our mother, CHAN Siu Fong": "of" for whose.
  new RegExp(`\\b(?:on|under|by)\\s+the\\s+(?:policy|plan|insurance|coverage)\\s+of\\s+(?:the\\s+|her\\s+|his\\s+|their\\s+|our\\s+|my\\s+)?${REL_WORD}\\b(?:\\s+of\\s+(?:her|him|them))?(?:,?\\s+${NAME_AFTER})?`, 'iu'),
  // "She is on her husband Cody Birdwell's plan."
  new RegExp(`\\b(?:on|under|through)\\s+(?:her|his|their)\\s+${REL_WORD},?\\s+${NAME_AFTER}['’]s\\s+(?:\\S+\\s+){0,6}?(?:plan|policy|insurance|coverage|job|work|employer)\\b`, 'iu'),
  new RegExp(`\\b(?:subscriber|sub|policy\\s?-?holder|insured|primary)\\s+is\\s+(?:her|his|their)\\s+${REL_WORD},?\\s+${NAME_AFTER}`, 'iu'),
  // "The name on the card is her husband's, Darius Whitfield."
  new RegExp(`\\bname\\s+on\\s+the\\s+card\\s+is\\s+(?:her|his|their)\\s+${REL_WORD}['’]s\\b(?:,?\\s+${NAME_AFTER})?`, 'iu'),
  // "it's her dad's plan through his employer": the plan named as the relative's.
  // ("It's his wife's plan through the county -- Helena Nyquist": named after.)
  new RegExp(`\\b(?:it['’]?s|it\\s+is)\\s+(?:her|his|their)\\s+${REL_WORD}['’]s\\s+(?:\\S+\\s+){0,2}?(?:plan|policy|insurance|coverage)\\b(?:(?:\\s+(?:through|from|at|via|with)\\s+[^,.;–—-]{1,40}?)?(?:,|\\s[-–—]+)\\s*${NAME_AFTER})?`, 'iu'),
  // "Policy is under her husband, Declan O'Connell-Hart."
  new RegExp(`\\b(?:policy|plan|insurance|coverage)\\s+is\\s+(?:under|through|with|from)\\s+(?:her|his|their)\\s+${REL_WORD},?\\s+${NAME_AFTER}`, 'iu'),
];

/**
 * "Cigna, through my mom's job. Her name is Deborah Feld.", "I'm on my dad's plan through his
 * work. It's Aetna. His name is Hector Zamudio.": the relative whose plan a sentence names, named
 * in one of the two sentences after it.
 */
function relativeNamedAfter(line: string): { name: string; kin: string } | null {
  // (A cheap test first: most paragraphs name no relative this way.)
  if (!/\b(?:her|his|their)\s+name\s+is\b/i.test(line)) return null;
  const sentences = line.split(SENTENCE_BREAK);
  for (let k = 1; k < sentences.length; k++) {
    // ("his name is Hector Zamudio my birthday is ...": a run-on goes on in lower case.)
    const named = /^(?:[Hh]er|[Hh]is|[Tt]heir)\s+name\s+is\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})(?:[.!]?$|\s+(?=\p{Ll}))/u.exec(sentences[k]!.trim());
    if (!named) continue;
    const kin = [sentences[k - 1]!, sentences[k - 2] ?? ''].map((x) => { const m = KIN_PLAN_SAID.exec(x); return m?.[1] ?? m?.[2]; }).find((x) => x !== undefined);
    if (kin !== undefined) return { name: named[1]!.replace(/\.$/, ''), kin };
  }
  return null;
}
// (Not "my son's insurance": the writer's child is the client, whose own plan it is.)
const KIN_PLAN_SAID = new RegExp(`\\b(?:(?:his|her|their)\\s+(${KIN_WORD})|(?:my|our)\\s+(?!(?:son|daughter|child|kid|step-?son|step-?daughter)\\b)(${KIN_WORD}))['’]s\\s+(?:job|work|employer|plan|insurance|policy|coverage)\\b`, 'i');

const ASIDE_BEFORE_IS = /\b((?:his|her|their|my|the)\s+(?:member\s+id|id(?:\s+number)?|policy\s+number|group\s+(?:number|#)|date\s+of\s+birth|dob|birthday))\s*,\s+[^,.;]{3,40},\s+(is|was)\b/gi;

/** "She also has TRICARE For Life ... Her DBN ... is 27740195362, but Humana is primary": a second plan's values, not the request's. */
function withoutSecondaryPlan(line: string, pairs: LinePair[]): LinePair[] {
  // "2) Pelham's student plan, UnitedHealthcare StudentResources, member ID ... - please don't use it for this.": the one plan named is set aside.
  if (PLAN_SET_ASIDE.test(line) && findPayers(line).length === 1) return pairs.filter((p) => !PLAN_FIELDS.includes(p.field));
  if (!SECONDARY_PLAN_SAID.test(line)) return pairs;
  const secondary = line.split(SENTENCE_BREAK).filter((x) => SECONDARY_PLAN_SAID.test(x));
  if (secondary.length === 0) return pairs;
  return pairs.filter((p) => !PLAN_FIELDS.includes(p.field) || !secondary.some((x) => x.includes(p.value.split(/\s+(?:in|but|and)\s/)[0]!.trim())));
}

/** The writer sets a plan aside: "please don't use it for this", "I'm only mentioning it". */
const PLAN_SET_ASIDE = /\b(?:(?:don['’]?t|do\s+not)\s+(?:use|verify|run|bill)\s+(?:it|this\s+(?:one|plan|policy))\s+(?:for\s+(?:this|the\s+vob|verification)|please)?|only\s+mention(?:ing)?\s+it)\b/i;

/** A sentence about a plan beside the main one: "She also has X", "X is secondary", "but Humana is primary". */
const SECONDARY_PLAN_SAID = /\b(?:also\s+(?:has|have|had|is\s+on|carries)|as\s+(?:a\s+|her\s+|his\s+)?(?:secondary|backup)|is\s+(?:her\s+|his\s+|the\s+)?secondary|but\s+\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,3}\s+is\s+(?:the\s+)?primary)\b/u;

/** Phrases that introduce a value in prose. */
const PROSE_ADDRESS = /\b(?:(?:lives|live|living|resides|reside|residing|staying|stays|stay)(?:\s+with\s+[\w' ]{1,30}?)?\s+at|located at|home address is|address is|address:?(?=\s+\d))\s+(.+?\d{5}(?:-\d{4})?)/i;
/** A street address through its ZIP inside a sentence ("..., DOB 11/19/1988, 27 Sunset Ridge Rd, Asheville, NC 28804."). */
const EMBEDDED_ADDRESS = /(?:^|[,;(]\s*|\s)(\d{1,6}\s+[\p{L}0-9][\p{L}0-9 .'#-]*?,\s*[\p{L} .'-]+,\s*[\p{L} .]+?\s+\d{5}(?:-\d{4})?)\b/u;
const PROSE_PAYER = /\b(?:(?:insurance|plan|coverage)\s+of\s+(?:my|our|his|her|the)\s+\w+\s+is|(?:has|have)(?:\s+(?:his|her|their|my)\s+own)?|(?:['’]s|has|have)\s+had|(?:is|are)\s+(?:still\s+)?on\s+(?:his|her|their|my)\s+(?:[\w'’]+\s+)?(?:insurance|plan|coverage),|is on|is covered by|covered\s+(?:under|on|through)\s+(?:his|her|their|my)|insured (?:by|through|with)|[Cc]overage (?:is )?(?:through|with)|[Ii]nsurance (?:is )?(?:through|with)(?:\s+(?:my|his|her|their|the)\s+(?:job|work|employer)\s*[-–—:,])?|(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+(?:main\s+|primary\s+|medical\s+|health\s+)?(?:insurance(?:\s+company)?|carrier)\s+is|(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:mom|mother|dad|father|husband|wife|spouse|partner|parents|step-?(?:mom|dad|mother|father)|grand(?:ma|pa|mother|father))['’]s\s+(?:insurance|plan|coverage|carrier)\s+is|(?:insurance|plan|coverage)\s+(?:through|thru|from)\s+(?:his|her|their|my|our)\s+(?:work|job|employer),?\s+(?:it['’]s|it\s+is|which\s+is)|(?:^|[.!]\s+)[Ii]nsurance\s+is|(?:['’]s|is)\s+on\s+(?:my|his|her|their|our)\s+(?:insurance|plan|coverage)(?:\s+(?:through|from|at)\s+(?:work|(?:my|his|her|their)\s+(?:job|work|employer)))?,|(?:el\s+)?seguro\s+es)\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|&\s+|and\s+)?(?!I(?:['’]|\s|$))[A-Z][\w&.'-]*){0,6})/;

/** "The card says providers should call 1-800-555-0165", "the plan's BH line is 800-555-0110". */
/** "The phone number on his papers for Medicare providers is 1-855-555-0133": the line for providers, said. */
const PROVIDERS_LINE_SAID = /\b(?:phone|number|line)\b[^.!?\d]{0,50}?\bfor\s+(?:[\p{L}&.-]+\s+){0,3}?providers?\s+(?:is|:)\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/iu;
const PROSE_PLAN_PHONE = /\b(?:providers?(?:\s+services)?|behavioral\s+health|(?:the\s+)?(?:plan|insurance|payer|carrier)(?:['’]s)?(?:\s+(?:provider|bh|behavioral\s+health))?)\s+(?:should\s+|can\s+|may\s+)?(?:call|line|number|phone)(?:\s+(?:is|at))?\s*:?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/i;
/** "The number on the back of her card for behavioral health is 1-800-555-0138": the plan's line, printed on the card's back. */
/** "call 1-888-555-0121, which is the number printed on the back". */
const PHONE_THEN_BACK_OF_CARD = /((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b,?\s+(?:which|that)\s+is\s+the\s+(?:number|phone|line)\s+(?:printed\s+)?on\s+the\s+back\b/i;
const PROSE_BACK_OF_CARD_PHONE = /\b(?:number|phone|line|#)\s+(?:printed\s+)?on\s+the\s+back(?:\s+of\s+(?:the|her|his|their|my|\p{Lu}\p{Ll}+['’]s)\s+card)?(?:\s+(?:that\s+)?[^.;:\d,]{0,60}?)?(?:\s+(?:is|was|reads|says)\s*:?|,)\s*(?:(?:for\s+)?\p{Lu}[\p{L}/&-]*\s+){0,3}((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/iu;
/** "The back of the card says Behavioral Health 1-800-555-0196": the plan's line, as printed (a pharmacy's or a fax is not). */
const BACK_OF_CARD_SAYS = /\b(?:back|(?:[Tt]he|[Mm]y|[Hh]is|[Hh]er)\s+card)(?:\s+of\s+(?:the|her|his|their|my|\p{Lu}\p{Ll}+['’]s)\s+card)?(?:,?\s+it)?\s+(?:says|reads|lists|shows|has)\s*:?\s*(?:for\s+)?((?:(?!Pharmacy|Rx|Dental|Vision|Fax|Nurse)\p{Lu}[\p{L}/&-]*\s+(?:(?:and|of|for|&)\s+)?){0,5}|(?:behavioral|behavioural|mental)\s+health\s+(?:services\s+)?|providers?\s+(?:services\s+)?)((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/u;
/** "Please direct verification calls to the plan at 1-800-555-0123": the plan's own phone. */
const PHONE_FOR_NAMED = /\b(?:phone|number|line|#)\s+(?:for|to)\s+(\p{Lu}[\p{L}&.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}&.'’-]*){0,6})\s+(?:is|:)\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/u;
const PROSE_CALL_THE_PLAN = /\b(?:call|calls|reach|contact)\s+(?:to\s+)?(?:the\s+)?(?:plan|insurance|insurer|payer|carrier)(?:\s+directly)?\s+(?:at|on)\s*:?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})\b/i;

/** Labelled values stated in sentences ("Her DOB is 01/02/1990 and she lives at ..."). */
// Case-sensitive for the name (its capitals tell it from "the full date of birth"), not for the words.
// A name word is capitalised ("Duarte-Flores", "McKay") or in capitals ("RUIZ").
/** "VOB - Shawna Begay 12/22/97,": a name introduced by a dash, a colon or "for", then a date with its year (no "DOB" word). */
// ("... told me to send this. Graciela Archuleta-Funes 6-14-87, 4410 Isleta Blvd SW, ...": a sentence that opens with them.)
// ("hey this is Daniel Reyes-Tovar, bday 1/7/83": the writer's own name, then the birthday's word.)
const PROSE_NAME_DATE = /(?:\b(?:[Ff]or|[Cc]lient|[Pp]atient|[Pp]t\.?|[Rr]un|[Cc]heck|[Vv]erify|[Tt]his\s+is)|\s[-–—:]|(?<=[a-z]{2}[.!])\s)\s*((?:[A-Z][A-Za-z'’-]*[a-z])(?:\s+(?:[A-Z]\.?|[A-Z][A-Za-z'’-]*[a-z])){1,3})\s*,?\s+(?:(?:b-?day|birthday|dob|d\.o\.b\.?|born)\s*:?\s*)?(\d{1,2}[/.-]\d{1,2}[/.-](?:19\d\d|200\d|201\d|\d{2}))(?![\d/.-])/;
const PROSE_NAME_DOB = /(?:\b(?:[Ff]or|[Cc]lient|CLIENT|[Pp]atient|PATIENT|[Pp]t\.?|PT\.?|[Mm]ember|MEMBER|[Nn]amed|is|[Vv]erify|[Rr]un|[Cc]heck)|\s[-–—:]|[?!]|\.{2,}|…)\s*((?:[A-Z][A-Za-z'’-]*[a-z]|[A-Z]{2,}(?:[-'’][A-Z]+)?|[A-Z]\.)(?:\s+(?:[A-Z]\.?|[A-Z][A-Za-z'’-]*[a-z]|[A-Z]{2,}(?:[-'’][A-Z]+)?)){1,3})\s*(?:,|\(|-|–)?\s*(?:DOB|D\.O\.B|[Dd]ob|[Bb]orn|[Dd]ate [Oo]f [Bb]irth|[Bb]irth[Dd]ate|[Bb]irthday)\b/;
const PROSE_PAYER_THEN_ID = /(?:^|[,;(]\s*|\s)((?:[A-Z][\w&'-]*)(?:\s+(?:of\s+)?[A-Z][\w&'-]*){0,4}),?\s+#?\s*((?=[A-Z0-9]*\d)[A-Z0-9]{7,15})\b/;
/** Words found in health plans' names ("Magnolia Health", "Sunshine Health Plan", "Partners Choice"). */
const PLAN_NAME_WORD = /\b(?:health|healthcare|care|plan|insurance|medicaid|medicare|medi-cal|blue|cross|shield|mutual|choice|advantage|community|partners|network|alliance|hmo|ppo|epo|benefits?|assurance|life|national|united|first|select|premier)\b/i;
// ("Anthem Blue Cross and Blue Shield, member ID ...": "and" inside a plan's name.)
const PROSE_PAYER_ID = /\b((?:[A-Z][\w&'-]*)(?:\s+(?:of\s+|(?<=Cross\s+)and\s+)?[A-Z][\w&'-]*){0,4}),?\s+(?:[Mm]ember\s+)?(?:ID|[Ii]d|ID#|ID\s*#|ID number|[Pp]olicy\s*#?)\s*[:#]?\s*([A-Za-z0-9-]*\d[A-Za-z0-9-]*(?:\s\d{2,}[A-Za-z0-9-]*|\s\d(?=[.,;)]|\s*$))*)/;

const SENTENCE_END = /(?<=[a-z0-9)]{2}[.!?;])\s+(?=[A-Z])/;
/** The same break without ";", before any capital letter (not only A-Z). */
const SENTENCE_BREAK = /(?<=[a-z0-9)]{2}[.!?])\s+(?=\p{Lu})/u;

/** "run benefits for Marcus Delgado?", "VOB on Jane Doe", "Card attached (front and back) for Ian Roe". */
const PROSE_NAME_FOR = /\b(?:benefits|[Vv][Oo][Bb]s?|verification|eligibility|verify|check|card|info|information|referral|(?:[Cc]ards?|[Pp]hotos?|[Pp]ictures?)\s+(?:attached|enclosed)(?:\s*\([^)]{1,30}\))?)\s+(?:for|on)\s+((?:[A-Z]\.(?:[A-Z]\.)+|[A-Z](?:['’][A-Z])?[a-z'’]+(?:-[A-Z](?:['’][A-Z])?[a-z'’]+)?)(?:\s+(?:[A-Z]\.?|[A-Z](?:['’][A-Z])?[a-z'’]+(?:-[A-Z](?:['’][A-Z])?[a-z'’]+)?)){1,3})(?=[\s?.!,]|$)/;
/** "We (Sunset Recovery) are referring Marisol Ventura for IOP", "sending over Jo Lin". */
const PROSE_NAME_REFERRED = /\b(?:refer|referring|sending(?:\s+over)?|admitting)\s+((?:\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’-]+)){1,3})(?=\s+(?:for|to|over|from|into|at)\b|[.,;!]|$)/u;
/** "Rosalind Abernathy - Humana, card attached". */
const PROSE_NAME_THEN_PAYER = /^((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’-]+)){1,3})\s+[-–—]\s+(\p{Lu}[\w&'.-]*(?:\s+(?:of\s+)?\p{Lu}[\w&'.-]*){0,5})(?=[,.;]|$)/u;
/** "Mai Nguyen is coming in for residential on Thursday." */
/** "I'm writing about my son Caleb Brandt", "My son Nolan Kessler (born ...)", "My son is Ari Vale", "about my husband, Karim Haddad", "New VOB request: Kieran O'Brien, 34 y/o". */
const PROSE_NAME_ABOUT = /(?:(?:\b(?:about|regarding|for|on behalf of|referring|sending|admitting)\s+|^\s*|[.!]\s+)(?:(?:[Mm]y|[Oo]ur|her|his|their)\s+(?:son|daughter|husband|wife|partner|brother|sister|grandson|granddaughter|nephew|niece|child|kid|teen|client|patient)|(?:an?|another)\s+(?:client|patient)\s+of\s+(?:mine|ours))(?:\s+is)?,?|\b(?:request|referral|admit|admission)\s*[:\-–]\s*)\s*(?:(?:Ms|Mr|Mrs|Mx|Dr)\.?\s+|Miss\s+)?((?:\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]+(?:[-'’]\p{Lu}(?:['’]\p{Lu})?\p{Ll}+)?)(?:\s+(?:\p{Lu}\.?|(?:\p{Lu}(?:['’]\p{Lu}|c\p{Lu})?[\p{Ll}'’]+(?:[-'’]\p{Lu}(?:['’]\p{Lu})?\p{Ll}+)?))){1,3})(?=[\s?.!,(]|$)/u;
/** "My grandson's name is Colt Ruhl", "her name is Renee Castillo" (never the writer's own "my name is"). */
/** "My boyfriend is Jordan Pike, he's 29.": the writer's child, sibling or partner named as the one the mail is about (a spouse may be the policy holder instead). */
// ("The insurance of my son is Blue Shield": the words before say it is the plan, read below.)
const PROSE_KIN_IS = /(?<!\b(?:insurance|plan|coverage|policy)\s+of\s+)\b(?:[Mm]y|[Oo]ur)\s+(?:son|daughter|boyfriend|girlfriend|fianc[eé]e?|brother|sister|grandson|granddaughter|nephew|niece|child|kid|stepson|stepdaughter)\s+is\s+((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’-]+)){1,3})(?=[\s?.!,(]|$)/u;
/** "her own", "his own": the plan said to be the holder's own. */
const OWN_SAID = /\b(?:his|her|their)\s+own\b/i;
/** A relative of the client's said to hold the plan, at a sentence's start ("Mom is the policy holder", "His wife is the subscriber"); never the writer's "my". */
const KIN_HOLDS_UNNAMED = new RegExp(String.raw`(?:^|[.!?]\s+)(?:(?:his|her|their)\s+)?(${HOLDER_KIN_WORD})\s+is\s+(?:the\s+)?(?:policy\s*-?\s*holder|policyholder|subscriber|insured|primary\s+insured)\b`, 'i');
/** "insurance is through <where>, <Plan>." */
const THROUGH_THEN_PLAN = /\b(?:insurance|plan|coverage)\s+is\s+(?:through|thru|from|via)\s+[^.!?,]{3,60},\s+(\p{Lu}[\w&.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\w&.'’-]*){0,5})\s*(?:[.!]|$)/u;
/** "My dad is Gerald A. Przybylski.", "My mother, Ruth Okonkwo, is going in Monday": a parent the grown child writes about. */
const PROSE_PARENT_IS = new RegExp(String.raw`(?<!\b(?:insurance|plan|coverage|policy)\s+of\s+)(?:^|[.!]\s+|\b(?:about|regarding|for|on behalf of)\s+)(?:[Mm]y|[Oo]ur)\s+(?:elderly\s+|aging\s+|\d{2}[- ]year[- ]old\s+)?${PARENT_WORD}(?:\s+is|,)?\s+((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’-]+)){1,3})(?=[\s?.!,(]|$)`, 'u');
/** "New VOB - Delaney Okafor. Everything you need ...": the client named after the request's own word (a plan's name is no client's). */
const PROSE_VOB_NAME = /(?:^|[.!]\s+)(?:(?:[Nn]ew|[Aa]nother)\s+)?(?:VOB|[Vv]ob)(?:\s+request)?\s*[:\-–]\s*((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’-]+)){1,3})(?=\s*[.,;(]|\s*$)/u;
function vobForName(line: string): RegExpExecArray | null {
  const m = PROSE_VOB_NAME.exec(line);
  return m && !namesKnownPayer(m[1]!) && !PLAN_NAME_WORD.test(m[1]!) ? m : null;
}
/** Words that make a parent named in the paragraph the policy holder, not the one going in. */
const PARENT_HOLDS_PLAN = new RegExp(String.raw`\b(?:(?:${PARENT_WORD}|parents?)\s+(?:is|as|being)\s+(?:the\s+)?(?:policy\s*holder|policyholder|subscriber|insured|primary|member|guarantor)|(?:policy\s*holder|policyholder|subscriber|insured|guarantor)\s*(?:is|:|-)?\s*(?:my\s+)?${PARENT_WORD}|(?:${PARENT_WORD}|parents)['’]?s\s+(?:\w+\s+)?(?:plan|insurance|policy|job|work|employer|coverage)|I(?:['’]m|\s+am)\s+(?:on|under|covered)|(?:on|under)\s+(?:his|her|their)\s+(?:\w+\s+)?(?:plan|insurance|policy)|dependent|I\s+(?:need|want|am\s+going|['’]m\s+going|will\s+be))\b`, 'i');
/** "Hi this is Darius Whitfield's wife", "I'm Lena Ortiz's mother": the writer names the one the mail is about by their relation. */
const PROSE_WRITER_KIN_OF = /\b(?:[Tt]his\s+is|I['’]m|I\s+am)\s+((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’-]+)){1,3})['’]s\s+(?:wife|husband|spouse|partner|mom|mother|mum|dad|father|stepmom|stepmother|stepdad|stepfather|sister|brother|daughter|son|aunt|uncle|grandmother|grandfather|grandma|grandpa|girlfriend|boyfriend|fianc[eé]e?|guardian|sponsor|friend|roommate)\b/u;
const PROSE_NAME_IS = /(?:\b(?:[Hh]er|[Hh]is|[Tt]heir)|\b(?:[Mm]y|[Oo]ur|[Tt]he|[Hh]er|[Hh]is)\s+(?:son|daughter|husband|wife|partner|brother|sister|grandson|granddaughter|nephew|niece|child|kid|client|patient|resident|member|ward)['’]s)\s+(?:full\s+|legal\s+)?name\s+is\s+((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’-]+)){1,3})(?=[\s?.!,(]|$)/u;
const PROSE_NAME_ARRIVING = /^((?:\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2})\s+(?:(?:is|will be)\s+(?:coming|admitting|being admitted|admitted|arriving|scheduled|starting|checking)\b|(?:is|has been|was)\s+(?:currently\s+|now\s+)?(?:in\s+(?:residential|detox|php|iop|our|treatment)|with us|admitted)\b|\((?:DOB|D\.O\.B\.?|born)\b)/u;
/** "He was referred to us by Desert Bloom Recovery." */
/** The center named with the verb: "we're referring him from X", "X is referring", "We (X) are referring", "on behalf of X". */
const CENTER_NAME = "(?:[Tt]he\\s+)?(?!(?:Who|What|Which|Where|When|How|Why|Whose)\\b)((?:(?:St|Mt|Ft)\\.\\s+)?(?:[A-Z][\\w&'’-]*)(?:\\s+(?:of\\s+|&\\s+|the\\s+)?[A-Z][\\w&'’-]*){0,7})";
const PROSE_REFERRING = new RegExp(
  `\\b(?:referring|sending)\\s+(?:him|her|them|this\\s+(?:client|patient|one))\\s+(?:over\\s+|to\\s+you\\s+)?from\\s+${CENTER_NAME}` +
    `|\\b[Ww]e\\s*\\(${CENTER_NAME}\\)\\s*(?:are|is|['’]re)\\s+(?:the\\s+)?referring` +
    // ("Catalina Senior Psychiatry (Dr. Hollis Greer) is referring her": who there, in brackets.)
    // ("..., and Bear Creek Forensic Evaluations is the referring provider.")
    `|(?:^|[.!]\\s+|,\\s+(?:and\\s+)?)${CENTER_NAME}(?:\\s*\\([^()]{1,40}\\))?\\s+(?:is|are)\\s+(?:the\\s+)?(?:referring|referral source)\\b` +
    // "Red Mesa Recovery is the place that is sending him", "Harborview is the one referring her".
    `|(?:^|[.!]\\s+|,\\s+)${CENTER_NAME}\\s+(?:is|are)\\s+the\\s+(?:place|program|facility|center|centre|one|ones)\\s+(?:that\\s+|who\\s+)?(?:is\\s+|are\\s+)?(?:sending|referring)\\s+(?:him|her|them)\\b` +
    // "Pacific Crest Recovery asked me to send ... They are the ones referring him.": the center, then "they".
    `|(?:^|[.!]\\s+)${CENTER_NAME}\\s+(?:asked|wants|wanted|needs|told|called|reached out|suggested)\\b[^.!?]{0,160}[.!]\\s+(?:They|It)\\s*(?:are|is|['’]re|['’]s)\\s+(?:the\\s+)?(?:ones?|place|program|facility)\\s+(?:that\\s+|who\\s+)?(?:is\\s+|are\\s+)?(?:referring|sending)\\s+(?:him|her|them|[A-Z][a-z'’-]+)\\b` +
    `|\\b(?:counselor|therapist|case manager|social worker|doctor|nurse|psychiatrist|clinician|worker|team)\\s+(?:at|from|with)\\s+${CENTER_NAME}\\s+(?:is|are)\\s+(?:the\\s+)?referring` +
    `|\\b(?:on behalf of|referral from)\\s+${CENTER_NAME}` +
    // "His drug court coordinator, Mrs. Gallegos from the Rio Abajo Drug Court, told me to email you": whose staff asked.
    `|\\b(?:coordinator|officer|counselor|counsellor|agent|worker|manager|therapist|nurse|navigator|liaison)\\s*,?\\s+(?:(?:Ms|Mr|Mrs|Dr)\\.?\\s+)?[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+)?\\s+(?:from|at|of|with)\\s+${CENTER_NAME},?\\s+(?:told|asked|wants|wanted|said|instructed)\\s+(?:me|us)\\s+to\\s+(?:send|email|e-mail|forward|contact)` +
    // "We were indicated to your office by Bridgeway Recovery Center": another language's word for referred.
    `|\\b(?:were|was|been)\\s+(?:indicated|recommended)\\s+(?:to\\s+(?:you|your\\s+office|you\\s+guys)\\s+)?by\\s+${CENTER_NAME}` +
    // "we're the referral, High Desert Sober Living", "I'm the referral - Summit Bridge Interventions": the writer's center, named after the words.
    `|\\b(?:[Ww]e(?:['’]re|\\s+are)|I(?:['’]m|\\s+am))\\s+(?:the\\s+)?(?:referral|referrer|referring\\s+(?:center|centre|agency|program|provider|facility|party))(?:\\s+source)?\\s*(?:,|[-–—:])\\s*${CENTER_NAME}` +
    // "For the referral, please put Massanutten State University CAPS."
    `|\\b(?:[Ff]or|[Aa]s)\\s+(?:the\\s+)?(?:referral|referrer|referring\\s+(?:center|centre|facility|agency|provider|party))(?:\\s+source)?,?\\s+(?:please\\s+)?(?:put|use|list|enter|write|say)\\s+(?:down\\s+)?${CENTER_NAME}` +
    // "put Magnolia House down as the referral", "put the referral as Winnipesaukee Recovery Community Center".
    `|\\b(?:[Pp]ut|[Ll]ist|[Uu]se|[Ee]nter|[Ss]how|[Mm]ark)\\s+${CENTER_NAME}\\s+(?:down\\s+)?as\\s+(?:the\\s+)?(?:referral|referring|referrer)\\b` +
    `|\\b[Pp]ut\\s+(?:the\\s+)?(?:referral|referrer|referring)(?:\\s+source)?\\s+(?:down\\s+)?as\\s+${CENTER_NAME}` +
    // "Please put my practice, Tidepool Counseling, down as the referral"; "referral for both is us, High Desert House".
    `|\\b[Pp]ut\\s+(?:my|our)\\s+(?:practice|office|center|centre|program|agency|clinic|team),?\\s+${CENTER_NAME},?\\s+(?:down\\s+)?as\\s+(?:the\\s+)?(?:referral|referring|referrer)\\b` +
    `|\\b[Rr]eferral(?:\\s+(?:source\\s+)?(?:for|on)\\s+(?:both|all|each)(?:\\s+(?:of\\s+them|two|three))?)?\\s+is\\s+(?:us|me),?\\s+${CENTER_NAME}` +
    // "put us down as the referral - Gallatin Valley Recovery Center".
    `|\\b[Pp]ut\\s+(?:us|me)\\s+(?:down\\s+)?as\\s+(?:the\\s+)?(?:referral|referring|referrer)(?:\\s+source)?\\s*(?:,|[-–—:])\\s*${CENTER_NAME}` +
    // "She'd be admitting to us here at Ironwood Crossing": the writer's own center sends her.
    `|\\b(?:to|with)\\s+us\\s+(?:here\\s+)?at\\s+${CENTER_NAME}` +
    `|\\b(?:el\\s+)?(?:centro|programa)\\s+${CENTER_NAME}\\s+(?:nos\\s+)?(?:refiri[oó]|recomend[oó]|mand[oó])` +
    `|\\b[Nn]os\\s+(?:refiri[oó]|recomend[oó]|mand[oó])\\s+(?:el\\s+|la\\s+)?(?:centro\\s+|programa\\s+)?${CENTER_NAME}`,
);
const PROSE_REFERRAL = /\b(?:(?:[Rr]eferred|[Rr]ef['’]?d)\s+(?:to\s+(?:us|you)\s+)?(?:by|from)(?:\s+us,)?|[Rr]eferral\s+(?:came\s+|comes\s+|is\s+(?:coming\s+)?)?(?:from|by)(?:\s+(?:my|our)\s+(?:practice|office|center|centre|program|agency|clinic|team|facility|group),?)?|(?<=(?:^|[.!]\s+))Ref\.?)\s+((?:[A-Z][\w&'’-]*)(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’-]*){0,5})/;
/** Words that name a relative or the policy holder ("(husband, DOB 3/2/1983)"). */
const KIN_OR_HOLDER = new RegExp(`\\b(?:${KIN_WORD}|subscriber|policy\\s*holder|insured)\\b`, 'i');
/** "I'm Gerald's daughter", "I am his wife": the writer is a relative of the one the mail is about. */
// ("I am the mother of Maksym": the relation said with "of".)
const WRITER_IS_KIN = /\bI(?:['’]m|\s+am)\s+(?:(?:\p{Lu}\p{Ll}+['’]s|his|her|their)\s+(?:daughter|son|wife|husband|mother|mom|father|dad|sister|brother|partner|aunt|uncle|niece|nephew|grand\w+|guardian)\b|the\s+(?:older\s+|younger\s+)?(?:daughter|son|wife|husband|mother|mom|father|dad|sister|brother|partner|aunt|uncle|niece|nephew|grand\w+|guardian)\s+of\s+\p{Lu})/u;
const MY_NAME_IS = /\b[Mm]y name is\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})/u;
/** "My name is Mike, I'm the house manager at ...", "my name is Dana Ruiz with Harbor Pines": a writer who works with clients. */
const STAFF_INTRODUCTION = /\b[Mm]y name is\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*(?:[,.;–—-]\s*|\s+and\s+)?(?:(?:I['’]?m|I\s+am)\s+(?:the|a|an|one\s+of\s+the)\s+(?:[\p{L}-]+\s+){0,3}?(?:manager|coordinator|director|nurse|worker|counsel+or|therapist|tech|technician|specialist|navigator|advocate|rep|representative|supervisor|clinician|liaison|intake|admissions)\b|I\s+work\s+(?:at|for|with)\b|(?:I['’]?m\s+|I\s+am\s+)?(?:with|from|at)\s+\p{Lu})/u;
/** "She was born 11/30/1983". */
const PROSE_BORN = /\b(?:was born(?:\s+on)?|born(?:\s+on)?|birthday is|date of birth(?:\s+is)?|d\.?o\.?b\.?(?:\s+is)?)\s*:?\s+((?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4})|(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})|(?:\d{1,2}\s+[A-Za-z]{3,9},?\s+\d{2,4})|(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+of\s+[A-Za-z]{3,9},?\s+\d{4}))/i;

/** A sentence that says where someone lives, and one that speaks of the sender's or another place. */
const RESIDENCE_WORD = /\b(?:lives?|lived|living|resides?|resided|residing|stay(?:s|ing)?|home|house|apartment|apt|place|address|rents?|renting|owns?)\b/i;
const OTHER_PLACE = /\b(?:our|office|clinic|center|centre|facility|hospital|program|unit|shelter|fax|mail|send|results|billing|pharmacy|school|work|works|job|employer)\b/i;
/** From a street number to a ZIP, with no sentence end between. */
// ("W5510 County Rd K": a rural grid number keeps its compass letter.)
export const NUMBER_TO_ZIP = /(?<![\d/.\p{L}-])((?:P\.?\s?O\.?\s+Box\s+|[NSEW](?=\d))?\d{1,6}[A-Z]?\s+[\p{L}0-9][^.;:!?]*?\b\d{5}(?:-\d{4})?)(?![\d-])/iu;

function residenceAddress(line: string): string | null {
  if (!/\d{5}/.test(line)) return null;
  // ("... checked first. both live here at the house ...": a lower-case writer's sentences end too.)
  for (const said of line.split(SENTENCE_BREAK).flatMap((t) => t.split(/(?<=\p{Ll}{2}[.!?])\s+(?=\p{Ll})/u))) {
    // "at 1540 Pecan Grove Circle in Round Rock, Texas (78664)": the street, then "in" its town, the ZIP in brackets.
    const sentence = said.replace(/(\d{1,6}\s+[\p{L}0-9 .'#-]+?)\s+in\s+(\p{Lu}[\p{L} .'-]+?),\s*(\p{Lu}[\p{L} .]+?)\s*\((\d{5}(?:-\d{4})?)\)/u, '$1, $2, $3 $4');
    const m = NUMBER_TO_ZIP.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(0, m.index);
    if (!RESIDENCE_WORD.test(before) || OTHER_PLACE.test(before)) continue;
    const a = parseAddress(m[1]!);
    if (a !== null && a.state !== null && a.postalCode !== null && a.city !== null) return m[1]!;
  }
  return null;
}

/** Words that end a center's name. */
const CENTER_WORD = /^(?:Recovery|Residence|Residences|Center|Centre|Counseling|Counselling|Clinic|Hospital|Treatment|Detox|Health|Behavioral|Behavioural|Services|Associates|Program|House|Lodge|Unit|Medicine|Practice|Outpatient|Wellness|Institute|Ministries|Court|Agency|Partners|Residential|Healthcare|Medical|Interventions?|Solutions|Foundation|Alliance|Network|Collective|Living|Ranch|Retreat|Village|Manor|Haven|Sanctuary|Pavilion|Homes?|Group|Society)$/;
/** A word of a center's or company's name in the text ("Missouri Slope Family Medicine"), as against a person's ("Dr. Hertz"). */
export function hasCenterWord(text: string): boolean {
  return text.split(/[\s.,;()]+/).some((w) => CENTER_WORD.test(w));
}
/** A name that ends as a center's or company's does ("Summit Bridge Interventions", "... LLC"). */
export function endsWithCenterWord(text: string): boolean {
  const last = text.trim().replace(/\.$/, '').split(/\s+/).pop() ?? '';
  return CENTER_WORD.test(last) || /^(?:LLC|Inc)$/.test(last);
}
const PROGRAM_NAME_END = new RegExp(`${CENTER_WORD.source.slice(0, -2)}|IOP|PHP|Rehab)$`);
/** Words of a name that say what a place is, not which one ("our Behavioral Health Unit"). */
const GENERIC_CENTER_WORD = /^(?:Recovery|Center|Centre|Counseling|Clinic|Hospital|Treatment|Detox|Health|Behavioral|Behavioural|Services|Program|House|Unit|Medicine|Practice|Outpatient|Inpatient|Wellness|Residential|Healthcare|Medical|Mental|Substance|Use|Adult|Adolescent|Youth|Intensive|Partial|Regional|Community|The|Our)$/;
/** A run of capitalised words (with "of", "&", "and" inside), for a center's name. */
const CAPITALISED_RUN = /\b[A-Z][\w'’&-]*(?:\s+(?:(?:of|&|and|the)\s+)?[A-Z][\w'’&-]*)*/g;
export const SENTENCE_VERB = /\b(?:is|are|was|were|be|been|did|does|do|has|have|had|will|would|referring|referred|refers|sending|sent)\b|\p{L}['’](?:s|re)\b/u;
const REFERRAL_CUE = /\b(?:referring|referral|referred|refers|the ones? sending|sending (?:him|her|them)|who sent|placing (?:him|her|them))\b/i;
const NO_REFERRAL = /\b(?:nobody|no one|not referred|no referral|wasn['’]?t referred|isn['’]?t referring)\b/i;
/** "... on to Sagebrush Lodge", "the residential program at Tuscarawas Valley Recovery": where the client goes, not who sends them. */
const DESTINATION_BEFORE = /\breferred\s+for\b[^.]{0,80}\bat\s+$|\b(?:to|into|toward|towards|admit(?:ted)?\s+(?:to|at)|(?:program|bed|unit|placement|level of care|treatment|care|services|detox|residential|stay|admission)\s+(?:at|with))\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:(?:program|bed|unit)\s+(?:at|with)\s+)?$/i;

/** The centers a sentence names ("Hope Center Women's Residential"), with where each name starts. */
function centerRuns(sentence: string, endWord: RegExp = CENTER_WORD): { name: string; at: number }[] {
  const centers: { name: string; at: number }[] = [];
  for (const m of sentence.matchAll(CAPITALISED_RUN)) {
    const words = m[0].split(/\s+/);
    // The name ends with its last word that says it is a place ("Hope Center Women's Residential").
    let end = words.length;
    while (end > 0 && !endWord.test(words[end - 1]!)) end--;
    // "Lowcountry Detox & Stabilization": a second word joined to the place word is the name's too.
    if (end > 0 && end + 1 < words.length && /^(?:&|and)$/.test(words[end]!) && /^\p{Lu}\p{Ll}{2,}$/u.test(words[end + 1]!) && !/^(?:She|They|The|This|That|Then|There|We|Our|His|Her|Their)$/.test(words[end + 1]!)) end += 2;
    let start = 0;
    while (start < end && /^(?:The|A|An|At|In|To|For|With|On|From|By|And|Our|We|I|She|He|They|It)$/.test(words[start]!)) start++;
    const kept = words.slice(start, end);
    if (kept.length < 2 || kept.every((w) => GENERIC_CENTER_WORD.test(w) || /^(?:of|&|and|the)$/.test(w))) continue;
    const name = kept.join(' ');
    if (findPayers(name).length > 0) continue;
    centers.push({ name, at: (m.index ?? 0) + m[0].indexOf(kept[0]!) });
  }
  return centers;
}

/** "the lady at", "a nurse from", "someone with": a person who works at the center named next. */
const STAFF_AT = /\b(?:lady|woman|man|person|someone|nurse|counselor|counsellor|therapist|worker|staff|people|folks|admissions|intake)\s+(?:at|from|with)\s+(?:the\s+)?/gi;
/** "... asked me to send", "told us to email", "said to send": who had the writer send the request. */
// (In the writer's own grammar too: "X ask me to send", "they told me I need to send".)
// ("told me to contact you", "gave me this email": the same, in other words.)
const ASKED_TO_SEND =
  /\b(?:(?:ask(?:ed)?|told|tell|wanted|said|instructed|requested|advised)\s+(?:(?:me|us)\s+)?(?:(?:that\s+)?(?:I|we)\s+(?:need|have|must)\s+)?to\s+(?:send|e-?mail|forward|submit|contact\s+you|reach\s+out\s+to\s+you|write\s+(?:to\s+)?you)|gave\s+(?:me|us)\s+(?:this|your)\s+e-?mail(?:\s+address)?)\b/;

/**
 * "Cumberland Ridge IOP asked me to send her insurance information", "Tammy at Gulf Breeze
 * Behavioral Health said to send Mom's info here": the center that had the writer send the
 * request is the one referring the client (a center named just before the verb, or its staff's).
 */
function centerThatAskedToSend(line: string): string | null {
  if (!ASKED_TO_SEND.test(line)) return null;
  // "the lady at Solstice Ridge Prescott gave me this email ... so she said to send you the new card": the one she works at.
  const staffAt = [...line.matchAll(STAFF_AT)].map((m) => /^[A-Z][\w'’&-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w'’&-]*){1,5}/.exec(line.slice(m.index! + m[0].length))?.[0]).filter((c): c is string => c !== undefined && findPayers(c).length === 0);
  const sentences = line.split(SENTENCE_BREAK);
  for (const [k, sentence] of sentences.entries()) {
    const verb = ASKED_TO_SEND.exec(sentence);
    if (!verb) continue;
    const before = sentence.slice(0, verb.index);
    // "... starting the PHP at Brandywine Bridge Behavioral Health on Monday. Their admissions office asked me to send ...": the center of the sentence before.
    if (k > 0 && /^\s*(?:they|their\s+(?:admissions|intake|front\s+desk|staff|office|team|people|nurse|counselor|coordinator)(?:\s+(?:office|team|staff|department|desk|coordinator|nurse))?)\s*$/i.test(before)) {
      const named = new Set(centerRuns(sentences[k - 1]!).map((c) => c.name));
      if (named.size === 1) return [...named][0]!;
    }
    // "Rachel at Ponderosa Path told me to email you": a person named at a place whose name has no center word.
    const personAt = /(?:^|[.!,;]\s*|\s)\p{Lu}\p{Ll}+\s+(?:at|from|with)\s+(\p{Lu}[\p{L}'’&-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}'’&-]*){0,4})\s*$/u.exec(before);
    if (personAt && findPayers(personAt[1]!).length === 0) return personAt[1]!;
    // (Here a programme's initials end a center's name too: "Cumberland Ridge IOP asked me to send ...".)
    const last = centerRuns(before, PROGRAM_NAME_END).pop();
    if (last === undefined) continue;
    const between = before.slice(last.at + last.name.length);
    // ("Glacier Peak Youth Treatment in Kalispell told me to send": the town it is in, between.)
    // ("Sierra Pines Recovery gave me this email address and asked me to send": a clause of its own between.)
    // ("... Behavioral Health (their senior outpatient program) asked me to send": an aside in brackets.)
    // ("New Dawn Recovery in Lakewood said they have a bed this week and asked me to send": what else they said.)
    // ("The admissions lady at Wheeler Lake Recovery, Kim, gave me this email": the person's name set off by commas.)
    if (/^(?:['’]s)?(?:\s*\([^()]{1,60}\)|,\s*(?:(?:Ms|Mr|Mrs|Dr|Miss)\.?\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,)?(?:\s+(?:in|at)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)?)?(?:\s+(?:intake|admissions|staff|team|office|counselor|nurse))?(?:\s+(?:gave|sent|emailed|texted)\s+(?:me|us)\b[^.;,]{0,40}?\s+and|\s+said\s+(?:they|she|he)\s+[^.;,]{0,50}?\s+and)?\s*$/iu.test(between)) return last.name;
    // "He is going into Cedar Hollow Recovery next week and they told me to send ...": "they" are the one center named.
    // ("... and the lady at admissions there told me to email you": its staff.)
    const centers = new Set(centerRuns(before).map((c) => c.name));
    if (centers.size === 1 && /\b(?:they|(?:the|their)\s+(?:(?:intake|admissions)\s+)?(?:staff|intake|admissions|people|person|lady|woman|man|counselor|nurse|coordinator|team|worker|office|department|desk)(?:\s+(?:at|in|from)\s+(?:the\s+)?(?:intake|admissions|front\s+desk))?(?:\s+there)?)\s*$/i.test(before)) return last.name;
  }
  for (const sentence of line.split(SENTENCE_BREAK)) {
    const verb = ASKED_TO_SEND.exec(sentence);
    if (verb && staffAt.length === 1 && /\b(?:she|he|they)\s*$/i.test(sentence.slice(0, verb.index))) return staffAt[0]!;
  }
  return null;
}

/** The one center an answer names ("He's in the IOP at Hollis Creek Counseling."), else null. */
export function centerNamedIn(text: string): string | null {
  const names = new Set(centerRuns(text).map((c) => c.name));
  return names.size === 1 ? [...names][0]! : null;
}

function referrerInSentence(line: string): string | null {
  if (!REFERRAL_CUE.test(line)) return null;
  for (const sentence of line.split(SENTENCE_BREAK)) {
    // A sentence, not a label and its value ("Referral source name Dr. Osei (Granite Psychiatric)").
    if (!REFERRAL_CUE.test(sentence) || NO_REFERRAL.test(sentence)) continue;
    const verbless = !SENTENCE_VERB.test(sentence);
    const centers = new Set<string>();
    for (const { name, at } of centerRuns(sentence)) {
      if (DESTINATION_BEFORE.test(sentence.slice(0, at))) continue;
      // Without a verb the line may be a label and its value; "Bright Harbor Recovery referral - ..." still says it.
      if (verbless && !new RegExp(`^${escapeRegExp(name)}\\s+referral\\b`).test(sentence.slice(at))) continue;
      centers.add(name);
    }
    if (centers.size === 1) return [...centers][0]!;
  }
  return null;
}

/** Fields that are one field once a section resolves them ("dob" and "clientDob"). */
function sameFieldKey(field: FieldKey): string {
  if (field === 'dob' || field === 'clientDob') return 'dob';
  if (field === 'address' || field === 'clientAddress') return 'address';
  if (field === 'name' || field === 'clientName') return 'name';
  if (field === 'insPhone' || field === 'servicePhone' || field === 'phone') return 'phone';
  if (field === 'relToSubscriber' || field === 'relOfSubscriber' || field === 'relationship') return 'relationship';
  return field;
}

/** "Shawna Birdwell, DOB 11/02/1993. She lives in Tulsa.": a sentence may start with the name and a comma. */
// ("1) Aaron P. Keplinger, date of birth 10/05/1990.": a numbered client, the words in full.)
const START_NAME_DOB = /^\s*(?:\d{1,2}[.)]\s+|[-*•]\s+)?((?:[A-Z][a-z'’-]+)(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*)){1,3}),\s*(?:DOB|D\.O\.B\.?|[Dd]ob|[Bb]orn|[Dd]ate\s+of\s+[Bb]irth|[Bb]irth\s?[Dd]ate|[Bb]irthday)\b/;
const LABEL_WORD_IN_NAME = /\b(?:Name|Client|Patient|Pt|Member|Insurance|Address|Date|Phone|Policy|Subscriber|Group|Please|Need|New|Verify|Request)\b/;
/** "I have a second client I am referring for residential care, Mr. Gregory Sorensen.": the client, named after a comma. */
const CLIENT_THEN_NAME = /\b(?:a|another|second|third|new)\s+(?:client|patient|resident)\b[^.,;]{0,60},\s+(?:(?:Ms|Mr|Mrs|Mx)\.?\s+)?((?:[A-Z](?:['’][A-Z])?[a-z'’-]+)(?:\s+(?:[A-Z]\.?|[A-Z](?:['’][A-Z])?[a-z'’-]+)){1,3})(?=\s*[.,;(]|$)/;
/** "Ms. Ana Ruiz was born on June 2, 1990": a sentence that opens with the client's full name. */
const NAME_WAS_BORN = /(?:^|[.!]\s+)(?:(?:Ms|Mr|Mrs|Mx)\.?\s+)?((?:[A-Z][a-z'’-]+)(?:\s+(?:[A-Z]\.?|[A-Z](?:['’][A-Z])?[a-z'’-]+)){1,3})\s+was\s+born\b/;
/** "got a new guy at the house, Brandon Keough, dob 7/4/95": the name set off by commas, then the date. */
const APPOSITIVE_NAME_DOB = /,\s+((?:[A-Z][a-z'’-]+)(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’-]+)){1,3}),\s*(?:DOB|D\.O\.B\.?|[Dd]ob|[Bb]orn)\b/;
function proseNameDob(line: string): RegExpExecArray | null {
  const m = PROSE_NAME_DOB.exec(line) ?? APPOSITIVE_NAME_DOB.exec(line) ?? CLIENT_THEN_NAME.exec(line) ?? NAME_WAS_BORN.exec(line);
  if (m) return m;
  const start = START_NAME_DOB.exec(line);
  return start && !LABEL_WORD_IN_NAME.test(start[1]!) ? start : null;
}

const RELATION_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['subscriberName', 'relationship', 'relToSubscriber', 'relOfSubscriber']);

/** A word an employer's name ends in ("Halden Systems"): in brackets after "his dad's employer", no relative's name. */
const ORG_WORD = '(?:Systems|Inc|LLC|Corp|Corporation|Company|Co|Group|Industries|Holdings|Partners|Services|Solutions|Technologies|Bank|University|College|Hospital|Health|School|District|County|Foods|Motors|Airlines|Logistics|Freight|Labs|Works|Manufacturing)';
/** "thru his mom's job, her name is Patrice Keough": the relative whose job it is, named in the same sentence. */
/** "... through his dad's work (my husband, Wendell Hayashi)": the relative named in brackets. */
// (Not "my son's insurance ... His name is X": the writer's child is the client, whose own plan it is.)
const KIN_PLAN_NAMED = new RegExp(`\\b(?:[Hh]is|[Hh]er|[Tt]heir|(?:[Mm]y|[Oo]ur)(?=\\s+(?!(?:son|daughter|child|kid|step-?son|step-?daughter)\\b)))\\s+(${KIN_WORD})['’]s\\s+(?:[\\w&.-]+\\s+){0,2}?(?:job|work|employer|plan|insurance|policy|coverage)\\b(?:[^.!?]{0,90}?(,?\\s+(?:[Hh]er|[Hh]is|[Tt]heir)\\s+name\\s+is\\s+(\\p{Lu}(?:[\\p{L}'’-]+|\.)(?:\\s+\\p{Lu}(?:[\\p{L}'’-]+|\.)){1,3}))|(\\s*\\((?:my\\s+\\p{Ll}+,\\s*)?(?!(?:[\\p{L}'’-]+\\s+){0,2}${ORG_WORD}\\))(\\p{Lu}(?:[\\p{L}'’-]+|\.)(?:\\s+\\p{Lu}(?:[\\p{L}'’-]+|\.)){1,3})\\)))`, 'u');
/** "Policy is through his wife's job at the board of ed. Her name is M. Pettigrew": the relative named in the next sentence. */
const KIN_PLAN_THEN_NAMED = new RegExp(`\\b(?:[Hh]is|[Hh]er|[Tt]heir|(?:[Mm]y|[Oo]ur)(?=\\s+(?!(?:son|daughter|child|kid|step-?son|step-?daughter)\\b)))\\s+(${KIN_WORD})['’]s\\s+(?:[\\w&.-]+\\s+){0,2}?(?:job|work|employer|plan|insurance|policy|coverage)\\b(?:[^.!?]{0,90}[.!]\\s+){1,2}?((?:Her|His|Their)\\s+(?:full\\s+)?name\\s+is\\s+(\\p{Lu}(?:[\\p{L}'’-]+|\\.(?:\\p{Lu}\\.)*)(?:\\s+\\p{Lu}(?:[\\p{L}'’-]+|\\.(?:\\p{Lu}\\.)*)){1,3}))`, 'u');
/** "... on her mother's plan with IBX. Her mother's name is Deirdre O'Connell-Hart.": the relative whose plan it is, named. */
const KIN_NAME_IS = new RegExp(`\\b(?:[Hh]er|[Hh]is|[Tt]heir)\\s+(${KIN_WORD})['’]s\\s+(?:full\\s+)?name\\s+is\\s+(\\p{Lu}(?:[\\p{L}'’-]+|\.)(?:\\s+\\p{Lu}(?:[\\p{L}'’-]+|\.)){1,3}?)(?=[.,;!]?(?:\\s|$))`, 'u');

/** "Unrelated - billing question on a DIFFERENT client, Renee Hargrove (DOB ...)": a line about other business. */
const OTHER_BUSINESS = /\b(?:unrelated|(?:on|about|for)\s+a\s+different\s+(?:client|patient)|billing\s+question\s+(?:on|about|for))\b/i;

/**
 * The relative whose job or plan the line says the coverage comes with, named there: the
 * subscriber, who they are to the client, and the words that name them (no client's name).
 */
// "My husband's name is Merle Vanderhoef, he is the policy holder": the relative's name said, then that they hold it.
const KIN_NAME_IS_THEN_HOLDER = new RegExp(`\\b([Mm]y|[Hh]is|[Hh]er|[Tt]heir)\\s+(${KIN_WORD})['’]s\\s+name\\s+is\\s+(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)){1,3})\\s*[,;]?\\s*(?:and\\s+)?(?:[Hh]e|[Ss]he)(?:['’]s|\\s+is)\\s+${SUB}\\b`, 'u');
// "My husband Martin Parkhurst is the policy holder": the relative, named, then the words that say they hold it.
const KIN_THEN_NAME_IS_HOLDER = new RegExp(`\\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\\s+(${KIN_WORD})\\s+(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)){1,3})\\s+is\\s+${SUB}\\b`, 'u');

// "Cigna - through his wife's job, she's the policy holder - Brooke Parkhurst": whose job, then the holder named.
const KIN_JOB_HOLDER_NAMED = new RegExp(`\\b(?:[Hh]is|[Hh]er|[Tt]heir)\\s+(${KIN_WORD})['’]s\\s+(?:job|work|employer|plan|insurance|policy)\\b[^.;]{0,30}?\\b(?:[Ss]he|[Hh]e)(?:['’]s|\\s+is)\\s+${SUB}\\s*(?:[-–—,:(]|\\s[-–—])\\s*(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)){1,3})`, 'u');

function kinHolderNamed(text: string): { name: string; kin: string | null; said: string } | null {
  const holder = KIN_THEN_NAME_IS_HOLDER.exec(text) ?? KIN_JOB_HOLDER_NAMED.exec(text);
  if (holder) return { name: holder[2]!, kin: holder[1]!, said: holder[0] };
  // "My husband's name is Merle Vanderhoef, he is the policy holder": the writer's relative is no relation of the client's said.
  const nameIsThenHolder = KIN_NAME_IS_THEN_HOLDER.exec(text);
  if (nameIsThenHolder) return { name: nameIsThenHolder[3]!, kin: /^my$/i.test(nameIsThenHolder[1]!) ? null : nameIsThenHolder[2]!, said: nameIsThenHolder[0] };
  // Every other form names the relative after "name is" or in brackets.
  if (!/name\s+is|\(/i.test(text)) return null;
  // ("on his partner's ConnectiCare plan ... they are not married": a domestic partner, no spouse.)
  const kinWord = (kin: string): string => (/^partner$/i.test(kin) && /\bdomestic\s+partner\b|\bnot\s+married\b/i.test(text) ? 'domestic partner' : kin);
  const same = KIN_PLAN_NAMED.exec(text);
  if (same) return same[2] !== undefined ? { name: same[3]!, kin: kinWord(same[1]!), said: same[2] } : { name: same[5]!, kin: kinWord(same[1]!), said: same[4]! };
  const next = KIN_PLAN_THEN_NAMED.exec(text);
  if (next) return { name: next[3]!, kin: kinWord(next[1]!), said: next[2]! };
  const is = KIN_NAME_IS.exec(text);
  // Only the relative whose plan the line speaks of holds it.
  if (is && new RegExp(`\\b${is[1]}['’]s\\s+(?:\\w+\\s+)?(?:plan|insurance|policy|job|work|employer|coverage)\\b`, 'i').test(text)) return { name: is[2]!, kin: is[1]!, said: is[0] };
  return null;
}

/** "Please ignore the Aetna info above", "disregard the insurance I sent": the plan said before is taken back. */
// ("no scratch that, molina is her old plan": the plan named before is a former one.)
const PLAN_WITHDRAWN = /\b(?:ignore|disregard|scratch|forget)\s+(?:all\s+)?(?:the|that|my)\s+(?:\p{Lu}[\p{L}&.'’-]*\s+){0,4}(?:insurance\s+|plan\s+)?(?:info|information|insurance|plan|coverage|policy)\b(?:\s+(?:above|below|I\s+(?:sent|gave|typed|pasted)))?|\bscratch\s+that\b[^.!?]{0,60}\b(?:is|was)\s+(?:his|her|their|my)\s+(?:old|previous|former)\s+(?:plan|insurance|coverage)\b/iu;
/** "Scratch the Olive Way address -- she has been staying at her dad's: 16020 NE 85th St, ...": a new address replaces the one taken back. */
const ADDRESS_WITHDRAWN = /\b(?:scratch|ignore|disregard|forget|don['’]?t\s+use|do\s+not\s+use)\s+(?:the\s+|that\s+|her\s+|his\s+)?(?:[\p{L}\d.'’-]+\s+){0,3}?(?:address|addy)\b/iu;
const PLAN_FIELDS: readonly FieldKey[] = ['payer', 'memberId', 'group', 'insPhone'];
const SENTENCE_TAKEN_BACK = /(?:^|\s)(?:[-–—]+\s*)?(?:actually,?\s+no|no,?\s+wait|sorry,?\s+no)\b[,:;.!\s–—-]*(?:I\s+just\s+(?:checked|asked|confirmed)[^:;,]{0,40}[:;,]\s*)?/gi;
/** The same, for one test ("is anything taken back here?"). */
const SENTENCE_TAKEN_BACK_ONE = new RegExp(SENTENCE_TAKEN_BACK.source, 'i');

function prosePairs(text: string): LinePair[] {
  const found: LinePair[] = [];
  if (OTHER_BUSINESS.test(text)) return found;
  // (A cheap test first: most lines take nothing back.)
  const takesBack = /\b(?:ignore|disregard|scratch|forget|use)\b/i.test(text);
  const planBack = takesBack ? PLAN_WITHDRAWN.exec(text) : null;
  if (planBack) found.push(...PLAN_FIELDS.map((field) => ({ field, value: '', withdrawn: true })));
  const addressBack = takesBack ? ADDRESS_WITHDRAWN.exec(text) : null;
  if (addressBack) {
    const after = text.slice(addressBack.index + addressBack[0].length);
    const home = NUMBER_TO_ZIP.exec(after);
    if (home && isWholeAddress(home[1]!)) {
      found.push({ field: 'address', value: home[1]!, override: true });
      text = text.slice(0, addressBack.index);
    } else found.push({ field: 'address', value: '', withdrawn: true });
  }
  const kin = kinHolderNamed(text);
  if (kin !== null) found.push({ field: 'subscriberName', value: kin.kin === null ? kin.name : `${kin.name} (${kin.kin})`, prose: true });
  // "Mom is the policy holder, I'll get her name when she calls back": the relation, no name yet.
  else if (KIN_HOLDS_UNNAMED.test(text) && !OWN_SAID.test(text)) found.push({ field: 'relOfSubscriber', value: KIN_HOLDS_UNNAMED.exec(text)![1]! });
  // "She has HUSKY Health (Connecticut Medicaid) in her own name; her member ID is ...": the plan is the client's own.
  else if (!text.includes(':') && (OWN_NAME.test(text) || OWN_PLAN_NAMED.test(text))) found.push({ field: 'subscriberName', value: 'self' });
  // "It's Wyoming Medicaid, in my own name, nobody else is on it": the writer's own plan, the client's when the client writes.
  else if (!text.includes(':') && MY_OWN_PLAN.test(text)) found.push({ field: 'subscriberName', value: WRITER_MARKER });
  // The relative's name is no client's: the sentence is read without it.
  const line = kin !== null ? text.replace(kin.said, '') : text;
  const nameFor = PROSE_NAME_FOR.exec(line);
  // "referral for Behavioral Health Services": a service, not a person.
  const personFor = nameFor && !/\b(?:Services?|Health|Treatment|Care|Program|Center|Centre|Recovery|Detox|Residential|Outpatient|Benefits)\b/.test(nameFor[1]!) ? nameFor : null;
  const nameDate = PROSE_NAME_DATE.exec(line);
  const nameDob = proseNameDob(line) ?? PROSE_NAME_IS.exec(line) ?? PROSE_KIN_IS.exec(line) ?? personFor ?? PROSE_NAME_ARRIVING.exec(line) ?? PROSE_NAME_ABOUT.exec(line) ?? vobForName(line) ?? PROSE_WRITER_KIN_OF.exec(line) ?? (PARENT_HOLDS_PLAN.test(line) ? null : PROSE_PARENT_IS.exec(line)) ?? PROSE_NAME_REFERRED.exec(line) ?? nameDate;
  // "Need VOB - Shawna Begay 12/22/97, PO Box ...": the date right after the client's name is the birth date.
  if (nameDate && nameDob === nameDate && !found.some((p) => p.field === 'clientDob' || p.field === 'dob')) found.push({ field: 'clientDob', value: nameDate[2]! });
  // "Rosalind Abernathy - Humana, card attached": the client, then the payer.
  const namePayer = !nameDob ? PROSE_NAME_THEN_PAYER.exec(line) : null;
  if (namePayer && startsWithKnownPayer(namePayer[2]!)) found.push(pairOf('clientName', '', namePayer[1]!), { field: 'payer', value: namePayer[2]!.trim() });
  // "put us down as the referral - Gallatin Valley Recovery Center": a center's name is no client's.
  if (nameDob && !CENTER_WORD.test((nameDob[1] ?? '').split(/\s+/).pop() ?? '')) found.push(pairOf('clientName', '', nameDob[1] ?? ''));
  const referral = PROSE_REFERRAL.exec(line) ?? (/referr|sending|on behalf|refiri|recomm?end|indicated|mand|\bus\s+(?:here\s+)?at\b|\b(?:told|asked|instructed)\s+(?:me|us)\s+to\b/i.test(line) ? PROSE_REFERRING.exec(line) : null);
  const referrer = referral?.slice(1).find((g) => g !== undefined);
  // "on behalf of Lakeview High School's student support team": the school, not its possessive.
  if (referrer && !/^(?:We|Our|I|Us|Him|Her|Them|They|He|She|It|You|The|This|A)$/.test(referrer)) found.push({ field: 'referredBy', value: referrer.replace(/['’]s$/, '') });

  // "her insurance is through her staffing agency out in Scottsdale, BCBS Arizona.": the plan named last, after where it comes from.
  const trailing = THROUGH_THEN_PLAN.exec(line);
  if (trailing && startsWithKnownPayer(trailing[1]!) && !found.some((p) => p.field === 'payer')) found.push({ field: 'payer', value: trailing[1]! });
  // "Cigna U4471902833": a payer the dictionary knows, then an ID-shaped word, no label.
  const bare = PROSE_PAYER_THEN_ID.exec(line);
  if (bare && !PROSE_PAYER_ID.test(line) && startsWithKnownPayer(bare[1]!)) {
    found.push({ field: 'payer', value: bare[1]! }, { field: 'memberId', value: bare[2]! });
  }
  const payerId = PROSE_PAYER_ID.exec(line);
  // "SEVIS ID", "Student ID", "Tribal census ID": only a payer's name, or words a plan's name has, name a payer.
  const payerWords = payerId?.[1] ?? '';
  const namesAPlan = (): boolean => PLAN_NAME_WORD.test(payerWords) || startsWithKnownPayer(payerWords);
  if (payerId && !/^(?:Member|Subscriber|Policy|Group|Insurance|Ins|The|Her|His|Their|Client|Patient|DOB)$/i.test(payerWords.split(/\s+/).pop() ?? '') && namesAPlan()) {
    found.push({ field: 'payer', value: (payerId[1] ?? '').replace(/^(?:and|with|has|her|his|the)\s+/i, '') });
    found.push({ field: 'memberId', value: payerId[2] ?? '' });
  }
  const addr = PROSE_ADDRESS.exec(line);
  // "lives at home with her at 3904 Prairie Rose Drive ...": the address is after the last "at".
  if (addr) found.push({ field: 'address', value: (addr[1] ?? '').replace(/^\D*?\bat\s+(?=\d)/, '') });
  const onBack = /\b(?:back|card)\b/i.test(line);
  const backSays = onBack ? BACK_OF_CARD_SAYS.exec(line) : null;
  // "The phone for Mass General Brigham is 855-555-0117": a number said to be a plan's the directory knows.
  const forPlan = PHONE_FOR_NAMED.exec(line);
  const planPhone = PROSE_PLAN_PHONE.exec(line) ?? PROSE_CALL_THE_PLAN.exec(line) ?? PROVIDERS_LINE_SAID.exec(line) ?? (forPlan && namesKnownPayer(forPlan[1]!, 8) ? [forPlan[0], forPlan[2]!] : null) ?? (onBack ? (PROSE_BACK_OF_CARD_PHONE.exec(line) ?? PHONE_THEN_BACK_OF_CARD.exec(line)) : null);
  if (planPhone) found.push({ field: 'insPhone', value: planPhone[1]! });
  else if (backSays) found.push({ field: 'insPhone', value: backSays[2]! });
  // An address written straight after the client's name or date of birth, with no phrase.
  // "Priya Chandramouli, DOB 4/11/1990, 415 S Atherton St, Apt 3B, State College, PA 16801": a unit line too.
  const embedded = !addr && (nameDob || PROSE_BORN.test(line) || /\bDOB\b/i.test(line)) ? (EMBEDDED_ADDRESS.exec(line) ?? NUMBER_TO_ZIP.exec(line)) : null;
  if (embedded) {
    if (isWholeAddress(embedded[1] ?? '')) found.push({ field: 'address', value: embedded[1] ?? '' });
  }
  // "She rents a small house at 1207 Ninth Street NW, Canton, Ohio 44703": a whole address in a sentence about where the client lives.
  if (!found.some((p) => sameFieldKey(p.field) === 'address')) {
    const home = residenceAddress(line);
    if (home !== null) found.push({ field: 'address', value: home });
  }
  // "Kaiser doesn't really have a member ID on the card, it's the MRN - hers is 11004872935": the chart number, said.
  const mrn = /\bMRN\b[^.\d]{0,30}?\b(\d{6,13})\b/.exec(line);
  if (mrn && !found.some((p) => p.field === 'mrn')) found.push({ field: 'mrn', value: mrn[1]! });
  // "Salish Sound Recovery did his assessment, and they are the ones referring him": the one center a referral sentence names.
  if (!found.some((p) => p.field === 'referredBy')) {
    const center = referrerInSentence(line);
    const asked = center === null ? centerThatAskedToSend(line) : null;
    if (center !== null) found.push({ field: 'referredBy', value: center });
    else if (asked !== null) found.push({ field: 'referredBy', value: asked, inferred: true });
  }
  // "Medicaid thru Louisiana Healthcare Connections": the programme, then the plan that runs it.
  const runBy = /^(?:(?:his|her|their)\s+)?(?:medicaid|medicare|insurance|ins|coverage)\s+(?:thru|through|via|with)\s+(.+?)[.,;]?$/i.exec(line.trim());
  if (runBy && startsWithKnownPayer(runBy[1]!)) found.push({ field: 'payer', value: runBy[1]! });
  // "He is on his wife Keisha Whitlow's Arkansas Blue Cross through her state job": the plan after the holder's name.
  // (A programme's name, "Ana's Medicaid", is left to the rules that read the plan running it.)
  const holdersPlan = /\p{Lu}\p{Ll}+['’]s\s+(\p{Lu}[\w&'-]*(?:\s+(?:of\s+|&\s+|and\s+)?\p{Lu}[\w&'-]*){0,7})/u.exec(line);
  if (holdersPlan && !found.some((p) => p.field === 'payer') && namesKnownPayer(holdersPlan[1]!, 8) && !/^(?:medicaid|medicare|medi-cal)\b/i.test(holdersPlan[1]!)) found.push({ field: 'payer', value: holdersPlan[1]! });
  // "It's Horizon Blue Cross Blue Shield of New Jersey": only a payer the reader knows.
  const itIs = /(?:^|[.!]\s+)(?:It['’]s|It\s+is)\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&.'-]*){0,7})/.exec(line)?.[1]?.split(/\.(?:\s|$)/)[0];
  if (itIs && findPayers(itIs).some((p) => p.edits === 0)) found.push({ field: 'payer', value: itIs });
  // "the plan is Blue Cross Blue Shield of Illinois, a PPO I think": only a payer the reader knows.
  const planIs = /\b(?:the|his|her|their|my)\s+plan\s+is\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|&\s+|and\s+)?[A-Z][\w&.'-]*){0,7})/.exec(line)?.[1]?.split(/\.(?:\s|$)/)[0];
  if (!itIs && planIs && findPayers(planIs)[0]?.edits === 0 && findPayers(planIs)[0]?.position === 0) found.push({ field: 'payer', value: planIs });
  // "covered as a dependent on his father's plan ... with Blue Cross NC": a payer the reader knows after "with".
  // So does one set off by dashes: "He bought his own plan this year - Oscar Health - so ...".
  const withPayer = !itIs && !planIs && /\b(?:covered|dependent|plan|policy|insured)\b/i.test(line) ? /\bwith\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.'-]*){0,6})|\s[-–—]\s+((?:[A-Z][\w&.'-]*)(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.'-]*){0,6})\s+[-–—]\s/.exec(line)?.slice(1).find((g) => g !== undefined)?.split(/\.(?:\s|$)/)[0] : undefined;
  if (withPayer && startsWithKnownPayer(withPayer) && !found.some((p) => p.field === 'payer')) found.push({ field: 'payer', value: withPayer });
  // "on his partner's ConnectiCare plan": a payer the reader knows, named as the plan's kind.
  const ownersPlan = OWNERS_NAMED_PLAN.exec(line)?.[1];
  // ("his Medicare Advantage plan" says what kind of plan, not whose: only a plan's own name.)
  if (ownersPlan && startsWithKnownPayer(ownersPlan) && !/^(?:medicare|medicaid|medi-cal|blue\s+(?:cross|shield))\b/i.test(ownersPlan) && !found.some((p) => p.field === 'payer')) found.push({ field: 'payer', value: ownersPlan });
  // "I work for the school district, and it's through Blue Cross Blue Shield of Texas": a plan the directory knows, after "it's through".
  const through = /\b(?:it['’]s|it\s+is|that['’]s)\s+(?:through|with)\s+(\p{Lu}[\p{L}&.'’-]*(?:\s+(?:of\s+|&\s+|and\s+)?\p{Lu}[\p{L}&.'’-]*){0,6})/u.exec(line)?.[1];
  if (through && namesKnownPayer(through, 8) && !found.some((p) => p.field === 'payer')) found.push({ field: 'payer', value: through.replace(/\.$/, '') });
  const payer = PROSE_PAYER.exec(line);
  // "He has Anthem. I'll send the card": the payer ends with its sentence.
  const payerName = (payer?.[1] ?? '').split(/(?<=[a-z]{2})\.\s+/)[0] ?? '';
  // "covered on his DAD'S employer plan": a person's possessive, not a payer.
  if (payer && !/^(?:A|An|The|No|Any|Her|His|Their|Insurance|DOB|Member)$/.test(payerName) && !/['’]s\b/i.test(payerName) && !hasRelationshipWord(payerName)) found.push({ field: 'payer', value: payerName });
  const lead = /^(?:(?:both|all|they)\s+(?:were|are)|and|also|the|her|his|their|my|our|she|he|they|both|all)\s+/i;
  // "She was born 11/30/1983 and her address is ...": a new subject after "and" is its own sentence.
  // "His mom's name is Paula Embry and she is the policy holder" is one statement, not two sentences.
  const kinHolder = /name\s+is/i.test(line) ? KIN_NAMED_HOLDER.exec(line) : null;
  if (kinHolder) found.push({ field: 'subscriberName', value: `${kinHolder[2]} (${kinHolder[1]})` });
  const sentences = (kinHolder ? line.replace(kinHolder[0], ' ') : line).split(/(?<=(?:[a-z0-9)]{2}|\s\d)[.!?;])\s+|,?\s+and\s+(?=(?:her|his|their|she|he|they|the)\s)/i);
  for (let k = 0; k < sentences.length; k++) {
    // "She's the policyholder -- actually no, ... it's her dad's plan": the words after the take-back stand.
    const takenBack = [...sentences[k]!.matchAll(SENTENCE_TAKEN_BACK)].pop();
    const sentence = takenBack ? sentences[k]!.slice(takenBack.index! + takenBack[0].length) : sentences[k]!;
    // "I had her DOB wrong in my first email. It is 03/28/1991, not 03/18/1991.": the value may come in the next sentence.
    const corrected = correctionSentence(sentence) ?? (k + 1 < sentences.length && WRONG.test(sentence) && !RIGHT_VALUE.test(sentence) ? correctionSentence(`${sentence} ${sentences[k + 1]}`) : null);
    if (corrected !== null) {
      found.push(...corrected);
      if (!RIGHT_VALUE.test(sentence)) k++;
      continue;
    }
    // "University of Utah Health Plans through his dad's job.": the plan's name alone before whose job it comes with.
    const thruJob = THRU_KIN_JOB.exec(sentence);
    const planThru = thruJob ? sentence.slice(0, thruJob.index).trim() : '';
    // ("Aetna through her husband's job - Luis Ventura is the subscriber (husband)": what follows is read too.)
    if (thruJob && planThru !== '' && !/^(?:ins|insurance|payer|carrier)\s/i.test(planThru) && namesKnownPayer(planThru, 8)) {
      found.push({ field: 'payer', value: planThru });
      if (/^\s+\S+\s+\S+\s+\S+['’]?s?\s+(?:job|work|employer)\W*$/i.test(thruJob[0])) {
        found.push({ field: 'relOfSubscriber', value: thruJob[1]! });
        continue;
      }
    }
    const relationOf = (text: string) => relationSentence(text.replace(lead, (w) => (/^(?:she|he|they|her|his|their)\s/i.test(w) ? w : '')));
    // "It is his father's plan: subscriber is Anders Holmgren (father).": a sentence, then a colon and what it says.
    const colon = sentence.indexOf(':');
    if (colon > 0 && sentence.slice(0, colon).trim().split(/\s+/).length >= 4 && SENTENCE_VERB.test(sentence.slice(0, colon))) {
      const after = parseLine(sentence.slice(colon + 1));
      const afterPairs = after.kind === 'pairs' ? after.pairs : [];
      const before = relationOf(sentence.slice(0, colon)) ?? [];
      // (Only for who holds the plan: "... for Keon Marsh (DOB 5/4/1998): the group # should be ..." is a correction's own business.)
      if ([...before, ...afterPairs].some((p) => RELATION_FIELDS.has(p.field))) {
        found.push(...before.filter((p) => !afterPairs.some((a) => sameFieldKey(a.field) === sameFieldKey(p.field))), ...afterPairs);
        continue;
      }
    }
    // "His card is attached - he's the policy holder": the clause after a dash is a sentence of its own.
    const stated = relationOf(sentence) ?? (/\s[-–—]\s/.test(sentence) ? relationOf(sentence.split(/\s[-–—]\s/).pop()!) : null);
    if (stated !== null) {
      found.push(...stated);
      continue;
    }
    const whole = parseLabelled(sentence.replace(/[.!?;]+$/, '').replace(lead, ''), 0);
    if (whole !== null) {
      found.push(...whole.filter((p) => p.field !== 'ignore' && p.value.length > 0));
      continue;
    }
    // Clauses: "She has Aetna, member ID W123456789".
    // "Blue Cross and Blue Shield of Montana": an "and" before a capital joins a name, it starts no clause.
    for (const clause of sentence.split(/,\s+|\s+and\s+(?!\p{Lu})/u)) {
      // "..., Pocatello, ID 83201": Idaho and its ZIP after a city, not a member ID.
      if (/^ID\s+\d{5}(?:-\d{4})?\W*$/.test(clause.trim())) continue;
      const ps = parseLabelled(clause.replace(/[.!?;]+$/, '').replace(lead, ''), 0);
      if (ps !== null) {
        found.push(...ps.filter((p) => p.field !== 'ignore' && p.value.length > 0));
        continue;
      }
      // "ins BCBSM thru his dad's work": a shorthand payer, and whose job the plan comes with.
      const thru = THRU_KIN_JOB.exec(clause);
      const shorthand = /^(?:ins|insurance|payer|carrier)\s/i.test(clause) ? spaceSeparatedPair(thru ? clause.slice(0, thru.index) : clause.replace(/[.!?;]+$/, '')) : null;
      if (shorthand !== null && shorthand.length === 1 && shorthand[0]!.field === 'payer' && namesKnownPayer(shorthand[0]!.value)) {
        found.push(shorthand[0]!, ...(thru ? [{ field: 'relOfSubscriber' as const, value: thru[1]! }] : []));
        continue;
      }
      // "..., provider line 1-800-555-0178, he's his own policy holder, ...": who holds it, as a clause.
      const holder = /^(?:she|he|they|pt|client|patient|it['’]?s|it\s+is)\b/i.test(clause.trim()) ? relationOf(clause) : null;
      if (holder !== null && !found.some((p) => RELATION_FIELDS.has(p.field))) {
        found.push(...holder);
        continue;
      }
      // "Mom texted us a picture of the card - member ID is 1049 2283 7710.": a typed value in the clause after a dash.
      // (Only after words of a sentence: "ins Ambetter eff 10/1 - mbr# U7103" is a shorthand row, read by other rules.)
      const dashAt = / [-–—] (?!.* [-–—] )(.+)$/u.exec(clause);
      const dashed = dashAt && PROSE_WORD.test(clause.slice(0, dashAt.index)) ? dashAt[1] : undefined;
      const typed = dashed === undefined ? null : parseLabelled(dashed.replace(/[.!?;]+$/, ''), 0);
      if (typed !== null) found.push(...typed.filter((p) => TYPED.has(p.field) && p.value.length > 0));
    }
  }
  // "... a dependent on her mother's plan, Highmark Blue Shield; her mother is Lakshmi Chandramouli.": the relative whose plan it is, named after.
  const holderRel = found.find((p) => p.field === 'relOfSubscriber')?.value;
  if (holderRel !== undefined && !found.some((p) => p.field === 'subscriberName')) {
    const named = new RegExp(`\\b(?:[Hh]er|[Hh]is|[Tt]heir)\\s+${escapeRegExp(holderRel)}\\s+is\\s+(\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’-]*)){1,3})(?=[.,;!]?(?:\\s|$))`, 'u').exec(line);
    if (named && !hasRelationshipWord(named[1]!)) found.push({ field: 'subscriberName', value: `${named[1]} (${holderRel})` });
  }
  // "She was born 11/30/1983": only when no sentence gave the date of birth already.
  const born = PROSE_BORN.exec(line);
  if (born && !found.some((p) => sameFieldKey(p.field) === 'dob')) found.push({ field: 'dob', value: born[1] ?? '' });
  // Keywords and values typed into a sentence, for the fields nothing above read.
  for (const sentence of sentences) {
    for (const p of sentenceRunOnPairs(sentence)) if (!found.some((f) => sameFieldKey(f.field) === sameFieldKey(p.field))) found.push(p);
  }
  // "the subscriber is Paulo Carvalho (husband, DOB 3/2/1983)": a birth date in brackets beside a relative is the relative's.
  for (const p of found) {
    if (sameFieldKey(p.field) !== 'dob') continue;
    const bracket = [...line.matchAll(/\(([^()]*)\)/g)].find((m) => m[1]!.includes(p.value));
    if (bracket && KIN_OR_HOLDER.test(bracket[1]!)) p.field = 'subscriberDob';
  }
  // "My name is Mike, I'm the house manager at ...", "My name is Darius Jr. I am writing for my father, Darius
  // Whitfield Sr.": the writer introducing themselves as staff, or beside the relative the mail is about, is no client.
  const own = MY_NAME_IS.exec(line)?.[1];
  const isName = (p: LinePair): boolean => sameFieldKey(p.field) === 'name';
  // ("My name is Laurie Kessler and I'm Gerald's daughter": a relative of the one the mail is about.)
  const ownIs = (p: LinePair): boolean => isName(p) && (p.value.trim() === own || p.value.trim().startsWith(`${own} and `));
  if (own !== undefined && (STAFF_INTRODUCTION.test(line) || WRITER_IS_KIN.test(line) || found.some((p) => isName(p) && !ownIs(p)))) {
    for (let k = found.length - 1; k >= 0; k--) if (ownIs(found[k]!)) found.splice(k, 1);
  }
  for (const p of found) p.prose = true;
  return found;
}

/** Pairs from table cells: "Label | value" cells, or cells that hold "Label: value" themselves. */
function pairsFromCells(cells: string[]): LinePair[] {
  const pairs: LinePair[] = [];
  let i = 0;
  while (i < cells.length) {
    const cell = cells[i] ?? '';
    if (cell.length === 0) {
      i++;
      continue;
    }
    const asLabel = bareLabel(cell);
    if (asLabel !== null) {
      // Empty spacer cells may stand between a label and its value.
      let v = i + 1;
      while (v < cells.length - 1 && (cells[v] ?? '').length === 0) v++;
      const next = cells[v];
      // "G#: -- | Ph#: 1.888...": a label whose value is a blank mark does not take the next labelled cell.
      const nextLabelled = next !== undefined && /^[^:]{1,30}:\s*\S/.test(next) && bareLabel(next.slice(0, next.indexOf(':'))) !== null;
      // "Sent by | Hamlin County Adult Drug Court": a long cell whose words only touch a label of no
      // field ("drug") is the value, not the next label.
      const nextLabel = next === undefined ? null : bareLabel(next);
      // ("Referral Source | Self-Referral (Website)": a value that says there was none, in a label's words.)
      const nextIsLabel = nextLabel !== null && (nextLabel !== 'ignore' || next!.trim().split(/\s+/).length <= 3) && !(asLabel === 'referredBy' && /^\s*self[\s-]/i.test(next!));
      if (next !== undefined && !nextLabelled && (!nextIsLabel || next.length === 0)) {
        pairs.push(pairOf(asLabel, cell, next));
        i = v + 1;
        continue;
      }
      i++;
      continue;
    }
    const inner = parseLabelled(cell, 0);
    if (inner !== null) pairs.push(...inner);
    // "BlueCross BlueShield of Tennessee | ID: ZXP411820937 | Grp: 0099214": the plan's name, unlabelled, opens the row.
    else if (pairs.length === 0 && cells.slice(0, i).every((c) => c.length === 0) && namesKnownPayer(cell, 7) && cells.slice(i + 1).some((c) => /:/.test(c))) pairs.push({ field: 'payer', value: cell });
    i++;
  }
  return pairs.filter((p) => p.field !== 'ignore');
}

/**
 * Cells set apart by runs of spaces: three or more, or two far apart on a line of words alone
 * ("INSURED NAME      REL TO PATIENT"; not "Label:   value" nor "5. MEMBER ID   [M][H][X]...").
 */
const spacedColumns = (clean: string): boolean => /\S {2,}\S.* {2,}\S/.test(clean) || (!/[:\d[\]]/.test(clean) && /\S {6,}\S/.test(clean));

/** The field of each cell when the line is a table header row (labels only), else null. */
export function headerRowFields(line: string): (FieldKey | null)[] | null {
  const clean = cleanLine(line).replace(ORDER_LEAD_IN, '');
  let cells: string[];
  if (clean.includes('\t')) cells = clean.split('\t');
  else if ((clean.match(/\|/g) ?? []).length >= 2) cells = clean.replace(/^\||\|$/g, '').split('|');
  else if (spacedColumns(clean)) cells = clean.split(/ {2,}/);
  else if ((clean.match(/;/g) ?? []).length >= 3) cells = clean.split(';');
  else if ((clean.match(/\s\/\s/g) ?? []).length >= 3) cells = clean.split(/\s\/\s/);
  else return null;
  cells = cells.map((c) => c.trim());
  const fields = cells.map((c) => (c.length === 0 ? null : bareLabel(c)));
  const known = fields.filter((f) => f !== null && f !== 'ignore').length;
  const nonEmpty = cells.filter((c) => c.length > 0).length;
  // A census sheet's own columns ("Auth #", "Notes", "LOC") are labels too, of nothing the record
  // holds, beside five of the request's at least.
  const recognised = fields.filter((f) => f !== null).length;
  if (known < 2 || (known >= 5 ? recognised : known) + 1 < nonEmpty) return null;
  // "Subscriber Name | Anil Desai | Relationship to Subscriber | (blank)": label, value, label: pairs.
  if (fields[0] && fields[0] !== 'ignore' && fields[1] === null && (cells[1] ?? '').length > 0 && fields[2]) return null;
  // Labels only: a cell with digits is a value ("Carrier Phone   716-555-0123  (provider line)"),
  // and a header does not name one field twice.
  if (cells.some((c, i) => fields[i] === null && /\d/.test(c))) return null;
  const named = fields.filter((f): f is FieldKey => f !== null && f !== 'ignore');
  if (new Set(named).size < named.length) return null;
  // A header names mostly different fields; "Name | Jane" pairs are not a header.
  if (cells.length < 3 && known < 2) return null;
  return fields;
}

/** "format:", "order is:", "usual order -": the words that put a header row's labels on a line. */
const ORDER_LEAD_IN = /^\s*(?:(?:the\s+)?(?:usual\s+)?(?:format|order|columns?|cols|fields)(?:\s+is)?)\s*[:=-]\s*/i;

export type RowStyle = 'tab' | 'pipe' | 'spaces' | 'semicolon' | 'slash';

/** The style of a header row's cells, as headerRowFields split them. */
export function rowStyleOf(line: string): RowStyle {
  const clean = cleanLine(line);
  if (clean.includes('\t')) return line.includes('|') ? 'pipe' : 'tab';
  if (spacedColumns(clean)) return 'spaces';
  if ((clean.match(/;/g) ?? []).length >= 3) return 'semicolon';
  return (clean.match(/\s\/\s/g) ?? []).length >= 3 ? 'slash' : 'spaces';
}

/** Cells of a data row in the same style as the header row. */
export function rowCells(line: string, style: RowStyle): string[] {
  const clean = line.replace(/\u00a0/g, ' ').trim();
  if (style === 'tab') return clean.split('\t').map((c) => c.trim());
  if (style === 'pipe') return clean.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  if (style === 'semicolon') return clean.split(';').map((c) => c.trim());
  if (style === 'slash') return clean.split(/\s\/\s/).map((c) => c.trim());
  return clean.split(/ {2,}/).map((c) => c.trim());
}
