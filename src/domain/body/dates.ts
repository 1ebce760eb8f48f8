/**
 * Dates as US intake staff write them, to ISO YYYY-MM-DD. Month-first for numeric dates (the US
 * convention) unless the first number cannot be a month (23/04/1985); two-digit years pivot so that a date of birth is never in the future.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, febuary: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10,
  october: 10, nov: 11, november: 11, dec: 12, december: 12,
  // Spanish, Portuguese and French, as families write them ("23 de abril de 2001", "22 de setembro de 2003").
  janeiro: 1, fevereiro: 2, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, decembre: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
  setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** Oldest plausible age of a client, in years. */
const MAX_AGE_YEARS = 120;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date when year/month/day form a real calendar date, else null. */
function isoIfValid(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function todayIso(ref: Date): string {
  return `${pad(ref.getUTCFullYear(), 4)}-${pad(ref.getUTCMonth() + 1, 2)}-${pad(ref.getUTCDate(), 2)}`;
}

/** A two-digit year as the most recent year not after the reference date (a birth year). */
function pivotYear(yy: number, month: number, day: number, ref: Date): number {
  const century = Math.floor(ref.getUTCFullYear() / 100) * 100;
  const candidate = century + yy;
  const iso = isoIfValid(candidate, month, day);
  if (iso !== null && iso <= todayIso(ref)) return candidate;
  return candidate - 100;
}

function toYear(raw: string, month: number, day: number, ref: Date): number {
  const n = Number(raw);
  return raw.length <= 2 ? pivotYear(n, month, day, ref) : n;
}

export interface DateOptions {
  /** "Today" for the future/age checks; defaults to the current date. */
  reference?: Date;
  /** A birth date: reject dates after the reference date or more than 120 years before it. */
  birthDate?: boolean;
}

/** Sanity checks for a birth date relative to the reference date. */
function plausible(iso: string | null, opts: DateOptions, ref: Date): string | null {
  if (iso === null || !opts.birthDate) return iso;
  if (iso > todayIso(ref)) return null;
  const oldest = `${pad(ref.getUTCFullYear() - MAX_AGE_YEARS, 4)}${todayIso(ref).slice(4)}`;
  return iso < oldest ? null : iso;
}

const NUMERIC = /(?<![\d/.-])(\d{1,4})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d/-])/;
const MONTH_FIRST = new RegExp(
  `\\b(${MONTH_ALT})\\.?[\\s,\\-/]*(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,)?[\\s,\\-/]+(\\d{4}|\\d{2})(?!\\d)`,
  'i',
);
const DAY_FIRST = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/]*(?:(?:of|de)\\s+)?(${MONTH_ALT})\\.?,?[\\s\\-/,]+(?:de(?:l)?\\s+)?(\\d{4}|\\d{2})(?!\\d)`,
  'i',
);
const COMPACT = /(?<!\d)(\d{2})(\d{2})(\d{4})(?!\d)/;
/** "10 14 87" typed on a phone: spaces for slashes, only when that is the whole value. */
const SPACED = /^(\d{1,2}) (\d{1,2}) (\d{4}|\d{2})$/;
const ISO_COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/;

const ROMAN_MONTHS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const ENGLISH_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Dates as they are written outside the US, rewritten in a form read below: "1992年6月18日",
 * "29.VIII.1983" (a Roman month), "08JAN2008" (a military date group), accented month names.
 */
function writtenElsewhere(t: string): string {
  let s = /[^\x00-\x7f]/.test(t) ? t.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : t;
  s = s.replace(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/, '$1-$2-$3');
  s = s.replace(/\b(\d{1,2})[./-](i{1,3}|iv|vi{0,3}|ix|xi{0,2})[./-](\d{2,4})\b/i, (_m, d: string, roman: string, y: string) => `${d} ${ENGLISH_MONTHS[ROMAN_MONTHS.indexOf(roman.toLowerCase())]} ${y}`);
  return s.replace(new RegExp(`\\b(\\d{1,2})(${ENGLISH_MONTHS.join('|')})(\\d{2}|\\d{4})\\b`, 'i'), '$1 $2 $3');
}

/**
 * The first date in the text as ISO YYYY-MM-DD, or null when there is none or it is impossible
 * (02/30, month 13). Accepts 1-2-90, 01/02/1990, 01.02.1990, 1990-01-02, Jan 2, 1990,
 * January 2nd 1990, 2 Jan 1990, 02-JAN-90 and 8-digit 01021990.
 */
export function parseDate(text: string, opts: DateOptions = {}): string | null {
  const ref = opts.reference ?? new Date();
  // "Sep 14, '88": the apostrophe of an abbreviated year.
  let t = writtenElsewhere(text.trim().replace(/(^|[\s,])['’](\d{2})\b/, '$1$2'));
  if (t.length === 0 || t.length > 200) return null;
  // A fax's OCR reads zeros and ones as letters ("O6/O2/2OO7", "l2/0l/1990"): in a numeric date's
  // shape they can only be digits.
  if (/^[\dOoIl|]{1,4}[/.-][\dOoIl|]{1,2}[/.-][\dOoIl|]{2,4}$/.test(t) && /\d/.test(t)) t = t.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');

  const num = NUMERIC.exec(t) ?? (SPACED.test(t) ? NUMERIC.exec(t.replace(/ /g, '/')) : null);
  if (num) {
    const [, a = '', , b = '', c = ''] = num;
    if (a.length === 4) {
      return plausible(isoIfValid(Number(a), Number(b), Number(c)), opts, ref);
    }
    if (a.length <= 2 && (c.length === 2 || c.length === 4)) {
      // Month first (US); "23/04/1985" can only be day first, so it is read that way.
      const dayFirst = Number(a) > 12 && Number(b) <= 12;
      const month = dayFirst ? Number(b) : Number(a);
      const day = dayFirst ? Number(a) : Number(b);
      return plausible(isoIfValid(toYear(c, month, day, ref), month, day), opts, ref);
    }
    return null;
  }
  const mf = MONTH_FIRST.exec(t);
  if (mf) {
    const month = MONTHS[(mf[1] ?? '').toLowerCase()] ?? 0;
    const day = Number(mf[2]);
    return plausible(isoIfValid(toYear(mf[3] ?? '', month, day, ref), month, day), opts, ref);
  }
  const df = DAY_FIRST.exec(t);
  if (df) {
    const month = MONTHS[(df[2] ?? '').toLowerCase()] ?? 0;
    const day = Number(df[1]);
    return plausible(isoIfValid(toYear(df[3] ?? '', month, day, ref), month, day), opts, ref);
  }
  const iso = ISO_COMPACT.exec(t);
  if (iso) {
    const r = isoIfValid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (r !== null) return plausible(r, opts, ref);
  }
  const compact = COMPACT.exec(t);
  if (compact) {
    const month = Number(compact[1]);
    const day = Number(compact[2]);
    return plausible(isoIfValid(Number(compact[3]), month, day), opts, ref);
  }
  return null;
}

/** True when the text contains something shaped like a date (valid or not). */
export function looksLikeDate(text: string): boolean {
  return NUMERIC.test(text) || MONTH_FIRST.test(text) || DAY_FIRST.test(text) || COMPACT.test(text);
}

/** Days known by a holiday's name, as a birth date is sometimes told ("born on Christmas Eve, 1988"). */
const HOLIDAYS: readonly (readonly [RegExp, string])[] = [
  [/^christmas\s+eve$/i, 'December 24'],
  [/^christmas(?:\s+day)?$/i, 'December 25'],
  [/^new\s+year['’]?s\s+eve$/i, 'December 31'],
  [/^new\s+year['’]?s(?:\s+day)?$/i, 'January 1'],
  [/^halloween$/i, 'October 31'],
  [/^valentine['’]?s(?:\s+day)?$/i, 'February 14'],
  [/^(?:the\s+)?fourth\s+of\s+july|independence\s+day$/i, 'July 4'],
  [/^st\.?\s+patrick['’]?s(?:\s+day)?$/i, 'March 17'],
];
const HOLIDAY_WITH_YEAR = /\b(christmas\s+eve|christmas(?:\s+day)?|new\s+year['’]?s\s+eve|new\s+year['’]?s(?:\s+day)?|halloween|valentine['’]?s(?:\s+day)?|(?:the\s+)?fourth\s+of\s+july|independence\s+day|st\.?\s+patrick['’]?s(?:\s+day)?)(?:,\s*|\s+(?:of\s+)?)((?:19|20)\d{2})\b/gi;

/** "born on Christmas Eve, 1988" as "born on December 24, 1988": the holiday's day, where a year goes with it. */
export function withHolidayDates(text: string): string {
  return text.replace(HOLIDAY_WITH_YEAR, (whole, day: string, year: string) => {
    const date = HOLIDAYS.find(([re]) => re.test(day.trim()))?.[1];
    return date === undefined ? whole : `${date}, ${year}`;
  });
}
