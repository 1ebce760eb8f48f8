#!/usr/bin/env node
/**
 * Generates a HARD set of phone-photo-like insurance cards into fixtures/cards-hard/, each with
 * <name>.expected.json in the format of fixtures/cards. Run: node scripts/make-hard-card-fixtures.js
 *
 * Where fixtures/cards lays a clean card on a coloured desk, these are what phones really send:
 * white cards on white or light-grey tables, tight crops with no background, keystone
 * (perspective) distortion of 5-15 degrees, turns of 90/180/270 with and without an EXIF tag,
 * low light, lighting gradients, glare, motion blur, JPEG quality 50, 800-pixel photos, a card
 * held in a hand, a scanned page with front and back side by side, dense small print on backs,
 * IDs with the letters OCR confuses (O/I/S/B), label-above-value layouts, label variants
 * ("ID:", "Member #", "Subscriber ID"), and payer names as cards print them. Fonts: the DejaVu
 * families (Sans, Serif, Mono, Condensed, Light; bold), the only ones a stock Debian has.
 *
 * The photo is made here pixel by pixel: the card is projected through a pinhole camera (a real
 * homography, not a shear), composited on a textured table with a soft shadow, then lit, noised,
 * blurred, turned and JPEG-compressed. Deterministic: regenerating gives the same files.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');

const OUT = path.join(__dirname, '..', 'fixtures', 'cards-hard');
const W = 1011; // a CR80 card at 300 dpi
const H = 638;

let seed = 7719;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function t(x, y, s, { size = 26, weight = 'normal', family = 'DejaVu Sans', fill = '#111', anchor = 'start', stretch = null } = {}) {
  const st = stretch ? ` font-stretch="${stretch}"` : '';
  return `<text x="${x}" y="${y}" font-family="${family}" font-size="${size}" font-weight="${weight}"${st} fill="${fill}" text-anchor="${anchor}">${esc(s)}</text>`;
}

function logo(kind, x, y, colour) {
  switch (kind) {
    case 'cross':
      return `<rect x="${x + 16}" y="${y}" width="18" height="50" fill="${colour}"/><rect x="${x}" y="${y + 16}" width="50" height="18" fill="${colour}"/>`;
    case 'shield':
      return `<path d="M${x} ${y} h50 v26 q0 20 -25 28 q-25 -8 -25 -28 z" fill="${colour}"/>`;
    case 'circle':
      return `<circle cx="${x + 25}" cy="${y + 25}" r="25" fill="${colour}"/><circle cx="${x + 25}" cy="${y + 25}" r="11" fill="#fff"/>`;
    default:
      return `<rect x="${x}" y="${y}" width="50" height="50" rx="10" fill="${colour}"/>`;
  }
}

function cardSvg(body, bg, stripe) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect x="0" y="0" width="${W}" height="${H}" rx="34" fill="${bg}"/>
  ${stripe ? `<rect x="0" y="${H - 26}" width="${W}" height="26" fill="${stripe}"/>` : ''}
  ${body}
</svg>`;
}

/**
 * Front: the payer as printed, a plan word, then the rows. `above` puts each label on its own
 * line with the value under it; `inline` prints "Label value" on one line.
 */
function frontSvg(c) {
  const f = c.font;
  const ink = c.ink ?? '#111';
  const soft = c.ink ? c.ink : '#444';
  let out = logo(c.logo, 40, 30, c.ink ?? c.colour) + t(104, 70, c.printedPayer, { size: c.payerSize ?? 38, weight: 'bold', fill: c.ink ?? c.colour, family: f });
  if (c.plan) out += t(W - 40, 124, c.plan, { size: 24, anchor: 'end', fill: soft, family: f });
  if (c.layout === 'above') {
    const cols = c.cols ?? [60, 600];
    c.rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (!cell) return;
        const y = 178 + i * 104;
        out += t(cols[j], y, cell[0], { size: 21, fill: c.ink ? c.ink : '#5a5a5a', family: f });
        out += t(cols[j], y + 38, cell[1], { size: 31, weight: c.valueWeight ?? 'bold', family: f, fill: ink });
      });
    });
  } else {
    c.rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (!cell) return;
        const x = j === 0 ? 60 : 610;
        const y = 182 + i * 60;
        const s = cell[1] ? `${cell[0]} ${cell[1]}` : cell[0];
        out += t(x, y, s, { size: j === 0 ? 29 : 26, weight: j === 0 && i < 2 ? 'bold' : 'normal', family: f, fill: ink });
      });
    });
  }
  if (c.footer) out += t(60, H - 46, c.footer, { size: 20, fill: soft, family: f });
  return cardSvg(out, c.bg ?? '#ffffff', c.stripe ?? null);
}

