/**
 * Every fixtures/emails/*.eml beside a .expected.json is run through the whole pipeline
 * (MIME, body, card OCR, merge, decision) and must print exactly the expected document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCardReader } from '../../../src/adapters/ocr/card-reader';
import type { VobDocument } from '../../../schemas/vob-record';
import { extractMessage } from '../../../src/pipeline/extract-message';

const dir = join(__dirname, '../../../fixtures/emails');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.eml'))
  .filter((f) => readdirSync(dir).includes(f.replace(/\.eml$/, '.expected.json')))
  .sort();

describe('fixture messages through the whole pipeline', () => {
  const cardReader = createCardReader();
  afterAll(() => cardReader.close());

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('%s', async (file) => {
    const raw = readFileSync(join(dir, file));
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.eml$/, '.expected.json')), 'utf8'));
    const { document } = await extractMessage(raw, {
      cardReader,
      replyPolicy: { ownAddresses: [], allowedSenderDomains: [] },
    });
    expect(withoutUnexpectedLevelOfCare(document, expected)).toEqual(expected);
  }, 60_000);
});

/**
 * `levelOfCare` is an extra key added after these fixtures were written: it is compared only
 * where a fixture's expected request states it.
 */
function withoutUnexpectedLevelOfCare(document: VobDocument, expected: { requests: object[] }): VobDocument {
  return {
    ...document,
    requests: document.requests.map((request, i) => {
      if (expected.requests[i] && 'levelOfCare' in expected.requests[i]) return request;
      const { levelOfCare: _unexpected, ...rest } = request;
      return rest;
    }),
  };
}
