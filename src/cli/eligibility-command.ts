/**
 * `vob eligibility 270 MESSAGE.eml [--date YYYY-MM-DD]`: one message's requests as an X12 270
 * on stdout, offline. `vob eligibility read FILE.271 [--json]`: what a 271 says.
 *
 * stderr names a skipped request by its index and what it lacks, never by its values (PHI).
 */
import type { Config } from '../config';
import { inquiryForRequest } from '../domain/x12/eligibility-inquiry';
import { X12FormatError } from '../domain/x12/interchange';
import { read271, type EligibilityFile, type EligibilityResponse } from '../domain/x12/read-271';
import { SERVICE_TYPE_NAMES } from '../domain/x12/service-types';
import { write270, X12WriteError, type EligibilityInquiry, type InterchangeEnvelope, type Provider } from '../domain/x12/write-270';
import { EXIT_CONFIG, loadCommandConfig } from './command-config';
import { readCommandFile, runFileCommand } from './command-input';
import { extractMessageFile } from './extract-command';

const USAGE = `usage: vob eligibility 270 MESSAGE.eml [--date YYYY-MM-DD]
       vob eligibility read FILE.271 [--json]`;

/** sysexits EX_DATAERR: the input was read but cannot give a result. */
const EXIT_DATA = 65;

export async function runEligibility(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case '270':
      return runWrite270(rest);
    case 'read':
      return runRead271(rest);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 64;
  }
}

async function runWrite270(args: string[]): Promise<number> {
  const dateAt = args.indexOf('--date');
  const date = dateAt >= 0 ? args[dateAt + 1] : undefined;
  const files = args.filter((_, i) => dateAt < 0 || (i !== dateAt && i !== dateAt + 1));
  if (files.length !== 1 || files[0]!.startsWith('-') || (dateAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(date ?? ''))) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const settings = eligibilitySettings('eligibility 270');
  if (settings === null) return EXIT_CONFIG;
  const document = await extractMessageFile(files[0]!, 'eligibility 270');
  if (typeof document === 'number') return document;

  const now = new Date();
  const envelope = envelopeFor(settings, now);
  const dateOfService = date ?? localDate(now);
  const inquiries: EligibilityInquiry[] = [];
  document.requests.forEach((request, index) => {
    // Offline trace numbers: the interchange's control number and the request's place in the message.
    const result = inquiryForRequest(request, { traceNumber: `${envelope.controlNumber}-${index + 1}`, dateOfService });
    if (result.ok) inquiries.push(result.inquiry);
    else process.stderr.write(`vob eligibility 270: request ${index + 1} skipped: no ${result.missing.join(', no ')}\n`);
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

function runRead271(args: string[]): Promise<number> {
  return runFileCommand(args, USAGE, (file) => read271File(file, 'eligibility read'), formatEligibility);
}

/** A 271 file read whole, or the exit code after a one-line reason on stderr. */
export async function read271File(file: string, command: string): Promise<EligibilityFile | number> {
  const bytes = await readCommandFile(file, command);
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

/** Offline files take their control number from the clock (seconds, within ISA13's nine digits). */
export function envelopeFor({ config, provider }: EligibilitySettings, now: Date, controlNumber?: number): InterchangeEnvelope {
  return {
    senderId: config.X12_SENDER_ID ?? provider.npi,
    receiverId: config.X12_RECEIVER_ID,
    usage: config.X12_USAGE,
    createdAt: now,
    controlNumber: controlNumber ?? (Math.floor(now.getTime() / 1000) % 999_999_999) + 1,
  };
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
