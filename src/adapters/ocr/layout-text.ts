/**
 * OCR words laid out as text with their columns kept: words are placed at their horizontal
 * position, so a gap between columns becomes a run of spaces and a value printed under its label
 * lands at the label's column (what src/domain/card/card-text.ts reads).
 */
import type { OcrWord } from './ocr-pool';

interface Row {
  words: OcrWord[];
  top: number;
  bottom: number;
}

function between(w: OcrWord, kept: OcrWord[]): boolean {
  const h = w.y1 - w.y0;
  // Same row by position, not by tesseract's line: the text detector may box an initial apart.
  const near = (o: OcrWord): boolean => Math.abs(o.y0 - w.y0) < h && /^[A-Za-z]{2,}/.test(o.text);
  return kept.some((o) => near(o) && o.x1 <= w.x0 && w.x0 - o.x1 < h * 2) && kept.some((o) => near(o) && o.x0 >= w.x1 && o.x0 - w.x1 < h * 2);
}

export function layoutText(words: OcrWord[], minConfidence = 20): string {
  const sure = words.filter((w) => w.confidence >= minConfidence || /[A-Za-z0-9]{3,}/.test(w.text));
  // A middle initial gets a low confidence on its own ("KEVIN J FICTION" with J at 0) though
  // it was read right: a lone capital between two kept words of its line stays.
  // A bracket glued to it is the edge of the crop or a stroke beside it ("]J"): the letter stays.
  const kept = words.flatMap((w) => {
    if (sure.includes(w)) return [w];
    const bare = { ...w, text: w.text.replace(/^[\[\]{}|]?([A-Z]\.?)[\[\]{}|]?$/, '$1') };
    return /^[A-Z]\.?$/.test(bare.text) && between(bare, sure) ? [bare] : [];
  });
  if (kept.length === 0) return '';
  const charWidths = kept
    .filter((w) => w.text.length >= 2)
    .map((w) => (w.x1 - w.x0) / w.text.length)
    .sort((a, b) => a - b);
  const charW = Math.max(1, charWidths[Math.floor(charWidths.length / 2)] ?? 10);

  // Rows: words whose vertical centres fall within one another's extent, across tesseract lines
  // (sparse mode splits a row into several "lines" at column gaps).
  const sorted = [...kept].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const rows: Row[] = [];
  for (const w of sorted) {
    const c = (w.y0 + w.y1) / 2;
    const h = w.y1 - w.y0;
    // Of the rows it fits, the one whose middle is nearest: a small label beside a tall value
    // on a slightly tilted card fits the row above too.
    const off = (r: Row): number => Math.abs(c - (r.top + r.bottom) / 2);
    const row = rows.filter((r) => c >= r.top - h * 0.15 && c <= r.bottom + h * 0.15 && off(r) < h * 0.6).sort((a, b) => off(a) - off(b))[0];
    if (row) {
      row.words.push(w);
      row.top = Math.min(row.top, w.y0);
      row.bottom = Math.max(row.bottom, w.y1);
    } else rows.push({ words: [w], top: w.y0, bottom: w.y1 });
  }
  rows.sort((a, b) => a.top + a.bottom - (b.top + b.bottom));
  const minX = Math.min(...kept.map((w) => w.x0));
  return rows
    .map((r) => {
      r.words.sort((a, b) => a.x0 - b.x0);
      let line = '';
      let prev: OcrWord | null = null;
      for (const w of r.words) {
        if (prev) {
          const gap = w.x0 - prev.x1;
          const sameLine = prev.lineKey === w.lineKey;
          // Within a phrase a single space; a wide gap or a new tesseract line is a column break.
          if (sameLine && gap < charW * 1.8) line += ' ';
          else line += ' '.repeat(Math.max(2, Math.round((w.x0 - minX) / charW) - line.length));
        } else line += ' '.repeat(Math.max(0, Math.round((w.x0 - minX) / charW)));
        line += w.text;
        prev = w;
      }
      return line.replace(/\s+$/, '');
    })
    .join('\n');
}
