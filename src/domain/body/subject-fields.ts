/**
 * A subject that carries the client ("VOB | Keisha L Thornbury | DOB 02/19/1987 | Priority
 * Health", "VOB: Luis Ramírez DOB 06/14/1979 – Kaiser – ID W123"): the name, date of birth, payer and ID it
 * states, read only when it states both a name and a date of birth (so "VOB request - Harbor
 * Light" names nobody). Pure.
 */
import { startsWithKnownPayer } from '../card/payers';
import { parseDate } from './dates';
import { normalizeMemberId } from './identifiers';
import { CAPITALISED_NAME, cleanPersonName } from './names';

export interface SubjectFields {
  name: string;
  dob: string;
  payer: string | null;
  memberId: string | null;
}

const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;
/** Words of a subject that are about the mail, not the client. */
const NOT_NAME = /^(?:re|fw|fwd|vob|vobs|new|request|urgent|benefits|verification|insurance|check|referral|intake|admission|submission|pt|client|patient|for|please|asap)$/i;

export function subjectFields(subject: string | null, reference: Date): SubjectFields | null {
  if (!subject || !DATE.test(subject)) return null;
  const items = subject
    .replace(/^\s*(?:(?:re|fw|fwd)\s*:\s*)+/i, '')
    .split(/\s*[|;–—]\s*|\s+-\s+|:\s+|,\s+/)
    .flatMap((item) => item.split(/\s+(?=(?:dob|d\.o\.b\.?|born)\b)/i))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  let name: string | null = null;
  let dob: string | null = null;
  let payer: string | null = null;
  let memberId: string | null = null;
  for (const item of items) {
    // "ID YRB449201387", "Member ID: W123...": an ID word, then the ID.
    const id = /^(?:member\s*|mbr\s*|mem\s*)?id\s*[#:]?\s*([A-Za-z0-9][A-Za-z0-9 -]{3,24})$/i.exec(item);
    if (memberId === null && id) {
      memberId = normalizeMemberId(id[1]!);
      if (memberId !== null) continue;
    }
    const dated = /^(?:(?:dob|d\.o\.b\.?|born)\s*:?\s*)?(.+)$/i.exec(item)?.[1] ?? '';
    if (dob === null && DATE.test(dated)) {
      dob = parseDate(dated, { reference, birthDate: true });
      continue;
    }
    const words = item.split(/\s+/).filter((w) => !NOT_NAME.test(w));
    const candidate = words.join(' ');
    if (payer === null && startsWithKnownPayer(item)) {
      payer = item;
      continue;
    }
    if (name === null && words.length >= 2 && words.length <= 4 && CAPITALISED_NAME.test(candidate)) name = cleanPersonName(candidate);
  }
  return name !== null && dob !== null ? { name, dob, payer, memberId } : null;
}
