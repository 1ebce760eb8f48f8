import type { CardFields } from '../../../schemas/vob-record';
import type { BodyExtraction, BodyRequest } from '../../../src/domain/body/body-request';
import type { CardReading } from '../../../src/domain/card/card-reading';
import { mergeRequests, sameIdAsRead } from '../../../src/domain/merge';

const NEW = { isReply: false };

function bodyRequest(overrides: Partial<{ [K in keyof BodyRequest]: Partial<BodyRequest[K]> | BodyRequest[K] }> = {}): BodyRequest {
  const base: BodyRequest = {
    client: { name: 'Nora Ellison', dob: '1984-07-09', address: { line1: '5 Quay St', line2: null, city: 'Tacoma', state: 'WA', postalCode: '98402' } },
    insurance: { payerName: 'Aetna', memberId: 'W555000111', groupNumber: null, phone: '+18005550100' },
    subscriber: { name: 'Nora Ellison', relationship: 'self' },
    referredBy: 'Tidewater Recovery',
  };
  return {
    client: { ...base.client, ...(overrides.client as object) },
    insurance: { ...base.insurance, ...(overrides.insurance as object) },
    subscriber: { ...base.subscriber, ...(overrides.subscriber as object) },
    referredBy: overrides.referredBy === undefined ? base.referredBy : (overrides.referredBy as string | null),
  };
}

function card(kind: CardReading['kind'], fields: Partial<CardFields>, confidence = 80): CardReading {
  return {
    filename: `${kind}.jpg`,
    kind,
    text: '',
    confidence,
    fields: { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [], ...fields },
  };
}

const body = (...requests: BodyRequest[]): BodyExtraction => ({ requests, mentionsVerification: true });

describe('mergeRequests', () => {
  it('lets the card fill what the body lacks and records sides', () => {
    const [request] = mergeRequests(
      body(bodyRequest({ insurance: { payerName: null, memberId: null, phone: null } })),
      [
        card('front', { payerName: 'Aetna', memberId: 'W555000111', groupNumber: '0812345', memberName: 'NORA ELLISON' }),
        card('back', { phones: [{ label: 'Member Services', number: '+18885550101' }, { label: 'Provider Services', number: '+18005550199' }] }),
      ],
      NEW,
    );
    expect(request!.insurance).toEqual({ payerName: 'Aetna', memberId: 'W555000111', groupNumber: '0812345', phone: '+18005550199' });
    expect(request!.card).toMatchObject({ attached: true, sides: ['front', 'back'] });
    expect(request!.card.fields?.phones).toHaveLength(2);
    expect(request!.missingFields).toEqual([]);
    expect(request!.conflicts).toEqual([]);
  });

  it('keeps the body value and lists a disagreement as a conflict', () => {
    const [request] = mergeRequests(
      body(bodyRequest({ insurance: { memberId: 'W555000112', groupNumber: '77' } })),
      [card('both', { memberId: 'W555000111', groupNumber: '0077', phones: [{ label: 'Provider Services', number: '+18005550100' }] })],
      NEW,
    );
    expect(request!.insurance.memberId).toBe('W555000112');
    expect(request!.conflicts).toEqual([
      { field: 'insurance.memberId', body: 'W555000112', card: 'W555000111' },
      { field: 'insurance.groupNumber', body: '77', card: '0077' },
    ]);
  });

  it('does not call an alias of the same payer, or a phone printed on the card, a conflict', () => {
    const [request] = mergeRequests(
      body(bodyRequest({ insurance: { payerName: 'UHC', phone: '+18885550101' } })),
      [card('both', { payerName: 'UnitedHealthcare', phones: [{ label: 'Member Services', number: '+18885550101' }, { label: 'Provider Services', number: '+18005550199' }] })],
      NEW,
    );
    expect(request!.conflicts).toEqual([]);
    expect(request!.insurance.phone).toBe('+18885550101');
  });

  it('lists missing fields in the contract order, the card last', () => {
    const [request] = mergeRequests(body(bodyRequest({ client: { address: null }, referredBy: null, insurance: { phone: null } })), [], NEW);
    expect(request!.missingFields).toEqual(['client.address', 'insurance.phone', 'referredBy', 'card']);
    expect(request!.card).toEqual({ attached: false, sides: [], fields: null });
  });

  it('ignores attachments that are not cards', () => {
    const [request] = mergeRequests(body(bodyRequest()), [card('not-a-card', { memberId: 'D1234567' })], NEW);
    expect(request!.card.attached).toBe(false);
    expect(request!.insurance.memberId).toBe('W555000111');
  });

  it('makes the client the subscriber when the relationship is self', () => {
    const [request] = mergeRequests(body(bodyRequest({ subscriber: { name: null, relationship: 'self' } })), [], NEW);
    expect(request!.subscriber).toEqual({ name: 'Nora Ellison', relationship: 'self' });
  });

  it('gives each client of a message the card that names them, and a back follows its front', () => {
    const first = bodyRequest({ insurance: { memberId: null } });
    const second = bodyRequest({ client: { name: 'Owen Pike' }, subscriber: { name: 'Owen Pike' }, insurance: { memberId: 'H77' } });
    const requests = mergeRequests(
      body(first, second),
      [
        card('front', { memberId: 'H77', memberName: 'OWEN PIKE' }),
        card('back', { phones: [{ label: 'Provider Services', number: '+18005550123' }] }),
        card('front', { memberName: 'NORA ELLISON', memberId: 'W999' }),
      ],
      NEW,
    );
    expect(requests[1]!.card.sides).toEqual(['front', 'back']);
    expect(requests[0]!.card.sides).toEqual(['front']);
    expect(requests[0]!.insurance.memberId).toBe('W999');
  });

  it('turns a card with a VOB request but no body fields into one request', () => {
    const requests = mergeRequests({ requests: [], mentionsVerification: false }, [card('front', { payerName: 'Humana', memberId: 'H123' })], NEW);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.missingFields).toContain('client.name');
  });

  it('asks for everything on a new VOB mail that states nothing, but not on a reply that states nothing', () => {
    const empty: BodyExtraction = { requests: [], mentionsVerification: true };
    expect(mergeRequests(empty, [], NEW)).toHaveLength(1);
    expect(mergeRequests(empty, [], { isReply: true })).toEqual([]);
    expect(mergeRequests({ requests: [], mentionsVerification: false }, [], NEW)).toEqual([]);
  });
});

describe('sameIdAsRead: an OCR misreading of the body value is no conflict', () => {
  it.each([
    ['U1234567803', 'U12345678'], // the card's end cut off
    ['918273645G1234', '91827364SG1234'], // Medi-Cal BIC: 5 read as S, one digit dropped
    ['XWB400218870', 'XW8400218870'], // B read as 8
    ['H0O1234567', 'H001234567'], // O and 0
    ['W287654312', 'W28765431'], // one character dropped
  ])('%s ~ %s', (body, card) => {
    expect(sameIdAsRead(body, card)).toBe(true);
  });

  it.each([
    ['W287654312', 'W287654321'], // two digits swapped: a different ID
    ['U5820913701', 'U5820994401'],
    ['12345', '12344'], // too short to call a misreading
  ])('%s vs %s conflicts', (body, card) => {
    expect(sameIdAsRead(body, card)).toBe(false);
  });
});
