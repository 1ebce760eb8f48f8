/**
 * OCR text as lines of cells. The OCR adapter lays words out at their horizontal position, so a
 * run of two or more spaces (or a tab) separates columns; a value printed under its label is
 * then found in the next line's cell at the same column.
 */

export interface Cell {
  text: string;
  /** Column (character offset in the line) where the cell starts and ends. */
  start: number;
  end: number;
}

export interface Line {
  text: string;
  cells: Cell[];
}

export function toLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw) => {
      const line = raw.replace(/\t/g, '    ').replace(/\s+$/, '');
      const cells: Cell[] = [];
      const re = /\S+(?: \S+)*/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line))) cells.push({ text: m[0], start: m.index, end: m.index + m[0].length });
      return { text: line, cells };
    })
    .filter((l) => l.cells.length > 0);
}

/** Cells of `line` overlapping columns [start, end] (with a tolerance). */
export function cellsBelow(line: Line, start: number, end: number, slack = 4): Cell[] {
  return line.cells.filter((c) => c.end >= start - slack && c.start <= end + slack);
}

/** Digits that OCR commonly reads as letters, for repairs inside digit-only positions. */
export const LETTER_TO_DIGIT: Record<string, string> = {
  O: '0', Q: '0', D: '0', o: '0', I: '1', L: '1', l: '1', '|': '1', '!': '1', S: '5', s: '5', B: '8', Z: '2', z: '2', G: '6', g: '9',
};

/** Letters that OCR commonly reads as digits, for repairs inside letter-only positions. */
export const DIGIT_TO_LETTER: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G', '4': 'A' };

/** Replace letter look-alikes by digits; null when something else than a digit remains. */
export function asDigits(s: string): string | null {
  let out = '';
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (LETTER_TO_DIGIT[ch] !== undefined) out += LETTER_TO_DIGIT[ch];
    else return null;
  }
  return out;
}
