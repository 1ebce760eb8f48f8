/**
 * Finding a card in a photo of it lying on a desk, from simple image statistics (no OpenCV:
 * its wasm build is ~8 MB to load, which a cold start on two cores cannot afford).
 *
 * The border of the photo is the desk: pixels far in colour from every desk colour are the card.
 * The largest such region, with its holes (the card's own text) filled, gives the card's centre,
 * its tilt (the principal axis of its second moments) and its size. A scan or a tight crop, where
 * the card touches the frame, gives no region and is read whole.
 */
import type { RgbImage } from './image-input';

export interface CardRegion {
  /** Centre, in the coordinates of the image given. */
  cx: number;
  cy: number;
  /** Long and short side. */
  width: number;
  height: number;
  /** Tilt of the long side, degrees clockwise (image y points down). */
  angle: number;
  /**
   * The card's corners as seen (a trapezoid when the phone was not held square above it): top
   * left, top right, bottom right, bottom left, in the frame where the long side runs across.
   */
  corners?: Array<[number, number]>;
}

/** Nearest-neighbour downscale of an RGB image to at most `max` on its long side. */
function shrink(img: RgbImage, max: number): RgbImage {
  const scale = Math.min(1, max / Math.max(img.width, img.height));
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(img.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1, Math.floor(x / scale));
      const s = (sy * img.width + sx) * 3;
      const d = (y * width + x) * 3;
      data[d] = img.data[s]!;
      data[d + 1] = img.data[s + 1]!;
      data[d + 2] = img.data[s + 2]!;
    }
  }
  return { data, width, height };
}

/** k-means (few rounds) over the border pixels: the desk's colours. */
function borderColours(img: RgbImage, band: number, k: number): number[][] {
  const px: number[][] = [];
  const { width: w, height: h, data } = img;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x >= band && x < w - band && y >= band && y < h - band) continue;
      const i = (y * w + x) * 3;
      px.push([data[i]!, data[i + 1]!, data[i + 2]!]);
    }
  }
  const centres: number[][] = [];
  for (let j = 0; j < k; j++) centres.push([...px[Math.floor(((j + 0.5) * px.length) / k)]!]);
  for (let round = 0; round < 6; round++) {
    const sums = centres.map(() => [0, 0, 0, 0]);
    for (const p of px) {
      let best = 0;
      let bestD = Infinity;
      centres.forEach((c, j) => {
        const d = (p[0]! - c[0]!) ** 2 + (p[1]! - c[1]!) ** 2 + (p[2]! - c[2]!) ** 2;
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
      const s = sums[best]!;
      s[0]! += p[0]!;
      s[1]! += p[1]!;
      s[2]! += p[2]!;
      s[3]! += 1;
    }
    sums.forEach((s, j) => {
      if (s[3]! > 0) centres[j] = [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!];
    });
  }
  return centres;
}

function dilate(mask: Uint8Array, w: number, h: number, r: number, value: number): Uint8Array {
  // Separable square structuring element: rows then columns.
  const tmp = new Uint8Array(mask.length);
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let hit = false;
      for (let dx = -r; dx <= r && !hit; dx++) {
        const xx = x + dx;
        if (xx >= 0 && xx < w && mask[y * w + xx] === value) hit = true;
      }
      tmp[y * w + x] = hit ? value : 1 - value;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let hit = false;
      for (let dy = -r; dy <= r && !hit; dy++) {
        const yy = y + dy;
        if (yy >= 0 && yy < h && tmp[yy * w + x] === value) hit = true;
      }
      out[y * w + x] = hit ? value : 1 - value;
    }
  }
  return out;
}

