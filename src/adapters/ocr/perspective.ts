/**
 * Perspective correction of a card photographed at an angle: the card's four corners (from
 * find-card) are mapped back to a rectangle by a homography, sampling bilinearly, straight into
 * the greyscale image OCR reads. A keystoned card otherwise has rows that slope differently from
 * one side to the other, and values slide into the wrong row.
 */
import type { GreyImage } from './even-light';
import type { RgbImage } from './image-input';

type Point = [number, number];

/** The homography taking each `from` point to the matching `to` point (8 unknowns, 8 equations). */
export function homography(from: Point[], to: Point[]): number[] | null {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u]);
    a.push([0, 0, 0, x, y, 1, -x * v, -y * v, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (Math.abs(a[p]![c]!) < 1e-12) return null;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = a[r]![c]! / a[c]![c]!;
      for (let j = c; j < 9; j++) a[r]![j]! -= k * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[8]! / row[i]!);
}

const cross = (o: Point, p: Point, q: Point): number => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
const dist = (p: Point, q: Point): number => Math.hypot(p[0] - q[0], p[1] - q[1]);

/**
 * Whether four corners make a plausible photographed card: convex, in order, and no side
 * shorter than 60% of the side opposite (a stronger keystone is a misread outline).
 */
export function plausibleQuad(q: Point[]): boolean {
  if (q.length !== 4) return false;
  const turns = q.map((p, i) => cross(p, q[(i + 1) % 4]!, q[(i + 2) % 4]!));
  if (!(turns.every((t) => t > 0) || turns.every((t) => t < 0))) return false;
  const [top, right, bottom, left] = [dist(q[0]!, q[1]!), dist(q[1]!, q[2]!), dist(q[2]!, q[3]!), dist(q[3]!, q[0]!)];
  return Math.min(top, bottom) / Math.max(top, bottom) > 0.6 && Math.min(left, right) / Math.max(left, right) > 0.6;
}

/** Shorter over longer of each pair of opposite sides, the smaller: 1 for a rectangle. */
export function keystone(q: Point[]): number {
  const [top, right, bottom, left] = [dist(q[0]!, q[1]!), dist(q[1]!, q[2]!), dist(q[2]!, q[3]!), dist(q[3]!, q[0]!)];
  return Math.min(Math.min(top, bottom) / Math.max(top, bottom), Math.min(left, right) / Math.max(left, right));
}

/**
 * The quadrilateral `corners` (TL, TR, BR, BL) of `img`, grown by `margin` of its size on every
 * side so the card's edge stays in, as a `width`-wide greyscale rectangle of the card's aspect.
 */
export function warpCard(img: RgbImage, corners: Point[], width: number, aspect: number, margin = 0.025): GreyImage | null {
  const cx = corners.reduce((s, p) => s + p[0], 0) / 4;
  const cy = corners.reduce((s, p) => s + p[1], 0) / 4;
  const grown = corners.map(([x, y]): Point => [cx + (x - cx) * (1 + 2 * margin), cy + (y - cy) * (1 + 2 * margin)]);
  const height = Math.round(width / aspect);
  const m = homography(
    [[0, 0], [width, 0], [width, height], [0, height]],
    grown,
  );
  if (!m) return null;
  const out = Buffer.alloc(width * height);
  const { data, width: iw, height: ih } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const d = m[6]! * px + m[7]! * py + 1;
      const u = (m[0]! * px + m[1]! * py + m[2]!) / d - 0.5;
      const v = (m[3]! * px + m[4]! * py + m[5]!) / d - 0.5;
      if (u < 0 || v < 0 || u >= iw - 1 || v >= ih - 1) {
        out[y * width + x] = 255;
        continue;
      }
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      const i = (y0 * iw + x0) * 3;
      const j = i + iw * 3;
      const lum = (k: number): number => 0.2126 * data[k]! + 0.7152 * data[k + 1]! + 0.0722 * data[k + 2]!;
      const val = lum(i) * (1 - fx) * (1 - fy) + lum(i + 3) * fx * (1 - fy) + lum(j) * (1 - fx) * fy + lum(j + 3) * fx * fy;
      out[y * width + x] = Math.round(val);
    }
  }
  return { data: out, width, height };
}
