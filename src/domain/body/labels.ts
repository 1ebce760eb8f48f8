/**
 * The label vocabulary of VOB request emails: which field a label such as "Pt Name",
 * "D.O.B.", "Ins Co", "Mem ID#", "Phone # on back of card" or "Relationship to insured" names.
 * Labels are matched whole (after light normalisation), never as a prefix of a sentence, so
 * prose such as "Insurance verification request for" is not a label.
 */

import { findPayers, startsWithKnownPayer } from '../card/payers';
import { withinOneEdit } from '../edit-distance';
import { hasRelationshipWord } from './relationships';
import { stateNamedIn } from './addresses';

export type FieldKey =
  | 'clientName' // explicitly the client's name
  | 'name' // a bare "Name": the client's unless a subscriber section is open
  | 'firstName'
  | 'lastName'
  | 'middleName'
  | 'subscriberFirst'
  | 'subscriberLast'
  | 'dob' // a bare DOB: the client's unless a subscriber section is open
  | 'clientDob'
  | 'subscriberDob'
  | 'address' // a bare address: the client's unless a subscriber section is open
  | 'clientAddress'
  | 'line2'
  | 'city'
  | 'state'
  | 'zip'
  | 'cityStateZip'
  | 'payer'
  | 'memberId'
  | 'idOrPhone' // "Ins #": a member ID or the insurance phone, decided by the value
  | 'group'
  | 'insPhone'
  | 'servicePhone' // "Member Services", "Customer Service": the plan's phone, used when no provider or behavioral line is given
  | 'namedPhone' // "Cigna phone", "KP #": the insurance's when the word names the payer (value: "word\tphone")
  | 'phone' // a bare phone: the insurance's only inside an insurance section
  | 'subscriberName'
  | 'relationship' // direction unknown from the label
  | 'relToSubscriber' // the value describes the client ("Relationship to subscriber: Daughter")
  | 'relOfSubscriber' // the value describes the subscriber ("Subscriber relationship to client: Mother")
  | 'referredBy'
  | 'mrn' // "MRN": a facility's chart number, except that Kaiser's member identifier is its MRN
  | 'company' // "Company": the insurance company inside an insurance section, else no field of the record
  | 'ignore'; // a known label of something the record does not hold (SSN, email, fax...)

export type Section = 'client' | 'insurance' | 'subscriber' | 'referral' | 'secondary' | 'other';

export interface Heading {
  section: Section;
  /** "Client 2", "Patient #1": a new client starts here. */
  newClient: boolean;
}

const CLIENT = new Set(['client', 'patient', 'lead', 'pt', 'pts', 'alum', 'alumnus', 'alumna', 'alumni', 'passenger', 'member', 'resident', 'consumer', 'participant', 'applicant', 'individual', 'person', 'clients', 'patients', 'prospective', 'potential', 'admit', 'enrollee', 'beneficiary', 'student', 'youth', 'guest', 'minor', 'juvenile', 'defendant', 'probationer', 'releasee', 'offender', 'detainee', 'inmate', 'conservatee', 'athlete', 'parolee', 'trainee', 'cadet', 'camper']);
const SUBSCRIBER_WORDS = ['subscriber', 'subscribers', 'sub', 'insured', 'insureds', 'guarantor', 'cardholder', 'policyholder', 'policyholders', 'holder', 'employee', 'sponsor'];
const FILLER = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'my', 'our', 'your', 'new', 'updated', 'update', 'correct', 'corrected', 'current', 'please', 'full', 'legal', 'of', 'and', 'on', 'for', 'to', 's', 'actual', 'complete', 'provide', 'list', 'enter', 'confirm', 'verified', 'note', 'correction', 'adding', 'add', 'sorry', 'actually', 'right']);

/** Label words people mistype ("Memeber", "Adress", "Subscirber", "Refering"), by their correct spelling. */
const TYPO_TARGETS = ['member', 'address', 'subscriber', 'insurance', 'relationship', 'referred', 'referring', 'referral', 'patient', 'client', 'policyholder', 'carrier', 'phone', 'group', 'birth', 'provider', 'insured', 'company', 'facility', 'treatment', 'number', 'telephone', 'identification', 'street'];
const TYPO_TARGET_SET = new Set([...TYPO_TARGETS, 'insurer', 'insurers', 'referrer', 'referee']);


/** Label words an OCR'd fax misreads: short ones too ("Narne", "Ph0ne"). */
const OCR_TARGETS = new Set([...TYPO_TARGET_SET, 'name', 'date', 'dob', 'city', 'state', 'zip', 'plan', 'card', 'home', 'last', 'first', 'self', 'other', 'mother', 'father', 'spouse', 'line', 'payer', 'of', 'by', 'to', 'policy', 'holder', 'source', 'relation', 'middle', 'initial', 'ins']);

/**
 * A label word as a fax's OCR misreads it ("narne", "mernber", "ph0ne", "te1ephone", "5tate", "8y"):
 * "rn" for "m" and digits for their look-alike letters, put back only when that gives a label word.
 */
function withOcrLettersRepaired(token: string): string {
  if (OCR_TARGETS.has(token) || token.length < 2 || !/rn|[0158]/.test(token) || !/[a-z]/.test(token)) return token;
  const letters = (one: string): string => token.replace(/0/g, 'o').replace(/1/g, one).replace(/5/g, 's').replace(/8/g, 'b');
  const candidates = [token.replace(/rn/g, 'm'), letters('l'), letters('i')];
  return candidates.find((c) => OCR_TARGETS.has(c)) ?? token;
}

/** correctTypo's answers: the same words come back in every message (bounded; cleared when full). */
const typoMemo = new Map<string, string>();

/** The correctly spelled label word for a token one typo away from one (5+ letters), else the token. */
function correctTypo(token: string): string {
  if (token.length < 5 || TYPO_TARGET_SET.has(token) || !/^[a-z]+$/.test(token)) return token;
  const known = typoMemo.get(token);
  if (known !== undefined) return known;
  const corrected = TYPO_TARGETS.find((w) => w.length >= 5 && withinOneEdit(token, w)) ?? token;
  if (typoMemo.size >= 20_000) typoMemo.clear();
  typoMemo.set(token, corrected);
  return corrected;
}

/**
 * A fax's OCR reads a capital I as a small l ("Mernber lD", "lnsurance", "lns. Phone"): put back
 * before a camelCase split would cut "lD" in two.
 */
