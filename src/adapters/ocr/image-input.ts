/**
 * Decoding an attachment into oriented RGB pixels for card finding and OCR: JPEG, PNG, WebP,
 * TIFF (its first pages), GIF, AVIF via sharp; HEIC via heic-decode, because prebuilt sharp's
 * libheif carries only the AV1 decoder (HEVC is patent-encumbered). Every input is checked
 * against a pixel budget before it is decoded, so a tiny file declaring a huge image fails fast.
 */
import sharp, { type Metadata } from 'sharp';
import { CardReadError } from './card-read-error';

export type InputFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'heic' | 'avif' | 'bmp' | 'pdf';

const ascii = (b: Uint8Array, start: number, end: number): string => String.fromCharCode(...b.subarray(start, end));

/** Format from magic bytes; null when not an image or PDF we read. */
export function sniffFormat(b: Uint8Array): InputFormat | null {
  if (b.length < 12) return null;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG') return 'png';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff';
  if (ascii(b, 0, 4) === 'GIF8') return 'gif';
  if (ascii(b, 0, 2) === 'BM') return 'bmp';
  // PDF's header may follow a little junk (some mailers prepend bytes): look in the first KiB.
  if (ascii(b, 0, Math.min(b.length, 1024)).includes('%PDF-')) return 'pdf';
  if (ascii(b, 4, 8) === 'ftyp') {
    const brands = ascii(b, 8, Math.min(b.length, 8 + 4 * 10));
    if (/avif|avis/.test(brands)) return 'avif';
    if (/heic|heix|hevc|hevx|heim|heis|mif1|msf1/.test(brands)) return 'heic';
  }
  return null;
}

export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
}

export interface DecodeOptions {
  maxPixels: number;
  /** Pages of a multi-page TIFF to read. */
  maxPages: number;
  /** Longest side of the decoded working image; photos are shrunk on load to this. */
  workSize: number;
}

function tooLarge(width: number, height: number, maxPixels: number): CardReadError {
  return new CardReadError('image-too-large', `image of ${width}x${height} pixels exceeds the limit of ${maxPixels} pixels`);
}

function sharpError(e: unknown): CardReadError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(msg)) return new CardReadError('image-too-large', 'image exceeds the pixel limit', { cause: e });
  if (/unsupported image format/i.test(msg)) return new CardReadError('unsupported-format', 'unsupported image format', { cause: e });
  // libvips' own wording is not stable (it reports from a shared error buffer, so the same
  // damaged file can read 'premature end of data segment' or 'Warning treated as error'):
  // staff get one plain reason (the library's text stays on `cause`).
  return new CardReadError('corrupt-image', 'image could not be decoded: the file is damaged or cut short', { cause: e });
}

async function decodeHeic(bytes: Uint8Array, opts: DecodeOptions): Promise<RgbImage[]> {
  // Loaded on demand: the wasm decoder is large and most messages carry no HEIC.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const heicDecode = require('heic-decode') as {
    all(input: { buffer: Uint8Array }): Promise<Array<{ width: number; height: number; decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }> }> & { dispose(): void }>;
  };
  let images;
  try {
    images = await heicDecode.all({ buffer: bytes });
  } catch (e) {
    throw new CardReadError('corrupt-image', 'HEIC image could not be decoded', { cause: e });
  }
  try {
    const first = images[0];
    if (!first) throw new CardReadError('corrupt-image', 'HEIC file holds no image');
    if (first.width * first.height > opts.maxPixels) throw tooLarge(first.width, first.height, opts.maxPixels);
    const { width, height, data } = await first.decode();
    // libheif applies the HEIF rotation/mirror properties itself, so no EXIF step here.
    const out = await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } })
      .resize({ width: opts.workSize, height: opts.workSize, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return [{ data: out.data, width: out.info.width, height: out.info.height }];
  } finally {
    images.dispose();
  }
}

/** Oriented RGB images (one per page for a multi-page TIFF), at most `workSize` on the long side. */
export async function decodeImage(bytes: Uint8Array, format: InputFormat, opts: DecodeOptions): Promise<RgbImage[]> {
  if (format === 'heic') return decodeHeic(bytes, opts);
  if (format === 'pdf') throw new CardReadError('unsupported-format', 'PDF is not an image');
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: opts.maxPixels }).metadata();
  } catch (e) {
    throw sharpError(e);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new CardReadError('corrupt-image', 'image has no dimensions');
  if (width * height > opts.maxPixels) throw tooLarge(width, height, opts.maxPixels);
  const pages = format === 'tiff' ? Math.min(meta.pages ?? 1, opts.maxPages) : 1;
  const out: RgbImage[] = [];
  for (let page = 0; page < pages; page++) {
    try {
      const { data, info } = await sharp(input, { limitInputPixels: opts.maxPixels, page, failOn: 'warning' })
        .rotate() // EXIF orientation: phones store pixels sideways and say so in a tag.
        .resize({ width: opts.workSize, height: opts.workSize, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      out.push({ data, width: info.width, height: info.height });
    } catch (e) {
      throw sharpError(e);
    }
  }
  return out;
}
