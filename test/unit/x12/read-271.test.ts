import { X12FormatError } from '../../../src/domain/x12/interchange';
import { read271 } from '../../../src/domain/x12/read-271';
import { interchange271, readX12Fixture, sourceLoops, subscriberLoop } from './x12-test-files';

/** The error read271 throws, for assertions on its segment number and reason. */
function refusal(text: string): X12FormatError {
  try {
    read271(text);
  } catch (err) {
    if (err instanceof X12FormatError) return err;
    throw err;
  }
  throw new Error('the file was read');
}

describe('read271 on fixtures', () => {
  it('reads active coverage with behavioral-health benefits', () => {
    const { responses, interchangeControlNumber } = read271(readX12Fixture('active-bh.271'));
    expect(interchangeControlNumber).toBe('000001001');
    expect(responses).toHaveLength(1);
    const [r] = responses;
    expect(r).toMatchObject({
      traceNumber: 'VOB-0001',
      payer: { name: 'AETNA', id: '60054' },
      memberId: 'W900000001',
      name: 'TESTPERSON, AVERY',
      dob: '1990-01-02',
      active: true,
      rejections: [],
      carveOut: null,
      loop: 'subscriber',
      dates: { 'plan-begin': '2026-01-01' },
    });
    expect(r!.benefits[0]).toMatchObject({ info: '1', serviceTypes: ['30', 'MH', 'AI'], planDescription: 'PPO PLAN', messages: ['BEHAVIORAL HEALTH ADMINISTERED BY PLAN'] });
    expect(r!.benefits[1]).toEqual({
      info: 'C',
      serviceTypes: ['30'],
      coverageLevel: 'IND',
      network: 'in',
      period: 'calendar-year',
      amount: 1500,
      percent: null,
      authRequired: null,
      remaining: false,
      messages: [],
      insuranceType: null,
      planDescription: null,
      quantity: null,
    });
    expect(r!.benefits[2]).toMatchObject({ info: 'C', period: 'remaining', amount: 1250, remaining: true });
    expect(r!.benefits[5]).toMatchObject({ info: 'G', amount: 5125.5, remaining: true });
    expect(r!.benefits[6]).toMatchObject({ info: 'C', network: 'out', amount: 3000 });
    expect(r!.benefits[7]).toMatchObject({ info: 'B', serviceTypes: ['CH', 'CJ'], period: 'visit', amount: 40, messages: ['COPAY APPLIES PER VISIT'] });
    expect(r!.benefits[8]).toMatchObject({ info: 'A', serviceTypes: ['CG', 'CI'], percent: 20, authRequired: true, messages: ['PRIOR AUTHORIZATION REQUIRED FOR INPATIENT', 'CALL 555-0100 FOR AUTH'] });
    expect(r!.benefits[9]).toMatchObject({ info: 'F', serviceTypes: ['BB'], period: 'service-year', quantity: { qualifier: 'VS', value: 30 }, authRequired: true });
    expect(r!.benefits[10]).toMatchObject({ info: 'A', serviceTypes: ['RT'], percent: 40, authRequired: false, network: 'any' });
  });

  it('reads a behavioral-health carve-out (NM1*PR with PER in LS/LE) on the dependent', () => {
    const { responses } = read271(readX12Fixture('carve-out.271'));
    expect(responses.map((r) => r.loop)).toEqual(['subscriber', 'dependent']);
    const [subscriber, dependent] = responses;
    expect(subscriber).toMatchObject({ traceNumber: null, name: 'EXAMPLEPARENT, JORDAN', memberId: 'U800000002', active: null, carveOut: null });
    expect(dependent).toMatchObject({
      traceNumber: 'VOB-0002',
      name: 'EXAMPLEPARENT, RILEY',
      memberId: 'U800000002',
      dob: '2008-03-15',
      active: true,
      carveOut: { name: 'FICTIONAL BEHAVIORAL HEALTH TEST', phone: '+18005550199' },
    });
    // The EB after LE is the dependent's own, not the related entity's.
    expect(dependent!.benefits.map((b) => b.info)).toEqual(['1', '1', 'C']);
  });

  it('reads a rejection with its reason in words', () => {
    const { responses } = read271(readX12Fixture('rejection.271'));
    expect(responses).toEqual([
      expect.objectContaining({
        traceNumber: 'VOB-0003',
        active: null,
        benefits: [],
        rejections: [{ code: '75', reason: 'Subscriber/Insured Not Found', followUp: 'Please Correct and Resubmit' }],
      }),
    ]);
  });

  it('reads several subscribers, transactions and a payer-level rejection in one file', () => {
    const { responses } = read271(readX12Fixture('several-subscribers.271'));
    expect(responses.map((r) => [r.traceNumber, r.payer.id, r.active, r.rejections.map((x) => x.code)])).toEqual([
      ['VOB-0101', '60054', true, []],
      ['VOB-0102', '60054', false, []],
      ['VOB-0103', '60054', null, ['72']],
      [null, '61101', null, []],
      ['VOB-0104', '61101', true, []],
      // The source that answered "unable to respond" has no subscriber loop: its reasons still count.
      [null, '61101', null, ['42']],
    ]);
    expect(responses[2]!.rejections[0]!.reason).toBe('Invalid/Missing Subscriber/Insured ID');
    expect(responses[5]!.rejections[0]!.reason).toBe('Unable to Respond at Current Time');
  });

  it('keeps coverage dates (D8 and RD8) by name, not a benefit\'s own', () => {
    const text = readX12Fixture('several-subscribers.271')
      .replace('DMG*D8*19791111', 'DTP*307*RD8*20260101-20261231')
      .replace('EB*C*IND*MH***23*500*****Y', 'DTP*472*D8*20260301');
    expect(read271(text).responses[0]!.dates).toEqual({ eligibility: '2026-01-01/2026-12-31' });
  });

  it('takes its delimiters from the ISA and ignores line endings around segments', () => {
    const text = readX12Fixture('several-subscribers.271');
    const other = text.replace(/\*/g, '|').replace(/\^/g, '!').replace(/\|:~/, '|>~').replace(/~\n/g, '\r\n\r\n');
    // ISA16 is now '>' and the terminator a CR: segments separated by CR, LF and blank lines.
    expect(other.slice(0, 106).endsWith('>\r')).toBe(true);
    expect(read271(other)).toEqual(read271(text));
    const oneLine = text.replace(/~\n/g, '~');
    expect(read271(oneLine)).toEqual(read271(text));
  });
});

