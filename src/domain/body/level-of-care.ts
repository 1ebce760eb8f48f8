/**
 * The level of care a center asks benefits for (detox, residential, PHP, IOP, outpatient), read
 * from a request body. Pure. A labelled line ("Level of care: PHP", "LOC - IOP", "Program:
 * residential") wins; otherwise the first level named in prose ("VOB request for PHP",
 * "referring the patient below for residential").
 *
 * Centers are often named after what they do ("Referred by: Oak Ridge Detox", "Saguaro IOP |
 * Admissions"), so a level word inside a capitalised name, on a referral line, or in a
 * signature line is not a level of care.
 */
import type { LevelOfCare } from '../../../schemas/vob-record';

/** Most specific first: "intensive outpatient" is IOP before it is outpatient. */
const LEVEL_PATTERNS: ReadonlyArray<[LevelOfCare, RegExp]> = [
  ['detox', /\b(?:detox(?:ification)?|withdrawal management|medically (?:managed|monitored) withdrawal)\b/i],
  ['residential', /\b(?:residential|RTC)\b/i],
  ['php', /\b(?:PHP|partial(?:ly)? hospitali[sz]ation|partial hosp|day treatment)\b/i],
  ['iop', /\b(?:IOP|intensive out-?patient)\b/i],
  ['outpatient', /\b(?:out-?patient|OP)\b/i],
];

/** "Level of care", "LOC", "Program", "Level", "Type of care", "Service requested" before a colon or dash. */
const LABEL = /^\s*(?:(?:requested\s+)?level\s+of\s+care(?:\s+requested)?|LOC|program|level|type\s+of\s+(?:care|program|treatment)|service\s+requested)\s*(?:[:\-–]|\s-\s)\s*(.+)$/i;

/** A referral or facility label line, or a signature line ("Name | Title"): its level words are part of a name. */
const NAME_LINE = /^\s*(?:(?:refer+(?:ed|ing|al)|ref|from|facility|agency|organi[sz]ation)\b[^:\n]{0,30}:|refer+ed\s+(?:by|from)\b)|\|/i;

/** Capitalised words that describe care rather than name a center ("Medical Detox", "SUD IOP"). */
const DESCRIPTIVE = new Set(['medical', 'inpatient', 'outpatient', 'adult', 'adolescent', 'geriatric', 'sud', 'mh', 'bh', 'mat', 'dual', 'vob', 'for', 'the', 'and', 'or', 'a', 'an', 'our', 'residential', 'detox', 'php', 'iop', 'request', 'requesting', 're', 'fw', 'fwd']);

/** Words after a level word that make it a place's name ("Riverside Detox Center"). */
const NAME_AFTER = /^\s*(?:center|centre|recovery|clinic|facility|house|home|admissions|intake|llc|inc)\b/i;

export function findLevelOfCare(body: string): LevelOfCare | null {
  // Quoted history ("> ...") is older than the message's own words.
  const lines = body.split(/\r?\n/).filter((line) => !/^\s*>/.test(line));
  for (const line of lines) {
    const label = LABEL.exec(line);
    if (label) {
      const level = asamLevel(label[1]!) ?? levelIn(label[1]!, { labelled: true });
      if (level !== null) return level;
    }
  }
  for (const line of lines) {
    if (NAME_LINE.test(line)) continue;
    const level = levelIn(line, { labelled: false });
    if (level !== null) return level;
  }
  return null;
}

/**
 * An ASAM level in a labelled value ("ASAM 3.7-WM", "3.5"): withdrawal management is detox,
 * 3.x residential, 2.5 PHP, 2.1 IOP, 1 outpatient.
 */
function asamLevel(value: string): LevelOfCare | null {
  const m = /^\s*(ASAM\s*(?:level\s*)?)?([1-4](?:\.\d)?)\s*(-?\s*WM\b)?\s*(.*)$/i.exec(value);
  // A bare number only when it is the whole value; after "ASAM" anything may follow.
  if (!m || (m[1] === undefined && m[4] !== '')) return null;
  const level = Number(m[2]);
  if (m[3] !== undefined) return 'detox';
  // Level 4 is hospital inpatient care: none of the levels this service asks about.
  if (level >= 4) return null;
  if (level >= 3) return 'residential';
  if (level >= 2.5) return 'php';
  if (level >= 2) return 'iop';
  return 'outpatient';
}

/** The level named earliest in `text`; bare "OP" and capitalised names count only in a labelled value. */
function levelIn(text: string, { labelled }: { labelled: boolean }): LevelOfCare | null {
  let best: { level: LevelOfCare; index: number } | null = null;
  for (const [level, pattern] of LEVEL_PATTERNS) {
    const global = new RegExp(pattern.source, 'gi');
    for (const match of text.matchAll(global)) {
      const index = match.index;
      if (!labelled && (match[0] === 'OP' || match[0].toLowerCase() === 'op' || partOfName(text, index, match[0].length))) continue;
      if (labelled && match[0].toLowerCase() === 'op' && match[0] !== 'OP') continue;
      if (best === null || index < best.index) best = { level, index };
      break;
    }
  }
  return best?.level ?? null;
}

/**
 * "Oak Ridge Detox", "Bridgeway Outpatient", "Riverside Detox Center": a capitalised level word
 * after a capitalised word (other than one that describes care) or before "Center" is a name.
 */
function partOfName(text: string, index: number, length: number): boolean {
  if (NAME_AFTER.test(text.slice(index + length))) return true;
  if (!/^[A-Z]/.test(text[index]!)) return false;
  const before = /([A-Za-z][A-Za-z'&.-]*)\s+$/.exec(text.slice(0, index));
  return before !== null && /^[A-Z]/.test(before[1]!) && !DESCRIPTIVE.has(before[1]!.toLowerCase().replace(/\.$/, ''));
}
