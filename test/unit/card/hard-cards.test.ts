/**
 * Card reading on hard phone photos: the pure image statistics (light, text direction, card
 * finding, perspective) on synthetic pixels, the text rules on OCR-like text, and real tesseract
 * (offline) on a few images of fixtures/cards-hard (scripts/make-hard-card-fixtures.js).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { CardFields } from '../../../schemas/vob-record';
import { createCardReader, type CardReader } from '../../../src/adapters/ocr/card-reader';
import { evenLight, type GreyImage, textAxisRatio } from '../../../src/adapters/ocr/even-light';
import { findCards } from '../../../src/adapters/ocr/find-card';
import type { RgbImage } from '../../../src/adapters/ocr/image-input';
import { layoutText } from '../../../src/adapters/ocr/layout-text';
import type { OcrWord } from '../../../src/adapters/ocr/ocr-pool';
import { homography, keystone, plausibleQuad, warpCard } from '../../../src/adapters/ocr/perspective';
import { readCardPhones } from '../../../src/domain/card/card-phones';
import { cleanName, readFrontFields } from '../../../src/domain/card/member-id';
import { findPayer } from '../../../src/domain/card/payers';
import { readCardFields } from '../../../src/domain/card/read-card-text';

jest.setTimeout(120_000);

const DIR = path.join(__dirname, '..', '..', '..', 'fixtures', 'cards-hard');

/** A grey page of horizontal "text lines" (dark bars broken into words). */
function textPage(w: number, h: number, light: (x: number, y: number) => number = () => 1): GreyImage {
  const data = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inLine = y % 40 >= 12 && y % 40 < 26 && x % 90 < 70 && x > 40 && x < w - 40;
      data[y * w + x] = Math.round((inLine ? 40 : 235) * light(x, y));
    }
  }
  return { data, width: w, height: h };
}

function transpose(img: GreyImage): GreyImage {
  const data = Buffer.alloc(img.data.length);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) data[x * img.height + y] = img.data[y * img.width + x]!;
  return { data, width: img.height, height: img.width };
}

/** RGB table of one colour with cards (axis-aligned rectangles of another colour, a dark text band). */
function table(w: number, h: number, desk: number[], card: number[], rects: Array<[number, number, number, number]>): RgbImage {
  const data = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const r = rects.find(([x0, y0, rw, rh]) => x >= x0 && x < x0 + rw && y >= y0 && y < y0 + rh);
      const text = r && (y - r[1]) % 30 > 18 && (x - r[0]) > 20 && (x - r[0]) < r[2] * 0.7;
      const c = r ? (text ? [30, 30, 30] : card) : desk;
      data.set(c, (y * w + x) * 3);
    }
  }
  return { data, width: w, height: h };
}

describe('image statistics', () => {
  it('evens out a lighting gradient and leaves evenly lit images alone', () => {
    const even = textPage(400, 300);
    expect(evenLight(even)).toBe(even);
    const dim = textPage(400, 300, (x) => 1 - 0.6 * (x / 400));
    const fixed = evenLight(dim);
    // Paper at the dark side and the bright side now within a few levels of each other.
    const paper = (img: GreyImage, x: number): number => img.data[30 * img.width + x]!;
    expect(Math.abs(paper(fixed, 380) - paper(fixed, 20))).toBeLessThan(30);
    expect(paper(dim, 380)).toBeLessThan(paper(dim, 20) - 100);
  });

  it('tells horizontal text lines from vertical ones', () => {
    const page = textPage(600, 400);
    expect(textAxisRatio(page)).toBeGreaterThan(1.3);
    expect(textAxisRatio(transpose(page))).toBeLessThan(0.8);
  });
});

describe('card finding', () => {
  it('finds a white card on a light-grey table', () => {
    const img = table(640, 480, [226, 226, 224], [252, 252, 250], [[120, 110, 400, 252]]);
    const cards = findCards(img);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.width).toBeGreaterThan(370);
    expect(cards[0]!.width).toBeLessThan(430);
    expect(Math.abs(cards[0]!.cx - 320)).toBeLessThan(12);
  });

  it('finds both cards of a front-and-back scan, left one first', () => {
    const img = table(900, 500, [250, 250, 250], [214, 222, 236], [[40, 120, 380, 240], [480, 126, 380, 240]]);
    const cards = findCards(img);
    expect(cards).toHaveLength(2);
    expect(cards[0]!.cx).toBeLessThan(cards[1]!.cx);
  });

  it('finds nothing in a tight crop, so the whole image is read', () => {
    const img = table(640, 400, [120, 90, 70], [250, 250, 250], [[0, 0, 640, 400]]);
    expect(findCards(img)).toEqual([]);
  });
});

