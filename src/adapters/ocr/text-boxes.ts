/**
 * DB (differentiable binarization) post-processing, pure: a text detector's probability map
 * (PaddleOCR's PP-OCR detection model gives one value per pixel, "this pixel is inside a text
 * line") becomes boxes around text lines, and the boxes are put in reading order. The model
 * shrinks each line's region when trained, so a region found is grown back ("unclipped") by
 * area x ratio / perimeter, as PaddleOCR's own post-processing does.
 *
 * Boxes are axis-aligned: the card reader straightens the card before detection, and a box a
 * few pixels taller than a slightly tilted line reads as one line all the same.
 */

export interface ProbabilityMap {
  /** Row-major, one value in [0, 1] per pixel. */
  data: Float32Array;
  width: number;
  height: number;
}

export interface TextBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Mean probability inside the region found. */
  score: number;
  /**
   * The region's long axis in degrees from horizontal, positive when it runs down to the right
   * (image rows grow downwards); from its second moments, so a tilted line says how much.
   */
  angle: number;
}

export interface TextBoxOptions {
  /** A pixel is text above this probability (PaddleOCR's det_db_thresh). */
  threshold?: number;
  /** A region is kept when its mean probability reaches this (det_db_box_thresh). */
  boxThreshold?: number;
  /** How far a region is grown back (det_db_unclip_ratio). */
  unclipRatio?: number;
  /** Regions with a shorter side than this (in map pixels) are specks. */
  minSide?: number;
}

const DEFAULTS: Required<TextBoxOptions> = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSide: 3 };

/**
 * Text-line boxes in map coordinates (x1/y1 exclusive), clamped to the map, in reading order.
 * Connected regions (8-connected) of above-threshold pixels, each grown back by the unclip
 * distance on every side.
 */
export function textBoxes(map: ProbabilityMap, options: TextBoxOptions = {}): TextBox[] {
  const { threshold, boxThreshold, unclipRatio, minSide } = { ...DEFAULTS, ...options };
  const { data, width: w, height: h } = map;
  const label = new Int32Array(w * h);
  const stack: number[] = [];
  const boxes: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || !(data[start]! > threshold)) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let x0 = w;
    let y0 = h;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let count = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      sum += data[p]!;
      count++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const q = ny * w + nx;
          if (label[q] === 0 && data[q]! > threshold) {
            label[q] = next;
            stack.push(q);
          }
        }
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    const score = sum / count;
    if (Math.min(bw, bh) < minSide || score < boxThreshold) continue;
    const d = unclipDistance(bw, bh, unclipRatio);
    const mx = sx / count;
    const my = sy / count;
    const angle = (0.5 * Math.atan2(2 * (sxy / count - mx * my), sxx / count - mx * mx - (syy / count - my * my)) * 180) / Math.PI;
    boxes.push({
      x0: Math.max(0, Math.floor(x0 - d)),
      y0: Math.max(0, Math.floor(y0 - d)),
      x1: Math.min(w, Math.ceil(x1 + 1 + d)),
      y1: Math.min(h, Math.ceil(y1 + 1 + d)),
      score,
      angle,
    });
  }
  return readingOrder(boxes);
}

/** How far each side of a w x h region is pushed out: area x ratio / perimeter (PaddleOCR's unclip). */
export function unclipDistance(w: number, h: number, ratio: number): number {
  return (w * h * ratio) / (2 * (w + h));
}

/**
 * Boxes grouped into rows (a box joins a row when its vertical centre lies within the row's
 * middle band), rows top to bottom, boxes left to right within a row.
 */
export function readingLines<B extends { x0: number; y0: number; x1: number; y1: number }>(boxes: B[]): B[][] {
  const rows: Array<{ boxes: B[]; top: number; bottom: number }> = [];
  const byCentre = [...boxes].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  for (const box of byCentre) {
    const c = (box.y0 + box.y1) / 2;
    const row = rows.find((r) => {
      const band = (r.bottom - r.top) * 0.3;
      return c >= r.top + band && c <= r.bottom - band;
    });
    if (row) {
      row.boxes.push(box);
      row.top = Math.min(row.top, box.y0);
      row.bottom = Math.max(row.bottom, box.y1);
    } else rows.push({ boxes: [box], top: box.y0, bottom: box.y1 });
  }
  return rows.sort((a, b) => a.top + a.bottom - (b.top + b.bottom)).map((r) => r.boxes.sort((a, b) => a.x0 - b.x0));
}

function readingOrder(boxes: TextBox[]): TextBox[] {
  return readingLines(boxes).flat();
}

/** A box in map coordinates scaled to an image `sx` x `sy` times the map's size, clamped to it. */
export function scaleBox(box: TextBox, sx: number, sy: number, width: number, height: number): TextBox {
  return {
    x0: Math.max(0, Math.floor(box.x0 * sx)),
    y0: Math.max(0, Math.floor(box.y0 * sy)),
    x1: Math.min(width, Math.ceil(box.x1 * sx)),
    y1: Math.min(height, Math.ceil(box.y1 * sy)),
    score: box.score,
    // Exact for the uniform scale the detector uses (its stride rounding aside).
    angle: box.angle,
  };
}

/**
 * How far the text runs off horizontal, in degrees: the median angle of the long boxes (text
 * lines, not logos or single characters); 0 when there are too few to tell.
 */
export function skewAngle(boxes: TextBox[]): number {
  const angles = boxes
    .filter((b) => b.x1 - b.x0 >= 4 * (b.y1 - b.y0))
    .map((b) => b.angle)
    .sort((a, b) => a - b);
  if (angles.length < 3) return 0;
  return angles[Math.floor(angles.length / 2)]!;
}
