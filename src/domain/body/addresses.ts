/**
 * US postal addresses as intake staff type them: one line ("123 Main St Apt 4, Fresno, CA
 * 93701-1234") or several, full state names or abbreviations, to the contract's address shape.
 */
import type { Address } from '../../../schemas/vob-record';
import { isPlaceholder, mentionsHomeless } from './placeholders';

const STATE_NAMES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO',
  connecticut: 'CT', delaware: 'DE', 'district of columbia': 'DC', florida: 'FL', georgia: 'GA',
  hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA', kansas: 'KS',
  kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA',
  michigan: 'MI', minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT',
  nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ', 'new mexico': 'NM',
  'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK',
  oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC',
  'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA',
  washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
  guam: 'GU', 'virgin islands': 'VI', 'washington dc': 'DC', 'washington d.c.': 'DC',
  // Common abbreviations that are not the postal code.
  calif: 'CA', cal: 'CA', fla: 'FL', tex: 'TX', penn: 'PA', penna: 'PA', mass: 'MA', mich: 'MI',
  ariz: 'AZ', colo: 'CO', conn: 'CT', ill: 'IL', ind: 'IN', minn: 'MN', wis: 'WI', wisc: 'WI',
  wash: 'WA', ore: 'OR', okla: 'OK', tenn: 'TN', 'n.y.': 'NY', 'n.j.': 'NJ', 'n.c.': 'NC', 'd.c.': 'DC',
};
const STATE_CODES = new Set(Object.values(STATE_NAMES).concat(['AS', 'MP', 'AA', 'AE', 'AP']));

/** The two-letter code for a state written in full, abbreviated or as its code; else null. */
export function normalizeState(raw: string): string | null {
  const t = raw.trim().replace(/\.$/, '').replace(/\s+/g, ' ');
  if (/^[A-Za-z]{2}$/.test(t) && STATE_CODES.has(t.toUpperCase())) return t.toUpperCase();
  const lower = t.toLowerCase();
  return STATE_NAMES[lower] ?? STATE_NAMES[lower.replace(/\.$/, '')] ?? null;
}

/** Full state names, longest first so "West Virginia" wins over "Virginia". */
const STATE_NAME_ALT = Object.keys(STATE_NAMES)
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/\./g, '\\.').replace(/ /g, '\\s+'))
  .join('|');

/** "..., CA 93701-1234" / "... California 93701" / "... CA" at the end of the address text. */
const STATE_ZIP_TAIL = new RegExp(
  `(?:^|[\\s,])(${STATE_NAME_ALT}|[A-Za-z]{2})\\.?(?:\\s*,)?(?:\\s+|\\s*,\\s*|$)(\\d{5})?(?:\\s*[- ]\\s*(\\d{4}))?\\s*(?:,?\\s*(?:USA|US|United States))?\\s*$`,
  'i',
);
const ZIP_ONLY_TAIL = /(?:^|[\s,])(\d{5})(?:\s*-\s*(\d{4}))?\s*$/;

/** Words that end the street part of a line ("123 Main St"), so the city can follow without a comma. */
const STREET_SUFFIX =
  /\b(?:st|street|ave|avenue|av|rd|road|dr|drive|ln|lane|blvd|boulevard|ct|court|way|pl|place|cir|circle|hwy|highway|pkwy|parkway|ter|terrace|trl|trail|sq|square|loop|run|row|pike|tpke|turnpike|path|walk|xing|crossing|cv|cove|pt|point|aly|alley|expy|fwy|plz|plaza|bnd|bend|holw|hollow|rdg|ridge|grv|grove|hts|heights|vw|view|mnr|manor|pass|trce|trace|crk|creek|est|estates|hl|hill|mdw|meadow|spgs|springs)\b\.?(?:\s+(?:n|s|e|w|ne|nw|se|sw|north|south|east|west)\b\.?)?/gi;