describe('perspective', () => {
  it('maps corners with a homography and warps a keystoned quad square', () => {
    const rect: Array<[number, number]> = [[0, 0], [100, 0], [100, 60], [0, 60]];
    const trapezoid: Array<[number, number]> = [[20, 10], [180, 10], [200, 110], [0, 110]];
    const m = homography(rect, trapezoid)!;
    const apply = ([x, y]: [number, number]): [number, number] => {
      const d = m[6]! * x + m[7]! * y + 1;
      return [(m[0]! * x + m[1]! * y + m[2]!) / d, (m[3]! * x + m[4]! * y + m[5]!) / d];
    };
    rect.forEach((p, i) => {
      expect(apply(p)[0]).toBeCloseTo(trapezoid[i]![0], 6);
      expect(apply(p)[1]).toBeCloseTo(trapezoid[i]![1], 6);
    });
    expect(keystone(trapezoid)).toBeCloseTo(0.8, 2);
    expect(plausibleQuad(trapezoid)).toBe(true);
    expect(plausibleQuad([[0, 0], [100, 60], [100, 0], [0, 60]])).toBe(false);

    // A dark left half inside the trapezoid stays the left half of the warped card.
    const img: RgbImage = { data: Buffer.alloc(220 * 130 * 3, 255), width: 220, height: 130 };
    for (let y = 10; y < 110; y++) for (let x = 0; x < 100; x++) img.data.fill(0, (y * 220 + x) * 3, (y * 220 + x) * 3 + 3);
    const warped = warpCard(img, trapezoid, 200, 2, 0)!;
    expect(warped.width).toBe(200);
    expect(warped.height).toBe(100);
    expect(warped.data[50 * 200 + 40]).toBeLessThan(40);
    expect(warped.data[50 * 200 + 160]).toBeGreaterThan(215);
  });
});

describe('card text from hard photos', () => {
  const word = (text: string, x0: number, confidence: number): OcrWord => ({ text, confidence, x0, x1: x0 + text.length * 20, y0: 100, y1: 130, lineKey: '1.1.1' });

  it('keeps a middle initial that OCR read with low confidence', () => {
    const text = layoutText([word('Member', 0, 95), word('KEVIN', 160, 93), word('J', 280, 0), word('FICTION', 320, 92)]);
    expect(text).toContain('KEVIN J FICTION');
    // The text detector may box the initial apart from the names, and OCR may glue a bracket to it.
    const apart = layoutText([word('KEVIN', 160, 93), { ...word(']J', 280, 0), lineKey: 'box3' }, word('FICTION', 340, 92)]);
    expect(apart.replace(/\s+/g, ' ')).toContain('KEVIN J FICTION');
  });

  it('puts a word in the row whose middle is nearest when it fits two', () => {
    const at = (text: string, x0: number, y0: number, y1: number, lineKey: string): OcrWord => ({ text, confidence: 95, x0, x1: x0 + text.length * 12, y0, y1, lineKey });
    // A tall ID on the left, a small label and its value on the right a little lower (tilt).
    const text = layoutText([at('QKB824509316', 0, 100, 140, 'a'), at('RxPCN', 500, 128, 144, 'b'), at('PCS', 640, 120, 154, 'c')]);
    expect(text.split('\n').find((l) => l.includes('PCS'))).toContain('RxPCN');
  });

  it('cleans OCR marks out of names', () => {
    expect(cleanName('PETER J] SAMPLEMAN')).toBe('PETER J SAMPLEMAN');
    expect(cleanName('OSCAR | BISHOP')).toBe('OSCAR I BISHOP');
  });

  it('matches payer names as cards print them and as OCR misreads them', () => {
    const cases: Array<[string, string]> = [
      ['BlueCross BlueShield of lllinois', 'Blue Cross Blue Shield of Illinois'],
      ['UnitedHealthcare Community PIan', 'UnitedHealthcare'],
      ['Aetna Better Heaith of Illinois', 'Aetna'],
      ['Cigna HeaIthcare', 'Cigna Healthcare'],
      ['Anthem BIue Cross and Blue Shield', 'Anthem Blue Cross Blue Shield'],
      ['Ambetter from Superior HealthPlan', 'Ambetter'],
      ['Wellcare by AIlwell', 'Wellcare'],
      ['Medi-CaI', 'Medi-Cal'],
    ];
    for (const [printed, payer] of cases) expect([printed, findPayer(printed)]).toEqual([printed, payer]);
    expect(findPayer('medical claims: PO Box 1')).toBeNull();
  });

  it('does not take a member called Oscar for the payer', () => {
    const f = readCardFields('MOLINA HEALTHCARE\n  Member: OSCAR I BISHOP\n  Member ID#: 102938475\n');
    expect(f.payerName).toBe('Molina Healthcare');
    expect(readCardFields('oscar\n  Member: PRIYA N SYNTHETIC\n  Member ID: OSC48201937').payerName).toBe('Oscar');
  });

  it('reads a value under a record-number label that OCR garbled', () => {
    const f = readFrontFields('KAISER PERMANENTE\n NATHAN E DUMMYSON\n  Health/Medical Re:  rd Number   Group\n  11938406                     604512\n');
    expect(f.memberId).toBe('11938406');
    expect(f.groupNumber).toBe('604512');
  });

  it('takes no group or PCN from small print that mentions them', () => {
    const f = readFrontFields('Pharmacists: process claims with the BIN, PCN and group shown on the front of this card.');
    expect(f.groupNumber).toBeNull();
    expect(f.rxPcn).toBeNull();
  });

  it('labels a phone whose label ends the line above in wrapped small print', () => {
    const phones = readCardPhones('submit claims to your local Blue Cross plan. Pharmacists:\ncall 1-833-236-6196 for help with claims.');
    expect(phones).toEqual([{ label: 'Pharmacy', number: '+18332366196' }]);
  });
});

