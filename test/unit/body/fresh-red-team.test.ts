import { extractBody } from '../../../src/domain/body/extract-body';
import type { BodyRequest } from '../../../src/domain/body/body-request';
import { FRESH_CASES, FRESH_KNOWN_GAPS, type FreshExpected } from './fresh-cases';

const ctx = { subject: 'VOB request', from: 'intake@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' };

function asExpected(r: BodyRequest): FreshExpected {
  const a = r.client.address;
  return {
    name: r.client.name,
    dob: r.client.dob,
    address: a === null ? null : { line1: a.line1, line2: a.line2, city: a.city, state: a.state, postalCode: a.postalCode } as FreshExpected['address'],
    payer: r.insurance.payerName,
    id: r.insurance.memberId,
    group: r.insurance.groupNumber,
    phone: r.insurance.phone,
    sub: r.subscriber.name,
    rel: r.subscriber.relationship as FreshExpected['rel'],
    ref: r.referredBy,
  };
}

const run = (text: string): FreshExpected[] => extractBody(text, ctx).requests.map(asExpected);

describe('fresh red-team bodies', () => {
  it.each(FRESH_CASES.filter((c) => !(c.id in FRESH_KNOWN_GAPS)).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(run(c.text)).toEqual(c.expected);
  });
  it.failing.each(FRESH_CASES.filter((c) => c.id in FRESH_KNOWN_GAPS).map((c) => [c.id, c] as const))('known gap: %s', (_id, c) => {
    expect(run(c.text)).toEqual(c.expected);
  });
});
