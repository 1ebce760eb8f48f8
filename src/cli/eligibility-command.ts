/**
 * `vob eligibility 270 MESSAGE.eml [--date YYYY-MM-DD]`: one message's requests as an X12 270
 * on stdout, offline. `vob eligibility read FILE.271 [--json]`: what a 271 says.
 * `vob eligibility export --ready --out FILE [--date YYYY-MM-DD]` and `import FILE.271`: the
 * same against the database (stored trace numbers, draft verifications, rejection tasks).
 *
 * stderr names a skipped request by its index and what it lacks, never by its values (PHI).
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { createPhiCipher } from '../adapters/crypto/phi-cipher';
import { createDbPool } from '../adapters/db/db-pool';
import type { Config } from '../config';
import { inquiryForRequest } from '../domain/x12/eligibility-inquiry';
import { X12FormatError } from '../domain/x12/interchange';
import { read271, type EligibilityFile, type EligibilityResponse } from '../domain/x12/read-271';
import { SERVICE_TYPE_NAMES } from '../domain/x12/service-types';
import { write270, X12WriteError, type EligibilityInquiry, type InterchangeEnvelope, type Provider } from '../domain/x12/write-270';
import { exportReadyInquiries, type ExportResult } from '../use-cases/eligibility-export';
import { importEligibilityResponses, MAX_271_BYTES } from '../use-cases/eligibility-import';
import { EXIT_CONFIG, loadCommandConfig } from './command-config';
import { readCommandFile, runFileCommand } from './command-input';
import { extractMessageFile } from './extract-command';

const USAGE = `usage: vob eligibility 270 MESSAGE.eml [--date YYYY-MM-DD]
       vob eligibility read FILE.271 [--json]
       vob eligibility export --ready --out FILE.270 [--date YYYY-MM-DD]
       vob eligibility import FILE.271`;

/** sysexits EX_DATAERR: the input was read but cannot give a result. */
const EXIT_DATA = 65;


export async function runEligibility(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case '270':
      return runWrite270(rest);
    case 'read':
      return runRead271(rest);
    case 'export':
      return runExport270(rest);
    case 'import':
      return runImport271(rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 64;
  }
}

