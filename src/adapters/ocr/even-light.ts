/**
 * Cheap pixel statistics on the greyscale card image before OCR:
 *  - `evenLight` divides out uneven light (a lamp to one side, a phone's shadow, low light in a
 *    corner), which otherwise leaves the dim side's labels below tesseract's binarisation;
 *  - `textAxis` tells whether text lines run across or down the image, from projection
 *    profiles, so a photo turned a quarter without an EXIF tag is read at the right turn first.
 */

export interface GreyImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Block size of the background map, in pixels of the card image. */
const BLOCK = 24;

/**
 * The paper's brightness around each block: the brightest pixels of a neighbourhood (text is
 * darker than its background), smoothed. Returned at block resolution.
 */
function backgroundMap(img: GreyImage): { map: Float32Array; bw: number; bh: number } {
  const { data, width: w, height: h } = img;
  const bw = Math.ceil(w / BLOCK);
  const bh = Math.ceil(h / BLOCK);
  const blocks = new Float32Array(bw * bh);
  const hist = new Uint32Array(256);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      let n = 0;
      for (let y = by * BLOCK; y < Math.min(h, (by + 1) * BLOCK); y += 2) {
        for (let x = bx * BLOCK; x < Math.min(w, (bx + 1) * BLOCK); x += 2) {
          hist[data[y * w + x]!]!++;
          n++;
        }
      }
      // 90th percentile: the paper, not a stray bright speck.
      let acc = 0;
      let v = 255;
      for (; v > 0; v--) {
        acc += hist[v]!;
        if (acc >= n * 0.1) break;
      }
      blocks[by * bw + bx] = v;
    }
  }
  // Max over 3x3 blocks (a block full of bold text still sees paper beside it), then a 3x3 mean.
  const maxed = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x >= 0 && y >= 0 && x < bw && y < bh) m = Math.max(m, blocks[y * bw + x]!);
        }
      }
      maxed[by * bw + bx] = m;
    }
  }
  const map = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = bx + dx;
          const y = by + dy;
          if (x >= 0 && y >= 0 && x < bw && y < bh) {
            s += maxed[y * bw + x]!;
            n++;
          }
        }
      }
      map[by * bw + bx] = s / n;
    }
  }
  return { map, bw, bh };
}

/**
 * The image with its background brought to an even white, or the image itself when the light is
 * already even (most photos): evenly lit cards are left exactly as they were.
 */
export function evenLight(img: GreyImage): GreyImage {
  const { data, width: w, height: h } = img;
  const { map, bw, bh } = backgroundMap(img);
  const sorted = Array.from(map).sort((a, b) => a - b);
  const lo = sorted[Math.floor(sorted.length * 0.1)]!;
  const hi = sorted[Math.floor(sorted.length * 0.9)]!;
  // Even enough, or mostly a dark card whose light areas are its text: leave it.
  if (hi < 40 || hi / Math.max(1, lo) < 1.35) return img;
  const out = Buffer.alloc(data.length);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(bh - 1.001, Math.max(0, y / BLOCK - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(bw - 1.001, Math.max(0, x / BLOCK - 0.5));
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const i = y0 * bw + x0;
      const bg =
        map[i]! * (1 - tx) * (1 - ty) + map[i + 1]! * tx * (1 - ty) + map[i + bw]! * (1 - tx) * ty + map[i + bw + 1]! * tx * ty;
      // A gain cap keeps a dark printed band (white text on colour) from being blown out.
      const gain = Math.min(3, 240 / Math.max(1, bg));
      out[y * w + x] = Math.min(255, Math.round(data[y * w + x]! * gain));
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Whether text lines run horizontally or vertically: ink projected onto the rows of a strip of
 * horizontal text alternates between lines and gaps, projected onto its columns much less. The
 * image is cut into tiles (so a layout's columns of labels do not pose as lines) and each tile's
 * row and column profiles are compared. Returns row-over-column variation: above 1, horizontal.
 */
export function textAxisRatio(img: GreyImage): number {
  const { data, width: w, height: h } = img;
  let min = 255;
  let max = 0;
  for (let i = 0; i < data.length; i += 7) {
    min = Math.min(min, data[i]!);
    max = Math.max(max, data[i]!);
  }
  const cut = min + (max - min) * 0.55;
  // Skip a margin: the frame's edges carry table and shadows, not text.
  const mx = Math.floor(w * 0.05);
  const my = Math.floor(h * 0.05);
  const tiles = 4;
  const tw = Math.floor((w - 2 * mx) / tiles);
  const th = Math.floor((h - 2 * my) / tiles);
  const side = Math.min(tw, th);
  let rowVar = 0;
  let colVar = 0;
  for (let ty = 0; ty < tiles; ty++) {
    for (let tx = 0; tx < tiles; tx++) {
      // A square from the tile's centre: rows and columns of equal length.
      const x0 = mx + tx * tw + Math.floor((tw - side) / 2);
      const y0 = my + ty * th + Math.floor((th - side) / 2);
      const rows = new Float64Array(side);
      const cols = new Float64Array(side);
      let ink = 0;
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          if (data[(y0 + y) * w + x0 + x]! < cut) {
            rows[y]!++;
            cols[x]!++;
            ink++;
          }
        }
      }
      if (ink < side * 2) continue;
      const variance = (p: Float64Array): number => {
        const mean = ink / side;
        return p.reduce((s, v) => s + (v - mean) ** 2, 0) / side;
      };
      rowVar += variance(rows);
      colVar += variance(cols);
    }
  }
  return colVar > 0 ? Math.sqrt(rowVar / colVar) : 1;
}
