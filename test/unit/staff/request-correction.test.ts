/** Correcting one request field: values checked and normalised, missing list recomputed, a conflict resolved. */
import type { VobRequest } from '../../../schemas/vob-record';
import { applyCorrection, fieldValue, normaliseCorrection, parseAddressLine } from '../../../src/domain/request-correction';

const request: VobRequest = {
  client: { name: 'Jane Q Doe', dob: '1990-01-02', address: null },
  insurance: { payerName: 'Aetna', memberId: 'W123456789', groupNumber: null, phone: '+18005551234' },
  subscriber: { name: 'Jane Q Doe', relationship: 'self' },
  referredBy: 'Sunrise Recovery Center',
  card: { attached: false, sides: [], fields: null },
  conflicts: [{ field: 'insurance.memberId', body: 'W123456789', card: 'W123456780' }],
  missingFields: ['client.address', 'card'],
} as unknown as VobRequest;

describe('request corrections', () => {
  it('normalises dates, phones, relationships and addresses, and says what a bad value should be', () => {
    expect(normaliseCorrection('client.dob', '1/2/1990')).toBe('1990-01-02');
    expect(() => normaliseCorrection('client.dob', '1990-02-30')).toThrow(/YYYY-MM-DD/);
    expect(normaliseCorrection('insurance.phone', '(800) 555-1234')).toBe('+18005551234');
    expect(() => normaliseCorrection('insurance.phone', '555-1234')).toThrow(/10-digit/);
    expect(normaliseCorrection('subscriber.relationship', 'Spouse')).toBe('spouse');
    expect(() => normaliseCorrection('subscriber.relationship', 'cousin')).toThrow(/self, spouse/);
    expect(normaliseCorrection('client.address', '12 Oak St, Columbus, oh 43215')).toBe('12 Oak St, Columbus, OH 43215');
    expect(parseAddressLine('12 Oak St, Apt 4, Columbus, OH 43215')).toEqual({ line1: '12 Oak St', line2: 'Apt 4', city: 'Columbus', state: 'OH', postalCode: '43215' });
    expect(() => normaliseCorrection('client.address', 'somewhere')).toThrow(/street, city/);
    expect(normaliseCorrection('referredBy', '   ')).toBeNull();
  });

  it('fills a missing field and recomputes the missing list', () => {
    const after = applyCorrection(request, 'client.address', '12 Oak St, Columbus, OH 43215');
    expect(after.client.address).toEqual({ line1: '12 Oak St', line2: null, city: 'Columbus', state: 'OH', postalCode: '43215' });
    expect(after.missingFields).toEqual(['card']);
    expect(fieldValue(after, 'client.address')).toBe('12 Oak St, Columbus, OH 43215');
    expect(request.client.address).toBeNull();
  });

  it('a corrected field settles its body-vs-card conflict; clearing a field makes it missing', () => {
    expect(applyCorrection(request, 'insurance.memberId', 'W123456780').conflicts).toEqual([]);
    expect(applyCorrection(request, 'referredBy', null).missingFields).toEqual(['client.address', 'referredBy', 'card']);
  });
});
