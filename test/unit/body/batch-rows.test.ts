/**
 * A veteran biller's shorthand and a family's wording, from the first runs of the shorthand,
 * families and names sets, each rule in other wording than its set's: rows of values without
 * labels, header rows written as "format:" lines, ditto marks, relation letters, combined labels,
 * a subject that carries the client, and who holds the policy said by a parent.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { subjectFields } from '../../../src/domain/body/subject-fields';
import { parseRelationship } from '../../../src/domain/body/relationships';

const ctx = { subject: 'vob', from: 'a@center.test', fromName: null, referenceDate: '2026-10-20T00:00:00Z' };
const all = (text: string, extra: Partial<typeof ctx> = {}) => extractBody(text, { ...ctx, ...extra }).requests;

describe('rows of values without labels (shorthand set)', () => {
  it('reads a row apart by runs of spaces by the shape of each value', () => {
    const [r] = all('2 tonight, same as always.\n\nDana Whitlow  071588  90 Oak Row Peoria IL 61602  Aetna  W3309 11842  G# 551203  800.555.0111 opt 2  self  Prairie Light Detox\n');
    expect(r).toMatchObject({
      client: { name: 'Dana Whitlow', dob: '1988-07-15', address: { line1: '90 Oak Row', city: 'Peoria', state: 'IL', postalCode: '61602' } },
      insurance: { payerName: 'Aetna', memberId: 'W330911842', groupNumber: '551203', phone: '+18005550111' },
      subscriber: { name: 'Dana Whitlow', relationship: 'self' },
      referredBy: 'Prairie Light Detox',
    });
  });

  it('reads numbered pipe rows, the subscriber with a relation letter, and shares the referral said for all', () => {
    const rs = all('all ref\'d by Harbor Gate Recovery.\n\n1. Lou Pardo | 4.4.91 | 7 Bay St, Erie PA 16501 | Highmark | ZHE 7720 1144 | 40018 | 800.555.0120 | self\n2. Kim Pardo | 9.9.05 | 7 Bay St, Erie PA 16501 | Highmark | ZHE 7720 1145 | 40018 | 800.555.0120 | Lou Pardo / C\n');
    expect(rs).toHaveLength(2);
    expect(rs[1]).toMatchObject({ client: { name: 'Kim Pardo', dob: '2005-09-09' }, subscriber: { name: 'Lou Pardo', relationship: 'child' }, referredBy: 'Harbor Gate Recovery' });
    expect(rs[0]?.insurance.groupNumber).toBe('40018');
  });

  it('reads a "format:" line as the header of the rows below it, past a key to its codes, rows split at commas', () => {
    const rs = all('format: name / dob / address / ins / M# / G# / ins ph / subscriber / rel / ref\nrel key: 18 self, 01 spouse, 19 child\n\nAri Beck, 2-2-80, 12 Pine Rd, Flint MI 48503, Cigna, U1120 3344, 772001, 800-555-0133, Ari Beck, 18, Lakeshore Detox\nMo Beck, 3-3-81, 12 Pine Rd, Flint MI 48503, Cigna, U1120 3345, 772001, 800-555-0133, Ari Beck, 01, Lakeshore Detox\n');
    expect(rs).toHaveLength(2);
    expect(rs[1]).toMatchObject({ client: { name: 'Mo Beck', address: { city: 'Flint' } }, subscriber: { name: 'Ari Beck', relationship: 'spouse' }, referredBy: 'Lakeshore Detox' });
  });

  it('repeats a cell or a labelled value marked with a ditto', () => {
    const rows = all('Pt | DOB | Addr | Ins | M# | G# | Ph# | Sub/Rel | Ref\n1. Ada Lowe | 1.1.90 | 3 Elm St, Ames IA 50010 | Wellmark | WMK 1234 5678 | 3300 | 800.555.0144 | self | Cedar Path IOP\n2. Ben Lowe | 2.2.92 | 3 Elm St, Ames IA 50010 | " | WMK 1234 5679 | " | " | Ada Lowe / SP | "\n');
    expect(rows[1]).toMatchObject({ insurance: { payerName: 'Wellmark', groupNumber: '3300', phone: '+18005550144' }, subscriber: { name: 'Ada Lowe', relationship: 'spouse' }, referredBy: 'Cedar Path IOP' });
    const labelled = all('1) Pt: Cal Ruiz | DOB: 5-5-95 | Ins: Aetna | ID: W5512 0099 | Ref: Mesa Light Detox\n2) Pt: Dee Ruiz | DOB: 6-6-97 | Ins: ditto | ID: W5512 0100 | Ref: "\n');
    expect(labelled[1]).toMatchObject({ insurance: { payerName: 'Aetna' }, referredBy: 'Mesa Light Detox' });
  });

  it('does not let a label whose value is a blank mark take the next labelled cell', () => {
    const [r] = all('Pt: Eli Moss | DOB: 7-7-99 | Ins: Aetna | ID: W7700 1122 | G#: -- | Ph#: 1.800.555.0188 | Ref: Sage Hill\n');
    expect(r?.insurance).toMatchObject({ groupNumber: null, phone: '+18005550188' });
  });

  it('reads "M#" as a member number and "G#" as a group number', () => {
    const [r] = all('Pt: Ivy Nash\nDOB: 3/3/1990\nIns: Humana\nM# H4455 6677\nG# 88120\n');
    expect(r?.insurance).toMatchObject({ memberId: 'H44556677', groupNumber: '88120' });
  });
});

describe('relations and combined labels (shorthand and names sets)', () => {
  it('reads a biller\'s relation letters', () => {
    expect(['S', 'SP', 'C', 'O'].map((v) => parseRelationship(v, 'subscriber'))).toEqual(['self', 'spouse', 'child', 'other']);
    expect(parseRelationship('s', 'subscriber')).toBeNull();
  });

  it('reads the known parts of one label naming several values in turn', () => {
    const [r] = all('Pt: Noor Said\nDOA / DOB / DLU: 01/05/2026, 07/21/1994, 01/01/2026\nIns: Cigna\nID: U9988 7766\n');
    expect(r?.client.dob).toBe('1994-07-21');
  });
});

describe('a subject that carries the client in one run (shorthand set)', () => {
  it('reads the name, the birth date (also MMDDYY) and a payer after it', () => {
    const ref = new Date('2026-10-20T00:00:00Z');
    expect(subjectFields('VOB Tara Quinn 4.12.88 Aetna', ref)).toMatchObject({ name: 'Tara Quinn', dob: '1988-04-12', payer: 'Aetna' });
    expect(subjectFields('VOB Tara Quinn 041288 - cards attached', ref)).toMatchObject({ name: 'Tara Quinn', dob: '1988-04-12' });
    expect(subjectFields('VOB: Ola Rey | 5.30.79 | UHC | M# 4410 2299', ref)).toMatchObject({ memberId: '44102299' });
  });
});

describe('a family\'s wording (families and names sets)', () => {
  it('reads "X is the name on the policy" and "on it as his dependent"', () => {
    const [r] = all('VOB for our son Theo Marsh, DOB 3/3/2009, 5 Ash Ct, Lima, OH 45801. Our plan is Aetna, ID W1100 2233. Paul Marsh is the name on the policy and Theo is on it as his dependent.');
    expect(r?.subscriber).toEqual({ name: 'Paul Marsh', relationship: 'child' });
  });

  it('reads the relative named in the sentence after the plan, and keeps how the plan is held out of its name', () => {
    const [r] = all('Hi, here is my info.\nJude Hale\nDOB 2/2/2004\nInsurance: Aetna, through my dad\'s job. His name is Victor Hale.\n');
    expect(r?.insurance.payerName).toBe('Aetna');
    expect(r?.subscriber).toEqual({ name: 'Victor Hale', relationship: 'child' });
  });

  it('reads a name over an unlabelled home address above a labelled plan', () => {
    const [r] = all('Hi, this is Jo, Max\'s dad.\n\nMax Lind\n12 Fern Way, Bend, OR 97701\n\nInsurance: PacificSource\nMember ID: 77120044\n');
    expect(r?.client).toMatchObject({ name: 'Max Lind', address: { line1: '12 Fern Way', city: 'Bend', state: 'OR' } });
  });

  it('takes the relation a writer gives ("I\'m his stepdad") for the policy holder the form names as the writer', () => {
    const [r] = extractBody('My wife Lyn and I are working with admissions about her son Cody. I\'m his stepdad and he\'s on my plan.\n\nCody Ferris\nDOB: 4/4/2010\nInsurance: Cigna\nMember ID: U2233 4455\nPolicy holder: Glen Ortega\n', { ...ctx, fromName: 'Ortega, Glen' }).requests;
    expect(r?.subscriber).toEqual({ name: 'Glen Ortega', relationship: 'child' });
  });

  it('reads "its my card, its in my name" from a client writing for himself', () => {
    const [r] = extractBody('hey its Rob. i turned 18 so i can send this myself\nlegal name: Robert Vance\ndob 2/2/2008\nits my medicaid card, its in my name\n', { ...ctx, fromName: 'Rob V' }).requests;
    expect(r?.subscriber).toEqual({ name: 'Robert Vance', relationship: 'self' });
  });
});

describe('a referral source that names no center (hedged set)', () => {
  it('reads "self-referred", "walk-in" and "Google search" as no referral, and lets a center named later stand', () => {
    expect(all('Client: Ada Lowe\nDOB: 1/1/1990\nInsurance: Aetna\nID: W1234 5678\nReferral: self-referred (called our line)\n')[0]?.referredBy).toBeNull();
    expect(all('Client: Ada Lowe\nDOB: 1/1/1990\nInsurance: Aetna\nID: W1234 5678\nReferral source: Google search\n')[0]?.referredBy).toBeNull();
    expect(all('Client: Ada Lowe\nDOB: 1/1/1990\nLead source: Website\nInsurance: Aetna\nID: W1234 5678\nReferring facility: Walk In Recovery Center\n')[0]?.referredBy).toBe('Walk In Recovery Center');
  });
});
