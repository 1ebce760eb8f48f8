/** Person and organisation names as written, trimmed of the notes people add around them. */
import { isPlaceholder } from './placeholders';

/** A person's name: whitespace collapsed, markdown and trailing notes ("(client)", ", DOB ...") removed. */
export function cleanPersonName(value: string): string | null {
  // "CHAN Tai Man (English name Kevin). Family name is CHAN.": the name is the first sentence.
  // "SGT Tyler J. Dempsey", "LCpl Devante M. Landry, USMC", "Capt. Ana Ruiz (Ret.)": a rank or a service is no part of the name.
  const spaced = value.replace(/[*_`]+/g, ' ').replace(/\s+/g, ' ').trim();
  const unranked = spaced.replace(MILITARY_RANK, '').replace(/,?\s+(?:\(Ret\.?\)|USMC|USN|USAF|USCG|USSF|USNR|USAR|USMCR|ARNG|ANG|Ret\.?)(?=[\s,;.)]|$).*$/, '');
  let t = givenNameFirst((unranked !== spaced && unranked.trim().split(/\s+/).length >= 2 ? unranked.trim() : spaced).replace(/(?<=[\p{Ll})]{2})\.\s+\p{Lu}[\s\S]*$/u, '').trim());
  // Notes in brackets are never part of the name.
  t = t.replace(/\s*[([{][^)\]}]*[)\]}]?\s*$/g, '').replace(/\s*[([{][^)\]}]*[)\]}]\s*/g, ' ').trim();
  // Trailing commentary after a dash or a comma followed by a keyword.
  t = t.replace(/\s+[-–—|]\s+.*$/, '');
  t = t.replace(/\s*[,;]\s*(?:dob|d\.o\.b|born|age|mrn|ssn|id|member|phone|ph|cell|relationship|rel|insured|subscriber|policy)\b.*$/i, '');
  t = t.replace(/\s*\b(?:dob|d\.o\.b\.?)\s*[:\-]?\s*\d.*$/i, '');
  // "Elijah Whitlock, 16 years old", "Kieran O'Brien, 34 y/o male": the age is no part of the name.
  t = t.replace(/\s*[,;]?\s*\b\d{1,3}\s*(?:years?\s*old|yrs?\s*old|y\/?o|yo)\b.*$/i, '');
  // The period of "Jr.", "Sr." or a middle initial ("Oscar J.") is part of the name as written.
  // "Client is Naomi Achterberg", "patient named Jo Lin": the verb is not part of the name.
  t = t.replace(/^(?:is|named|called|name is)\s+(?=\p{Lu})/u, '');
  const keepDot = /(?:^|\s)(?:jr|sr|[A-Z])\.$/i.test(t.replace(/[\s,;:]+$/, ''));
  t = t.replace(keepDot ? /[\s,;:]+$/ : /[\s,;:.]+$/, '').replace(/^[\s,;:.\-]+/, '').trim();
  // "name?", "unknown??": the writer asking, not a name.
  // ("Subscriber: Veteran (self)": a role, not a name.)
  if (t.length === 0 || isPlaceholder(t) || /^\p{L}+\s*\?+$/u.test(t) || /^(?:the\s+)?(?:veteran|sponsor|service\s*member|beneficiary|soldier|sailor|marine|airman)$/i.test(t)) return null;
  // A name has letters and no long digit runs (a date or ID typed in the wrong place).
  if (!/[A-Za-zÀ-ÿ]/.test(t) || /\d{3,}/.test(t)) return null;
  if (t.length > 80 || t.split(' ').length > 8) return null;
  return t;
}

/** A military rank or rate before a name ("SGT", "LCpl", "PO2", "Staff Sergeant"). */
const MILITARY_RANK =
  /^(?:LCDR|LtCdr|CWO[2-5]|[A-Z]{2,3}[1-3]|PVT|PV[12]|PFC|SPC|CPL|Cpl|LCpl|LCPL|SGT|Sgt|SSG|SSgt|SFC|GySgt|MSG|MSgt|1SG|1stSgt|SGM|SgtMaj|CSM|MGySgt|2LT|2ndLt|1LT|1stLt|CPT|Capt|MAJ|Maj|LTC|LtCol|COL|Col|BG|BGen|MG|MajGen|LTG|LtGen|GEN|Gen|WO1|CW[2-5]|SN|PO[1-3]|CPO|SCPO|MCPO|ENS|LTJG|LT|CDR|CAPT|RADM|ADM|Amn|A1C|SrA|TSgt|SMSgt|CMSgt|HM[1-3]|HN|(?:Private(?:\s+First\s+Class)?|(?:Lance\s+)?Corporal|(?:Staff\s+|Gunnery\s+|Master\s+|First\s+|Sergeant\s+)?Sergeant(?:\s+Major)?|Specialist|(?:First\s+|Second\s+)?Lieutenant|Captain|Major|Colonel|Seaman|Airman|Petty\s+Officer(?:\s+(?:First|Second|Third)\s+Class)?|Chief(?:\s+Petty\s+Officer)?|Ensign|Commander|Admiral|General))\.?\s+(?=\p{Lu})/u;

/** "(first name: Dmitri)", "(PHAM is family name, Lan is first name)": the writer's note on which word is the given name. */
const GIVEN_NAME_NOTE = /\((?=[^)]*\b(?:first|given)\s+name)[^)]*?(?:\b(?:first|given)\s+name\s*(?:is\s+|:\s*|=\s*)(\p{L}[\p{L}'’-]*)|(\p{L}[\p{L}'’-]*)\s+is\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:first|given)\s+name)[^)]*\)/iu;
/** A family name written first in capitals ("SOKOLOV Dmitri"), as many countries' forms do. */
// (Three letters at least: "DJ Smith", "AJ Cole" are initials for a first name.)
const CAPITALS_FIRST = /^(\p{Lu}{3,}(?:[-'’]\p{Lu}{2,})?)\s+(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?){0,2})$/u;

/**
 * The name given name first where the writer marks the family name: written first in capitals
 * ("SOKOLOV Dmitri"), or named by the writer's own note. A chart's "Last, First M" stays as
 * written, as the contract says.
 */
function givenNameFirst(value: string): string {
  const note = GIVEN_NAME_NOTE.exec(value);
  const bare = value.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (note) {
    const given = (note[1] ?? note[2])!;
    const words = bare.split(/\s+/);
    const family = words.find((w) => /^\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})?$/u.test(w) && w.toLowerCase() !== given.toLowerCase());
    const at = words.findIndex((w) => w.toLowerCase() === given.toLowerCase());
    if (family !== undefined && at >= 0) return [words[at]!, ...words.filter((w, i) => i !== at && w !== family), family].join(' ');
  }
  const caps = CAPITALS_FIRST.exec(bare);
  if (caps && !/[()]/.test(value.replace(/\s*\([^)]*\)\s*$/, ''))) return `${caps[2]} ${caps[1]}`;
  return value;
}

/** An organisation name as written: whitespace collapsed, trailing contact details removed. */
export function cleanOrgName(value: string): string | null {
  let t = value.replace(/[*_`]+/g, ' ').replace(/\s+/g, ' ').trim();
  // Contact details and notes after the name are not the name.
  t = t.replace(/\s*(?:[-–—|,;]\s*)?(?:\(?\+?1?[\s.-]*\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\)?).*$/, '');
  t = t.replace(/\s*(?:[-–—|,;]\s*)?\S+@\S+.*$/, '');
  // (Only a whole word: "Randolph County" holds no "ph".)
  t = t.replace(/\s*(?:[-–—|,;]\s*)?\b(?:phone|ph|tel|fax|p:|f:)(?:\b|(?<=:)).*$/i, '');
  t = t.replace(/^(?:from|by)\s+/i, '');
  // "Riverbend Crossing. He left before the front desk finished ...": the next sentence is no part of the name.
  t = t.replace(/(?<=\p{Ll}{2})\.\s+\p{Lu}\p{Ll}*\s+\p{Ll}[\s\S]*$/u, '');
  // "Sunlit Path Wellness, thx!": the sign-off after the name is no part of it.
  t = t.replace(/\s*[,;-]\s*(?:thx|thanks|thank you|ty|tia|pls|please)\b.*$/i, '');
  // "Magnolia Crest RecoveryThank you,Kiara Benton": line breaks lost, the sign-off glued to the name.
  t = t.replace(/(?<=\p{Ll})(?:Thanks|Thank you|Regards|Best regards|Sincerely)\b.*$/u, '');
  // "Cuyahoga County Diversion Program, my caseworker there is Ms. Ortiz": a clause about someone there.
  t = t.replace(/\s*[,;]\s*(?:my|our|his|her|their)\s+\p{Ll}.*$/u, '');
  // "Dover Bay Recovery Center, he finishes there Friday": a clause about the client.
  t = t.replace(/\s*[,;]\s*(?:he|she|they)(?:['’]s|['’]re|\s+\p{Ll}+)\b.*$/u, '');
  // "Blue Heron IOP (us) - walk-in": "(us)" says whose center it is, and a lower-case note after a dash is no part of the name.
  // "(we'd be admitting him to residential)": a bracketed note in the writer's words.
  t = t.replace(/\s*\((?=[^)]*\b(?:we|we['’]\w+|I|I['’]\w+|he|she|they|him|her|them|will|would)\b)\p{Ll}?[^)]*\)\s*$/u, (m) => (/^\s*\(\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(m) ? m : ''));
  // "Lakemont Recovery (Rockford outpatient office)": which of its offices is no part of the name.
  t = t.replace(/\s*\([^()]*\b(?:office|location|branch|site|campus)\)\s*$/i, '');
  t = t.replace(/\s*\((?:us|ours|that['’]?s us|our (?:center|program|facility))\)/i, '').replace(/\s+[-–—]\s+\p{Ll}[\p{Ll}\s'’-]*$/u, '');
  // "Referring facility is us - Redwood Bend Recovery": the writer's own center, named after "us".
  // ("Referral - me, Lower Shore Peer Connect": the writer, then their program.)
  t = t.replace(/^(?:us|we|me|myself|ourselves|that['’]?s us|that['’]?s me)\s*[-–—:,(]\s*/i, '');
  // "Snake River Recovery, that's us": the writer saying the center is their own.
  t = t.replace(/\s*[,;(–—-]\s*(?:that['’]?s|that\s+is|which\s+is|this\s+is)\s+(?:us|we|our\s+(?:center|centre|program|facility|clinic))\b\)?.*$/i, '');
  // "Magnolia Landing too", "... again": the writer's aside after the name.
  // "Juniper Ridge Recovery on both", "... for all three": which clients it refers is no part of the name.
  t = t.replace(/\s+(?:too|also|as well|again|(?:on|for)\s+(?:both|all(?:\s+(?:two|three|four|of them))?|each|them all))[.!]*$/i, '');
  t = t.replace(/[\s,;:.\-–—|]+$/, '').trim();
  // "us (Tern House)": the bracket that opened before the name closes after it, and goes with "us (".
  if (t.endsWith(')') && (t.match(/\)/g) ?? []).length > (t.match(/\(/g) ?? []).length) t = t.slice(0, -1).trim();
  if (t.length === 0 || isPlaceholder(t)) return null;
  if (!/[A-Za-z]/.test(t) || t.length > 120) return null;
  // "Ref: MSG0337162": a reference code, not a center's name.
  if (/^[A-Z]*\d[A-Z\d-]*$/i.test(t) && /\d{3}/.test(t)) return null;
  return t;
}

/** A person's name of two to four words written with capitals ("Angela Reyes", "Gerald A Przybylski"). */
export const CAPITALISED_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;
