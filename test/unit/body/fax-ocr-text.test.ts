/**
 * Requests that arrive as a fax's or a copier's OCR text, from set N's first run, each in other
 * wording than the set's: label words with digits or "rn" for letters, doubled spaces inside a
 * label, zeros and ones read as letters in dates, phones and words.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { classifyLabel } from '../../../src/domain/body/labels';
import { parsePhone } from '../../../src/domain/body/phones';
import { parseDate } from '../../../src/domain/body/dates';

const one = (text: string) => extractBody(text, { subject: 'fax', from: 'fax@gateway.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests[0];

describe('label words as OCR misreads them', () => {
  it.each([
    ['Patient Narne', 'clientName'],
    ['Mernber lD', 'memberId'],
    ['lnsurance', 'payer'],
    ['lns. Ph0ne', 'insPhone'],
    ['Te1ephone', 'phone'],
    ['Policy ho1der', 'subscriberName'],
    ['City / State / Z1P', 'cityStateZip'],
    ['Referred 8y', 'referredBy'],
  ])('"%s" is %s', (label, field) => {
    expect(classifyLabel(label)).toBe(field);
  });
  it('leaves a word that is no label word alone', () => {
    expect(classifyLabel('Bernard')).toBeNull();
  });
});

describe('values as OCR misreads them', () => {
  it('reads zeros and ones typed as letters in a numeric date or a phone', () => {
    expect(parseDate('O3/l1/2OO2', { birthDate: true, reference: new Date('2026-11-20') })).toBe('2002-03-11');
    expect(parsePhone('1-8OO-555-O1O9')).toBe('+18005550109');
    // Letters in a word stay letters.
    expect(parsePhone('Ohio line 800-555-0109')).toBe('+18005550109');
  });

  it('reads a form whose label words are spaced twice, with digits in its words', () => {
    const r = one(['Cl1ent  Narne :  Rosa M. Quill', 'Date  0f  Birth :   O4/12/1971', 'Address:  9 Pine Rd, Bi1lings, MT 59101', 'lnsurance  Narne :  B1ue Cross B1ue Shield of Montana', 'Mernber  lD :  XZM 4410 2298', 'lns  Ph0ne :  1-8OO-555-O144', 'Po1icy  ho1der :  self'].join('\n'));
    expect(r).toMatchObject({
      client: { name: 'Rosa M. Quill', dob: '1971-04-12', address: { city: 'Billings', state: 'MT' } },
      insurance: { payerName: 'Blue Cross Blue Shield of Montana', memberId: 'XZM44102298', phone: '+18005550144' },
      subscriber: { relationship: 'self' },
    });
  });
});

describe('a fax gateway\'s own words and a fax form\'s boxes', () => {
  it('reads the form behind "You have received a new fax" (no notice of a new fax number)', () => {
    const r = one('You have received a new fax.\nPages: 2\n\nClient: Omar Vance\nDate of Birth: 03/03/1971\nInsurance: Aetna\nMember ID: W555017733\nReferred By: Pine Hollow\n');
    expect(r).toMatchObject({ client: { name: 'Omar Vance', dob: '1971-03-03' }, insurance: { memberId: 'W555017733' } });
    expect(extractBody('Heads up - our new fax number is 555-555-0100.', { subject: 'Update', from: 'a@c.test', fromName: null }).intent).toBe('notice');
  });

  it('reads a row of boxes OCR turned into "El" as unticked, and "Company:" under INSURANCE as the payer', () => {
    const r = one(['CLIENT', 'Name: Omar Vance', 'DOB: 03/03/1971', '', 'INSURANCE', 'Company: Wellmark Blue Cross Blue Shield', 'Member ID: WMK55510022', '', 'SUBSCRIBER', 'Relationship to Client:   El Self   El Spouse   El Parent   El Other'].join('\n'));
    expect(r?.insurance.payerName).toBe('Wellmark Blue Cross Blue Shield');
    expect(r?.subscriber.relationship).toBeNull();
    // Outside an insurance section a company is an employer, no payer.
    expect(one('Client: Omar Vance\nDOB: 03/03/1971\nCompany: Acme Freight\nInsurance: Aetna\n')?.insurance.payerName).toBe('Aetna');
  });
});

describe('more of what a fax\'s OCR does to values', () => {
  it('reads a ZIP with a zero read as O, a city with ones for ls, and a bracketed note as no value', () => {
    const r = one('Client: Omar Vance\nDOB: 03/03/1971\nAddress: 12 Elm St, Ya11ey Springs, CA 9O210\nInsurance Co.: ( see card copy - pg 2 )\n');
    expect(r?.client.address).toMatchObject({ city: 'Yalley Springs', state: 'CA', postalCode: '90210' });
    expect(r?.insurance.payerName).toBeNull();
  });
});
