/**
 * Real-world messages from other mail libraries' test suites (fixtures/real-mail):
 * every one is read or refused with a short reason, never crashes or hangs, and none is
 * answered automatically (none of them is a VOB request).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageRejectedError } from '../../../src/adapters/message-rejected-error';
import { createCardReader } from '../../../src/adapters/ocr/card-reader';
import { extractMessage } from '../../../src/pipeline/extract-message';

const corpus = join(__dirname, '../../../fixtures/real-mail');
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.eml')).sort() : [];

describe('real-mail corpus', () => {
  const cardReader = createCardReader();
  afterAll(() => cardReader.close());

  it('is present in the repository', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)('%s is read or refused, never answered', async (file) => {
    const raw = readFileSync(join(corpus, file));
    const started = Date.now();
    try {
      const { document } = await extractMessage(raw, {
        cardReader,
        replyPolicy: { ownAddresses: ['verification@vob.test'], allowedSenderDomains: [] },
      });
      expect(document.reply.send).toBe(false);
    } catch (err) {
      expect(err).toBeInstanceOf(MessageRejectedError);
      expect((err as Error).message.length).toBeLessThan(200);
      expect((err as Error).message).not.toContain('\n');
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
