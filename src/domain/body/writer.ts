/**
 * The message's writer, for a subscriber stated in the first person ("I am the policy holder"):
 * the client writing for themselves is their own subscriber; a parent or spouse writing holds
 * the policy the client is on. Pure: the message text and the From display name in.
 */
import type { Relationship } from '../../../schemas/vob-record';
import { nameTokens } from '../answer-matching';

/** A subscriberName value meaning "the writer"; resolved by normalizeRecord with the Writer. */
export const WRITER_MARKER = '\u0000writer';

/** "Who is the primary insurance holder? Myself", "Policy holder: me": an answer that names the writer. */
export function namesTheWriter(value: string): boolean {
  return /^\s*(?:me|myself|mine|i\s+am|i\s+do)\s*[.!]?\s*$/i.test(value);
}

export interface Writer {
  /** The From display name, when it looks like a person's. */
  name: string | null;
  /** The message says the writer is the client ("writing for myself", "my benefits"). */
  isClient: boolean;
  /** Who the client is to the writer ("my son" → child, "my husband" → spouse). */
  relationToClient: Relationship | null;
}

const WRITES_FOR_SELF =
  /\b(?:(?:for|about)\s+myself|my\s+own\s+(?:benefits|insurance|coverage|plan|policy)|(?:here['’]?s|here\s+is|this\s+is|sending)\s+my\s+insurance(?:\s+(?:info|information|card))?|my\s+(?:benefits|coverage)\s+(?:can|could|checked|verified)|I(?:['’]m|\s+am)\s+(?:the\s+)?(?:client|patient)|(?:before|when)\s+I\s+(?:start|begin|come\s+in|admit)|I\s+(?:want|need|would\s+like)\s+to\s+(?:start|enter|get\s+into|come\s+in))\b/i;
