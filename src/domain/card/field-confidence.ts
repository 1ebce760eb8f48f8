/**
 * How sure OCR was of each card field: the recognised words that produced the value, found on
 * one recognised line, and their confidences weighted by length. Pure. A value those words cannot
 * be located for (a payer named from the dictionary, "BCBS" read as "Blue Cross Blue Shield") has
 * no entry, and the reading's mean confidence stands for it.
 */
import type { CardFieldConfidence, CardFields } from '../../../schemas/vob-record';

export interface RecognisedWord {
  text: string;
  /** Tesseract's word confidence, 0-100. */
  confidence: number;
  /** Words of one recognised line share it. */
  line: string;
}

/** Letters and digits upper-cased, with the look-alikes OCR confuses folded to one. */
function fold(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/S/g, '5')
    .replace(/B/g, '8')
    .replace(/Z/g, '2')
    .replace(/G/g, '6');
}

/** Share of the value the words must make up before their line counts as where it was read. */
const MIN_COVER = 0.6;

/**
 * The confidence of the words of one line that make up `key` (folded): each word that is a piece
 * of the value (two characters or more), or holds the whole value ("ID:W123456789"). The line
 * covering most of the value wins; null when none covers enough of it.
 */
function confidenceOf(key: string, lines: ReadonlyMap<string, readonly { key: string; confidence: number }[]>): number | null {
  if (key.length === 0) return null;
  let best: { cover: number; confidence: number } | null = null;
  for (const words of lines.values()) {
    const holder = words.find((w) => w.key.length > key.length && w.key.includes(key));
    const pieces = holder ? [holder] : words.filter((w) => w.key.length >= Math.min(2, key.length) && key.includes(w.key));
    const weight = pieces.reduce((s, w) => s + Math.min(w.key.length, key.length), 0);
    if (weight === 0) continue;
    const cover = Math.min(1, weight / key.length);
    const confidence = pieces.reduce((s, w) => s + w.confidence * Math.min(w.key.length, key.length), 0) / weight;
    if (!best || cover > best.cover) best = { cover, confidence };
  }
  return best && best.cover >= MIN_COVER ? Math.round(Math.min(100, Math.max(0, best.confidence))) : null;
}

function byLine(words: readonly RecognisedWord[], keyOf: (text: string) => string): Map<string, { key: string; confidence: number }[]> {
  const lines = new Map<string, { key: string; confidence: number }[]>();
  for (const w of words) {
    const key = keyOf(w.text);
    if (key.length === 0) continue;
    const line = lines.get(w.line) ?? [];
    line.push({ key, confidence: w.confidence });
    lines.set(w.line, line);
  }
  return lines;
}

/** `mean` (the reading's mean confidence) stands for a phone whose words are not found: `phones` stays parallel to the card's. */
export function fieldConfidence(fields: CardFields, words: readonly RecognisedWord[], mean: number): CardFieldConfidence {
  // Words by line, keyed as folded text, and (for phones) as the digits printed: a label's
  // letters folded to look-alike digits ("Provider" → 01) are no part of a number.
  const lines = byLine(words, fold);
  const digitLines = byLine(words, (text) => text.replace(/\D/g, ''));
  const out: CardFieldConfidence = {};
  for (const name of ['payerName', 'memberId', 'groupNumber', 'memberName', 'rxBin', 'rxPcn', 'rxGroup'] as const) {
    const value = fields[name];
    const c = value === null ? null : confidenceOf(fold(value), lines);
    if (c !== null) out[name] = c;
  }
  // A phone as printed: "1-800-555-0100", "(800) 555-0100": its digits, with or without the 1.
  const phones = fields.phones.map((p) => {
    const digits = p.number.replace(/\D/g, '');
    return confidenceOf(digits, digitLines) ?? confidenceOf(digits.replace(/^1/, ''), digitLines) ?? Math.round(mean);
  });
  if (phones.length > 0) out.phones = phones;
  return out;
}
