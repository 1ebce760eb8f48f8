import { extractBody } from '../../../src/domain/body/extract-body';

const reply = { subject: 'Re: VOB request', from: 'intake@harbor.test', fromName: null, isReply: true };

describe('a center answering only the missing items', () => {
  it('yields the single item it states, without naming the client', () => {
    expect(extractBody('Insurance Phone Number: (800) 555-0177\n\nThanks', reply).requests).toEqual([
      expect.objectContaining({ insurance: expect.objectContaining({ phone: '+18005550177' }) }),
    ]);
    const [address] = extractBody('Client Address: 12 Main Street, Fresno, CA 93701\n', reply).requests;
    expect(address?.client.address).toEqual({ line1: '12 Main Street', line2: null, city: 'Fresno', state: 'CA', postalCode: '93701' });
  });

  it('yields nothing for a reply that states nothing', () => {
    expect(extractBody('Sounds good, thank you!\n', reply).requests).toEqual([]);
  });

  it('does not take a single stray value from a new message as a request', () => {
    expect(extractBody('Phone: (619) 555-0142\n', { ...reply, subject: 'Lunch friday', isReply: false }).requests).toEqual([]);
  });
});
