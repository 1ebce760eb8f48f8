/**
 * The message's writer, for a subscriber stated in the first person ("I am the policy holder"):
 * the client writing for themselves is their own subscriber; a parent or spouse writing holds
 * the policy the client is on. Pure: the message text and the From display name in.
 */
import type { Relationship } from '../../../schemas/vob-record';
import { nameTokens } from '../answer-matching';

/** A subscriberName value meaning "the writer"; resolved by normalizeRecord with the Writer. */
export const WRITER_MARKER = '\u0000writer';

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

const OWN_CARD = /\b(?:it['’]?s|it\s+is|here['’]?s|here\s+is|attached\s+is)\s+my\s+(?:own\s+)?(?:\w+\s+)?(?:insurance\s+)?card\b|\bcard\s+is\s+in\s+my\s+name\b/i;

export function writerOf(text: string, fromName: string | null): Writer {
  // "I'm her stepmom" says who the writer is to the client; "my husband Dale and I" may name someone else.
  const said = [...text.matchAll(new RegExp(WRITER_RELATION.source, 'gi'))];
  const rel = said.find((m) => /^I/i.test(m[0])) ?? said[0] ?? null;
  // "Marsh, Angela": a directory's last-name-first display name, read in the order people write it.
  const display = fromName?.trim().replace(/^(\p{Lu}[\p{L}'’-]+),\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}\.?)?)$/u, '$2 $1') ?? null;
  const name = display && /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(display) ? display : null;
  return {
    name,
    // "its my medicaid card": the writer's own card is the client's only when nobody else is the writer's client ("my son").
    isClient: WRITES_FOR_SELF.test(text) || (rel === null && OWN_CARD.test(text)),
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
  return a.length >= 2 && b.length >= 2 && a[a.length - 1] === b[b.length - 1] && a[0]![0] === b[0]![0];
}
