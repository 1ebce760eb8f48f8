/**
 * A fixed pool of extraction worker threads with a per-message time limit.
 *
 * Why threads and not BullMQ's sandboxed processors: the extract job needs the main process's
 * Postgres pool and cipher before and after extraction, and only the CPU-heavy middle
 * (mailparser, pdf.js, image decoding, Tesseract) must leave the event loop. A thread per
 * concurrency slot keeps its OCR engine warm across messages (a sandbox would need its own DB
 * pool), the main event loop stays free to renew job locks, and a message that runs past
 * OCR_TIMEOUT_MS (an image bomb) is stopped for real: the thread is terminated and replaced,
 * and the job ends with ExtractionError('extraction-timeout'). A thread that dies (heap limit)
 * ends the job with 'extraction-crashed'.
 *
 * A small text-only message (no part that could be an image or PDF: see `isTextOnly`) is read
 * in the main thread instead: its MIME parse and body fields take 1-2 ms, less than posting the
 * bytes to a thread and the document back, and it needs no OCR engine. Threads are started on
 * demand (the first message with an attachment) and stopped after `idleMs` without work, so a
 * text-only stream keeps no thread (and its module graph and OCR engine) in memory.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { VobDocument } from '../../../schemas/vob-record';
import type { ReplyPolicy } from '../../domain/reply-decision';
import type { ExtractorPort, MessageThread } from '../../use-cases/ports';
import { MessageRejectedError, type MessageRejectedCode } from '../message-rejected-error';
import { DEFAULT_MIME_LIMITS, type MimeLimits } from '../mime-parser';
import type { CardReaderOptions } from '../ocr/card-reader';
import { createTextDetector, serveTextDetector } from '../ocr/text-detector';
import { ExtractionError } from './extraction-errors';
import type { ExtractionThreadData, ExtractionThreadRequest, ExtractionThreadResponse } from './extraction-thread';
import { extractMessage } from '../../pipeline/extract-message';
import { DEFAULT_INLINE_MAX_BYTES, isTextOnly } from './text-only';
import { threadOf } from './message-thread';

export { DEFAULT_INLINE_MAX_BYTES, isTextOnly };

export interface ExtractionPoolOptions {
  size: number;
  timeoutMs: number;
  replyPolicy: ReplyPolicy;
  mimeLimits?: MimeLimits;
  /** OCR settings of each thread's card reader (one OCR worker per thread by default). */
  cardReader?: CardReaderOptions;
  /** Heap limit of each thread, MB. */
  maxHeapMb?: number;
  /** A thread without work for this long is stopped (default 60 s); one is started again on demand. */
  idleMs?: number;
  /** Text-only messages up to this size are read in the main thread (default 128 KiB; 0: never). */
  inlineMaxBytes?: number;
}

export interface ExtractionPool extends ExtractorPort {
  close(): Promise<void>;
}

interface Task {
  id: number;
  raw: Uint8Array;
  resolve: (value: { document: VobDocument; thread: MessageThread }) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
}

const THREAD_ENTRY = path.join(__dirname, `extraction-thread${path.extname(__filename)}`);

