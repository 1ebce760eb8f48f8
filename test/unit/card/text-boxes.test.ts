/** DB post-processing of the text detector's probability map (pure; no model needed). */
import { readingLines, scaleBox, skewAngle, textBoxes, unclipDistance, type ProbabilityMap } from '../../../src/adapters/ocr/text-boxes';

/** A map of `w` x `h` with the given rectangles filled at probability `p` (x1/y1 exclusive). */
function map(w: number, h: number, rects: Array<[number, number, number, number, number?]>): ProbabilityMap {
  const data = new Float32Array(w * h);
  for (const [x0, y0, x1, y1, p = 0.9] of rects) {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * w + x] = p;
  }
  return { data, width: w, height: h };
}

describe('textBoxes', () => {
  it('finds one box per text region, grown back by the unclip distance', () => {
    const boxes = textBoxes(map(100, 40, [[20, 10, 60, 16]]));
    expect(boxes).toHaveLength(1);
    // 40 x 6 region: d = 240 * 1.5 / 92 = 3.9 on each side.
    const d = unclipDistance(40, 6, 1.5);
    expect(d).toBeCloseTo(3.91, 2);
    expect(boxes[0]).toMatchObject({ x0: Math.floor(20 - d), y0: Math.floor(10 - d), x1: Math.ceil(60 + d), y1: Math.ceil(16 + d) });
    expect(boxes[0]!.score).toBeCloseTo(0.9);
  });

  it('keeps regions apart that only a gap separates, joins diagonal neighbours', () => {
    const apart = textBoxes(map(100, 40, [[10, 10, 30, 16], [33, 10, 60, 16]]), { unclipRatio: 0 });
    expect(apart.map((b) => [b.x0, b.x1])).toEqual([[10, 30], [33, 60]]);
    const diagonal = textBoxes(map(100, 40, [[10, 10, 30, 16], [30, 16, 50, 22]]), { unclipRatio: 0 });
    expect(diagonal).toHaveLength(1);
  });

  it('drops specks and faint regions below the box threshold', () => {
    const boxes = textBoxes(map(100, 60, [[5, 5, 7, 7], [10, 20, 60, 26, 0.45], [10, 40, 60, 46]]));
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.y0).toBeGreaterThan(30);
  });

  it('clamps grown boxes to the map', () => {
    const [box] = textBoxes(map(50, 20, [[0, 0, 50, 8]]));
    expect(box).toMatchObject({ x0: 0, y0: 0, x1: 50 });
    expect(box!.y1).toBeLessThanOrEqual(20);
  });

  it('returns boxes in reading order: rows top to bottom, left to right within a row', () => {
    const boxes = textBoxes(map(200, 60, [[120, 10, 180, 18], [10, 11, 80, 19], [10, 35, 90, 43]]), { unclipRatio: 0 });
    expect(boxes.map((b) => [b.x0, b.y0])).toEqual([[10, 11], [120, 10], [10, 35]]);
  });
});

describe('skewAngle', () => {
  /** A line `len` long, 4 thick, running down to the right by `deg`. */
  function tilted(m: ProbabilityMap, x: number, y: number, len: number, deg: number): void {
    const t = Math.tan((deg * Math.PI) / 180);
    for (let i = 0; i < len; i++) for (let k = 0; k < 4; k++) m.data[Math.round(y + i * t + k) * m.width + x + i] = 0.9;
  }

  it('tells the tilt of a photo whose text lines run down to the right', () => {
    const m = map(300, 200, []);
    for (const y of [20, 60, 100, 140]) tilted(m, 10, y, 250, 5);
    const boxes = textBoxes(m);
    expect(boxes).toHaveLength(4);
    expect(skewAngle(boxes)).toBeCloseTo(5, 0);
  });

  it('says 0 for level text and for too few lines to tell', () => {
    expect(skewAngle(textBoxes(map(300, 200, [[10, 20, 200, 26], [10, 60, 220, 66], [10, 100, 180, 106]])))).toBeCloseTo(0, 5);
    const m = map(300, 200, []);
    tilted(m, 10, 20, 250, 8);
    expect(skewAngle(textBoxes(m))).toBe(0);
  });
});

describe('readingLines', () => {
  const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

  it('puts boxes of one printed row in one line despite a small vertical offset', () => {
    const lines = readingLines([box(300, 52, 400, 70), box(10, 50, 120, 68), box(10, 90, 200, 108)]);
    expect(lines).toEqual([[box(10, 50, 120, 68), box(300, 52, 400, 70)], [box(10, 90, 200, 108)]]);
  });

  it('keeps a tall logo and the small line beside its foot apart when their centres differ', () => {
    const lines = readingLines([box(10, 0, 200, 60), box(250, 50, 400, 62)]);
    expect(lines).toHaveLength(2);
  });
});

describe('scaleBox', () => {
  it('maps a box from the detector input back to the image, within its bounds', () => {
    expect(scaleBox({ x0: 10, y0: 5, x1: 960, y1: 20, score: 0.8, angle: 1 }, 1.25, 1.25, 1190, 800)).toEqual({ x0: 12, y0: 6, x1: 1190, y1: 25, score: 0.8, angle: 1 });
  });
});
