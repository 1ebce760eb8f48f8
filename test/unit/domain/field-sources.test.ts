/**
 * Provenance of request fields (`sources`, `card.fieldConfidence`): decided where the value is
 * decided (merge of body and card, an answer, a staff correction), and valid under the contract.
 */
import { vobRequestSchema, type CardFields, type VobRequest } from '../../../schemas/vob-record';
import type { BodyRequest } from '../../../src/domain/body/body-request';
import type { CardReading } from '../../../src/domain/card/card-reading';
import { applyAnswer } from '../../../src/domain/answer-matching';
import { mergeRequests } from '../../../src/domain/merge';
import { applyCorrection } from '../../../src/domain/request-correction';

const NEW = { isReply: false };

function bodyRequest(insurance: Partial<BodyRequest['insurance']> = {}): BodyRequest {
  return {
    client: { name: 'Nora Ellison', dob: '1984-07-09', address: { line1: '5 Quay St', line2: null, city: 'Tacoma', state: 'WA', postalCode: '98402' } },
    insurance: { payerName: 'Aetna', memberId: 'W555000111', groupNumber: null, phone: '+18005550100', ...insurance },
    subscriber: { name: 'Nora Ellison', relationship: 'self' },
    referredBy: 'Tidewater Recovery',
  };
}

function card(kind: CardReading['kind'], fields: Partial<CardFields>, confidence = 80, fieldConfidence?: CardReading['fieldConfidence']): CardReading {
  return {
    filename: `${kind}.jpg`,
    kind,
    text: '',
    confidence,
    ...(fieldConfidence ? { fieldConfidence } : {}),
    fields: { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [], ...fields },
  };
}

function merged(body: BodyRequest, cards: CardReading[] = []): VobRequest {
  const [request] = mergeRequests({ requests: [body], mentionsVerification: true }, cards, NEW);
  return vobRequestSchema.parse(request);
}

const BODY_ONLY = {
  'client.name': 'body',
  'client.dob': 'body',
  'client.address': 'body',
  'insurance.payerName': 'body',
  'insurance.memberId': 'body',
  'insurance.phone': 'body',
  'subscriber.name': 'body',
  'subscriber.relationship': 'body',
  referredBy: 'body',
};

describe('sources after the merge of body and card', () => {
  it('body only: every value from the body; a field without a value has no source', () => {
    const request = merged(bodyRequest());
    expect(request.sources).toEqual(BODY_ONLY);
    expect(request.insurance.groupNumber).toBeNull();
    expect(request.sources).not.toHaveProperty(['insurance.groupNumber']);
    expect(request.card.fieldConfidence).toBeUndefined();
  });

  it('the card fills a missing field: its source is the card, with the confidence of the reading that gave it', () => {
    const request = merged(bodyRequest({ memberId: null, groupNumber: null, phone: null }), [
      card('front', { payerName: 'Aetna', memberId: 'W555000111', groupNumber: '0812345' }, 84, { memberId: 91 }),
      card('back', { phones: [{ label: 'Member Services', number: '+18885550101' }, { label: 'Provider Services', number: '+18005550199' }] }, 70, { phones: [88, 93] }),
    ]);
    expect(request.insurance).toMatchObject({ memberId: 'W555000111', groupNumber: '0812345', phone: '+18005550199' });
    expect(request.sources).toMatchObject({ 'insurance.memberId': 'card', 'insurance.groupNumber': 'card', 'insurance.phone': 'card', 'insurance.payerName': 'body', 'client.name': 'body' });
    // memberId from the word-level confidence; groupNumber from the front's mean (no per-field value); phones per phone.
    expect(request.card.fieldConfidence).toEqual({ payerName: 84, memberId: 91, groupNumber: 84, phones: [88, 93] });
  });

  it('conflict: the body value stands and keeps the body as its source; the card value is only in conflicts', () => {
    const request = merged(bodyRequest({ memberId: 'W555000112' }), [card('front', { memberId: 'W555000111' }, 90)]);
    expect(request.insurance.memberId).toBe('W555000112');
    expect(request.conflicts).toEqual([{ field: 'insurance.memberId', body: 'W555000112', card: 'W555000111' }]);
    expect(request.sources?.['insurance.memberId']).toBe('body');
    expect(request.card.fieldConfidence).toEqual({ memberId: 90 });
  });

  it('a confidence outside 0-100 or fractional is clamped and rounded (the contract says integers 0-100)', () => {
    const request = merged(bodyRequest({ groupNumber: null }), [card('front', { groupNumber: 'G1' }, 101.4, { groupNumber: 77.6 }), card('back', { rxBin: '610502' }, -3)]);
    expect(request.card.fieldConfidence).toEqual({ groupNumber: 78, rxBin: 0 });
  });
});

