/**
 * Speech turned into text (voicemail transcripts, dictation, voice typing) says numbers as words
 * and spells letters by example: "oh three fourteen eighty eight", "P as in Paul". Rewritten as
 * the digits and letters a person would have typed, so the shape rules read them. Pure.
 */

const UNITS: Record<string, number> = { zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUMBER_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'hundred', 'thousand'].join('|')})`;
/** Three or more numbers said as words in a row. */
const SPOKEN_NUMBER_RUN = new RegExp(`\\b${NUMBER_WORD}(?:[\\s,-]+${NUMBER_WORD}){2,}\\b`, 'gi');

/** A day said as an ordinal, read only after a month ("April seventh", "May the twenty-first"). */
const MONTH_ORDINAL = new RegExp(`\\b(${MONTH})\\s+(?:the\\s+)?(?:(twenty|thirty)[\\s-])?(${Object.keys(ORDINALS).join('|')})\\b`, 'gi');
/** "the thirtieth of January": an ordinal day, then its month. */
const ORDINAL_OF_MONTH = new RegExp(`\\bthe\\s+(?:(twenty|thirty)[\\s-])?(${Object.keys(ORDINALS).join('|')})\\s+of\\s+(${MONTH})\\b`, 'gi');
const SPELLED_LETTER = /\b([A-Z])\s+as\s+in\s+[A-Z][a-z]+,?/g;
/** "Transcript:", "Transcription preview (High confidence):": a phone system's label for what was said. */
const TRANSCRIPT_LABEL = /^\s*(?:voice\s?mail\s+)?transcri(?:pt|ption)(?:\s+preview)?(?:\s*\([^)]*\))?\s*:\s*/i;

/** Any sign of speech written down: the pass below runs only where one is. */
export const SPOKEN_SIGN = new RegExp(`${SPOKEN_NUMBER_RUN.source}|\\b[A-Z]\\s+as\\s+in\\s+[A-Z]|${MONTH_ORDINAL.source}|${ORDINAL_OF_MONTH.source}|transcri(?:pt|ption)[^:\\n]{0,40}:`, 'i');

/** A run of number words as digit groups: single digits run together, tens take their unit. */
function groupsOf(run: string): string[] {
  const groups: { digits: string; kind: 'digits' | 'tens' | 'teen' | 'done' }[] = [];
  const last = (): (typeof groups)[number] | undefined => groups[groups.length - 1];
  for (const word of run.toLowerCase().split(/[\s,-]+/).filter((w) => w.length > 0)) {
    const g = last();
    if (word in UNITS) {
      const u = UNITS[word]!;
      if (g?.kind === 'tens' && u > 0) {
        g.digits = String(Number(g.digits) + u);
        g.kind = 'done';
      } else if (g?.kind === 'digits') g.digits += String(u);
      else groups.push({ digits: String(u), kind: 'digits' });
    } else if (word in TEENS) {
      groups.push({ digits: String(TEENS[word]), kind: 'teen' });
    } else if (word in TENS) {
      // "nineteen ninety", "twenty twenty": a century then its decade, one year.
      if ((g?.kind === 'teen' || g?.kind === 'tens') && (g.digits === '19' || g.digits === '20')) {
        g.digits = `${g.digits}${TENS[word]}`;
        g.kind = 'tens';
      } else groups.push({ digits: String(TENS[word]), kind: 'tens' });
    } else if (word === 'hundred' && g) {
      // "one eight hundred five five five...": digits said after hundreds are a new piece.
      g.digits = `${g.digits}00`;
      g.kind = 'done';
    } else if (word === 'thousand' && g) {
      g.digits = `${g.digits}000`;
      g.kind = 'tens';
    }
  }
  return groups.map((g) => g.digits);
}

/** The digits a run of number words stands for, as a date, a phone or a code would be typed. */
function typed(run: string): string {
  let groups = groupsOf(run);
  // "two thousand twelve": the thousands take the teen or tens after them.
  groups = groups.reduce<string[]>((out, g) => {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^\d000$/.test(prev) && /^\d{1,2}$/.test(g)) out[out.length - 1] = String(Number(prev) + Number(g));
    else out.push(g);
    return out;
  }, []);
  const all = groups.join('');
  // Month, day, year: "oh three fourteen eighty eight" → 03/14/88.
  if (groups.length === 3 && Number(groups[0]) >= 1 && Number(groups[0]) <= 12 && Number(groups[1]) >= 1 && Number(groups[1]) <= 31 && /^\d{2}$|^\d{4}$/.test(groups[2]!)) {
    return groups.join('/');
  }
  // "one eight hundred five five five oh one nine three": a phone number in pieces.
  if (groups.length > 1 && (all.length === 10 || (all.length === 11 && all.startsWith('1')))) return all;
  return groups.join(' ');
}

/** The lines with numbers said as words written as digits, and spelled letters as the letters. */
export function spokenAsTyped(lines: string[]): string[] {
  return lines.map((line) => {
    let t = line.replace(TRANSCRIPT_LABEL, '').replace(SPELLED_LETTER, '$1');
    t = t.replace(MONTH_ORDINAL, (_m, month: string, tens: string | undefined, ordinal: string) => `${month} ${(tens ? TENS[tens.toLowerCase()]! : 0) + ORDINALS[ordinal.toLowerCase()]!}`);
    t = t.replace(ORDINAL_OF_MONTH, (_m, tens: string | undefined, ordinal: string, month: string) => `${month} ${(tens ? TENS[tens.toLowerCase()]! : 0) + ORDINALS[ordinal.toLowerCase()]!}`);
    return t.replace(SPOKEN_NUMBER_RUN, (run) => typed(run));
  });
}
