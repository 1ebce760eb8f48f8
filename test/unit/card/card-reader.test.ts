/**
 * The card reader on the generated fixtures (scripts/make-card-fixtures.js) with real tesseract,
 * offline, and on the hostile inputs it must refuse with a typed error.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { CardFields } from '../../../schemas/vob-record';
import { CardReadError } from '../../../src/adapters/ocr/card-read-error';
import { createCardReader, type CardReader } from '../../../src/adapters/ocr/card-reader';
import { OcrPool } from '../../../src/adapters/ocr/ocr-pool';
import type { MessageAttachment } from '../../../src/domain/mime/parsed-message';

jest.setTimeout(180_000);

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'cards');
const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', tiff: 'image/tiff', heic: 'image/heic', pdf: 'application/pdf' };

function attachment(file: string, contentType = TYPES[file.split('.').pop()!]!): MessageAttachment {
  return { filename: file, contentType, content: fs.readFileSync(path.join(DIR, file)), contentId: null, inline: false };
}

/** A one-page PDF holding a grey JPEG (DCTDecode, DeviceGray), as a copier's scan-to-PDF writes it. */
function greyJpegPdf(jpeg: Buffer, width: number, height: number): Buffer {
  const pageH = Math.round((612 * height) / width);
  const content = `q 612 0 0 ${pageH} 0 0 cm /Im0 Do Q`;
  const image = Buffer.concat([
    Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
    jpeg,
    Buffer.from('\nendstream'),
  ]);
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${pageH}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    image,
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ];
  const parts = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${xref}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CardReadError);
    return (e as CardReadError).code;
  }
  return 'no error';
}

interface Expected {
  side: string;
  fields?: CardFields;
}

let reader: CardReader;
beforeAll(() => {
  reader = createCardReader({ poolSize: 2 });
});
afterAll(async () => {
  await reader.close();
});

