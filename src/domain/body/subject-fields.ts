/**
 * A subject that carries the client ("VOB | Keisha L Thornbury | DOB 02/19/1987 | Priority
 * Health", "VOB: Luis Ramírez DOB 06/14/1979 – Kaiser – ID W123"): the name, date of birth, payer and ID it
 * states. A name and a date of birth together identify a client on their own (so "VOB request -
 * Harbor Light" names nobody); without them, a payer and its ID ("VOB - Kline, Aaron - Cigna
 * U44120987") are kept to fill the body's request on the same payer. Pure.
 */
import { startsWithKnownPayer } from '../card/payers';
import { parseDate } from './dates';
import { normalizeMemberId } from './identifiers';
import { CAPITALISED_NAME, cleanPersonName } from './names';

export interface SubjectFields {
  /** Both null unless both were read. */
  name: string | null;
  dob: string | null;
  payer: string | null;
  memberId: string | null;
  /** "Cottonwood Ridge referral - Leah Okonkwo 9/23/96": the center the subject names as referring. */
  referredBy?: string | null;
}

const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;
/** Words of a subject that are about the mail, not the client. */
const NOT_NAME = /^(?:re|fw|fwd|vob|vobs|new|request|urgent|benefits|verification|insurance|check|referral|intake|admission|submission|pt|client|patient|for|please|asap)$/i;

/** "Cigna U44120987": a payer's name, then a word shaped like a member ID. */
const PAYER_THEN_ID = /^(.+?)\s+(?:id\s*)?#?\s*((?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{6,20})$/i;

/** Words, then a date (or MMDDYY), then maybe more words. */
const NAME_DATE_RUN = /^((?:\S+\s+){1,5}?)(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{6})(?:\s+(\S.*))?$/;

export function subjectFields(subject: string | null, reference: Date): SubjectFields | null {
  // A date of birth or a member ID has digits: a subject without any names no client.
  if (!subject || !/\d/.test(subject)) return null;
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
  let referredBy: string | null = null;
  for (const item of items) {
    // "Cottonwood Ridge referral", "referral from Lantern Path": the referring center, no client.
    const referral = /^(?:(?:new\s+)?referral\s+from\s+(.+)|(.+?)\s+referral)$/i.exec(item);
    if (referral) {
      const center = (referral[1] ?? referral[2] ?? '').trim();
      if (referredBy === null && /^\p{Lu}/u.test(center) && !/^(?:new|vob|urgent|the|a)$/i.test(center)) referredBy = center;
      continue;
    }
    // "ID YRB449201387", "Member ID: W123...", "M# 9041 77231": an ID word, then the ID.
    const id = /^(?:(?:member\s*|mbr\s*|mem\s*)?id\s*[#:]?|(?:m|mbr|mem|member)\s*#\s*:?)\s*([A-Za-z0-9][A-Za-z0-9 -]{3,24})$/i.exec(item);
    if (memberId === null && id) {
      memberId = normalizeMemberId(id[1]!);
      if (memberId !== null) continue;
    }
    const payerThenId = PAYER_THEN_ID.exec(item);
    if (payer === null && memberId === null && payerThenId && startsWithKnownPayer(payerThenId[1]!) && /\d{4}/.test(payerThenId[2]!)) {
      payer = payerThenId[1]!;
      memberId = normalizeMemberId(payerThenId[2]!);
      continue;
    }
    // "VOB Marcus Hale 12.19.90 Anthem BCBS WI", "VOB Ethan Parkhurst 092385": a name, its birth date, maybe the plan, in one run.
    const run: RegExpExecArray | null = name === null && dob === null ? NAME_DATE_RUN.exec(item) : null;
    const runName: string | null = run ? cleanPersonName(run[1]!.split(/\s+/).filter((w: string) => !NOT_NAME.test(w)).join(' ')) : null;
    if (run && runName !== null && CAPITALISED_NAME.test(runName)) {
      const date = /^\d{6}$/.test(run[2]!) ? `${run[2]!.slice(0, 2)}/${run[2]!.slice(2, 4)}/${run[2]!.slice(4)}` : run[2]!;
      const born = parseDate(date, { reference, birthDate: true });
      if (born !== null) {
        name = runName;
        dob = born;
        if (payer === null && run[3] && startsWithKnownPayer(run[3])) payer = run[3].trim();
        continue;
      }
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
  if (name !== null && dob !== null) return { name, dob, payer, memberId, referredBy };
  return payer !== null && memberId !== null ? { name: null, dob: null, payer, memberId } : null;
}
