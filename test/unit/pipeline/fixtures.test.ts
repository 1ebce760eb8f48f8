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
    expect(withoutUnexpectedExtraKeys(document, expected)).toEqual(expected);
  }, 60_000);
});

/**
 * Extra keys added after these fixtures were written (`levelOfCare`, `sources`) are compared
 * only where a fixture's expected request states them; `card.fieldConfidence` (OCR numbers that
 * move with the OCR engine) only where its expected card states it.
 */
function withoutUnexpectedExtraKeys(document: VobDocument, expected: { requests: object[] }): VobDocument {
  return {
    ...document,
    requests: document.requests.map((request, i) => {
      const stated = (expected.requests[i] ?? {}) as { card?: object };
      const out: Partial<typeof request> = { ...request };
      for (const key of ['levelOfCare', 'sources'] as const) if (!(key in stated)) delete out[key];
      if (!(stated.card && 'fieldConfidence' in stated.card)) {
        const { fieldConfidence: _unexpected, ...card } = request.card;
        out.card = card;
      }
      return out as typeof request;
    }),
  };
}
