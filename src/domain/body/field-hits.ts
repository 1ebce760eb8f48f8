/**
 * Walks the lines of one message segment and collects every labelled value in order, resolving
 * generic labels ("Name", "DOB", "Phone", "Relationship") by the section they appear in:
 * headings ("Subscriber Information"), the field just read ("Subscriber: ..." then "DOB:"),
 * table header rows (one client per data row), and "Client 2" style client boundaries.
 */
import type { FieldKey, Heading, Section } from './labels';
import { classifyHeading } from './labels';
import { isWholeAddress, parseAddress } from './addresses';
import { DITTO } from './placeholders';
import { centerNamedIn, endsWithCenterWord, headerRowFields, namesKnownPayer, NUMBER_TO_ZIP, SENTENCE_VERB, parseLine, ROW_NUMBER, rowCells, rowStyleOf, spaceSeparatedPair, type LinePair, type ParsedLine, type RowStyle } from './label-lines';
import { CAPITALISED_NAME } from './names';
import { namesTheWriter, WRITER_MARKER } from './writer';
import { PARENT_WORD, hasRelationshipWord, isSelfValue, yesNoAnswer } from './relationships';

/** A field after section resolution. */
export type HitField = Exclude<FieldKey, 'name' | 'dob' | 'address' | 'phone' | 'relationship' | 'ignore'>;

export interface FieldHit {
  field: HitField;
  value: string;
  /** Line index in the segment. */
  line: number;
  /** A blank line, separator or heading came between this hit and the previous one. */
  afterBreak: boolean;
  /** An explicit client boundary ("Client 2", a new table row) precedes this hit. */
  newClient: boolean;
  /** The line corrects an earlier value of the same client. */
  override?: boolean;
  /** Read from a sentence, not beside a label: a labelled value replaces it. */
  prose?: boolean;
  /** Inferred, not stated: any stated value of the field replaces it. */
  inferred?: boolean;
  /** Taken back by the writer: the value said before it is no value. */
  withdrawn?: boolean;
}

const ADDRESS_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['address', 'clientAddress', 'line2', 'city', 'state', 'zip', 'cityStateZip']);
const INSURANCE_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['payer', 'memberId', 'group', 'insPhone', 'servicePhone', 'idOrPhone', 'namedPhone']);
const SUBSCRIBER_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['subscriberName', 'subscriberFirst', 'subscriberLast', 'subscriberDob']);
const CLIENT_FIELDS: ReadonlySet<FieldKey> = new Set<FieldKey>(['clientName', 'firstName', 'lastName', 'clientDob', 'clientAddress']);

interface State {
  explicit: Section | null;
  implicit: Section | null;
}

function sectionOfField(field: FieldKey): Section | null {
  if (INSURANCE_FIELDS.has(field)) return 'insurance';
  if (SUBSCRIBER_FIELDS.has(field) || field === 'relOfSubscriber' || field === 'relToSubscriber') return 'subscriber';
  if (CLIENT_FIELDS.has(field)) return 'client';
  if (field === 'referredBy') return 'referral';
  return null;
}