describe('the JSON shape staff tools read', () => {
  const RESPONSE_KEYS = ['traceNumber', 'payer', 'memberId', 'name', 'dob', 'active', 'rejections', 'benefits', 'carveOut'];
  const BENEFIT_KEYS = ['info', 'serviceTypes', 'coverageLevel', 'network', 'period', 'amount', 'percent', 'authRequired', 'remaining', 'messages'];

  it.each(['active-bh.271', 'carve-out.271', 'rejection.271', 'several-subscribers.271'])('%s has every agreed key', (file) => {
    const json = JSON.parse(JSON.stringify(read271(readX12Fixture(file)))) as { responses: Record<string, unknown>[] };
    for (const response of json.responses) {
      expect(Object.keys(response)).toEqual(expect.arrayContaining(RESPONSE_KEYS));
      expect(Object.keys(response.payer as object).sort()).toEqual(['id', 'name']);
      expect([true, false, null]).toContain(response.active);
      for (const benefit of response.benefits as Record<string, unknown>[]) {
        expect(Object.keys(benefit)).toEqual(expect.arrayContaining(BENEFIT_KEYS));
        expect(['in', 'out', 'any', null]).toContain(benefit.network);
      }
      for (const rejection of response.rejections as Record<string, unknown>[]) expect(Object.keys(rejection)).toEqual(expect.arrayContaining(['code', 'reason']));
      if (response.carveOut !== null) expect(Object.keys(response.carveOut as object)).toEqual(expect.arrayContaining(['name', 'phone']));
    }
  });
});

