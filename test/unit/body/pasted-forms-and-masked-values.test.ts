/**
 * General rules found on the first run of blind sets L and M, each in other wording than the
 * set's: a face sheet of two columns pasted as text, a form whose labels and answers came apart,
 * values masked for privacy, a name's capitals in prose.
 */
import { extractBody } from '../../../src/domain/body/extract-body';
import { isPlaceholder } from '../../../src/domain/body/placeholders';

const read = (text: string) => extractBody(text, { subject: 'VOB', from: 'a@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' }).requests;

describe('a face sheet of two columns pasted as text', () => {
  it('reads the left column, then the right, a wrapped cell staying with its label', () => {
    const text = [
      'Please verify:',
      '',
      'CLIENT                                 INSURANCE',
      'Name:   Hollis Brandvold               Carrier:  Blue Cross and Blue Shield',
      'DOB:    11/02/1984                               of Kansas City',
      'Addr:   58 Tamarack Ct                 ID:       KCB 771 204 95',
      '        Lee\'s Summit, MO 64063         Prov ph:  1-800-555-0139',
      'Phone:  816-555-0190                   Insured:  Hollis Brandvold',
      '                                       Rel:      self',
      '',
      'Referred by: Prairie Gate Recovery',
    ].join('\n');
    const [r] = read(text);
    expect(r).toMatchObject({
      client: { name: 'Hollis Brandvold', dob: '1984-11-02', address: { line1: '58 Tamarack Ct', city: "Lee's Summit", state: 'MO', postalCode: '64063' } },
      insurance: { payerName: 'Blue Cross and Blue Shield of Kansas City', memberId: 'KCB77120495', phone: '+18005550139' },
      subscriber: { relationship: 'self' },
      referredBy: 'Prairie Gate Recovery',
    });
  });
});

describe('a form whose labels and answers came apart', () => {
  it('pairs as many answers as labels, in order', () => {
    const text = ['Patient name:', 'Birth date:', 'Home address:', 'Insurance:', 'Policy number:', '', 'Ada Quince', '3/15/1977', '9 Fern St, Bangor, ME 04401', 'Aetna', 'W555019922', '', 'thanks'].join('\n');
    const [r] = read(text);
    expect(r).toMatchObject({ client: { name: 'Ada Quince', dob: '1977-03-15', address: { city: 'Bangor' } }, insurance: { payerName: 'Aetna', memberId: 'W555019922' } });
  });

  it('leaves them apart when the counts differ', () => {
    const text = ['Patient name:', 'Birth date:', 'Home address:', 'Insurance:', 'Policy number:', '', 'Ada Quince', '3/15/1977', 'Aetna', '', 'thanks'].join('\n');
    // Paired in order, "Aetna" would be the address and nothing the policy number.
    expect(read(text)[0]?.client.address ?? null).toBeNull();
    expect(read(text)[0]?.client.dob ?? null).not.toBe('1977-03-15');
  });
});

describe('values masked for privacy', () => {
  it.each(['XXXXXX9021', 'xxx-xx-9021', '•••• 9021', '**/**/1979', '####-9021'])('"%s" is not a value', (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });
  it.each(['X12345678', 'XKB8830012', '1979'])('"%s" is', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});

describe('a name in prose, told by its capitals', () => {
  it('does not take "the whole date of birth" for a name', () => {
    const [r] = read('New VOB. We can only give the whole date of birth by phone.\nClient: Ines Vardy\nDOB: **/**/1990\nInsurance: Cigna\nMember ID: U55521190\n');
    expect(r?.client.name).toBe('Ines Vardy');
    expect(r?.client.dob).toBeNull();
  });
  it('reads a hyphenated surname before its date of birth', () => {
    const [r] = read('Requesting benefits for Maren Solberg-Haug (DOB 4/4/1994), Humana H55512345.\n');
    expect(r?.client).toMatchObject({ name: 'Maren Solberg-Haug', dob: '1994-04-04' });
  });
});
