/** US phone numbers as written in emails, to E.164 (+1XXXXXXXXXX). */

const LETTER_DIGITS: Record<string, string> = {
  A: '2', B: '2', C: '2', D: '3', E: '3', F: '3', G: '4', H: '4', I: '4', J: '5', K: '5', L: '5',
  M: '6', N: '6', O: '6', P: '7', Q: '7', R: '7', S: '7', T: '8', U: '8', V: '8', W: '9', X: '9',
  Y: '9', Z: '9',
};

/** A phone-shaped run: optional +1/1, area code, exchange, line; letters allowed for vanity numbers. */
const PHONE_RUN =
  /(?<![\w+])(?:\+?\s?1[\s.\-]*)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})[\s.\-]*(?:[2-9A-Z][\dA-Z]{2})[\s.\-]*[\dA-Z]{4}(?:[A-Z]{0,3})(?!\d)/gi;

/** Extensions are not part of the number a biller dials first. */
const EXTENSION = /\s*(?:,|;)?\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\b.*$/i;

/** E.164 for a 10-digit NANP number (or 11 with the leading 1), else null. */
function toE164(digits: string): string | null {
  let d = digits;
  if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
  if (d.length !== 10) return null;
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(d)) return null;
  return `+1${d}`;
}

/** Digits of a phone run, vanity letters converted and the surplus letters dropped (1-800-FOR-AETNA). */
function runDigits(run: string): string | null {
  const hasLetters = /[A-Z]/i.test(run);
  const d = run.toUpperCase().replace(/[A-Z]/g, (c) => LETTER_DIGITS[c] ?? '').replace(/\D/g, '');
  if (!hasLetters) return d;
  if (d.startsWith('1') && d.length > 11) return d.slice(0, 11);
  if (!d.startsWith('1') && d.length > 10) return d.slice(0, 10);
  return d;
}

/** Every phone number in the text, in order, as E.164. */
export function findPhones(text: string): string[] {
  const out: string[] = [];
  const t = text.slice(0, 2000);
  for (const m of t.matchAll(PHONE_RUN)) {
    const run = m[0];
    // A vanity run must still contain real digits for the area code; pure words are not numbers.
    const digits = runDigits(run.replace(EXTENSION, ''));
    if (digits === null) continue;
    const e164 = toE164(digits);
    if (e164 !== null) out.push(e164);
  }
  return out;
}

/** Words that mark the line a biller calls to verify benefits, preferred among several phones. */
const PROVIDER_WORDS = /provider|behavioral|behavioural|mental|\bbh\b|\bmh\b|benefit|eligib|verif|substance|sud\b/i;

/**
 * The phone number a value gives, as E.164, or null. Where the value lists several numbers
 * ("Member: 800..., Provider: 888..."), the provider/behavioral-health one is preferred.
 */
/** "1-800-555-01-53", "800 555 01 53": the last four digits written as two pairs, as many countries write them, joined. */
export function withPairedDigitsJoined(text: string): string {
  return text.replace(/(?<![\d-])((?:1[\s.-])?\d{3}[\s.-]\d{3})[\s.-](\d{2})[\s.-](\d{2})(?![\d-])/g, '$1-$2$3');
}

export function parsePhone(raw: string): string | null {
  // "1–800–555–0147": a word processor's en dashes between the digit groups are hyphens.
  const value = withPairedDigitsJoined(raw.replace(/(?<=\d)[\u2010-\u2015](?=\d)/g, '-'));
  // "1-8OO-555-O131": a fax's OCR reads zeros as O in a run of digits and dashes.
  const t = value.slice(0, 2000).replace(/(?<![\p{L}])[\dOo][\dOo-]{6,}(?![\p{L}])/gu, (run) => (/\d{3}/.test(run) ? run.replace(/[Oo]/g, '0') : run));
  const matches = [...t.matchAll(PHONE_RUN)];
  if (matches.length === 0) return null;
  const numbers: { e164: string; index: number }[] = [];
  for (const m of matches) {
    const digits = runDigits(m[0]);
    const e164 = digits === null ? null : toE164(digits);
    if (e164 !== null) numbers.push({ e164, index: m.index ?? 0 });
  }
  if (numbers.length === 0) return null;
  if (numbers.length > 1) {
    let prev = 0;
    for (const n of numbers) {
      const before = t.slice(prev, n.index);
      if (PROVIDER_WORDS.test(before)) return n.e164;
      prev = n.index;
    }
  }
  return numbers[0]?.e164 ?? null;
}

/** True when the text reads as a phone number written with phone punctuation (not a bare ID). */
export function looksLikeFormattedPhone(value: string): boolean {
  return /\(\s*\d{3}\s*\)|(?<!\d)(?:1[\s.\-])?\d{3}[\s.\-]\d{3}[\s.\-]\d{4}(?!\d)|\b1-8\d\d-/.test(value);
}
