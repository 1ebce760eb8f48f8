import { extractBody } from '../../../src/domain/body/extract-body';
import { bodyFixtureNames, loadBodyFixture } from './fixture-body';

/** Every body-*.eml fixture: the body fields of each request match the expected document. */
describe('extractBody over fixture emails', () => {
  const names = bodyFixtureNames();

  it('has a broad fixture set', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(names)('%s', async (name) => {
    const fx = await loadBodyFixture(name);
    const result = extractBody(fx.text, { subject: fx.subject, from: fx.from, fromName: null, referenceDate: fx.date });
    const expected = fx.expected.requests.map((r) => ({
      client: r.client,
      insurance: r.insurance,
      subscriber: r.subscriber,
      referredBy: r.referredBy,
    }));
    expect(result.requests).toEqual(expected);
    if (fx.expected.reply.reason === 'not-a-request') expect(result.requests).toEqual([]);
  });
});
