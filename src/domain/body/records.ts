/**
 * Groups a segment's labelled values into one record per client and normalises each record to
 * the contract's value formats. A new client starts at an explicit boundary ("Client 2", a new
 * table row), when an identifying field (name, DOB, member ID) repeats with another value, or
 * when any field repeats after a blank line.
 */
import type { Relationship } from '../../../schemas/vob-record';
import type { BodyRequest } from './body-request';
import type { FieldHit, HitField } from './field-hits';
import { correctPayerSpelling, findPayers, samePayer, startsWithKnownPayer } from '../card/payers';
import { composeAddress, parseCityStateZip, stateNamedIn } from './addresses';
import { parseDate } from './dates';
import { normalizeGroupNumber, normalizeMemberId } from './identifiers';
import { CAPITALISED_NAME, cleanOrgName, cleanPersonName } from './names';
import { hasCenterWord } from './label-lines';
import { looksLikeFormattedPhone, parsePhone } from './phones';
import { isPlaceholder, NO_REFERRING_CENTER } from './placeholders';
import { hasRelationshipWord, isSelfValue, parseRelationship, REL_LETTER } from './relationships';
import { isWriterTheClient, WRITER_MARKER, type Writer } from './writer';
import { nameTokens as nameTokensOf } from '../answer-matching';
import { escapeRegExp } from '../escape-regexp';

export type RawRecord = Map<HitField, string>;

const ANCHORS: ReadonlySet<HitField> = new Set<HitField>(['clientName', 'firstName', 'lastName', 'clientDob', 'memberId']);
/** Anchors whose repetition alone starts a new client; a second member ID (Medicaid CIN and BIC) does not. */
const HARD_ANCHORS: ReadonlySet<HitField> = new Set<HitField>(['clientName', 'firstName', 'lastName', 'clientDob']);

function sameValue(a: string, b: string): boolean {
  const n = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (n(a) === n(b)) return true;
  // "Hollis Dunmore" in the prose, "Hollis R. Dunmore" in the form: one person, with and without the middle initial.
  const initialsOut = (s: string): string => s.toLowerCase().replace(/\s+[a-z]\.?(?=\s)/g, ' ').replace(/[^a-z0-9]/g, '');
  if (/^\p{Lu}/u.test(a) && /^\p{Lu}/u.test(b) && /\s/.test(a) && /\s/.test(b) && initialsOut(a) === initialsOut(b)) return true;
  // "Chandramouli, Priya S" and "Priya S Chandramouli": one name in the two orders.
  if (!a.includes(',') && !b.includes(',')) return false;
  const words = (s: string): string => s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0).sort().join(' ');
  return words(a) === words(b);
}

/** One person's name, or the same with a middle name written out ("Aaron Szabo", "Aaron Michael Szabo"). */
function sameName(a: string, b: string): boolean {
  if (sameValue(a, b)) return true;
  const words = (s: string): string[] => s.trim().toLowerCase().split(/\s+/);
  const [x, y] = [words(a), words(b)];
  if (!/^\p{Lu}/u.test(a.trim()) || !/^\p{Lu}/u.test(b.trim()) || x.length < 2 || y.length < 2 || x.length === y.length) return false;
  return x[0] === y[0] && x[x.length - 1] === y[y.length - 1];
}

/**
 * Fields whose value read from a sentence yields to a labelled one: the plan is often described
 * in prose ("the state's foster-care Medicaid program") before the form names it.
 */
const PROSE_YIELDS: ReadonlySet<HitField> = new Set<HitField>(['payer', 'insPhone', 'servicePhone']);

/** A longer name that holds a short one as a word, or spells an acronym with its capitals' initials. */
export function namesAgain(longer: string, short: string): boolean {
  const s = short.trim().replace(/^the\s+/i, '');
  if (s.length < 2 || longer.trim().length <= s.length) return false;
  if (new RegExp(`(?:^|\\s)${escapeRegExp(s)}(?:\\s|$)`).test(longer)) return true;
  const initials = longer.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return /^\p{Lu}{2,6}$/u.test(s) && initials.includes(s);
}

