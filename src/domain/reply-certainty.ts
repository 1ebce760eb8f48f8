/**
 * Is "I did not find it" really "it is not there"? Before an automatic reply asks a center for
 * a field, the message is searched again for any sign of that field the extractor did not take:
 * a label that speaks of it with a value beside it (whatever its spelling: camelCase,
 * snake_case, dotted keys, numbering, combined labels), or a value of the field's shape (a birth
 * date, a phone, an ID, a street address, a payer's name) that no field consumed. Any such sign
 * is a doubt: no form letter goes out, and staff get a task saying what was uncertain. Pure.
 *
 * The doubts name fields and line numbers only, never the text they saw (it may be PHI).
 */
import { REQUIRED_FIELD_PROMPTS, REQUIRED_FIELDS, type RequiredField, type VobRequest } from '../../schemas/vob-record';
import { ADDRESS_IN_SIGNATURE } from './body/addresses';
import { parseDate } from './body/dates';
import { withPairedDigitsJoined } from './body/phones';
import { PLAN_NAME_LINE } from './body/field-hits';
import { FACILITY_ONLY_LABEL, OWNERS_NAMED_PLAN, parseLine } from './body/label-lines';
import { withOcrCapitalI, type FieldKey } from './body/labels';
import { isPlaceholder, mentionsHomeless, NO_REFERRING_CENTER } from './body/placeholders';
import { HOLDER_KIN_WORD, hasRelationshipWord, isSelfValue } from './body/relationships';
import { findPayers } from './card/payers';
import type { BodySegment } from './mime/body-segments';
import type { MessageIntent } from './body/message-intent';

type AskedField = Exclude<RequiredField, 'card'>;

