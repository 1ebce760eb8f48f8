import { foldCenterFigures, median } from '../../../src/domain/center-figures';

describe('center figures', () => {
  test('median of an odd and an even count; none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  test("domains fold into their allowlist entry; shares, top omissions and the median over the center's requests", () => {
    const h = 3600;
    const out = foldCenterFigures(
      [
        { domain: 'sunrise.test', requests: 2, arrivalKnown: 2, incompleteOnArrival: 1, secondsToVerified: [2 * h] },
        { domain: 'east.sunrise.test', requests: 2, arrivalKnown: 1, incompleteOnArrival: 1, secondsToVerified: [4 * h, 30 * h] },
        { domain: 'lakeside.test', requests: 5, arrivalKnown: 0, incompleteOnArrival: 0, secondsToVerified: [] },
        { domain: null, requests: 1, arrivalKnown: 1, incompleteOnArrival: 0, secondsToVerified: [] },
      ],
      [
        { domain: 'sunrise.test', field: 'client.address', count: 1 },
        { domain: 'east.sunrise.test', field: 'client.address', count: 1 },
        { domain: 'east.sunrise.test', field: 'referredBy', count: 1 },
        { domain: 'east.sunrise.test', field: 'card', count: 3 },
        { domain: 'east.sunrise.test', field: 'client.dob', count: 1 },
      ],
      ['sunrise.test'],
    );
    expect(out.map((c) => c.center)).toEqual(['lakeside.test', 'sunrise.test', null]);
    const sunrise = out[1]!;
    expect(sunrise).toEqual({
      center: 'sunrise.test',
      requests: 4,
      arrivalKnown: 3,
      incompleteOnArrival: 2,
      incompleteShare: 2 / 3,
      topOmissions: [
        { field: 'card', askedAs: 'Copy of the Insurance Card', count: 3 },
        { field: 'client.address', askedAs: 'Client Address', count: 2 },
        { field: 'client.dob', askedAs: 'Date of birth', count: 1 },
      ],
      verified: 3,
      medianHoursToVerified: 4,
    });
    expect(out[0]).toEqual(expect.objectContaining({ incompleteShare: null, verified: 0, medianHoursToVerified: null }));
  });
});
