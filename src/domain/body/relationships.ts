/**
 * Relationship words to the X12 270 value: the CLIENT's relationship to the subscriber.
 * A phrase can describe either person ("Subscriber: Mary Doe (Mother)" describes the
 * subscriber; "Relationship to subscriber: Daughter" describes the client), so callers say
 * which one the label points at, and phrases inside the value can override it.
 */
import type { Relationship } from '../../../schemas/vob-record';
import { withinOneEdit } from '../edit-distance';

/** Which person the relationship word describes. */
export type RelationDirection =
  /** The word says who the subscriber is to the client ("Mother" = subscriber is the mother). */
  | 'subscriber'
  /** The word says who the client is to the subscriber ("Daughter" = client is the daughter). */
  | 'client';

type Kin = 'self' | 'spouse' | 'parent' | 'offspring' | 'other';

const SELF = /^(?:self|same|same as (?:client|patient|pt|above|member)|client|patient|pt|the client|the patient|policy ?holder|subscriber|insured|primary|member|(?:client|pt) is (?:the )?(?:subscriber|policy ?holder|insured|primary)|patient is (?:the )?(?:subscriber|policy ?holder|insured)|subscriber is (?:the )?(?:client|patient)|herself|himself|themself|themselves|(?:he|she|they|the\s+[a-z]+)\s+(?:himself|herself|themselves|themself)|own|own policy|own insurance|their own|his own|her own|employee)$/i;

/** Long kin words people mistype ("huband", "daugther"); shorter ones have real-word neighbours. */
const TYPED_KIN = ['husband', 'daughter'];

/** A word naming a parent or grandparent ("Mom", "stepfather", "grandma"): who may hold a plan, or be the one a grown child writes about. */
export const PARENT_WORD = '(?:mom|mother|mum|dad|father|step-?(?:mom|mother|dad|father)|grand(?:ma|mother|pa|father))';
/** A word naming a spouse or partner. */
export const SPOUSE_WORD = '(?:husband|wife|spouse|partner)';
/** A relative who may hold the client's plan. */
export const HOLDER_KIN_WORD = `(?:${PARENT_WORD}|${SPOUSE_WORD})`;
/** A word naming a relative, for patterns that find a person by their relation ("his wife Dana"). */
export const KIN_WORD = `(?:${HOLDER_KIN_WORD}|parent|son|daughter|step-?(?:son|daughter)|grand(?:son|daughter)|brother|sister|aunt|uncle|guardian)`;

/** The text with mistyped long kin words spelled right, so every rule reads them. */
export function withKinTyposFixed(text: string): string {
  return text.replace(/\b[a-z]{6,9}\b/g, (w) => TYPED_KIN.find((k) => w !== k && withinOneEdit(w, k)) ?? w);
}

/**
 * "im Kelsey", "its my own medicaid", "Im the policy holder", "dont": contractions typed without
 * their apostrophe (phone keyboards, hurried mail), mended so the prose rules read them. Only
 * words that are no English word without it ("its" only before what "it's" is followed by).
 */
export function withContractionsMended(text: string): string {
  return text
    .replace(/\b([Ii])m(?=\s)/g, "$1'm")
    .replace(/\b([Ii])ve(?=\s)/g, "$1've")
    .replace(/\b([Ii]t|[Hh]e|[Ss]he|[Tt]hat|[Ww]hat|[Tt]here)s\s+(?=(?:my|his|her|their|our|a|an|the|through|thru|under|in|on|with|from|not|just|still|been|all|under|me|him|them)\b)/g, "$1's ")
    .replace(/\b((?:[Dd]o|[Dd]oes|[Dd]id|[Ii]s|[Ww]as|[Aa]re|[Hh]ave|[Hh]as|[Cc]ould|[Ww]ould|[Ss]hould)n|[Cc]an)t\b/g, "$1't")
    .replace(/\b([Tt]hey|[Yy]ou)re\b/g, "$1're")
    .replace(/\b([Ii]t)s\s+(?=\p{Lu}\p{Ll})/gu, "$1's ")
    // "my dads plan": a relative's, typed without the apostrophe.
    .replace(/\b((?:my|his|her|their|our)\s+(?:dad|mom|mum|father|mother|husband|wife|parent|step-?dad|step-?mom|grandma|grandpa))s\s+(?=(?:plan|insurance|policy|coverage|job|work|employer|card|name|house)\b)/gi, "$1's ");
}

