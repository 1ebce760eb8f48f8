/**
 * Labelled values on the front of a card: member ID, group, Rx BIN/PCN/group, member name.
 * IDs are checked against the formats payers are known to use, and OCR's look-alike characters
 * (O/0, I/1, S/5, B/8, Z/2) are repaired only where such a format says which kind of
 * character belongs in that position; elsewhere an ID is kept as read.
 */
import { asDigits, cellsBelow, DIGIT_TO_LETTER, type Line, toLines } from './card-text';
import { findPayer } from './payers';

export type LabelledField = 'memberId' | 'policyId' | 'groupNumber' | 'rxBin' | 'rxPcn' | 'rxGroup' | 'memberName' | 'stop';

/** Label spellings, most specific first: a regex alternation takes the first that matches. */
const LABEL_DEFS: Array<[LabelledField, string]> = [
  ['stop', String.raw`(?:member|customer|provider|participant|pharmacy|behavioral|mental)\s*(?:health\s*)?(?:services?|care|line|inquiries)`],
  ['stop', String.raw`(?:payer|payor|plan|issuer|tax|provider|claims?|card|network|edi|naic)\s*(?:[I1l|]D|Identification|Code|Number|No\b\.?|#)`],
  ['stop', String.raw`group\s*name|employer(?:\s*name)?|plan\s*(?:type|name)|product|coverage(?:\s*type)?|network|eff(?:ective)?\.?\s*(?:date|dt)?|issue\s*date|issued|date\s*of\s*birth|DOB|sex|copays?|office\s*visit|specialist|urgent\s*care|emergency\s*room|deductible|coinsurance|PCP(?:\s*name)?|dependents?|ded|oop`],
  ['rxBin', String.raw`rx\s*bin\s*(?:#|no\b\.?|number)?|bin\s*(?:#|no\b\.?|number)?`],
  ['rxPcn', String.raw`rx\s*pcn\s*(?:#|no\b\.?)?|pcn\s*(?:#|no\b\.?)?`],
  ['rxGroup', String.raw`rx\s*(?:grp|group|gp)\s*(?:#|no\b\.?|number|[I1l|]D)?`],
  ['memberName', String.raw`(?:member|mbr|subscriber|enrollee|cardholder|beneficiary|insured|patient|recipient)(?:'?s)?\s*name|name\s*of\s*(?:member|insured|subscriber)`],
  ['memberId', String.raw`(?:member|mbr|subscriber|enrollee|insured|cardholder|beneficiary|recipient|client|medicaid|medicare|patient|policy\s*holder|health\s*plan)\s*(?:[I1l|]D|identification)\s*(?:number|num|no\b\.?|#)?`],
  ['memberId', String.raw`(?:member|mbr|subscriber|medicare|medicaid|medi-cal|enrollee)\s*(?:number|num|no\b\.?|#)`],
  // OCR reads a small "ID" as "10" ("Member 10: 520394817"); the colon, a stray degree sign or
  // a long number after it tells it from a value. A small "#" may come out as "=".
  ['memberId', String.raw`(?:member|mbr|subscriber)\s*(?:1[0O°](?=\s*:)|1[0O]°|1[0O](?=\s+\d{6,})|=(?=\s*:))`],
  // TRICARE identifies the beneficiary by the DoD Benefits Number (DBN) or DoD ID number.
  ['memberId', String.raw`DoD\s*(?:benefits?\s*)?(?:[I1l|]D\s*)?(?:number|num|no\b\.?|#)|DBN`],
  ['policyId', String.raw`(?:policy|contract|certificate|cert)\s*(?:number|num|no\b\.?|#|[I1l|]D)`],
  ['memberId', String.raw`identification\s*(?:number|num|no\b\.?|#)|[I1l|]D\s*(?:number|num|no\b\.?|#)|(?:medical\s*)?re\S{0,2}\s*\S{0,2}rd\s*(?:number|no\b\.?|#)|MRN|MBI|CIN|BIC\s*[I1l|]D|[I1l|]D`],
  ['groupNumber', String.raw`(?:group|grp|gp)\s*(?:number|num|no\b\.?|#|[I1l|]D)?|account\s*(?:number|no\b\.?|#)`],
  ['memberName', String.raw`member|subscriber|enrollee|cardholder|beneficiary|insured|name`],
];

const LABEL_RE = new RegExp(
  LABEL_DEFS.map(([, src]) => `(?<![A-Za-z0-9])(${src})(?![a-z])\\s*[:;#.\\-]*`).join('|'),
  'gi',
);

