/**
 * Scores the whole pipeline on fixture sets of `NN-slug.eml` + `NN-slug.expected.json` (the
 * contract document restricted to the fields the set states): per-field accuracy, whole
 * messages right, and the automatic reply's precision and recall, the one number that must be
 * 100% (a reply asking a center for data it sent is the error a center notices).
 *
 *   node dist/scripts/blind-score.js [SET_DIR ...]     (default: every fixtures/blind-messages*)
 *
 * Prints counts only, never field values (they would be PHI on real mail); `--list` names the
 * files with a wrong reply or field, by file name and field path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { VobDocument, VobRequest } from '../schemas/vob-record';
import { createCardReader } from '../src/adapters/ocr/card-reader';
import { extractMessage } from '../src/pipeline/extract-message';

const ROOT = path.join(__dirname, '..', '..');

type Expected = { requests: Record<string, unknown>[]; reply: { send: boolean; reason: string } };

const REQUEST_FIELDS: readonly (readonly [string, (r: Record<string, any>) => unknown])[] = [
  ['client.name', (r) => r.client?.name],
  ['client.dob', (r) => r.client?.dob],
  ['client.address', (r) => r.client?.address],
  ['insurance.payerName', (r) => r.insurance?.payerName],
  ['insurance.memberId', (r) => r.insurance?.memberId],
  ['insurance.groupNumber', (r) => r.insurance?.groupNumber],
  ['insurance.phone', (r) => r.insurance?.phone],
  ['subscriber.name', (r) => r.subscriber?.name],
  ['subscriber.relationship', (r) => r.subscriber?.relationship],
  ['referredBy', (r) => r.referredBy],
  ['card.attached', (r) => r.card?.attached],
  ['missingFields', (r) => r.missingFields],
];

export interface SetScore {
  set: string;
  messages: number;
  messagesRight: number;
  fieldsRight: number;
  fields: number;
  /** Replies sent that should have been, of all sent; and of all that should have been. */
  repliesSent: number;
  repliesWrong: number;
  repliesDue: number;
  repliesDueSent: number;
  missingListed: number;
  missingRight: number;
  wrong: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function scoreSet(dir: string, cardReader = createCardReader()): Promise<SetScore> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml') && fs.existsSync(path.join(dir, f.replace(/\.eml$/, '.expected.json')))).sort();
  const score: SetScore = { set: path.basename(dir), messages: 0, messagesRight: 0, fieldsRight: 0, fields: 0, repliesSent: 0, repliesWrong: 0, repliesDue: 0, repliesDueSent: 0, missingListed: 0, missingRight: 0, wrong: [] };
  for (const file of files) {
    const expected = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.eml$/, '.expected.json')), 'utf8')) as Expected;
    let document: VobDocument;
    try {
      ({ document } = await extractMessage(fs.readFileSync(path.join(dir, file)), { cardReader, replyPolicy: { ownAddresses: [], allowedSenderDomains: [] } }));
    } catch (err) {
      score.messages++;
      score.fields += 1 + expected.requests.length * REQUEST_FIELDS.length;
      score.wrong.push(`${file}: crashed (${(err as Error).message.slice(0, 80)})`);
      continue;
    }
    score.messages++;
    const wrongHere: string[] = [];
    const tally = (what: string, ok: boolean): void => {
      score.fields++;
      if (ok) score.fieldsRight++;
      else wrongHere.push(what);
    };
    tally('request count', document.requests.length === expected.requests.length);
    expected.requests.forEach((want, i) => {
      const got = document.requests[i] as VobRequest | undefined;
      for (const [name, get] of REQUEST_FIELDS) tally(`[${i}].${name}`, got !== undefined && same(get(got as any), get(want)));
    });
    document.requests.forEach((got, i) => {
      const want = (expected.requests[i]?.missingFields as string[] | undefined) ?? [];
      for (const f of got.missingFields) {
        score.missingListed++;
        if (want.includes(f)) score.missingRight++;
      }
    });
    if (document.reply.send) score.repliesSent++;
    if (expected.reply.send) score.repliesDue++;
    // A reply that goes out is wrong when none was due, and also when it asks for anything the
    // center did send (a field not truly missing, or a client read as two).
    const asked = new Set(document.requests.flatMap((r) => r.missingFields as string[]));
    const trulyMissing = new Set(expected.requests.flatMap((r) => r.missingFields as string[]));
    const asksForSent = [...asked].some((f) => !trulyMissing.has(f)) || document.requests.length !== expected.requests.length;
    if (document.reply.send && !expected.reply.send) {
      score.repliesWrong++;
      wrongHere.push('reply sent wrongly');
    } else if (document.reply.send && asksForSent) {
      score.repliesWrong++;
      wrongHere.push('reply asks for what was sent');
    }
    if (document.reply.send && expected.reply.send && !asksForSent) score.repliesDueSent++;
    if (!document.reply.send && expected.reply.send) wrongHere.push('reply not sent');
    if (wrongHere.length === 0) score.messagesRight++;
    else score.wrong.push(`${file}: ${wrongHere.join(', ')}`);
  }
  return score;
}

const pct = (a: number, b: number): string => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1)}%`);

export function formatScore(s: SetScore): string {
  return [
    s.set.padEnd(32),
    `${String(s.messages).padStart(3)} msgs`,
    `fields ${pct(s.fieldsRight, s.fields).padStart(6)}`,
    `msgs right ${String(s.messagesRight).padStart(3)}/${s.messages}`,
    `replies sent ${s.repliesSent} (${s.repliesWrong} wrong, precision ${pct(s.repliesSent - s.repliesWrong, s.repliesSent)})`,
    `recall ${pct(s.repliesDueSent, s.repliesDue)} of ${s.repliesDue}`,
    `missingFields precision ${pct(s.missingRight, s.missingListed)}`,
  ].join('  ');
}

export function blindSetDirs(): string[] {
  const fixtures = path.join(ROOT, 'fixtures');
  return fs.readdirSync(fixtures).filter((d) => d.startsWith('blind-messages')).sort().map((d) => path.join(fixtures, d));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const list = args.includes('--list');
  const dirs = args.filter((a) => !a.startsWith('--'));
  const cardReader = createCardReader();
  const totals: SetScore = { set: 'all', messages: 0, messagesRight: 0, fieldsRight: 0, fields: 0, repliesSent: 0, repliesWrong: 0, repliesDue: 0, repliesDueSent: 0, missingListed: 0, missingRight: 0, wrong: [] };
  try {
    for (const dir of dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : blindSetDirs()) {
      const s = await scoreSet(dir, cardReader);
      console.log(formatScore(s));
      if (list) for (const w of s.wrong) console.log(`    ${w}`);
      for (const k of Object.keys(totals) as (keyof SetScore)[]) if (typeof totals[k] === 'number') (totals[k] as number) += s[k] as number;
    }
    console.log(formatScore(totals));
  } finally {
    await cardReader.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
