/**
 * PDF pages rendered to PNG with pdf.js (legacy build, `isEvalSupported: false`: a PDF's fonts
 * never become evaluated code) on @napi-rs/canvas, inside a worker thread:
 *  - pdf.js is ESM-only and this project compiles to CommonJS (and ts-jest would rewrite an
 *    `import()` into `require()`); a worker's own dynamic import is native, under jest or not;
 *  - a hostile PDF that makes pdf.js spin is stopped by terminating the thread.
 * Mozilla's pdf.js (Apache-2.0) was chosen over mupdf's npm build, which is AGPL.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CardReadError, type CardReadErrorCode } from './card-read-error';

export interface PdfRenderOptions {
  maxPages: number;
  /** Render resolution; lowered for a huge page so it stays within `maxPixels`. */
  dpi: number;
  maxPixels: number;
  timeoutMs: number;
}

// Runs in the worker thread as CommonJS; module locations come resolved from the parent.
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(workerData.data),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      standardFontDataUrl: workerData.fontsUrl,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const code = e && e.name === 'PasswordException' ? 'pdf-encrypted' : 'corrupt-pdf';
    parentPort.postMessage({ type: 'error', code, message: code === 'pdf-encrypted' ? 'PDF is password-protected' : 'PDF could not be parsed' });
    return;
  }
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ type: 'error', code: 'pdf-too-many-pages', message: 'PDF has ' + doc.numPages + ' pages; at most ' + workerData.maxPages + ' are read' });
    return;
  }
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const scale = Math.min(workerData.dpi / 72, Math.sqrt(workerData.maxPixels / (base.width * base.height)));
    const viewport = page.getViewport({ scale });
    // pdf.js's own canvas factory: it loads the @napi-rs/canvas build pdf.js was made for (a
    // canvas from another copy of the native module crashes the process when pdf.js draws).
    const { canvas, context: ctx } = doc.canvasFactory.create(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, canvas, viewport }).promise;
    const png = await canvas.encode('png');
    const out = new Uint8Array(png);
    parentPort.postMessage({ type: 'page', page: n, png: out }, [out.buffer]);
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ type: 'done' });
})().catch((e) => parentPort.postMessage({ type: 'error', code: 'corrupt-pdf', message: 'PDF could not be rendered' }));
`;

let resolved: { pdfjsUrl: string; fontsUrl: string } | null = null;
function modulePaths(): { pdfjsUrl: string; fontsUrl: string } {
  if (!resolved) {
    const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
    resolved = {
      pdfjsUrl: pathToFileURL(path.join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs')).href,
      // pdf.js reads standard fonts itself in Node from a path ending in a separator.
      fontsUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    };
  }
  return resolved;
}

/** PNG of each page, in order. */
export function renderPdf(bytes: Uint8Array, opts: PdfRenderOptions): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const data = new Uint8Array(bytes).buffer;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...modulePaths(), data, maxPages: opts.maxPages, dpi: opts.dpi, maxPixels: opts.maxPixels },
      transferList: [data],
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    const pages: Buffer[] = [];
    let settled = false;
    const finish = (err: CardReadError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (err) reject(err);
      else resolve(pages);
    };
    const timer = setTimeout(() => finish(new CardReadError('pdf-timeout', `PDF rendering took longer than ${opts.timeoutMs} ms`)), opts.timeoutMs);
    worker.on('message', (m: { type: string; code?: CardReadErrorCode; message?: string; png?: Uint8Array }) => {
      if (m.type === 'page' && m.png) pages.push(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
      else if (m.type === 'done') finish(null);
      else if (m.type === 'error') finish(new CardReadError(m.code ?? 'corrupt-pdf', m.message ?? 'PDF could not be read'));
    });
    worker.on('error', (e) => finish(new CardReadError('corrupt-pdf', 'PDF renderer failed', { cause: e })));
    worker.on('exit', () => finish(new CardReadError('corrupt-pdf', 'PDF renderer stopped')));
  });
}