interface LabelHit {
  field: LabelledField;
  /** Column where the label starts and where its value starts. */
  start: number;
  valueStart: number;
}

function labelsIn(text: string): LabelHit[] {
  const hits: LabelHit[] = [];
  LABEL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABEL_RE.exec(text))) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    // "Rx Group" shares its tail with "Group": the Rx alternative is listed first and wins.
    hits.push({ field: LABEL_DEFS[group]![0], start: m.index, valueStart: m.index + m[0].length });
    if (m[0].length === 0) LABEL_RE.lastIndex++;
  }
  return hits;
}

export interface LabelledValues {
  memberId: string[];
  /** Policy/contract/certificate numbers: the member ID only when no member ID is labelled. */
  policyId: string[];
  groupNumber: string[];
  rxBin: string[];
  rxPcn: string[];
  rxGroup: string[];
  memberName: string[];
}

/** The text of `line` from column `from` to the next label (or the end of its cell). */
function segmentAt(line: Line, from: number): string {
  const cell = line.cells.find((c) => c.end > from && c.start <= from) ?? line.cells.find((c) => c.start >= from);
  if (!cell) return '';
  const offset = Math.max(0, from - cell.start);
  const rest = cell.text.slice(offset);
  const next = labelsIn(rest).find((h) => h.start > 0);
  return (next ? rest.slice(0, next.start) : rest).trim();
}

/**
 * "RxPCNIRX", "RxGRPUMR41323": OCR drops the colon and the space between a capitalised Rx label
 * and its value; the label is then no word of its own. A space is put back (the label's capitals
 * are the printed ones: "RxGROUP" is left alone).
 */
export function unglueRxLabels(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const out = line.replace(/\b(R[xX]\s?(?:BIN|PCN|GRP))(?=[A-Z0-9][A-Z0-9\-]+\b)/g, '$1 ');
      return RX_LABEL_WORD.test(out) ? withRxLabelsRepaired(out) : out;
    })
    .join('\n');
}

/** A label word of the pharmacy row, as printed. */
const RX_LABEL_WORD = /\b(?:R[xX]\s?(?:BIN|PCN|GRP|GROUP)|BIN|PCN)\b/;

/**
 * On a row that holds a pharmacy label, the others as OCR misreads them: "RCNMCAIDADV" is
 * "RxPCN MCAIDADV" with the label's "xP" lost, and a short word before a lone six-digit number
 * ("Rain 004336") is the BIN's label, BINs being six digits (when the row has no BIN label).
 */
function withRxLabelsRepaired(line: string): string {
  let out = line.replace(/\bR[xX]?P?CN(?=[A-Z0-9]{2,}\b)/g, 'RxPCN ');
  if (!/\b(?:R[xX]\s?)?BIN\b/i.test(out)) out = out.replace(/\b[A-Za-z]{2,5}(?=[\s:.]+\d{6}(?!\S))/, (w) => (labelsIn(w).length ? w : 'RxBIN'));
  return out;
}

/** "BIN 004336  PCN ADV  GRP RX4581": a group printed after BIN or PCN on their row is the Rx group. */
function rxRowGroups(hits: LabelHit[]): LabelHit[] {
  const firstRx = hits.findIndex((h) => h.field === 'rxBin' || h.field === 'rxPcn');
  if (firstRx < 0) return hits;
  return hits.map((h, i) => (i > firstRx && h.field === 'groupNumber' ? { ...h, field: 'rxGroup' } : h));
}

/** Widest gap, in columns, between a label and a value printed in its own column to the right. */
const BESIDE_GAP = 14;

/**
 * A speck OCR reads between a label and its value (the colon, a stroke of the card's art): one
 * or two lower-case letters or a mark, never a code (codes are capitals and digits).
 */
function speck(text: string): boolean {
  return !hasValue(text) || /^[a-z]{1,2}$/.test(text);
}

/**
 * A value aligned in a column of its own to the right of its label ("RxBIN    610502"): the
 * next cell on the line, when it is near and is not itself a label. Farther cells belong to the
 * card's other column (copays, plan names).
 */
