/**
 * Reading insurance cards from message attachments: decode (images, HEIC, TIFF pages, PDF
 * pages), find and straighten the card in a photo, OCR it on a shared worker pool, and turn the
 * text into card fields and a side. One CardReading per image or page.
 */
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { CardReading } from '../../domain/card/card-reading';
import type { MessageAttachment } from '../../domain/mime/parsed-message';
import { cardFieldCount, lacksKeyField, readCardText } from '../../domain/card/read-card-text';
import { fieldConfidence } from '../../domain/card/field-confidence';
import { CardReadError } from './card-read-error';
import { evenLight, type GreyImage, textAxisRatio } from './even-light';
import { findCards, type CardRegion } from './find-card';
import { keystone, plausibleQuad, warpCard } from './perspective';
import { decodeImage, type InputFormat, type RgbImage, sniffFormat } from './image-input';
import { layoutText } from './layout-text';
import { type Binarize, OcrPool, type OcrResult, type OcrWord } from './ocr-pool';
import { renderPdf } from './pdf-render';
import { skewAngle } from './text-boxes';
import { createTextDetector, type TextDetector } from './text-detector';

export interface CardReaderOptions {
  /** OCR workers; the number of cores by default. */
  poolSize?: number;
  /** Per-image OCR limit, after which that worker is replaced. */
  ocrTimeoutMs?: number;
  /** Largest image accepted, in pixels (decoded size). */
  maxPixels?: number;
  /** A PDF with more pages is refused. */
  maxPdfPages?: number;
  /** Limit on rendering one PDF. */
  pdfTimeoutMs?: number;
  /**
   * Find text lines with the learned detector (src/adapters/ocr/text-detector.ts) and have
   * tesseract read each line, instead of tesseract's own page layout. On by default; when the
   * detector cannot run (model or runtime missing) the reader falls back to tesseract's layout.
   */
  textDetector?: boolean;
  /** A detector to use instead of loading one (the extraction threads share the main thread's). */
  detector?: TextDetector;
}

export interface CardReader {
  readAttachment(att: MessageAttachment): Promise<CardReading[]>;
  close(): Promise<void>;
  /** The OCR pool, for the bench's counters. */
  readonly pool: OcrPool;
  /** OCR passes over a card image (one per turn and threshold tried, however many lines it has). */
  readonly stats: { reads: number };
}

const IMAGE_EXT = /\.(jpe?g|jfif|png|webp|tiff?|gif|heic|heif|avif|bmp|pdf)$/i;
/** Image types that never hold a photo or scan of a card. */
const NOT_PHOTO_TYPES = /^image\/(svg\+xml|x-icon|vnd\.microsoft\.icon|x-emf|x-wmf)$/;
/** Long side of the decoded working image: enough for a card filling a quarter of a photo. */
const WORK_SIZE = 2400;
/** Width the card is scaled to for OCR (~350 dpi for a 3.4-inch card). */
const CARD_WIDTH = 1200;
/**
 * Opposite sides differing by more than this (a phone tilted ~10 degrees or more) are warped
 * square; below it the corners found on a 320-pixel mask are too rough to beat a plain rotation,
 * which rows of text tolerate anyway.
 */
const KEYSTONE_WARP = 0.93;
/** Detected lines shorter than this (pixels) are enlarged to it: tesseract reads small print better larger. */
const LINE_HEIGHT = 32;
/**
 * Margins of a detected line's crop. Sideways, the card's own pixels (the gap to the next words):
 * a glyph at the crop's edge is misread ("BSI912..." as "BSI1912...", "CARMEN" as "ICARMEN").
 * Above and below, where the neighbouring lines are, the paper's grey: repeating the edge rows
 * instead smears the next line's strokes in. (Measured best on the card sets.)
 */
const LINE_PAD_X = 9;
const LINE_PAD_Y = 14;
/**
 * Text lines tilted by this many degrees or more are levelled before they are cut out (a found
 * card is already straightened; below 2 degrees levelling again measured worse).
 */
const MAX_SKEW = 2;
/** Confident letters below which a reading found essentially no text. */
const NOTHING_READ = 15;
/** Width over height of an ID-1 (CR80) card. */
const CARD_ASPECT = 85.6 / 54;
/** Images smaller than this are icons and tracking pixels. */
const MIN_PIXELS = 120 * 80;

