/** Member IDs and group numbers as the contract prints them: letters upper-case, no spaces. */
import { isPlaceholder } from './placeholders';

/** Text after which a value is commentary, not part of the identifier. */
const COMMENT_CUT = /\s*(?:\(|\[|,|;|\s-\s|\s–\s|\s—\s|\s{3,}|\t|\bfor\b|\bwith\b|\bunder\b|\bprefix\b|\bplan\b|\bthru\b|\bthrough\b|\bvia\b|\beff(?:ective)?\b|\bexp\b|\bgrp\b|\bgroup\b)/i;

/** Words that are commentary, never pieces of an ID ("W123 456 789 primary"). */
const WORDS = /^(?:primary|secondary|only|member|id|number|no|is|the|and|or|on|card|front|back|of|per|see|client|patient|subscriber|policy|new|old|updated)$/i;

function normalizeCode(value: string, requireDigit: boolean): string | null {
  if (isPlaceholder(value)) return null;
  // "ID# u884", "No. 123": a label word written again in front of the value.
  let t = value.trim().replace(/^[#:.\s*_]+/, '').replace(/^(?:id\s*[:#]|no\.?|number|num)\s*[:#]?\s*/i, '');
  const cut = COMMENT_CUT.exec(t);
  if (cut && cut.index > 0) t = t.slice(0, cut.index);
  const tokens = t.split(/\s+/).filter((x) => x.length > 0);
  // Keep the leading run of ID-shaped tokens ("W123 456 789"), stop at the first word.
  const kept: string[] = [];
  for (const tok of tokens) {
    const clean = tok.replace(/[.,;:*_]+$/, '').replace(/^[#*_]+/, '');
    if (clean.length === 0) continue;
    if (WORDS.test(clean)) {
      if (kept.length > 0) break;
      continue;
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9\-/]*$/.test(clean)) {
      if (kept.length > 0) break;
      return null;
    }
    // A long plain word after the ID starts commentary ("W123456 Aetna").
    if (kept.length > 0 && /^[A-Za-z]{4,}$/.test(clean)) break;
    kept.push(clean);
  }
  const id = kept.join('').replace(/\//g, '').toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]*$/.test(id)) return null;
  const compact = id.replace(/-/g, '');
  if (compact.length < 2 || compact.length > 30) return null;
  if (requireDigit && !/\d/.test(compact)) return null;
  if (isPlaceholder(id)) return null;
  return id.replace(/-+$/, '');
}

/** A member ID as printed: upper-case, spaces removed, dashes kept; null for placeholders. */
export function normalizeMemberId(value: string): string | null {
  // "his mom is texting me a photo of the card tonight - will send": words in lower case, no digit, are a sentence.
  if (!/\d/.test(value) && /\p{Ll}{3}/u.test(value)) return null;
  const id = normalizeCode(value, false);
  if (id === null) return null;
  // Real member IDs carry digits or are long alphanumerics; a lone word is no ID.
  if (!/\d/.test(id) && id.length < 6) return null;
  return id;
}

/** A group number as printed: upper-case, no spaces; null for placeholders or group names. */
export function normalizeGroupNumber(value: string): string | null {
  // "Group: Admissions", "External VOB (Thistlegate)" in a ticket's details is a team; a group code without digits is written in capitals ("ILMCD").
  if (!/\d/.test(value) && /\p{Ll}{3}/u.test(value)) return null;
  const id = normalizeCode(value, false);
  if (id === null) return null;
  if (!/\d/.test(id) && id.length < 3) return null;
  return id;
}
