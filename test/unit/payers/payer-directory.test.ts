import { KNOWN_PAYERS } from '../../../src/domain/card/payers';
import directory from '../../../src/domain/payers/payer-ids.json';
import { lookupPayerId } from '../../../src/domain/payers/payer-directory';

describe('payer directory', () => {
  it('keys every entry by a name findPayer returns', () => {
    const unknown = [...Object.keys(directory.payers), ...Object.keys(directory.noPayerId)].filter((name) => !KNOWN_PAYERS.includes(name));
    expect(unknown).toEqual([]);
  });

  it('gives every listed payer an ID of clearinghouse shape', () => {
    for (const id of Object.values(directory.payers)) expect(id).toMatch(/^[A-Z0-9]{5,6}$/);
  });

  it.each([
    ['Aetna', '60054'],
    ['Aetna Better Health', '60054'],
    ['CIGNA HealthCare', '62308'],
    ['UHC', '87726'],
    ['United Behavioral Health', '87726'],
    ['Humana Gold Plus', '61101'],
    ['BCBSTX', '84980'],
  ])('%s → %s', (name, id) => {
    expect(lookupPayerId(name)).toEqual({ found: true, payerName: expect.any(String), payerId: id });
  });

  it('says why a payer has no single ID', () => {
    expect(lookupPayerId('Anthem Blue Cross')).toEqual({ found: false, payerName: 'Anthem Blue Cross', reason: expect.stringMatching(/state/) });
    expect(lookupPayerId('BCBS')).toMatchObject({ found: false, reason: expect.stringMatching(/prefix/) });
    expect(lookupPayerId('Medicaid')).toMatchObject({ found: false });
    expect(lookupPayerId('Blue Cross Blue Shield of Ohio')).toEqual({ found: false, payerName: 'Blue Cross Blue Shield of Ohio', reason: 'no payer ID in the directory for this payer' });
  });

  it('answers "no payer ID" for an unknown or absent payer', () => {
    expect(lookupPayerId('Zyxwv Mutual Test Plan')).toEqual({ found: false, payerName: null, reason: 'payer not recognised' });
    expect(lookupPayerId(null)).toEqual({ found: false, payerName: null, reason: 'no payer name' });
  });
});