function cellBeside(line: Line, hit: LabelHit, hits: LabelHit[]): string | null {
  let labelEnd = line.text.slice(0, hit.valueStart).trimEnd().length;
  let cell = line.cells.find((c) => c.start >= hit.valueStart);
  // "RxBIN:  ae  004336": specks between the label and its value are stepped over.
  while (cell && cell.start - labelEnd <= BESIDE_GAP && speck(cell.text)) {
    labelEnd = cell.end;
    const after: number = cell.end;
    cell = line.cells.find((c) => c.start > after);
  }
  if (!cell || cell.start - labelEnd > BESIDE_GAP) return null;
  if (hits.some((h) => h.start === cell!.start)) return null;
  const next = hits.find((h) => h.start > cell.start && h.start < cell.end);
  const value = (next ? cell.text.slice(0, next.start - cell.start) : cell.text).trim();
  return hasValue(value) ? value : null;
}

/** More than punctuation: a label's value, not the separator after it. */
function hasValue(text: string): boolean {
  return text.replace(/[\s:#.\-|]/g, '') !== '';
}

/** Every value printed beside or under each label, in reading order. */
export function labelledValues(text: string): LabelledValues {
  const lines = toLines(unglueRxLabels(text));
  const out: LabelledValues = { memberId: [], policyId: [], groupNumber: [], rxBin: [], rxPcn: [], rxGroup: [], memberName: [] };
  lines.forEach((line, li) => {
    const hits = rxRowGroups(labelsIn(line.text));
    const emptyHits: LabelHit[] = [];
    hits.forEach((hit, hi) => {
      const cell = line.cells.find((c) => c.start <= hit.start && c.end >= hit.start);
      const next = hits[hi + 1];
      // A name may be split by OCR into cells ("KEVIN   FICTION"): it runs to the next label.
      let end = cell && hit.field !== 'memberName' ? cell.end : line.text.length;
      if (next && next.start < end) end = next.start;
      const value = line.text.slice(hit.valueStart, Math.max(hit.valueStart, end)).trim();
      if (hit.field === 'stop') return;
      if (hasValue(value)) {
        out[hit.field].push(value);
        return;
      }
      const beside = cellBeside(line, hit, hits);
      if (beside !== null) {
        out[hit.field].push(beside);
        return;
      }
      emptyHits.push(hit);
    });
    if (emptyHits.length === 0) return;
    // Label with its value on the line(s) below: the cell under the label's column, or, when
    // the line below has no column gaps, its tokens taken in the order of the labels.
    const pending = new Set(emptyHits);
    const underLabel: LabelHit[] = [];
    for (const below of lines.slice(li + 1, li + 4)) {
      if (pending.size === 0) break;
      if (below.cells.length > 1 || pending.size === 1) {
        for (const hit of [...pending]) {
          const nextLabel = hits.find((h) => h.start > hit.start);
          const endCol = nextLabel ? nextLabel.start - 1 : hit.valueStart + 12;
          const cell = cellsBelow(below, hit.start, endCol)[0];
          if (!cell) continue;
          pending.delete(hit);
          // Another label under this one: this label's value is not printed below it.
          if (labelsIn(cell.text)[0]?.start === 0) {
            underLabel.push(hit);
            continue;
          }
          out[hit.field as Exclude<LabelledField, 'stop'>].push(segmentAt(below, cell.start));
        }
        continue;
      }
      const tokens = below.text.trim().split(/\s+/);
      if (tokens.length === pending.size && labelsIn(below.text).length === 0) {
        [...pending].forEach((hit, i) => out[hit.field as Exclude<LabelledField, 'stop'>].push(tokens[i]!));
        pending.clear();
      }
    }
    // A pharmacy code the OCR put a little above its label's row: the lone cell of the line above,
    // in the column where values beside a label start.
    const above = lines[li - 1];
    if (!above) return;
    for (const hit of [...pending, ...underLabel]) {
      if (hit.field !== 'rxBin' && hit.field !== 'rxPcn' && hit.field !== 'rxGroup') continue;
      const labelEnd = line.text.slice(0, hit.valueStart).trimEnd().length;
      const cell = above.cells.find((c) => c.start >= labelEnd && c.start - labelEnd <= BESIDE_GAP);
      if (cell && labelsIn(cell.text).length === 0 && !/\s/.test(cell.text.trim())) out[hit.field].push(cell.text.trim());
    }
  });
  return out;
}

/** Whether `text` begins with a card label ("MEMBER", "Group No."): never part of a printed name. */
export function startsWithCardLabel(text: string): boolean {
  return labelsIn(text)[0]?.start === 0;
}

// ---------------------------------------------------------------------------------------------
// ID formats

/** Medicare Beneficiary Identifier: C A AN N A AN N A A N N, letters without S L O I B Z. */
const MBI_ALPHA = '[AC-HJKMNP-RT-Y]';
const MBI_RE = new RegExp(`^[1-9]${MBI_ALPHA}[0-9AC-HJKMNP-RT-Y]\\d${MBI_ALPHA}[0-9AC-HJKMNP-RT-Y]\\d${MBI_ALPHA}${MBI_ALPHA}\\d\\d$`);
const MBI_SHAPE = 'CAXNAXNAANN';

export function isMbi(id: string): boolean {
  return MBI_RE.test(id);
}

/**
 * Medi-Cal BIC ID: the 9-character CIN (8 digits and a letter), a check character and the
 * 4-digit Julian issue date: 14 characters.
 */
const BIC_RE = /^\d{8}[A-Z][A-Z0-9]\d{4}$/;
export function isMediCalBic(id: string): boolean {
  return BIC_RE.test(id);
}

/** Repair `id` position by position against a shape: N digit, A letter, anything else kept. */
function repairToShape(id: string, shape: string): string | null {
  if (id.length !== shape.length) return null;
  let out = '';
  for (let i = 0; i < id.length; i++) {
    const ch = id[i]!;
    const kind = shape[i]!;
    if (kind === 'N' || kind === 'C') {
      const d = asDigits(ch);
      if (d === null) return null;
      out += d;
    } else if (kind === 'A') {
      out += /[0-9]/.test(ch) ? (DIGIT_TO_LETTER[ch] ?? ch) : ch;
    } else out += ch;
  }
  return out;
}

const BLUE_PAYER = /blue|anthem|highmark|regence|premera|carefirst|horizon|excellus|wellmark|empire|independence|bcbs|fep/i;

function mostlyDigits(s: string): boolean {
  const digits = (s.match(/\d/g) ?? []).length;
  return s.length > 0 && digits / s.length >= 0.6;
}

/**
 * The member ID in its canonical form (upper-case, no spaces) after format-guided repair, or
 * null when `raw` cannot be an ID (no digit, too short or long).
 */
export function normaliseMemberId(raw: string, payer: string | null = null): string | null {
  let id = raw.toUpperCase().replace(/[\s.,:;'"`_]/g, '').replace(/^[#\-]+|[\-]+$/g, '');
  if (!/^[A-Z0-9|!-]+$/.test(id)) return null;
  const undashed = id.replace(/-/g, '');

  // Medicare: MBI is entered without its printed dashes.
  if (undashed.length === 11 && (payer === 'Medicare' || isMbi(undashed) || /^\d[A-Z]/.test(undashed))) {
    const repaired = repairToShape(undashed, MBI_SHAPE);
    if (repaired && isMbi(repaired)) return repaired;
  }
  // Medi-Cal BIC.
  if (undashed.length === 14 && (payer === 'Medi-Cal' || /^[\dOISBZ]{8}[A-Z]/.test(undashed))) {
    const repaired = repairToShape(undashed, 'NNNNNNNNAXNNNN');
    if (repaired && isMediCalBic(repaired)) return repaired;
  }
  if (!id.includes('-')) {
    // Blue plans: 3-character alpha prefix and a mostly numeric member number.
    if (BLUE_PAYER.test(payer ?? '') && id.length >= 9 && mostlyDigits(id.slice(3))) {
      const prefix = id.slice(0, 3).replace(/[0-9]/g, (d) => DIGIT_TO_LETTER[d] ?? d);
      const rest = id.slice(3);
      const digits = asDigits(rest);
      if (/^[A-Z]{3}$/.test(prefix) && digits) return prefix + digits;
      if (/^[A-Z]{3}$/.test(prefix)) return prefix + rest;
    }
    // A 3-character alpha prefix read with a look-alike digit ("0SC48201937" for OSC...).
    const prefixed = /^([A-Z0-9]{3})([0-9A-Z]{6,14})$/.exec(id);
    if (prefixed && (prefixed[1]!.match(/[A-Z]/g) ?? []).length >= 2 && /[0-9]/.test(prefixed[1]!) && asDigits(prefixed[2]!) === prefixed[2]) {
      const prefix = prefixed[1]!.replace(/[0-9]/g, (d) => DIGIT_TO_LETTER[d] ?? d);
      if (/^[A-Z]{3}$/.test(prefix)) return prefix + prefixed[2]!;
    }
    // One or two prefix letters then digits (Aetna W123456789, Cigna U12345678, Humana H1234567).
    const lettered = /^([A-Z]{1,2})([0-9A-Z|!]{6,13})$/.exec(id);
    if (lettered && mostlyDigits(lettered[2]!)) {
      const digits = asDigits(lettered[2]!);
      if (digits) return lettered[1]! + digits;
    }
    // All-numeric IDs (UnitedHealthcare, many Medicaid plans) read with a look-alike letter.
    if (id.length >= 8 && mostlyDigits(id) && /^[0-9]/.test(id)) {
      const digits = asDigits(id);
      if (digits) return digits;
    }
  }
  const cleaned = id.replace(/[|!]/g, 'I');
  if (!/\d/.test(cleaned) || cleaned.replace(/-/g, '').length < 5 || cleaned.length > 24) return null;
  return cleaned;
}

/** Join the tokens an ID is printed in ("XYZ 123456789", "123 45 6789", "U12345678 01"). */
function idFromValue(value: string): string | null {
  // A colon OCR read as a semicolon, after the label or the value, is no part of the ID.
  const tokens = value.replace(/^[\s:;#.\-]+/, '').split(/\s+/).filter(Boolean).map((t) => t.replace(/[;,]+$/, ''));
  if (tokens.length === 0) return null;
  const isIdChar = (t: string): boolean => /^[A-Za-z0-9|!\-]+$/.test(t);
  let id = tokens[0]!;
  if (!isIdChar(id)) return null;
  for (const t of tokens.slice(1)) {
    if (!isIdChar(t) || /[a-z]{2}/.test(t)) break;
    const joined = id.replace(/-/g, '');
    const alphaPrefix = /^[A-Z]{3}$/.test(joined) && /\d/.test(t);
    const digitGroups = /^\d{2,5}$/.test(joined.slice(-5)) && /^\d{2,6}$/.test(t) && joined.length + t.length <= 14;
    const suffix = /^\d{2}$/.test(t) && joined.length >= 7;
    if (alphaPrefix || digitGroups || suffix) id += t;
    else break;
  }
  return id;
}

/**
 * A word of running text ("process claims with the BIN, PCN and group shown on the front"):
 * codes are printed in capitals and digits, so a lower-case word after a label is prose.
 */
function proseWord(token: string): boolean {
  return /^[a-z]{2,}[.,;:]?$/.test(token);
}

/** Group number from a value: one token, upper-case (hyphens kept as printed). */
function groupFromValue(value: string): string | null {
  const token = value.replace(/^[\s:#.\-]+/, '').split(/\s+/)[0] ?? '';
  if (proseWord(token)) return null;
  const t = token.toUpperCase().replace(/[.,;:]+$/, '');
  if (!/^[A-Z0-9][A-Z0-9\-]{1,24}$/.test(t)) return null;
  if (!/\d/.test(t) && (t.length < 3 || /^(NAME|NUMBER|NONE|NA|N\/A|PLAN|ID)$/.test(t))) return null;
  if (/^(NAME|NUMBER|NONE|PLAN|PPO|HMO|EPO|POS)$/.test(t)) return null;
  return t;
}

/** Rx BIN: six digits. */
function binFromValue(value: string): string | null {
  const token = value.replace(/^[\s:#.\-]+/, '').split(/\s+/)[0] ?? '';
  const d = asDigits(token.replace(/[.,;:]+$/, ''));
  return d && d.length === 6 ? d : null;
}

function codeFromValue(value: string): string | null {
  const token = value.replace(/^[\s:#.\-]+/, '').split(/\s+/)[0] ?? '';
  if (proseWord(token)) return null;
  const t = token.toUpperCase().replace(/[.,;:]+$/, '');
  return /^[A-Z0-9][A-Z0-9\-]{0,14}$/.test(t) && !/^(NAME|NUMBER|GROUP|GRP|BIN|PCN)$/.test(t) ? t : null;
}

const NAME_STOPWORDS = new Set(
  `member subscriber name id group grp plan health care healthcare insurance services service provider providers
  pharmacy rx bin pcn copay copays ppo hmo epo pos hdhp network medical dental vision behavioral mental
  claims claim card blue cross shield of the and for with coverage choice plus select open access benefits
  effective date dob issued issue dependents dependent coinsurance deductible office visit specialist urgent
  emergency room er pcp primary www com org net call phone customer inc co company employer national
  advantage gold silver bronze platinum medicare medicaid community state county department california
  identification beneficiary number no premier preferred options option saver value core basic standard
  help line hotline only this is must verify eligibility department services state issue birth sex
  rxbin rxpcn rxgrp rxgroup policy code type ext extension tty`
    .split(/\s+/),
);

/** A person's name as printed: 2-5 words, letters, optional initials. */
export function cleanName(value: string): string | null {
  const words = value
    // Brackets are OCR's reading of a stroke beside a letter ("PETER J] SAMPLEMAN"), never a name.
    .replace(/(?<=[A-Za-z])[\[\]{}]+(?=\s|$)/g, '')
    // A bar standing alone between two names is a middle initial I ("OSCAR | BISHOP").
    .replace(/(?<=[A-Za-z] )\|(?= [A-Za-z])/g, 'I')
    .replace(/[|_]+/g, ' ')
    .replace(/^[\s:#.\-]+/, '')
    .split(/\s+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (const w of words) {
    const clean = w.replace(/[,;:]+$/, '');
    if (!/^[A-Za-z][A-Za-z'.\-]*$/.test(clean)) break;
    if (NAME_STOPWORDS.has(clean.toLowerCase().replace(/\.$/, ''))) break;
    kept.push(clean);
    if (kept.length === 5) break;
  }
  if (kept.length < 2) return null;
  const letters = kept.join('').replace(/[^A-Za-z]/g, '');
  if (letters.length < 4) return null;
  // Mixed-case garbage ("tHe", "aBc") is OCR noise, not a name.
  if (kept.some((w) => w.length > 1 && !/^[A-Z][a-z'\-.]+$/.test(w) && !/^[A-Z'\-.]+$/.test(w) && !/^(Mc|Mac|O')[A-Z][a-z]+$/.test(w))) return null;
  return kept.join(' ');
}

/** A line that is nothing but a name, the card's usual way of printing the member. */
function nameLines(text: string): Array<{ name: string; line: number }> {
  const out: Array<{ name: string; line: number }> = [];
  toLines(text).forEach((line, i) => {
    for (const cell of line.cells) {
      if (labelsIn(cell.text).length > 0) continue;
      const name = cleanName(cell.text);
      if (!name) continue;
      if (name.split(/\s+/).length !== cell.text.trim().split(/\s+/).length) continue;
      if (findPayer(name)) continue;
      out.push({ name, line: i });
    }
  });
  return out;
}

export interface FrontFields {
  memberId: string | null;
  groupNumber: string | null;
  memberName: string | null;
  rxBin: string | null;
  rxPcn: string | null;
  rxGroup: string | null;
}

/** Well-known ID shapes found without a label (a card that prints the ID alone). */
function unlabelledId(text: string, payer: string | null): string | null {
  const tokens = text.toUpperCase().split(/[^A-Z0-9\-]+/).filter((t) => t.length >= 9);
  for (const t of tokens) {
    const id = normaliseMemberId(t, payer);
    if (!id) continue;
    const bare = id.replace(/-/g, '');
    if (isMbi(bare) || isMediCalBic(bare) || /^[A-Z]{3}\d{8,14}$/.test(bare) || /^[A-Z]\d{8,11}$/.test(bare)) return id;
  }
  return null;
}

/** Member ID, group, name and Rx codes read from card text. */
export function readFrontFields(text: string, payer: string | null = findPayer(text)): FrontFields {
  const v = labelledValues(text);
  const first = <T>(values: string[], f: (s: string) => T | null): T | null => {
    for (const value of values) {
      const r = f(value);
      if (r !== null) return r;
    }
    return null;
  };
  const asId = (s: string): string | null => {
    const raw = idFromValue(s);
    return raw ? normaliseMemberId(raw, payer) : null;
  };
  const memberId = first(v.memberId, asId) ?? first(v.policyId, asId) ?? unlabelledId(text, payer);
  const groupNumber = first(v.groupNumber, groupFromValue);
  let memberName = first(v.memberName, cleanName);
  if (!memberName) {
    // Unlabelled: the name-only line nearest the member ID (cards print it just above or below).
    const candidates = nameLines(text);
    const lines = toLines(text);
    const idLine = memberId ? lines.findIndex((l) => l.text.toUpperCase().replace(/[\s\-]/g, '').includes(memberId.replace(/-/g, ''))) : -1;
    candidates.sort((a, b) => (idLine >= 0 ? Math.abs(a.line - idLine) - Math.abs(b.line - idLine) : a.line - b.line));
    memberName = candidates[0]?.name ?? null;
  }
  return {
    memberId,
    groupNumber,
    memberName,
    rxBin: first(v.rxBin, binFromValue),
    rxPcn: first(v.rxPcn, codeFromValue),
    rxGroup: first(v.rxGroup, codeFromValue),
  };
}