/** "Same as above", "same as the policy holder's", "same as mom": an address given for someone else. */
// ("Same address as her mom": the word "address" before "as".)
const SAME_ADDRESS = /^\s*same(?:\s+address)?(?:\s+as)?\s+(?:above|(?:the\s+|her\s+|his\s+)?(?:subscriber|policy\s*-?\s*holder|insured|guarantor|parent|mom|mother|dad|father|caller)(?:['’]s)?(?:\s+address)?)\s*\.?\s*$/i;

/** "Jonas E. Halvorsen": a first name, a middle initial, a last name (no plan is named so). */
const PERSON_WITH_INITIAL = /^\p{Lu}\p{Ll}+\s+\p{Lu}\.?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** Resolves a generic label by section; null when the value is not part of the record. */
function resolve(field: FieldKey, st: State): HitField | null {
  const current = st.implicit ?? st.explicit;
  if (st.explicit === 'secondary' && st.implicit !== 'client' && (INSURANCE_FIELDS.has(field) || field === 'phone')) return null;
  if (st.explicit === 'other' && st.implicit === null && (field === 'name' || field === 'dob' || field === 'address' || field === 'phone')) return null;
  switch (field) {
    case 'ignore':
      return null;
    case 'name':
      if (current === 'subscriber') return 'subscriberName';
      if (st.explicit === 'insurance' && st.implicit === null) return 'payer';
      if (st.explicit === 'referral' && st.implicit === null) return 'referredBy';
      return 'clientName';
    case 'dob':
      return current === 'subscriber' ? 'subscriberDob' : 'clientDob';
    case 'address':
      return st.explicit === 'subscriber' || st.explicit === 'insurance' || st.explicit === 'referral' ? null : 'clientAddress';
    case 'clientAddress':
    case 'line2':
    case 'city':
    case 'state':
    case 'zip':
    case 'cityStateZip':
      return st.explicit === 'subscriber' && field !== 'clientAddress' ? null : field;
    case 'phone':
      return current === 'insurance' ? 'insPhone' : null;
    case 'company':
      return st.explicit === 'insurance' && st.implicit === null ? 'payer' : null;
    case 'relationship':
      return st.explicit === 'client' && st.implicit !== 'subscriber' ? 'relToSubscriber' : 'relOfSubscriber';
    default:
      return field;
  }
}

function applyHeading(st: State, h: Heading): void {
  st.explicit = h.section;
  st.implicit = null;
}

/** An address already ends at its ZIP: nothing after it is part of it. */
// ("..., PA 19134 (the house)": a note after the ZIP still ends the address.)
const ENDS_AT_ZIP = /\b\d{5}(?:-\d{4})?(?:\s*\([^)\d]{1,40}\))?[.\s]*$/;

/** The rest of a payer's name wrapped onto the next line: it starts with "of", "and" or "&". */
const PAYER_WRAP = /^(?:of|and|&)\s+\p{Lu}[\p{L} .&'-]{1,40}$/u;

/** Address continuation: a following unlabelled line that reads as part of an address. */
function addressContinuation(text: string): boolean {
  return /\d|\b(?:apt|unit|suite|ste|box)\b|,\s*[A-Za-z]{2}\b|^[A-Za-z .'-]+,\s*[A-Za-z .]+$/i.test(text) && text.length <= 80;
}

/**
 * A segment typed as a form without colons ("name jorge ruiz", "dob 04/09/1993", "insurance
 * presbyterian health plan"): when at least four lines read as label-space-value and two of them
 * carry a value of recognisable shape (a date, ID, phone or address, which proves the style),
 * the remaining plain-text lines of that style are read as labelled too.
 */
const UNMISTAKABLE_LABEL = /^\s*(?:(?:client|patient|pt|member|subscriber|insured|policy\s*holder)\s+(?:name|dob|id|number|#)|date\s+of\s+birth|member\s+id|policy\s+(?:number|#)|group\s+(?:number|#))\s+\S|^\s*(?:[\w&]+\s+){0,3}(?:behavioral|behavioural|mental|bh|mh|provider|providers)\s+(?:health\s+)?(?:services?\s+)?(?:line|number|phone|#)\s+(?=(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\s*$)/i;
/** "subscriber Dominic Ferro": the label, then a capitalised name (case matters here). */
const LABEL_THEN_NAME = /^\s*(?:[Ss]ubscriber|[Ii]nsured|[Pp]olicy\s*[Hh]older)\s+(?=\p{Lu}\p{Ll})/u;

function readColonlessForm(lines: readonly string[], parsed: ParsedLine[]): ParsedLine[] {
  // A segment that mostly writes "Label: value" is not a colon-less form (a signature's
  // "Phone: ..." line does not count against one).
  const colonForm = lines.filter((l, i) => l.includes(':') && parsed[i]?.kind === 'pairs').length >= 2;
  const spaced = lines.map((l) => spaceSeparatedPair(l));
  const formLines = spaced.filter((p) => p !== null).length;
  const typedLines = parsed.filter((p, i) => p.kind === 'pairs' && spaced[i] !== null).length;
  // Fewer lines (or in a "Label: value" message) still read so when the label is two words no
  // sentence starts with ("Client name Lucas Ferreira", "member id W123..."): a chat, a note.
  const form = !colonForm && formLines >= 4 && typedLines >= 2;
  const inBlock = colonForm || form ? null : colonlessBlocks(spaced, parsed);
  return parsed.map((p, i) => {
    const pair = spaced[i];
    return p.kind === 'text' && pair && (form || inBlock?.[i] === true || UNMISTAKABLE_LABEL.test(lines[i] ?? '') || LABEL_THEN_NAME.test(lines[i] ?? '')) ? { kind: 'pairs', pairs: pair } : p;
  });
}

/**
 * Lines inside a run of three or more adjacent label-space-value lines, two of them with a shaped
 * value ("name Gerald Przybylski", "bday 11/02/1951", "address 1645 W Oklahoma Ave ..."): a form
 * typed without colons in the middle of a chatty message. A run is broken by any other line.
 */
function colonlessBlocks(spaced: readonly (LinePair[] | null)[], parsed: readonly ParsedLine[]): boolean[] {
  const marks = spaced.map(() => false);
  let start = 0;
  for (let i = 0; i <= spaced.length; i++) {
    if (i < spaced.length && spaced[i] !== null) continue;
    const typed = parsed.slice(start, i).filter((p) => p.kind === 'pairs').length;
    if (i - start >= 3 && typed >= 2) for (let k = start; k < i; k++) marks[k] = true;
    start = i + 1;
  }
  return marks;
}

/** How many fields a parsed line states values for, each once ("Anthem Blue" read twice on a line is one payer). */
function fieldsStated(p: ParsedLine | undefined): number {
  return p?.kind === 'pairs' ? new Set(p.pairs.filter((x) => x.field !== 'ignore' && x.value.length > 0).map((x) => x.field)).size : 0;
}

/** A "Label: value" line. */
const LABEL_VALUE_LINE = /^\s*[^:]{1,40}:\s*\S/;

/** A line a mail client wrapped at its width: long, and not a "Label: value" or table line. */
const WRAP_WIDTH = 40;
function wrappedProseLine(line: string): boolean {
  return line.length >= WRAP_WIDTH && !line.includes('\t') && !LABEL_VALUE_LINE.test(line) && !LIST_ITEM.test(line) && !ENDS_AT_ZIP.test(line);
}

/** A bulleted or numbered list item is a line of its own, never a wrapped paragraph's. */
/**
 * A data row's cells under its header: in the header's style, or, when the row has none of the
 * header's separators, split at commas ("format: name / dob / address / ..." over "Ramon
 * Villalobos, 3-4-88, 2231 N Campbell Ave, Tucson AZ 85719, ..."), the address column taking the
 * cells it has more than the header.
 */
function rowCellsUnder(header: readonly (FieldKey | null)[], line: string, style: RowStyle): string[] {
  const cells = rowCells(line, style);
  if (cells.length > 1 || (style !== 'slash' && style !== 'semicolon')) return cells;
  const byComma = line.trim().split(/\s*,\s*/);
  const at = header.findIndex((f) => f === 'address' || f === 'clientAddress');
  const extra = byComma.length - header.length;
  if (extra <= 0 || at < 0) return byComma;
  return [...byComma.slice(0, at), byComma.slice(at, at + extra + 1).join(', '), ...byComma.slice(at + extra + 1)];
}

const CODE_KEY_LINE = /^\s*[\p{L} ]{0,30}\b(?:codes?|key|legend)\s*[:=-]/iu;


const LIST_ITEM = /^\s*(?:[-*•·◦▪▫►▶➢]|\d{1,2}[.)])\s/;

/**
 * A prose paragraph wrapped by the sender's mail client ("... Phone on the back of the card is
 * / 1-800-555-0133. ... Her address is 318 Magnolia St, / Savannah, GA 31401."): a value split
 * over two lines is read from the paragraph joined into one line, when the joined paragraph
 * states more than its lines do one by one.
 */
function readWrappedParagraphs(lines: readonly string[], parsed: ParsedLine[]): ParsedLine[] {
  const out = [...parsed];
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && wrappedProseLine(lines[j] ?? '')) j++;
    // The paragraph's last line may be short; a single line is nothing to join.
    if (j < lines.length && j > i && (lines[j] ?? '').trim().length > 0 && !LABEL_VALUE_LINE.test(lines[j] ?? '') && !LIST_ITEM.test(lines[j] ?? '')) j++;
    if (j - i >= 2) {
      // "treat-" / "ment at ...": a word the mail client hyphenated at the wrap is one word.
      const joined = parseLine(lines.slice(i, j).map((l) => l.trim()).join(' ').replace(/(?<=\p{Ll})- (?=\p{Ll})/gu, ''));
      let apart = 0;
      for (let k = i; k < j; k++) apart += fieldsStated(out[k]);
      if (fieldsStated(joined) > apart) {
        out[i] = joined;
        for (let k = i + 1; k < j; k++) out[k] = { kind: 'text', text: lines[k] ?? '' };
      }
      i = j;
      continue;
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/** (A value "same as above" points at another client's: it is no value of this block's own.) */
const LAST_FIRST_NAME = /^\p{Lu}[\p{L}'’-]+,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;
const pairsHave = (parsed: readonly ParsedLine[], fields: readonly FieldKey[]): boolean =>
  parsed.some((p) => p.kind === 'pairs' && p.pairs.some((x) => fields.includes(x.field) && x.value.length > 0 && !DITTO.test(x.value)));

/** "My mother: Priya S. Chandramouli", "Mom: Graziella Ferrante": a parent named under their relation. */
const PARENT_LABEL = new RegExp(String.raw`^\s*(?:my\s+)?${PARENT_WORD}\s*:\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*$`, 'iu');
/** The parent is the one to be treated: "referred my mother to the geriatric IOP", "my dad is being admitted". */
const PARENT_TREATED = new RegExp(String.raw`\b(?:referred|referring|admitting|admitted|sending|placing|for|about|regarding)\s+my\s+${PARENT_WORD}\b|\bmy\s+${PARENT_WORD}\s+(?:is|was|will\s+be)\s+(?:going|being|starting|admitted|admitting|coming|entering|in)\b`, 'i');
/** The writer is the child of the one the mail is about: "I'm her daughter". */
const CHILD_WRITES = /\bI(?:['’]m|\s+am)\s+(?:her|his)\s+(?:daughter|son)\b/i;
/** "in Mom's own name": the plan in the parent's name. */
const PARENTS_OWN_NAME = new RegExp(String.raw`\bin\s+${PARENT_WORD}['’]s\s+(?:own\s+)?name\b`, 'i');
/** A line that asks for a verification. */
const VOB_SAID = /\b(?:vob|verification|verify|benefits|eligibility|run\s+(?:him|her|this|insurance))\b/i;
/** A sentence that speaks of where someone lives. */
const HOME_SAID = /\b(?:lives?|living|resides?|residing|home|staying|stays|address)\b/i;
/** A line that opens on someone's birth date, whether or not the date can be read ("Her birthday is February 14th"). */
const BIRTH_SAID = /^\s*(?:(?:his|her|their|my)\s+)?(?:birthday|birth\s*date|date\s+of\s+birth|d\.?o\.?b\.?|born)\b/i;
/** A line of capitalised words ending in a word plans' names end in ("HUSKY Health", "Montana Health CoOp"). */
export const PLAN_NAME_LINE = /^\p{Lu}[\p{L}&.'-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}&.'-]*){0,4}\s+(?:Health|Healthcare|Health\s+Plans?|Care|Plans?|Medicaid|Medicare|Choice|Advantage|Complete|Mutual|Co-?[Oo][Pp]|Cooperative|Insurance|Assurance|Benefits)$/u;

/**
 * Unlabelled lines inside a request written as a terse list ("Angela Reyes / dob 12/5/1984 /
 * 2290 Citrus Ave / Riverside, CA 92507 / Cigna / ID U3310298845"): a person's name right above
 * the date-of-birth line, a street address and a payer the dictionary knows, each only between
 * labelled lines of the same block and only when no line labels that field. A signature's name
 * or address sits after the request, not inside it.
 */
function readUnlabelledLines(lines: readonly string[], parsed: ParsedLine[]): ParsedLine[] {
  const out = [...parsed];
  const isPairs = (k: number): boolean => out[k]?.kind === 'pairs';
  const nextNonBlank = (k: number): number => {
    let j = k + 1;
    while (j < out.length && out[j]?.kind === 'blank') j++;
    return j;
  };
  const labelledAround = (k: number, span: number): boolean => {
    let before = k - 1;
    while (before >= 0 && out[before]?.kind === 'text' && k - before <= 2) before--;
    if (before < 0 || !isPairs(before)) return false;
    for (let j = k + span; j < Math.min(out.length, k + span + 3); j++) {
      if (isPairs(j)) return true;
      if (out[j]?.kind !== 'text' && out[j]?.kind !== 'blank') return false;
    }
    return false;
  };
  const hasName = pairsHave(out, ['clientName', 'name', 'firstName', 'lastName']);
  // A face sheet's "Subscriber:" (even blank) beside its "Guarantor: Self": the guarantor is who pays the bill, not who holds the plan.
  // (A form's cells too: "Subscriber Name<TAB>Denise Iandoli" beside "Guarantor<TAB>Self".)
  if (lines.some((l, k) => /^\s*(?:subscriber|policy\s*holder|insured)(?:\s+name)?\s*(?::|\t)/i.test(l) && (out[k]?.kind === 'pairs' || out[k]?.kind === 'bare'))) {
    lines.forEach((l, k) => {
      if (/^\s*guarantor(?:\s+name)?\s*(?::|\t)/i.test(l) && out[k]?.kind === 'pairs') out[k] = { kind: 'text', text: '' };
    });
  }
  // "Employee: Rafael A. Ocasio" over his birth date and plan, then "Enrollee: Self": an EAP's client is
  // the employee, whose own plan it is (only with no client label, and the plan said to be the client's own).
  const saysSelf = out.some((p) => p.kind === 'pairs' && p.pairs.some((x) => x.field === 'subscriberName' && isSelfValue(x.value)));
  if (!hasName && saysSelf) {
    const at = lines.findIndex((l, k) => EMPLOYEE_LABEL.test(l) && out[k]?.kind === 'pairs');
    const line = out[at];
    if (line?.kind === 'pairs' && line.pairs.length === 1 && line.pairs[0]!.field === 'subscriberName' && !hasRelationshipWord(line.pairs[0]!.value)) out[at] = { kind: 'pairs', pairs: [{ ...line.pairs[0]!, field: 'clientName' }] };
  }
  // "The plan is in Mom's own name, not mine", from the child of the parent the mail is about: the client's own.
  const blockText = lines.join(' ');
  const parentTreated = PARENT_TREATED.test(blockText);
  if (parentTreated || CHILD_WRITES.test(blockText)) {
    lines.forEach((l, k) => {
      const pairs = out[k]?.kind === 'pairs' ? (out[k] as Extract<ParsedLine, { kind: 'pairs' }>).pairs : [];
      if (PARENTS_OWN_NAME.test(l) && !pairs.some((p) => p.field === 'subscriberName')) out[k] = { kind: 'pairs', pairs: [...pairs, { field: 'subscriberName', value: 'self' }] };
    });
  }
  // "My mother: Priya S. Chandramouli" in a grown child's mail about that parent ("referred my mother to ..."): the client.
  if (!hasName && parentTreated) {
    const at = lines.findIndex((l, k) => PARENT_LABEL.test(l) && out[k]?.kind !== 'pairs');
    const name = at >= 0 ? PARENT_LABEL.exec(lines[at]!)![1]! : null;
    if (name !== null) {
      out[at] = { kind: 'pairs', pairs: [{ field: 'clientName', value: name.trim() }] };
      // ("Mom: Graziella Ferrante" ... "Mom is the policy holder": the parent who is the client holds it.)
      const kin = /^\s*(?:my\s+)?(\w+)/i.exec(lines[at]!)![1]!.toLowerCase();
      out.forEach((line, k) => {
        if (line.kind === 'pairs' && line.pairs.some((p) => p.field === 'relOfSubscriber' && p.value.toLowerCase() === kin)) out[k] = { ...line, pairs: line.pairs.map((p) => (p.field === 'relOfSubscriber' && p.value.toLowerCase() === kin ? { field: 'subscriberName', value: 'self' } : p)) };
      });
    }
  }
  const hasAddress = pairsHave(out, ['address', 'clientAddress']);
  // "1) Ezekiel ... ConnectiCare, member ID ..." then "2) Darnell ... HUSKY Health": each client's own plan line.
  const payerInClientAbove = (k: number): boolean => {
    for (let j = k - 1; j >= 0; j--) {
      const line = out[j];
      if (line?.kind !== 'pairs') continue;
      if (line.pairs.some((x) => x.field === 'payer')) return true;
      if (line.pairs.some((x) => x.field === 'clientName' || x.field === 'name')) break;
    }
    return false;
  };
  for (let k = 0; k < out.length; k++) {
    const p = out[k];
    if (p?.kind !== 'text') continue;
    const text = p.text.trim();
    const next = out[nextNonBlank(k)];
    // ("Quintero, Manuel A": a chart's last-name-first form.)
    // ("Delaney Okafor" over "Her birthday is February 14th - I don't know the year": a birth date said, not read.)
    const birthSaidBelow = next?.kind === 'text' && BIRTH_SAID.test(next.text);
    if (!hasName && (CAPITALISED_NAME.test(text) || LAST_FIRST_NAME.test(text)) && ((next?.kind === 'pairs' && ['dob', 'clientDob'].includes(next.pairs[0]?.field ?? '')) || birthSaidBelow)) {
      out[k] = { kind: 'pairs', pairs: [{ field: 'clientName', value: text }] };
      continue;
    }
    // "need VOB asap" / "Wyatt Cornsilk" / "Ins BCBS AZ": a name alone, right over the plan's labelled lines.
    if (!hasName && CAPITALISED_NAME.test(text) && !endsWithCenterWord(text) && !namesKnownPayer(text) && out[k + 1]?.kind === 'pairs' && ['payer', 'memberId'].includes((out[k + 1] as Extract<ParsedLine, { kind: 'pairs' }>).pairs[0]?.field ?? '') && (k === 0 || VOB_SAID.test(lines[k - 1] ?? ''))) {
      out[k] = { kind: 'pairs', pairs: [{ field: 'clientName', value: text }] };
      continue;
    }
    // "Caden Hollis" over "84 Sumac Ridge Rd, Mechanicsburg, PA 17050", then the labelled plan: the client's name and home.
    const below = out[k + 1]?.kind === 'text' ? (lines[k + 1] ?? '').trim() : '';
    if (!hasName && !hasAddress && CAPITALISED_NAME.test(text) && !namesKnownPayer(text) && /^\d+\s+\p{L}/u.test(below) && isPairs(nextNonBlank(k + 1)) && isWholeAddress(below)) {
      out[k] = { kind: 'pairs', pairs: [{ field: 'clientName', value: text }] };
      out[k + 1] = { kind: 'pairs', pairs: [{ field: 'clientAddress', value: below }] };
      k++;
      continue;
    }
    // "Tanner Halvorsen" / "1127 E 900 S" / "Provo, UT 84606", then the plan in a sentence and its labelled ID: an
    // envelope-style block inside the request (a labelled value follows within a few lines; a signature's does not).
    const cityBelow = out[k + 2]?.kind === 'text' ? (lines[k + 2] ?? '').trim() : '';
    if (!hasName && !hasAddress && CAPITALISED_NAME.test(text) && !endsWithCenterWord(text) && !namesKnownPayer(text) && /^\d+\s+\p{L}/u.test(below) && cityBelow !== '' && isWholeAddress(`${below}\n${cityBelow}`) && labelledWithin(out, k + 3, 4)) {
      out[k] = { kind: 'pairs', pairs: [{ field: 'clientName', value: text }] };
      out[k + 1] = { kind: 'pairs', pairs: [{ field: 'clientAddress', value: `${below}\n${cityBelow}` }] };
      out[k + 2] = { kind: 'text', text: '' };
      k += 2;
      continue;
    }
    // A whole address (state and ZIP) right below a client's birth date: that client's, whatever other clients' addresses say.
    const prev = out[k - 1];
    if (hasAddress && /^\d+\s+\p{L}/u.test(text) && prev?.kind === 'pairs' && prev.pairs.some((x) => x.field === 'dob' || x.field === 'clientDob') && isWholeAddress(text)) {
      out[k] = { kind: 'pairs', pairs: [{ field: 'clientAddress', value: text }] };
      continue;
    }
    if (!hasAddress && /^\d+\s+\p{L}/u.test(text)) {
      const cityLine = out[k + 1]?.kind === 'text' ? (lines[k + 1] ?? '').trim() : '';
      // "She lives at Casa del Sol in Tucson ... please use it:" over the address: the sentence above says whose home it is.
      let above = k - 1;
      while (above >= 0 && out[above]?.kind === 'blank') above--;
      const homeSaidAbove = above >= 0 && (out[above]?.kind === 'text' || (out[above]?.kind === 'pairs' && (lines[above] ?? '').indexOf(':') === (lines[above] ?? '').trimEnd().length - 1)) && /:\s*$/.test(lines[above] ?? '') && HOME_SAID.test(lines[above] ?? '');
      for (const [value, span] of [[text, 1], [`${text}\n${cityLine}`, 2]] as const) {
        const address = span === 2 && cityLine === '' ? null : parseAddress(value);
        if (address !== null && address.city !== null && (address.state !== null || address.postalCode !== null) && (labelledAround(k, span) || homeSaidAbove)) {
          out[k] = { kind: 'pairs', pairs: [{ field: 'clientAddress', value }] };
          // The city line is part of this value now; it is skipped, not a break between blocks.
          if (span === 2) out[++k] = { kind: 'text', text: '' };
          break;
        }
      }
      continue;
    }
    // "Montana Health CoOp" right above "Member ID ...": a plan the dictionary does not know, where plans stand.
    const unknownPlan = PLAN_NAME_LINE.test(text) && next?.kind === 'pairs' && next.pairs[0]?.field === 'memberId';
    // ("Blue Cross and Blue Shield of Montana": a line alone may spell a plan's whole name.)
    if (!payerInClientAbove(k) && text.length <= 48 && (namesKnownPayer(text, 8) || unknownPlan) && !/\d/.test(text) && labelledAround(k, 1)) {
      out[k] = { kind: 'pairs', pairs: [{ field: 'payer', value: text }] };
    }
  }
  return out;
}

/** "Employee:", "Employee name:" as a label. */
const EMPLOYEE_LABEL = /^\s*employee(?:['’]s)?(?:\s+(?:full\s+)?name)?\s*:/i;

/** Some non-blank line among the next `span` from `from` carries a labelled value. */
function labelledWithin(out: readonly ParsedLine[], from: number, span: number): boolean {
  let seen = 0;
  for (let j = from; j < out.length && seen < span; j++) {
    const line = out[j];
    if (line?.kind === 'blank') continue;
    if (line?.kind === 'pairs') return true;
    seen++;
  }
  return false;
}

/** The rest of a label wrapped onto the next, indented line: "Subscriber relationship" / "  to client: [wife]". */
const LABEL_WRAP = /^\s+(?:to|of|for|with|and|&)\s+[^:]{1,30}:\s*\S/;

function readWrappedLabels(lines: readonly string[], parsed: ParsedLine[]): ParsedLine[] {
  const out = [...parsed];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (out[i]?.kind !== 'bare' || !LABEL_WRAP.test(lines[i + 1] ?? '')) continue;
    const joined = parseLine(`${lines[i]!.trim()} ${lines[i + 1]!.trim()}`);
    if (joined.kind !== 'pairs') continue;
    out[i] = { kind: 'blank' };
    out[i + 1] = joined;
  }
  return out;
}

/** Collects the labelled values of a segment's lines, in order. */
export function collectHits(lines: string[]): FieldHit[] {
  const hits: FieldHit[] = [];
  const st: State = { explicit: null, implicit: null };
  let afterBreak = false;
  let newClient = false;
  const parsed: ParsedLine[] = readUnlabelledLines(lines, readColonlessForm(lines, readWrappedParagraphs(lines, readWrappedLabels(lines, lines.map((l) => parseLine(l))))));

  // The last street address given for anyone (a policy holder's too), for "Address: Same as above".
  let lastAddress: string | null = null;
  // "Addr: same as subscriber" above "Subscriber: Lorraine Vick (mother) - 1407 Poplar Ridge Dr, ...": filled when that address comes.
  let sameAsLater: FieldHit | null = null;
  const push = (field: FieldKey, value: string, line: number, override = false, prose = false, inferred = false, withdrawn = false): void => {
    // "INSURANCE / VOB:" over "Full legal name: Jonas E. Halvorsen": a person's name under a plan's heading is still the client's.
    const personUnderPlan = field === 'name' && st.explicit === 'insurance' && st.implicit === null && PERSON_WITH_INITIAL.test(value.trim()) && !namesKnownPayer(value);
    // So is a street address there ("Home address: 6120 SE Woodstock Blvd, ..."); a plan's claims address is a PO box.
    const homeUnderPlan = field === 'address' && st.explicit === 'insurance' && st.implicit !== 'subscriber' && /^\s*\d{1,6}\s+\p{L}/u.test(value) && !/\bp\.?\s*o\.?\s*box\b/i.test(value);
    const resolved = personUnderPlan ? 'clientName' : homeUnderPlan ? 'clientAddress' : resolve(field, st);
    // "Subscriber: Lorraine Vick (mother) - 1407 Poplar Ridge Dr, Murfreesboro, TN 37129": the holder, then where they live.
    const holderHome = resolved === 'subscriberName' ? /^(.*?\p{L}.*?)\s*[-–—,;]\s*(\d{1,6}\s+\p{L}[^\n]*\b\d{5}(?:-\d{4})?)\s*$/u.exec(value) : null;
    if (holderHome) value = holderHome[1]!;
    const address = holderHome?.[2] ?? (/^\s*\d{1,6}\s+\p{L}[^\n]*\b\d{5}(?:-\d{4})?\s*$/u.test(value) ? value : null);
    if (address !== null) {
      lastAddress = address;
      if (sameAsLater !== null) sameAsLater.value = address;
      sameAsLater = null;
    }
    if (resolved === null) return;
    if (withdrawn) {
      hits.push({ field: resolved, value: '', line, afterBreak: false, newClient: false, withdrawn });
      return;
    }
    // "What is the client's address? Same as above" under the policy holder's: that address.
    if (resolved === 'clientAddress' && lastAddress !== null && SAME_ADDRESS.test(value)) value = lastAddress;
    // "Member: employee's son": a relation, not the client's name.
    if (resolved === 'clientName' && /^\s*(?:the\s+)?(?:[\p{L}-]+['’]s|his|her|their|my)\s+(?:son|daughter|child|kid|dependent|wife|husband|spouse)\s*\.?\s*$/iu.test(value)) return;
    // "same as employee - 1250 N Garfield Ave, ...", "staying at sister's - 2260 S Owyhee St", "his mom's: 62 Pinecrest Rd": the address itself follows the note.
    if (resolved === 'clientAddress') value = value.replace(/^\s*(?:same\s+as\s+)?[\p{L}'’ ]{2,40}?\s*[-–—:,(]\s*(?=\d{1,6}\s+\p{L})/iu, '');
    // "Who is the primary insurance holder?" over "Myself": the writer holds it (the client, when the client writes).
    if (resolved === 'subscriberName' && namesTheWriter(value)) value = WRITER_MARKER;
    // "Is the client the policy holder? [X] Yes", "... No - her father, Tom Reyes": the answer says
    // who holds the policy; a bare "No" or boxes left blank say nothing yet.
    const answer = resolved === 'subscriberName' ? yesNoAnswer(value) : null;
    if (answer !== null) {
      if (answer.yes !== true && answer.rest.length === 0) return;
      value = answer.yes === true ? 'self' : answer.rest;
    }
    // "Benefit plan: City of Loveland Employee Health Plan (self-funded)": an employer's own plan is
    // not whom a biller calls; its administrator (a "TPA:" line, "administered by UMR") is.
    if (resolved === 'payer' && /\bself[\s-]?funded\b|\bemployee\s+(?:health|medical|benefit)\s+plan\b/i.test(value) && !/\b(?:administered|managed|run)\s+by\b|\b(?:tpa|administrator)\b/i.test(value)) return;
    // "OTP patient #: 4471-D (internal, not insurance)": the writer says the number is no insurance number.
    if ((resolved === 'memberId' || resolved === 'group') && /\bnot\s+(?:an?\s+|the\s+)?(?:insurance|member|plan)\b/i.test(value)) return;
    // "3/4/88 - sorry, typo, 3/4/89": a typed value taken back in the same breath; the one after stands.
    if (CORRECTABLE.has(resolved) && /sorry|typo|oops|mean|should|make that|wait|correction/i.test(value)) {
      const marks = [...value.matchAll(TAKEN_BACK)];
      const rest = marks.length > 0 ? value.slice(marks[marks.length - 1]!.index! + marks[marks.length - 1]![0].length).trim() : '';
      if (/\d{2}/.test(rest) && rest.replace(/\D/g, '').length >= Math.min(4, value.slice(0, marks[0]!.index).replace(/\D/g, '').length)) value = rest;
    }
    // "1840 W Broadway Rd, Mesa, AZ 85202 -- scratch that, ... 6251 E Calle Aurora, Tucson, AZ 85715": the value after stands;
    // "H48123579 -- actually, don't go by what I typed": none does.
    const back = CORRECTABLE.has(resolved) || resolved === 'clientAddress' ? VALUE_TAKEN_BACK.exec(value) : null;
    if (back) {
      const rest = value.slice(back.index + back[0].length);
      const home = resolved === 'clientAddress' ? NUMBER_TO_ZIP.exec(rest) : null;
      // "866-555-0138 -- no, that one is for members. The mental health ... number is 866-555-0146": the phone after.
      const phone = resolved === 'insPhone' ? /(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/.exec(rest) : null;
      if (home && isWholeAddress(home[1]!)) value = home[1]!;
      else if (phone) value = phone[0];
      else if (!/\d{4}/.test(rest)) {
        hits.push({ field: resolved, value: '', line, afterBreak: false, newClient: false, withdrawn: true });
        return;
      }
    }
    // Other answers to a question: "Yes 88140-02", "Yes - Marlow Springs Detox, she is there now".
    if (resolved !== 'subscriberName') value = value.replace(/^\s*(?:yes|yeah|yep)\b[\s,.:;–—-]*(?=\S)/i, '');
    // "He's in the IOP at Hollis Creek Counseling. His counselor there told us to call you.": the center the answer names.
    if (resolved === 'referredBy' && value.trim().split(/\s+/).length > 5 && (SENTENCE_VERB.test(value) || /^(?:he|she|they|we|i)\b|(?<=\p{Ll}{2})\.\s+\p{Lu}/u.test(value))) value = centerNamedIn(value) ?? value;
    const hit: FieldHit = { field: resolved, value, line, afterBreak, newClient, ...(override ? { override } : {}), ...(prose ? { prose } : {}), ...(inferred ? { inferred } : {}) };
    hits.push(hit);
    if (resolved === 'clientAddress' && lastAddress === null && SAME_ADDRESS.test(value) && !/\babove\b/i.test(value)) sameAsLater = hit;
    afterBreak = false;
    newClient = false;
    const sec = sectionOfField(resolved);
    // ("im on my dad's plan ... his name is Hector Zamudio", then "my birthday is ...": a sentence about the holder opens no holder's block.)
    if (sec !== null && !(prose && resolved === 'subscriberName')) st.implicit = sec === st.explicit ? null : sec;
    if (resolved === 'clientName' && st.explicit !== 'client') st.implicit = 'client';
  };

  const nextNonBlank = (from: number): number => {
    let j = from;
    while (j < parsed.length && parsed[j]?.kind === 'blank' && j - from < 2) j++;
    return j < parsed.length && parsed[j]?.kind !== 'blank' ? j : -1;
  };

  let i = 0;
  while (i < parsed.length) {
    const p = parsed[i] as ParsedLine;
    const raw = lines[i] ?? '';

    // A table header row: each following data row is one client.
    const header = p.kind === 'text' || p.kind === 'pairs' || p.kind === 'unknownLabel' ? headerRowFields(raw) : null;
    if (header !== null) {
      const style = rowStyleOf(raw);
      let j = i + 1;
      let rows = 0;
      let previousRow: string[] = [];
      while (j < lines.length) {
        const rowLine = lines[j] ?? '';
        if (rowLine.trim().length === 0) {
          // Converted HTML tables sometimes leave a blank line between rows.
          if (j + 1 < lines.length && rowCellsUnder(header, lines[j + 1] ?? '', style).length === header.length) {
            j++;
            continue;
          }
          break;
        }
        // A key to the header's codes ("rel codes: 18 self, 01 spouse, ..."), before the first row: no row.
        if (rows === 0 && j - i <= 2 && CODE_KEY_LINE.test(rowLine)) {
          j++;
          continue;
        }
        // A rule under the header: markdown's "|---|:--|", psql's "-----+-----".
        if (/^\s*\|?[\s:|+-]+\|?\s*$/.test(rowLine) && rowLine.includes('-')) {
          j++;
          continue;
        }
        const cells = rowCellsUnder(header, rowLine, style);
        if (cells.length < 2 || headerRowFields(rowLine) !== null) break;
        // "1. Kevin Marsh | ...": the row's number is no part of its first cell.
        cells[0] = (cells[0] ?? '').replace(ROW_NUMBER, '');
        newClient = true;
        afterBreak = true;
        header.forEach((f, c) => {
          // A ditto mark repeats the cell above it.
          if (DITTO.test(cells[c] ?? '')) cells[c] = previousRow[c] ?? '';
          const cell = cells[c] ?? '';
          // An empty referral cell says this client has none: no other row's referral fills it.
          if (f && f !== 'ignore' && (cell.length > 0 || f === 'referredBy')) push(f, cell, j);
        });
        previousRow = cells;
        rows++;
        j++;
      }
      if (rows > 0) {
        i = j;
        afterBreak = true;
        continue;
      }
    }

    // "SECONDARY (Medigap Plan G): Mutual of Omaha": the secondary plan's block, whatever it
    // is called, is no part of the request (the contract holds the primary insurance).
    if (p.kind !== 'blank' && (SECONDARY_LABEL.test(raw) || FORMER_COVERAGE.test(raw) || FORMER_COVERAGE_HEADING.test(raw))) {
      afterBreak = true;
      applyHeading(st, { section: 'secondary', newClient: false });
      i++;
      continue;
    }

    switch (p.kind) {
      case 'blank':
        afterBreak = true;
        st.implicit = null;
        i++;
        continue;
      case 'separator':
        afterBreak = true;
        st.implicit = null;
        if (st.explicit !== null && st.explicit !== 'client') st.explicit = null;
        i++;
        continue;
      case 'heading':
        afterBreak = true;
        if (p.heading.newClient) newClient = true;
        applyHeading(st, p.heading);
        i++;
        continue;
      case 'unknownLabel':
      case 'text':
        i++;
        continue;
      case 'bare': {
        const j = nextNonBlank(i + 1);
        const next = j >= 0 ? parsed[j] : undefined;
        // A stacked form ("Referral Source", blank, "Upload Insurance Card", "—"): after a blank
        // line, a line with a line of its own right below is the next label, not this one's value.
        const nextIsLabel = j > i + 1 && parsed[j + 1] !== undefined && parsed[j + 1]?.kind !== 'blank' && !(next?.kind === 'text' && addressContinuation(next.text));
        // ("Referral" over "Referral Source<TAB>Self-Referral (Website)": a form's row of its own, not this heading's value.)
        const nextIsRow = next?.kind === 'text' && /^[^\t]{2,40}\t/.test(next.text);
        if (next && next.kind === 'text' && !classifyHeading(next.text) && !nextIsLabel && !nextIsRow) {
          // The value is on the next line(s).
          let value = next.text;
          let k = j + 1;
          if (ADDRESS_FIELDS.has(p.field)) {
            while (k < parsed.length && parsed[k]?.kind === 'text' && k - j < 3) {
              const t = (parsed[k] as { text: string }).text;
              if (!addressContinuation(t) || ENDS_AT_ZIP.test(value)) break;
              value += `\n${t}`;
              k++;
            }
          }
          push(p.field, value, j);
          i = k;
          continue;
        }
        // A bare label followed by labels is a heading for its section.
        const h = p.heading ?? headingForField(p.field);
        if (h !== null) {
          afterBreak = true;
          applyHeading(st, h);
        }
        i++;
        continue;
      }
      case 'pairs': {
        if (p.heading) {
          afterBreak = true;
          if (p.heading.newClient) newClient = true;
          applyHeading(st, p.heading);
        }
        // A whole request on one line, its client first ("Luis Ortega  030488  1417 W Carmen Ave ..."):
        // a client of its own; what came before it is shared ("all ref'd by Cold Spring Recovery").
        if (p.pairs.length >= 5 && p.pairs[0]?.field === 'clientName') newClient = true;
        let consumed = i + 1;
        p.pairs.forEach((pair: LinePair, idx: number) => {
          let value = pair.value;
          // A multi-line address continues on the following unlabelled lines.
          if (idx === p.pairs.length - 1 && ADDRESS_FIELDS.has(pair.field) && pair.field !== 'zip' && pair.field !== 'state') {
            let k = i + 1;
            while (k < parsed.length && parsed[k]?.kind === 'text' && k - i <= 3) {
              const t = (parsed[k] as { text: string }).text;
              if (!addressContinuation(t) || ENDS_AT_ZIP.test(value)) break;
              value += `\n${t}`;
              k++;
            }
            consumed = k;
          }
          // "Payer: Blue Cross Blue Shield" over "of Texas": a wrapped cell goes on with its connective.
          if (idx === p.pairs.length - 1 && pair.field === 'payer' && parsed[i + 1]?.kind === 'text' && PAYER_WRAP.test((parsed[i + 1] as { text: string }).text)) {
            value += ` ${(parsed[i + 1] as { text: string }).text}`;
            consumed = i + 2;
          }
          push(pair.field, value, i, pair.override === true, pair.prose === true, pair.inferred === true, pair.withdrawn === true);
        });
        i = consumed;
        continue;
      }
    }
  }
  return hits;
}

/** Typed values a writer may take back on the same line. */
const CORRECTABLE: ReadonlySet<string> = new Set(['dob', 'clientDob', 'subscriberDob', 'memberId', 'group', 'insPhone']);
/** "- sorry, typo,", "(I mean", ", should be": what comes after replaces what came before. */
const TAKEN_BACK = /(?:^|[\s,;(–—-])(?:sorry|typo|oops|I\s+mean|should\s+be|make\s+that|no\s+wait|correction)\b(?:[\s,:;.!–—-]*(?:typo|sorry|it['’]?s|it\s+is|should\s+be|correct\s+is)\b)*[\s,:;.!–—-]*/gi;

/** "-- scratch that", "-- actually, don't go by what I typed": the writer takes back the value before. */
const VALUE_TAKEN_BACK = /\s*[-–—,;(]+\s*(?:scratch\s+that|wait,?\s+no\b|no,\s+(?:that|this)\s+(?:one\s+)?(?:is|was)\b|(?:actually,?\s+)?(?:don['’]?t|do\s+not)\s+(?:go\s+by|use)\s+(?:that|this|it|what\s+I\s+(?:typed|wrote|sent))|ignore\s+(?:that|this|it))\b/i;

/** "Secondary insurance:", "SECONDARY - AARP Medicare Supplement Plan G": a second plan's block. */
const SECONDARY_LABEL = /^\s*(?:[-*•]\s*)?(?:secondary|2nd(?:ary)?)\b(?:[^:]{0,40}:|\s+(?:insurance\s+|coverage\s+|plan\s+)?[-–—]\s+\S)/i;
/** "(Old 2024 coverage, for reference only - TERMED 12/31/2025:": a plan that no longer covers the client. */
const FORMER_COVERAGE = /^\W*(?:old|previous|prior|former|terminated|termed|inactive|expired)\b[^:\n]{0,60}\b(?:coverage|insurance|plan|policy)\b[^:\n]{0,60}:\s*$/i;
/** "PRIOR COVERAGE - TERMED 06/30/2026, DO NOT USE": a heading in capitals needs no colon. */
const FORMER_COVERAGE_HEADING = /^(?=[^a-z]*$)\W*(?:OLD|PREVIOUS|PRIOR|FORMER|TERMINATED|TERMED|INACTIVE|EXPIRED)\b[^:\n]{0,60}\b(?:COVERAGE|INSURANCE|PLAN|POLICY)\b[^:\n]{0,60}$/;

function headingForField(field: FieldKey): Heading | null {
  if (field === 'clientName' || field === 'name') return { section: 'client', newClient: false };
  if (field === 'payer') return { section: 'insurance', newClient: false };
  if (field === 'subscriberName') return { section: 'subscriber', newClient: false };
  if (field === 'referredBy') return { section: 'referral', newClient: false };
  return null;
}