/** "my son", "he's my husband", "I'm her mother", "my grandson": who the client is to the writer, by group name. */
const WRITER_RELATION =
  /\b(?:my|our)\s+(?:(?<child>son|daughter|child|kid|stepson|stepdaughter|boy|girl)|(?<spouse>husband|wife|spouse|partner)|(?<other>grandson|granddaughter|grandchild|grandkid|nephew|niece|brother|sister|cousin|ward|foster\s+(?:son|daughter|child)))\b|\bI(?:['’]m|\s+am|\s+have\s+been)\s+(?:[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2},\s+)?(?:his|her|their)\s+(?:(?<parent>mother|mom|father|dad|parent|stepmother|stepfather|stepmom|stepdad|step-mom|step-dad)|(?<spouse2>husband|wife|spouse|partner)|(?<other2>(?:legal\s+)?guardian|grand(?:mother|father|ma|pa|parent)|aunt|uncle|sister|brother|cousin|foster\s+(?:mother|father|parent)))\b/i;

/** "I'm on my husband's plan", "The client is me", "I'm supposed to admit to Coral Pink": the writer is the one going in, whoever else is named. */
const WRITER_GOES_IN =
  /\b(?:[Tt]he\s+(?:client|patient)\s+is\s+me|[Ii](?:['’]m|\s+am)\s+(?:on|under|covered\s+(?:on|under|by|through))\s+my\s+[\p{L}-]+['’]s?\s+(?:\w+\s+)?(?:plan|insurance|policy|coverage)|[Ii](?:['’]m|\s+am|['’]ll\s+be|\s+will\s+be)\s+(?:the\s+one\s+)?(?:supposed\s+to\s+|going\s+to\s+|scheduled\s+to\s+|hoping\s+to\s+|about\s+to\s+)?(?:admit(?:ting)?|go(?:ing)?\s+in(?:to)?|check(?:ing)?\s+in(?:to)?|enter(?:ing)?)\s+(?:to\s+|at\s+)?(?:detox|treatment|rehab|residential|\p{Lu}))/u;

const OWN_CARD =
  /\b(?:it['’]?s|it\s+is|here['’]?s|here\s+is|attached\s+is)\s+my\s+(?:own\s+)?(?:\w+\s+)?(?:insurance\s+)?card\b|\bcard\s+is\s+in\s+my\s+name\b|\b(?:verify(?:ing)?|check(?:ing)?|run(?:ning)?)\s+my\s+(?:insurance|coverage|benefits|card)\b|\bmy\s+(?:insurance|coverage|benefits)\s+(?:checked|verified|run)\b|\b(?:pics?|pictures?|photos?|copies|a\s+copy)\s+of\s+my\s+(?:insurance\s+)?cards?\b|\b(?:send|e-?mail|text|forward)\s+(?:you\s+)?my\s+(?:insurance\b|card\b|info\b|information\b|details\b)/i;

/**
 * "Hi this is Delaney Okafor.", "My name is Mireya Soledad Galván.", "Me: Naledi Grace Thorsby,",
 * "The client is me: Tobias Erik Lindqvist": the name the writer gives themselves, fuller than
 * the From line's and the only one when writing from someone else's account.
 */
const STATED_NAME =
  /(?:^|[.!?]\s+|\n\s*|^(?:[Hh]i|[Hh]ello|[Hh]ey|[Gg]ood\s+\w+)[,!]?\s+)(?:(?:[Hh]i|[Hh]ello|[Hh]ey)[,!]?\s+)?(?:[Tt]his\s+is|I['’]m|I\s+am|[Mm]y\s+name\s+is|[Mm]y\s+name['’]s|[Tt]he\s+(?:client|patient)\s+is\s+me\s*[:,-]|[Mm]e\s*:)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.?(?=\s))?(?:\s+\p{Lu}[\p{L}'’-]+){1,3})(?=\s*(?:[.,!;:(\n]|\s-\s|\s+and\s|\s+here\b|$))/mu;
const NOT_A_NAME_WORD = /^(?:Not|Going|Just|So|Sorry|Also|Writing|Calling|Reaching|Looking|Trying|Hoping|Currently|The|A|An|In|On|At|With|From|Still|Now|Here|Very|Really|Medicaid|Medicare|Blue|Aetna|Cigna|Humana|Molina|Kaiser|United|Anthem|Tricare)$/;

function statedName(text: string): string | null {
  const m = STATED_NAME.exec(text);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  return words.some((w) => NOT_A_NAME_WORD.test(w)) ? null : m[1]!;
}

/** The fuller of the stated and display names when they are one person; the stated one when not. */
function writerName(stated: string | null, display: string | null): string | null {
  if (stated === null) return display;
  if (display === null) return stated;
  const a = nameTokens(stated);
  const b = nameTokens(display);
  const same = a[a.length - 1] === b[b.length - 1] && a[0] === b[0];
  return same && b.length > a.length ? display : stated;
}

export function writerOf(text: string, fromName: string | null): Writer {
  // "I'm her stepmom" says who the writer is to the client; "my husband Dale and I" may name someone else.
  const said = [...text.matchAll(new RegExp(WRITER_RELATION.source, 'gi'))];
  const rel = said.find((m) => /^I/i.test(m[0])) ?? said[0] ?? null;
  // "Marsh, Angela": a directory's last-name-first display name, read in the order people write it.
  const display = fromName?.trim().replace(/^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}\.?)?)$/u, '$2 $1') ?? null;
  const name = display && /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(display) ? display : null;
  return {
    name: writerName(statedName(text), name),
    // "its my medicaid card": the writer's own card is the client's only when nobody else is the writer's client ("my son").
    isClient: WRITES_FOR_SELF.test(text) || WRITER_GOES_IN.test(text) || (rel === null && OWN_CARD.test(text)),
    relationToClient: relationOf(rel?.groups),
  };
}

function relationOf(groups: Record<string, string | undefined> | undefined): Relationship | null {
  if (!groups) return null;
  if (groups.child || groups.parent) return 'child';
  if (groups.spouse || groups.spouse2) return 'spouse';
  return groups.other || groups.other2 ? 'other' : null;
}

/** The writer's name is the client's ("Roz Abernathy" for "Rosalind M. Abernathy"): last name and first initial. */
export function isWriterTheClient(writer: Writer, clientName: string | null): boolean {
  if (writer.isClient) return true;
  if (writer.name === null || clientName === null) return false;
  const a = nameTokens(writer.name);
  const b = nameTokens(clientName);
  // ("Graciela Archuleta" for "Graciela Archuleta-Funes": one half of a joined surname.)
  const shared = b.slice(1).includes(a[a.length - 1]!) || a.slice(1).includes(b[b.length - 1]!);
  return a.length >= 2 && b.length >= 2 && shared && a[0]![0] === b[0]![0];
}
