import { read271 } from '../../../src/domain/x12/read-271';
import {
  BadWorksheetFieldError,
  emptyWorksheet,
  formFieldValue,
  WORKSHEET_FIELDS,
  worksheetFrom271,
  worksheetFromForm,
  worksheetSchema,
} from '../../../src/domain/verification';
import { readX12Fixture } from '../x12/x12-test-files';

describe('the verification worksheet schema', () => {
  it('takes an empty worksheet and a filled one', () => {
    expect(worksheetSchema.safeParse(emptyWorksheet()).success).toBe(true);
    const w = emptyWorksheet();
    w.call = { representative: 'Rep A', referenceNumber: 'REF-1', at: '2026-12-06T10:30' };
    w.planType = 'ppo';
    w.network = { facility: 'in', behavioralHealth: 'out' };
    w.deductible.individual.inNetwork = { amount: 1500, met: 250 };
    w.levels.residential = { ...w.levels.residential, covered: true, coinsurancePercent: 20, authRequired: true, authObtainedBy: 'facility', authPhone: '800-555-0100' };
    expect(worksheetSchema.parse(w)).toEqual(w);
  });

  it('refuses unknown keys, bad enums, negative amounts and percentages over 100', () => {
    const bad = (patch: (w: Record<string, unknown>) => void) => {
      const w = emptyWorksheet() as unknown as Record<string, unknown>;
      patch(w);
      return worksheetSchema.safeParse(w).success;
    };
    expect(bad((w) => (w['extra'] = 1))).toBe(false);
    expect(bad((w) => (w['planType'] = 'indemnity'))).toBe(false);
    expect(bad((w) => ((w['deductible'] as { individual: { inNetwork: { amount: number } } }).individual.inNetwork.amount = -1))).toBe(false);
    expect(bad((w) => ((w['levels'] as { iop: { coinsurancePercent: number } }).iop.coinsurancePercent = 120))).toBe(false);
    expect(bad((w) => ((w['coverage'] as { from: string }).from = '12/01/2026'))).toBe(false);
  });
});

describe('the worksheet form', () => {
  it('has one field per leaf, every level of care included', () => {
    const names = WORKSHEET_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['call.representative', 'deductible.family.outOfNetwork.met', 'levels.mat.authNumber', 'estimatedPatientResponsibility']));
  });

  it('maps flat fields to a worksheet: empty → null, yes/no → booleans, amounts with $ and commas → numbers', () => {
    const w = worksheetSchema.parse(
      worksheetFromForm({ 'call.representative': ' Rep A ', planType: 'hmo', 'deductible.individual.inNetwork.amount': '$1,500', 'levels.iop.covered': 'yes', 'levels.iop.afterDeductible': 'no', 'levels.iop.coinsurancePercent': '20%', _csrf: 'x' }),
    );
    expect(w.call.representative).toBe('Rep A');
    expect(w.planType).toBe('hmo');
    expect(w.deductible.individual.inNetwork.amount).toBe(1500);
    expect(w.levels.iop).toMatchObject({ covered: true, afterDeductible: false, coinsurancePercent: 20, copay: null });
    expect(w.notes).toBeNull();
  });

  it('names the field that is not a number or yes/no', () => {
    expect(() => worksheetFromForm({ 'levels.detox.copay': 'ten' })).toThrow(BadWorksheetFieldError);
    try {
      worksheetFromForm({ 'levels.detox.covered': 'maybe' });
    } catch (err) {
      expect((err as BadWorksheetFieldError).field).toBe('levels.detox.covered');
    }
  });

  it('shows a worksheet back in form values (round trip)', () => {
    const w = emptyWorksheet();
    w.levels.php.covered = false;
    w.outOfPocket.family.inNetwork.amount = 9000;
    const fields = Object.fromEntries(WORKSHEET_FIELDS.map((f) => [f.name, formFieldValue(w, f.name)]));
    expect(fields['levels.php.covered']).toBe('no');
    expect(fields['outOfPocket.family.inNetwork.amount']).toBe('9000');
    expect(worksheetSchema.parse(worksheetFromForm(fields))).toEqual(w);
  });
});

describe('prefill from a 271 draft', () => {
  it('reads plan type, dates, deductible and out-of-pocket met, and per level coverage, cost share and auth', () => {
    const [response] = read271(readX12Fixture('active-bh.271')).responses;
    const w = worksheetFrom271(response!);
    expect(w.planType).toBe('ppo');
    expect(w.benefitPeriod).toBe('calendar-year');
    expect(w.coverage.from).toBe('2026-01-01');
    expect(w.deductible.individual.inNetwork).toEqual({ amount: 1500, met: 250 });
    expect(w.deductible.individual.outOfNetwork.amount).toBe(3000);
    expect(w.outOfNetwork.benefits).toBe(true);
    expect(w.levels.outpatient.copay).toBe(40);
    expect(w.levels.detox).toMatchObject({ coinsurancePercent: 20, authRequired: true });
    expect(w.levels.residential).toMatchObject({ coinsurancePercent: 40, authRequired: false });
    expect(w.levels.php).toMatchObject({ limit: 30, limitUnit: 'visits', authRequired: true });
    // What the payer's file does not say stays for the biller.
    expect(w.call).toEqual({ representative: null, referenceNumber: null, at: null });
    expect(w.network.facility).toBeNull();
  });

  it('takes the carve-out payer and its phone', () => {
    const responses = read271(readX12Fixture('carve-out.271')).responses;
    const withCarveOut = responses.find((r) => r.carveOut !== null)!;
    expect(worksheetFrom271(withCarveOut).carveOut).toEqual({ payerName: withCarveOut.carveOut!.name, phone: withCarveOut.carveOut!.phone });
  });
});