/** A secondary unit designator starting line 2. */
const UNIT = /(?:^|[\s,])((?:apt|apartment|unit|suite|ste|#|bldg|building|fl|floor|rm|room|lot|spc|space|trlr|trailer|dept|no\.?)\s*[.#:]?\s*[\w-]+)\s*$/i;
const UNIT_ALONE = /^(?:apt|apartment|unit|suite|ste|#|bldg|building|fl|floor|rm|room|lot|spc|space|trlr|trailer)\b\.?\s*#?\s*[\w-]+$/i;

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^[\s,;]+|[\s,;]+$/g, '').trim();
}

/** Splits a street text into line1 and a trailing unit (line2). */
function splitUnit(street: string): { line1: string; line2: string | null } {
  const m = UNIT.exec(street);
  if (m && m.index > 0) {
    const line1 = clean(street.slice(0, m.index));
    if (/\d/.test(line1) || /\bp\.?\s*o\.?\s*box\b/i.test(line1)) return { line1, line2: clean(m[1] ?? '') };
  }
  return { line1: clean(street), line2: null };
}

/** Pieces of an address given under separate labels (Street / Apt / City / State / Zip). */
export interface AddressParts {
  street?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
}

function normalizeZip(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /(\d{5})(?:\s*[- ]?\s*(\d{4}))?/.exec(raw);
  if (!m) return null;
  return m[2] ? `${m[1]}-${m[2]}` : (m[1] ?? null);
}

/** "He lives with me at the address in my signature below": the writer points at their signature. */
export const ADDRESS_IN_SIGNATURE = /\b(?:address|lives?|living|stays?|staying|resides?)\b[^.!?\n]{0,60}\b(?:in|at|on|under|see)\s+(?:my|the)\s+signature\b/i;

/** The US state a name spells out ("Blue Cross and Blue Shield of Oklahoma"): its words and postal code. */
export function stateNamedIn(text: string): { words: string[]; code: string } | null {
  const lower = ` ${text.toLowerCase().replace(/[^a-z. ]+/g, ' ')} `;
  const name = Object.keys(STATE_NAMES).filter((n) => /^[a-z ]+$/.test(n) && lower.includes(` ${n} `)).sort((a, b) => b.length - a.length)[0];
  return name === undefined ? null : { words: name.split(' '), code: STATE_NAMES[name]! };
}

/**
 * An address from text (lines joined by newlines or commas). Null when it is a placeholder,
 * homeless, or has no street line.
 */
export function parseAddress(rawText: string): Address | null {
  if (isPlaceholder(rawText) || mentionsHomeless(rawText)) return null;
  // "he will be staying with his mother after release; she is bringing us that address": a sentence about it, not it.
  if (/^\s*(?:he|she|they|we|I)\s+(?:will|is|are|am|was|were|has|have|does|do|did|can|could|might|may|['’](?:ll|s|re|m))\b/i.test(rawText)) return null;
  // ("she gave up her apartment lease on 10/15 and is staying with friends ...": a story with no street in it.)
  if (/^\s*(?:he|she|they|we|I)\s+\p{Ll}+/iu.test(rawText) && !/(?:^|[,\n]\s*)\d{1,6}[A-Z]?\s+\p{L}/u.test(rawText) && !/\bp\.?\s*o\.?\s*box\b/i.test(rawText)) return null;
  // "Mesa AZ 852O2": a fax's OCR read a zero of the ZIP as the letter O.
  const raw = rawText
    .replace(/\b[\dOo]{5}(?:-[\dOo]{4})?\b/g, (zip) => (/\d{3}/.test(zip) ? zip.replace(/[Oo]/g, '0') : zip))
    // "... Austin, TX 78723 (the house)": a note after the ZIP is no part of the address.
    // ("... WA 98902 (updated today - the old one in our system was 302 N 5th St, Selah)": so is one about another address.)
    .replace(/(\b\d{5}(?:-\d{4})?)\s*\((?:[^)\d]{1,200}|[^)]{0,40}\b(?:old|previous|former|prior|last|updated|used\s+to)\b[^)]{0,100})\)[.!;]?\s*$/i, '$1');
  // Each original line is a comma-separated part; a trailing "USA" line is noise.
  const parts = raw
    .replace(/[.!;\s]+$/, '')
    .split(/\n|,/)
    .map(clean)
    .filter((p) => p.length > 0 && !/^(?:usa|us|united states(?: of america)?)$/i.test(p))
    // "King County" between the city and the state is not part of the postal address.
    .filter((p, i, all) => !(i > 1 && i < all.length - 1 && /^[A-Za-z .'-]+\s+(?:county|parish)$/i.test(p)));
  if (parts.length === 0) return null;
  // "Willow Glen Residential Care (a licensed RCFE), 2288 Almaden Rd, ...": a home's own name before its street.
  const streetAt = parts.findIndex((p) => /^\d{1,6}[A-Z]?\s+\p{L}/u.test(p));
  const placed = streetAt > 0 && streetAt < parts.length - 1 && parts.slice(0, streetAt).every((p) => !/\d/.test(p)) ? parts.slice(streetAt) : parts;
  let text = placed
    .join(', ')
    // "Lumberton, N.C. 28358": a state's letters with dots.
    .replace(/(^|[\s,])([A-Z])\.\s?([A-Z])\.(?=[\s,]|$)/g, '$1$2$3')
    // "Pittsburgh - 15217, Pennsylvania": the ZIP beside the city, the state last.
    .replace(/,\s*([\p{L} .'-]+?)\s*[-–]\s*(\d{5}(?:-\d{4})?)\s*,\s*([\p{L} .]+)$/u, ', $1, $3 $2');

  let state: string | null = null;
  let zip: string | null = null;
  const sz = STATE_ZIP_TAIL.exec(text);
  const stateCode = sz ? normalizeState(sz[1] ?? '') : null;
  if (sz && stateCode !== null && (sz[2] !== undefined || /,\s*[^,]+$/.test(text.slice(0, sz.index + 1)) || /[A-Z]{2}/.test(sz[1] ?? ''))) {
    state = stateCode;
    zip = sz[2] ? (sz[3] ? `${sz[2]}-${sz[3]}` : sz[2]) : null;
    text = text.slice(0, sz.index);
  } else {
    const z = ZIP_ONLY_TAIL.exec(text);
    if (z) {
      zip = z[2] ? `${z[1]}-${z[2]}` : (z[1] ?? null);
      text = text.slice(0, z.index);
    }
  }
  text = clean(text);
  const head = text.split(',').map(clean).filter((p) => p.length > 0);

  let city: string | null = null;
  let streetParts: string[];
  if (head.length >= 2) {
    city = head[head.length - 1] ?? null;
    streetParts = head.slice(0, -1);
    // "123 Main St, Apt 4, Fresno": the unit is its own part.
    if (streetParts.length === 0) return null;
  } else {
    const only = head[0] ?? '';
    const split = splitStreetCity(only);
    streetParts = [split.street];
    city = split.city;
  }
  // A lone city part that is really a unit ("Apt 4") means there was no city.
  if (city !== null && UNIT_ALONE.test(city)) {
    streetParts.push(city);
    city = null;
  }
  let line1: string;
  let line2: string | null = null;
  if (streetParts.length >= 2) {
    // "123 Main St, Apt 4" or "123 Main St, Building B": the first part is the street line.
    line1 = clean(streetParts[0] ?? '');
    line2 = clean(streetParts.slice(1).join(', '));
  } else {
    const u = splitUnit(streetParts[0] ?? '');
    line1 = u.line1;
    line2 = u.line2;
  }
  // "our house 1180 oak st", "he stays at 12 Elm Rd": words before the house number are talk.
  line1 = line1.replace(/^(?:[a-z][a-z'’]*\s+){1,4}(?=\d{1,6}\s+\p{L})/u, (lead) => (/\b(?:po|p\.o|box|hc|rr|route|apt|unit|suite|ste|bldg|building)\b/i.test(lead) ? lead : ''));
  if (line1.length === 0 || !/[A-Za-z0-9]/.test(line1)) return null;
  // A street line has a house number or a PO box; a bare city ("Fresno, CA") is no address.
  if (!/\d/.test(line1) && !/\b(?:p\.?\s*o\.?\s*box|general delivery|rural route|rr)\b/i.test(line1)) return null;
  // ("House sold Nov 2026 - discharge destination not decided yet": a sentence with a year in it, no street.)
  if (city === null && state === null && zip === null && !/^\s*(?:[NSEW]?\d{1,6}[A-Z]?\b|p\.?\s*o\.?\s*box|general delivery|rural route|rr\b|hc\b|apt|unit|suite|ste)/i.test(line1)) return null;
  // "40 Oak Ln in Modesto, CA": the preposition is not part of the city.
  if (city !== null) city = city.replace(/^(?:in|at|near)\s+(?=\S)/i, '');
  return { line1, line2, city: city === null || city.length === 0 ? null : city, state, postalCode: zip };
}

const STARTS_WITH_SUFFIX = new RegExp(`^(?:${STREET_SUFFIX.source})(?:\\s|$)`, 'i');

/** Splits "123 Main St Fresno" at the street suffix (or unit) when no comma separates the city. */
function splitStreetCity(s: string): { street: string; city: string | null } {
  let cut = -1;
  for (const m of s.matchAll(STREET_SUFFIX)) {
    // The suffix must follow a house number and a street name, not be the name itself; a city
    // may end in a suffix word too ("Colorado Springs"), and a street name may hold one ("Park
    // Ridge Rd"): the cut leaves a city that is not itself a suffix.
    const end = m.index + m[0].length;
    const rest = s.slice(end).trim();
    // "61240 SE Brosterhous Rd Bend": after an abbreviated suffix, one last word is the city even
    // when it is a suffix word too; no street goes on past "Rd".
    const cityAfterAbbreviation = /^(?:rd|st|ave|dr|ln|blvd|ct|pkwy|hwy|cir|pl)\.?$/i.test(m[0]) && !/\s/.test(rest);
    if (m.index > 0 && /\d/.test(s.slice(0, m.index)) && rest.length > 0 && (!STARTS_WITH_SUFFIX.test(rest) || cityAfterAbbreviation)) cut = end;
  }
  // "PO Box 1142 Chinle": the box number ends the street line.
  const box = /^\s*p\.?\s*o\.?\s*box\s+\d+\b/i.exec(s);
  if (cut < 0 && box) cut = box[0].length;
  const unitAfter = /(?<!\w)(?:apt|apartment|unit|suite|ste|#)\s*\.?\s*#?\s*[\w-]+/gi;
  for (const m of s.matchAll(unitAfter)) {
    if (m.index !== undefined && m.index + m[0].length > cut && m.index >= cut - 1 && cut >= 0) cut = m.index + m[0].length;
  }
  if (cut <= 0 || cut >= s.length) return { street: s, city: null };
  const city = clean(s.slice(cut));
  return { street: clean(s.slice(0, cut)), city: city.length > 0 ? city : null };
}

/** An address from separately labelled parts, or from a street text plus parts. */
export function composeAddress(parts: AddressParts): Address | null {
  const street = parts.street && !isPlaceholder(parts.street) ? parts.street : null;
  if (street === null) return null;
  if (mentionsHomeless(street)) return null;
  const hasParts = !!(parts.city || parts.state || parts.zip);
  if (!hasParts) return parseAddress(street);
  // The street label may hold the whole address; parse it and let labelled parts fill gaps.
  const parsed =
    parseAddress(street) ??
    (/\d|p\.?\s*o\.?\s*box/i.test(street) ? { ...splitUnit(street), city: null, state: null, postalCode: null } : null);
  if (parsed === null) return null;
  const line2 = parts.line2 && !isPlaceholder(parts.line2) ? clean(parts.line2) : parsed.line2;
  const city = parts.city && !isPlaceholder(parts.city) ? clean(parts.city) : parsed.city;
  const state = parts.state && !isPlaceholder(parts.state) ? normalizeState(parts.state) ?? parsed.state : parsed.state;
  const postalCode = normalizeZip(parts.zip) ?? parsed.postalCode;
  return { line1: parsed.line1, line2, city, state, postalCode };
}

/** Parses a "City, ST 12345" text into its parts (for a City/State/Zip label). */
export function parseCityStateZip(raw: string): { city: string | null; state: string | null; zip: string | null } {
  const t = clean(raw.replace(/\n/g, ', '));
  const sz = STATE_ZIP_TAIL.exec(t);
  if (sz && normalizeState(sz[1] ?? '') !== null) {
    const city = clean(t.slice(0, sz.index));
    return {
      city: city.length > 0 ? city : null,
      state: normalizeState(sz[1] ?? ''),
      zip: sz[2] ? (sz[3] ? `${sz[2]}-${sz[3]}` : sz[2]) : null,
    };
  }
  const z = ZIP_ONLY_TAIL.exec(t);
  if (z) {
    const city = clean(t.slice(0, z.index));
    return { city: city.length > 0 ? city : null, state: null, zip: normalizeZip(z[0]) };
  }
  return { city: t.length > 0 ? t : null, state: null, zip: null };
}

/** The text is a whole address: a street through its state and ZIP ("84 Sumac Ridge Rd, Mechanicsburg, PA 17050"). */
export function isWholeAddress(text: string): boolean {
  const address = parseAddress(text);
  return address !== null && address.state !== null && address.postalCode !== null;
}
