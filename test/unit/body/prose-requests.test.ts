/**
 * Requests written as sentences, from set M's first run, each in other wording than the set's:
 * who holds the policy said by relation or as "her own plan", the client named beside the card,
 * the plan's phone said in a sentence, the writer's own center named after "us".
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { findPayer, samePayer } from '../../../src/domain/card/payers';

const one = (text: string) => extractBody(text, { subject: 'benefits', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests[0];

describe('who holds the policy, said in a sentence', () => {
  it('reads "on her own plan" as self, and the clause after it on its own', () => {
    const r = one('Please run benefits for Lena Ortiz (DOB 2/2/1992, Humana H55501234). She is on her own plan through work, and she lives at 4 Birch Way, Ames, IA 50010.');
    expect(r).toMatchObject({ subscriber: { name: 'Lena Ortiz', relationship: 'self' }, client: { address: { line1: '4 Birch Way', city: 'Ames' } } });
  });

  it('reads the card holder named by relation and the client covered "as his wife"', () => {
    const r = one("Card for Mira Tal (DOB 1/9/1988) attached. The name on the card is her husband's, Oren Tal - she's covered under his Aetna plan as his wife.");
    expect(r).toMatchObject({ client: { name: 'Mira Tal', dob: '1988-01-09' }, insurance: { payerName: 'Aetna' }, subscriber: { name: 'Oren Tal', relationship: 'spouse' } });
  });
});

describe('the client named in a sentence', () => {
  it('reads "Card attached (both sides) for <name>" and "My daughter is <name>"', () => {
    expect(one('Card attached (both sides) for Jonah Pike. DOB 3/3/2003.\nAddress: 8 Elm St, Troy, NY 12180')?.client.name).toBe('Jonah Pike');
    expect(one('My daughter is Rue Castillo, she was born 5/6/2004. Her insurance is Cigna, member ID U55531177.')?.client).toMatchObject({ name: 'Rue Castillo', dob: '2004-05-06' });
  });
});

describe('values said in sentences', () => {
  it('reads the plan\'s phone said as who should call it', () => {
    expect(one('Client: Bo Hart\nDOB: 7/7/1977\nThe card says providers should call 1-800-555-0176.')?.insurance.phone).toBe('+18005550176');
    // The writer's own number is no plan phone.
    expect(one('Client: Bo Hart\nDOB: 7/7/1977\nInsurance: Aetna\nYou can call me at 555-555-0133.')?.insurance.phone ?? null).toBeNull();
  });

  it('reads the writer\'s center named after "us" as the referral', () => {
    expect(one('Client: Bo Hart\nDOB: 7/7/1977\nReferring facility is us - Cedar Hollow Recovery.')?.referredBy).toBe('Cedar Hollow Recovery');
  });
});

describe('a payer as the card prints it', () => {
  it('keeps "Cigna Healthcare" and still takes it for the same payer as "Cigna"', () => {
    expect(findPayer('CIGNA HealthCare   Open Access Plus')).toBe('Cigna Healthcare');
    expect(samePayer('Cigna', 'Cigna Healthcare')).toBe(true);
    expect(samePayer('Highmark', 'Highmark Blue Shield')).toBe(true);
    expect(samePayer('Cigna', 'Aetna')).toBe(false);
  });
});
