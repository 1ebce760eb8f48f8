/**
 * Speech turned into text (voicemail transcripts, dictation, voice typing) says numbers as words
 * and spells letters by example: "oh three fourteen eighty eight", "P as in Paul". Rewritten as
 * the digits and letters a person would have typed, so the shape rules read them. Pure.
 */
import { escapeRegExp } from '../escape-regexp';

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
/** "P as in Paul", "q as in queen": the letter, said with a word that starts with it. */
const SPELLED_LETTER = /\b([A-Za-z])\s+as\s+in\s+([A-Za-z][a-z]+),?/g;
/** The phonetic alphabet, read as letters only in runs of two or more ("Zulu Golf Papa"): "Mike" alone is a name. */
const NATO: Record<string, string> = {
  alpha: 'A', alfa: 'A', bravo: 'B', charlie: 'C', delta: 'D', echo: 'E', foxtrot: 'F', golf: 'G', hotel: 'H', india: 'I', juliet: 'J', juliett: 'J', kilo: 'K', lima: 'L',
  mike: 'M', november: 'N', oscar: 'O', papa: 'P', quebec: 'Q', romeo: 'R', sierra: 'S', tango: 'T', uniform: 'U', victor: 'V', whiskey: 'W', whisky: 'W', xray: 'X', 'x-ray': 'X', yankee: 'Y', zulu: 'Z',
};
const NATO_WORD = `(?:${Object.keys(NATO).join('|')})`;
const NATO_RUN = new RegExp(`\\b${NATO_WORD}(?:[\\s,-]+${NATO_WORD})+\\b`, 'gi');
/** "double five", "triple 7": the digit said two or three times. */
const REPEATED_DIGIT = /\b(double|triple)\s+(\d|zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/gi;
/** Punctuation said aloud and typed as words by dictation ("comma", "period new line"). */
const SAID_PUNCTUATION: readonly (readonly [RegExp, string])[] = [
  [/\s*\bnew paragraph\b\s*/gi, '\n\n'],
  [/\s*\bnew line\b\s*/gi, '\n'],
  [/\s+\bcomma\b/gi, ','],
  [/\s+\b(?:period|full stop)\b/gi, '.'],
  [/\s+\bcolon\b/gi, ':'],
  [/\s+\bquestion mark\b/gi, '?'],
  [/\s+\bapostrophe\s+s\b/gi, "'s"],
  [/\s+\b(?:slash|forward slash)\s+/gi, '/'],
  [/\s+\b(?:dash|hyphen)\s+/gi, '-'],
];
/** Dictation that writes its punctuation out: a "new line", or three punctuation words. */
const SAID_PUNCTUATION_SIGN = /\bnew (?:line|paragraph)\b|(?:\b(?:comma|period|colon)\b[^]*?){3}/i;
/**
 * "May 4th no sorry May 14th 1990", "Unit 3 no, Unit 3B", "her dad's plan no I'm sorry her mom's
 * plan": a speaker corrects themselves by saying the phrase again from its first word; the words
 * from that first word's last occurrence before the marker, through the marker, are dropped.
 */
const SELF_CORRECTION = /(?:[,.]?\s+)(?:no,?\s+(?:sorry|wait|I['’]m sorry|I mean|scratch that)(?:,?\s+let me start over)?|no\s+no|sorry,?\s+I mean|I mean|scratch that|let me start over|no)[,.]?\s+(\S+)/gi;
/** "Transcript:", "Transcription preview (High confidence):": a phone system's label for what was said. */
const TRANSCRIPT_LABEL = /^\s*(?:voice\s?mail\s+)?transcri(?:pt|ption)(?:\s+preview)?(?:\s*\([^)]*\))?\s*:\s*/i;

/** Any sign of speech written down: the pass below runs only where one is. */
export const SPOKEN_SIGN = new RegExp(
  `${SPOKEN_NUMBER_RUN.source}|\\b[A-Z]\\s+as\\s+in\\s+[A-Z]|${MONTH_ORDINAL.source}|${ORDINAL_OF_MONTH.source}|transcri(?:pt|ption)[^:\\n]{0,40}:` +
    `|\\bdictat\\w*|\\bcapital\\s+[a-z]\\s+capital\\s+[a-z]\\b|\\b(?:talk|voice|speech)[- ]to[- ]text\\b|\\bvoice[- ]typ\\w*|\\btalking (?:this|it) into\\b|\\bsiri\\b|\\bnew line\\b|${REPEATED_DIGIT.source}|${NATO_WORD}[\\s,-]+${NATO_WORD}[\\s,-]+${NATO_WORD}`,
  'i',
);

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
  const punctuated = SAID_PUNCTUATION_SIGN.test(lines.join('\n'));
  return lines.map((line) => {
    // "capital J capital W": voice typing's way of saying a letter.
    let t = line.replace(TRANSCRIPT_LABEL, '').replace(/\bcapital\s+([a-z])\b/gi, (_m, letter: string) => letter.toUpperCase()).replace(SPELLED_LETTER, (m, letter: string, word: string) => (letter.toLowerCase() === word[0]!.toLowerCase() ? letter.toUpperCase() : m));
    if (punctuated) for (const [said, mark] of SAID_PUNCTUATION) t = t.replace(said, mark);
    t = withoutSelfCorrections(t);
    t = t.replace(NATO_RUN, (run) => run.split(/[\s,]+/).map((w) => NATO[w.toLowerCase()] ?? '').join(''));
    t = t.replace(REPEATED_DIGIT, (_m, times: string, digit: string) => String(/^\d$/.test(digit) ? digit : UNITS[digit.toLowerCase()]).repeat(times.toLowerCase() === 'double' ? 2 : 3));
    t = t.replace(MONTH_ORDINAL, (_m, month: string, tens: string | undefined, ordinal: string) => `${month} ${(tens ? TENS[tens.toLowerCase()]! : 0) + ORDINALS[ordinal.toLowerCase()]!}`);
    t = t.replace(ORDINAL_OF_MONTH, (_m, tens: string | undefined, ordinal: string, month: string) => `${month} ${(tens ? TENS[tens.toLowerCase()]! : 0) + ORDINALS[ordinal.toLowerCase()]!}`);
    return joinedSingles(t.replace(SPOKEN_NUMBER_RUN, (run) => typed(run)));
  });
}

/**
 * "J Q M 4 4 8 0 777 2 1", "1 800, 555, 0139": an ID or phone read out a character or a group at
 * a time, written as it would be typed. Only runs of five single characters, or of four digit
 * groups making a phone's eleven digits, with three digits at least: English has no such runs.
 */
function joinedSingles(line: string): string {
  return line
    .replace(/(?<![\w-])(?:(?:[A-Za-z]|\d{1,4})[ ]){4,}(?:[A-Za-z]|\d{1,4})(?![\w-])/g, (run) => {
      const parts = run.split(' ');
      const singles = parts.filter((p) => p.length === 1).length;
      const joined = parts.join('');
      return singles >= 4 && (joined.match(/\d/g)?.length ?? 0) >= 3 ? joined : run;
    })
    .replace(/(?<![\w-])1[ ,]+(\d{3})[ ,]+(\d{3})[ ,]+(\d{4})(?![\w-])/g, '1-$1-$2-$3');
}

/** Drops what a speaker took back: see SELF_CORRECTION. */
function withoutSelfCorrections(line: string): string {
  let out = line;
  for (let guard = 0; guard < 5; guard++) {
    let changed = false;
    for (const m of out.matchAll(SELF_CORRECTION)) {
      const again = escapeRegExp(m[1]!.replace(/[,.]$/, ''));
      const before = out.slice(0, m.index);
      // The last time the phrase's first word was said before the marker.
      const at = before.search(new RegExp(`\\b${again}\\b(?![\\s\\S]*\\b${again}\\b)`, 'i'));
      // The phrase said again starts within a short clause before the marker.
      if (at < 0 || m.index! - at > 60 || at === m.index) continue;
      out = out.slice(0, at) + out.slice(m.index! + m[0].length - m[1]!.length);
      changed = true;
      break;
    }
    if (!changed) break;
  }
  return out;
}