/** Groups hits into raw records, one per client. */
export function groupHits(hits: FieldHit[]): RawRecord[] {
  const records: RawRecord[] = [];
  let cur: RawRecord = new Map();
  const hasAnchor = (r: RawRecord): boolean => [...r.keys()].some((k) => ANCHORS.has(k));
  // Fields of the current record whose value was read from a sentence.
  let fromProse = new Set<HitField>();
  // Fields whose value was inferred, not stated.
  let inferred = new Set<HitField>();
  for (const hit of hits) {
    let field = hit.field;
    if (hit.withdrawn) {
      cur.delete(field);
      fromProse.delete(field);
      inferred.delete(field);
      continue;
    }
    const existing = cur.get(field);
    // A second DOB right after the client's, without a break, is the subscriber's.
    if (field === 'clientDob' && existing !== undefined && !hit.afterBreak && !hit.newClient && !sameValue(existing, hit.value) && cur.has('subscriberName')) {
      field = 'subscriberDob';
    }
    const prior = cur.get(field);
    // "Correction: Member ID W..." replaces the value this client was given earlier; so does a
    // labelled value one read from a sentence ("His coverage is the state program." then
    // "Health plan: Superior HealthPlan").
    // A center named in a sentence yields to its fuller labelled name ("us at Bright Meadow", then "Referral: Bright Meadow IOP").
    // ("CAPS is referring ...", then "Referred by: Sutterfield University CAPS"; "The CRC is referring", then "... Collegiate Recovery Community".)
    const fullerName = field === 'referredBy' && prior !== undefined && (hit.value.toLowerCase().startsWith(`${prior.toLowerCase()} `) || namesAgain(hit.value, prior));
    // ("Dr. Hertz is referring the patient", then "Referred by: Missouri Slope Family Medicine": a person said, the center labelled.)
    // ("The Behavioral Health Program is referring ...", then "Referring Agency: Painted Butte Tribal Health": so is a center's labelled name; "Submitted by: Gabriel Ortiz" is no center.)
    const centerOverPerson = field === 'referredBy' && prior !== undefined && hasCenterWord(hit.value) && !/^(?:(?:the|our|behavioral|mental|health|program|services?|center|clinic|hospital|treatment|recovery|medical|medicine|family|community|emergency|department|ed)\b\s*)+$/i.test(hit.value.trim());
    const labelledOverProse = fromProse.has(field) && (PROSE_YIELDS.has(field) || fullerName || centerOverPerson) && !hit.prose && !hit.newClient && prior !== undefined && !sameValue(prior, hit.value);
    // "Pecan Grove Recovery ... told me to send it here", then "Referred by: Lantern Row Sober Living": the stated referral.
    const statedOverInferred = inferred.has(field) && !hit.inferred && !hit.newClient && prior !== undefined;
    // ("I'm the policy holder." then "Policy holder: me, Bernadette O'Connell-Hart": the writer, now by name.)
    const writerNamedLater = field === 'subscriberName' && prior === WRITER_MARKER && /^\s*(?:me|myself)\s*(?:,|[-–—]|\()\s*\p{Lu}/u.test(hit.value);
    if ((hit.override || labelledOverProse || statedOverInferred || writerNamedLater) && prior !== undefined && !isPlaceholder(hit.value)) {
      cur.set(field, hit.value);
      fromProse.delete(field);
      inferred.delete(field);
      continue;
    }
    let split = false;
    // A new client after values that name no client ("Same insurance for all three: ...", then
    // "#1 Linda Ortiz"): those values are a block of their own, shared with every client later.
    // ("PATIENT: Jonas Halvorsen, 41 y/o" in a handoff, then the VOB block's "Full legal name: Jonas E. Halvorsen": one client.)
    const namedAgain = (field === 'clientName' && prior !== undefined && sameName(prior.split(',')[0]!, hit.value.split(',')[0]!)) ||
      // "Insurance: Molina Healthcare of Washington", then "Molina ID: 108442719": the same plan by a shorter name.
      (field === 'payer' && prior !== undefined && samePayer(prior, hit.value));
    if (hit.newClient && cur.size > 0 && !namedAgain) split = true;
    else if (prior !== undefined && !sameValue(prior, hit.value) && !namedAgain) {
      const priorEmpty = isPlaceholder(prior) || namesNoCenter(field, prior);
      if (HARD_ANCHORS.has(field) && !priorEmpty) split = true;
      else if (hit.afterBreak && !priorEmpty && hasAnchor(cur)) split = true;
    }
    if (split) {
      records.push(cur);
      cur = new Map();
      fromProse = new Set();
      inferred = new Set();
    }
    const now = cur.get(field);
    // "Lead Source: Website chat" then "Referring Facility: Oak Hollow ...": the center replaces a source that names none.
    // "Hollis Dunmore" in a sentence, then "Client: Hollis R. Dunmore": the fuller form of the same name.
    const words = (v: string): number => v.trim().split(/[\s,]+/).filter((w) => w.length > 0).length;
    const fullerForm = field === 'clientName' && now !== undefined && words(hit.value) > words(now) && sameName(now, hit.value);
    if (now === undefined || fullerForm || ((isPlaceholder(now) || namesNoCenter(field, now)) && !isPlaceholder(hit.value) && !namesNoCenter(field, hit.value))) {
      cur.set(field, hit.value);
      if (hit.prose) fromProse.add(field);
      if (hit.inferred) inferred.add(field);
    }
  }
  if (cur.size > 0) records.push(cur);
  return records;
}

/** "my wife Megan Nash", "Mom Linda Park", "Linda Park mother": a relation and a name with no separator. */
function relationBesideName(part: string): { relation: string; name: string } | null {
  const words = part.replace(/^(?:my|his|her|their|the|pt['’]?s|client['’]?s|patient['’]?s)\s+/i, '').split(/\s+/);
  for (let k = 1; k <= 2 && k < words.length; k++) {
    const head = words.slice(0, k).join(' ');
    const tail = words.slice(k).join(' ');
    if (hasRelationshipWord(head) && !hasRelationshipWord(tail) && CAPITALISED_NAME.test(tail)) return { relation: head, name: tail };
    const lead = words.slice(0, words.length - k).join(' ');
    const last = words.slice(words.length - k).join(' ');
    if (hasRelationshipWord(last) && !hasRelationshipWord(lead) && CAPITALISED_NAME.test(lead) && /^[a-z]/.test(last)) return { relation: last, name: lead };
  }
  return null;
}

/** Subscriber text such as "Mary Doe (Mother)", "Mother - Mary Doe", "Self". */
/** Lower-case words no name holds: "Lexi is texting him", "name not provided", "student plan", "the undersigned". */
const NOT_A_NAME_WORD = /(?:^|[\s–—-])(?:not|no|is|are|was|were|will|would|send|sending|sent|provided|unknown|yet|have|has|had|the|you|your|card|plan|name|student|texting|him|her|them|his|their|undersigned|employer|job|work|insurance|policy|she['’]ll|he['’]ll)(?=$|[\s.,!?])/;

/** A titled person or a first and last name (no word of a place's name) before "of/from <Center>". */
const PERSON_OF_CENTER = /^(?:(?:Ms|Mr|Mrs|Dr|Agent|Officer)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?|(?!(?:University|College|Center|Centre|Bank|Department|Dept|County|State|City|Church|Hospital|Institute|School|Office|Division|Board|House|Friends|Sisters|Brothers)\b)\p{Lu}\p{Ll}+\s+(?!(?:University|College|Center|Centre|Bank|Department|County|State|City|Church|Hospital|Institute|School|Office|Division|Board|House)\b)\p{Lu}\p{Ll}+)\s+(?:of|from)\s+(?=\p{Lu}[\p{L}'’-]+\s+\p{Lu})/u;

/** "Ms. Pickeral", "Mr. O'Neal": a person by title and surname alone. */
const TITLED_SURNAME = /^(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u;

function parseSubscriber(raw: string): { name: string | null; relationship: Relationship | null; self: boolean } {
  const t = raw.trim();
  // "Dominic's own. He is the recipient on his own Medicaid. His grandmother ... is the case head":
  // a first sentence that says the client holds it; what follows explains.
  const first = t.split(/(?<=\p{Ll}{2})[.;]\s+(?=\p{Lu})/u)[0]!.trim();
  if (isSelfValue(t) || isSelfValue(first) || /^\p{Lu}\p{Ll}+['’]s\s+own\b(?:\s+(?:plan|policy|insurance|coverage))?$/u.test(first)) return { name: null, relationship: 'self', self: true };
  // "Jane Doe (self)", "Jane Doe - same as client"
  const parts = t.split(/\s*[()[\];]\s*|\s+[-–—|/]\s+|\s*,\s*|\s*:\s*|(?<=\p{Ll}['’]?s?)(?<!(?:^|\s)(?:Mr|Mrs|Ms|Dr|Jr|Sr))\.\s+(?=\p{Lu})/u).map((x) => x.trim()).filter((x) => x.length > 0);
  let relationship: Relationship | null = null;
  // The first relation said to the client wins ("her stepdad (her mom's husband)"); one said to
  // the writer ("my husband Viliami (Sione's uncle)") only when no other is said.
  let saidToWriter = false;
  const relate = (relation: string, part: string): void => {
    const toWriter = /^my\s/i.test(part);
    if (relationship !== null && !(saidToWriter && !toWriter)) return;
    relationship = parseRelationship(relation, 'subscriber');
    saidToWriter = toWriter;
  };
  let self = false;
  const nameParts: string[] = [];
  for (const rawPart of parts) {
    // A date of birth written after the name is not part of it, nor a sentence after the part
    // ("her husband. They're separated but still ..."; "his father. Marcus Pike" keeps the name).
    // "his wife is the policy holder (Celeste Vukovich)": the relation, then what it says of them.
    const part = rawPart.replace(/^((?:his|her|their|my)\s+[\p{L}-]+)\s+(?:is|was)\s+(?:the\s+)?(?:primary\s+)?(?:policy\s*-?\s*holder|subscriber|insured|card\s*-?\s*holder)\b.*$/iu, '$1').replace(/\s*\b(?:dob|d\.o\.b\.?|born|date of birth)\b.*$/i, '').replace(/(?<=\p{Ll}{2})\.\s+(?=\p{Lu}\S*(?:\s+\S+)*?\s+\p{Ll})\p{Lu}.*$/u, '').trim();
    if (part.length === 0) continue;
    // "Mateo himself", "Mr. Fontenot himself": the client, by name, holds the policy.
    if (/^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+(?:himself|herself|themselves|themself)$/u.test(part)) {
      relationship = 'self';
      self = true;
      continue;
    }
    const spoken = relationBesideName(part);
    if (spoken !== null) {
      relate(spoken.relation, part);
      nameParts.push(spoken.name);
      continue;
    }
    // "Ms. Pickeral (her own Medicaid)": the plan is the one the value's person holds.
    if (/^(?:his|her|their|my)\s+own\b(?:\s+[\p{L}-]+){0,3}$/iu.test(part)) {
      relationship = relationship ?? 'self';
      self = relationship === 'self';
      continue;
    }
    // "herself (Medicaid)": the plan beside the holder is no name.
    if ((self || relationship !== null) && startsWithKnownPayer(part) && part.split(/\s+/).length <= 4) continue;
    if (REL_LETTER.test(part)) {
      relationship = parseRelationship(part, 'client');
      self = relationship === 'self';
      continue;
    }
    // "Ann Ward", "Lee Brothers": a capitalised name whose surname is a kin word is a name.
    const kinSurname = CAPITALISED_NAME.test(part) && !hasRelationshipWord(part.split(/\s+/)[0]!) && !isSelfValue(part);
    if (!kinSurname && part.split(/\s+/).length <= 5 && (hasRelationshipWord(part) || /^(?:self|same)\b/i.test(part))) {
      if (isSelfValue(part) || /^(?:self|same)\b/i.test(part)) {
        relationship = 'self';
        self = true;
      } else relate(part, part);
      continue;
    }
    // "Mateo himself - state Medicaid": after the holder is known, a lower-case part is a note.
    // "her husband (federal employee, USPS)": after the relation, lower-case words and an agency's initials are a note.
    if ((self || nameParts.length > 0) && /^\p{Ll}/u.test(part) && /[A-Z]/.test(t)) continue;
    // "Cpl Shane T. Pruitt (husband), 2d MarDiv – DoD ID 1468023375": a unit and an ID after the name are no part of it.
    if (nameParts.length > 0 && (/^\d/.test(part) || /\b(?:DoD|ID|SSN|EDIPI|DBN)\b/.test(part))) continue;
    // ("Lars Halvorsen (patient's father; civilian employee, Defense Logistics Agency)": nor an employer, once name and relation are said.)
    if (relationship !== null && nameParts.join(' ').split(/\s+/).length >= 2 && part.split(/\s+/).length >= 2) continue;
    if (relationship !== null && nameParts.length === 0 && (/^\p{Ll}/u.test(part) || /^[A-Z]{2,5}$/.test(part))) continue;
    // "marisol, she's the policy holder": the client holds it.
    if (/^(?:she|he|they)(?:['’]s|\s+is|\s+are)\s+(?:the\s+)?(?:policy\s?-?holder|subscriber|insured|card\s?holder)\b/i.test(part)) {
      relationship = 'self';
      self = true;
      continue;
    }
    // "Trần Văn Minh (chồng / husband)": a word of another language beside the relation, no name.
    if (/^\p{Ll}+$/u.test(part) && parts.some((x) => CAPITALISED_NAME.test(x)) && parts.some((x) => hasRelationshipWord(x))) continue;
    // "participant (self)", "Insured: employee": the client named by role holds the policy.
    if (/^(?:the\s+)?(?:client|patient|pt|participant|member|employee|enrollee|beneficiary|resident|consumer|applicant|defendant|probationer|releasee|offender|recipient|youth)(?:\s+(?:himself|herself|themselves))?$/i.test(part)) {
      relationship = 'self';
      self = true;
      continue;
    }
    // ("(Plumbers Local 3)": a union's local, by its number, is no name either.)
    // (A rate's digit opens a name: "ET2 Cody L. Cole".)
    if (/^(?:dob|d\.o\.b|born)\b/i.test(part) || /\d{2,}|\s\S*\d/.test(part)) continue;
    // "(father - he's the union member)": a clause about the person, no part of the name.
    if (/^(?:he|she|they|it)(?:['’](?:s|re)|\s+(?:is|are|was|has|works))\b/i.test(part)) continue;
    // "(wife; she is our EAP participant and the employee on the plan)": commentary, no name.
    if (part.split(/\s+/).length > 5) continue;
    // "The policy holder is me, Patricia Alvarez", "mother (name TBD)": no part of a name.
    if (/^(?:me|myself|i|him|her|them)$/i.test(part) || isPlaceholder(part.replace(/^name\s+/i, ''))) continue;
    // "Lexi is texting him": a clause, not a name (lower-case words other than a surname's particles).
    if (NOT_A_NAME_WORD.test(part) || /^(?:he|she|they|it|i|we|this|that)\s+\p{Ll}/iu.test(part)) continue;
    nameParts.push(part);
  }
  // "Mary Doe" can be a surname pair with a comma ("Doe, Mary"): keep the written order.
  const name = cleanPersonName(nameParts.join(nameParts.length === 2 && /,/.test(t) && !parts.some(hasRelationshipWord) ? ', ' : ' '));
  return { name, relationship, self };
}

function nonEmpty(v: string | undefined): string | null {
  return v === undefined || isPlaceholder(v) ? null : v;
}

/** True when a phone label's leading word is the payer's name, a word of it, or its initials ("KP"). */
/** Plans whose lines the writer names by the contractor that runs them ("Humana Military provider line" for TRICARE). */
const CONTRACTORS: readonly (readonly [RegExp, RegExp])[] = [
  [/\btricare\b/i, /\b(?:humana\s+military|triwest|health\s*net\s+federal|international\s+sos)\b/i],
  [/\b(?:va\s+community\s+care|community\s+care\s+network|champva)\b/i, /\b(?:optum\s+serve|triwest)\b/i],
];

function labelNamesPayer(label: string, payer: string): boolean {
  if (CONTRACTORS.some(([plan, runs]) => plan.test(payer) && runs.test(label))) return true;
  // "CareFirst behavioral health (Magellan)": who manages the line, in brackets, is no part of whose it is.
  // ("anthem # on back of card": where on the card it is printed is no part of whose it is.)
  const words = label.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/\bon\s+(?:the\s+)?back(?:\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:insurance\s+)?card)?\b/g, ' ').replace(/['’]s\b/g, '').split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !/^(?:phone|ph|tel|telephone|number|no|fax|line|#|bh|mh|behavioral|behavioural|mental|health|provider|services?)$/.test(w));
  if (words.length === 0) return false;
  // "BCBS AZ behavioral health line" of "BCBS of Arizona": the directory knows both for one plan.
  const named = findPayers(label)[0];
  if (named !== undefined && named.position === 0 && samePayer(named.name, payer)) return true;
  const payerWords = payer.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  const initials = payerWords.filter((w) => !/^(?:of|the|and)$/.test(w)).map((w) => w[0]).join('');
  // "BCBSOK" of "Blue Cross and Blue Shield of Oklahoma": the plan's initials, then its state's code.
  const state = stateNamedIn(payer);
  const initialsAndState = state === null ? null : payerWords.filter((w) => !/^(?:of|the|and)$/.test(w) && !state.words.includes(w)).map((w) => w[0]).join('') + state.code.toLowerCase();
  return words.every((w) => payerWords.includes(w) || (w.length <= 4 && initials.startsWith(w)) || w === initialsAndState || (w.length >= 4 && payerWords.some((p) => p.startsWith(w))));
}

/** Fields written in words (names, places, payers), where a digit inside a word is OCR's misreading. */
const WORD_FIELDS: ReadonlySet<HitField> = new Set<HitField>(['clientName', 'firstName', 'middleName', 'lastName', 'subscriberName', 'subscriberFirst', 'subscriberLast', 'referredBy', 'payer', 'city']);

/** "A1buquerque", "Jacksonvi11e", "BL00M": a fax's OCR read l as 1 and o as 0 inside a word. */
function withLetterLookalikes(value: string): string {
  if (!/\p{L}[01]/u.test(value)) return value;
  return value
    .replace(/(?<=\p{L})1+(?=\p{Ll})/gu, (ones) => 'l'.repeat(ones.length))
    .replace(/(?<=\p{Ll})0+(?=\p{Ll})/gu, (z) => 'o'.repeat(z.length))
    .replace(/(?<=\p{Lu})0+(?=\p{Lu})/gu, (z) => 'O'.repeat(z.length));
}

const namesNoCenter = (field: HitField, value: string): boolean => field === 'referredBy' && NO_REFERRING_CENTER.test(value.trim());

/** Normalises a raw record to the contract's formats; `reference` is "today" for DOB checks. */
export function normalizeRecord(raw: RawRecord, reference: Date, writer?: Writer): BodyRequest {
  const get = (f: HitField): string | null => {
    const v = nonEmpty(raw.get(f));
    return v !== null && WORD_FIELDS.has(f) ? withLetterLookalikes(v) : v;
  };

  let clientName = get('clientName') !== null ? cleanPersonName(get('clientName') as string) : null;
  if (clientName === null) {
    const parts = [get('firstName'), get('middleName'), get('lastName')].filter((x): x is string => x !== null).map((x) => x.trim());
    if (get('firstName') !== null || get('lastName') !== null) clientName = cleanPersonName(parts.join(' '));
  }

  const dobRaw = get('clientDob');
  const dob = dobRaw === null ? null : parseDate(dobRaw, { birthDate: true, reference });

  let address = null;
  const street = get('clientAddress');
  if (street !== null) {
    const csz = get('cityStateZip');
    const fromCsz = csz !== null ? parseCityStateZip(csz) : { city: null, state: null, zip: null };
    address = composeAddress({
      street,
      line2: get('line2'),
      city: get('city') ?? fromCsz.city,
      state: get('state') ?? fromCsz.state,
      zip: get('zip') ?? fromCsz.zip,
    });
    // The city of a one-line address ("9 Pine Rd, Bi1lings, MT") is words too.
    if (address?.city) address = { ...address, city: withLetterLookalikes(address.city) };
  }

  const payerRaw = withManagingPlan(get('payer'));
  // "Insurance is through my job - Kaiser Permanente": how the plan was got is no part of its name.
  // "through my job – Aetna", "UHC (through my job)": how the plan is held is no part of its name.
  const cleanedPayer =
    payerRaw === null
      ? null
      : cleanOrgName(
          payerRaw
            // "Insurance - there are two, and ...": a sentence about the plans, no plan's name.
            .replace(/^\s*(?:there\s+(?:are|is|were)|we\s+have|I\s+have)\b[\s\S]*$/i, '')
            // "is through my work it's Cigna": said, not written ("the insurance is through...").
            .replace(/^\s*(?:is|was)\s+(?=through|via|from|it)/i, '')
            .replace(/^\s*(?:through|via|from)\s+(?:my|his|her|their|the)\s+(?:(?:husband|wife|spouse|mom|dad|mother|father|parent)['’]?s?\s+)?(?:job|work|employer)\s*(?:[-–—:,.]\s*|\s(?=it)|$)/i, '')
            .replace(/^\s*it(?:['’]?s|\s+is)\s+/i, '')
            .replace(/\s*\((?:through|via|from|thru|under|on)\s[^)]*\)\s*$/i, '')
            // "Ambetter from Home State Health eff 10/1": the plan's start date is no part of its name.
            .replace(/\s+(?:eff(?:ective)?|term['’]?d|termed|exp(?:ires|ired)?)\.?\s+(?:as of\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b.*$/i, '')
            // "Cigna, through my mom's job. Her name is ...": how the plan is held, and what follows, is no part of its name.
            .replace(/(?:,|\s[-–—])?\s+(?:through|thru|via)\s+(?:my|his|her|their|the|\w+['’]s)\s[\s\S]*$|,\s*from\s+(?:my|his|her|their|the)\s[\s\S]*$/i, '')
            // "Wellfleet Student (the NLU Student Health Benefit Plan). She has no parent plan": a sentence after the bracket.
            .replace(/\)\.\s+\p{Lu}[\s\S]*$/u, ')')
            // "Anthem (his dad's plan through work)", "UnitedHealthcare StudentResources (the university plan for ...": a note on the plan, closed or cut off.
            .replace(/^(\S.*?)\s*\((?:the|his|her|their|its|a|an|ppo|hmo|epo|pos|through|thru|via|from)\b[^)]*\)?\s*$/i, '$1')
            // "UnitedHealthcare (the plan is called Choice Plus)": the product's name, in brackets, is no part of the payer's.
            .replace(/\s*\((?:the\s+plan\s+is\s+|it['’]?s\s+)?called\s+[^)]*\)\s*$/i, '')
            // "Premera Blue Cross (see card)": a pointer to the card is no part of the name.
            .replace(/\s*\((?:see|per|on|check)\s+(?:the\s+)?(?:attached\s+)?(?:card|photos?|pics?|pictures?|images?|attachments?)\b[^)]*\)\s*$/i, '')
            // "Priority Health, pics of card front/back attached": what is attached is no part of the name.
            .replace(/,\s+(?:pics?|pictures?|photos?|images?|scans?|copies|copy|front|card)\b[\s\S]*$/i, '')
            // "UnitedHealthcare (front and back of the card attached)", "Priority Health, an employer group HMO".
            .replace(/\s*\([^)]*\b(?:card|attached|front|back)\b[^)]*\)\s*$/i, '')
            .replace(/,\s+(?:an?|the|her|his|their|my)\s+(?:employer|group|individual|marketplace|exchange|commercial|medicaid|medicare|hmo|ppo|epo|plan|policy)\b[^,]*$/i, '')
            // "Aetna and she lives in Ohio": an "and" before a lower-case word starts the next clause.
            .replace(/\s+and\s+(?=\p{Ll}|I(?:\s|$))[\s\S]*$/u, '')
            // "Wellcare, it's a Medicare plan. Photos attached.", "Priority Partners, its his medicaid": a clause or a sentence about the plan follows its name.
            .replace(/,\s+(?:(?:it|that|which|this|she|he|they)(?:['’]s|\s+is|\s+was|\s+has)|its|thats)\s[\s\S]*$/i, '')
            .replace(/(?<=[a-z]{3})\.\s+\p{Lu}[\s\S]*$/u, '')
            // "Insurance Priority Health": a table's label run into its cell.
            .replace(/^(?:insurance|ins|payer|payor|carrier)\s+(?=\p{Lu})/iu, (label, at, whole: string) => (startsWithKnownPayer(whole.slice(label.length)) ? '' : label))
            // "CareSource (Ohio Medicaid managed care)": what kind of plan it is is no part of its name.
            .replace(/\s*\([^()]*\b(?:managed\s+care|mco|mcp)\b[^()]*\)\s*$/i, '')
            // "Keystone First (PA Medicaid)", "Molina Healthcare (Ohio Medicaid)", "Banner University Family Care (AHCCCS)": the programme a named plan runs.
            .replace(/^(?!\s*(?:medicaid|medicare|medi-cal)\b)(.*\S)\s*\((?:[\p{L} .]{0,20}\s)?(?:medicaid|medicare|medicare\s+advantage|medi-cal|medical\s+assistance|student\s+(?:health\s+)?(?:insurance\s+)?plan|ship|chip|hmo|ppo|epo|pos|marketplace|exchange|commercial|employer\s+plan|employer\s+group|ahcccs|sooner(?:select|care)|kancare|tenncare|husky(?:\s+health)?|badgercare(?:\s+plus)?|apple\s+health|masshealth|nj\s+familycare|star(?:\+plus|\s+plus|\s+kids)?|healthy\s+louisiana|mo\s+healthnet|hoosier\s+healthwise|healthy\s+indiana\s+plan|oregon\s+health\s+plan|ohp|equalitycare|peachcare|healthchoice|medallion|cardinal\s+care|centennial\s+care|turquoise\s+care|healthy\s+connections|hawki|iowa\s+health\s+link|heritage\s+health|dmc-ods)\)\s*$/iu, '$1')
            // "Kaiser Permanente, Southern California region": the plan's region is no part of its name.
            .replace(/,\s+(?:the\s+)?[\p{L} -]{2,30}\s+region\b[\s\S]*$/iu, ''),
        );
  // "Through mother's employer (carrier not known)": the writer says which plan is not known.
  // ("the self-funded plan through Delmar Freight - the EAP counselor didn't know the carrier/TPA name".)
  const payerUnknown = cleanedPayer !== null && /\b(?:carrier|insurer|insurance(?:\s+company)?|plan|company|payer)\s+(?:is\s+)?(?:not\s+known|unknown)\b|\b(?:didn['’]?t|did\s+not|doesn['’]?t|does\s+not|don['’]?t|do\s+not)\s+know\s+(?:the\s+|which\s+|what\s+)?(?:carrier|insurer|insurance|company|payer|plan|tpa)\b/i.test(cleanedPayer);
  const payerName = cleanedPayer === null || payerUnknown ? null : correctPayerSpelling(cleanedPayer);

  let memberId = get('memberId') !== null ? normalizeMemberId(get('memberId') as string) : null;
  let phone = get('insPhone') !== null ? parsePhone(get('insPhone') as string) : null;
  const either = get('idOrPhone');
  if (either !== null) {
    if (looksLikeFormattedPhone(either) && parsePhone(either) !== null) phone = phone ?? parsePhone(either);
    else memberId = memberId ?? normalizeMemberId(either);
  }
  // Kaiser identifies its members by their MRN; elsewhere an MRN is the facility's chart number.
  const mrn = get('mrn');
  if (memberId === null && mrn !== null && payerName !== null && /\bkaiser\b|^kp\b/i.test(payerName)) memberId = normalizeMemberId(mrn);
  // "Cigna phone", "KP #": the insurance's phone when the word names the payer (or its initials).
  const named = get('namedPhone');
  if (phone === null && named !== null && payerName !== null && named.includes('\t')) {
    const [label = '', number = ''] = named.split('\t');
    if (labelNamesPayer(label, payerName)) phone = parsePhone(number);
  }
  const service = get('servicePhone');
  if (phone === null && service !== null) phone = parsePhone(service);
  const groupRaw = get('group');
  const groupNumber = groupRaw === null ? null : normalizeGroupNumber(groupRaw);

  let subscriberName: string | null = null;
  let relationship: Relationship | null = null;
  let selfSubscriber = false;
  // "Whose insurance: Mine (Marisela Aguirre)": the writer, named in brackets.
  // "Insurance: Providence Health Plan, through my job (I'm the policy holder)": the writer holds it, said beside the plan.
  // ("Insurance: Highmark Blue Shield - through her employer, she is the policy holder": the client, said beside it.)
  const besidePlan = raw.get('payer') ?? '';
  const holderBesidePlan = /\bI(?:['’]m|\s+am)\s+(?:the\s+)?(?:policy\s?-?holder|subscriber|insured|primary)\b/i.test(besidePlan)
    ? WRITER_MARKER
    : /\b(?:she|he)(?:['’]s|\s+is)\s+(?:the\s+)?(?:policy\s?-?holder|subscriber|insured)\b/i.test(besidePlan) && !hasRelationshipWord(besidePlan.replace(/\b(?:job|employer|work)\b/gi, ''))
      ? 'self'
      : undefined;
  // ("me (Dana Ruiz)", "me, Bernadette O'Connell-Hart (her mother)": the writer, by the name written there.)
  const subRaw = (raw.get('subscriberName') ?? holderBesidePlan)?.replace(/^\s*(?:mine|me|myself)\s*\(([^)]+)\)/i, '$1').replace(/^\s*(?:me|myself)\s*(?:,|[-–—])\s*(?=\p{Lu}[\p{L}'’.-]+\s+\p{Lu})/u, '');
  if (subRaw?.startsWith(WRITER_MARKER)) {
    // "I am the policy holder[, Robert Kessler]": the client writing for themselves, else the writer.
    const stated = subRaw.slice(WRITER_MARKER.length).trim();
    const writerName = stated.length > 0 ? stated : (writer?.name ?? null);
    if (writer && isWriterTheClient({ ...writer, name: writerName }, clientName)) {
      relationship = 'self';
      selfSubscriber = true;
    } else if (writerName !== null) {
      subscriberName = cleanPersonName(writerName);
      relationship = writer?.relationToClient ?? null;
    }
  } else if (subRaw !== undefined && subRaw.trim().length > 0) {
    if (isSelfValue(subRaw)) {
      relationship = 'self';
      selfSubscriber = true;
    } else if (!isPlaceholder(subRaw)) {
      const s = parseSubscriber(subRaw);
      subscriberName = s.name;
      relationship = s.relationship;
      selfSubscriber = s.self;
    }
  }
  if (subscriberName === null && (get('subscriberFirst') !== null || get('subscriberLast') !== null)) {
    subscriberName = cleanPersonName([get('subscriberFirst'), get('subscriberLast')].filter((x) => x !== null).join(' '));
  }
  // "Policy holder: Angela Marsh" written by Angela Marsh, "I'm her stepmom": the relation the writer gave.
  if (relationship === null && subscriberName !== null && writer?.name && writer.relationToClient !== null && sameValue(subscriberName, writer.name)) relationship = writer.relationToClient;
  // An explicit relationship label wins over words next to the subscriber's name.
  const relTo = get('relToSubscriber');
  const relOf = get('relOfSubscriber');
  const explicitRel = (relTo !== null ? parseRelationship(relTo, 'client') : null) ?? (relOf !== null ? parseRelationship(relOf, 'subscriber') : null);
  if (explicitRel !== null) relationship = explicitRel;
  // "Subscriber (relationship): Michael Cole (father)": one label for both, the name included.
  // ("Relationship to Client: Domestic Partner": a relation alone names no one.)
  if (subscriberName === null && relOf !== null && !(explicitRel !== null && !relOf.includes('(') && relOf.trim().split(/\s+/).length <= 2 && hasRelationshipWord(relOf))) {
    const s = parseSubscriber(relOf);
    subscriberName = s.name;
    relationship = relationship ?? s.relationship;
  }

  // "Subscriber: John Hill DOB 1/1/60 (father)": the note lands after the subscriber's DOB.
  const subDob = raw.get('subscriberDob');
  if (relationship === null && subscriberName !== null && subDob !== undefined) {
    const note = /[([]([^)\]]+)[)\]]/.exec(subDob)?.[1] ?? subDob.replace(/^[^A-Za-z]*/, '');
    if (hasRelationshipWord(note) && note.split(/\s+/).length <= 4) relationship = parseRelationship(note, 'subscriber');
  }
  // "subscriber: marisol (self)": the client's first name alone is the client.
  // ("Policy holder: Wendell (it's through his job ...)" for client Wendell T. Hayashi: so too with no relation said.)
  const firstNameOnly = subscriberName !== null && clientName !== null && !/\s/.test(subscriberName.trim()) && nameTokensOf(clientName).length >= 2 && nameTokensOf(clientName)[0] === nameTokensOf(subscriberName)[0];
  if (relationship === null && firstNameOnly) relationship = 'self';
  // "Policyholder: Ms. Pickeral" for client Wanda Jean Pickeral: the client, by title and surname.
  const titledSurname = subscriberName !== null && (relationship === null || relationship === 'self') ? TITLED_SURNAME.exec(subscriberName.trim()) : null;
  if (titledSurname && clientName !== null && nameTokensOf(clientName).length >= 2 && nameTokensOf(clientName).at(-1) === titledSurname[1]!.toLowerCase()) {
    relationship = 'self';
    subscriberName = clientName;
  }
  if (relationship === 'self' && subscriberName !== null && clientName !== null && !/\s/.test(subscriberName.trim()) && nameTokensOf(clientName)[0] === nameTokensOf(subscriberName)[0]) subscriberName = clientName;
  if (relationship === 'self' && (subscriberName === null || selfSubscriber)) subscriberName = subscriberName ?? clientName;
  // "Guarantor: Chandramouli, Priya S / Rel to Pt: Self": the client's name, as the client's is written.
  if (relationship === 'self' && subscriberName !== null && clientName !== null && subscriberName.includes(',') && !clientName.includes(',') && sameValue(subscriberName, clientName)) subscriberName = clientName;
  if (relationship === null && subscriberName !== null && clientName !== null && sameValue(subscriberName, clientName)) relationship = 'self';

  const refRaw = get('referredBy');
  // "Referred By (Treatment Center)": "self-referred", "walk-in" or "Google search" names no center.
  // "Dr. Anya Kowalczyk (her therapist)": who the referrer is to the client is no part of the name,
  // nor a contact's note ("Keystone EAP Partners (counselor Robin Hale, 610-555-0133)").
  const referredBy = refRaw === null || namesNoCenter('referredBy', refRaw) ? null : cleanOrgName(refRaw.replace(/\s*\((?:(?:her|his|their|the|client['’]s|pt['’]s)\s+)?(?:outpatient\s+)?(?:therapist|counselor|psychiatrist|doctor|pcp|physician|case\s+manager|social\s+worker|probation\s+officer|sponsor|interventionist|provider|clinician|nurse\s+practitioner)\)(?=\s*(?:[-–—,;.]|$))|\s*\((?:see|per)\s+(?:below|above|attached|email)\)|\s*\((?:me|us|myself|ourselves|this\s+office|our\s+(?:office|program|team|clinic))\)|\s*\((?=[^)]*[,\d])[^)]*\)\s*$/i, '')
    // "Brightwater Senior Psychiatry (our outpatient clinic)", "Rosewood Manor (discharge planning)": a note on the center, after its name.
    .replace(/^(\S+\s+\S.*?)\s*\([^()]{1,60}\)\s*$/, '$1')
    // "Renee Castellaw of Macon Prairie Juvenile Court Services": the person who refers, then where they work.
    .replace(PERSON_OF_CENTER, ''));

  return {
    client: { name: clientName, dob, address },
    insurance: { payerName, memberId, groupNumber, phone },
    subscriber: { name: subscriberName, relationship },
    referredBy,
    // An empty referral cell is read as an empty value (see the header-row walk in field-hits).
    // An empty referral cell, or "self-referred": this client has none, and no other client's fills it.
    // ("Referral: none - self-referral, he called our 800 number": read as no value, said as none.)
    ...(raw.get('referredBy') === '' || namesNoCenter('referredBy', raw.get('referredBy') ?? '') ? { referralLeftBlank: true as const } : {}),
  };
}

/** How many contract fields the request states. */
export function filledCount(r: BodyRequest): number {
  const values = [r.client.name, r.client.dob, r.client.address, r.insurance.payerName, r.insurance.memberId, r.insurance.groupNumber, r.insurance.phone, r.subscriber.name, r.subscriber.relationship, r.referredBy];
  return values.filter((v) => v !== null).length;
}

/** True when the request names the client somehow (name, DOB or member ID). */
export function identifiesClient(r: BodyRequest): boolean {
  return r.client.name !== null || r.client.dob !== null || r.insurance.memberId !== null;
}

/**
 * "Ohio Medicaid - managed care plan is Molina Healthcare", "Medicaid thru Healthy Blue": a
 * programme run by a plan; the plan is the payer a biller calls. Only a plan the reader knows.
 */
function withManagingPlan(payer: string | null): string | null {
  if (payer === null) return null;
  const m = /\s*(?:(?:[-–—,;(]|\bvia\b)\s*(?:the\s+)?(?:managed\s+care\s+(?:plan|organi[sz]ation)|mco|health\s+plan|plan|administered\s+by|managed\s+by|run\s+by)\s*(?:is\s+|:\s*)?|\s(?:thru|through)\s+)(.+?)\)?\s*$/i.exec(payer);
  const plan = m?.[1]?.trim() ?? '';
  return m && plan.length > 0 && startsWithKnownPayer(plan) ? plan : payer;
}
