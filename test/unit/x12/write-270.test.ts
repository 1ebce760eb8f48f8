import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VobDocument, VobRequest } from '../../../schemas/vob-record';
import { lookupPayerId } from '../../../src/domain/payers/payer-directory';
import { inquiryForRequest, splitPersonName } from '../../../src/domain/x12/eligibility-inquiry';
import { isValidNpi } from '../../../src/domain/x12/npi';
import { write270, X12WriteError, type EligibilityInquiry, type InterchangeEnvelope } from '../../../src/domain/x12/write-270';
import { EMAIL_FIXTURES, parse270, TEST_NPI } from './x12-test-files';

const PROVIDER = { name: 'Sunrise Recovery Test', npi: TEST_NPI };
const ENVELOPE: InterchangeEnvelope = {
  senderId: 'SUNRISETEST',
  receiverId: 'CLEARINGTEST',
  controlNumber: 4321,
  usage: 'T',
  createdAt: new Date('2026-12-06T07:05:00Z'),
};

function inquiry(over: Partial<EligibilityInquiry> = {}): EligibilityInquiry {
  return {
    traceNumber: 'VOB-1',
    payer: { name: 'Aetna', id: '60054' },
    subscriber: { name: { last: 'Testperson', first: 'Avery', middle: 'Q', suffix: null }, memberId: 'W900000001', dob: '1990-01-02' },
    dependent: null,
    dateOfService: '2026-12-07',
    serviceTypes: ['30', 'MH', 'AI'],
    ...over,
  };
}

const segmentsOf = (text: string) => text.split('~').map((s) => s.trim()).filter((s) => s !== '');

