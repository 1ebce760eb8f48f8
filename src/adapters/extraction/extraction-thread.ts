/**
 * The body of one extraction worker thread: runs extractMessage (MIME parsing, body fields, OCR)
 * off the main thread, so the main event loop keeps renewing BullMQ job locks and serving HTTP
 * while a heavy image is read. The pool terminates this thread when a message takes too long.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { MimeLimits } from '../mime-parser';
import type { ReplyPolicy } from '../../domain/reply-decision';
import { extractMessage } from '../../pipeline/extract-message';
import { threadOf } from './message-thread';
import { createCardReader, type CardReaderOptions } from '../ocr/card-reader';
import { remoteTextDetector } from '../ocr/text-detector';

export interface ExtractionThreadData {
  replyPolicy: ReplyPolicy;
  mimeLimits: MimeLimits;
  cardReader: CardReaderOptions;
  /** The main thread's text detector, shared by every extraction thread. */
  detectorPort?: MessagePort;
}

export type ExtractionThreadRequest = { type: 'extract'; taskId: number; raw: Uint8Array } | { type: 'close' };

export type ExtractionThreadResponse =
  | { type: 'result'; taskId: number; ok: true; document: unknown; thread: unknown }
  | { type: 'result'; taskId: number; ok: false; error: { name: string; code: string | null; message: string } }
  | { type: 'closed' };

const port = parentPort;
if (port) {
  const data = workerData as ExtractionThreadData;
  const cardReader = createCardReader({ ...data.cardReader, detector: data.detectorPort ? remoteTextDetector(data.detectorPort) : undefined });
  port.on('message', (request: ExtractionThreadRequest) => {
    if (request.type === 'close') {
      void Promise.resolve(cardReader.close()).finally(() => port.postMessage({ type: 'closed' } satisfies ExtractionThreadResponse));
      return;
    }
    extractMessage(request.raw, { cardReader, replyPolicy: data.replyPolicy, mimeLimits: data.mimeLimits }).then(
      (result) =>
        port.postMessage({
          type: 'result',
          taskId: request.taskId,
          ok: true,
          document: result.document,
          thread: threadOf(result),
        } satisfies ExtractionThreadResponse),
      (err: unknown) => {
        const e = err as { name?: unknown; code?: unknown; message?: unknown };
        port.postMessage({
          type: 'result',
          taskId: request.taskId,
          ok: false,
          error: {
            name: typeof e?.name === 'string' ? e.name : 'Error',
            code: typeof e?.code === 'string' ? e.code : null,
            message: typeof e?.message === 'string' ? e.message : 'extraction failed',
          },
        } satisfies ExtractionThreadResponse);
      },
    );
  });
}