describe('card fixtures', () => {
  const files = fs.readdirSync(DIR).filter((f) => /\.(jpg|png|webp|tiff|heic|pdf)$/.test(f) && fs.existsSync(path.join(DIR, f.replace(/\.[^.]+$/, '.expected.json'))));

  it('recognises every side and reads ≥ 95% of card fields', async () => {
    let right = 0;
    let total = 0;
    const wrongSides: string[] = [];
    await Promise.all(
      files.map(async (file) => {
        const json = JSON.parse(fs.readFileSync(path.join(DIR, file.replace(/\.[^.]+$/, '.expected.json')), 'utf8')) as Expected | { pages: Expected[] };
        const expected = 'pages' in json ? json.pages : [json];
        const readings = await reader.readAttachment(attachment(file));
        expect(readings).toHaveLength(expected.length);
        expected.forEach((exp, i) => {
          const got = readings[i]!;
          if (got.kind !== exp.side) wrongSides.push(`${file}#${i}: ${got.kind}`);
          if (!exp.fields) return;
          for (const k of ['payerName', 'memberId', 'groupNumber', 'memberName', 'rxBin', 'rxPcn', 'rxGroup'] as const) {
            total++;
            if (got.fields[k] === exp.fields[k]) right++;
          }
          for (const p of exp.fields.phones) {
            total++;
            if (got.fields.phones.some((g) => g.number === p.number && g.label === p.label)) right++;
          }
        });
      }),
    );
    expect(wrongSides).toEqual([]);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });

  it('reads an upside-down photo (no EXIF) and a sideways one (EXIF orientation 6)', async () => {
    const [upside] = await reader.readAttachment(attachment('humana-front.jpg'));
    expect(upside!.fields.memberId).toBe('H71940352');
    const [sideways] = await reader.readAttachment(attachment('cigna-front.jpg'));
    expect(sideways!.fields.memberId).toBe('U3901842701');
  });

  it('reads a HEIC photo', async () => {
    const [r] = await reader.readAttachment(attachment('medi-cal-front.heic'));
    expect(r!.kind).toBe('front');
    expect(r!.fields.payerName).toBe('Medi-Cal');
  });

  it('reads a two-page PDF as front and back', async () => {
    const readings = await reader.readAttachment(attachment('uhc-card.pdf'));
    expect(readings.map((r) => r.kind)).toEqual(['front', 'back']);
  });

  it('reads a grey copier scan saved as PDF (one DeviceGray JPEG on the page)', async () => {
    const { data, info } = await sharp(path.join(DIR, 'aetna-front.jpg')).greyscale().jpeg({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const [r] = await reader.readAttachment({ filename: 'scan.pdf', contentType: 'application/pdf', content: greyJpegPdf(data, info.width, info.height), contentId: null, inline: false });
    expect(r!.kind).toBe('front');
    expect(r!.fields).toMatchObject({ payerName: 'Aetna', memberId: 'W284619375', groupNumber: '0812345', rxBin: '610502' });
  });

  it('takes a second look when light labels were lost (tilted low-resolution photo)', async () => {
    const file = path.join(__dirname, '..', '..', '..', 'fixtures', 'cards-blind', 'ibx-keystone-magellan-front.jpg');
    const [r] = await reader.readAttachment({ filename: 'card.jpg', contentType: 'image/jpeg', content: fs.readFileSync(file), contentId: null, inline: false });
    expect(r!.fields).toMatchObject({ memberId: 'QKB824509316', rxBin: '610415' });
  });
});

describe('what is read at all', () => {
  it('skips attachments that are not images or PDFs', async () => {
    expect(await reader.readAttachment({ filename: 'notes.txt', contentType: 'text/plain', content: Buffer.from('Member ID W123456789'), contentId: null, inline: false })).toEqual([]);
    expect(await reader.readAttachment({ filename: 'logo.svg', contentType: 'image/svg+xml', content: Buffer.from('<svg/>'), contentId: null, inline: false })).toEqual([]);
  });

  it('sniffs an octet-stream attachment by its bytes', async () => {
    const readings = await reader.readAttachment(attachment('medicare-front.png', 'application/octet-stream'));
    expect(readings[0]!.fields.memberId).toBe('5TQ9JE2RK41');
  });

  it('skips icons too small to be a card', async () => {
    const icon = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#336699' } }).png().toBuffer();
    expect(await reader.readAttachment({ filename: 'icon.png', contentType: 'image/png', content: icon, contentId: null, inline: false })).toEqual([]);
  });
});

describe('limits on bad input', () => {
  it('refuses an image bomb before decoding it', async () => {
    const start = Date.now();
    expect(await codeOf(reader.readAttachment(attachment('image-bomb.png')))).toBe('image-too-large');
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('applies the pixel limit it is given', async () => {
    const small = createCardReader({ maxPixels: 1_000_000 });
    try {
      expect(await codeOf(small.readAttachment(attachment('aetna-front.jpg')))).toBe('image-too-large');
    } finally {
      await small.close();
    }
  });

  it('types a corrupt JPEG and bytes that are no image', async () => {
    expect(await codeOf(reader.readAttachment(attachment('corrupt.jpg')))).toBe('corrupt-image');
    expect(await codeOf(reader.readAttachment({ filename: 'x.jpg', contentType: 'image/jpeg', content: Buffer.from('not an image at all, just text '.repeat(4)), contentId: null, inline: false }))).toBe('unsupported-format');
  });

  it('refuses an encrypted PDF, a PDF over the page cap and a broken PDF', async () => {
    expect(await codeOf(reader.readAttachment(attachment('encrypted.pdf')))).toBe('pdf-encrypted');
    expect(await codeOf(reader.readAttachment(attachment('six-pages.pdf')))).toBe('pdf-too-many-pages');
    const broken = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
    expect(await codeOf(reader.readAttachment({ filename: 'b.pdf', contentType: 'application/pdf', content: broken, contentId: null, inline: false }))).toBe('corrupt-pdf');
  });

  it('replaces a worker whose OCR overruns the time limit', async () => {
    const pool = new OcrPool({ size: 1 });
    try {
      const image = await sharp(fs.readFileSync(path.join(DIR, 'aetna-back.jpg'))).greyscale().png().toBuffer();
      expect(await codeOf(pool.recognize(image, 5))).toBe('ocr-timeout');
      expect(pool.stats.replaced).toBe(1);
      const ok = await pool.recognize(image, 60_000);
      expect(ok.words.length).toBeGreaterThan(10);
      expect(pool.stats.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('reports an OCR timeout through the reader with its code', async () => {
    const hasty = createCardReader({ poolSize: 1, ocrTimeoutMs: 5 });
    try {
      expect(await codeOf(hasty.readAttachment(attachment('uhc-back.jpg')))).toBe('ocr-timeout');
    } finally {
      await hasty.close();
    }
  });
});
