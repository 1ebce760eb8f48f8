import { ageBucketOf, ageRange, centerOf, isPayerFilter, payerOf, topCounts } from '../../../src/domain/request-facts';

describe('request facts', () => {
  test('a payer is stored as the known payer, "other" when not recognised, null when none is named', () => {
    expect(payerOf('Aetna')).toBe('Aetna');
    expect(payerOf('AETNA Choice POS II')).toBe('Aetna');
    expect(payerOf('Cigna Healthcare')).toBe('Cigna');
    expect(payerOf('Zyxwv Mutual Plan of Nowhere')).toBe('other');
    expect(payerOf(null)).toBeNull();
    expect(payerOf('  ')).toBeNull();
  });

  test('the payer filter takes known payers, "other" and "none" only (never free text)', () => {
    expect(isPayerFilter('Aetna')).toBe(true);
    expect(isPayerFilter('other')).toBe(true);
    expect(isPayerFilter('none')).toBe(true);
    expect(isPayerFilter('Jane Doe')).toBe(false);
    expect(isPayerFilter('aetna')).toBe(false);
  });

  test('age buckets: under a day, 1–3 days, over 3 days; ranges agree with the bucket of a time', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    expect([1, 23.9, 24, 71.9, 72, 500].map((h) => ageBucketOf(hoursAgo(h), now))).toEqual(['lt1d', 'lt1d', '1to3d', '1to3d', 'gt3d', 'gt3d']);
    expect(ageRange('lt1d', now)).toEqual({ after: hoursAgo(24), atOrBefore: null });
    expect(ageRange('1to3d', now)).toEqual({ after: hoursAgo(72), atOrBefore: hoursAgo(24) });
    expect(ageRange('gt3d', now)).toEqual({ after: null, atOrBefore: hoursAgo(72) });
  });

  test("a sender's center is the longest allowlist entry its domain falls under, else its domain", () => {
    const allow = ['sunrise.test', 'intake.sunrise.test', 'lakeside.test'];
    expect(centerOf('a@intake.sunrise.test', allow)).toBe('intake.sunrise.test');
    expect(centerOf('b@billing.sunrise.test', allow)).toBe('sunrise.test');
    expect(centerOf('C@Lakeside.TEST', allow)).toBe('lakeside.test');
    expect(centerOf('d@notsunrise.test', allow)).toBe('notsunrise.test');
    expect(centerOf('d@other.test', [])).toBe('other.test');
    expect(centerOf(null, allow)).toBeNull();
    expect(centerOf('no-at-sign', allow)).toBeNull();
  });

  test('top counts: most frequent first, ties by name, cut to the limit', () => {
    const counts = new Map([['card', 2], ['client.address', 5], ['client.dob', 2], ['referredBy', 1]]);
    expect(topCounts(counts, 3)).toEqual([
      { name: 'client.address', count: 5 },
      { name: 'card', count: 2 },
      { name: 'client.dob', count: 2 },
    ]);
  });
});