/**
 * Under ts-jest (or any run from .ts sources) the thread has no TypeScript loader; this
 * bootstrap registers a minimal one with the installed compiler. Compiled runs load the .js.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const entry = workerData.__entry;
if (entry.endsWith('.ts')) {
  const localRequire = createRequire(entry);
  const ts = localRequire('typescript');
  const fs = require('node:fs');
  require.extensions['.ts'] = (m, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
    });
    m._compile(out.outputText, filename);
  };
}
require(entry);
`;

export function createExtractionPool(options: ExtractionPoolOptions): ExtractionPool {
  const data: ExtractionThreadData & { __entry: string } = {
    replyPolicy: options.replyPolicy,
    mimeLimits: options.mimeLimits ?? DEFAULT_MIME_LIMITS,
    cardReader: { poolSize: 1, ocrTimeoutMs: options.timeoutMs, ...options.cardReader },
    __entry: THREAD_ENTRY,
  };
  // Resolve typescript now so a missing compiler fails at start, not per message.
  if (THREAD_ENTRY.endsWith('.ts')) createRequire(THREAD_ENTRY).resolve('typescript');

  const waiting: Task[] = [];
  const slots: Slot[] = [];
  let nextTaskId = 1;
  let closed = false;

  // One text detector for all threads: its working memory is the card path's largest.
  const detector = data.cardReader.textDetector === false ? null : createTextDetector();

  const spawn = (): Slot => {
    const channel = detector ? new MessageChannel() : null;
    if (channel) {
      serveTextDetector(detector!, channel.port1);
      channel.port1.unref();
    }
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: channel ? { ...data, detectorPort: channel.port2 } : data,
      transferList: channel ? [channel.port2] : [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 768 },
    });
    const slot: Slot = { worker, task: null, timer: null, idleTimer: null };
    const startedAt = Date.now();
    worker.on('message', (msg: ExtractionThreadResponse) => {
      if (msg.type !== 'result' || !slot.task || slot.task.id !== msg.taskId) return;
      const task = finish(slot);
      if (msg.ok) {
        task.resolve({ document: msg.document as VobDocument, thread: msg.thread as MessageThread });
      } else if (msg.error.name === 'MessageRejectedError' && msg.error.code) {
        task.reject(new MessageRejectedError(msg.error.code as MessageRejectedCode, msg.error.message));
      } else {
        const err = new Error(msg.error.message) as Error & { code?: string };
        if (msg.error.code) err.code = msg.error.code;
        task.reject(err);
      }
      pump();
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      channel?.port1.close();
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      if (slot.task) {
        const task = finish(slot);
        task.reject(new ExtractionError('extraction-crashed', 'the extraction thread died (memory limit) reading this message'));
      }
      // A thread that cannot even start (a broken install) is not respawned in a hot loop.
      if (Date.now() - startedAt < 1000) spawnNotBefore = Date.now() + 1000;
      schedulePump();
    });
    worker.unref();
    return slot;
  };

  const finish = (slot: Slot): Task => {
    const task = slot.task!;
    slot.task = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return task;
  };

  const idleMs = options.idleMs ?? 60_000;
  // OCR is CPU-bound and single-threaded per engine: threads beyond the cores add an engine's
  // memory each (a few hundred MB after a large photo) and no throughput.
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const maxSlots = Math.max(1, Math.min(options.size, cores));
  let spawnNotBefore = 0;
  let pumpTimer: NodeJS.Timeout | null = null;
  const schedulePump = (): void => {
    if (closed || pumpTimer) return;
    pumpTimer = setTimeout(
      () => {
        pumpTimer = null;
        pump();
      },
      Math.max(0, spawnNotBefore - Date.now()),
    );
    pumpTimer.unref();
  };

  /** A thread left without work is stopped after idleMs (its OCR engine and heap given back). */
  const idle = (slot: Slot): void => {
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null;
      if (slot.task || closed) return;
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      slot.worker.postMessage({ type: 'close' } satisfies ExtractionThreadRequest);
      setTimeout(() => void slot.worker.terminate(), 2000).unref();
    }, idleMs);
    slot.idleTimer.unref();
  };

  const pump = (): void => {
    if (closed) return;
    // Threads on demand: one more while messages wait and every thread is busy.
    while (waiting.length > slots.filter((s) => !s.task).length && slots.length < maxSlots) {
      if (Date.now() < spawnNotBefore) {
        schedulePump();
        break;
      }
      slots.push(spawn());
    }
    for (const slot of slots) {
      if (waiting.length === 0) break;
      if (slot.task) continue;
      const task = waiting.shift()!;
      slot.task = task;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.timer = setTimeout(() => {
        if (slot.task !== task) return;
        finish(slot);
        task.reject(new ExtractionError('extraction-timeout', `reading the message took more than ${options.timeoutMs} ms`));
        // Terminating stops the runaway work; the exit handler lets a new thread start on demand.
        void slot.worker.terminate();
      }, options.timeoutMs);
      slot.worker.postMessage({ type: 'extract', taskId: task.id, raw: task.raw } satisfies ExtractionThreadRequest);
    }
    for (const slot of slots) if (!slot.task && !slot.idleTimer) idle(slot);
  };

  const inThread = (raw: Uint8Array): Promise<{ document: VobDocument; thread: MessageThread }> =>
    new Promise((resolve, reject) => {
      waiting.push({ id: nextTaskId++, raw, resolve, reject });
      pump();
    });

  const inlineMaxBytes = options.inlineMaxBytes ?? DEFAULT_INLINE_MAX_BYTES;
  /** In the main thread; null when a part turned out to need the card reader after all. */
  const inline = async (raw: Uint8Array): Promise<{ document: VobDocument; thread: MessageThread } | null> => {
    let needsReader = false;
    const result = await extractMessage(raw, {
      cardReader: {
        readAttachment: async (attachment) => {
          if (!attachment.contentType.toLowerCase().startsWith('text/')) needsReader = true;
          return [];
        },
      },
      replyPolicy: data.replyPolicy,
      mimeLimits: data.mimeLimits,
    });
    if (needsReader) return null;
    return { document: result.document, thread: threadOf(result) };
  };

  return {
    async extract(raw) {
      if (closed) throw new Error('extraction pool is closed');
      if (isTextOnly(raw, inlineMaxBytes)) {
        const result = await inline(raw);
        if (result) return result;
      }
      return inThread(raw);
    },
    async close() {
      closed = true;
      if (pumpTimer) clearTimeout(pumpTimer);
      for (const task of waiting.splice(0)) task.reject(new Error('extraction pool is closed'));
      await Promise.all(
        slots.splice(0).map(async (slot) => {
          if (slot.timer) clearTimeout(slot.timer);
          if (slot.idleTimer) clearTimeout(slot.idleTimer);
          const done = new Promise<void>((resolve) => {
            slot.worker.on('message', (m: ExtractionThreadResponse) => m.type === 'closed' && resolve());
            slot.worker.once('exit', () => resolve());
            setTimeout(resolve, 2000).unref();
          });
          slot.worker.postMessage({ type: 'close' } satisfies ExtractionThreadRequest);
          await done;
          await slot.worker.terminate();
        }),
      );
      await detector?.close();
    },
  };
}
