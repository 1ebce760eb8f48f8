/**
 * The client of a message told as a story, where no label and no sentence rule named them. Pure:
 * the newest text, its writer and the records read from it in; the records out.
 */
import type { BodyRequest } from './body-request';
import type { Writer } from './writer';
import { escapeRegExp } from '../escape-regexp';
import { KIN_WORD } from './relationships';
import { findPayers } from '../card/payers';

/** "Marcus is 28 and was born on ...", "Tobias is 37; he was born", "Jolene just turned thirty-one": a first name said with the age or birth. */
const FIRST_NAME_WITH_BIRTH = /\b(\p{Lu}\p{Ll}+)\s+(?:is\s+\d{1,2}\b|was born\b|(?:just\s+)?turned\s+\w+|['’]s\s+(?:birthday|date of birth|dob)\b)/u;

const GENERIC_FIRST_WORD = /^(?:She|He|They|It|This|That|The|Client|Patient|Member|Mom|Dad|Mother|Father|Son|Daughter|Her|His|Insurance|Policy|Plan|Card|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Is|Was|And|But)$/;

/**
 * A story names the client in full once ("I spoke with Marcus Ellery and his father") and then by
 * first name where it gives the age or birth ("Marcus is 28 and was born on June 30, 1998"): with
 * no client name read, that full name is the client's. Failing that, a story about one person
 * ("Annika Sorvino called our line ... Her birthday is ...") names the client in that person.
 */
export function withClientNamedInStory(newText: string, writer: Writer | null, records: BodyRequest[]): BodyRequest[] {
  if (records.length !== 1 || records[0]!.client.name !== null) return records;
  const name = fullNameOfFirstName(newText) ?? onePersonOfStory(newText, writer, records[0]!);
  if (name === null) return records;
  const r = records[0]!;
  const subscriber = r.subscriber.relationship === 'self' && r.subscriber.name === null ? { ...r.subscriber, name } : r.subscriber;
  return [{ ...r, client: { ...r.client, name }, subscriber }];
}

function fullNameOfFirstName(newText: string): string | null {
  const first = FIRST_NAME_WITH_BIRTH.exec(newText)?.[1];
  if (first === undefined || GENERIC_FIRST_WORD.test(first)) return null;
  // "Samantha Nora O'Connell-Hart": a middle name, and a surname with its O' or Mc.
  const full = new RegExp(`\\b${escapeRegExp(first)}(?:\\s+\\p{Lu}\\.|\\s+\\p{Lu}\\p{Ll}+(?=\\s+(?:O['’]|Mc|Mac)?\\p{Lu}\\p{Ll}))?\\s+((?:O['’]|Mc|Mac)?\\p{Lu}[\\p{Ll}'’-]+(?:-\\p{Lu}\\p{Ll}+)?)\\b(?!['’]s\\b)`, 'u').exec(newText);
  return !full || GENERIC_FIRST_WORD.test(full[1]!) || full[0].split(/\s+/).slice(1).some((w) => GENERIC_FIRST_WORD.test(w)) ? null : full[0];
}

/** A person's full name in running text: "Annika Sorvino", "Priya Chandramouli", "Mary-Kate O'Neil". */
const FULL_NAME = /(?<!\p{Lu}[\p{L}'’.-]*\s)\b(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\.)?\s+(?:O['’]|Mc|Mac|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?!\s*\p{Lu}|[\p{L}'’-])/gu;
/** Someone named by their title or their relation to the client is not the client: "Dr. Feld", "her stepdad Ray Lindqvist". */
const NOT_THE_CLIENT_BEFORE = new RegExp(`(?:\\b(?:dr|mr|mrs|ms|miss|nurse|judge|officer|attn|cc|call|contact|reach|ask\\s+for|with\\s+regards|thanks|thank\\s+you|regards|hi|hello|dear)\\.?|\\b${KIN_WORD}(?:['’]s)?(?:\\s+(?:is|was))?|\\bI(?:['’]m|\\s+am)|\\b(?:is|was)\\s+(?:a|an|the|our|my|his|her)\\s+\\w+|:[ \\t]*|\\d)\\s*$`, 'i');
/** "Brenda Castellano about her son Dominic": a person whose own relative the story is about; "Jo Smith at 555-...": a contact. */
const NOT_THE_CLIENT_AFTER = new RegExp(`^\\s*(?:['’]s\\b|,?\\s*(?:about|and|with|for)?\\s*(?:her|his|their)\\s+${KIN_WORD}|,?\\s*(?:our|my|the|a|an)\\s+\\w+|\\s*(?:at|on)\\s+[\\d(+]|\\s*\\(?[\\w.+-]+@|\\s*(?:[-–—,|(]\\s*)?(?:MD|DO|RN|LCSW|LPC|NP|PA|LMFT|CADC|CEO|director|coordinator|therapist|counselor|case\\s+manager)\\b)`, 'i');
/** The story speaks of its one person in the third person. */
const THIRD_PERSON = /\b(?:she|he|her|his|him)\b/i;

/**
 * The one person a story names in full, when the record read from it already says who they are in
 * some other way (a birth date, an address or a plan) and nobody else is named without a title or
 * relation. The writer, a titled doctor and a named relative do not count; a person named beside
 * their own relative, or as a contact, leaves the story's client unknown.
 */
function onePersonOfStory(newText: string, writer: Writer | null, r: BodyRequest): string | null {
  if (r.client.dob === null && r.client.address === null) return null;
  // A named subscriber who is (or may be) the client names the client later, from the policy.
  if (r.subscriber.name !== null && r.subscriber.relationship !== 'child' && r.subscriber.relationship !== 'spouse' && r.subscriber.relationship !== 'other') return null;
  if (!THIRD_PERSON.test(newText)) return null;
  const people = new Map<string, string>();
  for (const m of newText.matchAll(FULL_NAME)) {
    const name = m[1]!.replace(/\s+/g, ' ');
    const [first, ...rest] = name.split(' ');
    if (GENERIC_FIRST_WORD.test(first!) || rest.some((w) => GENERIC_FIRST_WORD.test(w) || CENTER_OR_PLACE.test(w))) continue;
    // ("Medicare Advantage", "Clover Health": a plan's name.)
    if (findPayers(name).length > 0) continue;
    if (writer?.name && samePerson(name, writer.name)) continue;
    if (r.subscriber.name !== null && r.subscriber.relationship !== 'self' && samePerson(name, r.subscriber.name)) continue;
    const before = newText.slice(Math.max(0, m.index! - 30), m.index!);
    if (NOT_THE_CLIENT_BEFORE.test(before)) continue;
    // "Rx Grp: OZK01": a label, not a person; "Fort Collins, CO": a place.
    if (/^\s*(?:[:#]|,?\s*(?:[A-Z]{2}\b|\d{5}))/.test(newText.slice(m.index! + m[0].length))) continue;
    if (NOT_THE_CLIENT_AFTER.test(newText.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) return null;
    people.set(name.toLowerCase(), name);
  }
  return people.size === 1 ? [...people.values()][0]! : null;
}

/** Second words that make a capitalised pair a place, a center or a plan, not a person. */
const CENTER_OR_PLACE = /^(?:St|Ave|Rd|Dr|Ln|Apt|Ste|Suite|Unit|Blvd|Recovery|Center|Centre|Counseling|Clinic|Hospital|Treatment|Detox|Health|Behavioral|Services|Program|House|Lodge|Unit|Medicine|Wellness|Institute|Court|Agency|Residential|Healthcare|Medical|Street|Avenue|Road|Drive|Lane|Way|Court|Place|Boulevard|Ter|Terrace|Ct|Cir|Circle|Blvd|Pkwy|Parkway|Hwy|Highway|Trail|Trl|Pl|Square|Row|Run|Pike|Blue|Cross|Shield|Care|Plan|Insurance|Medicaid|Medicare|Group|Team|Office|Department|County|City|Valley|Ridge|Springs|Landing|Hill|Hills|Creek|Point|Park|Crossing|Bend|Village|Commons|Campus|Crest|Heights|Manor|Gardens|Advantage|Supplement|Choice|Select|Complete|Partners|Network|Alliance)$/;

function samePerson(a: string, b: string): boolean {
  const ta = a.toLowerCase().split(/\s+/);
  const tb = b.toLowerCase().split(/\s+/);
  return ta[ta.length - 1] === tb[tb.length - 1] && ta[0] === tb[0];
}