describe('real OCR on hard photos', () => {
  let reader: CardReader;
  beforeAll(() => {
    reader = createCardReader({ poolSize: 2 });
  });
  afterAll(async () => {
    await reader.close();
  });

  async function read(file: string): Promise<{ kind: string; fields: CardFields; expected: { side: string; fields: CardFields }; jobs: number }> {
    const before = reader.stats.reads;
    const [reading] = await reader.readAttachment({ filename: file, contentType: 'image/jpeg', content: fs.readFileSync(path.join(DIR, file)), contentId: null, inline: false });
    const expected = JSON.parse(fs.readFileSync(path.join(DIR, file.replace(/\.[^.]+$/, '.expected.json')), 'utf8')) as { side: string; fields: CardFields };
    return { kind: reading!.kind, fields: reading!.fields, expected, jobs: reader.stats.reads - before };
  }

  it('reads a front-and-back scan as both sides, with the front fields and the back phones', async () => {
    const r = await read('cigna-healthcare-scan-both.jpg');
    expect(r.kind).toBe('both');
    expect(r.fields.memberId).toBe(r.expected.fields.memberId);
    expect(r.fields.rxBin).toBe(r.expected.fields.rxBin);
    expect(r.fields.phones).toEqual(expect.arrayContaining(r.expected.fields.phones));
  });

  it('reads a tight crop turned a quarter without EXIF in one round of two turns', async () => {
    const r = await read('uhc-front.jpg');
    expect(r.kind).toBe('front');
    expect(r.fields.memberId).toBe(r.expected.fields.memberId);
    expect(r.fields.groupNumber).toBe(r.expected.fields.groupNumber);
    expect(r.jobs).toBe(2);
  });

  it('reads a dark card photographed at a strong keystone, rows kept apart', async () => {
    const r = await read('bcbs-michigan-front.jpg');
    expect(r.fields).toEqual(r.expected.fields);
    expect(r.jobs).toBe(1);
  });

  it('reads the whole photo when the card-shaped thing found holds no text', async () => {
    // A blank dark phone (the largest card-shaped region) beside a small card with print.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
      <rect width="1600" height="1000" fill="#b8b0a4"/>
      <rect x="60" y="180" width="960" height="600" rx="40" fill="#1b2430"/>
      <rect x="1060" y="330" width="500" height="316" rx="20" fill="#ffffff"/>
      <text x="1080" y="390" font-family="DejaVu Sans" font-size="30" font-weight="bold">Aetna</text>
      <text x="1080" y="450" font-family="DejaVu Sans" font-size="24">Member ID: W284619375</text>
      <text x="1080" y="500" font-family="DejaVu Sans" font-size="24">Group: 0812345</text>
      <text x="1080" y="550" font-family="DejaVu Sans" font-size="24">Name: JANE Q SAMPLE</text></svg>`;
    const content = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
    const before = reader.stats.reads;
    const [reading] = await reader.readAttachment({ filename: 'phone-and-card.jpg', contentType: 'image/jpeg', content, contentId: null, inline: false });
    expect(reading!.fields.payerName).toBe('Aetna');
    expect(reading!.fields.memberId).toBe('W284619375');
    // The blank region read upright and turned, then the whole photo.
    expect(reader.stats.reads - before).toBeGreaterThanOrEqual(3);
  });

  it('reads a white card under a lighting gradient', async () => {
    const r = await read('humana-front.jpg');
    expect(r.fields).toEqual(r.expected.fields);
  });
});
