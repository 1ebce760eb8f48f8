/**
 * Eligibility inquiries → one X12 270 interchange (005010X279A1). Pure: plain objects in, the
 * file's text out. One ISA/GS per batch and one ST/SE per inquiry, each with the hierarchy the
 * guide fixes: 20 information source (payer) → 21 information receiver (provider) → 22
 * subscriber → 23 dependent, the last only when the patient is not the subscriber.
 */
import { isValidNpi } from './npi';

export interface X12PersonName {
  last: string;
  first: string | null;
  middle: string | null;
  suffix: string | null;
}

export interface EligibilityInquiry {
  /** TRN02: echoed in the 271, so an answer finds its request. */
  traceNumber: string;
  payer: { name: string; id: string };
  subscriber: { name: X12PersonName | null; memberId: string; dob: string | null };
  /** The patient when not the subscriber (2000D); null when the patient is the subscriber. */
  dependent: { name: X12PersonName; dob: string | null } | null;
  /** YYYY-MM-DD. */
  dateOfService: string;
  /** EQ01 codes, one EQ segment each. */
  serviceTypes: string[];
}

export interface Provider {
  /** Organisation name (NM1*1P*2). */
  name: string;
  npi: string;
}

export interface InterchangeEnvelope {
  /** ISA06/GS02 (ISA05 ZZ, mutually defined), at most 15 characters. */
  senderId: string;
  /** ISA08/GS03, at most 15 characters. */
  receiverId: string;
  /** ISA13, 1..999999999; also used as GS06. Unique per file sent. */
  controlNumber: number;
  /** ISA15: P production, T test. */
  usage: 'P' | 'T';
  createdAt: Date;
  /** TRN03: a leading 9 marks a user-assigned originator ID; defaults to 9 + the NPI's first nine digits. */
  originatorId?: string;
  /** Written after each segment terminator; "\n" keeps the file readable, "" gives one line. */
  lineBreak?: string;
}

export class X12WriteError extends Error {
  override readonly name = 'X12WriteError';
  readonly code = 'x12-write';
}

export const DELIMITERS_270 = { element: '*', repetition: '^', component: ':', segment: '~' } as const;
export const IMPLEMENTATION_270 = '005010X279A1';

/** The 270 text; throws X12WriteError before writing anything when the input cannot make a valid file. */
export function write270(inquiries: readonly EligibilityInquiry[], provider: Provider, envelope: InterchangeEnvelope): string {
  checkInputs(inquiries, provider, envelope);
  const lineBreak = envelope.lineBreak ?? '\n';
  const { date8, date6, time4 } = stamps(envelope.createdAt);
  const control9 = String(envelope.controlNumber).padStart(9, '0');
  const groupControl = String(envelope.controlNumber);
  const originator = envelope.originatorId ?? `9${provider.npi.slice(0, 9)}`;
  const out: string[] = [];
  const emit = (...elements: string[]) => out.push(segment(elements) + DELIMITERS_270.segment + lineBreak);

  emit('ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', fixed(envelope.senderId, 15), 'ZZ', fixed(envelope.receiverId, 15),
    date6, time4, DELIMITERS_270.repetition, '00501', control9, '0', envelope.usage, DELIMITERS_270.component);
  emit('GS', 'HS', clean(envelope.senderId), clean(envelope.receiverId), date8, time4, groupControl, 'X', IMPLEMENTATION_270);
  inquiries.forEach((inquiry, index) => {
    const stControl = String(index + 1).padStart(4, '0');
    const start = out.length;
    emit('ST', '270', stControl, IMPLEMENTATION_270);
    // 0022 originator, 13 request.
    emit('BHT', '0022', '13', clean(inquiry.traceNumber), date8, time4);
    emit('HL', '1', '', '20', '1');
    emit('NM1', 'PR', '2', clean(inquiry.payer.name, 60), '', '', '', '', 'PI', clean(inquiry.payer.id, 80));
    emit('HL', '2', '1', '21', '1');
    emit('NM1', '1P', '2', clean(provider.name, 60), '', '', '', '', 'XX', provider.npi);
    const patientIsSubscriber = inquiry.dependent === null;
    emit('HL', '3', '2', '22', patientIsSubscriber ? '0' : '1');
    const subscriber = inquiry.subscriber;
    if (patientIsSubscriber) emit('TRN', '1', clean(inquiry.traceNumber, 50), originator);
    emit('NM1', 'IL', '1', ...nameElements(subscriber.name), 'MI', clean(subscriber.memberId, 80));
    if (subscriber.dob !== null) emit('DMG', 'D8', ccyymmdd(subscriber.dob));
    if (patientIsSubscriber) {
      emitBenefitInquiry(emit, inquiry);
    } else {
      const dependent = inquiry.dependent!;
      emit('HL', '4', '3', '23', '0');
      emit('TRN', '1', clean(inquiry.traceNumber, 50), originator);
      emit('NM1', '03', '1', ...nameElements(dependent.name));
      if (dependent.dob !== null) emit('DMG', 'D8', ccyymmdd(dependent.dob));
      emitBenefitInquiry(emit, inquiry);
    }
    // SE01 counts ST through SE.
    emit('SE', String(out.length - start + 1), stControl);
  });
  emit('GE', String(inquiries.length), groupControl);
  emit('IEA', '1', control9);
  return out.join('');
}