/** "él mismo", "la paciente misma", "titular (ella misma)": the client holds the policy. */
const SPANISH_SELF = /^(?:titular\b|mism[oa]$)|(?:^|\s|\()(?:[ée]l|ella|(?:el|la)\s+(?:paciente|cliente))\s+mism[oa]\b/i;

function kinOfWord(text: string): Kin | null {
  const t = text.toLowerCase();
  if (/\bex[\s-]?(?:wife|husband|spouse|partner)\b/.test(t)) return 'other';
  // X12 keeps a life partner (53) apart from a spouse (01): the contract's "other".
  if (/\b(?:domestic|life)\s+partner\b|\bcivil union\b/.test(t)) return 'other';
  if (/\b(?:husband|wife|spouse|spousal|partner|married)\b/.test(t)) return 'spouse';
  // A guardian or foster parent is no parent in the plan's terms (X12: ward 15, foster child 10).
  if (/\b(?:grand(?:mother|father|parent|ma|pa|son|daughter|child)|aunt|uncle|niece|nephew|cousin|sibling|sister|brother|friend|boyfriend|girlfriend|fianc[eé]e?|other|roommate|employer|guardian|ward|foster\s+(?:mother|father|parent|child|son|daughter))\b/.test(t)) {
    return 'other';
  }
  if (/\b(?:mother|father|mom|mum|mommy|dad|daddy|parent|parents|step[\s-]?(?:mother|father|mom|dad|parent)|stepparent|adoptive (?:mother|father|parent))\b/.test(t)) {
    return 'parent';
  }
  if (/\b(?:son|daughter|child|children|kid|dependent|dependant|dep|step[\s-]?(?:son|daughter|child)|stepchild|minor)\b/.test(t)) return 'offspring';
  return null;
}

const CLIENT_WORD = '(?:client|patient|pt|member|consumer|resident)';
const SUB_WORD = '(?:subscriber|policy ?holder|insured|primary|card ?holder|guarantor|employee)';

/** Direction implied by the phrasing inside the value ("client's mother", "daughter of insured"). */
function phraseDirection(t: string): RelationDirection | null {
  const lower = t.toLowerCase();
  if (new RegExp(`\\b${CLIENT_WORD}(?:'s|s)?\\s+(?:is\\s+(?:the\\s+)?)?(?:${SUB_WORD}(?:'s|s)?\\s+)?(?:\\w+\\s+)?(?:son|daughter|child|dependent|wife|husband|spouse|mother|father|parent)`).test(lower)) {
    // "client is the subscriber's daughter" / "client is daughter" describe the client;
    // "client's mother" describes the subscriber.
    if (new RegExp(`\\b${CLIENT_WORD}(?:'s|s)\\s+(?!is\\b)`).test(lower)) return 'subscriber';
    return 'client';
  }
  if (new RegExp(`\\b(?:of|to)\\s+(?:the\\s+)?${CLIENT_WORD}\\b`).test(lower)) return 'subscriber';
  if (new RegExp(`\\b(?:of|to)\\s+(?:the\\s+)?${SUB_WORD}\\b`).test(lower)) return 'client';
  if (new RegExp(`\\b${SUB_WORD}(?:'s|s)\\s+(?!is\\b)`).test(lower)) return 'client';
  if (new RegExp(`\\b${SUB_WORD}\\s+is\\b`).test(lower)) return 'subscriber';
  return null;
}

/**
 * The X12 relationship for a value, given which person the label says the word describes.
 * Null when the value names no relationship (or is a placeholder).
 */
export function parseRelationship(value: string, direction: RelationDirection): Relationship | null {
  const t = value.trim().replace(/[.!;:]+$/, '').replace(/^[(\-–\s]+|[)\s]+$/g, '').trim();
  if (t.length === 0) return null;
  // "Rel code: 19": an X12 relationship code is always the dependent's (the client's) to the subscriber.
  const code = /^(?:code\s*)?(01|18|19|53|G8)$/i.exec(t);
  if (code) return X12_CODE[code[1]!.toUpperCase()] ?? null;
  // A biller's letter for the client's relation, as in a claim's box: "S" self, "SP" spouse, "C" child, "O" other.
  const letter = REL_LETTER.exec(t);
  if (letter) return REL_LETTERS[letter[1]!.toUpperCase()] ?? null;
  if (isChoiceList(t)) return null;
  // "( ) self (x) child ( ) spouse": the marked choice.
  const marked = MARKED_CHOICE.exec(t);
  if (marked && marked[1]!.trim() !== t) return parseRelationship(marked[1]!.trim(), direction);
  if (SELF.test(t) || /^self\b/i.test(t) || /\b(?:is|=)\s+(?:the\s+)?(?:self|same)\b/i.test(t) || SPANISH_SELF.test(t)) return 'self';
  const kin = kinOfWord(t);
  if (kin === null) return null;
  if (kin === 'self') return 'self';
  if (kin === 'spouse') return 'spouse';
  if (kin === 'other') return 'other';
  const dir = phraseDirection(t) ?? direction;
  if (kin === 'parent') return dir === 'subscriber' ? 'child' : 'other';
  return dir === 'client' ? 'child' : 'other';
}

/** A form's mark on a choice: "(x)", "[X]", "☒", "◉". */
const CHOICE_MARK = /[[(]\s*[xX✓✔]\s*[\])]|[☒☑✓✔◉●■]/u;
const MARKED_CHOICE = new RegExp(`(?:${CHOICE_MARK.source})\\s*([\\p{L}][\\p{L} -]*)`, 'u');

/** The client's relation by a biller's letter code (upper-case alone, so "s" or "c" in a sentence is no code). */
export const REL_LETTER = /^(S|SP|Sp|sp|C|CH|Ch|ch|D|DEP|Dep|O|OTH|Oth)$/;
const REL_LETTERS: Record<string, Relationship> = { S: 'self', SP: 'spouse', C: 'child', CH: 'child', D: 'child', DEP: 'child', O: 'other', OTH: 'other' };

const X12_CODE: Record<string, Relationship> = { '01': 'spouse', '18': 'self', '19': 'child', '53': 'other', G8: 'other' };

/**
 * "Self / Spouse / Child / Other", "18 self | 01 spouse | 19 child": the choices a form offers
 * (or its code key), none of them marked, are no answer.
 */
function isChoiceList(t: string): boolean {
  if (CHOICE_MARK.test(t)) return false;
  const kinds = new Set(t.split(/\s*(?:[|\t/,;]|\s{2,})\s*/).map((part) => (SELF.test(part.replace(/^\w?\d+\s+/, '')) || /^\w?\d*\s*self$/i.test(part) ? 'self' : kinOfWord(part))).filter((k) => k !== null));
  return kinds.size >= 3;
}

const MARKED_YES_NO = new RegExp(`(?:${CHOICE_MARK.source})\\s*(yes|no|y|n)\\b`, 'iu');

/**
 * The answer to "Is the client the policy holder?": "Yes", "[X] Yes [ ] No", "No - her father,
 * Tom Reyes" (yes: false, rest: who holds it), or unanswered boxes (yes: null). Null when the
 * value is no yes or no.
 */
export function yesNoAnswer(value: string): { yes: boolean | null; rest: string } | null {
  const t = value.trim();
  const marked = MARKED_YES_NO.exec(t);
  if (marked) return { yes: /^y/i.test(marked[1]!), rest: '' };
  if (/^(?:[[(]\s*[\])]|[☐□○])\s*(?:yes|y)\b.*(?:[[(]\s*[\])]|[☐□○])\s*(?:no|n)\b/i.test(t)) return { yes: null, rest: '' };
  // ("N/A" is no answer but a placeholder.)
  const plain = /^(yes|yep|yeah|y|correct|true|no|nope|n|false)(?![\w/'’])[\s,.;:!–—-]*(.*)$/i.exec(t);
  if (!plain) return null;
  return { yes: /^(?:y|correct|true)/i.test(plain[1]!), rest: plain[2]!.trim() };
}

/** True when a subscriber value means "the client is the subscriber" ("Self", "Same", "Client"). */
export function isSelfValue(value: string): boolean {
  // "Mr. Oakes himself on both": the client by name, then "himself"; which plans it holds for is no part of it.
  const t = value.trim().replace(/[.!]+$/, '').replace(/^\(|\)$/g, '').replace(/\s+(?:on|for)\s+(?:both|all|each)(?:\s+(?:plans|policies))?$/i, '').trim();
  return SELF.test(t) || /^(?:self|same)\b/i.test(t) || SPANISH_SELF.test(t) || /^(?:(?:mr|mrs|ms|dr)\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:himself|herself|themselves|themself)$/u.test(t);
}

/** True when the text contains a relationship word at all. */
export function hasRelationshipWord(text: string): boolean {
  return kinOfWord(text) !== null || isSelfValue(text);
}