function isCandidate(att: MessageAttachment): boolean {
  const type = att.contentType.toLowerCase();
  if (NOT_PHOTO_TYPES.test(type)) return false;
  if (type.startsWith('image/') || type === 'application/pdf' || type === 'application/x-pdf') return true;
  if (/^application\/(octet-stream|binary|x-download|force-download)$/.test(type) || type === '') {
    return IMAGE_EXT.test(att.filename ?? '') || sniffFormat(att.content) !== null;
  }
  return false;
}

/** Words recognised with confidence, weighted by length: how much real text a reading found. */
function textScore(r: OcrResult): number {
  return r.words.reduce((s, w) => s + (w.confidence >= 70 && /[A-Za-z0-9]{2,}/.test(w.text) ? w.text.length : 0), 0);
}

/** The card cut out, straightened and scaled for OCR, in grey, with uneven light evened out. */
async function cardGrey(img: RgbImage, region: CardRegion | null): Promise<GreyImage> {
  if (region?.corners && plausibleQuad(region.corners) && keystone(region.corners) < KEYSTONE_WARP) {
    // A card is 85.6 x 54 mm; a region measured far from that is kept at its own proportions.
    const measured = region.width / region.height;
    const aspect = Math.abs(measured - CARD_ASPECT) < 0.25 ? CARD_ASPECT : measured;
    const warped = warpCard(img, region.corners, CARD_WIDTH, aspect);
    if (warped) return evenLight(warped);
  }
  const raw = { raw: { width: img.width, height: img.height, channels: 3 as const } };
  let base = sharp(img.data, raw);
  let width = img.width;
  if (region) {
    // Straighten about the card's tilt, then cut the card out with a small margin.
    const rotated = await sharp(img.data, raw).rotate(-region.angle, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
    const a = (-region.angle * Math.PI) / 180;
    const dx = region.cx - img.width / 2;
    const dy = region.cy - img.height / 2;
    const cx = dx * Math.cos(a) - dy * Math.sin(a) + rotated.info.width / 2;
    const cy = dx * Math.sin(a) + dy * Math.cos(a) + rotated.info.height / 2;
    const w = region.width * 1.04;
    const h = region.height * 1.06;
    const left = Math.max(0, Math.round(cx - w / 2));
    const top = Math.max(0, Math.round(cy - h / 2));
    const cw = Math.min(rotated.info.width - left, Math.round(w));
    const ch = Math.min(rotated.info.height - top, Math.round(h));
    base = sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: 3 } }).extract({ left, top, width: cw, height: ch });
    width = cw;
  }
  const resized = region
    ? base.resize({ width: CARD_WIDTH })
    : base.resize({ width: Math.min(1800, Math.max(CARD_WIDTH, width)), height: 1800, fit: 'inside' });
  const step = await resized.greyscale().raw().toBuffer({ resolveWithObject: true });
  return evenLight({ data: step.data, width: step.info.width, height: step.info.height });
}

/** The paper's grey in a line's crop (its 90th percentile: text is the darker part). */
function paperLevel(pixels: Buffer): number {
  const hist = new Uint32Array(256);
  for (const v of pixels) hist[v]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!;
    if (seen >= pixels.length * 0.9) return v;
  }
  return 255;
}

type Turn = 0 | 90 | 180 | 270;

interface Ocred {
  result: OcrResult;
  grey: GreyImage;
  turn: Turn;
}