/** 2100C/D DTP then the 2110C/D loops: one EQ per service type (EQ01 never repeated). */
function emitBenefitInquiry(emit: (...elements: string[]) => void, inquiry: EligibilityInquiry): void {
  emit('DTP', '291', 'D8', ccyymmdd(inquiry.dateOfService));
  for (const code of new Set(inquiry.serviceTypes)) emit('EQ', code);
}

function checkInputs(inquiries: readonly EligibilityInquiry[], provider: Provider, envelope: InterchangeEnvelope): void {
  if (inquiries.length === 0) throw new X12WriteError('no inquiries to write');
  // ST02 is 4 to 9 characters: numbered from 0001, a file holds at most 999999999 transactions.
  if (inquiries.length > 999_999_999) throw new X12WriteError('more inquiries than ST02 can number');
  if (!isValidNpi(provider.npi)) throw new X12WriteError('the provider NPI is not 10 digits with a valid check digit');
  if (clean(provider.name) === '') throw new X12WriteError('the provider name is empty');
  if (!Number.isInteger(envelope.controlNumber) || envelope.controlNumber < 1 || envelope.controlNumber > 999_999_999) {
    throw new X12WriteError('the interchange control number must be 1..999999999');
  }
  for (const id of [envelope.senderId, envelope.receiverId]) {
    if (clean(id) === '' || clean(id).length > 15) throw new X12WriteError('sender and receiver IDs must be 1..15 characters');
  }
  if (envelope.originatorId !== undefined && !/^[0-9A-Z]{10}$/.test(envelope.originatorId)) {
    throw new X12WriteError('the TRN03 originator ID must be 10 characters');
  }
  const traces = new Set<string>();
  inquiries.forEach((inquiry, index) => {
    const where = `inquiry ${index + 1}`;
    const trace = clean(inquiry.traceNumber, 50);
    if (trace === '') throw new X12WriteError(`${where}: no trace number`);
    if (traces.has(trace)) throw new X12WriteError(`${where}: trace number used twice in the batch`);
    traces.add(trace);
    if (clean(inquiry.payer.id) === '' || clean(inquiry.payer.name) === '') throw new X12WriteError(`${where}: no payer name or ID`);
    if (clean(inquiry.subscriber.memberId) === '') throw new X12WriteError(`${where}: no member ID`);
    if (inquiry.serviceTypes.length === 0) throw new X12WriteError(`${where}: no service type`);
    if (inquiry.serviceTypes.some((c) => !/^[A-Z0-9]{1,2}$/.test(c))) throw new X12WriteError(`${where}: a service type is not an X12 code`);
    const dates = [inquiry.dateOfService, inquiry.subscriber.dob, inquiry.dependent?.dob ?? null];
    if (dates.some((d) => d !== null && !isIsoDate(d))) throw new X12WriteError(`${where}: a date is not YYYY-MM-DD`);
    if (inquiry.dependent !== null && clean(inquiry.dependent.name.last) === '') throw new X12WriteError(`${where}: the dependent has no last name`);
  });
}

/** NM103..NM107: last, first, middle, (prefix: not used), suffix. */
function nameElements(name: X12PersonName | null): string[] {
  if (name === null) return ['', '', '', '', ''];
  return [clean(name.last, 60), clean(name.first ?? '', 35), clean(name.middle ?? '', 25), '', clean(name.suffix ?? '', 10)];
}

/** Elements joined, trailing empty ones dropped (X12 forbids trailing separators). */
function segment(elements: string[]): string {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') end--;
  return elements.slice(0, end).join(DELIMITERS_270.element);
}

/**
 * A value fit for an element: upper-case, accents dropped, delimiters and control characters removed (a name
 * like "O~Brien" must not end a segment), spaces collapsed, cut to the element's maximum.
 */
export function clean(value: string, max = Infinity): string {
  return value
    // "Müller" → "MULLER", "Peña" → "PENA": payers match names in plain letters.
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[*~:^\x00-\x1f\x7f]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

function fixed(value: string, width: number): string {
  return clean(value, width).padEnd(width, ' ');
}

function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function ccyymmdd(isoDate: string): string {
  return isoDate.replace(/-/g, '');
}

function stamps(at: Date): { date8: string; date6: string; time4: string } {
  const date8 = at.toISOString().slice(0, 10).replace(/-/g, '');
  const time4 = at.toISOString().slice(11, 16).replace(':', '');
  return { date8, date6: date8.slice(2), time4 };
}