describe('read271 refuses a malformed file with the segment number', () => {
  it.each([
    ['hostile-truncated.271', 23, /truncated/],
    ['hostile-missing-iea.271', 35, /no IEA/],
    ['hostile-wrong-delimiters.271', 2, /wrong delimiters/],
    ['hostile-terminator-in-data.271', 13, /terminator inside data/],
    ['hostile-counts-off.271', 33, /SE01 says 30 segments, the transaction has 31/],
  ])('%s', (file, segment, reason) => {
    const err = refusal(readX12Fixture(file));
    expect(err.segmentNumber).toBe(segment);
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(new RegExp(`^segment ${segment}: `));
  });

  const valid = readX12Fixture('several-subscribers.271');
  it.each([
    ['an empty file', '', null, /not an X12 interchange/],
    ['not X12', 'From: someone@center.test\n\nhello'.padEnd(200, ' '), 1, /does not start with ISA/],
    ['a short ISA', valid.replace('SUNRISETEST    ', 'SUNRISETEST'), 1, /106 characters/],
    ['GE count off', valid.replace('GE*3*1004', 'GE*2*1004'), 49, /GE01 says 2/],
    ['IEA control number', valid.replace('IEA*1*000001004', 'IEA*1*000001005'), 50, /IEA02 does not match ISA13/],
    ['SE control number', valid.replace('SE*8*0002', 'SE*8*0009'), 34, /SE02 does not match ST02/],
    ['a 270 instead', valid.replace('GS*HB', 'GS*HS'), 2, /GS01 is HS, expected HB/],
    ['HL under the wrong parent', valid.replace('HL*4*2*22*0', 'HL*4*1*22*0'), 15, /an HL 22 must hang under an HL 21/],
    ['HL parent unknown', valid.replace('HL*4*2*22*0', 'HL*4*9*22*0'), 15, /HL02 names a parent/],
    ['a bad date of birth', valid.replace('DMG*D8*19791111', 'DMG*D8*19791311'), 12, /DMG02/],
    ['a bad plan date', valid.replace('DMG*D8*19791111', 'DTP*346*RD8*20260101-2026'), 12, /DTP03/],
    ['a bad amount', valid.replace('EB*C*IND*MH***23*500', 'EB*C*IND*MH***23*5O0'), 14, /EB07 is not a number/],
    ['data after IEA', `${valid}ISA*00`, 51, /data after IEA/],
    ['LS not closed before SE', readX12Fixture('carve-out.271').replace('LE*2120~\nEB*C*IND*30***23*2000*****Y~\n', '').replace('SE*22*', 'SE*20*'), 22, /SE inside LS\/LE: LE is missing/],
    ['LS without LE', readX12Fixture('carve-out.271').replace('LE*2120~\n', '').replace('SE*22*', 'SE*21*'), 22, /EB inside LS\/LE/],
  ])('%s', (_name, text, segment, reason) => {
    const err = refusal(text);
    expect(err.segmentNumber).toBe(segment);
    expect(err.message).toMatch(reason);
  });
});

describe('read271 on a large file', () => {
  it('reads a 10 MB interchange of segments whole, or refuses it whole', () => {
    const loops: string[][] = [];
    let bytes = 0;
    let hl = 2;
    while (bytes < 10 * 1024 * 1024) {
      hl++;
      const loop = subscriberLoop(hl);
      loops.push(loop);
      bytes += loop.join('~\n').length;
    }
    const text = interchange271([[...sourceLoops(), ...loops.flat()]]);
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);

    const before = process.memoryUsage().heapUsed;
    const { responses } = read271(text);
    expect(responses).toHaveLength(loops.length);
    expect(responses.at(-1)).toMatchObject({ traceNumber: `VOB-${hl}`, active: true, benefits: [expect.anything(), expect.anything()] });
    // A generous bound: the answer itself, not copies of the text.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 1024 * 1024);

    const cut = text.slice(0, text.length - 40);
    expect(() => read271(cut)).toThrow(X12FormatError);
  }, 60_000);
});
