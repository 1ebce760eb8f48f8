/**
 * A pool of tesseract.js workers (each a worker thread running tesseract's wasm build), sized to
 * the cores, started lazily so a message without cards pays nothing, and reused across
 * attachments. A job that overruns its time limit has its worker terminated and replaced, so
 * one hostile image cannot hold a worker for good.
 */
import path from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';
import { CardReadError } from './card-read-error';

export interface OcrWord {
  text: string;
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Tesseract's block/paragraph/line numbers: words of one line share them. */
  lineKey: string;
}

export interface OcrResult {
  words: OcrWord[];
  /** Mean word confidence, 0-100. */
  confidence: number;
}

export interface OcrPoolOptions {
  size: number;
  /** Limit on starting one worker (loading wasm and the language data). */
  startTimeoutMs?: number;
  /** Folder holding eng.traineddata.gz; the npm package @tesseract.js-data/eng by default. */
  langPath?: string;
}

/** The English LSTM model shipped in @tesseract.js-data/eng, so no network is ever touched. */
export function defaultLangPath(): string {
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

interface Slot {
  worker: Promise<Worker> | null;
  busy: boolean;
  /** The binarization and layout mode the worker is set to (it keeps its parameters between jobs). */
  binarize: Binarize;
  layout: Layout;
}

/**
 * How tesseract turns the grey image to black and white: 'global' is its Otsu threshold (best on
 * most cards); 'local' is Sauvola's adaptive threshold, which keeps small light-grey labels that
 * one global threshold drops beside bold dark values on a noisy photo.
 */
export type Binarize = 'global' | 'local';
const THRESHOLDING_METHOD: Record<Binarize, string> = { global: '0', local: '2' };

/**
 * What the image holds: 'sparse' is a whole card (scattered labels and values, tesseract finds
 * the text itself, PSM 11); 'line' is one text line cut out by the text detector (PSM 7).
 */
export type Layout = 'sparse' | 'line';
const PAGE_SEG_MODE: Record<Layout, string> = { sparse: '11', line: '7' };

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').trim();
    if (!text) continue;
    const left = Number(f[6]);
    const top = Number(f[7]);
    words.push({
      text,
      confidence: Number(f[10]),
      x0: left,
      y0: top,
      x1: left + Number(f[8]),
      y1: top + Number(f[9]),
      lineKey: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return words;
}

export class OcrPool {
  private readonly slots: Slot[];
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  private readonly startTimeoutMs: number;
  private readonly langPath: string;
  /** Counters for tests and the bench. */
  readonly stats = { started: 0, replaced: 0, jobs: 0 };

  constructor(options: OcrPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, (): Slot => ({ worker: null, busy: false, binarize: 'global', layout: 'sparse' }));
    this.startTimeoutMs = options.startTimeoutMs ?? 20_000;
    this.langPath = options.langPath ?? defaultLangPath();
  }

  get size(): number {
    return this.slots.length;
  }

  private startWorker(): Promise<Worker> {
    this.stats.started++;
    const starting = createWorker('eng', 1 /* OEM.LSTM_ONLY */, {
      langPath: this.langPath,
      gzip: true,
      cacheMethod: 'none',
      // Errors surface through the job's promise; the default handler would also print them.
      errorHandler: () => undefined,
    }).then(async (w) => {
      // Sparse text: a card is scattered labels and values, not paragraphs.
      await w.setParameters({ tessedit_pageseg_mode: PAGE_SEG_MODE.sparse as never, user_defined_dpi: '300' });
      return w;
    });
    return withTimeout(starting, this.startTimeoutMs, () => new CardReadError('ocr-unavailable', `OCR worker did not start within ${this.startTimeoutMs} ms`)).catch((e) => {
      starting.then((w) => w.terminate()).catch(() => undefined);
      throw e instanceof CardReadError ? e : new CardReadError('ocr-unavailable', 'OCR worker could not start', { cause: e });
    });
  }

  /** A fresh worker in the slot, with tesseract's default (global) binarization, sparse layout. */
  private startIn(slot: Slot): Promise<Worker> {
    slot.binarize = 'global';
    slot.layout = 'sparse';
    slot.worker = this.startWorker();
    return slot.worker;
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new CardReadError('ocr-unavailable', 'OCR pool is closed');
      // Reuse a started idle worker before starting another: cold start stays one worker
      // for one image.
      const idle = this.slots.find((s) => !s.busy && s.worker) ?? this.slots.find((s) => !s.busy);
      if (idle) {
        idle.busy = true;
        if (!idle.worker) this.startIn(idle);
        return idle;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  /**
   * Have at least `count` workers started or starting, without taking them: a reader calls this
   * when an image arrives, so loading tesseract overlaps decoding and finding the card instead
   * of following it. Starts nothing more than the jobs will use.
   */
  prestart(count: number): void {
    if (this.closed) return;
    let have = this.slots.filter((s) => s.worker).length;
    for (const slot of this.slots) {
      if (have >= Math.min(count, this.slots.length)) break;
      if (slot.worker || slot.busy) continue;
      const started = this.startIn(slot);
      // A failed start surfaces when a job takes the slot; here it must not be unhandled.
      started.catch(() => {
        slot.worker = null;
      });
      have++;
    }
  }

  /** Start every worker now (the bench uses this to time warm throughput). */
  async warm(): Promise<void> {
    await Promise.all(
      this.slots.map(async (s) => {
        if (!s.worker) this.startIn(s);
        await s.worker;
      }),
    );
  }

  /** Words of one image (PNG/JPEG bytes), within `timeoutMs`. */
  async recognize(image: Buffer, timeoutMs: number, binarize: Binarize = 'global', layout: Layout = 'sparse'): Promise<OcrResult> {
    const slot = await this.acquire();
    try {
      let worker: Worker;
      try {
        worker = await slot.worker!;
      } catch (e) {
        slot.worker = null;
        throw e;
      }
      if (slot.binarize !== binarize) {
        await worker.setParameters({ thresholding_method: THRESHOLDING_METHOD[binarize] } as never);
        slot.binarize = binarize;
      }
      if (slot.layout !== layout) {
        await worker.setParameters({ tessedit_pageseg_mode: PAGE_SEG_MODE[layout] as never });
        slot.layout = layout;
      }
      this.stats.jobs++;
      const job = worker.recognize(image, {}, { text: false, blocks: false, tsv: true });
      let timedOut = false;
      const result = await withTimeout(job, timeoutMs, () => {
        timedOut = true;
        return new CardReadError('ocr-timeout', `OCR took longer than ${timeoutMs} ms`);
      }).catch(async (e) => {
        if (timedOut) {
          // The worker thread is still busy on the image: kill it; the slot starts afresh.
          slot.worker = null;
          this.stats.replaced++;
          await worker.terminate().catch(() => undefined);
        }
        throw e instanceof CardReadError ? e : new CardReadError('corrupt-image', 'OCR failed on the image', { cause: e });
      });
      const words = parseTsv(result.data.tsv ?? '');
      const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
      return { words, confidence };
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.slots.map((s) => s.worker).filter((w): w is Promise<Worker> => w !== null);
    this.slots.forEach((s) => (s.worker = null));
    await Promise.all(workers.map((w) => w.then((x) => x.terminate()).catch(() => undefined)));
    this.waiting.splice(0).forEach((wake) => wake());
  }
}