/** 4-connected regions of 1s, largest first; each as its pixel indices. */
function regions(mask: Uint8Array, w: number, h: number, minSize: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const out: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const region: number[] = [];
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      region.push(i);
      const x = i % w;
      const y = (i - x) / w;
      const nb = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1];
      for (const n of nb) {
        if (n >= 0 && mask[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    if (region.length >= minSize) out.push(region);
  }
  return out.sort((a, b) => b.length - a.length);
}

/**
 * Uneven light (a lamp to one side, a phone's shadow, vignetting) makes one desk several
 * colours from corner to corner. Fit the border's brightness as a bilinear surface and divide it
 * out, so the desk is one colour again and the card stands out by its own colour.
 */
function flattenLight(img: RgbImage, band: number): RgbImage {
  const { width: w, height: h, data } = img;
  // Least squares of L = a + b x + c y + d x y over the border band (normal equations, 4x4).
  const ata = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  const atb = [0, 0, 0, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x >= band && x < w - band && y >= band && y < h - band) continue;
      const i = (y * w + x) * 3;
      const l = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      const u = x / w - 0.5;
      const v = y / h - 0.5;
      const f = [1, u, v, u * v];
      for (let r = 0; r < 4; r++) {
        atb[r]! += f[r]! * l;
        for (let c = 0; c < 4; c++) ata[r]![c]! += f[r]! * f[c]!;
      }
    }
  }
  for (let c = 0; c < 4; c++) {
    let p = c;
    for (let r = c + 1; r < 4; r++) if (Math.abs(ata[r]![c]!) > Math.abs(ata[p]![c]!)) p = r;
    [ata[c], ata[p]] = [ata[p]!, ata[c]!];
    [atb[c], atb[p]] = [atb[p]!, atb[c]!];
    if (Math.abs(ata[c]![c]!) < 1e-9) return img;
    for (let r = 0; r < 4; r++) {
      if (r === c) continue;
      const k = ata[r]![c]! / ata[c]![c]!;
      for (let j = c; j < 4; j++) ata[r]![j]! -= k * ata[c]![j]!;
      atb[r]! -= k * atb[c]!;
    }
  }
  const coef = atb.map((b, i) => b / ata[i]![i]!);
  const mean = coef[0]!;
  if (mean < 8) return img;
  const corners = [[-0.5, -0.5], [0.5, -0.5], [-0.5, 0.5], [0.5, 0.5]].map(([u, v]) => coef[0]! + coef[1]! * u! + coef[2]! * v! + coef[3]! * u! * v!);
  // An even desk needs nothing; a fit that goes dark or negative somewhere is not light.
  if (Math.min(...corners) < mean * 0.15 || Math.max(...corners) / Math.max(1, Math.min(...corners)) < 1.12) return img;
  const out = Buffer.alloc(data.length);
  for (let y = 0; y < h; y++) {
    const v = y / h - 0.5;
    for (let x = 0; x < w; x++) {
      const u = x / w - 0.5;
      const k = mean / Math.max(4, coef[0]! + coef[1]! * u + coef[2]! * v + coef[3]! * u * v);
      const i = (y * w + x) * 3;
      out[i] = Math.min(255, data[i]! * k);
      out[i + 1] = Math.min(255, data[i + 1]! * k);
      out[i + 2] = Math.min(255, data[i + 2]! * k);
    }
  }
  return { data: out, width: w, height: h };
}

