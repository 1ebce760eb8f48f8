/**
 * Labelled phone numbers on a card (mostly its back), in E.164, and the one a biller calls to
 * verify benefits.
 */
import type { CardPhone } from '../../../schemas/vob-record';
import { asDigits, toLines } from './card-text';

/** Canonical labels, matched in this order on the text before a number. */
const LABELS: Array<[string, RegExp]> = [
  // A crisis line answers members in crisis, not a biller's benefits questions.
  ['Crisis Line', /crisis|suicide|\b988\b/i],
  ['Behavioral Health', /behaviou?ral|mental\s*health|\bMH\s*\/?\s*SA\b|\bMH\b|\bMHSA\b|substance|chemical\s*dependency|\bBH\b|psych/i],
  ['Precertification', /pre-?\s*cert|pre-?\s*auth|prior\s*auth|pre-?\s*notification|utilization|\bUM\b|authori[sz]ation|admission\s*notif/i],
  ['Provider Services', /provider|physician|hospital|doctors?\s*(?:only|line)|eligibility|verification|benefits?\s*verif/i],
  ['Pharmacy', /pharmac|\bRx\b|prescription|drug|caremark|express\s*scripts|optumrx/i],
  ['Nurse Line', /nurse|24\s*\/?\s*7\s*health|health\s*line|telehealth|tele-?doc|virtual\s*visit/i],
  ['Member Services', /member|participant|enrollee|beneficiar/i],
  ['Customer Service', /customer|service|questions|info(?:rmation)?\b/i],
  ['Claims', /claims?/i],
  ['Dental', /dental/i],
  ['Vision', /vision/i],
  ['Emergency', /emergenc|\bER\b|urgent/i],
  ['TTY', /\bTTY\b|\bTDD\b|hearing/i],
];

const KEYPAD: Record<string, string> = {
  A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5',
  M: '6', N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9', Y: '9', Z: '9',
};

// A NANP number with optional leading 1, as printed or as OCR reads it: digits may come out as
// look-alike letters (O, I, l, S, B), and toll-free numbers may be spelled ("1-800-CIGNA24").
const PHONE_RE =
  /(?<![\dA-Za-z])(?:\+?\s?[1lI][\s.\-]?)?\(?([2-9OSB][\dOIlSBZ]{2})\)?[\s.\-]{0,2}([\dOIlSBZ]{3}|[A-Z]{3})[\s.\-]?([\dOIlSBZ]{4}|[A-Z]{4}|[A-Z0-9]{4,7})(?![\dA-Za-z])/g;

/** A number as E.164 (+1XXXXXXXXXX), or null when it is not a plausible US number. */
export function toE164(area: string, exchange: string, line: string): string | null {
  const fixDigits = (s: string): string | null => asDigits(s);
  const a = fixDigits(area);
  if (!a) return null;
  const e = fixDigits(exchange);
  const l = fixDigits(line);
  let rest: string | null = e && l && l.length === 4 ? e + l : null;
  // Only a toll-free number is spelled out in letters ("1-800-CIGNA24"); look-alike repair first.
  if (!rest && /^8(00|33|44|55|66|77|88)$/.test(a) && /[A-Z]{2}/.test(exchange + line)) {
    rest = (exchange + line)
      .toUpperCase()
      .split('')
      .map((c) => (/\d/.test(c) ? c : (KEYPAD[c] ?? '')))
      .join('')
      .slice(0, 7);
  }
  if (!rest || rest.length !== 7) return null;
  if (!/^[2-9]\d{2}$/.test(a) || !/^[2-9]/.test(rest)) return null;
  if (/^(\d)\1{9}$/.test(a + rest) || /^555/.test(a)) return null;
  return `+1${a}${rest}`;
}

function labelFor(text: string): string | null {
  for (const [label, re] of LABELS) if (re.test(text)) return label;
  return null;
}

interface FoundNumber {
  number: string;
  /** Printed without any separator: as likely an ID as a phone, so it needs a phone label. */
  bare: boolean;
  line: number;
  start: number;
  end: number;
}

/** Labelled phones in reading order; a number with no label nearby is labelled "Phone". */
export function readCardPhones(text: string): CardPhone[] {
  const lines = toLines(text);
  const found: FoundNumber[] = [];
  lines.forEach((line, li) => {
    // OCR splits a number at a column-like gap ("1-8  00-541-5555"): close gaps between digits
    // and dashes (a column gap is 2+ spaces; numbers in running text are 1 apart); only phone matching sees this text, so IDs are not joined anywhere else.
    line.text = line.text.replace(/([\d\-]) {2,3}(?=[\d\-])/g, '$1');
    PHONE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PHONE_RE.exec(line.text))) {
      const number = toE164(m[1]!, m[2]!, m[3]!);
      if (number) found.push({ number, bare: !/[\s.\-()]/.test(m[0].trim()), line: li, start: m.index, end: m.index + m[0].length });
    }
  });
  const out: CardPhone[] = [];
  found.forEach((f, i) => {
    const line = lines[f.line]!;
    // The label is what precedes the number on its line, back to the previous number; failing
    // that, the text after it (some cards print "1-800-555-0100 Member Services"), then the
    // line above when it carries no number of its own (label over number).
    const prev = found[i - 1];
    const from = prev && prev.line === f.line ? prev.end : 0;
    const before = line.text.slice(from, f.start);
    const nextOnLine = found[i + 1] && found[i + 1]!.line === f.line ? found[i + 1]!.start : line.text.length;
    const after = line.text.slice(f.end, nextOnLine);
    let label = labelFor(before.replace(/\bTTY\b.*$/i, '')) ?? (before.trim() === '' ? labelFor(after) : null);
    // Only filler before the number ("call", "or call"): the label is the line above, or, in
    // small print that wraps ("... Pharmacists:" / "call 1-833-..."), the end of that line.
    const filler = before.replace(/\b(?:please|or|and|call|dial|at|toll[-\s]?free|phone|tel)\b/gi, '');
    if (!label && filler.replace(/[^A-Za-z]/g, '').length < 3) {
      const above = lines[f.line - 1];
      const lastOnAbove = [...found].reverse().find((o) => o.line === f.line - 1);
      if (above && !lastOnAbove) {
        const tail = above.text.split(/[.;](?=\s|$)/).filter((p) => p.trim()).pop() ?? '';
        label = /:\s*$/.test(above.text) ? labelFor(tail) : before.replace(/[^A-Za-z]/g, '').length < 3 ? labelFor(above.text) : null;
      }
    }
    if (!label && /\bTTY\b|\bTDD\b/i.test(before)) label = 'TTY';
    if (f.bare && (!label || /[I1l|]D\b|member\s*(?:id|#|no)|group|grp/i.test(before))) return;
    const entry = { label: label ?? 'Phone', number: f.number };
    if (!out.some((o) => o.label === entry.label && o.number === entry.number)) out.push(entry);
  });
  return out;
}

/**
 * The phone a biller calls to verify benefits: the behavioral-health line (where a plan carves
 * out mental health and substance use, only that line knows those benefits; this service's
 * centers are behavioral health), else the provider line (the contract fills `insurance.phone`
 * only from these); null when the card has neither.
 */
export function pickVerificationPhone(phones: CardPhone[]): string | null {
  for (const wanted of ['Behavioral Health', 'Provider Services']) {
    const hit = phones.find((p) => p.label === wanted);
    if (hit) return hit.number;
  }
  return null;
}
