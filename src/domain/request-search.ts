/**
 * Finding a request as staff do when a center calls ("the VOB for Jane Doe, born 1990"): by the
 * client's name parts, date of birth (exact or the year), member ID, or the sender. Names, dates
 * and member IDs are PHI and stay encrypted at rest, so a request is indexed by keyed hashes of
 * normalised terms (the caller hashes `searchKeyMaterial`), and a query is turned into the same
 * terms: a request matches when it has every term. Senders are stored in clear already and are
 * matched on the address. Pure: no I/O, no keys.
 */
import type { VobRequest } from '../../schemas/vob-record';
import { nameTokens } from './answer-matching';

export const SEARCH_KINDS = ['name-part', 'dob', 'dob-year', 'member-id'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchTerm {
  kind: SearchKind;
  /** The normalised value (PHI: hashed before it is stored or queried, never logged). */
  value: string;
}

/** What a term's keyed hash is made of (prefixed so it never equals another lookup key's material). */
export function searchKeyMaterial(term: SearchTerm): string {
  return `search|${term.kind}|${term.value}`;
}

/** Upper case letters and digits only: "w 123-456 789" → W123456789. */
export function normaliseMemberId(memberId: string): string {
  return memberId.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** YYYY-MM-DD from YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY (also with - or .); null otherwise. */
export function parseSearchDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const us = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : us ? [us[3]!, us[1]!, us[2]!] : [];
  if (!y) return null;
  const out = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === out ? out : null;
}

function unique(terms: SearchTerm[]): SearchTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const k = `${t.kind}|${t.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every term a stored request can be found by. */
export function searchTermsOf(request: Pick<VobRequest, 'client' | 'insurance'>): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const part of request.client.name ? nameTokens(request.client.name) : []) terms.push({ kind: 'name-part', value: part });
  const dob = request.client.dob;
  if (dob && /^\d{4}-\d{2}-\d{2}$/.test(dob)) terms.push({ kind: 'dob', value: dob }, { kind: 'dob-year', value: dob.slice(0, 4) });
  const memberId = request.insurance.memberId ? normaliseMemberId(request.insurance.memberId) : '';
  if (memberId.length >= 3) terms.push({ kind: 'member-id', value: memberId });
  return unique(terms);
}

/** Words a caller says around the terms ("the VOB for Jane Doe, born 1990"). */
const FILLER = new Set(['the', 'vob', 'for', 'of', 'born', 'dob', 'on', 'in', 'and', 'client', 'member', 'id', 'from', 'request', 'mr', 'mrs', 'ms', 'miss', 'dr']);

export interface SearchQuery {
  /** Every one must match. */
  terms: SearchTerm[];
  /** Sender addresses or domains (lower case); a request matches one when its sender contains it. */
  senders: string[];
}

export const MAX_QUERY_LENGTH = 200;

/**
 * A typed query as terms: dates as the exact date of birth, a 4-digit year 1900–2100 as the
 * birth year, an address or domain (has @ or a dot) as the sender, a word with digits as a
 * member ID, other words as name parts.
 */
export function parseSearchQuery(q: string): SearchQuery {
  const terms: SearchTerm[] = [];
  const senders: string[] = [];
  for (const raw of q.slice(0, MAX_QUERY_LENGTH).split(/[\s,;]+/)) {
    const word = raw.replace(/^[("'[]+|[)"'\].:]+$/g, '');
    if (word === '') continue;
    const date = parseSearchDate(word);
    if (date) {
      terms.push({ kind: 'dob', value: date });
      continue;
    }
    if (/^(19|20)\d{2}$/.test(word)) {
      terms.push({ kind: 'dob-year', value: word });
      continue;
    }
    if (word.includes('@') || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(word)) {
      senders.push(word.toLowerCase());
      continue;
    }
    if (/\d/.test(word)) {
      const memberId = normaliseMemberId(word);
      if (memberId.length >= 3) terms.push({ kind: 'member-id', value: memberId });
      continue;
    }
    for (const part of nameTokens(word)) if (!FILLER.has(part)) terms.push({ kind: 'name-part', value: part });
  }
  return { terms: unique(terms), senders: [...new Set(senders)] };
}
