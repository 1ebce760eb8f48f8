/**
 * OCR bench over fixtures/cards: per-image time, card-field accuracy, images/second with the
 * pool against one worker, and the native `tesseract` CLI on the same prepared images when it
 * is installed (OMP_THREAD_LIMIT=1, the same best_int English model).
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/bench-ocr.js [--set cards-hard] [--quick]
 *
 * --set NAME reads fixtures/NAME instead (fixtures/cards-hard: the hard phone photos made by
 * scripts/make-hard-card-fixtures.js; fixtures/cards-blind: cards made by a session that never
 * saw the reader, scripts/make-blind-card-fixtures.js); --quick skips the throughput and native
 * comparisons; --detector off reads with tesseract's own page layout instead of the text
 * detector. CPU time (process.cpuUsage: every thread of the process, so the OCR workers too) is
 * printed beside wall time, as the machine's cores are shared.
 * The cold two-photo read always uses fixtures/cards' Aetna front and back.
 *
 * Prints counts and timings only: never OCR text (it is PHI on real cards).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { CardFields } from '../schemas/vob-record';
import type { CardReading } from '../src/domain/card/card-reading';
import { createCardReader } from '../src/adapters/ocr/card-reader';
import { defaultLangPath, OcrPool } from '../src/adapters/ocr/ocr-pool';
import { pickVerificationPhone } from '../src/domain/card/card-phones';

const ROOT = path.join(__dirname, '..', '..');
const argv = process.argv.slice(2);
const setArg = argv.indexOf('--set');
const SET = setArg >= 0 ? argv[setArg + 1]! : 'cards';
const QUICK = argv.includes('--quick');
const detArg = argv.indexOf('--detector');
const TEXT_DETECTOR = detArg < 0 || argv[detArg + 1] !== 'off';
const DIR = path.join(ROOT, 'fixtures', SET);
const COLD_DIR = path.join(ROOT, 'fixtures', 'cards');
const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff', heic: 'image/heic', pdf: 'application/pdf',
};

interface Expected {
  side: string;
  fields?: CardFields;
  /** fixtures/cards-blind: only what the side shows is scored, and the phone a biller would call. */
  blind?: BlindExpected;
}

/** The format of fixtures/cards-blind (written from the contract by a session that never saw the reader). */
interface BlindExpected extends Omit<CardFields, 'phones'> {
  insurancePhone: string | null;
  insurancePhoneAlternates?: string[];
}