/** PNG for OCR; the turn for orientation is applied after the crop so it turns the card, not the desk. */
function toPng(grey: GreyImage, turn: Turn): Promise<Buffer> {
  return sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
    .rotate(turn)
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export function createCardReader(options: CardReaderOptions = {}): CardReader {
  const poolSize = options.poolSize ?? Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  const ocrTimeoutMs = options.ocrTimeoutMs ?? 15_000;
  const maxPixels = options.maxPixels ?? 50_000_000;
  const maxPdfPages = options.maxPdfPages ?? 4;
  const pdfTimeoutMs = options.pdfTimeoutMs ?? 20_000;
  const pool = new OcrPool({ size: poolSize });
  /** Null when switched off, or after it failed to run: tesseract's own layout reads from then on. */
  let detector: TextDetector | null = options.textDetector === false ? null : (options.detector ?? createTextDetector());
  /** Attachments being read now, for starting as many workers as they will use. */
  let inFlight = 0;

  /** One OCR of the card at a turn: the detector's lines read one by one, or tesseract's own layout. */
  const stats = { reads: 0 };
  const read = async (grey: GreyImage, turn: Turn, binarize: Binarize = 'global', ownLayout = false): Promise<OcrResult> => {
    stats.reads++;
    if (detector && !ownLayout) {
      try {
        const lines = await readLines(detector, grey, turn, binarize);
        if (lines) return lines;
      } catch (e) {
        if (e instanceof CardReadError) throw e;
        // The detector itself failed (model or native runtime): the old path, for good.
        const broken = detector;
        detector = null;
        void broken?.close();
      }
    }
    return pool.recognize(await toPng(grey, turn), ocrTimeoutMs, binarize);
  };

  /**
   * The detector's text lines, each cut from the card image and read by tesseract as one line;
   * the words placed back at their position on the card, one tesseract "line" per box, which is
   * what layoutText expects. Null when the detector found no text (tesseract then looks itself).
   */
  async function readLines(det: TextDetector, grey: GreyImage, turn: Turn, binarize: Binarize): Promise<OcrResult | null> {
    const turned = await sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } })
      .rotate(turn)
      .normalise()
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    let img: GreyImage = { data: turned.data, width: turned.info.width, height: turned.info.height };
    let boxes = await det.detect(img);
    const skew = skewAngle(boxes);
    if (Math.abs(skew) >= MAX_SKEW) {
      // A photo read whole (no card found to straighten) with its lines tilted: level boxes would
      // cut across neighbouring lines. The lines are levelled and found again.
      const level = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } })
        .rotate(-skew, { background: '#ffffff' })
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      img = { data: level.data, width: level.info.width, height: level.info.height };
      boxes = await det.detect(img);
    }
    if (boxes.length === 0) return null;
    const lines = await Promise.all(
      boxes.map(async (b, i): Promise<OcrWord[]> => {
        const h = b.y1 - b.y0;
        const k = Math.max(1, LINE_HEIGHT / h);
        const left = Math.max(0, b.x0 - LINE_PAD_X);
        const right = Math.min(img.width, b.x1 + LINE_PAD_X);
        const w = right - left;
        const crop = Buffer.alloc(w * h);
        for (let y = 0; y < h; y++) img.data.copy(crop, y * w, (b.y0 + y) * img.width + left, (b.y0 + y) * img.width + right);
        const paper = paperLevel(crop);
        const png = await sharp(crop, { raw: { width: w, height: h, channels: 1 } })
          .resize({ width: Math.round(w * k), height: Math.round(h * k) })
          .extend({ top: LINE_PAD_Y, bottom: LINE_PAD_Y, background: { r: paper, g: paper, b: paper } })
          .png({ compressionLevel: 1 })
          .toBuffer();
        const r = await pool.recognize(png, ocrTimeoutMs, binarize, 'line');
        const atX = (v: number): number => Math.round(v / k + left);
        const atY = (v: number): number => Math.round((v - LINE_PAD_Y) / k + b.y0);
        return r.words.map((word) => ({ ...word, x0: atX(word.x0), x1: atX(word.x1), y0: atY(word.y0), y1: atY(word.y1), lineKey: `box${i}` }));
      }),
    );
    const words = lines.flat();
    const confidence = words.length ? words.reduce((s, w) => s + w.confidence, 0) / words.length : 0;
    return { words, confidence };
  }

  const better = (a: OcrResult, b: OcrResult): OcrResult => (textScore(b) > textScore(a) * 1.15 ? b : a);
  const strong = (r: OcrResult): boolean => r.confidence >= 70 && textScore(r) >= 40;

  /** The best reading of one card (or the whole image), with the image and turn it came from. */
  async function ocrBest(img: RgbImage, region: CardRegion | null): Promise<Ocred> {
    const grey = await cardGrey(img, region);
    const [result, turn] = await bestTurn(grey, region === null);
    return { result, grey, turn };
  }

  async function bestTurn(grey: GreyImage, wholeImage: boolean): Promise<[OcrResult, Turn]> {
    const pick = (a: [OcrResult, Turn], b: [OcrResult, Turn]): [OcrResult, Turn] => (better(a[0], b[0]) === a[0] ? a : b);
    // A found card is landscape after straightening: its lines run across. A whole image (a
    // tight crop, a scan) may be a quarter turn out with no EXIF tag: the projection profiles
    // say which way its lines run, so the likely turns are read first, side by side.
    const ratio = wholeImage ? textAxisRatio(grey) : Infinity;
    if (ratio < 0.8) {
      const [r90, r270] = await Promise.all([read(grey, 90), read(grey, 270)]);
      const best = pick([r90, 90], [r270, 270]);
      if (strong(best[0])) return best;
      const [r0, r180] = await Promise.all([read(grey, 0), read(grey, 180)]);
      return pick(pick(best, [r0, 0]), [r180, 180]);
    }
    const first = await read(grey, 0);
    if (strong(first)) return [first, 0];
    // Weak text: the card may be upside down (no EXIF tag to say so); when the lines' direction
    // was unclear, a quarter turn too.
    const turns: Array<90 | 180 | 270> = ratio < 1.3 ? [180, 90, 270] : [180];
    const tries = await Promise.all(turns.map(async (t): Promise<[OcrResult, Turn]> => [await read(grey, t), t]));
    return tries.reduce(pick, [first, 0]);
  }

  async function readImage(img: RgbImage, filename: string | null): Promise<CardReading> {
    const regions = findCards(img);
    // Two cards side by side (a scan of front and back on one page): each is straightened and
    // read on its own, and the image is judged on both texts together.
    const ocrs = regions.length > 1 ? await Promise.all(regions.map((r) => ocrBest(img, r))) : [await ocrBest(img, regions[0] ?? null)];
    // The region found may not have been the card (a phone, a hand, a patterned mat): when it
    // gave next to no text, the whole image is read too, so a wrong crop never loses the card.
    if (regions.length > 0 && ocrs.every((o) => textScore(o.result) < NOTHING_READ)) {
      const whole = await ocrBest(img, null);
      if (textScore(whole.result) > Math.max(...ocrs.map((o) => textScore(o.result)))) ocrs.splice(0, ocrs.length, whole);
    }
    const first = reading(filename, ocrs.map((o) => o.result));
    if (!lacksKeyField(first.kind, first.fields)) return first;
    // A card whose ID or phones went unread. With the detector, tesseract's own layout has a
    // look (the two fail on different cards); without it, small light labels may have been lost
    // to the global threshold: a local threshold has the look. Kept when it reads more.
    const again = await Promise.all(ocrs.map((o) => (detector ? read(o.grey, o.turn, 'global', true) : read(o.grey, o.turn, 'local'))));
    const second = reading(filename, again);
    return cardFieldCount(second.fields) > cardFieldCount(first.fields) ? second : first;
  }

  function reading(filename: string | null, results: OcrResult[]): CardReading {
    const text = results.map((o) => layoutText(o.words)).join('\n\n');
    const { kind, fields } = readCardText(text);
    const confidence = results.reduce((s, o) => s + o.confidence, 0) / results.length;
    // Each field's confidence from the recognised line that holds it (lines of each result apart).
    const words = results.flatMap((o, n) => o.words.map((w) => ({ text: w.text, confidence: w.confidence, line: `${n}:${w.lineKey}` })));
    return { filename, kind, fields, text, confidence: Math.round(confidence), fieldConfidence: fieldConfidence(fields, words, confidence) };
  }

  return {
    pool,
    stats,
    async readAttachment(att: MessageAttachment): Promise<CardReading[]> {
      if (!isCandidate(att)) return [];
      const format = sniffFormat(att.content);
      const declaredPdf = /pdf/.test(att.contentType) || /\.pdf$/i.test(att.filename ?? '');
      if (!format) {
        throw declaredPdf
          ? new CardReadError('corrupt-pdf', 'attachment is not a PDF')
          : new CardReadError(att.content.length < 64 ? 'corrupt-image' : 'unsupported-format', 'attachment is not a readable image');
      }
      inFlight++;
      try {
        // Every image read is OCR'd: start loading a worker for it while it is decoded.
        pool.prestart(inFlight);
        detector?.prestart();
        return await readFormat(att, format);
      } finally {
        inFlight--;
      }
    },
    close: async () => {
      await Promise.all([pool.close(), detector?.close()]);
    },
  };

  async function readFormat(att: MessageAttachment, format: InputFormat): Promise<CardReading[]> {
    const images: RgbImage[] = [];
    const decodeOpts = { maxPixels, maxPages: maxPdfPages, workSize: WORK_SIZE };
    if (format === 'pdf') {
      const pages = await renderPdf(att.content, { maxPages: maxPdfPages, dpi: 300, maxPixels: Math.min(maxPixels, 12_000_000), timeoutMs: pdfTimeoutMs });
      for (const png of pages) images.push(...(await decodeImage(png, 'png', decodeOpts)));
    } else {
      images.push(...(await decodeImage(att.content, format, decodeOpts)));
    }
    const readings: CardReading[] = [];
    const name = att.filename ? path.basename(att.filename) : null;
    for (const img of images) {
      if (img.width * img.height < MIN_PIXELS) continue;
      readings.push(await readImage(img, name));
    }
    return readings;
  }
}
