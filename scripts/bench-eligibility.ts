/**
 * Eligibility bench (a script, not a test): a 10,000-request 270 batch written, and a
 * 10,000-loop 271 read, each in a child process of its own so its peak RSS is its own.
 *
 *   npm run bench:eligibility [-- --count N]
 *
 * All data is generated and fictional; prints counts, sizes, times and peak RSS only.
 */
import { fork } from 'node:child_process';
import { read271 } from '../src/domain/x12/read-271';
import { write270, type EligibilityInquiry } from '../src/domain/x12/write-270';
import { interchange271, sourceLoops, subscriberLoop, TEST_NPI } from './x12-samples';

const args = process.argv.slice(2);
const countAt = args.indexOf('--count');
const count = countAt >= 0 ? Number(args[countAt + 1]) : 10_000;
const phase = args[args.indexOf('--phase') + 1];

interface PhaseResult {
  phase: string;
  items: number;
  bytes: number;
  ms: number;
  peakRssMb: number;
}

function inquiries(n: number): EligibilityInquiry[] {
  return Array.from({ length: n }, (_, i) => ({
    traceNumber: `BENCH-${i + 1}`,
    payer: { name: 'Aetna', id: '60054' },
    subscriber: { name: { last: `Benchperson${i}`, first: 'Test', middle: null, suffix: null }, memberId: `W${String(i).padStart(9, '0')}`, dob: '1990-01-02' },
    // Every fifth request is for a dependent, as in real batches.
    dependent: i % 5 === 0 ? { name: { last: `Benchperson${i}`, first: 'Child', middle: null, suffix: null }, dob: '2010-05-06' } : null,
    dateOfService: '2026-12-07',
    serviceTypes: ['30', 'MH', 'AI', 'RT', 'CG', 'CI', 'A7'],
  }));
}

function runPhase(name: string): PhaseResult {
  if (name === '270') {
    const batch = inquiries(count);
    const start = performance.now();
    const text = write270(batch, { name: 'Bench Recovery Test', npi: TEST_NPI }, { senderId: TEST_NPI, receiverId: 'CLEARINGTEST', controlNumber: 1, usage: 'T', createdAt: new Date() });
    return { phase: '270 write', items: count, bytes: text.length, ms: performance.now() - start, peakRssMb: peakRssMb() };
  }
  const loops: string[] = [];
  for (let hl = 3; hl < count + 3; hl++) loops.push(...subscriberLoop(hl));
  const text = interchange271([[...sourceLoops(), ...loops]]);
  const start = performance.now();
  const { responses } = read271(text);
  return { phase: '271 read', items: responses.length, bytes: text.length, ms: performance.now() - start, peakRssMb: peakRssMb() };
}

/** The process's peak resident set so far (getrusage ru_maxrss, kilobytes on Linux). */
function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function inChild(name: string): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--phase', name, '--count', String(count)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as PhaseResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`phase ${name} exited ${code}`))));
  });
}

async function main(): Promise<void> {
  if (phase === '270' || phase === '271') {
    process.send!(runPhase(phase));
    return;
  }
  console.log(`eligibility bench: ${count} requests / loops, each phase in its own process`);
  for (const name of ['270', '271']) {
    const r = await inChild(name);
    const perItem = (r.ms / r.items) * 1000;
    console.log(
      `${r.phase}: ${r.items} in ${r.ms.toFixed(0)} ms (${perItem.toFixed(1)} µs each), ${(r.bytes / 1024 / 1024).toFixed(1)} MB of X12, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
