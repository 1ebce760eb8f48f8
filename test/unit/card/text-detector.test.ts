/** The text detector shared across threads: requests and answers over a MessagePort. */
import { MessageChannel } from 'node:worker_threads';
import { remoteTextDetector, serveTextDetector, type TextDetector } from '../../../src/adapters/ocr/text-detector';

function fakeDetector(): TextDetector & { seen: number[]; prestarted: number } {
  const fake = {
    seen: [] as number[],
    prestarted: 0,
    prestart: () => {
      fake.prestarted++;
    },
    detect: async (img: { data: Buffer; width: number; height: number }) => {
      fake.seen.push(img.data.length);
      if (img.width === 0) throw new Error('model missing');
      return [{ x0: 1, y0: 2, x1: img.width, y1: img.height, score: 0.9, angle: 0 }];
    },
    close: async () => undefined,
  };
  return fake;
}

describe('remoteTextDetector', () => {
  it('has the serving thread detect and returns its boxes, leaving the caller its image', async () => {
    const { port1, port2 } = new MessageChannel();
    const fake = fakeDetector();
    serveTextDetector(fake, port1);
    const remote = remoteTextDetector(port2);
    const img = { data: Buffer.alloc(12, 200), width: 4, height: 3 };
    remote.prestart();
    await expect(remote.detect(img)).resolves.toEqual([{ x0: 1, y0: 2, x1: 4, y1: 3, score: 0.9, angle: 0 }]);
    expect(img.data.length).toBe(12);
    expect(fake.seen).toEqual([12]);
    expect(fake.prestarted).toBe(1);
    await expect(remote.detect({ data: Buffer.alloc(0), width: 0, height: 0 })).rejects.toThrow('model missing');
    await remote.close();
    port1.close();
  });
});
