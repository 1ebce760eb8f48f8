/**
 * Extraction bench (a script, not a test): per-field accuracy of the whole pipeline on
 * fixtures/emails/*.eml against their expected documents, time per message (warm, in
 * process), cold `vob extract` wall time of a message with two card photos, then the OCR
 * bench (per-image time, pool images/s, native tesseract beside it). Between them, every blind
 * set's score with the automatic reply's precision and recall (scripts/blind-score.ts).
 *
 *   npm run bench:extract
 *
 * Prints counts and timings only, never field values (they are PHI on real mail).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { VobDocument, VobRequest } from '../schemas/vob-record';
import { createCardReader } from '../src/adapters/ocr/card-reader';
import { extractMessage } from '../src/pipeline/extract-message';
import { BODY_REQUEST_FIELDS } from '../src/domain/body/body-request';
import { blindSetDirs, formatScore, scoreSet } from './blind-score';

const ROOT = path.join(__dirname, '..', '..');
const EMAILS = path.join(ROOT, 'fixtures', 'emails');
const TWO_CARD_PHOTOS = path.join(EMAILS, 'card-complete-photos.eml');

const FIELDS: readonly (readonly [string, (r: VobRequest) => unknown])[] = [
  ...BODY_REQUEST_FIELDS,
  ['card.sides', (r) => r.card.sides],
  ['card.fields', (r) => r.card.fields],
  ['missingFields', (r) => r.missingFields],
  ['conflicts', (r) => r.conflicts],
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function accuracyAndWarmTimes(): Promise<void> {
  const files = fs.readdirSync(EMAILS).filter((f) => f.endsWith('.eml') && fs.existsSync(path.join(EMAILS, f.replace(/\.eml$/, '.expected.json'))));
  const tally = new Map<string, [number, number]>();
  const bump = (k: string, ok: boolean) => {
    const t = tally.get(k) ?? [0, 0];
    tally.set(k, [t[0] + (ok ? 1 : 0), t[1] + 1]);
  };
  const timesText: number[] = [];
  const timesCards: number[] = [];
  let exact = 0;
  const cardReader = createCardReader();
  try {
    for (const file of files) {
      const raw = fs.readFileSync(path.join(EMAILS, file));
      const expected = JSON.parse(fs.readFileSync(path.join(EMAILS, file.replace(/\.eml$/, '.expected.json')), 'utf8')) as VobDocument;
      const started = process.hrtime.bigint();
      const { document } = await extractMessage(raw, { cardReader, replyPolicy: { ownAddresses: [], allowedSenderDomains: [] } });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      (file.startsWith('card-') ? timesCards : timesText).push(ms);
      if (same(document, expected)) exact += 1;
      bump('request count', document.requests.length === expected.requests.length);
      bump('reply decision', same(document.reply, expected.reply));
      expected.requests.forEach((want, i) => {
        const got = document.requests[i];
        for (const [name, read] of FIELDS) bump(name, got !== undefined && same(read(got), read(want)));
      });
    }
  } finally {
    await cardReader.close();
  }
  console.log(`\nPipeline accuracy on ${files.length} fixture messages (${exact} exactly as expected)`);
  console.log('field                      right / total');
  let right = 0;
  let total = 0;
  for (const [name, [ok, n]] of tally) {
    console.log(`${name.padEnd(26)} ${String(ok).padStart(5)} / ${String(n).padEnd(5)} ${((100 * ok) / n).toFixed(1)}%`);
    if (name !== 'request count' && name !== 'reply decision') {
      right += ok;
      total += n;
    }
  }
  console.log(`${'all request fields'.padEnd(26)} ${String(right).padStart(5)} / ${String(total).padEnd(5)} ${((100 * right) / total).toFixed(1)}%`);
  for (const [label, times] of [['text-only', timesText], ['with cards', timesCards]] as const) {
    const sorted = [...times].sort((a, b) => a - b);
    if (sorted.length === 0) continue;
    console.log(
      `time per message, warm, ${label}: n=${sorted.length} median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
    );
  }
}

function coldExtract(): void {
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'vob.js'), 'extract', TWO_CARD_PHOTOS, '--json'], { encoding: 'utf8' });
    runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0) throw new Error(`vob extract exited ${result.status}: ${result.stderr.split('\n')[0]}`);
  }
  runs.sort((a, b) => a - b);
  console.log(`\ncold \`vob extract --json\` of a message with two card photos (new process each): ${runs.map((r) => `${(r / 1000).toFixed(2)} s`).join(', ')} (median ${(runs[1]! / 1000).toFixed(2)} s; target <= 1.5 s)`);
}

/** Every blind set: fields, whole messages, and the automatic reply's precision and recall. */
async function blindSets(): Promise<void> {
  console.log('\nblind sets (written from the contract alone; see each README for its first-run score):');
  const cardReader = createCardReader();
  try {
    for (const dir of blindSetDirs()) console.log(formatScore(await scoreSet(dir, cardReader)));
  } finally {
    await cardReader.close();
  }
}

async function main(): Promise<void> {
  await accuracyAndWarmTimes();
  await blindSets();
  coldExtract();
  console.log('\nOCR bench (fixtures/cards):');
  const ocr = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'bench-ocr.js')], { stdio: 'inherit' });
  process.exitCode = ocr.status ?? 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