/** Words that, in a label, speak of a field. Matched against normalised label words. */
const LABEL_WORDS: Record<AskedField, RegExp> = {
  'client.name': /\b(?:name|nombre|patient|client|pt|first|last|fname|lname|full ?name)\b/,
  'client.dob': /\b(?:dob|d ?o ?b|birth|birthdate|birthday|bday|born|nacimiento|fecha de nac\w*|fnac|age)\b/,
  'client.address': /\b(?:address|addr|addy|adress|street|str|city|town|zip|zipcode|postal|residence|residential|direcci[oó]n|domicilio|ciudad)\b/,
  'insurance.payerName': /\b(?:insurance|ins|insurer|payer|payor|carrier|plan|coverage|seguro|aseguranza|aseguradora|primary|health ?plan)\b/,
  'insurance.memberId': /\b(?:id|ids|member|mbr|mem|policy|pol|medicaid|medicare|cin|bic|mbi|identification|identificaci[oó]n|p[oó]liza|cert|certificate|contract|subscriber ?(?:id|no|number|#)|#)\b/,
  'insurance.phone': /\b(?:phone|ph|tel|telephone|tele|number|no|#|call|line|services?|provider|benefits|eligibility|elig|verif\w*|bh|behavioral|behavioural|tel[eé]fono|contact)\b/,
  'subscriber.name': /\b(?:subscriber|subscribers|sub|insured|holder|policyholder|policy ?holder|guarantor|cardholder|card ?holder|employee|primary|responsible|titular|asegurad[oa]|parent|mother|father|mom|dad|spouse|husband|wife)\b/,
  'subscriber.relationship': /\b(?:relationship|relation|rel|relacion|relaci[oó]n|parentesco|relationship to \w+)\b/,
  referredBy: /\b(?:referred|referral|referring|referer|referrer|ref|refer|source|facility|agency|clinic|center|centre|organization|organisation|org|program referring|sending|sent by|who sent|on behalf)\b/,
};

/** Label words that say the value belongs to something else, per field. */
/** Words that name a number other than the plan's member ID (a group, an SSN, a docket, a booking...). */
const OTHER_ID_WORDS = String.raw`group|grp|rx|bin|pcn|npi|provider|tax|tin|ssn|social|student|sevis|passport|visa|alien|immigration|census|tribal|ihs|badge|driver|e-?mail|claim|auth\w*|case|order|ticket|confirmation|reference|ref|fax|phone|ph|tel|zip|account|acct|mrn|chart|license|dl|payer id|docket|do ?d|edipi|consult|icn|incident|booking|inmate|offender|ot|doc|tomis|sid|oid|cdcr|bop|register|warrant|citation|arrest|cause|indictment|jacket|pin|permit`;
const NOT_THIS: Partial<Record<AskedField, RegExp>> = {
  'client.name': /\b(?:subscriber|insured|holder|guarantor|parent|mother|father|spouse|contact|center|facility|referr\w*|payer|insurance|plan|program|user|file|case|coordinator|staff|representative|rep|sender|submitted|doctor|physician|counselor|therapist|emergency)\b/,
  'client.dob': /\b(?:subscriber|insured|holder|guarantor|parent|mother|father|spouse)\b/,
  'client.address': /\b(?:e-?mail|web|url|center|facility|office|subscriber|insured|holder|employer|billing|claims?|work|workplace|duty)\b/,
  'insurance.payerName': /\b(?:phone|ph|tel|#|id|no|number|group|grp|address|secondary|type|sponsor|employer)\b/,
  'insurance.memberId': new RegExp(`\\b(?:${OTHER_ID_WORDS})\\b`),
  'insurance.phone': /\b(?:guarantor|referring|referral|contact|client|patient|pt|cell|mobile|home|fax|office|facility|center|centre|direct|work|personal|my|our|your|emergency|parent|mother|father|spouse|guardian|subscriber|caller|requester|callback|call back|cb|intake|admissions?|coordinator|ext|whatsapp|text|lead|sister|brother|family)\b/,
  'subscriber.name': /\b(?:id|#|no|number|dob|birth|phone|ph|ssn|address|employer|group|relationship|relation|rel|primary (?:insurance|ins|plan|payer|payor|carrier|coverage))\b/,
  'subscriber.relationship': /\b(?:status|marital)\b/,
  // "utm_source": a web form's tracking key, not who referred.
  referredBy: /\b(?:phone|ph|tel|fax|e-?mail|address|npi|id|#|date|payer|insurance|utm)\b/,
};

/** A confidentiality footer's or a mail gateway's words, whatever numbers stand beside them. */
const GATEWAY_NOTICE = /\b(?:may\s+contain\s+(?:confidential\s+|protected\s+|privileged\s+|sensitive\s+)*(?:information|phi|health\s+information)|42\s+CFR\s+Part\s+2|received\s+(?:this|it)\s+(?:message\s+|e-?mail\s+|communication\s+)?in\s+error|intended\s+(?:only\s+)?for\s+the\s+(?:named\s+)?(?:recipient|addressee)|data\s+loss\s+prevention|this\s+(?:message|e-?mail)\s+was\s+(?:flagged|scanned|secured|quarantined|delivered)|originated\s+from\s+outside|reply\s+to\s+this\s+(?:e-?mail|message)\s+to\s+reach)\b/i;

/** "1094457 (university ID, not insurance)": the writer says what a value is not. */
const NOT_THIS_VALUE = /\bnot\s+(?:use\s+(?:these|this|them|it)\s+as\s+)?(?:an?\s+|the\s+)?(?:insurance|member)\b/i;

/** Fields whose labels are read in a signature too: a signature never states them for the center. */
const READ_IN_SIGNATURE: ReadonlySet<AskedField> = new Set(['client.dob', 'insurance.memberId', 'insurance.payerName', 'subscriber.name', 'subscriber.relationship']);

/** A label and its value on one line: "Label: value", "label = value", "Label - value", "Label<TAB>value", "Q? A". */
const LABELLED = /^\s*(?:[-*•·◦▪▫►▶➢>+]+\s*|\(?(?:q\s*)?\d{1,2}[.):]\s*|[a-h][.)]\s+)?["'`]?((?:[^:=|\t"'`’]|(?<=\p{L})['’](?=\p{L})){1,50}?)["'`]?\s*(?::|=>?|\t|\s[-–—]+\s|\?\s)\s*["'`]?(.+?)["'`]?[,;]?\s*$/iu;

/** Label words after normalising spelling and structure (camelCase, snake_case, dotted keys, "#"). */
export function normalizeLabel(raw: string): string {
  // OCR's digits for letters in a label word ("D0B", "Ph0ne", "Mernber lD").
  return withOcrCapitalI(raw)
    .replace(/\b[dD]0[bB]\b/g, 'DOB')
    .replace(/([A-Za-z])[0](?=[A-Za-z])/g, '$1o')
    .replace(/([A-Za-z])1(?=[a-z])/g, '$1l')
    .replace(/rn(?=ber|e\b)/g, 'm')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])#/g, '$1 #')
    .toLowerCase()
    .replace(/[_./\\()[\]{}*-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value has the shape the field's values take. */
function shapeFits(field: AskedField, value: string): boolean {
  const v = value.trim();
  switch (field) {
    case 'client.name':
    case 'subscriber.name':
      return /\p{L}{2}/u.test(v) && !/\d/.test(v);
    case 'client.dob':
      // An impossible or future date is no birth date the reader missed: asking for it is right.
      // A date in a form the reader does not know ("29.VIII.1983") is a date all the same.
      if (/\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}/.test(v)) return parseDate(v, { birthDate: true }) !== null;
      if (parseDate(v, { birthDate: true }) !== null) return true;
      // "February 14th (Valentine's Day)": a birthday without its year is no birth date to read.
      if (!/\b(?:19|20)\d{2}\b|['’]\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2}\b/.test(v)) return false;
      return /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d{2}\b/i.test(v) && !NOT_KNOWN.test(v);
    case 'client.address':
      return /\p{L}{3}/u.test(v) && !mentionsHomeless(v);
    case 'insurance.payerName':
      return /\p{L}{3}/u.test(v) && (v.match(/\d/g)?.length ?? 0) <= v.length / 3;
    case 'insurance.memberId':
      return /[A-Za-z0-9]{2,}/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 4;
    case 'insurance.phone':
      // A phone's shape, not any digits under "No." ("Case No.: CR2025-004417").
      return PHONE_SHAPE.test(withPairedDigitsJoined(v)) || VANITY_PHONE.test(v);
    case 'subscriber.relationship':
    case 'referredBy':
      return /\p{L}{3}/u.test(v);
  }
}

/** "Label: value" pairs of a line, including "k=v; k2=v2" and "a: 1 | b: 2" runs on one line. */
function labelledPairs(line: string): { label: string; value: string }[] {
  const parts = /[;|]/.test(line) && (line.match(/[:=]/g)?.length ?? 0) >= 2 ? line.split(/\s*[;|]\s*/) : [line];
  const out: { label: string; value: string }[] = [];
  for (const part of parts) {
    const m = LABELLED.exec(part);
    // ("Address 1........: X": leader dots read as a tab leave the colon on the value's side.)
    if (m && m[1] && m[2]) out.push({ label: normalizeLabel(m[1]), value: m[2].replace(/^[\s:.]+(?=\S)/, '') });
  }
  return out;
}

/**
 * A header row and the data row under it ("first_name,last_name,dob" then "Jane,Roe,3/4/91";
 * a markdown or pipe table): the pairs of header cell and value.
 */
function tablePairs(lines: readonly string[]): { label: string; value: string; line: number }[] {
  const out: { label: string; value: string; line: number }[] = [];
  const cellsOf = (l: string): string[] | null => {
    const sep = l.includes('\t') ? '\t' : l.includes('|') ? '|' : l.includes(',') ? ',' : null;
    if (sep === null) return null;
    const cells = l.split(sep).map((c) => c.trim());
    if (sep === '|') return cells.filter((c, i) => !(c === '' && (i === 0 || i === cells.length - 1)));
    return cells;
  };
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = cellsOf(lines[i]!);
    if (!header || header.length < 3 || header.some((c) => c.length > 40)) continue;
    const words = header.map(normalizeLabel);
    const labelled = words.filter((w) => Object.values(LABEL_WORDS).some((re) => re.test(w))).length;
    if (labelled < 2) continue;
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const row = cellsOf(lines[j]!);
      if (!row) break;
      if (row.every((c) => /^[\s:|-]*$/.test(c))) continue; // markdown rule
      if (row.length !== header.length) break;
      row.forEach((value, k) => out.push({ label: words[k]!, value, line: j }));
    }
  }
  return out;
}

export interface ReplyCertaintyInput {
  /** The subject is read too: a value only there ("VOB - Kline, Aaron - Cigna U44120987") is no missing field. */
  subject?: string | null;
  segments: readonly BodySegment[];
  requests: readonly VobRequest[];
  /** Values the reader placed in fields no request carries (a subscriber's DOB): taken, so no doubt. */
  placedValues?: readonly string[];
  /** When the message was written: a "birth date" after it, or within the last year, is some other date. */
  referenceDate: Date;
  /** What the newest text does: a correction above the quoted request is about a request already sent. */
  intent?: MessageIntent;
}

/** Every value the requests hold, compacted, so a token the extractor did take is no doubt. */
function consumedValues(requests: readonly VobRequest[]): Set<string> {
  const out = new Set<string>();
  const add = (v: string | null | undefined): void => {
    if (v) out.add(compact(v));
  };
  for (const r of requests) {
    add(r.insurance.memberId);
    add(r.insurance.groupNumber);
    add(r.insurance.phone?.replace(/^\+1/, ''));
    add(r.client.address?.postalCode);
    // A form's address parts ("street: 5120 W 130th St", "city: Cleveland") are the address read.
    add(r.client.address?.line1);
    add(r.client.address?.city);
    // The subscriber's name, read: no sign of a client's name missed.
    add(r.subscriber.name);
    for (const p of r.card.fields?.phones ?? []) add(p.number.replace(/^\+1/, ''));
    add(r.card.fields?.memberId);
    add(r.card.fields?.groupNumber);
    add(r.card.fields?.rxGroup);
    add(r.card.fields?.rxBin);
  }
  return out;
}

function compact(v: string): string {
  return v.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Lines that speak of some other date or phone than the ones a request asks for. */
const OTHER_DATE = /\b(?:admit\w*|admission|discharge\w*|sent|service|dos|start\w*|effective|eff|term\w*|coverage|intake|appointment|appt|scheduled|today|received|since|expir\w*|renew\w*|date of injury|doi|last|through|thru|until|from|called|spoke|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|wrote)\b/i;
/** "his dad said to call ..., which is the number printed on the back": the plan's line, whoever else the sentence names. */
const PLAN_LINE_SAID = /\b(?:on the back|back of (?:the|her|his|their|my) card|for providers|provider (?:services|line|contact center|call center|contact centre|call centre))\b/i;
/** A sentence about a plan besides the one to verify. */
const SECOND_PLAN_SENTENCE = /\b(?:pays\s+second|secondary|supplement(?:al)?|medigap|(?:for\s+(?:your\s+)?(?:information|reference)|fyi)\s+only|not\s+the\s+one\s+(?:you|to|we))\b/i;
/** A relative named: "Mom is Maribel Becerra", "his dad's name is Ray Soto" (the kin word in any case, the name capitalised). */
const KIN_IS = new RegExp(String.raw`\b${HOLDER_KIN_WORD}(?:['’]s\s+(?:full\s+)?name)?\s+is\s+`, 'gi');
const NAME_AHEAD = /^\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.?\s+)?\p{Lu}\p{Ll}+/u;
const kinNamed = (text: string): boolean => [...text.matchAll(KIN_IS)].some((m) => NAME_AHEAD.test(text.slice(m.index + m[0].length)));
/** A relative said to hold the plan ("Mom is the policy holder"). */
const KIN_HOLDS = new RegExp(String.raw`\b${HOLDER_KIN_WORD}\s+is\s+(?:the\s+)?(?:policy\s*-?\s*holder|policyholder|subscriber|insured)\b`, 'i');
/** The plan's own fields, which a secondary or former plan's block also has. */
const ASKED_PLAN_FIELDS: ReadonlySet<AskedField> = new Set(['insurance.payerName', 'insurance.memberId', 'insurance.phone']);
/** A scanner's or fax machine's own header ("Send Function: Scan to E-mail", "Device: iR-ADV C5535", "Pages: 1"): no client's values. */
const DEVICE_LABEL = /^(?:send\s+function|device(?:\s+name)?|(?:number\s+of\s+)?pages?|scan(?:ned)?\s+(?:date|time|at)|file\s+(?:name|format|type)|resolution|job\s+(?:id|no\.?|number|name)|serial(?:\s+no\.?|\s+number)?|model)$/i;
const OTHER_PHONE = /\b(?:requester|caller|agent|callback|call back|client|patient|pt|cell|mobile|home|fax|office|direct|main|work|my|me|our|us|reach|contact|facility|center|centre|intake|admissions?|ext|text|whatsapp|subscriber|mom|dad|mother|father|parent|spouse|husband|wife|voicemail|duty\s+desk|sergeant|platoon|squadron|unit|command|chaplain|employer|hr|payroll|human\s+resources)\b/i;
const STREET = /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?[\p{L}0-9.'-]+(?:\s+[\p{L}0-9.'-]+){0,4}\s+(?:st|street|ave|avenue|rd|road|dr|drive|ln|lane|blvd|boulevard|ct|court|way|pl|place|cir|circle|pkwy|parkway|hwy|highway|ter|terrace|trl|trail|loop|sq|square|pike|row|run)\b\.?/iu;
const STREET_ALL = new RegExp(STREET.source, 'giu');
const STATE_ZIP = /\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\.?,?\s+\d{5}(?:-\d{4})?\b/;
/** A US phone number written with digits (no vanity letters: "Louisville, KY 40202" is no phone). */
/** "Fund office / eligibility:", "Member services": a label that names the plan's own line, whatever else it says. */
const CONTACT_CELL = /\b(?:MSW|LCSW|LPC|LMFT|LCADC|CADC|RN|LPN|BSN|MD|PhD|NP|coordinator|manager|director|specialist|counsel(?:l)?or|navigator|advocate|supervisor|therapist|admissions|intake)\b/;
const PLAN_PHONE_LABEL = /\b(?:eligibility|elig|verifications?|verif|benefits|member services|provider services|provider contact|provider call|customer service|payer|payor|insurance|ins|carrier|fund|plan)\b/;

/** A treatment center's, clinic's or agency's name, by its last words. */
const CENTER_NAME = /\b(?:center|centre|recovery|clinic|hospital|treatment|behavioral|behavioural|detox|crisis|counseling|counselling|wellness|institute|services|program|programs|house|lodge|ranch|ministries|unit|court|agency|department|dept)\b/i;
/** Labels whose center is not the one sending the client: the sender's own, a doctor's, an employer's, the plan's. */
const NOT_A_REFERRER_LABEL = /\b(?:employer|sponsor|pcp|doctor|physician|therapist|psychiatrist|school|pharmacy|from|sender|our|my|receiving|admitting|destination|placement|to|insurance|plan|payer|carrier|billing|claims|address|phone|fax|e ?mail|npi|level|loc|modality|services?)\b/;

/** A label that says only "phone", not whose: its section says whose. */
const GENERIC_PHONE_LABEL = /^(?:(?:phone|ph|tel|telephone|cell|contact)(?: (?:number|no|#))?|number|#)$/;

/** "1-800-555-HOPE": a toll-free number spelled in part. */
const VANITY_PHONE = /(?<![\w-])(?:1[\s.-]?)?\(?8\d\d\)?[\s.-]?[A-Z0-9]{3}[\s.-]?[A-Z0-9]{4}(?![\w-])/i;
const PHONE_DIGITS = /(?<![\w-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\w-])/g;
/** The same shape, for a test (a global regexp keeps its place between tests). */
const PHONE_SHAPE = new RegExp(PHONE_DIGITS.source);
/** Someone saying a value is not known yet: no sign of it. */
const NOT_KNOWN = /\b(?:(?:nobody|no\s+one|no\s+(?:provider|doctor|agency|program|center|facility|one\s+else))\s+(?:has\s+|had\s+|really\s+)?(?:referred|sent)|self[-\s]?referr\w*|(?:self|family)(?:\s*\/\s*(?:self|family))?\s+referral|found\s+(?:you|this|your\s+\w+)\s+(?:online|on\s+(?:google|the\s+internet|a\s+website|line))|houseless|homeless|unhoused|no\s+(?:current|fixed|permanent)\s+address|not\s+(?:on|listed\s+on|printed\s+on)\s+(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+){0,3}card|tbd|tba|unknown|unk|pending|withheld|redacted|confidential|not shared|not (?:released|disclosed|given out)|n\/a|waiting|(?:don|doesn|didn)['’]?t (?:have|know|give|say)|(?:do|does|did) not (?:have|know|give|say)|(?:not|is ?n['’]?t|was ?n['’]?t|un) ?sure|(?:will|['’]ll) (?:send|get|update|confirm|follow|provide|let|forward|ask|find|supplement|bring)|(?:is|are) bringing|between (?:leases|homes|places|addresses|apartments)|find(?:ing)? out|still (?:need|confirming|waiting|getting|working)|confirming|need(?:ed|s)? (?:to|the)|missing|no (?:name|info|street address|referring|referral)|not (?:yet )?(?:provided|given|known|listed|chosen|determined|decided|obtained|available)|would ?n['’]?t (?:give|say|share)|would not (?:give|say|share)|declined|refused|has ?n['’]?t (?:chosen|picked|decided)|to follow|see (?:parent|attached|card|below|above)|asap)\b|\?\?/i;
const ID_TOKEN = /(?<![\w@./?-])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{5,19}(?![\w@/?-])/g;
const SUBSCRIBER_PROSE = /\b(?:(?:thru|through|on|under)\s+my\s+(?:husband|wife|spouse|partner|mom|mother|dad|father|parents?)['’]?s?\s+(?:job|work|employer|plan|policy|insurance|coverage)|(?:he|she|they)(?:['’]s|['’]re|\s+is|\s+are)\s+the\s+(?:policy\s?-?holder|subscriber|insured)\b|(?:it['’]?s|it\s+is)\s+(?:in\s+)?(?:his|her|their|my)\s+own\b|(?:is|was)\s+(?:her|his|their|the client['’]s|the patient['’]s|\p{Lu}\p{Ll}+['’]s)\s+(?:husband|wife|spouse|mother|mom|father|dad|parent|partner|son|daughter|child|stepfather|stepmother|grandmother|grandfather)|covered\s+(?:under|by|through|on)\s+(?:his|her|their|\p{Lu}\p{Ll}+['’]s)|(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are)\s+(?:also\s+)?(?:on|under)\s+(?:his|her|their)\s+(?:plan|policy|insurance|coverage)|(?:on|under|through)\s+(?:his|her|their|the)\s+(?:\w+\s+)?(?:mom|mother|dad|father|parents?|husband|wife|spouse|partner|step\w*|grand\w*|employer)|(?:mom|mother|dad|father|parents?|husband|wife|spouse|partner)['’]?s?\s+(?:own\s+)?(?:plan|policy|insurance|coverage|name)|in\s+(?:his|her|their)\s+\w+['’]?s?\s+name|a\s+nombre\s+de|titular|asegurad[oa]|(?:own|self)\s+(?:\w+\s+)?(?:policy|plan|subscriber)|(?:has|have)\s+(?:his|her|their)\s+own\b|(?:is|am|are|['’]m|['’]s|has been|have been|was)\s+(?:the\s+)?(?:primary\s+|main\s+)?(?:subscriber|policy ?-?holder|policyholder|insured|card ?holder|member|titular|beneficiary|enrollee|recipient|one on (?:the (?:policy|plan|insurance|card)|it\b))|(?:policy|plan|insurance|coverage)\s+(?:of|is of)\s+(?:the\s+|her\s+|his\s+|their\s+|our\s+|my\s+)?(?:husband|wife|spouse|mother|mom|father|dad|parents?|partner|step\w*|grand\w*)|(?:insurance|policy|plan|medicaid|medicare)\s+is\s+(?:his|her|their)\s+own|(?:on|under|through)\s+(?:my|our)\s+(?:own\s+)?(?:\w+\s+)?(?:plan|policy|insurance|coverage)|(?:policy|plan|insurance|coverage)\s+is\s+(?:in\s+)?(?:mine|my\s+name)|(?:it['’]?s|it\s+is)\s+(?:in\s+(?:my|his|her|their)\s+(?:own\s+)?name|(?:my|his|her|their)\s+(?:own\s+)?(?:\w+\s+)?(?:policy|plan|insurance|coverage|card)))\b/iu;
/** A capitalised word that does not open a sentence: a name may stand in the line. */
const NAME_MID_SENTENCE = /(?<=[^\s.!?:]\s+)(?!I\b|I['’])\p{Lu}\p{Ll}/u;
const REFERRAL_PROSE = /\b(?:refer(?:red|ral|ring|s)?|ref['’]?d\s+by|on behalf of(?!\s+(?:my|our|his|her|their)\s+(?:father|mother|dad|mom|son|daughter|husband|wife|spouse|partner|brother|sister|child|parent|family|grand\w+|uncle|aunt|nephew|niece|cousin|friend)\b)|sending (?:over|you|this|him|her|them)|coming (?:to you )?from|(?<!\b(?:releas\w*|discharg\w*|leaving|paroled)\s)from our (?:program|facility|center|centre|team)|(?:to|with)\s+us\s+(?:here\s+)?at\s+(?!\d|home\b|the\b|our\b)|refiri[oó]|referid[oa]|nos (?:mand[oó]|envi[oó]))\b/i;
/** "He is going into Cedar Hollow Recovery ... and they told me to send": a named center that asked for the request. */
// ("Rachel at Ponderosa Path told me to email you": someone at a place, whatever its name ends in.)
const CENTER_ASKED = /\b\p{Lu}\p{Ll}+\s+(?:at|from|with)\s+\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*)*\s+(?:told|asked|wanted|said)\s+(?:me|us)?\s*to\s+(?:send|e-?mail|forward|contact|reach out)\b|\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*\s+(?:Recovery|Center|Centre|Detox|Treatment|Counseling|Clinic|Hospital|Lodge|House|Health)\b[^.!?]*\b(?:told|tell|ask(?:ed)?|wanted)\s+(?:me|us)\s+(?:(?:that\s+)?(?:I|we)\s+(?:need|have|must)\s+)?to\s+(?:send|email|forward|contact|reach out)\b/u;
/** A treatment center's name in prose ("... called Table Rock Treatment Center in Boise ..."). */
const CENTER_IN_STORY = /\b(?:\p{Lu}[\p{L}'’&-]+\s+){1,4}(?:Treatment\s+Cent(?:er|re)|Recovery(?:\s+Cent(?:er|re))?|Detox|Behavioral\s+Health|Counseling(?:\s+Center)?|Rehab|Wellness\s+Center|Sober\s+Living|Lodge|Ranch|Institute)\b/u;
const LOWER_CASE_CENTER_SAID = /\b(?!(?:the|a|an|our|your|his|her|their|my|at|to|in|from|and)\s)[a-z]+\s+(?!(?:the|a|an|our|your|his|her|their|my)\s)(?:[a-z]+\s+)?(?:recovery|detox|treatment|rehab|counseling|behavioral\s+health)(?:\s+(?:center|centre))?\s+(?:said|told|asked|sent|referred|gave)\b/;
/** Words of the writer's dealings with a center: who they called, where they went, who said to write. */
const DEALT_WITH = /\b(?:called|talked|spoke|went|visited|was\s+at|were\s+at|said|told|referred|sent|gave|recommended|suggested|assessed|assessment)\b/i;

/** Speech turned into text: a voicemail transcript, dictation, voice typing. */
const NO_VOICEMAIL_WISH = /\b(?:don['’]?t|do\s+not|never|no|rather\s+not)\s+(?:\w+\s+){0,3}voice ?-?mails?\b/gi;
const SPOKEN = /\b(?:voice ?-?mails?|vms?|transcri(?:pt|ption|bed)|dictat(?:ed|ing|ion|e)|voice[- ]typ\w*|(?:speech|talk|voice)[- ]to[- ]text|talking (?:this|it) into|siri|(?:double|triple)\s+(?:\d|oh|zero|one|two|three|four|five|six|seven|eight|nine))\b/i;
/** Spanish function words: a message written mostly in Spanish is read by English-first rules. */
const SPANISH_WORDS = /\b(?:el|la|los|las|de|del|que|y|para|por|con|su|sus|mi|mis|es|est[aá]|nombre|seguro|gracias|hijo|hija|esposo|esposa)\b/gi;

/** Two or three capitalised words: a person's name, unless a word is a generic one. */
// ("R.J. Pettigrew": initials for the first name.)
const PERSON_NAME = /\b(\p{Lu}\p{Ll}+|\p{Lu}\.\p{Lu}\.)(?:\s+\p{Lu}\.?)?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\b/gu;
const GENERIC_WORDS = /^(?:Hi|Hello|Hey|Dear|Good|Morning|Afternoon|Thanks|Thank|Team|Please|Pls|The|This|That|Our|We|She|He|They|Her|His|Client|Patient|Member|Recovery|Center|Centre|Health|Healthcare|Behavioral|Insurance|Blue|Cross|Shield|Care|Plan|House|Treatment|Services|Detox|Program|Medical|Medicaid|Medicare|United|Group|Street|Road|Avenue|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Ins|Card|Policy|Verification|Benefits|Request|New|Admit|Intake|Sent|From|Subject|Home|Lot|Unit|Apt|Suite|Way|Lane|Drive|Court|North|South|East|West|Valley|Lake|River|Mountain|Springs|Ridge|Hill|Hills|Harbor|Light|Sunset|Sunrise|Hope|New|Life|Path|Way|Wellness|Counseling|Associates|Institute|Clinic|Hospital|Partial|Hospitalization|Outpatient|Residential|Intensive|Choice|Plus|Advantage|Gold|Silver|Select|Open|Access|Network)$/;

/** The request field a label of the vocabulary fills. */
const ASKED_BY_LABEL: Partial<Record<FieldKey, AskedField>> = {
  clientName: 'client.name', name: 'client.name', dob: 'client.dob', clientDob: 'client.dob',
  address: 'client.address', clientAddress: 'client.address', payer: 'insurance.payerName',
  memberId: 'insurance.memberId', insPhone: 'insurance.phone', servicePhone: 'insurance.phone',
  subscriberName: 'subscriber.name', relToSubscriber: 'subscriber.relationship', relOfSubscriber: 'subscriber.relationship',
  relationship: 'subscriber.relationship', referredBy: 'referredBy',
};

/** A label's answer that says something: not empty, no placeholder, no "I'll ask". */
function answered(value: string): boolean {
  return /[\p{L}\d]/u.test(value) && !isPlaceholder(value) && !NOT_KNOWN.test(value);
}

interface Sighting {
  field: AskedField;
  line: number;
  how: 'label' | 'shape';
  /** A relationship seen only in a holder's label ("Subscriber: Self"). */
  byHolderLabel?: true;
}

/** The doubts about a reply that would ask for `missing`: empty when every missing field is surely absent. */
export function replyDoubts(input: ReplyCertaintyInput): string[] {
  const missing = new Set<AskedField>();
  for (const r of input.requests) for (const f of r.missingFields) if (f !== 'card') missing.add(f);
  if (missing.size === 0) return [];

  const consumed = consumedValues(input.requests);
  const placed = (input.placedValues ?? []).map(compact);
  for (const v of placed) consumed.add(v);
  const sightings: Sighting[] = [];
  let lineNo = 0;
  let unknownLabels = 0;
  let knownLabels = 0;
  // Line 0 is the subject.
  const subject = (input.subject ?? '').replace(/^\s*(?:(?:re|fw|fwd|aw|tr)\s*:\s*)+/i, '');
  // "(Case No. 2026-CF-000562)", "Enc 4400918273": a number the subject names as someone else's is no ID.
  const subjectShapes = subject.replace(/\b(?:case|docket|claim|auth(?:orization)?|ref(?:erence)?|ticket|acct|account|mrn|encounter|enc|invoice|inv|booking|order)\s*(?:no\.?|#|number)?\s*:?\s*[A-Z0-9][\w-]*\d[\w-]*/gi, ' ');
  for (const field of missing) if (subjectShapes && shapeSeen(field, subjectShapes, consumed, input.referenceDate)) sightings.push({ field, line: 0, how: 'shape' });
  // "we have no address for him": the message says the client has none, so an address in it is someone else's.
  const saysNoAddress = input.segments.some((seg) => seg.lines.some((l) => NO_ADDRESS_SAID.test(l)));
  const referralLabelled = input.segments.some((seg) => seg.lines.some((l) => /^\W*(?:referral(?:\s+source)?|referred\s+by|referring\s+(?:facility|center|agency|provider))\s*[:.]/i.test(l)));
  for (const seg of input.segments) {
    const readable = seg.lines.map((text) => ({ text, signature: false, n: ++lineNo }));
    const signature = seg.signature.map((text) => ({ text, signature: true, n: ++lineNo }));
    const all = [...readable, ...signature];
    const table = tablePairs(seg.lines);
    // The titled part of a form the line stands in ("PART 1 - CLIENT"): a bare "Phone:" there is not the plan's.
    let section: string | null = null;
    const phoneOfOtherPart = (label: string): boolean => GENERIC_PHONE_LABEL.test(label) && section !== null && section !== 'insurance';
    // "Referred by" as the text's last line, its value cut off into what was read as the signature.
    const lastAt = seg.lines.map((l) => l.trim() !== '').lastIndexOf(true);
    // (A label with its colon and nothing after is an empty slot; a signature that opens with thanks or a rule is one.)
    const lastLine = lastAt >= 0 ? seg.lines[lastAt]!.trim() : '';
    const sigOpens = (seg.signature.find((l) => l.trim() !== '') ?? '').trim();
    // ("Referral<TAB>" is a table's empty cell, and "Have a blessed day!" a sign-off: no value cut off there.)
    const lastRaw = lastAt >= 0 ? seg.lines[lastAt]! : '';
    if (sigOpens !== '' && !/^(?:--|__|thanks|thank|thx|ty|best|regards|kind|warm|sincerely|cheers|sent from|get outlook|have a|take care|god bless|blessings|respectfully|many thanks)/i.test(sigOpens) && lastLine.length > 1 && lastLine.length <= 40 && !/[\d\t:]/.test(lastLine) && !lastRaw.includes('\t')) {
      for (const field of missing) if (LABEL_WORDS[field].test(normalizeLabel(lastLine))) sightings.push({ field, line: readable[lastAt]!.n, how: 'label' });
    }
    for (const { label, value, line } of table) {
      if (consumed.has(compact(value))) continue;
      for (const field of missing) if (speaksOf(field, label, value)) sightings.push({ field, line: readable[line]!.n, how: 'label' });
    }
    const allTexts = all.map((l) => l.text);
    // A system's footer under a rule ("----" then "Reply to this message to reach ... If you received it in error ..."): no client's values.
    const rules = allTexts.map((l, k) => (/^\s*[-_=~*]{5,}\s*$/.test(l) ? k : -1)).filter((k) => k >= 0);
    const footerFrom = rules.reverse().find((k) => allTexts.slice(k + 1).some((l) => GATEWAY_NOTICE.test(l)) && allTexts.length - k <= 12 && !allTexts.slice(k + 1).some((l) => /^\s*[\p{L} #/]{2,30}:\s*\S/u.test(l))) ?? allTexts.length;
    for (const [at, { text, signature: inSignature, n }] of all.entries()) {
      if (at > footerFrom) continue;
      const pairs = labelledPairs(text);
      // Only a short line can be a heading, and only a labelled one a label: long prose is not parsed again.
      // (A form's question is parsed however long it is.)
      const parsedLine = inSignature || (text.length > 60 && pairs.length === 0 && !(text.length <= 200 && /\?\s*$/.test(text))) ? null : parseLine(text);
      if (parsedLine) {
        const heading = parsedLine.kind === 'heading' ? parsedLine.heading : parsedLine.kind === 'pairs' || parsedLine.kind === 'bare' ? parsedLine.heading : null;
        if (heading) section = heading.section;
      }
      // "Who sent them: Coulee Region Crisis Center": a label the reader does not know, with a center's name beside it.
      if (missing.has('referredBy') && parsedLine !== null && (parsedLine.kind === 'unknownLabel' || (parsedLine.kind === 'pairs' && parsedLine.pairs.every((p) => p.field === 'ignore')))) {
        if (pairs.some((p) => CENTER_NAME.test(p.value) && !NOT_A_REFERRER_LABEL.test(p.label) && !consumed.has(compact(p.value)) && findPayers(p.value).length === 0)) sightings.push({ field: 'referredBy', line: n, how: 'label' });
      }
      // "Q: Can you read me the member ID on the card?: Hold on… J-Q-X, 4 4 1 0 9 2 7 3.": a question
      // the reader knows, for a field it did not read, with an answer beside or below it (an answer
      // is in the asker's words, which a label's value rarely is).
      if (!inSignature && parsedLine !== null && /[\p{L})]\?(?:\s|:|$)/u.test(text) && (parsedLine.kind === 'pairs' || parsedLine.kind === 'bare')) {
        const below = allTexts.slice(at + 1).find((l) => l.trim() !== '') ?? '';
        // The line below answers unless it is a question or a label of its own.
        const belowKind = parseLine(below).kind;
        const answers = !/[\p{L})]\?(?:\s|$)/u.test(below) && belowKind !== 'bare' && belowKind !== 'heading' && !/^[^:]{1,40}:/.test(below);
        const labelled = parsedLine.kind === 'pairs' ? parsedLine.pairs : [{ field: parsedLine.field, value: answers ? below : '' }];
        for (const p of labelled) {
          const field = ASKED_BY_LABEL[p.field];
          if (field !== undefined && missing.has(field) && answered(p.value) && !consumed.has(compact(p.value))) sightings.push({ field, line: n, how: 'label' });
        }
      }
      if (!inSignature && parsedLine !== null && seg.depth === 0 && pairs.length > 0 && /[:=]/.test(text)) {
        if (parsedLine.kind === 'pairs' || parsedLine.kind === 'bare' || parsedLine.kind === 'heading') knownLabels++;
        else if (pairs.some((p) => !isPlaceholder(p.value) && /[\p{L}\d]/u.test(p.value) && !DEVICE_LABEL.test(p.label.trim()))) unknownLabels++;
      }
      const contactLine = /\b(?:fax|pager|direct|office|main)\b/i.test(text);
      for (const { label, value } of pairs) {
        // A value the reader took for another field ("Polis number: FC7 2290 3371" as the ID) is no sign of this one.
        if (consumed.has(compact(value))) continue;
        for (const field of missing) {
          // "Facility: Snake River Withdrawal Center" beside "Referral Source: SELF / WALK-IN": the writer's own center, the referral said apart.
          if (field === 'referredBy' && FACILITY_ONLY_LABEL.test(label.trim()) && referralLabelled) continue;
          if (inSignature && !READ_IN_SIGNATURE.has(field)) continue;
          if (field === 'insurance.phone' && ((contactLine && !PLAN_PHONE_LABEL.test(label)) || phoneOfOtherPart(label))) continue;
          // ("PRIOR PLAN (TERMED 12/31) - DO NOT USE" over "Provider line: ...": the old or secondary plan's own values.)
          if (section === 'secondary' && ASKED_PLAN_FIELDS.has(field)) continue;
          if (speaksOf(field, label, value)) sightings.push({ field, line: n, how: 'label', ...(field === 'subscriber.relationship' && !LABEL_WORDS[field].test(label) ? { byHolderLabel: true as const } : {}) });
        }
      }
      if (inSignature) continue;
      // A gateway's or a sender's notice ("If you received this in error ... Questions: Information Security, 979-555-0172") holds no client's values.
      if (GATEWAY_NOTICE.test(text)) continue;
      for (const field of missing) {
        if (section === 'secondary' && ASKED_PLAN_FIELDS.has(field)) continue;
        // ("Sent from Table Rock Treatment Center": a web form's or a device's line, no referral.)
        if (field === 'referredBy' && /^\s*sent\s+(?:from|via)\s/i.test(text)) continue;
        // "SEVIS ID: N0012345678": the line's own label says whose value it is.
        if (pairs.some((p) => labelNamesOther(field, p.label) || NOT_THIS_VALUE.test(p.value))) continue;
        if (field === 'insurance.phone' && pairs.length > 0 && pairs.every((p) => phoneOfOtherPart(p.label))) continue;
        // ("the one printed on his student plan card (1-800-555-0146), and that isn't the right one": a number set aside.)
        if (field === 'insurance.phone' && /\b(?:isn['’]?t|is\s+not|not)\s+the\s+right\s+(?:one|number|line)\b|\bwrong\s+(?:number|line)\b/i.test(text)) continue;
        // "Jo Farrell, MSW | Case Manager" over "Erie County Reentry | (419) 555-0125": a sender's contact lines, not a plan's.
        if (field === 'insurance.phone' && [text, allTexts[at - 1] ?? ''].some((l) => l.includes('|') && CONTACT_CELL.test(l) && findPayers(l).length === 0)) continue;
        // "Location: St. Brendan Medical Center - 4 West, 1200 Market Ave N, ...": a facility's address.
        if (field === 'client.address' && FACILITY_ADDRESS.test(text) && !/\b(?:home|lives?|living|resid\w*|stays?|staying|client|patient|pt)\b/i.test(text)) continue;
        if (field === 'client.address' && (saysNoAddress || nextToOffice(allTexts, at))) continue;
        // An address the writer took back ("don't use the address in my email below") is no sign of one missing.
        if (field === 'client.address' && placed.some((v) => v.length >= 10 && compact(text).includes(v))) continue;
        // "He also has an AARP Medicare Supplement, which pays second: member number ...": a second plan's values, said apart.
        const seen = ASKED_PLAN_FIELDS.has(field) && SECOND_PLAN_SENTENCE.test(text) ? text.split(/(?<=[.!?])\s+/).filter((x) => !SECOND_PLAN_SENTENCE.test(x)).join(' ') : text;
        if (shapeSeen(field, seen, consumed, input.referenceDate)) sightings.push({ field, line: n, how: 'shape' });
      }
    }
  }

  const doubts: string[] = [];
  for (const field of missing) {
    const seen = sightings.filter((s) => s.field === field);
    // "Subscriber: Self" over "Relationship to Client: Self": one client's relation, said twice.
    const lines = [...new Set(seen.filter((s) => !(s.byHolderLabel && seen.some((o) => !o.byHolderLabel && Math.abs(o.line - s.line) === 1))).map((s) => s.line))];
    // With several clients, as many sightings as clients that have the field are theirs.
    const present = input.requests.filter((r) => !r.missingFields.includes(field)).length;
    if (lines.length <= present) continue;
    const how = sightings.some((s) => s.field === field && s.how === 'label') ? 'a label that may name it, with a value' : 'a value shaped like it';
    doubts.push(`${REQUIRED_FIELD_PROMPTS[field]}: not read, but line ${lines.slice(0, 3).join(', ')} has ${how}`);
  }
  doubts.push(...malformedDoubts(input.requests, input.segments.map((seg) => seg.lines.join('\n')).join('\n')));
  // "Correction on Mr. Vantassel: the Prime # below has a typo ... Still no address for him.": the writer corrects a
  // request sent before and knows what it still lacks; a form letter asking for it again tells them nothing.
  if (input.intent === 'correction' && STILL_LACKING.test((input.segments[0]?.lines ?? []).join(' '))) doubts.push('the newest text corrects a request sent before and says what it still lacks');
  // Names are told from other words by their capitals; mail typed all in lower case has none.
  const newest = (input.segments[0]?.lines ?? []).join(' ').split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = newest.filter((w) => /^\p{Lu}/u.test(w)).length;
  const nameMissing = ['client.name', 'subscriber.name', 'referredBy'].some((f) => missing.has(f as AskedField));
  if (nameMissing && newest.length >= 8 && capitalised / newest.length < 0.05) doubts.push('the message is typed in lower case, so names cannot be told from other words');
  const words = input.segments[0]?.lines.join(' ').split(/\s+/).length ?? 0;
  const spanish = input.segments[0]?.lines.join(' ').match(SPANISH_WORDS)?.length ?? 0;
  if (words >= 12 && spanish / words > 0.15) doubts.push('the message is written mostly in Spanish');
  // Speech written down (a voicemail transcript, dictation): a missing field the speaker spoke of at
  // all may have been said in words the reader misheard. One never spoken of is surely missing.
  // ("Please don't leave a voicemail at the house": a wish about calls, no speech written down.)
  if (input.segments.some((seg) => seg.lines.some((l) => SPOKEN.test(l.replace(NO_VOICEMAIL_WISH, ' '))))) {
    const said = input.segments.flatMap((seg) => seg.lines).flatMap((l) => l.split(/(?<=[.!?])\s+/)).filter((x) => !NOT_KNOWN.test(x));
    for (const field of missing) {
      if (said.some((x) => LABEL_WORDS[field].test(normalizeLabel(x)))) doubts.push(`${REQUIRED_FIELD_PROMPTS[field]}: spoken of in speech written down, which the reader may have misheard`);
    }
  }
  if (unknownLabels >= 3 && unknownLabels >= knownLabels) {
    doubts.push(`${unknownLabels} labelled lines were in a form the reader does not know (${knownLabels} known)`);
  }
  return doubts;
}

/** The writer says a value is still missing ("Still no address for him", "still waiting on the card"). */
const STILL_LACKING = /\bstill\s+(?:no|none|don['’]?t\s+have|do\s+not\s+have|haven['’]?t\s+(?:got|gotten|received)|waiting|missing|pending)\b/i;

/** Fewest values a request states in any blind set: below it, the reader has likely missed the rest. */
const MIN_VALUES_READ = 3;

/** Lower-case pronouns and verbs in a name ("he himself"): a phrase, not a person. */
const PRONOUN = /(?:^|\s)(?:he|she|him|her|himself|herself|they|them|themselves|it|is|was|the)(?=\s|$)/;

/** Words of a request's wording, never of a person's name ("for verification of benefits"). */
const NOT_NAME_WORDS = /\b(?:verification|benefits|insurance|request|referr\w*|policy|coverage|member|client|patient|admission|intake|treatment|vob)\b/i;

/**
 * Values that are not what their field holds show the message was read wrong somewhere (a
 * run-on dictation, a layout the rules split): a request's wording taken for a name, a sentence
 * fragment for a payer, words and digits for a city, or one client read as two.
 */
/** A label that says its value stands for several clients: "Insurance (both):", "Group for all three:". */
const SHARED_LABEL = /^[ \t>]*([^:\n]{1,60}?)\s*(?:\((?:both|all|each)\)|\bfor\s+(?:both|each|all(?:\s+(?:two|three|four|of them))?))\s*:/gim;

/** "same address as her mom", "same line for both", "same as Client 1": a value given as another client's. */
const SAME_AS_ANOTHER = /\bsame\b[^.\n]{0,30}\b(?:as|for)\s+(?:both|all|each|(?:her|his|their|the)\s+\w+|client|patient|#?\d|\p{Lu}\p{Ll}+)/giu;
/** Which field a "same ... as" phrase speaks of. */
const SAME_WORDS: Record<Exclude<RequiredField, 'card'>, RegExp> = {
  'client.name': /(?!)/,
  'client.dob': /(?!)/,
  'client.address': /\b(?:address|addy|house|home|lives?)\b/,
  'insurance.payerName': /\b(?:plan|policy|insurance|ins|coverage|payer|carrier)\b/,
  'insurance.memberId': /\b(?:plan|policy|insurance|ins|coverage|id|member|number|#)\b/,
  'insurance.phone': /\b(?:line|number|phone|#|plan|insurance)\b/,
  'subscriber.name': /\b(?:plan|policy|insurance|ins|coverage|subscriber|holder|policyholder|insured)\b/,
  'subscriber.relationship': /\b(?:plan|policy|insurance|ins|coverage|subscriber|holder|policyholder|insured)\b/,
  referredBy: /\b(?:referr\w*|ref)\b/,
};

function malformedDoubts(requests: readonly VobRequest[], text: string): string[] {
  const out: string[] = [];
  requests.forEach((r, i) => {
    const which = requests.length > 1 ? ` (client ${i + 1})` : '';
    // ("Self", "Spouse": a relation read where the client's name stands.)
    if (r.client.name && (NOT_NAME_WORDS.test(r.client.name) || isSelfValue(r.client.name) || (r.client.name.trim().split(/\s+/).length === 1 && hasRelationshipWord(r.client.name)))) out.push(`${REQUIRED_FIELD_PROMPTS['client.name']}${which}: the value read holds words of the request, not a name`);
    for (const [field, name] of [['client.name', r.client.name], ['subscriber.name', r.subscriber.name]] as const) {
      if (name && PRONOUN.test(name)) out.push(`${REQUIRED_FIELD_PROMPTS[field]}${which}: the value read holds pronouns, not a name`);
    }
    // ("The Health Plan", every word capitalised, is a plan's name.)
    if (r.insurance.payerName && /^(?:is|and|the|his|her|their|with|through|on|under)\b/i.test(r.insurance.payerName) && !/^The(?:\s+\p{Lu}[\p{L}&.'-]*){1,4}$/u.test(r.insurance.payerName.trim())) out.push(`${REQUIRED_FIELD_PROMPTS['insurance.payerName']}${which}: the value read starts mid-sentence`);
    if (r.client.address && (/\d/.test(r.client.address.city ?? '') || (r.client.address.state === null && r.client.address.postalCode === null))) out.push(`${REQUIRED_FIELD_PROMPTS['client.address']}${which}: the value read has no state or ZIP, or digits in the city`);
  });
  if (requests.length > 1 && requests.some((r) => r.client.name === null && r.client.dob === null)) out.push('a request with neither name nor date of birth beside another: one client may have been read as two');
  // "Noah, DOB ... / Lily, DOB ... / Insurance: ...": one plan block under several clients may be every client's.
  const planOf = (r: VobRequest): boolean => r.insurance.payerName !== null || r.insurance.memberId !== null;
  if (requests.length > 1 && requests.some(planOf) && requests.some((r) => !planOf(r) && r.insurance.phone === null && r.subscriber.name === null)) {
    out.push('a client without any plan value beside another with one: one plan block may cover both');
  }
  // "Same address as her mom", "(same line for both of them)": a field one client lacks, said to be another's.
  if (requests.length > 1) {
    const said = [...text.matchAll(SAME_AS_ANOTHER)].map((m) => m[0].toLowerCase()).join(' ');
    for (const f of REQUIRED_FIELDS) {
      if (f === 'card' || !SAME_WORDS[f].test(said)) continue;
      if (requests.some((r) => r.missingFields.includes(f)) && requests.some((r) => !r.missingFields.includes(f))) out.push(`${REQUIRED_FIELD_PROMPTS[f]}: one client lacks it where the message says it is the same as another's`);
    }
  }
  // "Insurance (both): Network Health": a value one client has and another lacks, under a label for all of them.
  if (requests.length > 1) {
    const sharedLabels = [...text.matchAll(SHARED_LABEL)].map((m) => normalizeLabel(m[1]!));
    for (const f of REQUIRED_FIELDS) {
      if (f === 'card' || !sharedLabels.some((label) => LABEL_WORDS[f].test(label))) continue;
      if (requests.some((r) => r.missingFields.includes(f)) && requests.some((r) => !r.missingFields.includes(f))) out.push(`${REQUIRED_FIELD_PROMPTS[f]}: given for one client, under a label for all of them`);
    }
  }
  // Centers give at least a name and two more values; fewer read means mail the reader did not
  // understand (a notice that mentions verifications, a form in an unknown layout), not a request
  // to answer with a list of nearly every field.
  requests.forEach((r, i) => {
    const read = REQUIRED_FIELDS.length - 1 - r.missingFields.filter((f) => f !== 'card').length;
    if (read < MIN_VALUES_READ) out.push(`${requests.length > 1 ? `client ${i + 1}: ` : ''}only ${read} of the request's values were read, too few to tell a request from other mail`);
  });
  return out;
}

const NAME_LIKE: ReadonlySet<AskedField> = new Set(['client.name', 'subscriber.name', 'subscriber.relationship', 'referredBy', 'client.address', 'insurance.payerName']);

/** The label's words say its value is some other field's ("SEVIS ID"), unless they also name the member's number ("Member/MRN #"). */
function labelNamesOther(field: AskedField, label: string): boolean {
  if (NOT_THIS[field]?.test(label) !== true) return false;
  return !(field === 'insurance.memberId' && /\b(?:member|mbr)\b/.test(label) && !/\b(?:phone|ph|tel|services?|line)\b/.test(label));
}

function speaksOf(field: AskedField, label: string, value: string): boolean {
  // "Subscriber: Hannah Ashby (wife; ...)": the relation inside the subscriber's value.
  // ("Guarantor: Self": who pays the bill, which says nothing of whose plan it is.)
  // ("Policyholder: Ms. Pickeral (her own Medicaid)": whose own plan it is.)
  if (field === 'subscriber.relationship' && LABEL_WORDS['subscriber.name'].test(label) && !/\bguarantor\b/.test(label) && (hasRelationshipWord(value) || /\b(?:his|her|their|my)\s+own\b/i.test(value)) && !NOT_KNOWN.test(value)) return true;
  if (!LABEL_WORDS[field].test(label)) return false;
  if (labelNamesOther(field, label) && !(field === 'insurance.phone' && PLAN_PHONE_LABEL.test(label))) return false;
  // ("EMPLOYER HR BENEFITS DESK": the employer's desk, whatever it handles.)
  if (field === 'insurance.phone' && /\b(?:employer|hr|payroll|human resources)\b/.test(label)) return false;
  if (isPlaceholder(value) || /^\s*see\s/i.test(value)) return false;
  if (NOT_THIS_VALUE.test(value)) return false;
  // "Referral source: Google search", "walk-in": a source that names no center is no referral.
  if (field === 'referredBy' && NO_REFERRING_CENTER.test(value.trim())) return false;
  // "address is withheld - the caseworker will ...": the unknown may be said on the label's side.
  // A street number beside the words is an address all the same ("12 Elm St, will send the unit").
  if (NAME_LIKE.has(field) && (NOT_KNOWN.test(value) || NOT_KNOWN.test(label)) && !(field === 'client.address' && STREET.test(value))) return false;
  // "Subscriber: self (the client)": the client's own name, which is what is missing.
  if (field === 'subscriber.name' && /^(?:self|client|patient|same(?: as)? (?:client|patient))\b[\s(]*(?:the\s+)?(?:client|patient)?[\s)]*$/i.test(value.trim())) return false;
  // "Subscriber: his mother (Wyatt is on her plan ...)", "Policy holder: pt's father - no name yet": a relation, no name beside it.
  if (field === 'subscriber.name') {
    const relation = RELATION_ONLY.exec(value.trim());
    if (relation && !/\p{Lu}[\p{Ll}'’-]+\s+(?:\p{Lu}\.?\s+)?\p{Lu}[\p{Ll}'’-]+/u.test(relation[1]!)) return false;
  }
  // "JQM40?731192": a value the writer could not read is no value sent.
  if (field === 'insurance.memberId' && /[A-Za-z0-9]\?+[A-Za-z0-9]/.test(value)) return false;
  return shapeFits(field, value);
}

/** A holder's value that opens on their relation to the client ("pt's father - ...", "his mother (...)"), the rest captured. */
const RELATION_ONLY = /^(?:the\s+)?(?:(?:pt|patient|client|his|her|their|\p{Lu}\p{Ll}+)['’]?s?\s+)?(?:step-?)?(?:father|mother|mom|dad|husband|wife|spouse|parent|grandmother|grandfather|grandma|grandpa|guardian|partner)\b([^]*)$/iu;

/** The sentence of `text` that holds the span [start, end). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  // An initial's stop ("N. Doucette") ends no sentence.
  const from = Math.max(...[...before.matchAll(/(?<!(?:^|[^\p{L}])\p{Lu})[.!?]\s+(?=\p{Lu})/gu)].map((m) => m.index + m[0].length), 0);
  const after = /(?<!(?:^|[^\p{L}])\p{Lu})[.!?](?:\s+\p{Lu}|\s*$)/u.exec(text.slice(end));
  return text.slice(from, after ? end + after.index : text.length);
}

/** "just turned thirty-one on October 2nd (she was born in 1995)": a birth told in words, a date the reader may not have put together. */
/** "Her birthday is February 14th - I don't know the year": a birthday without the year the writer says they lack. */
const YEAR_NOT_KNOWN = /\b(?:(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not|didn['’]?t)\s+know\s+(?:the|her|his|their|what)\s+(?:birth\s+)?year|not\s+sure\s+(?:of\s+|about\s+)?(?:the|her|his|their|what)\s+year|no\s+year|year\s+(?:unknown|not\s+known))\b/i;
const BIRTH_IN_WORDS = /\b(?:born|birthday|b-?day|turned\s+[a-z-]+)\b(?=[^.]{0,60}\b(?:19\d\d|20[01]\d|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)|\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b[^.]{0,40}\b(?:born|birthday)\b/i;

const UNKNOWN_PAYER_BEFORE_ID = /(?:^|[,;:]\s*|\s[-–—]\s*)(?!(?:Member|Medicaid|Medicare|Subscriber|Policy|Client|Patient|Her|His|Their|The|Insurance|Ins|ID|Id)\b)\p{Lu}[\p{L}&.'-]+(?:\s+\p{Lu}[\p{L}&.'-]+){0,3},?\s+(?:[Mm]ember\s+|[Mm]br\s+|MBR\s+|MEMBER\s+|[Ss]ubscriber\s+)?(?:ID|Id|id|#)(?![\p{L}])/u;
const FACILITY_ADDRESS = /\b(?:medical center|hospital|clinic|campus|health system)\b/i;
const NO_ADDRESS_SAID = /\b(?:(?:have|has|had|got|with)\s+no\s+(?:home\s+|street\s+|mailing\s+|current\s+)?address|(?:does|do|did)(?:n['’]?t|\s+not)\s+have\s+(?:an?\s+)?(?:home|address|place\s+to\s+(?:live|stay|go))|no\s+(?:home|residence|fixed\s+address|place)\s+to\s+(?:go|return|live))\b/i;
/** An office's phone and fax within two lines: the address there is the office's, not a client's. */
function nextToOffice(lines: readonly string[], at: number): boolean {
  for (let i = Math.max(0, at - 2); i <= Math.min(lines.length - 1, at + 2); i++) {
    if (/\bfax\b/i.test(lines[i]!) && /\b(?:phone|ph|tel|office|main|direct|p)\b[\s.:]*\(?\d/i.test(lines[i]!)) return true;
  }
  return false;
}

/** A value of the field's shape stands in the line, and no field of the record consumed it. */
function shapeSeen(field: AskedField, text: string, consumed: ReadonlySet<string>, reference: Date): boolean {
  switch (field) {
    case 'client.dob':
      return (!OTHER_DATE.test(text) && birthDateLike(text, reference, consumed)) || (BIRTH_IN_WORDS.test(text) && !YEAR_NOT_KNOWN.test(text));
    case 'insurance.phone':
      return [...withPairedDigitsJoined(text).matchAll(PHONE_DIGITS)].some(
        (m) =>
          // Whose phone it is, the phone's own sentence says: "... to the plan at 1-800-555-0123. This patient was ..."
          (!OTHER_PHONE.test(normalizeLabel(sentenceAround(text, m.index, m.index + m[0].length))) || PLAN_LINE_SAID.test(sentenceAround(text, m.index, m.index + m[0].length))) &&
          !consumed.has(`${m[1]}${m[2]}${m[3]}`) &&
          // Ten digits run together are a phone only beside a phone word (else a FIN, MRN, account...).
          (/\D/.test(m[0].replace(/^\+/, '')) || /\b(?:phone|ph|tel|call|line|number)\b|#/i.test(text)),
      );
    case 'client.address':
      return ((STREET.test(text) || STATE_ZIP.test(text)) && !/\b(?:suite|ste|floor|fl)\b.*\b(?:fax|ph|phone|tel)\b/i.test(text)) || ADDRESS_IN_SIGNATURE.test(text);
    case 'insurance.memberId': {
      // ("DOB 11/30/88   OT# 00598221   Docket 2024-A-2206": numbers their own words name as other numbers.)
      const unnamed = text.replace(OTHER_ID_LABELLED, ' ');
      return idTokens(unnamed).some((t) => !consumed.has(compact(t))) || spacedIdAfterLabel(unnamed, consumed);
    }
    case 'insurance.payerName':
      // A plan the dictionary does not know still stands where plans do: right before its ID
      // ("ConnectiCare, member ID CCI 4420 ..."), or alone on a line as a health plan's name ("HUSKY Health").
      // (Or named by its owner: "on his partner's Quartz plan".)
      return findPayers(text).length > 0 || UNKNOWN_PAYER_BEFORE_ID.test(text) || PLAN_NAME_LINE.test(text.trim()) || OWNERS_NAMED_PLAN.test(text);
    case 'subscriber.name':
      // A name beside the words ("the policy is in her husband's name, Tom A Reyes").
      // (Or a relative named alone, "Mom is Maribel Becerra", answering who holds it.)
      return proseSentences(text).some((x) => (SUBSCRIBER_PROSE.test(x) && !NOT_KNOWN.test(x) && /\s\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.?\s+)?\p{Lu}\p{Ll}+/u.test(x)) || kinNamed(x));
    case 'subscriber.relationship':
      // ("Mom is the policy holder, I'll get her name": what is still to come is the name; the relation is said.)
      return proseSentences(text).some((x) => SUBSCRIBER_PROSE.test(x) && (!NOT_KNOWN.test(x) || KIN_HOLDS.test(x)));
    case 'referredBy':
      // "Ref Ridgeview Treatment.": the abbreviation and a name, too short for a sentence.
      // A line about the referral that names no one ("Three intakes for VOB. Referral info is from our phone screens.")
      // can hold no center; one that names someone anywhere may ("X asked me to send this. They are the ones referring him.").
      // ("Last week I finally called Table Rock Treatment Center ... She said ... I should email you": a center the writer dealt with, named in a story.)
      return (proseSentences(text).some((x) => REFERRAL_PROSE.test(x) && !NOT_KNOWN.test(x)) && NAME_MID_SENTENCE.test(text)) || CENTER_ASKED.test(text) || /(?:^|[.!]\s+)ref\.?\s+\p{Lu}\p{Ll}/u.test(text) ||
        proseSentences(text).some((x) => CENTER_IN_STORY.test(x) && DEALT_WITH.test(x) && !NOT_KNOWN.test(x)) ||
        // ("i need to go to detox and cache ridge recovery said to send my insurance": a center typed in lower case.)
        LOWER_CASE_CENTER_SAID.test(text);
    case 'client.name':
      // "Quintero, Manuel A" alone on a line: a chart's last-name-first form.
      if (/^\p{Lu}[\p{L}'’-]+,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(text.trim().replace(/^>+\s*/, ''))) return true;
      // Centers always name the client: a person's name anywhere in the prose is a doubt.
      // A street's words ("318 Ridgeview Ter") are no person's name.
      // (A name the reader placed elsewhere, the subscriber's say, is no client's name missed.)
      return proseSentences(text).some((x) => [...x.replace(STREET_ALL, ' ').matchAll(PERSON_NAME)].some((m) => !GENERIC_WORDS.test(m[1]!) && !GENERIC_WORDS.test(m[2]!) && !consumed.has(compact(m[0]))));
  }
}

/** The sentences of a line that read as prose (four words or more), not as a label and its value. */
function proseSentences(text: string): string[] {
  return text
    // (An initial's dot ends no sentence: "a VOB on R.J. Pettigrew, DOB ...".)
    .split(/(?<=(?<!\b\p{Lu})[.!?])\s+/u)
    .filter((x) => x.trim().split(/\s+/).length >= 4 && !/^\W*[\p{L} #/]{1,30}:\s*\S+$/u.test(x) && !/\b(?:refer\w*|source|subscriber|holder|insured)\s*(?:by|name|source)?\s*[:=]/i.test(x))
    // "Referred from - self, he walked in Thursday afternoon": a label whose answer names no one.
    .filter((x) => !/^\W*(?:referr\w*|ref['’]?d|referral\s+source)\s*(?:by|from)?\s*[-–—:]\s*(?:self|walk[\s-]?in|none|n\/a|no\s*one|nobody|family|google|internet|website)\b/i.test(x));
}

/** A date with a year, between 120 years and one year before the message, that no field took. */
function birthDateLike(text: string, reference: Date, consumed: ReadonlySet<string> = new Set()): boolean {
  const year = reference.getUTCFullYear();
  for (const m of text.matchAll(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})\b|\b((?:19|20)\d{2})-\d{1,2}-\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b/gi)) {
    const raw = m[3] ?? m[4] ?? m[5] ?? m[6];
    if (!raw || consumed.has(compact(m[0]))) continue;
    let y = Number(raw);
    if (raw.length === 2) y += y > (year % 100) ? 1900 : 2000;
    if (y <= year - 1 && y >= year - 120 && parseDate(m[0], { birthDate: true, reference }) !== null) return true;
  }
  return false;
}

/** "mbr w 2039 4417 0", "ID# XEB 448 201 77": an ID word, then digit groups no field consumed. */
function spacedIdAfterLabel(text: string, consumed: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/\b(?:mbr|member|mem|id|policy|pol|subscriber id|medicaid|medicare)\s*(?:id|#|no\.?|number)?\s*[:=#-]?\s*((?:[a-z]{1,4}\s?)?\d[\d\s-]{4,20}\d)/gi)) {
    const value = compact(m[1]!);
    if (value.replace(/\D/g, '').length >= 5 && !consumed.has(value)) return true;
  }
  return false;
}

/** A number after a word that names it as another number: "OT# 00598221", "Booking #: 2027-000318", "Group 288104". */
const OTHER_ID_LABELLED = new RegExp(String.raw`\b(?:${OTHER_ID_WORDS})\s*(?:#|no\.?|number|id)?\s*(?:[:#]|\s(?:is|was)\s)?\s*[A-Za-z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*`, 'gi');

/** Tokens shaped like a member ID: 6-20 letters and digits with at least 4 digits, not a phone, date or ZIP. */
function idTokens(text: string): string[] {
  const withoutMail = text.replace(/\S+@\S+|https?:\/\/\S+|www\.\S+/gi, ' ').replace(PHONE_DIGITS, ' ');
  return [...withoutMail.matchAll(ID_TOKEN)]
    .map((m) => m[0])
    .filter((t) => {
      const digits = t.replace(/\D/g, '');
      if (digits.length < 4 || isPlaceholder(t)) return false; // "XXXXXXX4417": masked, not sent
      if (/^\d{5}(?:-\d{4})?$/.test(t)) return false; // ZIP
      if (/^\d{3}-\d{3}-\d{4}$|^1?\d{10}$/.test(t)) return false; // phone
      if (/^\d{1,4}-\d{1,2}-\d{1,4}$/.test(t) || /^\d{8}$/.test(t)) return false; // date
      return true;
    });
}
