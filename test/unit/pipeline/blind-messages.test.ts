/**
 * fixtures/blind-messages: 30 messages written from the contract alone by a session that never
 * saw the code (see its README). Each goes through the whole pipeline and must give the expected
 * part of the document: requests (client, insurance, subscriber, referral, card.attached,
 * missing fields) and the reply decision. First run before the fixes it prompted: 86.0% of fields.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VobDocument, VobRequest } from '../../../schemas/vob-record';
import { createCardReader } from '../../../src/adapters/ocr/card-reader';
import { extractMessage } from '../../../src/pipeline/extract-message';

const dir = join(__dirname, '../../../fixtures/blind-messages');
const cases = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();

/** The parts of a request the blind set states. */
function comparable(r: VobRequest): unknown {
  return {
    client: r.client,
    insurance: r.insurance,
    subscriber: r.subscriber,
    referredBy: r.referredBy,
    card: { attached: r.card.attached },
    missingFields: r.missingFields,
  };
}

describe('blind messages through the whole pipeline', () => {
  const cardReader = createCardReader();
  afterAll(() => cardReader.close());

  it('has the set', () => {
    expect(cases).toHaveLength(30);
  });

  it.each(cases)('%s', async (file) => {
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.eml$/, '.expected.json')), 'utf8')) as Pick<VobDocument, 'requests' | 'reply'>;
    const { document } = await extractMessage(readFileSync(join(dir, file)), {
      cardReader,
      replyPolicy: { ownAddresses: [], allowedSenderDomains: [] },
    });
    expect({ requests: document.requests.map(comparable), reply: document.reply }).toEqual(expected);
  });
});