/** Fill holes: everything not reachable from the border through 0s becomes 1. */
function fillHoles(mask: Uint8Array, w: number, h: number): Uint8Array {
  const outside = new Uint8Array(mask.length);
  const stack: number[] = [];
  const push = (i: number): void => {
    if (!mask[i] && !outside[i]) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < w; x++) {
    push(x);
    push((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    push(y * w);
    push(y * w + w - 1);
  }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    if (x > 0) push(i - 1);
    if (x < w - 1) push(i + 1);
    if (i >= w) push(i - w);
    if (i < (h - 1) * w) push(i + w);
  }
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = outside[i] ? 0 : 1;
  return out;
}

/**
 * Second moments give the card's axis only roughly (a shadow or a thumb skews them); the long
 * edges are straight lines, so fit the top and bottom edges in the card's frame and take the
 * straighter one's slope as the correction.
 */
function refineAngle(region: number[], w: number, mx: number, my: number, theta: number): number {
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const top = new Map<number, number>();
  const bottom = new Map<number, number>();
  let uMin = Infinity;
  let uMax = -Infinity;
  for (const i of region) {
    const x = (i % w) - mx;
    const y = Math.floor(i / w) - my;
    const u = Math.round(x * cos + y * sin);
    const v = -x * sin + y * cos;
    uMin = Math.min(uMin, u);
    uMax = Math.max(uMax, u);
    if (!top.has(u) || v < top.get(u)!) top.set(u, v);
    if (!bottom.has(u) || v > bottom.get(u)!) bottom.set(u, v);
  }
  const span = uMax - uMin;
  const fit = (edge: Map<number, number>): { slope: number; residual: number } | null => {
    const pts = [...edge].filter(([u]) => u > uMin + span * 0.15 && u < uMax - span * 0.15);
    if (pts.length < 10) return null;
    const n = pts.length;
    const su = pts.reduce((a, [u]) => a + u, 0) / n;
    const sv = pts.reduce((a, [, v]) => a + v, 0) / n;
    let num = 0;
    let den = 0;
    for (const [u, v] of pts) {
      num += (u - su) * (v - sv);
      den += (u - su) ** 2;
    }
    const slope = den ? num / den : 0;
    const residual = pts.reduce((a, [u, v]) => a + Math.abs(v - sv - slope * (u - su)), 0) / n;
    return { slope, residual };
  };
  const fits = [fit(top), fit(bottom)].filter((f): f is { slope: number; residual: number } => f !== null);
  if (fits.length === 0) return theta;
  fits.sort((a, b) => a.residual - b.residual);
  const correction = Math.atan(fits[0]!.slope);
  return Math.abs(correction) < 0.2 ? theta + correction : theta;
}

/** The rectangle a region fills, or null when the region is not card-shaped. */
function rectOf(region: number[], w: number, h: number, scale: number): CardRegion | null {
  const area = region.length;
  let sx = 0;
  let sy = 0;
  let touches = 0;
  for (const i of region) {
    const x = i % w;
    const y = (i - x) / w;
    sx += x;
    sy += y;
    if (x === 0 || y === 0 || x === w - 1 || y === h - 1) touches++;
  }
  // A region running along the frame is the desk or a crop, not a card lying on it.
  if (touches > (w + h) * 0.15) return null;
  const mx = sx / area;
  const my = sy / area;
  let mxx = 0;
  let myy = 0;
  let mxy = 0;
  for (const i of region) {
    const x = (i % w) - mx;
    const y = Math.floor(i / w) - my;
    mxx += x * x;
    myy += y * y;
    mxy += x * y;
  }
  const theta = refineAngle(region, w, mx, my, 0.5 * Math.atan2(2 * mxy, mxx - myy));
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const us: number[] = [];
  const vs: number[] = [];
  for (const i of region) {
    const x = (i % w) - mx;
    const y = Math.floor(i / w) - my;
    us.push(x * cos + y * sin);
    vs.push(-x * sin + y * cos);
  }
  const us0 = [...us];
  const vs0 = [...vs];
  us.sort((a, b) => a - b);
  vs.sort((a, b) => a - b);
  const q = (arr: number[], p: number): number => arr[Math.min(arr.length - 1, Math.max(0, Math.floor(arr.length * p)))]!;
  const u0 = q(us, 0.003);
  const u1 = q(us, 0.997);
  const v0 = q(vs, 0.003);
  const v1 = q(vs, 0.997);
  const long = u1 - u0 + 1;
  const short = v1 - v0 + 1;
  const fill = area / (long * short);
  const aspect = long / Math.max(1, short);
  // A keystoned card is a trapezoid: it fills a little less of its bounding rectangle.
  if (fill < 0.78 || aspect < 1.2 || aspect > 2.1) return null;
  // Centre of the rectangle (not of the mass: a dark logo corner would pull the mass centre).
  const uc = (u0 + u1) / 2;
  const vc = (v0 + v1) / 2;
  // Corners: the region's extreme points towards each corner of its rectangle (normalised so a
  // long card's corners are not pulled towards its short sides).
  const best: Array<{ score: number; u: number; v: number }> = [0, 1, 2, 3].map(() => ({ score: -Infinity, u: 0, v: 0 }));
  const signs: Array<[number, number]> = [[-1, -1], [1, -1], [1, 1], [-1, 1]];
  for (let k = 0; k < region.length; k++) {
    const a = (us0[k]! - uc) / long;
    const b = (vs0[k]! - vc) / short;
    signs.forEach(([su, sv], c) => {
      const score = su * a + sv * b;
      if (score > best[c]!.score) best[c] = { score, u: us0[k]!, v: vs0[k]! };
    });
  }
  const corners = best.map(({ u, v }): [number, number] => [(mx + u * cos - v * sin + 0.5) * scale, (my + u * sin + v * cos + 0.5) * scale]);
  return {
    corners,
    cx: (mx + uc * cos - vc * sin + 0.5) * scale,
    cy: (my + uc * sin + vc * cos + 0.5) * scale,
    width: long * scale,
    height: short * scale,
    angle: (theta * 180) / Math.PI,
  };
}

/**
 * Every card lying in `img`: usually one, two for a scan of front and back side by side (the
 * second must be about as large as the first), none when nothing card-shaped stands out (a scan
 * or tight crop where the card touches the frame, which is then read whole).
 */
export function findCards(img: RgbImage): CardRegion[] {
  const small = shrink(img, 320);
  const band = Math.max(2, Math.round(Math.min(small.width, small.height) * 0.03));
  const flat = flattenLight(small, band);
  // Light evened out first; as taken when that fails (a hard-edged shadow is no smooth surface,
  // but the desk's colour clusters take its lit and shaded parts as two colours).
  for (const candidate of flat === small ? [small] : [flat, small]) {
    const cards = cardsIn(candidate, band, img.width / small.width);
    if (cards.length) return cards;
  }
  return [];
}

function cardsIn(small: RgbImage, band: number, scale: number): CardRegion[] {
  const { width: w, height: h, data } = small;
  const centres = borderColours(small, band, 3);
  const dist = new Float32Array(w * h);
  const borderD: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let d = Infinity;
      for (const c of centres) d = Math.min(d, Math.hypot(data[i * 3]! - c[0]!, data[i * 3 + 1]! - c[1]!, data[i * 3 + 2]! - c[2]!));
      dist[i] = d;
      if (x < band || x >= w - band || y < band || y >= h - band) borderD.push(d);
    }
  }
  borderD.sort((a, b) => a - b);
  const p95 = borderD[Math.floor(borderD.length * 0.95)] ?? 0;
  const thresholds = [Math.max(28, p95 * 1.6)];
  // A white card on a white or light-grey table differs from it by a few levels only; where the
  // table is even (little spread along the border) a lower threshold still separates them.
  if (p95 < 9) thresholds.push(Math.max(9, p95 * 2.2));
  for (const threshold of thresholds) {
    let mask: Uint8Array = new Uint8Array(w * h);
    for (let i = 0; i < mask.length; i++) mask[i] = dist[i]! > threshold ? 1 : 0;
    // Close small gaps (a card's pale areas close to the desk colour), then open to cut off specks.
    mask = dilate(dilate(mask, w, h, 2, 1), w, h, 2, 0);
    mask = fillHoles(mask, w, h);
    mask = dilate(dilate(mask, w, h, 2, 0), w, h, 2, 1);
    const found = regions(mask, w, h, w * h * 0.03);
    const first = found[0];
    if (!first || first.length < w * h * 0.08 || first.length > w * h * 0.92) continue;
    const card = rectOf(first, w, h, scale);
    if (!card) continue;
    const cards = [card];
    const second = found[1];
    if (second && second.length >= first.length * 0.6) {
      const other = rectOf(second, w, h, scale);
      if (other && Math.abs(other.width / card.width - 1) < 0.25) cards.push(other);
    }
    // Reading order: left to right, then top to bottom (front is usually first).
    return cards.sort((a, b) => (Math.abs(a.cy - b.cy) < Math.min(a.height, b.height) / 2 ? a.cx - b.cx : a.cy - b.cy));
  }
  return [];
}

/** The card in `img`, or null when no card-shaped region stands out from the background. */
export function findCard(img: RgbImage): CardRegion | null {
  return findCards(img)[0] ?? null;
}
