/**
 * Two clients on one plan, the holder among them: "#2 Brianna Hale - his wife ... she's on his
 * plan", "Tina is Robert's wife and is covered under his plan", "Ava Alves (Renata's daughter)".
 * The client who holds the plan is the other client's subscriber. Pure.
 */
import type { BodyRequest } from './body-request';
import { escapeRegExp } from '../escape-regexp';
import { KIN_WORD, parseRelationship } from './relationships';

/** Words that say the clients share a plan ("same insurance", "on his plan", "covered under her mom's plan"). */
const PLAN_SHARED = /\b(?:same\s+(?:insurance|plan|policy|coverage)|both\s+(?:on|under)|(?:on|under|through)\s+(?:his|her|their|\p{Lu}\p{Ll}+['’]s)\s+(?:[\p{L}-]+['’]s\s+)?(?:plan|policy|insurance|coverage)|covered\s+(?:under|on|through)\s+(?:his|her|their))\b/iu;

const firstName = (name: string): string => name.trim().split(/\s+/)[0]!.replace(/,$/, '');

/** How the text relates `client` to `holder`, in the client's words: "wife", "daughter"; null when it does not. */
function kinToHolder(text: string, client: string, holder: string, onlyHolder: boolean): string | null {
  const c = escapeRegExp(firstName(client));
  const h = escapeRegExp(firstName(holder));
  // ("Tina is Robert's wife", "Ava Alves (Renata's daughter)", "Brianna Hale - his wife" with one holder.)
  const whose = onlyHolder ? `(?:${h}(?:\\s+\\p{Lu}[\\p{L}'’-]+)?['’]s|his|her)` : `${h}(?:\\s+\\p{Lu}[\\p{L}'’-]+)?['’]s`;
  const patterns = [
    new RegExp(`\\b${c}(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}\\s+is\\s+${whose}\\s+(${KIN_WORD})\\b`, 'u'),
    new RegExp(`\\b${c}(?:\\s+\\p{Lu}\\.?[\\p{L}'’-]*){0,2}\\s*(?:\\(|[-–—]\\s*)${whose}\\s+(${KIN_WORD})\\b`, 'u'),
  ];
  const said = new Set(patterns.flatMap((p) => [...text.matchAll(new RegExp(p.source, 'gu'))].map((m) => m[1]!.toLowerCase())));
  return said.size === 1 ? [...said][0]! : null;
}

/** Each client with no holder of their own, said to be on another client's plan, takes that client as subscriber. */
export function withHolderAmongClients(text: string, records: BodyRequest[]): BodyRequest[] {
  if (records.length < 2 || !PLAN_SHARED.test(text)) return records;
  const holders = records.filter((r) => r.client.name !== null && r.subscriber.relationship === 'self');
  return records.map((r) => {
    if (r.client.name === null || r.subscriber.relationship === 'self') return r;
    // "Who is the policy holder? His wife, Marisol (Client 1)": a first name that is another client's.
    const named = r.subscriber.name;
    if (named !== null) {
      const other = records.find((o) => o !== r && o.client.name !== null && !/\s/.test(named.trim()) && firstName(o.client.name).toLowerCase() === named.trim().toLowerCase());
      return other ? { ...r, subscriber: { ...r.subscriber, name: other.client.name } } : r;
    }
    const found = holders
      .filter((h) => h !== r)
      .map((h) => ({ h, kin: kinToHolder(text, r.client.name!, h.client.name!, holders.length === 1) }))
      .filter((x) => x.kin !== null);
    if (found.length !== 1) return r;
    const { h, kin } = found[0]!;
    const relationship = r.subscriber.relationship ?? parseRelationship(kin!, 'client');
    return { ...r, subscriber: { name: h.subscriber.name ?? h.client.name, relationship } };
  });
}
