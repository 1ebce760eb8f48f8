/**
 * Writers who never use the shift key ("got a new guy at the house, Brandon Keough, dob 7/4/95.
 * he lives here now ... hes on her plan. member # on his card is M0018842261") run their
 * sentences together in lower case, and the readers know a sentence by its capital. Such a line
 * is written in sentence case, with the apostrophes the writer left out. Pure.
 */

/** A sentence's end, then a lower-case word. */
const LOWER_BREAK = /(?<=[a-z0-9)]{2}[.!?])(\s+)([a-z])/g;
const UPPER_BREAK = /(?<=[a-z0-9)]{2}[.!?])\s+[A-Z]/g;

/** Contractions typed without the apostrophe: not English words otherwise. */
const BARE_CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bhes\b/g, "he's"],
  [/\bshes\b/g, "she's"],
  [/\btheyre\b/g, "they're"],
  [/\bi(?=['’](?:m|ll|ve|d)\b|\s)/g, 'I'],
  // "thru his moms job": a relative's possessive.
  [/\b(mom|mother|dad|father|husband|wife|parent|grandma|grandpa|stepdad|stepmom)s(?=\s+(?:job|work|employer|plan|insurance|policy|coverage|name)\b)/g, "$1's"],
  [/\bim\b(?=\s+(?:the|his|her|their|a|an|on|not|calling|writing|sending|emailing)\b)/g, "I'm"],
];

/** The sign of the pass: a lower-case sentence start, or a contraction without its apostrophe. */
export const LOWER_CASE_SIGN = /[a-z0-9)]{2}[.!?]\s+[a-z]|\b(?:hes|shes|theyre|(?:mom|mother|dad|father|husband|wife)s\s+(?:job|work|employer|plan|insurance|policy|coverage|name))\b/;

function lowerCaseWriter(line: string): boolean {
  const lower = line.match(LOWER_BREAK)?.length ?? 0;
  return lower >= 2 && lower > (line.match(UPPER_BREAK)?.length ?? 0);
}

/** Lines run together in lower case, in sentence case; other lines unchanged. */
export function lowerCaseSentences(lines: string[]): string[] {
  return lines.map((line) => {
    const lower = lowerCaseWriter(line);
    let t = line;
    for (const [bare, written] of BARE_CONTRACTIONS) t = t.replace(bare, written);
    if (!lower) return t;
    return t.replace(LOWER_BREAK, (_m, space: string, letter: string) => space + letter.toUpperCase()).replace(/^(\s*)([a-z])/, (_m, space: string, letter: string) => space + letter.toUpperCase());
  });
}