/** CPU seconds used by the whole process (all threads) since `from`. */
function cpuSec(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

function fromJson(file: string, json: unknown): Expected[] {
  if (typeof json === 'object' && json !== null && 'pages' in json) return (json as { pages: Expected[] }).pages;
  if (typeof json === 'object' && json !== null && 'insurancePhone' in json) {
    return [{ side: /-back\./.test(file) ? 'back' : 'front', blind: json as BlindExpected }];
  }
  return [json as Expected];
}

function cases(): Array<{ file: string; expected: Expected[] }> {
  return fs
    .readdirSync(DIR)
    .filter((f) => /\.(jpg|png|webp|tiff|heic|pdf)$/.test(f))
    .flatMap((f) => {
      const exp = path.join(DIR, f.replace(/\.[^.]+$/, '.expected.json'));
      if (!fs.existsSync(exp)) return [];
      return [{ file: f, expected: fromJson(f, JSON.parse(fs.readFileSync(exp, 'utf8'))) }];
    });
}

const SCALARS = ['payerName', 'memberId', 'groupNumber', 'memberName', 'rxBin', 'rxPcn', 'rxGroup'] as const;

function score(got: CardReading, exp: Expected, tally: Record<string, [number, number]>): string[] {
  const misses: string[] = [];
  const bump = (k: string, ok: boolean): void => {
    const t = (tally[k] ??= [0, 0]);
    t[0] += ok ? 1 : 0;
    t[1] += 1;
    if (!ok) misses.push(k);
  };
  bump('side', got.kind === exp.side || got.kind === 'both');
  if (exp.blind) {
    const b = exp.blind;
    for (const k of SCALARS) {
      const want = b[k];
      if (want === null) continue;
      const read = got.fields[k];
      // Printed payer names ("Cigna Healthcare") against the dictionary's ("Cigna").
      bump(k, k === 'payerName' ? read !== null && (read.toLowerCase().includes(want.toLowerCase()) || want.toLowerCase().includes(read.toLowerCase())) : read === want);
    }
    if (b.insurancePhone !== null) {
      const picked = pickVerificationPhone(got.fields.phones);
      bump('insurancePhone', picked !== null && [b.insurancePhone, ...(b.insurancePhoneAlternates ?? [])].includes(picked));
    }
    return misses;
  }
  if (!exp.fields) return misses;
  for (const k of SCALARS) bump(k, got.fields[k] === exp.fields[k]);
  for (const p of exp.fields.phones) bump('phone', got.fields.phones.some((g) => g.number === p.number && g.label === p.label));
  return misses;
}

async function main(): Promise<void> {
  const list = cases();
  const attachments = list.map((c) => ({
    c,
    att: { filename: c.file, contentType: CONTENT_TYPES[c.file.split('.').pop()!]!, content: fs.readFileSync(path.join(DIR, c.file)), contentId: null, inline: false },
  }));

  // Cold: one message with two card photos, reader created from nothing (workers lazy).
  const cold = createCardReader({ textDetector: TEXT_DETECTOR });
  const coldAtts = ['aetna-front.jpg', 'aetna-back.jpg'].map((f) => ({ filename: f, contentType: 'image/jpeg', content: fs.readFileSync(path.join(COLD_DIR, f)), contentId: null, inline: false }));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(coldAtts.map((a) => cold.readAttachment(a)));
  const coldMs = performance.now() - t0;
  const coldCpu = cpuSec(c0);
  await cold.close();

  // Accuracy and per-image time, on the pool sized to the cores.
  const reader = createCardReader({ textDetector: TEXT_DETECTOR });
  await reader.pool.warm();
  const tally: Record<string, [number, number]> = {};
  console.log(`cores: ${os.cpus().length}, pool: ${reader.pool.size}`);
  console.log(`set: fixtures/${SET}, text detector ${TEXT_DETECTOR ? 'on' : 'off'}`);
  console.log('image                               ms  cpu-ms  kind        misses');
  const times: number[] = [];
  const cpus: number[] = [];
  for (const { c, att } of attachments) {
    const s = performance.now();
    const c1 = process.cpuUsage();
    const readings = await reader.readAttachment(att).catch((e: unknown) => {
      console.log(`${c.file}: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    });
    const ms = performance.now() - s;
    const cpu = cpuSec(c1);
    times.push(ms);
    cpus.push(cpu);
    const misses = c.expected.flatMap((e, i) => (readings[i] ? score(readings[i]!, e, tally) : ['no reading']));
    console.log(`${c.file.padEnd(33)} ${ms.toFixed(0).padStart(6)} ${(cpu * 1000).toFixed(0).padStart(6)}   ${(readings.map((r) => r.kind).join('+') || '-').padEnd(10)}  ${misses.join(' ')}`);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  console.log(`CPU per image: mean ${(cpus.reduce((a, b) => a + b, 0) / cpus.length).toFixed(2)} s, max ${cpus[cpus.length - 1]!.toFixed(2)} s`);
  console.log(`per image: mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`);
  let ok = 0;
  let all = 0;
  console.log('\nfield accuracy:');
  for (const [k, [a, n]] of Object.entries(tally)) {
    console.log(`  ${k.padEnd(12)} ${a}/${n}`);
    if (k !== 'side') {
      ok += a;
      all += n;
    }
  }
  console.log(`  card fields overall: ${((100 * ok) / all).toFixed(1)}% (${ok}/${all})`);

  if (QUICK) {
    await reader.close();
    console.log(`cold read of a message with two card photos: ${coldMs.toFixed(0)} ms, ${coldCpu.toFixed(2)} CPU-s (in-process, excl. node start)`);
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    return;
  }
  // Throughput: every image through the pool at once, then one at a time on a 1-worker reader.
  const images = attachments.filter((a) => !a.c.file.endsWith('.pdf'));
  let s = performance.now();
  await Promise.all(images.map((a) => reader.readAttachment(a.att)));
  const poolSec = (performance.now() - s) / 1000;
  await reader.close();
  const serial = createCardReader({ poolSize: 1, textDetector: TEXT_DETECTOR });
  await serial.pool.warm();
  s = performance.now();
  for (const a of images) await serial.readAttachment(a.att);
  const serialSec = (performance.now() - s) / 1000;
  await serial.close();
  console.log(`\nthroughput (${images.length} images, full reader incl. decode/crop):`);
  console.log(`  pool of ${reader.pool.size}: ${(images.length / poolSec).toFixed(2)} images/s`);
  console.log(`  serial:    ${(images.length / serialSec).toFixed(2)} images/s`);
  console.log(`cold read of a message with two card photos: ${coldMs.toFixed(0)} ms, ${coldCpu.toFixed(2)} CPU-s (in-process, excl. node start)`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  await nativeComparison(images.map((a) => a.att.content));
}

/** The same prepared card images through the native CLI, one process per core. */
async function nativeComparison(inputs: Buffer[]): Promise<void> {
  try {
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
  } catch {
    console.log('\nnative tesseract: not installed (apt-get install tesseract-ocr to compare)');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ocr-'));
  fs.writeFileSync(path.join(tmp, 'eng.traineddata'), zlib.gunzipSync(fs.readFileSync(path.join(defaultLangPath(), 'eng.traineddata.gz'))));
  // Native gets the images the pool reads after decode/crop, so both do the same OCR work.
  const sharp = (await import('sharp')).default;
  const files: string[] = [];
  for (const [i, buf] of inputs.entries()) {
    const f = path.join(tmp, `img${i}.png`);
    try {
      await sharp(buf).rotate().resize({ width: 1200, height: 1200, fit: 'inside' }).greyscale().png().toFile(f);
      files.push(f);
    } catch {
      // HEIC: prebuilt sharp cannot decode it; left out of the native run.
    }
  }
  const run = (f: string): Promise<void> =>
    new Promise((resolve) => {
      const p = spawn('tesseract', [f, 'stdout', '--tessdata-dir', tmp, '-l', 'eng', '--oem', '1', '--psm', '11'], {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: 'ignore',
      });
      p.on('exit', () => resolve());
    });
  let s = performance.now();
  for (const f of files) await run(f);
  const serialSec = (performance.now() - s) / 1000;
  s = performance.now();
  const queue = [...files];
  await Promise.all(Array.from({ length: os.cpus().length }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) await run(f);
  }));
  const parSec = (performance.now() - s) / 1000;
  // The pool on exactly these files, OCR only, for a like-for-like figure.
  const pool = new OcrPool({ size: os.cpus().length });
  await pool.warm();
  const pngs = files.map((f) => fs.readFileSync(f));
  s = performance.now();
  await Promise.all(pngs.map((b) => pool.recognize(b, 60_000)));
  const poolSec = (performance.now() - s) / 1000;
  await pool.close();
  console.log(`\nsame ${files.length} images, OCR only (PSM 11, best_int English):`);
  console.log(`  native tesseract, OMP_THREAD_LIMIT=1: serial ${(files.length / serialSec).toFixed(2)} images/s, ${os.cpus().length} processes ${(files.length / parSec).toFixed(2)} images/s`);
  console.log(`  tesseract.js pool of ${os.cpus().length}: ${(files.length / poolSec).toFixed(2)} images/s`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