/** Back: lines top to bottom; a line of small print is set smaller and closer. */
function backSvg(c) {
  const f = c.backFont ?? c.font;
  let out = '';
  let y = 52;
  for (const line of c.back) {
    const small = line.startsWith('~');
    const text = small ? line.slice(1) : line;
    const size = small ? (c.smallSize ?? 17) : 23;
    y += small ? size + 6 : 8;
    out += t(40, y, text, { size, family: f, weight: /:\s*[\d(]/.test(text) && !small ? 'bold' : 'normal', fill: small ? '#333' : '#111' });
    y += small ? 0 : size + 12;
  }
  return cardSvg(out, c.backBg ?? '#fcfcfa', null);
}

// ---------------------------------------------------------------------------------------------
// Geometry: a pinhole camera looking at the card, and the homography it makes.

/** Corners of the card as a camera sees it: tilt about the horizontal axis, yaw, roll. */
function cardQuad({ cx, cy, width, tilt = 0, yaw = 0, roll = 0 }) {
  const a = (tilt * Math.PI) / 180;
  const b = (yaw * Math.PI) / 180;
  const r = (roll * Math.PI) / 180;
  const D = 1.5; // camera distance in card widths: a phone held close
  const half = [0.5, (0.5 * H) / W];
  const corners = [[-half[0], -half[1]], [half[0], -half[1]], [half[0], half[1]], [-half[0], half[1]]];
  return corners.map(([X, Y]) => {
    const y1 = Y * Math.cos(a);
    const z1 = Y * Math.sin(a);
    const x2 = X * Math.cos(b) + z1 * Math.sin(b);
    const z2 = -X * Math.sin(b) + z1 * Math.cos(b);
    const px = (D * x2) / (D + z2);
    const py = (D * y1) / (D + z2);
    const rx = px * Math.cos(r) - py * Math.sin(r);
    const ry = px * Math.sin(r) + py * Math.cos(r);
    return [cx + rx * width, cy + ry * width];
  });
}

/** Homography taking each `from` point to the matching `to` point (8x8 solve). */
function homography(from, to) {
  const A = [];
  const bvec = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    A.push([x, y, 1, 0, 0, 0, -x * u, -y * u]);
    bvec.push(u);
    A.push([0, 0, 0, x, y, 1, -x * v, -y * v]);
    bvec.push(v);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    [bvec[c], bvec[p]] = [bvec[p], bvec[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = A[r][c] / A[c][c];
      for (let j = c; j < 8; j++) A[r][j] -= k * A[c][j];
      bvec[r] -= k * bvec[c];
    }
  }
  return bvec.map((v, i) => v / A[i][i]);
}

function deskSvg(w, h, rgb, grain) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.006 0.05" numOctaves="3" seed="${Math.floor(rand() * 100)}"/>
  <feColorMatrix type="matrix" values="0 0 0 0 ${rgb[0] / 255 - 0.08}  0 0 0 0 ${rgb[1] / 255 - 0.08}  0 0 0 0 ${rgb[2] / 255 - 0.08}  0 0 0 -0.9 1"/></filter>
  <rect width="100%" height="100%" fill="rgb(${rgb.join(',')})"/>
  <rect width="100%" height="100%" filter="url(#n)" opacity="${grain}"/>
</svg>`;
}

/**
 * A photo of `cards` (each {png, quad}) on a table. Options: size, desk colour and grain, light
 * (overall gain), gradient ([strength, direction in degrees]), glare ({x, y, r, s} in fractions),
 * noise, hand (a hand holding card 0), blur, motion (kernel length), quality, turn and exif.
 */
async function photo(cards, o) {
  const { w, h } = o;
  const desk = await sharp(Buffer.from(deskSvg(w, h, o.desk ?? [236, 235, 232], o.grain ?? 0.25))).removeAlpha().raw().toBuffer();
  const img = Buffer.from(desk);
  for (const card of cards) {
    const { data: cd } = await sharp(card.png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const rect = [[0, 0], [W, 0], [W, H], [0, H]];
    const m = homography(card.quad, rect);
    const shadow = o.shadow ?? 0.18;
    const [sdx, sdy] = o.shadowOffset ?? [10, 14];
    const soft = 26;
    const xs = card.quad.map((p) => p[0]);
    const ys = card.quad.map((p) => p[1]);
    const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 40);
    const x1 = Math.min(w, Math.ceil(Math.max(...xs)) + 60);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 40);
    const y1 = Math.min(h, Math.ceil(Math.max(...ys)) + 60);
    const map = (x, y) => {
      const d = m[6] * x + m[7] * y + 1;
      return [(m[0] * x + m[1] * y + m[2]) / d, (m[3] * x + m[4] * y + m[5]) / d];
    };
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const o3 = (y * w + x) * 3;
        // Soft shadow: the card's footprint shifted away from the light.
        const [su, sv] = map(x - sdx, y - sdy);
        const du = Math.max(0, -su, su - W);
        const dv = Math.max(0, -sv, sv - H);
        const sd = Math.hypot(du, dv);
        if (sd < soft) {
          const k = 1 - shadow * (1 - sd / soft);
          img[o3] *= k;
          img[o3 + 1] *= k;
          img[o3 + 2] *= k;
        }
        const [u, v] = map(x + 0.5, y + 0.5);
        if (u < -1 || v < -1 || u > W || v > H) continue;
        // Bilinear sample with the card's alpha (rounded corners).
        const uu = Math.min(W - 1.001, Math.max(0, u - 0.5));
        const vv = Math.min(H - 1.001, Math.max(0, v - 0.5));
        const ix = Math.floor(uu);
        const iy = Math.floor(vv);
        const fx = uu - ix;
        const fy = vv - iy;
        const px = [0, 0, 0, 0];
        for (const [dx, dy, wt] of [[0, 0, (1 - fx) * (1 - fy)], [1, 0, fx * (1 - fy)], [0, 1, (1 - fx) * fy], [1, 1, fx * fy]]) {
          const s = ((iy + dy) * W + ix + dx) * 4;
          for (let c = 0; c < 4; c++) px[c] += cd[s + c] * wt;
        }
        let a = px[3] / 255;
        const edge = Math.min(u + 0.5, v + 0.5, W - u + 0.5, H - v + 0.5);
        if (edge < 1) a *= Math.max(0, edge);
        for (let c = 0; c < 3; c++) img[o3 + c] = img[o3 + c] * (1 - a) + px[c] * a;
      }
    }
  }
  // Light: overall gain, a gradient across the frame, a glare spot, sensor noise.
  const light = o.light ?? 1;
  const [gs, gdir] = o.gradient ?? [0, 0];
  const gx = Math.cos((gdir * Math.PI) / 180);
  const gy = Math.sin((gdir * Math.PI) / 180);
  const noise = o.noise ?? 5;
  const glare = o.glare;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o3 = (y * w + x) * 3;
      const g = ((x / w - 0.5) * gx + (y / h - 0.5) * gy + 0.5) * gs; // 0..gs
      const gain = light * (1 - g);
      let glareK = 0;
      if (glare) {
        const dx = x / w - glare.x;
        const dy = (y - glare.y * h) / w;
        glareK = glare.s * Math.exp(-(dx * dx + dy * dy) / (glare.r * glare.r));
      }
      const n = (rand() + rand() - 1) * noise;
      for (let c = 0; c < 3; c++) {
        let val = img[o3 + c] * gain + n;
        val += (255 - val) * glareK;
        img[o3 + c] = Math.max(0, Math.min(255, Math.round(val)));
      }
    }
  }
  let pipeline = sharp(img, { raw: { width: w, height: h, channels: 3 } });
  if (o.castShadow) {
    // The phone's (or the photographer's) shadow: a hard-edged dark band across part of the card.
    const [ax, ay, bx, by] = o.castShadow;
    const poly = `${ax * w},${ay * h} ${bx * w},${by * h} ${w},${h} ${w},0`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><filter id="b"><feGaussianBlur stdDeviation="6"/></filter><polygon points="${poly}" fill="#000" opacity="0.45" filter="url(#b)"/></svg>`;
    const composed = await pipeline.composite([{ input: Buffer.from(svg) }]).removeAlpha().raw().toBuffer();
    pipeline = sharp(composed, { raw: { width: w, height: h, channels: 3 } });
  }
  if (o.hand) {
    // A hand holding the card: palm off the bottom-left edge, thumb over the card's edge.
    const [bl, br] = [cards[0].quad[3], cards[0].quad[2]];
    const tx = bl[0] + (br[0] - bl[0]) * 0.22;
    const ty = bl[1] + (br[1] - bl[1]) * 0.22;
    const hand = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
      <defs><radialGradient id="s" cx="50%" cy="40%" r="60%"><stop offset="0" stop-color="#d9a582"/><stop offset="1" stop-color="#a8704f"/></radialGradient></defs>
      <ellipse cx="${tx - w * 0.05}" cy="${h + h * 0.05}" rx="${w * 0.26}" ry="${h * 0.3}" fill="url(#s)"/>
      <ellipse cx="${tx}" cy="${ty - 10}" rx="${w * 0.045}" ry="${h * 0.11}" transform="rotate(-25 ${tx} ${ty})" fill="url(#s)"/>
      <ellipse cx="${br[0] + 10}" cy="${br[1] - 60}" rx="${w * 0.05}" ry="${h * 0.035}" fill="url(#s)"/>
      <ellipse cx="${br[0] + 14}" cy="${br[1] - 150}" rx="${w * 0.05}" ry="${h * 0.033}" fill="url(#s)"/>
    </svg>`;
    const composed = await pipeline.composite([{ input: Buffer.from(hand) }]).removeAlpha().raw().toBuffer();
    pipeline = sharp(composed, { raw: { width: w, height: h, channels: 3 } });
  }
  if (o.motion) {
    const k = o.motion;
    const kernel = new Array(k * k).fill(0);
    for (let i = 0; i < k; i++) kernel[Math.floor(k / 2) * k + i] = 1 / k; // horizontal shake
    pipeline = sharp(await pipeline.convolve({ width: k, height: k, kernel }).raw().toBuffer(), { raw: { width: w, height: h, channels: 3 } });
  }
  if (o.blur) pipeline = pipeline.blur(o.blur);
  let jpeg = await pipeline.jpeg({ quality: o.quality ?? 80 }).toBuffer();
  if (o.turn) {
    if (o.exif) {
      // Pixels stored turned, with the tag that tells a viewer how to turn them back.
      const orientation = { 90: 8, 180: 3, 270: 6 }[o.turn];
      jpeg = await sharp(jpeg).rotate(o.turn).withMetadata({ orientation }).jpeg({ quality: o.quality ?? 80 }).toBuffer();
    } else {
      jpeg = await sharp(jpeg).rotate(o.turn).jpeg({ quality: o.quality ?? 80 }).toBuffer();
    }
  }
  return jpeg;
}

// ---------------------------------------------------------------------------------------------
// The cards (fictional members and IDs in the payers' real formats; made-up phone exchanges).

const CARDS = [
  {
    name: 'bcbs-il', printedPayer: 'BlueCross BlueShield of Illinois', payer: 'Blue Cross Blue Shield of Illinois', colour: '#0b5fa5', logo: 'cross', font: 'DejaVu Sans', payerSize: 34,
    layout: 'above', plan: 'Blue Choice PPO',
    rows: [[['Subscriber Name', 'MARIA L TESTCASE'], ['Group No.', 'B04581']], [['Subscriber ID', 'XOI905218374'], ['RxBIN', '011552']], [['RxPCN', 'IL'], ['RxGRP', 'BCILRX']]],
    fields: { memberId: 'XOI905218374', groupNumber: 'B04581', memberName: 'MARIA L TESTCASE', rxBin: '011552', rxPcn: 'IL', rxGroup: 'BCILRX' },
    back: [
      'Customer Service: 1-800-892-2803',
      'Provider Services: 1-800-972-8088',
      'Mental Health/Substance Use: 1-800-851-7498',
      'Pre-certification: 1-800-635-1928',
      'Pharmacist Help Desk: 1-800-423-1973',
      '~Submit claims to: Blue Cross and Blue Shield of Illinois, P.O. Box 805107, Chicago, IL 60680-4112.',
      '~Pharmacists: process claims with the BIN, PCN and group shown on the front of this card. Prior',
      '~authorization may be required for some drugs; see the formulary at bcbsil.com/rx.',
      '~Possession of this card does not guarantee eligibility or payment of benefits. Benefits are',
      '~subject to the terms of the policy. In an emergency call 911 or go to the nearest hospital.',
      '~A Division of Health Care Service Corporation, a Mutual Legal Reserve Company, an',
      '~Independent Licensee of the Blue Cross and Blue Shield Association.   bcbsil.com',
    ],
    phones: [['Customer Service', '+18008922803'], ['Provider Services', '+18009728088'], ['Behavioral Health', '+18008517498'], ['Precertification', '+18006351928'], ['Pharmacy', '+18004231973']],
    front: { what: 'white card on a white table, keystone 10 degrees', w: 1600, h: 1200, desk: [241, 241, 239], grain: 0.12, card: { width: 1050, tilt: 10, roll: -3 }, quality: 80, blur: 0.6 },
    backPhoto: { what: 'dense back on a light-grey table, turned 90 with EXIF', w: 1600, h: 1200, desk: [214, 215, 217], card: { width: 1150, tilt: -6, roll: 2 }, quality: 78, turn: 90, exif: true, blur: 0.5 },
  },
  {
    name: 'uhc-community', printedPayer: 'UnitedHealthcare Community Plan', payer: 'UnitedHealthcare', colour: '#002677', logo: 'circle', font: 'DejaVu Sans Condensed', payerSize: 36,
    layout: 'inline', plan: 'Medicaid',
    rows: [[['Member ID:', '918273645']], [['Member:', 'DESHAWN K EXAMPLE']], [['Group Number:', 'ILMCD'], ['Rx BIN:', '610494']], [['Payer ID: 87726', ''], ['Rx PCN:', '4444']], [['Health Plan (80840) 911-87726-04', ''], ['Rx GRP:', 'ACUIL']]],
    fields: { memberId: '918273645', groupNumber: 'ILMCD', memberName: 'DESHAWN K EXAMPLE', rxBin: '610494', rxPcn: '4444', rxGroup: 'ACUIL' },
    back: [
      'Member Services: 1-877-542-9235   TTY 711',
      'Behavioral Health: 1-877-542-9236',
      'For Providers: 1-877-842-3210',
      'NurseLine: 1-877-440-0251',
      '~Medical claims: UnitedHealthcare Community Plan, P.O. Box 5240, Kingston, NY 12402-5240',
      '~Pharmacy claims: OptumRx, P.O. Box 29044, Hot Springs, AR 71903   uhccommunityplan.com',
    ],
    phones: [['Member Services', '+18775429235'], ['Behavioral Health', '+18775429236'], ['Provider Services', '+18778423210'], ['Nurse Line', '+18774400251']],
    front: { what: 'tight crop, card fills the frame, JPEG quality 50', w: 1400, h: 900, desk: [90, 80, 70], card: { width: 1440, tilt: 4, roll: 1 }, quality: 50, blur: 0.5 },
    backPhoto: { what: 'low light with a lighting gradient', w: 1600, h: 1200, desk: [150, 120, 95], card: { width: 1000, tilt: 6, roll: 4 }, light: 0.42, gradient: [0.55, 20], noise: 12, quality: 75, blur: 0.7 },
  },
  {
    name: 'aetna-better-health', printedPayer: 'Aetna Better Health', payer: 'Aetna', colour: '#7d3f98', logo: 'circle', font: 'DejaVu Serif', payerSize: 36,
    layout: 'inline', plan: 'of Illinois',
    rows: [[['Name:', 'SOFIA B PLACEHOLDER']], [['ID:', '100472158']], [['Group:', 'MEDICAID'], ['RxBIN 610591', '']], [['Effective: 01/01/2025', ''], ['RxPCN ADV', '']], [['', ''], ['RxGRP RX8822', '']]],
    fields: { memberId: '100472158', groupNumber: 'MEDICAID', memberName: 'SOFIA B PLACEHOLDER', rxBin: '610591', rxPcn: 'ADV', rxGroup: 'RX8822' },
    back: [
      'Member Services: 1-866-329-4701 (TTY: 711)',
      '24-hour Nurse Line: 1-833-711-0773',
      'Behavioral Health Crisis Line: 1-866-329-4702',
      'Providers: 1-866-212-2851',
      '~Send claims to: Aetna Better Health of Illinois, P.O. Box 982970, El Paso, TX 79998-2970',
      '~This card does not guarantee coverage.   AetnaBetterHealth.com/Illinois',
    ],
    phones: [['Member Services', '+18663294701'], ['Nurse Line', '+18337110773'], ['Behavioral Health', '+18663294702'], ['Provider Services', '+18662122851']],
    front: { what: 'upside down without EXIF, a glare spot', w: 1600, h: 1200, desk: [200, 196, 190], card: { width: 1000, tilt: 7, roll: 3 }, glare: { x: 0.62, y: 0.42, r: 0.09, s: 0.8 }, quality: 80, turn: 180, blur: 0.6 },
    backPhoto: { what: 'slight motion blur', w: 1600, h: 1200, desk: [228, 226, 222], card: { width: 1050, tilt: -5, roll: -2 }, motion: 5, quality: 80 },
  },
  {
    // The back prints only "Cigna" (in the claims address).
    name: 'cigna-healthcare', printedPayer: 'Cigna Healthcare', payer: 'Cigna Healthcare', backPayer: 'Cigna', colour: '#0470b8', logo: 'shield', font: 'DejaVu Serif', payerSize: 36,
    layout: 'inline', plan: 'Open Access Plus', valueWeight: 'bold',
    rows: [[['Member #:', 'U48719023 01']], [['Name:', 'PETER J SAMPLEMAN']], [['Group #:', '3340981'], ['RxBIN 017010', '']], [['Network: OAP', ''], ['RxPCN 02IGNA', '']], [['', ''], ['RxGRP OAPRX', '']]],
    fields: { memberId: 'U4871902301', groupNumber: '3340981', memberName: 'PETER J SAMPLEMAN', rxBin: '017010', rxPcn: '02IGNA', rxGroup: 'OAPRX' },
    back: [
      'Customer Service: 1-800-244-6224',
      'Behavioral Health: 1-800-926-2273',
      'Provider Inquiries: 1-800-882-4462',
      'Pharmacy: 1-800-835-3784',
      '~Send claims to: Cigna, PO Box 188061, Chattanooga, TN 37422-8061.  Payer ID 62308',
      '~Pharmacists: call for claims processing help.  www.cigna.com',
    ],
    phones: [['Customer Service', '+18002446224'], ['Behavioral Health', '+18009262273'], ['Provider Services', '+18008824462'], ['Pharmacy', '+18008353784']],
    front: { what: 'small photo, 800 pixels wide', w: 800, h: 600, desk: [188, 192, 198], card: { width: 560, tilt: 5, roll: -4 }, quality: 78, blur: 0.4 },
    backPhoto: { what: 'held in a hand', w: 1600, h: 1200, desk: [60, 70, 80], card: { width: 1000, tilt: 8, roll: -6, cy: 0.46 }, hand: true, quality: 80, blur: 0.6 },
  },
  {
    name: 'anthem-bcbs', printedPayer: 'Anthem Blue Cross and Blue Shield', payer: 'Anthem Blue Cross Blue Shield', colour: '#1a3673', logo: 'cross', font: 'DejaVu Sans Condensed', payerSize: 34,
    layout: 'above', plan: 'Blue Access PPO',
    rows: [[['Member Name', 'RICHARD O EXAMPLO'], ['Group Number', '174692M011']], [['Member ID', 'OSB803746159'], ['RxBIN', '020099']], [['Plan Code', '040'], ['RxPCN', 'IS']]],
    fields: { memberId: 'OSB803746159', groupNumber: '174692M011', memberName: 'RICHARD O EXAMPLO', rxBin: '020099', rxPcn: 'IS', rxGroup: null },
    back: [
      'Member Services: 1-844-229-3662',
      'Behavioral Health: 1-800-851-2283',
      'Provider Services: 1-800-676-2583',
      'Precertification: 1-800-274-7767',
      '~To the provider: submit claims to your local Blue Cross and/or Blue Shield plan. Pharmacists:',
      '~call 1-833-236-6196 for help with claims.  Independent licensee of the Blue Cross and Blue',
      '~Shield Association.  Anthem Blue Cross and Blue Shield, P.O. Box 105187, Atlanta, GA 30348',
      '~Coverage is subject to the terms of the plan; this card does not guarantee eligibility.',
    ],
    phones: [['Member Services', '+18442293662'], ['Behavioral Health', '+18008512283'], ['Provider Services', '+18006762583'], ['Precertification', '+18002747767'], ['Pharmacy', '+18332366196']],
    front: { what: 'turned 270 with EXIF, keystone 12 degrees', w: 1600, h: 1200, desk: [226, 228, 230], card: { width: 1000, tilt: 12, yaw: 4, roll: 2 }, quality: 80, turn: 270, exif: true, blur: 0.6 },
    backPhoto: { what: 'turned 90 without EXIF, dense print', w: 1600, h: 1200, desk: [236, 236, 236], card: { width: 1150, tilt: -5, roll: -1 }, quality: 82, turn: 90, blur: 0.5 },
  },
  {
    name: 'humana', printedPayer: 'Humana', payer: 'Humana', colour: '#3f8f29', logo: 'square', font: 'DejaVu Sans Mono', payerSize: 40,
    layout: 'above', plan: 'Gold Plus HMO',
    rows: [[['Member Name', 'GLORIA S MOCKINGTON'], ['Group #', 'Y0040']], [['Member ID', 'H50129384'], ['RxBIN', '015581']], [['PCP', 'DR A OKAFOR'], ['RxPCN', '03200000']]],
    fields: { memberId: 'H50129384', groupNumber: 'Y0040', memberName: 'GLORIA S MOCKINGTON', rxBin: '015581', rxPcn: '03200000', rxGroup: null },
    back: [
      'Member Services: 1-800-457-4708 (TTY: 711)',
      'Provider Services: 1-800-448-6262',
      'Behavioral Health: 1-800-877-7195',
      '~Claims: Humana Claims Office, PO Box 14601, Lexington, KY 40512-4601.  Humana.com',
    ],
    phones: [['Member Services', '+18004574708'], ['Provider Services', '+18004486262'], ['Behavioral Health', '+18008777195']],
    front: { what: 'uneven light gradient, keystone 8 degrees, white on light grey', w: 1600, h: 1200, desk: [222, 222, 220], card: { width: 1050, tilt: 8, roll: 2 }, gradient: [0.5, 135], quality: 78, blur: 0.6 },
    backPhoto: { what: 'small photo at JPEG quality 50', w: 800, h: 600, desk: [120, 90, 70], card: { width: 620, tilt: 5, roll: 3 }, quality: 50, blur: 0.3 },
  },
  {
    name: 'medi-cal', printedPayer: 'Medi-Cal', payer: 'Medi-Cal', colour: '#c8102e', logo: 'circle', font: 'DejaVu Sans', payerSize: 40,
    layout: 'above', plan: 'BENEFITS IDENTIFICATION CARD',
    rows: [[['ID No.', '51827364B72418'], null], [['Name', 'ELENA V MUESTRA'], ['Issue Date', '03/15/24']]],
    fields: { memberId: '51827364B72418', groupNumber: null, memberName: 'ELENA V MUESTRA', rxBin: null, rxPcn: null, rxGroup: null },
    front: { what: 'tight crop, white card, lighting gradient', w: 1400, h: 900, desk: [245, 245, 245], card: { width: 1430, tilt: 5, roll: -1 }, gradient: [0.35, 0], quality: 72, blur: 0.5 },
  },
  {
    name: 'medicare', printedPayer: 'MEDICARE HEALTH INSURANCE', payer: 'Medicare', colour: '#1b3d6d', logo: 'square', font: 'DejaVu Sans', payerSize: 36,
    layout: 'above', plan: '', cols: [60, 560],
    rows: [[['Name/Nombre', 'WALTER H FICTIVE'], null], [['Medicare Number/Numero de Medicare', '3HX7-KP4-WT62'], null], [['Entitled to', 'HOSPITAL (PART A)'], ['Coverage starts', '03-01-2020']]],
    fields: { memberId: '3HX7KP4WT62', groupNumber: null, memberName: 'WALTER H FICTIVE', rxBin: null, rxPcn: null, rxGroup: null },
    front: { what: 'white card on a white table, keystone 15 degrees, 800 px', w: 800, h: 600, desk: [240, 240, 238], grain: 0.1, card: { width: 600, tilt: 15, yaw: 3, roll: 2 }, quality: 80, blur: 0.3 },
  },
  {
    name: 'kaiser', printedPayer: 'KAISER PERMANENTE', payer: 'Kaiser Permanente', colour: '#006ba6', logo: 'circle', font: 'DejaVu Sans Light', payerSize: 38,
    layout: 'above', plan: 'HMO',
    rows: [[['Name', 'NATHAN E DUMMYSON'], null], [['Health/Medical Record Number', '11938406'], ['Group', '604512']]],
    fields: { memberId: '11938406', groupNumber: '604512', memberName: 'NATHAN E DUMMYSON', rxBin: null, rxPcn: null, rxGroup: null },
    front: { what: 'low light, light font', w: 1600, h: 1200, desk: [170, 160, 150], card: { width: 1000, tilt: 6, roll: -5 }, light: 0.5, gradient: [0.4, 60], noise: 10, quality: 75, blur: 0.6 },
  },
  {
    name: 'ambetter', printedPayer: 'Ambetter from Superior HealthPlan', payer: 'Ambetter', colour: '#00804c', logo: 'circle', font: 'DejaVu Serif Condensed', payerSize: 34,
    layout: 'above', plan: 'Silver',
    rows: [[['Subscriber', 'TANYA S EXEMPLAR'], ['RxBIN', '004336']], [['Member ID', 'U7012345601'], ['RxPCN', 'ADV']], [['Effective', '02/01/2025'], ['RxGRP', 'RX5459']]],
    fields: { memberId: 'U7012345601', groupNumber: null, memberName: 'TANYA S EXEMPLAR', rxBin: '004336', rxPcn: 'ADV', rxGroup: 'RX5459' },
    front: { what: 'held in a hand, white card on a dark background', w: 1600, h: 1200, desk: [50, 55, 60], card: { width: 1000, tilt: 9, roll: 5, cy: 0.45 }, hand: true, quality: 78, blur: 0.6 },
  },
  {
    name: 'florida-blue', printedPayer: 'Florida Blue', payer: 'Florida Blue', colour: '#0079c1', logo: 'cross', font: 'DejaVu Sans', payerSize: 40,
    layout: 'above', plan: 'BlueOptions',
    rows: [[['Member', 'ISABEL O BOSSMAN'], ['Group', '8B712']], [['ID Number', 'BSI912837465'], ['RxBIN', '610014']], [['', ''], ['RxPCN', 'BCBSFL']]],
    fields: { memberId: 'BSI912837465', groupNumber: '8B712', memberName: 'ISABEL O BOSSMAN', rxBin: '610014', rxPcn: 'BCBSFL', rxGroup: null },
    front: { what: 'turned 90 without EXIF, glare, light-grey table', w: 1600, h: 1200, desk: [210, 210, 212], card: { width: 1050, tilt: 7, roll: 3 }, glare: { x: 0.35, y: 0.4, r: 0.08, s: 0.75 }, quality: 76, turn: 90, blur: 0.6 },
  },
  {
    name: 'bcbs-michigan', printedPayer: 'Blue Cross Blue Shield of Michigan', payer: 'Blue Cross Blue Shield of Michigan', colour: '#ffffff', logo: 'cross', font: 'DejaVu Serif', payerSize: 32,
    layout: 'above', plan: 'Simply Blue PPO', bg: '#123b7a', ink: '#ffffff',
    rows: [[['Enrollee Name', 'JAMAL T SPECIMEN'], ['Group', '007016432']], [['Enrollee ID', 'XYI845120367'], ['RxBIN', '610014']], [['', ''], ['RxPCN', 'BCBSMI']]],
    fields: { memberId: 'XYI845120367', groupNumber: '007016432', memberName: 'JAMAL T SPECIMEN', rxBin: '610014', rxPcn: 'BCBSMI', rxGroup: null },
    front: { what: 'dark card with white print on a white table, keystone 14 degrees with yaw', w: 1600, h: 1200, desk: [238, 238, 236], card: { width: 1000, tilt: 14, yaw: 9, roll: -4 }, quality: 78, blur: 0.6 },
  },
  {
    name: 'wellcare', printedPayer: 'Wellcare by Allwell', payer: 'Wellcare', colour: '#d2232a', logo: 'circle', font: 'DejaVu Sans', payerSize: 36,
    layout: 'inline', plan: 'Medicare Advantage',
    rows: [[['Member:', 'DOROTHY A PROXY']], [['Member #:', '13849205']], [['Group #:', 'AZ0045'], ['RxBIN: 004336', '']], [['PCP: DR M NGUYEN', ''], ['RxPCN: MEDDADV', '']], [['', ''], ['RxGRP: RX8804', '']]],
    fields: { memberId: '13849205', groupNumber: 'AZ0045', memberName: 'DOROTHY A PROXY', rxBin: '004336', rxPcn: 'MEDDADV', rxGroup: 'RX8804' },
    back: [
      'Member Services: 1-800-977-7522 (TTY: 711)',
      'Provider Services: 1-800-977-7523',
      'Behavioral Health: 1-800-977-7524',
      'Pharmacy Help Desk: 1-800-977-7525',
      '~Medical claims: Wellcare by Allwell, PO Box 3060, Farmington, MO 63640-3822.',
      '~Pharmacists: For claims processing help call the Pharmacy Help Desk above.',
      '~Emergency services do not need prior authorization.   wellcare.com/allwell',
    ],
    phones: [['Member Services', '+18009777522'], ['Provider Services', '+18009777523'], ['Behavioral Health', '+18009777524'], ['Pharmacy', '+18009777525']],
    front: { what: 'strong motion blur in low light', w: 1600, h: 1200, desk: [140, 120, 100], card: { width: 1050, tilt: 6, roll: 3 }, light: 0.55, noise: 9, motion: 7, quality: 75 },
    backPhoto: { what: 'a hard shadow across the card', w: 1600, h: 1200, desk: [225, 223, 220], card: { width: 1080, tilt: 7, roll: -2 }, castShadow: [0.55, 0, 0.3, 1], quality: 80, blur: 0.5 },
  },
  {
    name: 'uhc', printedPayer: 'UnitedHealthcare', payer: 'UnitedHealthcare', colour: '#002677', logo: 'circle', font: 'DejaVu Sans', payerSize: 38,
    layout: 'above', plan: 'Choice Plus',
    rows: [[['Member ID', '962814730'], ['Group Number', '917254']], [['Member', 'LUIS F EJEMPLAR'], ['Rx Bin', '610279']], [['Payer ID', '87726'], ['Rx PCN', '9999']]],
    fields: { memberId: '962814730', groupNumber: '917254', memberName: 'LUIS F EJEMPLAR', rxBin: '610279', rxPcn: '9999', rxGroup: null },
    front: { what: 'tight crop turned 270 without EXIF', w: 1400, h: 900, desk: [90, 80, 70], card: { width: 1450, tilt: 3, roll: 1 }, quality: 70, turn: 270, blur: 0.5 },
  },
  {
    name: 'caresource', printedPayer: 'CareSource', payer: 'CareSource', colour: '#00678a', logo: 'square', font: 'DejaVu Sans Condensed', payerSize: 40,
    layout: 'inline', plan: 'Ohio Medicaid',
    rows: [[['Name:', 'BRIANNA M SAMPLE']], [['ID #:', '10743829501']], [['Effective Date: 07/01/2024', '']], [['RxBIN: 003858', ''], ['RxPCN: MA', '']], [['RxGRP: CSOHIO', ''], ['', '']]],
    fields: { memberId: '10743829501', groupNumber: null, memberName: 'BRIANNA M SAMPLE', rxBin: '003858', rxPcn: 'MA', rxGroup: 'CSOHIO' },
    front: { what: '800 px photo, card small in the frame, shadow across it', w: 800, h: 600, desk: [205, 200, 195], card: { width: 470, tilt: 8, roll: 6 }, castShadow: [0.62, 0, 0.45, 1], quality: 72, blur: 0.3 },
  },
  {
    name: 'molina', printedPayer: 'MOLINA HEALTHCARE', payer: 'Molina Healthcare', colour: '#ffffff', logo: 'shield', font: 'DejaVu Sans', payerSize: 36, bg: '#00838f', ink: '#ffffff',
    layout: 'inline', plan: 'Marketplace',
    rows: [[['Member:', 'OSCAR I BISHOP']], [['Member ID#:', '102O3B475']], [['Group:', 'MKT2025'], ['RxBIN: 004336', '']], [['', ''], ['RxPCN: MCAIDADV', '']]],
    fields: { memberId: '102O3B475', groupNumber: 'MKT2025', memberName: 'OSCAR I BISHOP', rxBin: '004336', rxPcn: 'MCAIDADV', rxGroup: null },
    front: { what: 'teal card with white print, glare over the ID, keystone', w: 1600, h: 1200, desk: [215, 210, 200], card: { width: 1050, tilt: 11, roll: 2 }, glare: { x: 0.45, y: 0.45, r: 0.07, s: 0.55 }, quality: 76, blur: 0.6 },
  },
];

const fieldsOf = (c, side) => {
  const empty = { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [] };
  const phones = (c.phones ?? []).map(([label, number]) => ({ label, number }));
  if (side === 'front') return { ...empty, payerName: c.payer, ...c.fields };
  if (side === 'back') return { ...empty, payerName: c.backPayer ?? c.payer, phones };
  return { ...empty, payerName: c.payer, ...c.fields, phones };
};

function centredQuad(o, extra = {}) {
  const cardOpts = { ...o.card, ...extra };
  return cardQuad({ cx: o.w * (cardOpts.cx ?? 0.5), cy: o.h * (cardOpts.cy ?? 0.5), width: cardOpts.width * (o.w / Math.max(o.w, 1)), tilt: cardOpts.tilt, yaw: cardOpts.yaw, roll: cardOpts.roll });
}

async function write(name, bytes, expected, what) {
  fs.writeFileSync(path.join(OUT, name), bytes);
  fs.writeFileSync(path.join(OUT, name.replace(/\.[^.]+$/, '') + '.expected.json'), JSON.stringify({ ...expected, what }, null, 2) + '\n');
}

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const pngs = {};
  for (const c of CARDS) {
    const front = await sharp(Buffer.from(frontSvg(c))).png().toBuffer();
    pngs[c.name] = { front };
    await write(`${c.name}-front.jpg`, await photo([{ png: front, quad: centredQuad(c.front) }], c.front), { side: 'front', fields: fieldsOf(c, 'front') }, c.front.what);
    if (c.back && c.backPhoto) {
      const back = await sharp(Buffer.from(backSvg(c))).png().toBuffer();
      pngs[c.name].back = back;
      await write(`${c.name}-back.jpg`, await photo([{ png: back, quad: centredQuad(c.backPhoto) }], c.backPhoto), { side: 'back', fields: fieldsOf(c, 'back') }, c.backPhoto.what);
    }
  }
  // Front desk scans: both sides of one card side by side on one white letter page.
  const scans = [
    { name: 'bcbs-il', what: 'scan: front and back side by side on a white page', angles: [0.6, -0.8], desk: [250, 250, 250], quality: 72 },
    { name: 'cigna-healthcare', what: 'scan: front and back side by side on a light-grey page, JPEG 55', angles: [-1.2, 0.9], desk: [228, 228, 226], quality: 55 },
  ];
  {
    // A photocopy with the front above the back, as a PNG.
    const c = CARDS.find((x) => x.name === 'wellcare');
    const back = await sharp(Buffer.from(backSvg(c))).png().toBuffer();
    const o = { w: 1275, h: 1650, desk: [252, 252, 252], grain: 0.04, shadow: 0.3, shadowOffset: [2, 2], noise: 2, blur: 0.3 };
    const cw = 620;
    const quads = [cardQuad({ cx: 640, cy: 150 + (cw * H) / W / 2, width: cw, roll: 0.4 }), cardQuad({ cx: 640, cy: 620 + (cw * H) / W / 2, width: cw, roll: -0.3 })];
    const jpeg = await photo([{ png: pngs.wellcare.front, quad: quads[0] }, { png: back, quad: quads[1] }], o);
    await write('wellcare-copy-both.png', await sharp(jpeg).greyscale().png().toBuffer(), { side: 'both', fields: fieldsOf(c, 'both') }, 'photocopy: front above back on one page, grey PNG');
  }
  for (const s of scans) {
    const c = CARDS.find((x) => x.name === s.name);
    const o = { w: 1700, h: 2200, desk: s.desk, grain: 0.05, shadow: 0.25, shadowOffset: [2, 3], noise: 3, quality: s.quality, blur: 0.4 };
    const cw = 700; // 3.37 in at ~208 dpi
    const quads = [
      cardQuad({ cx: 110 + cw / 2, cy: 180 + (cw * H) / W / 2, width: cw, roll: s.angles[0] }),
      cardQuad({ cx: 890 + cw / 2, cy: 190 + (cw * H) / W / 2, width: cw, roll: s.angles[1] }),
    ];
    await write(`${c.name}-scan-both.jpg`, await photo([{ png: pngs[c.name].front, quad: quads[0] }, { png: pngs[c.name].back, quad: quads[1] }], o), { side: 'both', fields: fieldsOf(c, 'both') }, s.what);
  }
  const total = fs.readdirSync(OUT).reduce((sum, f) => sum + fs.statSync(path.join(OUT, f)).size, 0);
  console.log(`fixtures/cards-hard: ${fs.readdirSync(OUT).length} files, ${(total / 1e6).toFixed(1)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