/** `--name value` taken out of `args`: the value (undefined when absent, null when it has none) and the rest. */
function takeOption(args: readonly string[], name: string): { value: string | null | undefined; rest: string[] } {
  const at = args.indexOf(name);
  if (at < 0) return { value: undefined, rest: [...args] };
  const value = args[at + 1];
  return { value: value === undefined || value.startsWith('--') ? null : value, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

const isDate = (value: string | null | undefined) => value === undefined || (value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value));

async function runWrite270(args: string[]): Promise<number> {
  const { value: date, rest: files } = takeOption(args, '--date');
  if (files.length !== 1 || files[0]!.startsWith('-') || !isDate(date)) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const settings = eligibilitySettings('eligibility 270');
  if (settings === null) return EXIT_CONFIG;
  const document = await extractMessageFile(files[0]!, 'eligibility 270');
  if (typeof document === 'number') return document;

  const now = new Date();
  const envelope = { ...envelopeFor(settings, now), controlNumber: clockControlNumber(now) };
  const dateOfService = date ?? localDate(now);
  const inquiries: EligibilityInquiry[] = [];
  document.requests.forEach((request, index) => {
    // Offline trace numbers: the interchange's control number and the request's place in the message.
    const result = inquiryForRequest(request, { traceNumber: `${envelope.controlNumber}-${index + 1}`, dateOfService });
    if (result.ok) inquiries.push(result.inquiry);
    else reportSkipped('eligibility 270', index + 1, result.missing);
  });
  if (inquiries.length === 0) {
    process.stderr.write('vob eligibility 270: nothing to write: no request has what a 270 needs\n');
    return EXIT_DATA;
  }
  try {
    process.stdout.write(write270(inquiries, settings.provider, envelope));
    return 0;
  } catch (err) {
    if (err instanceof X12WriteError) {
      process.stderr.write(`vob eligibility 270: ${err.message}\n`);
      return EXIT_DATA;
    }
    throw err;
  }
}

async function runExport270(args: string[]): Promise<number> {
  const { value: date, rest: withoutDate } = takeOption(args, '--date');
  const { value: out, rest } = takeOption(withoutDate, '--out');
  if (rest.length !== 1 || rest[0] !== '--ready' || !out || !isDate(date)) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const settings = eligibilitySettings('eligibility export');
  if (settings === null) return EXIT_CONFIG;
  const now = new Date();
  const envelope = envelopeFor(settings, now);
  const partial = `${out}.partial`;
  const db = createDbPool({ connectionString: settings.config.DATABASE_URL, max: 2 });
  let written = false;
  let result: ExportResult;
  try {
    result = await exportReadyInquiries({
      db,
      cipher: createPhiCipher({ key: settings.config.STORAGE_KEY }),
      provider: settings.provider,
      envelope,
      dateOfService: date ?? localDate(now),
      // Written beside the target inside the transaction, renamed once it commits.
      writeFile: async (text) => {
        await writeFile(partial, text, { flag: 'wx' });
        written = true;
      },
    });
  } catch (err) {
    // Rolled back: the half-made file goes too (only ours: 'wx' never replaces another's).
    if (written) await unlink(partial).catch(() => undefined);
    if (!(err instanceof X12WriteError)) throw err;
    process.stderr.write(`vob eligibility export: ${err.message}\n`);
    return EXIT_DATA;
  } finally {
    await db.end();
  }
  for (const skip of result.skipped) reportSkipped('eligibility export', skip.requestId, skip.missing);
  if (result.controlNumber === null) {
    process.stderr.write('vob eligibility export: no ready request to send; no file written\n');
    return result.skipped.length > 0 ? EXIT_DATA : 0;
  }
  // Committed: from here the file is the record of what was sent and is never deleted.
  await rename(partial, out);
  process.stderr.write(`vob eligibility export: ${result.exported} request(s) in interchange ${result.controlNumber} written to ${out}\n`);
  return 0;
}

/** A request that cannot go in a 270, named by its index or id and what it lacks (never its values). */
function reportSkipped(command: string, request: string | number, missing: readonly string[]): void {
  process.stderr.write(`vob ${command}: request ${request} skipped: no ${missing.join(', no ')}\n`);
}

async function runImport271(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const file = args[0]!;
  const config = loadCommandConfig('eligibility import');
  if (config === null) return EXIT_CONFIG;
  const bytes = await readCommandFile(file, 'eligibility import', MAX_271_BYTES);
  if (typeof bytes === 'number') return bytes;
  const db = createDbPool({ connectionString: config.DATABASE_URL, max: 2 });
  try {
    const result = await importEligibilityResponses({ db, cipher: createPhiCipher({ key: config.STORAGE_KEY }), now: new Date() }, bytes);
    process.stderr.write(
      `vob eligibility import: ${result.loops} loop(s): ${result.stored} stored, ${result.matched} matched to requests, ` +
        `${result.unmatched} unmatched, ${result.rejectionTasks} rejection task(s)${result.stored === 0 && result.loops > 0 ? ' (imported before)' : ''}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof X12FormatError) {
      process.stderr.write(`vob eligibility import: ${file}: refused, nothing stored: ${err.message}\n`);
      return EXIT_DATA;
    }
    throw err;
  } finally {
    await db.end();
  }
}

function runRead271(args: string[]): Promise<number> {
  return runFileCommand(args, USAGE, (file) => read271File(file, 'eligibility read'), formatEligibility);
}

/** A 271 file read whole, or the exit code after a one-line reason on stderr. */
export async function read271File(file: string, command: string): Promise<EligibilityFile | number> {
  const bytes = await readCommandFile(file, command, MAX_271_BYTES);
  if (typeof bytes === 'number') return bytes;
  try {
    // latin1 keeps one character per byte, so ISA positions hold whatever the file's encoding.
    return read271(bytes.toString('latin1'));
  } catch (err) {
    if (err instanceof X12FormatError) {
      process.stderr.write(`vob ${command}: ${file}: refused, nothing read: ${err.message}\n`);
      return EXIT_DATA;
    }
    throw err;
  }
}

export interface EligibilitySettings {
  provider: Provider;
  config: Config;
}

/** The provider and envelope settings, or null after naming the missing variable on stderr. */
export function eligibilitySettings(command: string): EligibilitySettings | null {
  const config = loadCommandConfig(command);
  if (config === null) return null;
  for (const variable of ['PROVIDER_NPI', 'PROVIDER_NAME'] as const) {
    if (config[variable] === undefined) {
      process.stderr.write(`vob ${command}: invalid configuration: ${variable}: required to write a 270\n`);
      return null;
    }
  }
  return { config, provider: { npi: config.PROVIDER_NPI!, name: config.PROVIDER_NAME! } };
}

/** The envelope settings; the control number comes from the clock (offline) or the database sequence. */
export function envelopeFor({ config, provider }: EligibilitySettings, now: Date): Omit<InterchangeEnvelope, 'controlNumber'> {
  return { senderId: config.X12_SENDER_ID ?? provider.npi, receiverId: config.X12_RECEIVER_ID, usage: config.X12_USAGE, createdAt: now };
}

/** Offline files take their control number from the clock: seconds, within ISA13's nine digits. */
function clockControlNumber(now: Date): number {
  return (Math.floor(now.getTime() / 1000) % 999_999_999) + 1;
}

function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A readable account of a 271 for a person at a terminal. */
export function formatEligibility(file: EligibilityFile): string {
  const lines = [`Interchange ${file.interchangeControlNumber}: ${file.responses.length} response(s)`];
  file.responses.forEach((r, i) => lines.push('', `Response ${i + 1}`, ...formatResponse(r).map((l) => `  ${l}`)));
  return `${lines.join('\n')}\n`;
}

const BENEFIT_WORDS: Record<string, string> = {
  '1': 'Active coverage',
  '6': 'Inactive',
  A: 'Co-insurance',
  B: 'Co-payment',
  C: 'Deductible',
  F: 'Limitations',
  G: 'Out of pocket',
  I: 'Non-covered',
  U: 'Contact following entity',
};

function formatResponse(r: EligibilityResponse): string[] {
  const show = (v: string | null) => v ?? '-';
  const lines = [
    `Trace:      ${show(r.traceNumber)}`,
    `Payer:      ${show(r.payer.name)} (${show(r.payer.id)})`,
    `Member:     ${show(r.name)}, ID ${show(r.memberId)}, born ${show(r.dob)} (${r.loop})`,
    `Active:     ${r.active === null ? 'not said' : r.active ? 'yes' : 'no'}`,
    ...Object.entries(r.dates).map(([name, value]) => `Date:       ${name} ${value.replace('/', ' to ')}`),
  ];
  for (const x of r.rejections) lines.push(`Rejected:   ${x.code} ${x.reason}${x.followUp ? ` (${x.followUp})` : ''}`);
  if (r.carveOut) lines.push(`Carve-out:  ${r.carveOut.name} ${show(r.carveOut.phone)}`);
  for (const b of r.benefits) {
    const what = BENEFIT_WORDS[b.info] ?? `EB ${b.info}`;
    const services = b.serviceTypes.map((c) => SERVICE_TYPE_NAMES[c] ?? c).join(', ');
    const value = [b.amount !== null ? `$${b.amount}` : null, b.percent !== null ? `${b.percent}%` : null, b.quantity ? `${b.quantity.value} ${b.quantity.qualifier}` : null]
      .filter(Boolean)
      .join(' ');
    const tags = [b.coverageLevel, b.network ? `${b.network}-network` : null, b.period, b.authRequired ? 'auth required' : null].filter(Boolean).join(', ');
    lines.push(`${what}: ${[services, value].filter(Boolean).join(' ')}${tags ? ` [${tags}]` : ''}`);
    for (const m of b.messages) lines.push(`    ${m}`);
  }
  return lines;
}