export function withOcrCapitalI(label: string): string {
  return label.replace(/\bl(?=D\b|D#|nsur|dentif|ns\b)/g, 'I');
}

/** Lower-case word tokens of a label, punctuation and possessives removed, "#"/"number" as "#". */
export function labelTokens(raw: string): string[] {
  // Keys written by systems: camelCase, snake_case and dotted ("patient.memberId", "sub_rel").
  let s = withOcrCapitalI(raw)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/(?<=[A-Za-z])_+|_+(?=[A-Za-z])/g, ' ')
    .toLowerCase();
  s = s.replace(/[’`]/g, "'").replace(/[a-z0-9]+/g, withOcrLettersRepaired);
  // "My son's name", "Daughter's DOB": a parent writing about their child, the client.
  s = s.replace(/\b(?:my\s+)?(?:son|daughter|child|kid)'s\b/g, 'client');
  // "Name of my son", "Date of birth of my daughter": the same, said with "of".
  s = s.replace(/\bof\s+(?:my|our)\s+(?:son|daughter|child|kid)\b/g, 'client');
  s = s.replace(/'s\b/g, '').replace(/s'/g, 's');
  // "Ref'd by", "refd by": referred, shortened.
  s = s.replace(/\bref'?d\b/g, 'referred');
  // "All three referred by", "Both referred by": a value shared by every client.
  s = s.replace(/^\s*(?:all(?:\s+(?:two|three|four|five|of them))?|both(?:\s+of\s+them)?|each|they\s+(?:both|all))\s+(?=\S)/, '');
  // "Referral for all three", "Insurance for both": the same, said after the label word.
  s = s.replace(/\s+for\s+(?:all(?:\s+(?:two|three|four|five|of them))?|both(?:\s+of\s+them)?|each|everyone)\b/, '');
  // "DOB (MM/DD/YYYY)": the format hint is no word of the label.
  s = s.replace(/\b(?:mm|dd)[/.-](?:dd|mm)[/.-](?:yyyy|yy)\b/g, ' ');
  // "D0B": a zero typed for the letter.
  s = s.replace(/\bd\.?\s?[o0]\.?\s?b\b\.?/g, 'dob').replace(/\bd\/[o0]\/b\b/g, 'dob');
  s = s.replace(/\bp\.?\s?h\.?(?=\s|$|[:#])/g, 'ph');
  // A biller's shorthand: "M#" a member number, "G#" a group number.
  // "Res:" alone is where the client resides.
  s = s.replace(/^res\.?$/, 'residence');
  // "Pol#", "Pol. no.": a policy number.
  s = s.replace(/\bm\s?#/g, 'member #').replace(/\bg\s?#/g, 'group #').replace(/\bpol\b\.?(?=\s*(?:#|no\b|num|number))/g, 'policy');
  // "Phone for both", "Address for all three": a value every client shares, by the usual label.
  s = s.replace(/\s+for\s+(?:both|all|each)(?:\s+(?:of\s+them|two|three|four))?\b/g, '');
  // "Employee/Patient", "Patient / Employee": an EAP's client, who is the employee (the plan's holder is said apart).
  s = s.replace(/^(?:employee\s*\/\s*(?:patient|client|participant)|(?:patient|client|participant)\s*\/\s*employee)(?=\s*(?:name)?\s*$)/, 'patient');
  // "Insurance to verify", "Plan to run": the plan the writer wants checked.
  s = s.replace(/\b(insurance|plan|coverage|payer|payor)\s+to\s+(?:verify|run|check|bill)\b/g, '$1');
  // "Provider contact center (CGS, J15)": a Medicare contractor's line for providers, by its contractor's name.
  s = s.replace(/\bprovider\s+(?:contact|call|customer|service)\s+(?:center|centre)\b(?:\s*\([^)]*\))?/g, 'provider services');
  // ("Noridian (JF) provider services": the contractor's name and jurisdiction before it.)
  s = s.replace(/^(?:noridian|novitas|palmetto(?:\s+gba)?|cgs|wps|ngs|first\s+coast)(?:\s*\([^)]{1,8}\))?\s+(?=provider services\b)/, '');
  // ("Plan holder", "Coverage holder": the policy's holder by another word.)
  s = s.replace(/\b(?:policy|plan|coverage)[\s-]?holder/g, 'policyholder').replace(/\bcard[\s-]?holder/g, 'cardholder');
  s = s.replace(/\bzip[\s-]?code\b/g, 'zip').replace(/\bpostal\s+code\b/g, 'zip');
  s = s.replace(/\bmedi-cal\b/g, 'medical_ca');
  // "Reffered By", "Refered", "Referal": two letters off, beyond the one-edit typo fixer.
  s = s.replace(/\bref+er+(ed|al|ring)\b/g, 'referr$1');
  s = s.replace(/\be-?mail\b/g, 'email');
  // Phone autocorrect and slang: "Member I'd", "Data of birth", "Addy".
  s = s.replace(/\bi'd\b/g, 'id').replace(/\b(?:data|day) of birth\b/g, 'date of birth').replace(/\baddy\b/g, 'address');
  // British and international forms: "Forename(s)", "Given names", "Polis number" (a policy's).
  s = s.replace(/\b(insured|covered)\s+person\b/g, 'insured');
  s = s.replace(/\bforenames?(?:\(s\))?|\bgiven names\b|\bfirst names\b/g, 'first name').replace(/\bpolis\b/g, 'policy');
  // Spanish labels, as families and bilingual intake staff write them: read as their English.
  // (One test first: labelTokens runs for every candidate label of every line.)
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (SPANISH_CUE.test(s)) for (const [es, en] of SPANISH_LABELS) s = s.replace(es, en);
  if (OTHER_LANGUAGE_CUE.test(s)) for (const [word, en] of OTHER_LANGUAGE_LABELS) s = s.replace(word, en);
  // System abbreviations: "src" (referral source), "loc" (level of care, no field of the record),
  // "prov" (provider).
  s = s.replace(/\bsrc\b/g, 'source').replace(/\bloc\b/g, 'level of care').replace(/\bprov\b/g, 'provider');
  // "line1", "street2", "address2": the piece and its number.
  s = s.replace(/\b(line|street|address|addr)([12])\b/g, '$1 $2');
  s = s.replace(/#/g, ' # ').replace(/\./g, ' ').replace(/[^a-z0-9#_ ]+/g, ' ');
  const tokens = s.split(/\s+/).filter((t) => t.length > 0).map(correctTypo);
  return tokens.map((t) => (t === 'number' || t === 'no' || t === 'num' || t === 'nbr' || t === 'nmbr' ? '#' : t));
}

/** Spanish label words (accents removed) and the English label they stand for. */
const SPANISH_LABELS: readonly [RegExp, string][] = [
  // Phrases first: their words ("aseguranza", "póliza") are labels of their own below.
  [/\btelefono (?:del|de la) (?:seguro|aseguranza|aseguradora)\b|\btelefono del seguro\b/g, 'insurance phone'],
  [/\bparentesco con el (?:asegurado|titular)\b|\brelacion con el (?:asegurado|titular)\b/g, 'relationship to subscriber'],
  [/\basegurado principal\b|\btitular de la poliza\b/g, 'subscriber'],
  [/\bfecha de nacimiento\b|\bf\.? ?de nac\w*\b|\bnacimiento\b/g, 'date of birth'],
  [/\bnombre (?:del|de la) (?:paciente|cliente|client[ea])\b|\bnombre completo\b|\bnombre\b/g, 'name'],
  [/\bapellidos?\b/g, 'last name'],
  [/\bdireccion\b|\bdomicilio\b/g, 'address'],
  [/\bciudad\b/g, 'city'],
  [/\bcodigo postal\b/g, 'zip'],
  [/\bcompania de seguros?\b|\baseguradora\b|\baseguranza\b|\bseguro medico\b|\bseguro\b/g, 'insurance'],
  [/\bnumero de (?:miembro|socio|poliza|identificacion)\b|\bid de miembro\b|\bpoliza\b/g, 'member id'],
  [/\bnumero de grupo\b|\bgrupo\b/g, 'group'],
  [/\btelefono\b/g, 'phone'],
  [/\btitular\b|\basegurado\b|\bsuscriptor\b/g, 'subscriber'],
  [/\bparentesco\b|\brelacion\b/g, 'relationship'],
  [/\breferido por\b|\breferencia\b/g, 'referred by'],
  [/\bpaciente\b/g, 'patient'],
];

/** French, Portuguese and Haitian Creole label words (accents removed) and their English label. */
const OTHER_LANGUAGE_LABELS: readonly [RegExp, string][] = [
  [/\bdate de naissance\b|\bdata de nascimento\b|\bdat (?:de )?nesans\b/g, 'date of birth'],
  [/\bprenoms?\b|\bprenon\b|\bprimeiro nome\b/g, 'first name'],
  [/\bnom de famille\b|\bsobrenome\b|\bsiyati\b/g, 'last name'],
  [/\bnome completo\b|\bnome\b|\bnon konple\b/g, 'name'],
  [/\badresse\b|\bendereco\b|\badres\b/g, 'address'],
  [/\bassurance maladie\b|\bassurance\b|\bplano de saude\b|\bconvenio\b|\basirans\b/g, 'insurance'],
  [/\bnumero (?:de membre|d'adherent|da carteirinha|de carteira|manm)\b|\bnimewo manm\b/g, 'member id'],
  [/\btelephone\b|\btelefone\b|\btelefon\b/g, 'phone'],
  [/\breference par\b|\bencaminhado por\b|\bindicado por\b|\breferans\b/g, 'referred by'],
];
const OTHER_LANGUAGE_CUE = /naissance|nascimento|nesans|prenom|prenon|primeiro nome|nom de famille|sobrenome|siyati|\bnome\b|non konple|adresse|endereco|\badres\b|assurance|plano de saude|convenio|asirans|numero|nimewo|telephone|telefone|telefon|reference par|encaminhado|indicado por|referans/;

/** Any Spanish label word of SPANISH_LABELS (accents removed), tested before the replacements. */
const SPANISH_CUE = /nombre|apellido|nacimiento|nac\b|direccion|domicilio|ciudad|codigo postal|seguro|asegura|poliza|numero de|id de miembro|grupo|telefono|titular|asegurad|suscriptor|parentesco|relacion|referid|referencia|paciente/;

function has(tokens: string[], ...words: string[]): boolean {
  return words.some((w) => tokens.includes(w));
}

function only(tokens: string[], allowed: Set<string>): boolean {
  return tokens.every((t) => allowed.has(t));
}

const ID_WORDS = new Set(['id', 'dbn', 'dcn', 'vhic', 'pmi', 'mcd', 'mcaid', 'mdcd', 'identification', 'ident', 'mbi', 'cin', 'bic', 'hicn', 'medicaid', 'medicare', 'medical_ca', 'certificate', 'cert', 'policy', 'member', 'mem', 'memb', 'mbr', 'subscriber', 'sub', 'insurance', 'ins', 'plan', 'health', 'client', 'patient', 'pt', 'insured', 'unique', 'alternate', 'alt', 'contract', 'card', 'benefit', 'primary', '#', 'uid', 'subscription', 'enrollee', 'beneficiary', 'recipient', 'rid', 'ccn', 'case']);
const PAYER_WORDS = new Set(['insurance', 'ins', 'co', 'company', 'name', 'carrier', 'provider', 'plan', 'payer', 'payor', 'health', 'medical', 'primary', 'coverage', 'type', 'benefit', 'benefits', 'commercial', 'healthcare', 'network', 'managed', 'care', 'mco', 'mcp', 'pay', 'source', 'funding', 'policy', 'client', 'patient', 'pt']);
const PHONE_WORDS = ['phone', 'ph', 'tel', 'telephone', 'phn', 'contact', 'call', 'line', '#', 'cs', 'csr', 'service', 'services'];
const INS_PHONE_CONTEXT = ['um', 'substance', 'sud', 'mco', 'mcp', 'ins', 'insurance', 'coverage', 'fund', 'payer', 'payor', 'carrier', 'card', 'plan', 'customer', 'provider', 'providers', 'behavioral', 'behavioural', 'bh', 'mh', 'mental', 'benefits', 'benefit', 'verification', 'verif', 'vob', 'eligibility', 'elig', 'back', 'cs', 'csr', 'member', 'claims', 'precert', 'preauth', 'authorization', 'auth', 'ur', 'utilization', 'verify'];
/** Words before "phone" that never name a payer ("Secondary phone", "Alt phone"). */
const NAMED_PHONE_STOP = new Set(['secondary', 'alt', 'alternate', 'other', 'second', 'backup', 'day', 'night', 'evening', 'best', 'primary', 'house', 'landline', 'business', 'sponsor', 'case', 'manager', 'therapist', 'doctor', 'dr', 'pcp', 'pharmacy', 'rx', 'his', 'her', 'their', 'wife', 'husband', 'spouse', 'son', 'daughter', 'mom', 'dad']);
const NOT_INS_PHONE = ['veteran', 'sponsor', 'unit', 'base', 'clinic', 'pcm', 'chaplain', 'crisis', 'duty', 'fax', 'facility', 'center', 'office', 'cell', 'mobile', 'home', 'client', 'patient', 'pt', 'direct', 'work', 'my', 'our', 'emergency', 'subscriber', 'contact', 'referral', 'referring', 'intake', 'admissions', 'personal', 'guardian', 'parent', 'mother', 'father'];
/** Words that qualify an address piece ("Mailing City") without changing which piece it is. */
const ADDRESS_QUALIFIERS = new Set(['local', 'mailing', 'home', 'residence', 'residential', 'physical', 'current', 'permanent', 'client', 'patient', 'pt']);
const ADDRESS_PIECE_WORDS = new Set(['city', 'town', 'state', 'province', 'zip', 'zipcode', 'postal', 'postcode', 'code', 'st']);
const REFERRAL = new Set([
  'referred by', 'referred from', 'referral', 'referral source', 'referral from', 'referral facility', 'referral company',
  'referral agency', 'referral center', 'referral name', 'referral source name', 'referring facility', 'referring center',
  'referring agency', 'referring office', 'referring department', 'referring team', 'referring unit', 'referring provider', 'referring organization', 'referring organisation', 'referring program',
  'referring party', 'referring company', 'referring treatment center', 'referring facility name', 'referrer', 'ref by',
  'who referred', 'referred by who', 'who is referring', 'referring center name', 'referral source facility',
  'ref', 'ref source', 'referred by treatment center', 'referred by facility', 'referral treatment center', 'facility',
  'facility name', 'treatment center', 'treatment facility', 'treatment center name', 'center', 'center name',
  'sending facility', 'requesting facility', 'requesting provider', 'requesting center', 'requested by', 'submitted by',
  'treating facility', 'rehab', 'rehab facility', 'agency', 'agency name', 'organization',
  'referring', 'source', 'lead source', 'referral partner', 'partner', 'facility requesting', 'from facility',
  'on behalf of', 'provider facility', 'tc', 'treatment provider', 'referral contact facility', 'referred by tc',
  'referred', 'referral by', 'referring facility treatment center', 'referred by treatment center name', 'sent from',
  'sent over by', 'sent over from', 'sent in by', 'referred over by', 'referred in by',
  'discharging facility', 'discharging hospital', 'discharging unit', 'discharging program', 'referring hospital', 'sending hospital',
]);

/** State programmes' short names a label may carry ("OHP ID (Prime #)"); not a payer's ("Anthem BCBS ID:" is the payer, then "ID"). */
const PLAN_ABBREVIATIONS: ReadonlySet<string> = new Set(['ohp', 'chip']);

/**
 * The field a label names, or null when it is not a label of this vocabulary. A label that is
 * not one as written may be once a note in parentheses is set aside ("Behavioral Health
 * (provider eligibility & benefits)"), or in one of its languages ("Nombre / First Name").
 */
export function classifyLabel(raw: string): FieldKey | null {
  // Every line tries several candidate labels and the same ones recur in every message:
  // the answers are kept (bounded; cleared when full), like correctTypo's.
  const known = labelMemo.get(raw);
  if (known !== undefined) return known;
  // "Preferred name", "Nickname", "Goes by": what the client is called, not the legal name a plan knows.
  if (/^\s*(?:preferred|chosen|nick)\s*-?\s*name\b|^\s*(?:goes\s+by|a\.?k\.?a\.?|also\s+known\s+as)\s*$/i.test(raw)) return memo(raw, 'ignore');
  // "Legal name (on insurance)", "Name (as on card)": where the value is written is no part of the label.
  if (raw.includes('(') && /\(\s*(?:as\s+)?(?:on|per)\s+(?:the\s+|his\s+|her\s+)?(?:insurance|card|policy|id)\s*\)/i.test(raw)) return memo(raw, classifyLabel(raw.replace(/\s*\([^)]*\)\s*/g, ' ').trim()));
  let whole = classifyWholeLabel(raw);
  // "Jonah's home address", "Policy holder's relationship to Jonah": the client named in the
  // label, by first name, is no word of the label.
  // "My daughter: Madison Rae Lindgren": a parent names the client by the relation.
  // (Capitalised, as a label starts its line: "my son Adrian he needs..." inside a sentence is no label.)
  if (whole === null && /^\s*(?:My|Our|MY|OUR)\s+(?:son|daughter|child|kid|stepson|stepdaughter|step-son|step-daughter|grandson|granddaughter)\s*$/i.test(raw) && /^\s*(?:My|Our|MY|OUR)\b/.test(raw)) whole = 'clientName';
  // "Head of household / primary enrollee on the policy": who holds a Medicaid or marketplace plan.
  if (whole === null && /^\s*(?:head of (?:the )?household|primary enrollee|primary insured)(?:\s+on the (?:policy|plan|case))?\s*(?:\/\s*(?:head of (?:the )?household|primary enrollee)(?:\s+on the (?:policy|plan|case))?)?\s*$/i.test(raw)) whole = 'subscriberName';
  // "RE PATIENT:", "Regarding client:": the word before the label says what the message is about.
  if (whole === null && /^\s*(?:re|regarding)\s+\p{L}/iu.test(raw)) whole = classifyWholeLabel(raw.replace(/^\s*(?:re|regarding)\s+/i, ''));
  // "Sponsor DoD ID", "EDIPI": the service member's defence ID, never the plan's member number; "DoD Benefits Number" (DBN) is.
  if (whole === null || whole === 'insPhone' || whole === 'namedPhone') {
    if (/\bdod\s+benefits?\s+(?:number|no|#)|\bdbn\b/i.test(raw)) whole = 'memberId';
    else if (/\b(?:dod\s+id|edipi|dod\s*#)/i.test(raw)) whole = 'ignore';
  }
  // "Member ID on her CHAMPVA card", "Number on the back of his card": where the writer read it is no part of the label.
  if (whole === null && /\s(?:on|from|off)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?(?:[\p{L}-]+\s+){0,2}card\s*[?:.]?\s*$/iu.test(raw)) {
    const bare = classifyWholeLabel(raw.replace(/\s+(?:on|from|off)\s+(?:the\s+|her\s+|his\s+|their\s+|my\s+)?(?:[\p{L}-]+\s+){0,2}card\s*[?:.]?\s*$/iu, '').trim());
    if (bare === 'memberId' || bare === 'group') whole = bare;
  }
  // "Toll-free number for providers (International SOS)": who answers the line, in brackets, is no part of the label.
  if (whole === null && /\([^)]*\)\s*$/.test(raw) && /\b(?:number|line|phone|#)\b/i.test(raw)) {
    const bare = classifyWholeLabel(raw.replace(/\s*\([^)]*\)\s*$/, '').trim());
    if (bare === 'insPhone' || bare === 'servicePhone') whole = bare;
  }
  // "Veteran Name", "Service member's name": the client, named by the role (never "Veteran: N", a yes/no box).
  if (whole === null && /^\s*(?:veteran|service\s*member|soldier|sailor|marine|airman)(?:['’]s)?\s+(?:full\s+|legal\s+)?name\s*$/i.test(raw)) whole = 'clientName';
  // "Her husband (the sponsor)", "His mother (policy holder)": a relative, said to hold the plan.
  if (whole === null && /^\s*(?:her|his|their)\s+(?:husband|wife|spouse|partner|mother|mom|father|dad|parents?|step-?(?:mother|mom|father|dad)|grand(?:mother|father))\s*\(\s*(?:the\s+)?(?:sponsor|subscriber|policy\s*-?\s*holder|insured|primary(?:\s+insured)?|card\s*holder)\s*\)\s*$/i.test(raw)) whole = 'subscriberName';
  // "Apple Health MCO": a Medicaid programme's name before "MCO" labels its managed-care plan.
  // (Not before "plan": "Ambetter from Peach State Health Plan" is a plan's own name.)
  if (whole === null) {
    const programme = /^\s*(.{3,40}?)\s+mco\s*$/i.exec(raw)?.[1];
    if (programme !== undefined && findPayers(programme)[0]?.position === 0) whole = 'payer';
  }
  // "What is your phone number?" is asked of the writer, whatever a payer's word before "phone" would say.
  if (whole === null || whole === 'namedPhone') whole = questionField(raw) ?? whole;
  if (whole === null) {
    const unnamed = raw.replace(/^\s*(?!(?:He|She|It|That|There|What|Who|Where|Here|Let|This)['’])\p{Lu}\p{Ll}+['’]s\s+(?=\p{L})/u, '').replace(/\s+(?:to|of|for)\s+\p{Lu}\p{Ll}+\s*$/u, '');
    if (unnamed !== raw) whole = classifyWholeLabel(unnamed);
  }
  let field = whole !== null && whole !== 'ignore' ? whole : (classifyAnnotatedLabel(raw) ?? whole);
  // "Premera mental health line", "Molina BH #": the plan's name, then the words of its phone: the plan's phone when the plan is that one.
  // (Not its ID: "Humana - ID H6152" names the plan too.)
  if (field === null) field = payerNamedPhone(raw);
  // "Guarantor (signed our financial agreement)": who pays the center, not who holds the plan.
  if (field === 'subscriberName' && /\bguarantor\b/i.test(raw) && /\b(?:financ\w*|agreement|paying|pays|billing)\b/i.test(raw)) field = 'ignore';
  return memo(raw, field);
}

function memo(raw: string, field: FieldKey | null): FieldKey | null {
  if (labelMemo.size >= 20_000) labelMemo.clear();
  labelMemo.set(raw, field);
  return field;
}

const labelMemo = new Map<string, FieldKey | null>();

/** Who the client is, as the subject of a question ("he", "the client", "your patient"). */
const ASKED_CLIENT = String.raw`(?:he|she|they|him|her|them|(?:the|your|this|our)\s+(?:client|patient|pt|member|person|individual)|client|patient|pt)`;
const ASKED_HOLDER = String.raw`(?:the\s+)?(?:primary\s+)?(?:policy\s*-?\s*holder|(?:insurance|plan)\s+holder|subscriber|insured|card\s*-?\s*holder|member\s+on\s+the\s+card)`;

/**
 * A form's or a checklist's question and the field it asks for: questions that name the field
 * by a verb ("Where does he live?", "Who referred the client?") rather than by a label's words.
 * Questions of the form "What is <label>?" are read by their label once the lead-in is dropped.
 */
const QUESTIONS: readonly [RegExp, FieldKey][] = [
  [new RegExp(String.raw`^(?:who|which\s+(?:treatment\s+)?(?:center|centre|facility|program|agency|provider|organi[sz]ation|office|clinic|hospital))\s+(?:is\s+)?(?:referr(?:ed|ing)|refers|sent|sends|is\s+sending|will\s+be\s+sending|placed|is\s+placing)\b|^(?:what|which)\s+(?:treatment\s+)?(?:center|centre|facility|program|agency|organi[sz]ation)\s+(?:is\s+)?(?:this\s+)?(?:referral\s+)?(?:from|referring|sending)\b|^where\s+(?:is|was)\s+(?:this|the)\s+referral\s+(?:coming\s+)?from\b|^who\s+is\s+the\s+referr(?:al\s+source|ing\s+(?:center|facility|party|agency))\b|^(?:has|did|was)\s+(?:a|any|another|anyone|anybody|someone)\s*(?:(?:treatment\s+)?(?:center|centre|facility|program|provider|doctor|therapist|counselor|hospital|agency)(?:\s+or\s+\w+)?\s+)?(?:refer|referred)\b|^(?:has|was)\s+${ASKED_CLIENT}\s+(?:been\s+)?referred\b|^who\s+(?:referred|sent)\s+(?:you|them)\b`, 'i'), 'referredBy'],
  [new RegExp(String.raw`^is\s+${ASKED_CLIENT}\s+(?:also\s+)?(?:the\s+)?${ASKED_HOLDER}\b|^(?:is|was)\s+(?:the\s+)?(?:policy|plan|insurance|coverage|card)\s+(?:in\s+|under\s+)?(?:his|her|their|${ASKED_CLIENT}['’]s?)\s+(?:own\s+)?(?:name)?\b|^does\s+${ASKED_CLIENT}\s+(?:hold|carry|own|have)\s+(?:the\s+|(?:his|her|their)\s+own\s+)(?:policy|plan|insurance)`, 'i'), 'subscriberName'],
  [new RegExp(String.raw`^(?:who|whose\s+name)\s+(?:is|are)\s+${ASKED_HOLDER}\b|^who\s+is\s+(?:the\s+)?(?:policy|plan|insurance|coverage)\s+(?:under|through|in\s+the\s+name\s+of|for)\b|^whose\s+(?:name\s+is\s+(?:the\s+)?(?:policy|plan|insurance|card)\s+(?:in|under)|(?:policy|plan|insurance|card)\s+is\s+(?:it|this|the\s+client\s+on))\b|^whose\s+(?:policy|plan|insurance|coverage|card)\b|^who\s+(?:holds|carries|owns|has)\s+(?:the\s+)?(?:policy|plan|insurance|coverage)\b|^(?:whose|what)\s+name\s+is\s+on\s+the\s+(?:policy|card|plan|insurance)\b`, 'i'), 'subscriberName'],
  [new RegExp(String.raw`^how\s+(?:is|are)\s+${ASKED_CLIENT}\s+related\s+to\b|^what\s+is\s+${ASKED_CLIENT}['’]?s?\s+relation(?:ship)?\s+to\b`, 'i'), 'relToSubscriber'],
  [new RegExp(String.raw`^how\s+(?:is|are)\s+${ASKED_HOLDER}\s+related\s+to\b|^what\s+is\s+(?:the\s+)?(?:policy\s*-?\s*holder|subscriber|insured)['’]?s?\s+relation(?:ship)?\s+to\b`, 'i'), 'relOfSubscriber'],
  [new RegExp(String.raw`^where\s+(?:does|do|will)\s+${ASKED_CLIENT}\s+(?:currently\s+|normally\s+)?(?:live|reside|stay)\b|^where\s+(?:is|are)\s+${ASKED_CLIENT}\s+(?:currently\s+)?(?:living|residing|staying)\b|^what\s+is\s+${ASKED_CLIENT}['’]?s?\s+(?:home\s+|current\s+|street\s+|mailing\s+)?address\b`, 'i'), 'address'],
  [new RegExp(String.raw`^when\s+(?:was|is)\s+${ASKED_CLIENT}\s+born\b|^when\s+is\s+${ASKED_CLIENT}['’]?s?\s+birthday\b|^what\s+is\s+${ASKED_CLIENT}['’]?s?\s+(?:date\s+of\s+birth|birth\s*date|birthday|dob)\b`, 'i'), 'dob'],
  [new RegExp(String.raw`^(?:who|what|which)\s+(?:is|are)\s+(?:his|her|their|the\s+(?:client|patient)['’]?s?)?\s*(?:insurance|coverage|carrier|plan|insurer|health\s+plan)\s+(?:with|through|from|by)\b|^(?:what|which)\s+(?:insurance(?:\s+company|\s+carrier|\s+plan)?|carrier|plan|insurer|health\s+plan|payer)\s+(?:does|do|is|are)\s+${ASKED_CLIENT}\b|^who\s+(?:is|are)\s+${ASKED_CLIENT}\s+(?:insured|covered)\s+(?:with|by|through|under)\b|^(?:who|what)\s+(?:is|are)\s+(?:the\s+|his\s+|her\s+|their\s+|the\s+(?:client|patient)['’]s\s+)?(?:insurance\s+(?:company|carrier)|carrier|payer|insurer)\b|^(?:what|which)\s+insurance\b|^(?:what|which|who)\s+(?:insurer|insurance(?:\s+company)?|carrier|plan|payer|company)\s+(?:covers|insures)\b`, 'i'), 'payer'],
  [new RegExp(String.raw`\b(?:phone|number|#|line)\b.*\b(?:back\s+of\s+(?:the\s+|(?:his|her|their)\s+)?(?:insurance\s+)?card|on\s+(?:the\s+)?back)\b|^what\s+(?:phone\s+)?number\s+(?:do|should|can)\s+(?:we|i|you)\s+call\b|\bnumber\s+(?:for|to\s+call)\s+(?:the\s+)?(?:insurance|plan|payer|carrier|benefits|providers?)\b|\b(?:phone\s+)?number\s+(?:verifies|confirms)\s+(?:benefits|eligibility|coverage)\b`, 'i'), 'insPhone'],
  [new RegExp(String.raw`^who\s+(?:is|are)\s+(?:the\s+)?(?:client|patient)\b(?!\s+(?:insured|covered|related))|^who\s+(?:are|is)\s+(?:we|you)\s+(?:verifying|checking|running)\b|^who\s+(?:is|are)\s+(?:this|the)\s+(?:verification|vob|request|referral)\s+for\b|^who\s+needs\s+(?:the\s+)?(?:verification|vob|benefits|treatment|a\s+bed)\b`, 'i'), 'clientName'],
];

/** A question's words before the label it asks for ("What is", "Please provide", "Can you give us"). */
const QUESTION_LEAD_WORDS = String.raw`(?:what(?:['’]s|\s+is|\s+are|\s+was)|whats|which\s+is|(?:please\s+)?(?:provide|list|give|enter|share|confirm|tell\s+us)|(?:can|could|would)\s+you\s+(?:please\s+)?(?:provide|give|send|share|list|confirm|tell\s+us|read\s+me|read\s+us|give\s+me)(?:\s+(?:us|me))?|do\s+you\s+have|(?:is|are)\s+there\s+(?:an?|any)|(?:does|do)\s+(?:he|she|they|the\s+client|the\s+patient|[A-Z][a-z]+)\s+have(?:\s+(?:an?|any))?)`;
const QUESTION_LEAD = new RegExp(String.raw`^(?:(?:and|also|ok|okay|so|then|now)[,\s]+(?:${QUESTION_LEAD_WORDS}\s+)?|${QUESTION_LEAD_WORDS}\s+)`, 'i');

/**
 * The field a question asks for ("What is the client's date of birth?", "Who referred him?",
 * "Group number, if any?"), or null when the text is no question of the vocabulary.
 */
function questionField(raw: string): FieldKey | null {
  if (raw.length > 200) return null;
  // "Where do they live right now? (street, apartment, city, state, ZIP)": the note after the question is no part of it.
  const text = raw.trim().replace(/^(?:q\d{0,2}|question\s*\d{0,2})\s*[.:)-]\s*/i, '').replace(/^\d{1,2}\s*[.)]\s*/, '').replace(/\?\s*\([^()]*\)$/, '?');
  // A question and its answer on one line ("Client's full legal name?  Dana Roe") is no label: the text ends with its question.
  if (!/\?$/.test(text)) return askedField(text, false);
  // "That's fine. What insurance does he have?", "Is there a Group number? If so, what is it?":
  // each question of the text, the first that asks for a field.
  let other: FieldKey | null = null;
  for (const sentence of text.match(/[^?.!]*\?/g) ?? []) {
    const field = askedField(sentence.trim(), true);
    if (field !== null && field !== 'ignore') return field;
    other = other ?? field;
  }
  return other;
}

/** The field one question asks for; `asked` when it ends with its question mark. */
function askedField(question: string, asked: boolean): FieldKey | null {
  if (!asked && !QUESTION_LEAD.test(question)) return null;
  let s = question.replace(/[?\s]+$/, '').replace(/[,\s]*\(?(?:if\s+(?:any|known|applicable|available|you\s+have\s+it|different|not\s+the\s+client|other\s+than\s+the\s+client)|optional|required)\)?$/i, '').trim();
  // "If no, who is?", "If not, who is, and how is she related to them?": after "Is the client the policy holder?".
  const ifNot = /^if\s+(?:no|not|other|different)\b[^,]{0,30},\s*/i.exec(s);
  if (ifNot) {
    s = s.slice(ifNot[0].length);
    if (/^who(?:\s+is(?:\s+it)?)?(?:,?\s+and\s+.*)?$/i.test(s)) return 'subscriberName';
  }
  if (s.length === 0) return null;
  // A question read by its verb must be the whole text: "When was she born? 3/9/1988" is a question and its answer.
  if (asked) for (const [pattern, field] of QUESTIONS) if (pattern.test(s)) return field;
  const bare = s
    .replace(QUESTION_LEAD, '')
    .replace(/\s+(?:on|from|printed\s+on)\s+(?:the|his|her|their)\s+(?:insurance\s+)?card$/i, '')
    .replace(/\s+for\s+(?:the\s+)?(?:client|patient|him|her|them)$/i, '');
  if (bare === s && !asked) return null;
  // "What is Kurt's full name": classifyLabel sets the client's own name aside.
  return bare.length > 0 && bare.length <= 60 ? classifyLabel(bare) : null;
}

/** A request field's label standing alone ("Referred by", "Date of birth"): short, no digit, tab or colon. */
export function isFieldLabel(text: string): boolean {
  if (text.length < 2 || text.length > 40 || /[\d\t:]/.test(text)) return false;
  const field = classifyLabel(text);
  return field !== null && field !== 'ignore';
}

function classifyAnnotatedLabel(raw: string): FieldKey | null {
  // "Subscriber on the card", "Phone (provider line)": the note is no part of the label.
  const bare = raw.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+(?:on|from)\s+(?:the\s+)?(?:card|policy|plan)$/i, '').trim();
  if (bare !== raw.trim() && bare.length > 0) {
    const field = classifyWholeLabel(bare);
    if (field !== null) return field;
  }
  // "Kaiser's member services line": a phone label owned by the plan's name.
  const owned = /^[\p{L}&.-]+['’]s\s+(.+)$/u.exec(raw.trim());
  if (owned) {
    const field = classifyWholeLabel(owned[1] ?? '');
    if (field === 'insPhone' || field === 'servicePhone' || field === 'idOrPhone') return field;
  }
  // "Aetna Student Health provider line": a phone label after the plan's name.
  const words = raw.trim().split(/\s+/);
  const named = words.findIndex((w) => !/^\p{Lu}/u.test(w));
  if (named > 0 && startsWithKnownPayer(words.slice(0, named).join(' '))) {
    const field = classifyWholeLabel(words.slice(named).join(' '));
    if (field === 'insPhone' || field === 'servicePhone') return field;
  }
  // "TennCare Select provider services": a plan the dictionary lacks, named before a line only a plan has.
  if (named > 0 && named <= 3 && /^(?:provider|member|customer|behavioral|bh)\s+(?:services?|line|phone)\b/i.test(words.slice(named).join(' '))) {
    const field = classifyWholeLabel(words.slice(named).join(' ').replace(/\s*\([^)]*\)/g, ''));
    if (field === 'insPhone' || field === 'servicePhone') return field;
  }
  // "RID (IHCP Member ID)": a label the vocabulary lacks, explained in brackets by one it has.
  // (One word of initials, explained by a whole label: "the daughter (our client)" is no label.)
  const explained = /^[A-Z][A-Za-z0-9-]{1,11}\s*\(([^()]{2,40})\)\s*$/.exec(raw.trim());
  if (explained) {
    const field = classifyLabel(explained[1]!);
    if (field === 'memberId' || field === 'group' || field === 'payer' || field === 'insPhone' || field === 'servicePhone') return field;
  }
  // "IHCP Member ID", "AHCCCS ID", "DoD Benefits Number": a programme's initials before a label of its value.
  // (Not a bare "ID" after the initials: "SEVIS ID", "OTP ID" are other systems' numbers.)
  const initials = /^(?:[A-Z]{2,7}|[A-Z][a-z][A-Z])\s+(\S+\s+\S.*)$/.exec(raw.trim());
  if (initials) {
    const field = classifyWholeLabel(initials[1]!);
    if (field === 'memberId' || field === 'group' || field === 'insPhone' || field === 'servicePhone') return field;
  }
  // "MO HealthNet plan", "Medicaid MCO": a programme's name (a word or two), then the plan it
  // enrols the client in; "Ambetter from Peach State Health Plan" is a plan's name, no label.
  const programme = /^(\S+(?:\s\S+)?)\s+(?:plan|mco|health\s+plan|managed\s+care\s+plan)$/i.exec(raw.trim());
  if (programme && /\b(?:medicaid|medicare|healthnet|medi-cal|chip|marketplace|exchange)\b/i.test(programme[1]!)) return 'payer';
  if (!/\s\/\s/.test(raw)) return null;
  const parts = raw.split(/\s+\/\s+/).map((p) => classifyWholeLabel(p)).filter((f): f is FieldKey => f !== null);
  return parts.find((f) => f !== 'ignore') ?? parts[0] ?? null;
}

function payerNamedPhone(raw: string): FieldKey | null {
  const lead = raw.trim().split(/\s+/);
  if (lead.length < 2 || lead.length > 6 || /\d/.test(raw) || !startsWithKnownPayer(lead[0]!)) return null;
  for (let k = 1; k <= 3 && k < lead.length; k++) {
    const rest = classifyWholeLabel(lead.slice(k).join(' '));
    if (rest === 'insPhone' || rest === 'idOrPhone') return 'namedPhone';
  }
  return null;
}

function classifyWholeLabel(raw: string): FieldKey | null {
  if (raw.length === 0 || raw.length > 60) return null;
  // "Phone for them" under "Insurance - Priority Partners": the plan as "them", whose section says whose phone.
  if (/^\s*(?:phone|ph|tel|telephone|number|#)(?:\s+(?:number|no\.?|#))?\s+for\s+(?:them|it)\s*$/i.test(raw)) return 'phone';
  let tokens = labelTokens(raw);
  // Bullet leftovers and numbering ("1", "a") before a label.
  while (tokens.length > 1 && /^(?:\d{1,2}|[a-h]|o|ii?|iii)$/.test(tokens[0] ?? '')) tokens = tokens.slice(1);
  const hash = tokens.includes('#');
  // "Your Name", "Submitter phone", "Requester email": the person filling in a form, not the client.
  if (tokens.length > 1 && /^(?:your|submitter|submitted|requester|requestor|sender|contact)$/.test(tokens[0] ?? '') && tokens.slice(1).every((t) => /^(?:full|first|last|name|phone|ph|tel|telephone|email|e-mail|mail|number|#|cell|mobile|title|role|organization|organisation)$/.test(t))) {
    return 'ignore';
  }
  tokens = tokens.filter((t) => !FILLER.has(t));
  if (tokens.length === 0) return null;
  if (tokens.length > 8) return null;
  const joined = tokens.filter((t) => t !== '#').join(' ');
  const words = tokens.filter((t) => t !== '#');
  // A Medicaid case's head of household ("Case head") holds the coverage the client is on.
  const caseHead = /\b(?:case head|head of (?:household|case))\b/.test(joined);
  const isSub = has(words, ...SUBSCRIBER_WORDS) || caseHead || /\bpolicy (?:owner|holder)\b/.test(joined) || /\bprimary (?:member|subscriber|insured)\b/.test(joined);
  const isClient = words.some((w) => CLIENT.has(w));

  const referralWords = new Set(['referred', 'referral', 'referring', 'by', 'from', 'source', 'facility', 'center', 'centre', 'agency', 'organization', 'organisation', 'program', 'treatment', 'provider', 'company', 'name', 'tc', 'partner', 'fac', 'hosp', 'hospital', 'org', 'practice', 'clinic', 'of', 'or', 'other']);
  // "NAME OF REFERRING PROVIDER OR OTHER SOURCE" (a claim form's box 17).
  if (REFERRAL.has(joined) || (/\b(?:referred|referral|referring)\b/.test(joined) && only(words, referralWords))) {
    return 'referredBy';
  }
  if (REFERRAL.has(joined.replace(/ name$/, ''))) return 'referredBy';
  // "Sent by: <center>" on a request names who sends (refers) the client.
  // "Who sent them:", "Sending facility:": whoever sends the client to treatment refers them.
  if (/^(?:sent by|who (?:sent|is sending|referred|refers)(?: (?:them|him|her|the (?:client|patient)|client|patient|pt|this (?:client|patient|person)))?|sending (?:facility|center|centre|program|agency|provider|organization|organisation|org))$/.test(joined)) return 'referredBy';
  // "Company:" under an INSURANCE heading is the insurance company; elsewhere an employer.
  // "Primary:" there names the plan the same way; "Secondary:" a second plan, no field of the record.
  if (joined === 'company' || joined === 'company name' || joined === 'primary') return 'company';
  if (joined === 'secondary') return 'ignore';
  // "Plan: Molina Healthcare" (not "Plan type", "Plan year").
  if (joined === 'plan' || joined === 'plan name' || joined === 'health plan') return 'payer';
  // "mbr W2039...": the abbreviation names the number, never the member's name.
  if (joined === 'mbr' || joined === 'memb' || joined === 'mbr no' || joined === 'mbr num') return 'memberId';
  // "Medicaid #", "Medicare ID": the member's number in that programme.
  // ("MA #": Maryland's and Pennsylvania's Medical Assistance number.)
  if (tokens.length === 2 && /^(?:medicaid|medicare|medical_ca|mbi|cin|ma)$/.test(tokens[0] ?? '') && /^(?:#|id|no|num)$/.test(tokens[1] ?? '')) return 'memberId';
  // "Behavioral Health: 1-800-...", "Member Services: ...": a phone of the plan, or an ID, by the value.
  if (/^(?:behavioral|behavioural|mental) health(?: (?:line|services|dept|department))?$|^(?:bh|mh|mhsa)(?: line)?$/.test(joined)) return 'idOrPhone';
  // "Cigna BH", "Aetna provider line": a plan's verification line named by the plan (checked
  // against the payer when the record is built, as "Cigna phone" is).
  const planLine = /^([a-z]{2,}(?: [a-z]{2,})?) (?:bh|mh|behavioral health|behavioural health|mental health|provider line|provider services)$/.exec(joined);
  // Only a payer the dictionary knows: "Pine Ridge Behavioral Health" is a center's name.
  if (planLine && findPayers(planLine[1] ?? '')[0]?.position === 0 && !has(words, ...NOT_INS_PHONE, ...NAMED_PHONE_STOP) && !has((planLine[1] ?? '').split(' '), 'provider', 'behavioral', 'behavioural', 'mental', 'member', 'customer', ...PHONE_WORDS, ...INS_PHONE_CONTEXT)) return 'namedPhone';

  if (/^(?:kp |kaiser |patient |pt |client )?(?:mrn|medical record (?:number|no|#))$/.test(joined)) return 'mrn';
  // "Member/MRN #": the member's number, which is an MRN where the plan is Kaiser.
  if (/^(?:member|mbr|mem)\s*(?:\/|or)?\s*mrn(?:\s*(?:#|no|number))?$/.test(joined)) return 'memberId';
  // "Patient ID (MRN)": the note says whose number it is, the facility's chart's.
  if (/^(?:patient|pt|client)\s+(?:id|#|no|number)\s*(?:mrn|medical record)/.test(joined)) return 'mrn';

  // Things that are labelled but not part of the record ("Ins phone / fax" is still the insurance's phone).
  const phoneThenFax = /\b(?:ins|insurance|payer|payor|carrier)\b.*\b(?:phone|ph|tel|telephone)\b.*\bfax\b/.test(joined);
  // "MH/SA line", "Mental Health/Substance Abuse phone": the plan's behavioral line, not a substance field.
  const substanceLine = has(words, 'substance', 'sud', 'sa') && has(tokens, ...PHONE_WORDS) && !has(words, 'fax');
  // "BH auth line", "UM precert line": the plan's behavioral line, where the biller calls.
  const authLine = has(words, 'auth', 'authorization') && has(words, 'bh', 'behavioral', 'behavioural', 'um', 'mh') && has(tokens, 'line', 'phone', 'ph', 'tel', 'telephone', '#') && !has(words, 'fax');
  if (!phoneThenFax && !substanceLine && !authLine && has(words, 'ssn', 'social', 'email', 'fax', 'npi', 'tin', 'tax', 'gender', 'sex', 'age', 'loc', 'level', 'admit', 'admission', 'diagnosis', 'dx', 'icd', 'cpt', 'rx', 'bin', 'pcn', 'employer', 'copay', 'deductible', 'oop', 'effective', 'termination', 'term', 'auth', 'authorization', 'reference', 'ref#', 'notes', 'note', 'comments', 'comment', 'reason', 'drug', 'substance', 'sud', 'mrn', 'race', 'language', 'marital', 'ethnicity', 'website', 'web', 'url', 'time', 'sent', 'subject', 'cc', 'bcc', 'attachments', 'attachment', 'status', 'priority', 'preferred')) {
    // "DOB/Age": a date of birth with the age beside it.
    const dobWithAge = has(words, 'age') && has(words, 'dob', 'birthdate', 'born') && only(words, new Set(['dob', 'birthdate', 'born', 'age', 'date', 'birth']));
    if (!(has(words, 'date') && has(words, 'birth')) && !dobWithAge) return 'ignore';
  }
  if (joined === 'to' || joined === 'from' || joined === 'date') return 'ignore';
  // "Caller", "Caller addr", "Requester": whoever phoned or opened the ticket, not the client.
  if (has(words, 'caller', 'requester', 'requestor')) return 'ignore';

  // Relationship.
  if (has(words, 'relationship', 'relation', 'rel', 'relship', 'relationshp', 'relatiosnhip', 'relat')) {
    const relAllowed = new Set(['relationship', 'relation', 'rel', 'relship', 'relationshp', 'relatiosnhip', 'relat', 'to', 'with', 'ins', 'insurance', 'policyholder', 'info', 'code', ...CLIENT, ...SUBSCRIBER_WORDS, 'primary', 'is']);
    if (!only(words, relAllowed)) return null;
    const toIdx = words.findIndex((w) => w === 'to' || w === 'with');
    const relIdx = words.findIndex((w) => w.startsWith('rel'));
    const rawLower = raw.toLowerCase();
    // "relationship to subscriber/insured/policy holder": the value describes the client.
    if (/\b(?:to|with)\s+(?:the\s+)?(?:subscriber|sub|insured|ins|insurance|policy\s?-?holder|primary|card\s?holder|guarantor|employee|member)\b/.test(rawLower)) return 'relToSubscriber';
    // "relationship to client/patient": the value describes the subscriber.
    if (/\b(?:to|with)\s+(?:the\s+)?(?:client|patient|pt)\b/.test(rawLower)) return 'relOfSubscriber';
    if (toIdx < 0 && relIdx >= 0) {
      const before = words.slice(0, relIdx);
      if (before.some((w) => CLIENT.has(w) && w !== 'member')) return 'relToSubscriber';
      if (before.some((w) => SUBSCRIBER_WORDS.includes(w) || w === 'policyholder')) return 'relOfSubscriber';
    }
    return 'relationship';
  }

  // "Holder is pt's: mother", "Client is insured's: son": who one person is to the other, said in the label.
  const whoIsWhose = /^(?:the\s+)?(\w+(?:\s\w+)?)\s+is\s+(?:the\s+)?(\w+(?:\s\w+)?)['’]?s$/.exec(raw.toLowerCase().trim().replace(/[:\s]+$/, ''));
  if (whoIsWhose) {
    const [first = '', second = ''] = [whoIsWhose[1]!, whoIsWhose[2]!].map((w) => w.replace(/\s+/g, ''));
    const sub = (w: string): boolean => SUBSCRIBER_WORDS.includes(w) || /^policy(?:holder|owner)$/.test(w);
    if (sub(first) && CLIENT.has(second)) return 'relOfSubscriber';
    if (CLIENT.has(first) && sub(second)) return 'relToSubscriber';
  }

  // Dates of birth.
  if (has(words, 'dob', 'birthdate', 'birthday', 'bday', 'born') || (has(words, 'birth') && has(words, 'date'))) {
    // ("Born in 23/11/1989": the writer's preposition.)
    const dobAllowed = new Set(['dob', 'birthdate', 'birthday', 'bday', 'born', 'date', 'birth', 'age', 'in', ...CLIENT, ...SUBSCRIBER_WORDS, 'policyholder', 'name', 'insured']);
    if (!only(words, dobAllowed)) return null;
    if (isSub) return 'subscriberDob';
    if (isClient) return 'clientDob';
    // "DOB/Age": the age beside the date is no other field.
    const dobWords = new Set(['dob', 'birthdate', 'birthday', 'bday', 'born', 'date', 'birth', 'age']);
    if (only(words, dobWords)) return 'dob';
    return null;
  }

  // Group number before IDs: "Group ID" is a group.
  if (has(words, 'group', 'grp', 'grp#')) {
    if (has(words, 'name', 'rx', 'employer')) return 'ignore';
    if (!only(words, new Set(['group', 'grp', 'grp#', 'id', 'insurance', 'ins', 'plan', 'policy', 'client', 'patient', 'pt', 'primary', 'employer', 'health', 'medical', 'code']))) return null;
    return 'group';
  }

  // "Booking #", "DOC #", "Docket No.", "BOP Reg. No.": a jail's or a court's number for the person, never the plan's.
  if (has(words, 'booking', 'inmate', 'offender', 'docket', 'doc', 'sid', 'bop', 'tomis', 'cdcr', 'jacket', 'register', 'registration', 'reg') && !has(words, 'member', 'mbr', 'insurance', 'ins', 'policy', 'medicaid', 'plan')) return 'ignore';
  // Phones.
  const phoneish = has(tokens, ...PHONE_WORDS) || /\b(?:customer|member|provider|providers) (?:service|services|svc|svcs|care)\b/.test(joined) || /\bback (?:of )?(?:the )?card\b/.test(joined) || /\b(?:on|from) card\b/.test(joined);
  // "Address Line 2" has a "line" that is no phone line.
  // "Cert #", "Certificate number", "Recipient #": an ID's own words, no phone word.
  const idOnly = has(words, 'cert', 'certificate', 'contract', 'recipient', 'enrollee', 'beneficiary') && !has(words, 'phone', 'ph', 'tel', 'telephone', 'line', 'call', 'fax');
  if (phoneish && !idOnly && !has(words, 'id', 'identification', 'policy', 'mbi', 'address', 'addr', 'street')) {
    // "Ins phone / fax": the phone comes first in the value.
    const faxAt = words.indexOf('fax');
    const phoneAt = words.findIndex((w) => w === 'phone' || w === 'ph' || w === 'tel' || w === 'telephone');
    if (faxAt >= 0 && !(phoneAt >= 0 && phoneAt < faxAt && has(words, 'ins', 'insurance', 'payer', 'payor', 'carrier'))) return 'ignore';
    if (faxAt >= 0) words.splice(faxAt, 1);
    const named = words.filter((w) => !PHONE_WORDS.includes(w) && w !== 'number');
    // "Cigna #" names a payer's phone; "Mem #" is an ID.
    if (named.length >= 1 && named.length <= 2 && named.every((w) => /^[a-z]{2,}$/.test(w) && !NOT_INS_PHONE.includes(w) && !INS_PHONE_CONTEXT.includes(w) && !NAMED_PHONE_STOP.has(w) && !ID_WORDS.has(w)) && (words.length === named.length + 1 || (words.length === named.length && hash))) {
      return 'namedPhone';
    }
    // "Mem #", "Mbr #", "MCD#" (Medicaid) fall through to the member ID below.
    const phoneAllowed = new Set([...PHONE_WORDS, ...INS_PHONE_CONTEXT, ...NOT_INS_PHONE, 'mem', 'memb', 'mbr', 'primary', 'mcd', 'mcaid', 'mdcd', 'sa', 'substance', 'abuse', 'use', 'sud', 'on', 'of', 'the', 'from', 'company', 'co', 'name', 'services', 'service', 'svc', 'svcs', 'health', 'dept', 'department', 'toll', 'free', 'for', 'cell', 'mobile', 'rep', 'representative', 'health', 'number', 'main', 'phone#', 'ph#', 'telephone#', 'care', 'plan', 'doctors', 'physicians', 'off', 'stateside', 'international', 'domestic', 'overseas', 'us']);
    // "BH number off the back of her card": whose card it is is no part of the label.
    if (!only(has(words, 'card') ? words.filter((w) => !['her', 'his', 'their', 'its', 'my'].includes(w)) : words, phoneAllowed)) return null;
    const insCtx = has(tokens, ...INS_PHONE_CONTEXT);
    const notIns = has(words, ...NOT_INS_PHONE);
    if (insCtx && !(notIns && !has(words, 'ins', 'insurance', 'payer', 'payor', 'carrier', 'card', 'benefits'))) {
      // "Member number", "Member #": the member's own number, never a phone.
      if (only(words, new Set(['member', 'mbr', 'mem', 'memb', 'number', 'no', 'num', '#', 'his', 'her', 'their', 'my', 'the']))) return 'memberId';
      // "Insurance #", "Ins No": a member ID or a phone; the value decides.
      if (!has(words, 'phone', 'ph', 'tel', 'telephone', 'phn', 'call', 'line', 'service', 'services', 'cs', 'csr', 'back', 'provider', 'providers', 'behavioral', 'behavioural', 'bh', 'mh', 'mental', 'verification', 'eligibility', 'benefits', 'customer', 'precert', 'preauth', 'claims', 'ur', 'utilization', 'verify')) {
        return 'idOrPhone';
      }
      // The members' line is the plan's, but not the one a biller verifies benefits on.
      if (has(words, 'member', 'customer') && !has(words, 'provider', 'providers', 'behavioral', 'behavioural', 'bh', 'mh', 'mental', 'benefits', 'benefit', 'verification', 'eligibility', 'verify', 'vob', 'back', 'card', 'ins', 'insurance')) return 'servicePhone';
      return 'insPhone';
    }
    if (only(words, new Set(['phone', 'ph', 'tel', 'telephone', 'phn']))) return 'phone';
    if (words.length === 0 && hash) return null;
    if (has(words, 'phone', 'ph', 'tel', 'telephone', 'phn', 'cell', 'mobile')) return 'ignore';
  }

  // Member IDs.
  // ("DBN": TRICARE's DoD benefits number, the beneficiary's member number.)
  if (has(words, 'dbn') && only(words, new Set([...ID_WORDS, 'beneficiary', 'dod', 'benefits', 'number', 'no', 'sponsor', 'dependent']))) return 'memberId';
  if (has(words, 'id', 'identification', 'mbi', 'cin', 'bic', 'hicn', 'ident', 'uid', 'dcn') || (hash && only(words, ID_WORDS)) || (has(words, 'policy') && only(words, ID_WORDS))) {
    // "ProviderOne ID": Washington Medicaid's client ID, whatever "provider" says elsewhere.
    if (/\bprovider ?one\b/.test(joined) && only(words, new Set(['provider', 'one', 'providerone', 'id', 'client', 'number', 'no']))) return 'memberId';
    if (has(words, 'npi', 'tax', 'provider', 'facility', 'email', 'rx', 'state', 'drivers', 'driver', 'license', 'photo')) return 'ignore';
    if (only(words, ID_WORDS)) return 'memberId';
    // "UCare member ID": a member ID, whatever plan's name stands before it.
    // (The plan's name only before the words: "member ID U 4471" is the label "member ID" and its value.)
    const memberAt = words.findIndex((w) => ['member', 'mbr', 'mem', 'memb'].includes(w));
    const namedBefore = memberAt > 0 ? words.slice(0, memberAt) : [];
    // (Capitalised as a plan's name is, and no state's: "of Louisiana member ID" is the end of a payer's name, then the label.)
    if (memberAt > 0 && /^\s*\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)?\s+(?:member|mbr|mem|memb)\b/u.test(raw) && stateNamedIn(namedBefore.join(' ')) === null && !startsWithKnownPayer(namedBefore.join(' ')) && !has(namedBefore, 'prior', 'previous', 'old', 'former', 'past', 'termed', 'secondary', 'other', 'new', 'your', 'his', 'her', 'their', 'my') && namedBefore.length <= 2 && namedBefore.every((w) => /^[a-z][a-z&-]*$/.test(w)) && namedBefore.join('').length >= 3 && only(words.slice(memberAt), ID_WORDS) && has(words, 'id') && !has(words, 'student', 'employee', 'staff', 'house', 'booking', 'inmate', 'case', 'badge')) return 'memberId';
    // "OHP ID (Prime #)", "BCBS ID #": the ID on the plan the label names by its short name. (A payer's full
    // name, "Aetna ID: W123", is read as the payer and its ID.)
    const planWords = words.filter((w) => !ID_WORDS.has(w) && w !== 'number' && w !== 'no');
    if (planWords.length === 1 && words.indexOf(planWords[0]!) === 0 && PLAN_ABBREVIATIONS.has(planWords[0]!)) return 'memberId';
    // "Payor ID #: 521748036": the member's ID with the plan (a five-character EDI payer ID is set aside when read).
    if (has(words, 'payer', 'payor') && has(words, 'id') && only(words, new Set([...ID_WORDS, 'payer', 'payor', 'number', 'no']))) return 'memberId';
    return null;
  }

  // Subscriber names.
  if (isSub && !has(words, 'dob', 'address', 'phone', 'ssn', 'employer', 'email')) {
    if (has(words, 'first', 'fname', 'given') && has(words, 'last', 'lname', 'surname', 'family')) return 'subscriberName';
    if (has(words, 'first', 'fname', 'given')) return 'subscriberFirst';
    if (has(words, 'last', 'lname', 'surname', 'family')) return 'subscriberLast';
    const rest = words.filter((w) => !SUBSCRIBER_WORDS.includes(w) && w !== 'policyholder' && w !== 'name' && w !== 'policy' && w !== 'owner' && w !== 'info' && w !== 'insurance' && w !== 'ins' && w !== 'member' && w !== 'primary' && w !== 'party' && !(caseHead && /^(?:case|head|of|household)$/.test(w)));
    if (rest.length === 0 && !(words.length === 1 && words[0] === 'primary')) return 'subscriberName';
    if (rest.length === 0) return null;
  }

  // Payer.
  // A self-funded plan's third-party administrator (TPA) is the payer a biller calls.
  if (has(words, 'insurance', 'ins', 'carrier', 'payer', 'payor', 'insurer', 'tpa', 'administrator', 'mco', 'mcp') || joined === 'health plan' || joined === 'benefit plan' || joined === 'medical plan' || joined === 'plan name' || joined === 'insurance plan' || joined === 'coverage' || joined === 'medical insurance') {
    if (has(words, 'secondary', 'address', 'fax')) return 'ignore';
    if (only(words, new Set([...PAYER_WORDS, 'insurer', 'tpa', 'administrator', 'third', 'party']))) return 'payer';
  }

  // "Mailing City", "Home State/Province", "Mailing Zip/Postal Code": a piece of the address.
  const piece = words.filter((w) => !ADDRESS_QUALIFIERS.has(w));
  if (piece.length > 0 && piece.length < words.length && only(piece, ADDRESS_PIECE_WORDS)) {
    const hasCity = has(piece, 'city', 'town');
    const hasState = has(piece, 'state', 'province');
    const hasZip = has(piece, 'zip', 'zipcode', 'postal', 'postcode');
    if (hasCity && (hasState || hasZip)) return 'cityStateZip';
    if (hasCity) return 'city';
    if (hasState && hasZip) return 'cityStateZip';
    if (hasState) return 'state';
    if (hasZip) return 'zip';
  }
  if (only(words, new Set(['state', 'province'])) && has(words, 'province')) return 'state';
  // A system's key for one piece ("client_address_city", "patient.address.zip"): that piece.
  const systemPiece = words.filter((w) => !ADDRESS_QUALIFIERS.has(w) && w !== 'address' && w !== 'addr');
  if (systemPiece.length === 1 && systemPiece.length < words.length && has(words, 'address', 'addr')) {
    const w = systemPiece[0]!;
    if (w === 'city' || w === 'town') return 'city';
    if (w === 'state' || w === 'province') return 'state';
    if (w === 'zip' || w === 'zipcode' || w === 'postal' || w === 'postcode') return 'zip';
  }

  // "He lives at:", "Client resides at:", "Where we live:", "Staying with her sister at:", "Lives here now:".
  // ("Will live at:", "Will be staying at:": where the client goes on release or discharge.)
  if (/^(?:he |she |they |client |patient |pt )?(?:lives|resides|living|residing|staying|will (?:be )?(?:live|living|reside|residing|stay|staying))(?: at)?$/.test(joined)) return 'clientAddress';
  if (/^(?:where\s+(?:we|he|she|they|client|patient|pt)\s+(?:live|lives|stay|stays|is staying|are staying|reside|resides)|(?:currently\s+)?(?:lives|living|staying|stays|resides|residing)\s+(?:(?:with\s+(?:(?:his|her|their|a)\s+)?\w+|here|now|currently)\s*){1,3}(?:at)?)$/.test(joined)) return 'clientAddress';
  // "Whose insurance:", "Whose plan is it:": the value names who holds it.
  if (/^whose\s+(?:insurance|plan|policy|coverage|card)(?:\s+is\s+it)?$/.test(joined)) return 'subscriberName';

  // Address pieces.
  // ("Residential" alone is a level of care, "Timberline Lodge (residential)": only beside an address word is it one.)
  if (has(words, 'address', 'addr', 'street', 'residence', 'mailing', 'home', 'addy') && !has(words, 'email', 'ip', 'web')) {
    if (has(words, 'facility', 'center', 'office', 'billing', 'provider', 'insurance', 'ins', 'payer', 'claims', 'company', 'our', 'program')) return 'ignore';
    if (has(words, '2', 'line2', 'ii') && !has(words, '1')) return 'line2';
    if (isSub) return 'ignore';
    // ("Approved residence", "Address after release", "Discharge address": where the client will live.)
    const addrAllowed = new Set(['address', 'addr', 'street', 'residence', 'residential', 'mailing', 'home', 'addy', 'current', 'physical', 'local', 'permanent', 'line', '1', 'city', 'state', 'zip', 'st', 'full', 'approved', 'planned', 'release', 'after', 'upon', 'on', 'post', 'discharge', ...CLIENT]);
    if (!only(words, addrAllowed)) return null;
    if (has(words, 'city') && has(words, 'state')) return 'clientAddress';
    return isClient ? 'clientAddress' : 'address';
  }
  if (only(words, new Set(['apt', 'apartment', 'unit', 'suite', 'ste', 'line', '2', 'address2', 'addr2', 'bldg', 'building']))) return 'line2';
  if (has(words, 'city') && (has(words, 'state') || has(words, 'zip') || has(words, 'st'))) return 'cityStateZip';
  if (has(words, 'city', 'town') && only(words, new Set(['city', 'town', 'client', 'patient', 'pt']))) return 'city';
  if (has(words, 'state') && only(words, new Set(['state', 'st', 'client', 'patient', 'pt']))) return 'state';
  if (has(words, 'zip', 'zipcode', 'postal', 'postcode') && only(words, new Set(['zip', 'zipcode', 'postal', 'postcode', 'client', 'patient', 'pt', 'code', '4']))) return 'zip';
  if (joined === 'state zip' || joined === 'state and zip' || joined === 'st zip') return 'cityStateZip';

  // Client names.
  const nameWords = new Set([...CLIENT, 'name', 'legal', 'full']);
  // "Name (Last, First)": the whole name, in the written order.
  if (has(words, 'first', 'fname', 'given') && has(words, 'last', 'lname', 'surname', 'family') && only(words, new Set([...nameWords, 'first', 'fname', 'given', 'last', 'lname', 'surname', 'family', 'middle', 'mi', 'initial']))) return 'clientName';
  if (has(words, 'first', 'fname', 'given') && only(words, new Set([...nameWords, 'first', 'fname', 'given']))) return 'firstName';
  // "Family" alone is the family ("family is bringing her paperwork"); "Family name" is the last name.
  if (has(words, 'last', 'lname', 'surname', 'family') && !(words.length === 1 && words[0] === 'family') && only(words, new Set([...nameWords, 'last', 'lname', 'surname', 'family']))) return 'lastName';
  if (has(words, 'middle', 'mi', 'initial') && only(words, new Set([...nameWords, 'middle', 'mi', 'initial']))) return 'middleName';
  if (only(words, nameWords) && !hash) {
    if (words.length === 1 && words[0] === 'name') return 'name';
    if (has(words, 'member') && !has(words, 'name')) return null;
    return 'clientName';
  }
  return null;
}

const HEADING_TAIL = new Set(['information', 'info', 'details', 'detail', 'data', 'demographics', 'demographic', 'section', 'profile']);

/**
 * A heading line ("Client Information", "Insurance Info:", "Subscriber Details", "Client 2",
 * "Patient #1") and the section it opens, or null.
 */
/** "OLD - cancelled 12/15, do not use:", "Previous insurance (termed 12/31):": a plan that no longer counts. */
const OLD_PLAN_HEADING = /^\W*(?:(?:old|previous|prior|former|termed|terminated|cancel+ed|expired|inactive)\b(?:\s+(?:insurance|plan|coverage|ins))?\s*(?:[-–—:(,]|$)[^:]*|.*\bdo not use\b[^:]*):?\s*$/i;
/** "NEW - please verify:", "Current plan:": the plan that counts, after an old one. */
const NEW_PLAN_HEADING = /^\W*(?:new|current|active|primary)\b(?:\s+(?:insurance|plan|coverage|ins))?\s*(?:[-–—(]\s*(?:please\s+)?(?:verify|run|check|use)[^:]*|\(?\s*effective[^:]*)?:?\s*$/i;

/** "Mr. Sandvik's information:", "Anders's details": a heading for one person's values. */
const PERSONS_INFORMATION = /^((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)['’]s?\s+(?:information|info|details|demographics)\s*:?$/u;

/** "SECONDARY (FYI only)", "PART D (FYI only)", "Medigap - do not verify:": a plan given beside the one to verify. */
const FYI_PLAN_HEADING = /^\W*(?:secondary|tertiary|supplement(?:al)?|medigap|part\s+d|drug\s+plan|rx\s+plan|dental|vision)\b(?:\s+(?:insurance|plan|coverage|ins))?\s*[-–—(:,]\s*(?:fyi|for\s+your\s+(?:information|info|records)|info(?:rmation)?\s+only|do\s+not\s+(?:verify|run|use|bill)|don['’]t\s+(?:verify|run|use)|not\s+(?:to\s+)?(?:verify|run|be\s+verified))[^:]*:?\s*$/i;

export function classifyHeading(raw: string): Heading | null {
  if (raw.length > 60) return null;
  if (OLD_PLAN_HEADING.test(raw) || FYI_PLAN_HEADING.test(raw)) return { section: 'secondary', newClient: false };
  if (NEW_PLAN_HEADING.test(raw)) return { section: 'insurance', newClient: false };
  // "Mr. Sandvik's information:": the person a letter is about, by name (a relative or a role is not the client).
  const owner = PERSONS_INFORMATION.exec(raw.trim());
  if (owner && !hasRelationshipWord(owner[1]!) && !/^(?:subscriber|insured|policy\s*holder|guarantor|referral|referring|facility|provider|contact|emergency|parent|guardian|doctor|counselor|therapist|insurance|plan)\b/i.test(owner[1]!)) return { section: 'client', newClient: false };
  const plain = raw.toLowerCase().replace(/[*_=~\-–—:#.()[\]]+/g, ' ').replace(/\s+/g, ' ').trim();
  // "PART 1 - CLIENT", "Section B: Insurance": a form's numbered part, titled by its words.
  const t = plain.replace(/^(?:part|section|sect|step) (?:\d{1,2}|[a-h]|[ivx]{1,4}) (?=[a-z]{3})/, '');
  const numberedPart = t !== plain;
  if (t.length === 0) return null;
  // "FOR BOTH", "For all three kids:": a block of values every client shares, after the clients' own.
  if (/^(?:for|applies to|shared by|same for)\s+(?:both|all(?: (?:two|three|four|five))?|each)(?: (?:of them|clients|patients|kids|youth|siblings|children|members))?$|^(?:both|all) (?:clients|kids|youth|siblings|children)$/.test(t)) {
    return { section: 'insurance', newClient: true };
  }
  // "Client 2", "Patient #1", "2nd client", "Client one".
  if (/^(?:client|patient|pt|member|resident|person|individual|referral|vob|request)\s*(?:no\s*)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|[a-e])(?:\s+of\s+\d{1,2})?$/.test(t) || /^(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|next|another)\s+(?:client|patient|pt|member|person|referral|vob|resident|guy|girl|lady|gal|kid|one|admit)$/.test(t)) {
    return { section: 'client', newClient: true };
  }
  const words = t.split(' ');
  const core = words.filter((w) => !HEADING_TAIL.has(w) && !FILLER.has(w));
  const tail = numberedPart || words.some((w) => HEADING_TAIL.has(w));
  const joined = core.join(' ');
  if (/^(?:secondary(?: insurance| ins| coverage| plan)?)$/.test(joined)) return { section: 'secondary', newClient: false };
  if (!tail && words.length === 1 && ['demographics'].includes(joined)) return { section: 'client', newClient: false };
  if (!tail && !['client', 'patient', 'insurance', 'subscriber', 'policyholder', 'policy holder', 'referral', 'primary insurance', 'insured', 'guarantor', 'member', 'coverage', 'insurance coverage', 'personal', 'referral source'].includes(joined)) return null;
  if (/^(?:client|patient|pt|member|personal|resident|demographic|demographics|client demographic|patient demographic|client personal|patient personal)$/.test(joined)) return { section: 'client', newClient: false };
  // "SECTION A - APPLICANT", "OFFENDER INFORMATION", "GUEST DETAILS": whoever a form calls the client.
  const letterless = core.filter((w) => !/^[a-z]$/.test(w) && w !== 'section' && w !== 'part');
  if (tail && letterless.length === 1 && (CLIENT.has(letterless[0]!) || letterless[0] === 'offender' || letterless[0] === 'defendant')) return { section: 'client', newClient: false };
  if (/^(?:primary )?(?:insurance|ins|coverage|insurance coverage|payer|payor|plan|health plan|policy|benefits?)$/.test(joined)) return { section: 'insurance', newClient: false };
  if (/^(?:primary )?(?:subscriber|policyholder|policy holder|insured|guarantor|cardholder|card holder|responsible party|subscriber policyholder|subscriber policy holder|policy holder subscriber)$/.test(joined)) return { section: 'subscriber', newClient: false };
  if (/^(?:referral|referral source|referring facility|referring|facility|referral source facility)$/.test(joined)) return { section: 'referral', newClient: false };
  // Another titled block ("Contact Info", "Facility Details"): generic labels there are not the client's.
  if (tail && core.length > 0 && core.length <= 2 && !core.some((w) => /\d/.test(w)) && !core.some((w) => /^(?:is|are|here|missing|below|following|see|the|this|your|needed|requested|additional|more|other|some|updated|new)$/.test(w))) {
    return { section: 'other', newClient: false };
  }
  return null;
}