describe('NPI check digit', () => {
  it('accepts the CMS example and refuses a wrong check digit or shape', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567890')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });
});

describe('write270 structure', () => {
  const text = write270([inquiry(), inquiry({ traceNumber: 'VOB-2', serviceTypes: ['30'] })], PROVIDER, ENVELOPE);
  const segments = segmentsOf(text);
  const elements = segments.map((s) => s.split('*'));

  it('has a 106-character ISA (with its terminator) and fixed-width fields', () => {
    const isa = text.slice(0, text.indexOf('~') + 1);
    expect(isa).toHaveLength(106);
    const f = isa.slice(0, -1).split('*');
    expect(f.map((x) => x.length)).toEqual([3, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]);
    expect(f[11]).toBe('^');
    expect(f[12]).toBe('00501');
    expect(f[16]).toBe(':');
  });

  it('matches control numbers: ISA13/IEA02, GS06/GE02, ST02/SE02', () => {
    const find = (id: string) => elements.filter((e) => e[0] === id);
    const isa = find('ISA')[0]!;
    const iea = find('IEA')[0]!;
    const gs = find('GS')[0]!;
    const ge = find('GE')[0]!;
    expect(isa[13]).toBe('000004321');
    expect(iea).toEqual(['IEA', '1', '000004321']);
    expect(gs[1]).toBe('HS');
    expect(gs[8]).toBe('005010X279A1');
    expect(ge).toEqual(['GE', '2', gs[6]]);
    const st = find('ST');
    const se = find('SE');
    expect(st.map((e) => e[2])).toEqual(['0001', '0002']);
    expect(se.map((e) => e[2])).toEqual(['0001', '0002']);
    expect(new Set(st.map((e) => e[2])).size).toBe(st.length);
  });

  it('counts ST through SE in SE01', () => {
    let start = -1;
    segments.forEach((s, i) => {
      if (s.startsWith('ST*')) start = i;
      if (s.startsWith('SE*')) expect(Number(s.split('*')[1])).toBe(i - start + 1);
    });
  });

  it('writes the 20 → 21 → 22 hierarchy with one EQ per code', () => {
    const first = segments.slice(segments.indexOf('ST*270*0001*005010X279A1'), segments.findIndex((s) => s.startsWith('SE*')) + 1);
    expect(first).toEqual([
      'ST*270*0001*005010X279A1',
      'BHT*0022*13*VOB-1*20261206*0705',
      'HL*1**20*1',
      'NM1*PR*2*AETNA*****PI*60054',
      'HL*2*1*21*1',
      'NM1*1P*2*SUNRISE RECOVERY TEST*****XX*1234567893',
      'HL*3*2*22*0',
      'TRN*1*VOB-1*9123456789',
      'NM1*IL*1*TESTPERSON*AVERY*Q***MI*W900000001',
      'DMG*D8*19900102',
      'DTP*291*D8*20261207',
      'EQ*30',
      'EQ*MH',
      'EQ*AI',
      'SE*15*0001',
    ]);
  });

  it('adds a 2000D dependent loop when the patient is not the subscriber', () => {
    const out = write270(
      [inquiry({ subscriber: { name: { last: 'Exampleparent', first: 'Jordan', middle: null, suffix: null }, memberId: 'U800000002', dob: null }, dependent: { name: { last: 'Exampleparent', first: 'Riley', middle: null, suffix: 'JR' }, dob: '2008-03-15' } })],
      PROVIDER,
      ENVELOPE,
    );
    const body = segmentsOf(out).slice(8, -3);
    expect(body).toEqual([
      'HL*3*2*22*1',
      'NM1*IL*1*EXAMPLEPARENT*JORDAN****MI*U800000002',
      'HL*4*3*23*0',
      'TRN*1*VOB-1*9123456789',
      'NM1*03*1*EXAMPLEPARENT*RILEY***JR',
      'DMG*D8*20080315',
      'DTP*291*D8*20261207',
      'EQ*30',
      'EQ*MH',
      'EQ*AI',
    ]);
    // No INS or relationship code in the 270's dependent loop.
    expect(out).not.toMatch(/~\s*INS\*/);
  });

  it('never lets a delimiter in a value end an element or a segment', () => {
    const out = write270([inquiry({ subscriber: { name: { last: "O~Brien*Smith", first: 'A:B^C', middle: null, suffix: null }, memberId: 'W1', dob: null } })], PROVIDER, ENVELOPE);
    const [parsed] = parse270(out);
    expect(parsed!.subscriber).toMatchObject({ last: 'O BRIEN SMITH', first: 'A B C' });
  });

  it('refuses a bad NPI, duplicate trace numbers, bad dates and an empty batch before writing', () => {
    expect(() => write270([inquiry()], { ...PROVIDER, npi: '1234567890' }, ENVELOPE)).toThrow(X12WriteError);
    expect(() => write270([inquiry(), inquiry()], PROVIDER, ENVELOPE)).toThrow(/trace number used twice/);
    expect(() => write270([inquiry({ dateOfService: '2026-02-30' })], PROVIDER, ENVELOPE)).toThrow(/not YYYY-MM-DD/);
    expect(() => write270([], PROVIDER, ENVELOPE)).toThrow(/no inquiries/);
    expect(() => write270([inquiry()], PROVIDER, { ...ENVELOPE, controlNumber: 0 })).toThrow(/control number/);
    expect(() => write270([inquiry({ serviceTypes: ['30^MH'] })], PROVIDER, ENVELOPE)).toThrow(/service type/);
  });
});

describe('splitPersonName', () => {
  it.each([
    ['Jane Q Doe', { last: 'Doe', first: 'Jane', middle: 'Q', suffix: null }],
    ['Doe, Jane Q', { last: 'Doe', first: 'Jane', middle: 'Q', suffix: null }],
    ['John A. Smith Jr.', { last: 'Smith', first: 'John', middle: 'A.', suffix: 'JR' }],
    ['Smith, John, III', { last: 'Smith', first: 'John', middle: null, suffix: 'III' }],
    ['Cher', { last: 'Cher', first: null, middle: null, suffix: null }],
  ])('%s', (written, parts) => {
    expect(splitPersonName(written)).toEqual(parts);
  });
});

/** Every fixture request with a directory payer ID, through a 270 and back. */
describe('round trip: fixture requests → 270 → parsed back', () => {
  const requests: { file: string; index: number; request: VobRequest }[] = [];
  for (const file of readdirSync(EMAIL_FIXTURES).filter((f) => f.endsWith('.expected.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(EMAIL_FIXTURES, file), 'utf8')) as VobDocument;
    doc.requests.forEach((request, index) => requests.push({ file, index, request }));
  }
  const writable = requests.filter(({ request }) => lookupPayerId(request.insurance.payerName).found);

  it('has fixtures with payer IDs to send, and some without', () => {
    expect(writable.length).toBeGreaterThan(20);
    expect(writable.length).toBeLessThan(requests.length);
  });

  const batch = writable.flatMap(({ file, index, request }, n) => {
    const result = inquiryForRequest(request, { traceNumber: `VOB-${n + 1}`, dateOfService: '2026-12-07' });
    return result.ok ? [{ file, index, request, inquiry: result.inquiry }] : [];
  });
  const parsed = parse270(write270(batch.map((b) => b.inquiry), PROVIDER, ENVELOPE));

  it('writes one transaction per request that has what a 270 needs', () => {
    expect(parsed).toHaveLength(batch.length);
    expect(batch.length).toBeGreaterThan(15);
  });

  it.each(batch.map((b, i) => [`${b.file}#${b.index}`, i] as const))('%s', (_name, i) => {
    const { request, inquiry: sent } = batch[i]!;
    const back = parsed[i]!;
    const payer = lookupPayerId(request.insurance.payerName);
    expect(payer.found && back.payer.id).toBe(payer.found && payer.payerId);
    expect(back.trace).toBe(sent.traceNumber);
    expect(back.subscriber.memberId).toBe(request.insurance.memberId);
    expect(back.dateOfService).toBe('2026-12-07');
    expect(back.serviceTypes[0]).toBe('30');
    const patient = back.dependent ?? back.subscriber;
    const isDependent = request.subscriber.relationship !== null && request.subscriber.relationship !== 'self';
    expect(back.dependent !== null).toBe(isDependent);
    expect(patient.dob).toBe(request.client.dob);
    const name = splitPersonName(request.client.name!)!;
    const plain = (s: string | null) => (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    expect(patient.last).toBe(plain(name.last));
    expect(patient.first).toBe(plain(name.first));
    // HL parent/child: 1 (20, no parent) → 2 (21) → 3 (22) [→ 4 (23)], HL04 says whether a child follows.
    const expected = [['1', '', '20', '1'], ['2', '1', '21', '1'], ['3', '2', '22', isDependent ? '1' : '0']];
    if (isDependent) expected.push(['4', '3', '23', '0']);
    expect(back.hierarchy).toEqual(expected);
  });

  it('names what a request lacks, without its values', () => {
    const incomplete = requests.find(({ request }) => request.insurance.memberId === null)!.request;
    const result = inquiryForRequest(incomplete, { traceNumber: 'T', dateOfService: '2026-12-07' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.missing).toContain('member ID');
  });
});