describe('sources after an answer from the center', () => {
  const answer = (insurance: Partial<BodyRequest['insurance']>, cards: CardReading[] = []): VobRequest =>
    merged({ client: { name: null, dob: null, address: null }, insurance: { payerName: null, memberId: null, groupNumber: null, phone: null, ...insurance }, subscriber: { name: null, relationship: null }, referredBy: null }, cards);

  it('fills a field later: that field came from the answer, the rest keep theirs', () => {
    const open = merged(bodyRequest({ phone: null }));
    const after = applyAnswer(open, answer({ phone: '+18005550142' }));
    expect(after.insurance.phone).toBe('+18005550142');
    expect(after.sources).toEqual({ ...BODY_ONLY, 'insurance.phone': 'answer' });
    expect(after.missingFields).not.toContain('insurance.phone');
  });

  it('a value restated unchanged keeps its origin; a changed one becomes the answer', () => {
    const open = merged(bodyRequest());
    const after = applyAnswer(open, answer({ payerName: 'Aetna', memberId: 'W555000999' }));
    expect(after.sources).toMatchObject({ 'insurance.payerName': 'body', 'insurance.memberId': 'answer' });
  });

  it("an answer's card brings its confidences with its fields", () => {
    const open = merged(bodyRequest({ groupNumber: null }), [card('front', { groupNumber: 'OLD1' }, 60)]);
    const after = applyAnswer(open, answer({}, [card('front', { groupNumber: 'NEW2' }, 95, { groupNumber: 97 })]));
    expect(after.card.fields?.groupNumber).toBe('NEW2');
    expect(after.card.fieldConfidence).toEqual({ groupNumber: 97 });
    expect(vobRequestSchema.parse(after)).toEqual(after);
  });

  it('a record stored before sources were kept gains entries only for what the answer gives', () => {
    const { sources: _none, ...old } = merged(bodyRequest({ phone: null }));
    const after = applyAnswer(old, answer({ phone: '+18005550142' }));
    expect(after.sources).toEqual({ 'insurance.phone': 'answer' });
    expect(applyAnswer(old, answer({})).sources).toBeUndefined();
  });
});

describe('sources after a staff correction', () => {
  it('a correction overrides whatever the value came from', () => {
    const open = merged(bodyRequest({ memberId: null }), [card('front', { memberId: 'W555000111' }, 80)]);
    expect(open.sources?.['insurance.memberId']).toBe('card');
    const after = applyCorrection(open, 'insurance.memberId', 'W555000777');
    expect(after.insurance.memberId).toBe('W555000777');
    expect(after.sources).toMatchObject({ 'insurance.memberId': 'correction', 'client.name': 'body' });
    expect(vobRequestSchema.parse(after)).toEqual(after);
  });

  it('a correction that clears a field leaves it without a source; on an old record it adds only its own', () => {
    const open = merged(bodyRequest());
    expect(applyCorrection(open, 'referredBy', null).sources).not.toHaveProperty('referredBy');
    const { sources: _none, ...old } = open;
    expect(applyCorrection(old, 'client.dob', '1984-07-10').sources).toEqual({ 'client.dob': 'correction' });
  });

  it('a later answer that changes a corrected field takes it over', () => {
    const corrected = applyCorrection(merged(bodyRequest()), 'insurance.phone', '8005550177');
    expect(corrected.sources?.['insurance.phone']).toBe('correction');
    const blank = { client: { name: null, dob: null, address: null }, insurance: { payerName: null, memberId: null, groupNumber: null, phone: '+18005550188' }, subscriber: { name: null, relationship: null }, referredBy: null };
    expect(applyAnswer(corrected, merged(blank)).sources?.['insurance.phone']).toBe('answer');
  });
});
