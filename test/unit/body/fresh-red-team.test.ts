/** The red-team sets written by other sessions from the contract alone (see the case files). */
import { extractBody } from '../../../src/domain/body/extract-body';
import type { BodyRequest } from '../../../src/domain/body/body-request';
import { htmlToText } from '../../../src/domain/mime/html-to-text';
import { FRESH_CASES, FRESH_KNOWN_GAPS, type FreshExpected } from './fresh-cases';
import { FRESH_CASES_2, FRESH_KNOWN_GAPS_2 } from './fresh-cases-2';

const ctx = { subject: 'VOB request', from: 'intake@center.test', fromName: null, referenceDate: '2026-11-20T00:00:00Z' };

function asExpected(r: BodyRequest): FreshExpected {
  const a = r.client.address;
  return {
    name: r.client.name,
    dob: r.client.dob,
    address: a === null ? null : ({ line1: a.line1, line2: a.line2, city: a.city, state: a.state, postalCode: a.postalCode } as FreshExpected['address']),
    payer: r.insurance.payerName,
    id: r.insurance.memberId,
    group: r.insurance.groupNumber,
    phone: r.insurance.phone,
    sub: r.subscriber.name,
    rel: r.subscriber.relationship as FreshExpected['rel'],
    ref: r.referredBy,
  };
}

const run = (c: { text?: string; html?: string }): FreshExpected[] =>
  extractBody(c.html !== undefined ? htmlToText(c.html) : (c.text ?? ''), ctx).requests.map(asExpected);

const SETS = [
  { name: 'second red-team set (plain text)', cases: FRESH_CASES, gaps: FRESH_KNOWN_GAPS },
  { name: 'third red-team set (plain text and HTML)', cases: FRESH_CASES_2, gaps: FRESH_KNOWN_GAPS_2 },
];

describe.each(SETS)('$name', ({ cases, gaps }) => {
  it.each(cases.filter((c) => !(c.id in gaps)).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(run(c)).toEqual(c.expected);
  });
  it.failing.each(cases.filter((c) => c.id in gaps).map((c) => [c.id, c] as const))('known gap: %s', (_id, c) => {
    expect(run(c)).toEqual(c.expected);
  });
});
