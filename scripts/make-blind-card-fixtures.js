#!/usr/bin/env node
// Generator for a blind test set of fictional US insurance-card images (front + back).
// Written by a session that never saw the card reader, to measure it on cards it was not tuned on.
// Re-make fixtures/cards-blind with:   node scripts/make-blind-card-fixtures.js
// Every name, ID, group and phone number here is invented (phones use 555-01xx).
// Cards are drawn as SVG (Liberation/DejaVu fonts), rasterised by sharp/librsvg, then
// placed into a "scan" or "photo" scene by a small homography warper written below
// (rotation + mild perspective), with lighting gradients, shadow, glare, noise, blur
// and JPEG re-compression. Deterministic: seeded RNG.
'use strict';
const fs = require('fs');
const path = require('path');
const sharp = require('sharp');

const OUT = path.join(__dirname, '..', 'fixtures', 'cards-blind');
const CW = 1012, CH = 638; // card design units = 300 dpi for 85.6 x 54 mm

// ---------------------------------------------------------------- utilities
function rng(seed) { // mulberry32
  let a = seed >>> 0;
  return () => { a = (a + 0x6D2B79F5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
function gauss(r) { let u = 0, v = 0; while (u === 0) u = r(); v = r(); return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v); }
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const SANS = "'Liberation Sans', 'DejaVu Sans', sans-serif";
const NARROW = "'Liberation Sans Narrow', 'DejaVu Sans Condensed', sans-serif";
const COND = "'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif";

function t(x, y, str, o = {}) {
  const { s = 24, w = 'normal', f = '#1a1a1a', a = 'start', ff = SANS, ls, it } = o;
  return `<text xml:space="preserve" x="${x}" y="${y}" font-family="${ff}" font-size="${s}" font-weight="${w}" fill="${f}" text-anchor="${a}"${ls ? ` letter-spacing="${ls}"` : ''}${it ? ' font-style="italic"' : ''}>${esc(str)}</text>`;
}
const rect = (x, y, w, h, fill, extra = '') => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" ${extra}/>`;
const line = (x1, y1, x2, y2, stroke, sw = 2, extra = '') => `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${stroke}" stroke-width="${sw}" ${extra}/>`;

function cardSvg(body, px, bg = '#ffffff') {
  const h = Math.round(px * CH / CW);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${h}" viewBox="0 0 ${CW} ${CH}">
<defs><clipPath id="c"><rect width="${CW}" height="${CH}" rx="34" ry="34"/></clipPath>
<linearGradient id="sheen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.10"/><stop offset="0.5" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.04"/></linearGradient></defs>
<g clip-path="url(#c)"><rect width="${CW}" height="${CH}" fill="${bg}"/>${body}<rect width="${CW}" height="${CH}" fill="url(#sheen)"/></g>
<rect x="1" y="1" width="${CW - 2}" height="${CH - 2}" rx="34" ry="34" fill="none" stroke="#b9b9b9" stroke-width="2"/></svg>`;
}

// phones -------------------------------------------------------------------
function fmtPhone(d, style) {
  const a = d.slice(0, 3), b = d.slice(3, 6), c = d.slice(6);
  switch (style) {
    case 'dash1': return `1-${a}-${b}-${c}`;
    case 'dash': return `${a}-${b}-${c}`;
    case 'paren': return `(${a}) ${b}-${c}`;
    case 'paren1': return `1 (${a}) ${b}-${c}`;
    case 'dot': return `${a}.${b}.${c}`;
    case 'dot1': return `1.${a}.${b}.${c}`;
    default: throw new Error(style);
  }
}
// kind: member | provider | behavioral | precert | pharmacy | nurse | pcp | crisis | tty
function P(label, digits, style, kind) { return { label, digits, disp: fmtPhone(digits, style), kind }; }
const TTY = { label: 'TTY', disp: '711', kind: 'tty', digits: null }; // printed, but not an E.164 number: not expected

// standard "label ...... number" table
function phoneTable(phones, { x = 52, xr = 960, y0 = 120, step = 46, ls = 25, ns = 27, lf = '#222', nf = '#111', leader = '#cfcfcf', ff = SANS, nff = SANS } = {}) {
  let s = '';
  phones.forEach((p, i) => {
    const y = y0 + i * step;
    if (leader) s += line(x, y + 10, xr, y + 10, leader, 1.2, 'stroke-dasharray="2 5"');
    s += t(x, y, p.label, { s: ls, f: lf, ff });
    s += t(xr, y, p.disp, { s: ns, w: 'bold', f: nf, a: 'end', ff: nff });
  });
  return s;
}

// ---------------------------------------------------------------- card specs
// Each card: data + front()/back() returning { svg body, bg, shows: [fields], phones: [...] }.
const FIELDS = ['payerName', 'memberId', 'groupNumber', 'memberName', 'rxBin', 'rxPcn', 'rxGroup'];

const cards = [];

// 1 ---------------------------------------------------------------- Aetna (clean scan)
cards.push({
  name: 'aetna-choice-pos',
  difficulty: 'clean',
  tests: 'Label-above-value front; purple logo block top-left; Payer Number 60054 and copay amounts as distractor numbers; group name text under the group number. Back: label-left phone table with Behavioral Health + Provider Services (insurancePhone = Behavioral Health, Provider Services acceptable), pharmacy/nurse/TTY 711 must not be chosen.',
  d: { payerName: 'Aetna', memberId: 'W287654321', groupNumber: '0891234', memberName: 'MARISOL T VENTURA', rxBin: '610502', rxPcn: 'ADV', rxGroup: 'RX8834' },
  scene: { front: { kind: 'scan', angle: 0.3, fmt: 'jpg', q: 92, seed: 11 }, back: { kind: 'scan', angle: -0.4, fmt: 'jpg', q: 92, seed: 12 } },
  front(d) {
    const PU = '#7D3F98', G = '#6b6b6b';
    let s = '';
    s += t(52, 104, 'aetna', { s: 78, w: 'bold', f: PU });
    s += t(262, 62, '®', { s: 20, f: PU });
    s += t(960, 66, 'Aetna Choice® POS II', { s: 30, w: 'bold', a: 'end', f: '#333' });
    s += t(960, 98, 'Open Access', { s: 22, a: 'end', f: '#666' });
    s += line(52, 132, 960, 132, PU, 3);
    s += t(52, 176, 'Member', { s: 21, f: G });
    s += t(52, 214, d.memberName, { s: 36, w: 'bold' });
    s += t(52, 266, 'Member ID', { s: 21, f: G });
    s += t(52, 306, d.memberId, { s: 40, w: 'bold' });
    s += t(52, 358, 'Group #', { s: 21, f: G });
    s += t(52, 396, d.groupNumber, { s: 36, w: 'bold' });
    s += t(52, 428, 'HARBORVIEW DENTAL GROUP LLC', { s: 20, f: '#444' });
    // copay box
    s += rect(620, 160, 340, 200, '#f4eef7', 'rx="10"');
    const cp = [['PCP', '$25'], ['Specialist', '$50'], ['Urgent Care', '$75'], ['ER', '$300']];
    cp.forEach(([a, b], i) => { s += t(640, 202 + i * 42, a, { s: 24, f: '#333' }); s += t(940, 202 + i * 42, b, { s: 24, w: 'bold', a: 'end' }); });
    // Rx
    const rx = [['RxBIN', d.rxBin], ['RxPCN', d.rxPcn], ['RxGRP', d.rxGroup]];
    rx.forEach(([a, b], i) => { s += t(52, 482 + i * 36, a, { s: 22, f: G }); s += t(170, 482 + i * 36, b, { s: 27, w: 'bold' }); });
    s += t(960, 520, 'Deductible (In-Network) $1,500', { s: 20, a: 'end', f: '#444' });
    s += rect(0, 582, CW, 56, PU);
    s += t(52, 618, 'Payer Number 60054', { s: 22, f: '#fff' });
    s += t(960, 618, 'aetna.com', { s: 22, f: '#fff', a: 'end' });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const PU = '#7D3F98';
    const ph = [P('Member Services', '8885550142', 'dash1', 'member'), P('Provider Services', '8005550176', 'dash1', 'provider'), P('Behavioral Health', '8005550119', 'dash1', 'behavioral'), P('Pharmacy Help Desk', '8665550163', 'dash1', 'pharmacy'), P('24-Hour Nurse Line', '8005550108', 'dash1', 'nurse'), TTY];
    let s = '';
    s += t(52, 72, 'aetna', { s: 44, w: 'bold', f: PU });
    s += t(960, 64, 'Members & providers: call for benefits and eligibility', { s: 19, a: 'end', f: '#555' });
    s += phoneTable(ph, { y0: 136, step: 47 });
    const sp = ['Send medical claims to: Aetna, P.O. Box 14560, Lexington, KY 40512-4560', 'Pharmacy claims: P.O. Box 52446, Phoenix, AZ 85072-2446', 'Precertification is required for inpatient, residential and partial hospital stays.', 'Possession of this card does not guarantee eligibility for benefits.'];
    sp.forEach((l, i) => { s += t(52, 462 + i * 30, l, { s: 19, f: '#333' }); });
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 2 ---------------------------------------------------------------- BCBS Arizona (clean, png)
cards.push({
  name: 'bcbs-arizona-ppo',
  difficulty: 'clean',
  tests: 'Colored header band with white two-line payer logo; label-left "Subscriber ID: XJH 402718563" printed WITH a space after the alpha prefix (expected without spaces); alphanumeric group; BIN/PCN/GRP labels without "Rx"; effective date distractor. Back: Mental Health/Substance Abuse + Provider Services + Precertification; payer only in the licensee small print. PNG.',
  d: { payerName: 'Blue Cross Blue Shield of Arizona', memberId: 'XJH402718563', groupNumber: 'A4581200', memberName: 'DELANEY R OKAFOR', rxBin: '004336', rxPcn: 'ADV', rxGroup: 'RX4581' },
  scene: { front: { kind: 'scan', angle: -0.5, fmt: 'png', seed: 21 }, back: { kind: 'scan', angle: 0.2, fmt: 'png', seed: 22 } },
  front(d) {
    const B = '#0A5CA8', G = '#555';
    let s = rect(0, 0, CW, 142, B);
    // cross + shield emblems
    s += rect(40, 34, 74, 74, '#fff', 'rx="10"') + rect(68, 44, 18, 54, B) + rect(50, 62, 54, 18, B);
    s += `<path d="M128 36 h70 v40 q0 28 -35 36 q-35 -8 -35 -36 z" fill="#fff"/>` + rect(155, 52, 16, 42, B) + rect(143, 64, 40, 16, B);
    s += t(222, 80, 'BlueCross BlueShield', { s: 40, w: 'bold', f: '#fff' });
    s += t(222, 120, 'of Arizona', { s: 30, f: '#fff' });
    s += t(975, 80, 'BluePreferred', { s: 26, w: 'bold', a: 'end', f: '#fff' });
    s += t(975, 114, 'PPO', { s: 24, a: 'end', f: '#fff' });
    const rows = [['Subscriber Name:', d.memberName], ['Subscriber ID:', 'XJH 402718563'], ['Group No:', d.groupNumber], ['Effective Date:', '01/01/2025']];
    rows.forEach(([a, b], i) => { s += t(52, 206 + i * 54, a, { s: 24, f: G }); s += t(292, 206 + i * 54, b, { s: 33, w: 'bold' }); });
    s += t(52, 460, 'BIN:', { s: 24, f: G }) + t(108, 460, d.rxBin, { s: 30, w: 'bold' });
    s += t(262, 460, 'PCN:', { s: 24, f: G }) + t(322, 460, d.rxPcn, { s: 30, w: 'bold' });
    s += t(428, 460, 'GRP:', { s: 24, f: G }) + t(490, 460, d.rxGroup, { s: 30, w: 'bold' });
    // suitcase
    s += rect(820, 392, 140, 96, '#fff', `rx="12" stroke="${B}" stroke-width="5"`) + `<path d="M860 392 v-16 h60 v16" fill="none" stroke="${B}" stroke-width="5"/>` + t(890, 455, 'PPO', { s: 38, w: 'bold', a: 'middle', f: B });
    s += t(52, 548, 'Office Visit $30   Specialist $60   ER $350', { s: 22, f: '#333' });
    s += rect(0, 588, CW, 50, '#e8f1fa');
    s += t(52, 621, 'azblue.example', { s: 20, f: B });
    s += t(960, 621, 'Medical • Rx', { s: 20, f: B, a: 'end' });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const ph = [P('Customer Service', '8005550137', 'paren', 'member'), P('Provider Services', '8005550188', 'paren', 'provider'), P('Precertification', '8005550154', 'paren', 'precert'), P('Mental Health/Substance Abuse', '8005550129', 'paren', 'behavioral'), P('Pharmacist Help Desk', '8005550171', 'paren', 'pharmacy'), TTY];
    let s = t(52, 70, 'Customer & Provider Information', { s: 27, w: 'bold', f: '#0A5CA8' });
    s += phoneTable(ph, { y0: 122, step: 46, ls: 25, ns: 27 });
    const sp = ['Submit claims to: BCBSAZ, P.O. Box 2971, Phoenix, AZ 85062-2971', 'Out of area: file claims with the local Blue plan where services were rendered.', 'Blue Cross Blue Shield of Arizona is an independent licensee of the', 'Blue Cross Blue Shield Association.'];
    sp.forEach((l, i) => { s += t(52, 440 + i * 32, l, { s: 20, f: '#333' }); });
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 3 ---------------------------------------------------------------- Cigna (clean, png)
cards.push({
  name: 'cigna-oap',
  difficulty: 'clean',
  tests: 'Two-column front: small "ID"/"Name"/"Group" labels above values on the left, copays and Rx BIN/PCN/GRP label-left on the right; ID with trailing 2-digit suffix (U5820913701). Back: inline "Label: 1 (800) 555-0161" phones; "Providers / Eligibility" provider label; Payer ID 62308 distractor. PNG.',
  d: { payerName: 'Cigna Healthcare', memberId: 'U5820913701', groupNumber: '3345678', memberName: 'ETHAN J PARKHURST', rxBin: '017010', rxPcn: 'CIGNARX', rxGroup: 'RX3345' },
  scene: { front: { kind: 'scan', angle: 0, fmt: 'png', seed: 31 }, back: { kind: 'scan', angle: 0.6, fmt: 'png', seed: 32 } },
  front(d) {
    const B = '#0A5D8C', O = '#F28C00', G = '#666';
    let s = '';
    // tree
    s += rect(84, 70, 10, 46, '#8a5a2b');
    [[89, 56, 24], [70, 72, 18], [108, 72, 18], [78, 44, 14], [100, 44, 14]].forEach(([x, y, r]) => { s += `<circle cx="${x}" cy="${y}" r="${r}" fill="${O}"/>`; });
    s += `<text x="140" y="96" font-family="${SANS}" font-size="50" fill="${B}"><tspan font-weight="bold">Cigna</tspan> Healthcare</text>`;
    s += t(960, 70, 'Open Access Plus', { s: 27, w: 'bold', a: 'end', f: '#333' });
    s += t(960, 100, 'Network: OAP', { s: 20, a: 'end', f: G });
    s += line(52, 128, 960, 128, '#d0d8de', 2);
    s += line(560, 150, 560, 500, '#d0d8de', 2);
    s += t(52, 180, 'Name', { s: 20, f: G }) + t(52, 218, d.memberName, { s: 34, w: 'bold' });
    s += t(52, 272, 'ID', { s: 20, f: G }) + t(52, 316, d.memberId, { s: 42, w: 'bold' });
    s += t(52, 370, 'Group', { s: 20, f: G }) + t(52, 408, d.groupNumber, { s: 34, w: 'bold' });
    s += t(52, 460, 'Dependent coverage: Employee + Family', { s: 19, f: '#444' });
    const cp = [['PCP Visit', '$30'], ['Specialist', '$60'], ['Urgent Care', '$75'], ['Emergency Room', '$400']];
    cp.forEach(([a, b], i) => { s += t(590, 180 + i * 38, a, { s: 23, f: '#333' }) + t(960, 180 + i * 38, b, { s: 23, w: 'bold', a: 'end' }); });
    const rx = [['Rx BIN', d.rxBin], ['Rx PCN', d.rxPcn], ['Rx GRP', d.rxGroup]];
    rx.forEach(([a, b], i) => { s += t(590, 380 + i * 40, a, { s: 23, f: G }) + t(720, 380 + i * 40, b, { s: 28, w: 'bold' }); });
    s += rect(0, 548, CW, 90, '#E6F0F7');
    s += t(52, 600, 'Cigna Health and Life Insurance Co.', { s: 21, f: B });
    s += t(960, 600, 'myCigna.com', { s: 21, f: B, a: 'end' });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const ph = [P('Customer Service', '8005550124', 'paren1', 'member'), P('Behavioral Health', '8005550161', 'paren1', 'behavioral'), P('Providers / Eligibility', '8005550193', 'paren1', 'provider'), P('Pharmacy Help Desk', '8005550185', 'paren1', 'pharmacy'), P('24-hr Health Info Line', '8005550131', 'paren1', 'nurse')];
    let s = `<text x="52" y="70" font-family="${SANS}" font-size="30" fill="#0A5D8C"><tspan font-weight="bold">Cigna</tspan> Healthcare</text>`;
    ph.forEach((p, i) => { s += `<text x="52" y="${128 + i * 46}" font-family="${SANS}" font-size="26" fill="#222">${esc(p.label)}: <tspan font-weight="bold">${esc(p.disp)}</tspan></text>`; });
    s += t(52, 128 + 5 * 46, 'Hearing impaired: TTY 711', { s: 22, f: '#444' });
    const sp = ['Medical claims: Cigna, PO Box 188511, Chattanooga, TN 37422-8511', 'Electronic Payer ID 62308', 'This card does not guarantee coverage. Some services require prior authorization.'];
    sp.forEach((l, i) => { s += t(52, 476 + i * 32, l, { s: 20, f: '#333' }); });
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 4 ---------------------------------------------------------------- Humana Medicare Advantage (clean; front as PDF)
cards.push({
  name: 'humana-gold-plus',
  difficulty: 'clean',
  tests: 'Medicare Advantage HMO: NO group number (groupNumber null); member ID H48123759; RxPCN all digits (03200000); contract number H5619-089 and CMS line as distractors; front has a PCP phone and Member Services phone but no verification line (insurancePhone null). Front delivered as a one-page letter-size PDF (image-only scan at 300 dpi); back is PNG.',
  d: { payerName: 'Humana', memberId: 'H48123759', groupNumber: null, memberName: 'ROSALIND M ABERNATHY', rxBin: '015581', rxPcn: '03200000', rxGroup: 'XAJA' },
  scene: { front: { kind: 'scan', angle: 0.4, fmt: 'pdf', q: 92, seed: 41 }, back: { kind: 'scan', angle: -0.3, fmt: 'png', seed: 42 } },
  front(d) {
    const GR = '#3A8D2E', G = '#5a5a5a';
    let s = t(52, 100, 'Humana', { s: 70, w: 'bold', f: GR });
    s += t(960, 60, 'Humana Gold Plus H5619-089 (HMO)', { s: 25, w: 'bold', a: 'end', f: '#222' });
    s += t(960, 92, 'MedicareRx', { s: 24, a: 'end', it: true, f: GR });
    s += t(960, 118, 'Prescription Drug Coverage', { s: 18, a: 'end', f: G });
    s += line(52, 136, 960, 136, GR, 3);
    const pcp = P('PCP Phone', '5205550114', 'paren', 'pcp');
    const rows = [['Member Name:', d.memberName], ['Member ID:', d.memberId], ['RxBIN:', d.rxBin], ['RxPCN:', d.rxPcn], ['RxGRP:', d.rxGroup], ['PCP:', 'LUIS MENDEZ MD'], ['PCP Phone:', pcp.disp]];
    rows.forEach(([a, b], i) => { s += t(52, 190 + i * 48, a, { s: 23, f: G }); s += t(290, 190 + i * 48, b, { s: 30, w: 'bold' }); });
    const ms = P('Member Services', '8005550157', 'dash1', 'member');
    s += rect(0, 530, CW, 108, '#eef6ea');
    s += t(52, 574, `Member Services ${ms.disp}  (TTY: 711)`, { s: 26, w: 'bold', f: '#1d4d17' });
    s += t(52, 612, 'CMS H5619 089', { s: 19, f: G }) + t(960, 612, 'Medicare limiting charges apply', { s: 19, f: G, a: 'end' });
    return { body: s, shows: FIELDS.filter((f) => f !== 'groupNumber'), phones: [pcp, ms] };
  },
  back(d) {
    const GR = '#3A8D2E';
    const ph = [P('Member Services', '8005550157', 'dash1', 'member'), P('Providers: Eligibility & Authorizations', '8005550112', 'dash1', 'provider'), P('Behavioral Health', '8005550198', 'dash1', 'behavioral'), P('Pharmacists', '8005550140', 'dash1', 'pharmacy'), P('24-Hour Nurse Advice Line', '8005550166', 'dash1', 'nurse')];
    let s = t(52, 70, 'Humana', { s: 40, w: 'bold', f: GR });
    s += t(960, 66, 'TTY: 711   8 a.m. – 8 p.m., 7 days a week', { s: 19, a: 'end', f: '#444' });
    s += phoneTable(ph, { y0: 128, step: 46, ls: 24, ns: 27 });
    const sp = ['Medical claims: Humana Claims Office, P.O. Box 14601, Lexington, KY 40512-4601', 'Pharmacy claims: Humana Pharmacy Claims, P.O. Box 14140, Lexington, KY 40512-4140', 'Present this card each time you receive services.'];
    sp.forEach((l, i) => { s += t(52, 410 + i * 32, l, { s: 19, f: '#333' }); });
    s += rect(0, 560, CW, 78, '#eef6ea') + t(52, 606, 'Humana.com', { s: 22, f: GR });
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 5 ---------------------------------------------------------------- UnitedHealthcare (photo)
cards.push({
  name: 'uhc-choice-plus',
  difficulty: 'photo',
  tests: 'UHC layout: "Health Plan (80840) 911-87726-04" and "Payer ID 87726" distractors, all-numeric 9-digit member ID, "Rx Bin / Rx Grp / Rx PCN" in UHC order with PCN 9999. Back: inline "For Members:/For Providers:" labels, Optum-administered Mental Health/Substance Abuse line, NurseLine, For Pharmacists. Phone photo on wood, ~5° rotation, mild perspective, light gradient, JPEG q72.',
  d: { payerName: 'UnitedHealthcare', memberId: '948172635', groupNumber: '705214', memberName: 'DARIUS K WHITFIELD', rxBin: '610279', rxPcn: '9999', rxGroup: 'UHEALTH' },
  scene: {
    front: { kind: 'photo', bg: 'wood', angle: 5, persp: 0.05, cardFrac: 0.62, light: [0.78, 1.08], lightDir: 30, blur: 0.9, q: 72, seed: 51 },
    back: { kind: 'photo', bg: 'wood', angle: -3.5, persp: 0.04, cardFrac: 0.6, light: [1.06, 0.8], lightDir: 200, blur: 1.0, q: 70, seed: 52 },
  },
  front(d) {
    const B = '#002677', G = '#555';
    let s = rect(48, 40, 56, 60, B, 'rx="8"') + `<path d="M62 52 v26 q14 16 28 0 v-26" fill="none" stroke="#fff" stroke-width="7"/>`;
    s += t(118, 88, 'UnitedHealthcare', { s: 46, w: 'bold', f: B });
    s += t(960, 62, 'Health Plan (80840)', { s: 20, a: 'end', f: G }) + t(960, 88, '911-87726-04', { s: 20, a: 'end', f: G });
    s += t(52, 176, 'Member ID:', { s: 24, f: G }) + t(186, 176, d.memberId, { s: 34, w: 'bold' });
    s += t(560, 176, 'Group Number:', { s: 24, f: G }) + t(728, 176, d.groupNumber, { s: 34, w: 'bold' });
    s += t(52, 232, 'Member:', { s: 24, f: G }) + t(156, 232, d.memberName, { s: 34, w: 'bold' });
    s += t(52, 300, 'Choice Plus', { s: 32, w: 'bold', f: B });
    s += rect(52, 330, 500, 128, '#eef2f9', 'rx="8"');
    s += t(70, 370, 'Copay:', { s: 22, w: 'bold', f: '#333' }) + t(70, 404, 'PCP $25    Spec $50', { s: 22, f: '#333' }) + t(70, 438, 'ER $300    UC $75', { s: 22, f: '#333' });
    const rx = [['Rx Bin:', d.rxBin], ['Rx Grp:', d.rxGroup], ['Rx PCN:', d.rxPcn]];
    rx.forEach(([a, b], i) => { s += t(620, 300 + i * 40, a, { s: 23, f: G }) + t(730, 300 + i * 40, b, { s: 28, w: 'bold' }); });
    s += t(620, 440, 'OptumRx', { s: 24, w: 'bold', it: true, f: '#e5751f' });
    s += t(52, 520, 'Payer ID 87726', { s: 22, f: '#333' });
    s += rect(0, 572, CW, 66, B) + t(52, 614, 'uhc.com  |  myuhc.com', { s: 21, f: '#fff' }) + t(960, 614, 'PPO', { s: 24, w: 'bold', f: '#fff', a: 'end' });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const B = '#002677';
    const ph = [P('For Members', '8665550133', 'dash1', 'member'), P('Mental Health/Substance Abuse', '8665550174', 'dash1', 'behavioral'), P('For Providers', '8775550159', 'dash1', 'provider'), P('For Pharmacists', '8775550102', 'dash1', 'pharmacy'), P('NurseLine 24/7', '8665550113', 'dash1', 'nurse')];
    let s = t(960, 44, 'Printed: 03/14/25', { s: 17, a: 'end', f: '#666' });
    const L = (y, p, tail = '') => `<text xml:space="preserve" x="52" y="${y}" font-family="${SANS}" font-size="27" fill="#222"><tspan font-weight="bold">${esc(p.label)}:</tspan> ${esc(p.disp)}${esc(tail)}</text>`;
    s += L(92, ph[0], '   TTY 711');
    s += L(140, ph[1]) + t(52, 170, '(Optum Behavioral Health)', { s: 19, f: '#555' });
    s += L(218, ph[2], '   UHCprovider.com');
    s += L(266, ph[3]) + L(314, ph[4]);
    const sp = ['Medical Claims: PO Box 30991, Salt Lake City, UT 84130-0991', 'Pharmacy Claims: OptumRx, PO Box 650334, Dallas, TX 75265-0334', 'Underwritten by UnitedHealthcare Insurance Company', 'Prior authorization is required for some services; see myuhc.com.'];
    sp.forEach((l, i) => { s += t(52, 392 + i * 32, l, { s: 20, f: '#333' }); });
    s += rect(0, 588, CW, 50, B);
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 6 ---------------------------------------------------------------- Highmark (photo)
cards.push({
  name: 'highmark-ppo-blue',
  difficulty: 'photo',
  tests: 'Header band with white lowercase "highmark" + "Blue Shield"; small caps labels ABOVE values (MEMBER / ID / GROUP); 13-char alpha-prefixed ID with suffix; Rx values in a 3-column row with labels above. Back: "Member Service"/"Provider Service" singular labels. Photo on grey desk, -4°, gradient, JPEG q65.',
  d: { payerName: 'Highmark Blue Shield', memberId: 'ZGP8852093401', groupNumber: '10348562', memberName: 'PRIYA S CHANDRAMOULI', rxBin: '003858', rxPcn: 'A4', rxGroup: 'HMKRX01' },
  scene: {
    front: { kind: 'photo', bg: 'grey', angle: -4, persp: 0.03, cardFrac: 0.58, light: [1.05, 0.74], lightDir: 120, blur: 1.0, q: 65, seed: 61 },
    back: { kind: 'photo', bg: 'grey', angle: 2.5, persp: 0.035, cardFrac: 0.55, light: [0.8, 1.05], lightDir: 10, blur: 1.1, q: 65, seed: 62 },
  },
  front(d) {
    const B = '#0B3D91', G = '#666';
    let s = rect(0, 0, CW, 124, B);
    s += t(52, 84, 'highmark', { s: 58, w: 'bold', f: '#fff' });
    s += `<path d="M318 36 h44 v28 q0 20 -22 28 q-22 -8 -22 -28 z" fill="#fff"/>`;
    s += t(378, 82, 'Blue Shield', { s: 36, f: '#fff' });
    s += t(960, 80, 'PPO Blue', { s: 30, w: 'bold', a: 'end', f: '#fff' });
    const lab = (x, y, l) => t(x, y, l, { s: 19, f: G, ls: 2 });
    s += lab(52, 172, 'MEMBER') + t(52, 210, d.memberName, { s: 34, w: 'bold' });
    s += lab(52, 264, 'ID') + t(52, 308, d.memberId, { s: 42, w: 'bold' });
    s += lab(52, 360, 'GROUP') + t(52, 398, d.groupNumber, { s: 34, w: 'bold' });
    const cp = ['Deductible $1,000', 'Coinsurance 20%', 'PCP $20 / SPC $40', 'ER $250'];
    cp.forEach((l, i) => { s += t(960, 180 + i * 36, l, { s: 22, a: 'end', f: '#333' }); });
    s += lab(52, 466, 'RxBIN') + lab(250, 466, 'RxPCN') + lab(420, 466, 'RxGrp');
    s += t(52, 504, d.rxBin, { s: 30, w: 'bold' }) + t(250, 504, d.rxPcn, { s: 30, w: 'bold' }) + t(420, 504, d.rxGroup, { s: 30, w: 'bold' });
    s += rect(820, 410, 130, 90, '#fff', `rx="12" stroke="${B}" stroke-width="5"`) + `<path d="M858 410 v-14 h54 v14" fill="none" stroke="${B}" stroke-width="5"/>` + t(885, 470, 'PPO', { s: 36, w: 'bold', a: 'middle', f: B });
    s += t(52, 600, 'highmarkbcbs.example', { s: 19, f: B });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const ph = [P('Member Service', '8005550116', 'dash1', 'member'), P('Provider Service', '8665550178', 'dash1', 'provider'), P('Behavioral Health', '8005550152', 'dash1', 'behavioral'), P('Pharmacy Benefit', '8005550109', 'dash1', 'pharmacy'), P('24/7 Nurse Line', '8885550134', 'dash1', 'nurse'), TTY];
    let s = phoneTable(ph, { y0: 84, step: 47, ls: 26, ns: 28 });
    const sp = ['Providers: submit claims to your local Blue Cross and/or Blue Shield Plan.', 'Highmark, P.O. Box 890174, Camp Hill, PA 17089-0174', 'Highmark Blue Shield is an independent licensee of the', 'Blue Cross Blue Shield Association.'];
    sp.forEach((l, i) => { s += t(52, 420 + i * 32, l, { s: 20, f: '#333' }); });
    s += rect(0, 580, CW, 58, '#0B3D91');
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 7 ---------------------------------------------------------------- Premera (photo)
cards.push({
  name: 'premera-heritage',
  difficulty: 'photo',
  tests: 'Two-column front split by a vertical rule: identity on the left with labels above ("Identification No."), Rx label-left on the right with copays below; all-caps spaced logo. Back: "Mental Health & Substance Use" + "Providers" + "Precertification". Photo on dark wood, 7° rotation, perspective, JPEG q78.',
  d: { payerName: 'Premera Blue Cross', memberId: 'PRM915620384', groupNumber: '4003218', memberName: 'TOBIAS E LINDQVIST', rxBin: '610014', rxPcn: 'PREMRX', rxGroup: 'PBCWA01' },
  scene: {
    front: { kind: 'photo', bg: 'darkwood', angle: 7, persp: 0.06, cardFrac: 0.64, light: [0.82, 1.1], lightDir: 250, blur: 0.8, q: 78, seed: 71 },
    back: { kind: 'photo', bg: 'darkwood', angle: -6, persp: 0.05, cardFrac: 0.66, light: [1.08, 0.8], lightDir: 60, blur: 0.9, q: 76, seed: 72 },
  },
  front(d) {
    const B = '#00558C', G = '#666';
    let s = `<circle cx="88" cy="76" r="38" fill="${B}"/>` + rect(80, 50, 16, 52, '#fff') + rect(62, 68, 52, 16, '#fff');
    s += t(142, 82, 'PREMERA', { s: 52, w: 'bold', f: B, ls: 4 });
    s += t(144, 112, 'BLUE CROSS', { s: 22, f: B, ls: 7 });
    s += t(960, 70, 'Heritage Plus', { s: 29, w: 'bold', a: 'end', f: '#333' });
    s += t(960, 100, 'Network: Heritage', { s: 20, a: 'end', f: G });
    s += line(560, 160, 560, 530, '#c9d6e0', 2);
    s += t(52, 180, 'Name', { s: 20, f: G }) + t(52, 216, d.memberName, { s: 33, w: 'bold' });
    s += t(52, 272, 'Identification No.', { s: 20, f: G }) + t(52, 314, d.memberId, { s: 40, w: 'bold' });
    s += t(52, 370, 'Group No.', { s: 20, f: G }) + t(52, 408, d.groupNumber, { s: 34, w: 'bold' });
    s += t(52, 470, 'Effective 01/01/2025', { s: 20, f: '#444' });
    const rx = [['RxBIN', d.rxBin], ['RxPCN', d.rxPcn], ['RxGRP', d.rxGroup]];
    rx.forEach(([a, b], i) => { s += t(590, 190 + i * 44, a, { s: 23, f: G }) + t(720, 190 + i * 44, b, { s: 30, w: 'bold' }); });
    const cp = [['Office visit', '$25'], ['Specialist', '$45'], ['ER', '$250']];
    cp.forEach(([a, b], i) => { s += t(590, 380 + i * 38, a, { s: 22, f: '#333' }) + t(960, 380 + i * 38, b, { s: 22, w: 'bold', a: 'end' }); });
    s += rect(0, 566, CW, 72, B) + t(52, 612, 'premera.example', { s: 21, f: '#fff' }) + t(960, 612, 'PPO', { s: 26, w: 'bold', f: '#fff', a: 'end' });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const ph = [P('Customer Service', '8005550145', 'dash1', 'member'), P('Providers', '8775550127', 'dash1', 'provider'), P('Mental Health & Substance Use', '8775550191', 'dash1', 'behavioral'), P('Precertification', '8005550181', 'dash1', 'precert'), P('Pharmacy Help Desk', '8885550177', 'dash1', 'pharmacy'), TTY];
    let s = t(52, 66, 'Questions? Call us.', { s: 28, w: 'bold', f: '#00558C' });
    s += phoneTable(ph, { y0: 118, step: 46, ls: 25, ns: 27 });
    const sp = ['Premera Blue Cross, P.O. Box 91059, Seattle, WA 98111-9159', 'Out-of-area providers: send claims to your local Blue Cross and/or Blue Shield plan.', 'Premera Blue Cross is an Independent Licensee of the Blue Cross Blue Shield Association.'];
    sp.forEach((l, i) => { s += t(52, 440 + i * 32, l, { s: 19, f: '#333' }); });
    s += rect(0, 580, CW, 58, '#00558C');
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 8 ---------------------------------------------------------------- Priority Health Medicaid (photo)
cards.push({
  name: 'priority-health-medicaid',
  difficulty: 'photo',
  tests: 'Medicaid card; member name printed in mixed case ("Keisha L Thornbury"); "ID #:" label; all Rx fields on ONE line; phone numbers in dotted format (888.555.0164); front has a Customer Service phone only (insurancePhone null on front). Back has "call 911" distractor. Photo on beige desk, -2.5°, warm light, more blur, JPEG q60.',
  d: { payerName: 'Priority Health', memberId: '8023456701', groupNumber: '700001', memberName: 'Keisha L Thornbury', rxBin: '610011', rxPcn: 'IRX', rxGroup: 'MIPHMCD' },
  scene: {
    front: { kind: 'photo', bg: 'beige', angle: -2.5, persp: 0.03, cardFrac: 0.6, light: [0.8, 1.06], lightDir: 300, blur: 1.3, q: 60, warm: true, seed: 81 },
    back: { kind: 'photo', bg: 'beige', angle: 3, persp: 0.025, cardFrac: 0.57, light: [1.05, 0.78], lightDir: 160, blur: 1.2, q: 62, warm: true, seed: 82 },
  },
  front(d) {
    const N = '#003B71', O = '#F47B20', G = '#555';
    let s = `<path d="M52 116 q140 -26 300 -4" fill="none" stroke="${O}" stroke-width="8" stroke-linecap="round"/>`;
    s += t(52, 92, 'Priority Health', { s: 52, w: 'bold', f: N });
    s += t(960, 70, 'Medicaid', { s: 32, w: 'bold', a: 'end', f: O });
    s += t(960, 100, 'Healthy Michigan Plan', { s: 21, a: 'end', f: G });
    const rows = [['Name:', d.memberName, 120], ['ID #:', d.memberId, 100], ['Group:', d.groupNumber, 120]];
    rows.forEach(([a, b, dx], i) => { s += t(52, 196 + i * 56, a, { s: 25, f: G }) + t(52 + dx, 196 + i * 56, b, { s: 34, w: 'bold' }); });
    s += t(52, 382, 'RxBIN:', { s: 23, f: G }) + t(132, 382, d.rxBin, { s: 28, w: 'bold' });
    s += t(290, 382, 'RxPCN:', { s: 23, f: G }) + t(374, 382, d.rxPcn, { s: 28, w: 'bold' });
    s += t(470, 382, 'RxGRP:', { s: 23, f: G }) + t(556, 382, d.rxGroup, { s: 28, w: 'bold' });
    s += t(52, 440, 'PCP: Grand River Family Medicine', { s: 23, f: '#333' });
    const cs = P('Customer Service', '8885550164', 'dot', 'member');
    s += t(52, 510, `Customer Service: ${cs.disp}`, { s: 27, w: 'bold', f: N });
    s += rect(0, 570, CW, 68, N) + t(52, 614, 'priorityhealth.example/medicaid', { s: 20, f: '#fff' }) + t(960, 614, '$0 copay', { s: 22, f: '#fff', a: 'end' });
    return { body: s, shows: FIELDS, phones: [cs] };
  },
  back(d) {
    const N = '#003B71';
    const ph = [P('Customer Service', '8885550164', 'dot', 'member'), P('Provider Services', '8005550132', 'dot', 'provider'), P('Behavioral Health', '8005550187', 'dot', 'behavioral'), P('Pharmacy Help Desk', '8775550195', 'dot', 'pharmacy'), P('24/7 Nurse Line', '8005550169', 'dot', 'nurse'), TTY];
    let s = t(52, 68, 'Priority Health', { s: 34, w: 'bold', f: N });
    s += phoneTable(ph, { y0: 122, step: 46, ls: 25, ns: 27 });
    const sp = ['Emergency? Call 911 or go to the nearest emergency room.', 'Send claims to: Priority Health, P.O. Box 232, Grand Rapids, MI 49501-0232', 'Show this card and your mihealth card at every visit.'];
    sp.forEach((l, i) => { s += t(52, 440 + i * 32, l, { s: 20, f: '#333' }); });
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 9 ---------------------------------------------------------------- Wellcare Medicare Advantage (hard)
cards.push({
  name: 'wellcare-giveback',
  difficulty: 'hard',
  tests: 'Medicare Advantage, no group (null); 8-digit numeric member ID; MEDDADV PCN; plan contract H1416-005 and "Medical Payer ID 14163" distractors. Hard photo: ~12° rotation, perspective, glare spot, sensor noise, card ~650 px wide, JPEG q60.',
  d: { payerName: 'Wellcare', memberId: '11832077', groupNumber: null, memberName: 'GERALD A PRZYBYLSKI', rxBin: '004336', rxPcn: 'MEDDADV', rxGroup: 'RX5478' },
  scene: {
    front: { kind: 'hard', bg: 'wood', W: 1000, H: 760, cardPx: 650, angle: 12, persp: 0.06, light: [0.75, 1.05], lightDir: 45, blur: 0.9, q: 60, noise: 9, glare: { u: 0.7, v: 0.6, r: 80, k: 0.9 }, seed: 91 },
    back: { kind: 'hard', bg: 'wood', W: 1000, H: 760, cardPx: 650, angle: -11, persp: 0.05, light: [1.05, 0.75], lightDir: 220, blur: 0.9, q: 60, noise: 9, glare: { u: 0.82, v: 0.86, r: 60, k: 0.75 }, seed: 92 },
  },
  front(d) {
    const N = '#1B365D', GN = '#5DB346', G = '#555';
    let s = rect(0, 0, CW, 132, N) + `<circle cx="300" cy="52" r="14" fill="${GN}"/>`;
    s += t(52, 90, 'wellcare', { s: 64, w: 'bold', f: '#fff' });
    s += t(960, 66, 'Wellcare Giveback (HMO)', { s: 27, w: 'bold', a: 'end', f: '#fff' });
    s += t(960, 100, 'H1416-005', { s: 22, a: 'end', f: '#dfe7f0' });
    s += t(52, 204, 'Member:', { s: 26, f: G }) + t(172, 204, d.memberName, { s: 36, w: 'bold' });
    s += t(52, 266, 'Member ID:', { s: 26, f: G }) + t(212, 266, d.memberId, { s: 40, w: 'bold' });
    const rx = [['RxBIN:', d.rxBin], ['RxPCN:', d.rxPcn], ['RxGRP:', d.rxGroup]];
    rx.forEach(([a, b], i) => { s += t(52, 340 + i * 48, a, { s: 26, f: G }) + t(170, 340 + i * 48, b, { s: 32, w: 'bold' }); });
    s += t(620, 350, 'MedicareRx', { s: 30, it: true, w: 'bold', f: N }) + t(620, 382, 'Prescription Drug Coverage', { s: 19, f: G });
    s += t(52, 510, 'PCP Copay $0   Specialist $20', { s: 24, f: '#333' });
    s += rect(0, 560, CW, 78, '#eef3f8') + t(52, 606, 'Effective 01/01/2025', { s: 21, f: G }) + t(960, 606, 'CMS H1416 005', { s: 21, f: G, a: 'end' });
    return { body: s, shows: FIELDS.filter((f) => f !== 'groupNumber'), phones: [] };
  },
  back(d) {
    const N = '#1B365D';
    const ph = [P('Member Services', '8005550149', 'dash1', 'member'), P('Provider Services', '8005550126', 'dash1', 'provider'), P('Behavioral Health', '8005550183', 'dash1', 'behavioral'), P('Pharmacy Help Desk', '8005550111', 'dash1', 'pharmacy'), P('24-Hour Nurse Advice Line', '8005550172', 'dash1', 'nurse'), TTY];
    let s = t(52, 70, 'wellcare', { s: 40, w: 'bold', f: N });
    s += phoneTable(ph, { y0: 130, step: 50, ls: 27, ns: 30 });
    s += t(52, 462, 'Submit claims: Wellcare, P.O. Box 31372, Tampa, FL 33631-3372', { s: 21, f: '#333' });
    s += t(52, 496, 'Medical Payer ID 14163', { s: 21, f: '#333' });
    s += rect(0, 570, CW, 68, N);
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 10 --------------------------------------------------------------- Molina Medicaid (hard)
cards.push({
  name: 'molina-ohio-medicaid',
  difficulty: 'hard',
  tests: 'Medicaid, no group (null); hyphenated member name; Provider Services phone printed on the FRONT (front insurancePhone non-null). Back lists a "Behavioral Health Crisis Line" which is a crisis line, not a verification line: insurancePhone is Provider Services. Hard photo: about -14° rotation, card ~600 px wide, noise, blur, JPEG q55.',
  d: { payerName: 'Molina Healthcare', memberId: '108234567', groupNumber: null, memberName: 'ANTHONY R DELGADO-REYES', rxBin: '004336', rxPcn: 'MCAIDADV', rxGroup: 'RX8830' },
  scene: {
    front: { kind: 'hard', bg: 'grey', W: 960, H: 720, cardPx: 600, angle: -14, persp: 0.04, light: [0.8, 1.05], lightDir: 100, blur: 1.0, q: 55, noise: 10, seed: 101 },
    back: { kind: 'hard', bg: 'grey', W: 960, H: 720, cardPx: 600, angle: 13, persp: 0.05, light: [1.05, 0.8], lightDir: 300, blur: 1.0, q: 55, noise: 10, seed: 102 },
  },
  front(d) {
    const T = '#00A3AD', N = '#1F3A60', G = '#555';
    let s = `<circle cx="90" cy="78" r="40" fill="${T}"/>` + t(90, 96, 'M', { s: 50, w: 'bold', f: '#fff', a: 'middle' });
    s += t(150, 84, 'MOLINA', { s: 56, w: 'bold', f: T });
    s += t(152, 114, 'HEALTHCARE', { s: 24, f: N, ls: 5 });
    s += t(960, 80, 'Ohio Medicaid', { s: 32, w: 'bold', a: 'end', f: N });
    s += line(52, 140, 960, 140, T, 3);
    s += t(52, 204, 'Member Name:', { s: 25, f: G }) + t(230, 204, d.memberName, { s: 34, w: 'bold' });
    s += t(52, 262, 'Member ID:', { s: 25, f: G }) + t(196, 262, d.memberId, { s: 38, w: 'bold' });
    s += t(52, 316, 'Effective:', { s: 25, f: G }) + t(182, 316, '02/01/2025', { s: 30, w: 'bold' });
    s += t(52, 384, 'RxBIN:', { s: 24, f: G }) + t(134, 384, d.rxBin, { s: 29, w: 'bold' });
    s += t(290, 384, 'RxPCN:', { s: 24, f: G }) + t(376, 384, d.rxPcn, { s: 29, w: 'bold' });
    s += t(580, 384, 'RxGRP:', { s: 24, f: G }) + t(666, 384, d.rxGroup, { s: 29, w: 'bold' });
    s += t(52, 446, 'PCP: Northside Community Health', { s: 23, f: '#333' });
    const pv = P('Provider Services', '8555550121', 'paren', 'provider');
    s += t(52, 516, `Provider Services: ${pv.disp}`, { s: 29, w: 'bold', f: N });
    s += rect(0, 570, CW, 68, T) + t(52, 614, 'MolinaHealthcare.example', { s: 21, f: '#fff' });
    return { body: s, shows: FIELDS.filter((f) => f !== 'groupNumber'), phones: [pv] };
  },
  back(d) {
    const ph = [P('Member Services', '8555550147', 'paren', 'member'), P('Provider Services', '8555550121', 'paren', 'provider'), P('24-Hour Nurse Advice Line', '8885550158', 'paren', 'nurse'), P('Behavioral Health Crisis Line', '8885550186', 'paren', 'crisis'), TTY];
    let s = phoneTable(ph, { y0: 92, step: 52, ls: 27, ns: 30 });
    const sp = ['In an emergency, call 911 or go to the nearest ER.', 'Claims: Molina Healthcare of Ohio, P.O. Box 22712, Long Beach, CA 90801', 'Members must show this card before receiving services.'];
    sp.forEach((l, i) => { s += t(52, 392 + i * 34, l, { s: 21, f: '#333' }); });
    s += rect(0, 570, CW, 68, '#00A3AD');
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 11 --------------------------------------------------------------- Independence Blue Cross w/ Magellan (hard)
cards.push({
  name: 'ibx-keystone-magellan',
  difficulty: 'hard',
  tests: 'HMO card whose plan line ("Keystone Health Plan East") differs from the payer; apostrophe + hyphen in member name; labels above values. Back: Mental Health/Substance Abuse administered by Magellan (behavioral carve-out) and "Member Help Team". Hard photo: ~10° rotation, glare spot, noise, card ~620 px wide, dark desk, JPEG q58.',
  d: { payerName: 'Independence Blue Cross', memberId: 'QKB824509316', groupNumber: '10557183', memberName: "SAMANTHA N O'CONNELL-HART", rxBin: '610415', rxPcn: 'PCS', rxGroup: 'IBX0042' },
  scene: {
    front: { kind: 'hard', bg: 'dark', W: 980, H: 740, cardPx: 620, angle: 10, persp: 0.05, light: [1.1, 0.8], lightDir: 160, blur: 0.8, q: 58, noise: 11, glare: { u: 0.42, v: 0.73, r: 75, k: 0.9 }, seed: 111 },
    back: { kind: 'hard', bg: 'dark', W: 980, H: 740, cardPx: 620, angle: -10.5, persp: 0.05, light: [0.82, 1.1], lightDir: 20, blur: 0.8, q: 58, noise: 11, glare: { u: 0.8, v: 0.74, r: 75, k: 0.85 }, seed: 112 },
  },
  front(d) {
    const B = '#0B4DA2', G = '#555';
    let s = rect(0, 0, 22, CH, B);
    s += rect(60, 40, 64, 64, B, 'rx="8"') + rect(84, 48, 16, 48, '#fff') + rect(68, 64, 48, 16, '#fff');
    s += t(140, 80, 'Independence', { s: 48, w: 'bold', f: B });
    s += t(142, 114, 'Blue Cross', { s: 30, f: B });
    s += t(960, 66, 'Keystone Health Plan East', { s: 23, a: 'end', f: '#333' });
    s += t(960, 104, 'HMO', { s: 34, w: 'bold', a: 'end', f: B });
    s += t(60, 180, 'Member Name', { s: 21, f: G }) + t(60, 218, d.memberName, { s: 34, w: 'bold' });
    s += t(60, 272, 'Member ID', { s: 21, f: G }) + t(60, 314, d.memberId, { s: 40, w: 'bold' });
    s += t(60, 368, 'Group', { s: 21, f: G }) + t(60, 406, d.groupNumber, { s: 34, w: 'bold' });
    const rx = [['RxBIN', d.rxBin], ['RxPCN', d.rxPcn], ['RxGRP', d.rxGroup]];
    rx.forEach(([a, b], i) => { s += t(640, 282 + i * 44, a, { s: 23, f: G }) + t(760, 282 + i * 44, b, { s: 29, w: 'bold' }); });
    s += t(60, 480, 'PCP Copay $15    Specialist $35    ER $150', { s: 23, f: '#333' });
    s += rect(0, 566, CW, 72, '#e7eef8') + t(60, 612, 'ibx.example', { s: 21, f: B });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const ph = [P('Member Help Team', '8005550103', 'dash1', 'member'), P('Provider Services', '8005550138', 'dash1', 'provider'), P('Mental Health/Substance Abuse', '8005550192', 'dash1', 'behavioral'), P('Pharmacy Help Desk', '8005550167', 'dash1', 'pharmacy'), P('Nurse Line 24/7', '8005550179', 'dash1', 'nurse'), TTY];
    let s = '';
    const ys = [78, 126, 174, 252, 300, 348];
    ph.forEach((p, i) => { s += line(52, ys[i] + 10, 960, ys[i] + 10, '#cfcfcf', 1.2, 'stroke-dasharray="2 5"') + t(52, ys[i], p.label, { s: 26, f: '#222' }) + t(960, ys[i], p.disp, { s: 29, w: 'bold', a: 'end' }); });
    s += t(72, 206, '(administered by Magellan Behavioral Health)', { s: 20, f: '#555' });
    const sp = ['Claims: P.O. Box 69352, Harrisburg, PA 17106-9352', 'Independence Blue Cross is an independent licensee of the', 'Blue Cross and Blue Shield Association.'];
    sp.forEach((l, i) => { s += t(52, 432 + i * 34, l, { s: 21, f: '#333' }); });
    s += rect(0, 580, CW, 58, '#0B4DA2');
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// 12 --------------------------------------------------------------- UMR TPA card (hard, sideways)
cards.push({
  name: 'umr-lakeshore',
  difficulty: 'hard',
  tests: 'TPA card: employer name is the biggest text and the network logo says "UnitedHealthcare Choice Plus", but the payer is UMR; group number contains a hyphen (76-413234, expected as printed). Back: Optum behavioral line, Precertification, Payer ID 39026 distractor. Hard: photo taken sideways (card rotated ~90°/270° in a portrait frame), card ~600 px on its long side, noise, JPEG q60.',
  d: { payerName: 'UMR', memberId: '520394817', groupNumber: '76-413234', memberName: 'WENDELL T HAYASHI', rxBin: '610279', rxPcn: '9999', rxGroup: 'UMR41323' },
  scene: {
    front: { kind: 'hard', bg: 'beige', W: 720, H: 960, cardPx: 600, angle: 92, persp: 0.03, light: [0.8, 1.05], lightDir: 90, blur: 0.8, q: 60, noise: 9, seed: 121 },
    back: { kind: 'hard', bg: 'beige', W: 720, H: 960, cardPx: 600, angle: -87, persp: 0.03, light: [1.05, 0.82], lightDir: 270, blur: 0.8, q: 60, noise: 9, seed: 122 },
  },
  front(d) {
    const B = '#005EB8', G = '#555';
    let s = t(52, 80, 'LAKESHORE LOGISTICS', { s: 44, w: 'bold', f: '#333' });
    s += t(52, 116, 'Employee Health Benefit Plan', { s: 25, f: '#555' });
    s += rect(800, 30, 160, 74, B, 'rx="6"') + t(880, 85, 'UMR', { s: 52, w: 'bold', f: '#fff', a: 'middle' });
    s += t(960, 130, 'A UnitedHealthcare Company', { s: 16, a: 'end', f: '#555' });
    s += t(52, 200, 'Name:', { s: 26, f: G }) + t(140, 200, d.memberName, { s: 35, w: 'bold' });
    s += t(52, 256, 'Member ID:', { s: 26, f: G }) + t(200, 256, d.memberId, { s: 38, w: 'bold' });
    s += t(52, 312, 'Group #:', { s: 26, f: G }) + t(170, 312, d.groupNumber, { s: 35, w: 'bold' });
    s += t(52, 380, 'RxBIN:', { s: 24, f: G }) + t(134, 380, d.rxBin, { s: 29, w: 'bold' });
    s += t(290, 380, 'RxPCN:', { s: 24, f: G }) + t(376, 380, d.rxPcn, { s: 29, w: 'bold' });
    s += t(480, 380, 'RxGRP:', { s: 24, f: G }) + t(566, 380, d.rxGroup, { s: 29, w: 'bold' });
    s += t(52, 450, 'Office Visit $30   ER $250   Deductible $2,000', { s: 23, f: '#333' });
    s += rect(560, 480, 400, 76, '#eef4fb', 'rx="8"') + t(580, 510, 'Network:', { s: 19, f: G }) + t(580, 542, 'UnitedHealthcare Choice Plus', { s: 23, w: 'bold', f: B });
    s += t(52, 612, 'umr.example', { s: 21, f: B });
    return { body: s, shows: FIELDS, phones: [] };
  },
  back(d) {
    const ph = [P('Customer Service', '8005550118', 'dash1', 'member'), P('Provider Services', '8005550156', 'dash1', 'provider'), P('Behavioral Health', '8005550194', 'dash1', 'behavioral'), P('Precertification', '8005550128', 'dash1', 'precert'), P('Pharmacy Help Desk', '8005550105', 'dash1', 'pharmacy')];
    let s = t(52, 66, 'UMR', { s: 40, w: 'bold', f: '#005EB8' }) + t(150, 66, 'Claims administrator', { s: 21, f: '#555' });
    s += phoneTable(ph, { y0: 126, step: 52, ls: 27, ns: 30 });
    s += t(52, 386, 'Behavioral health services administered by Optum.', { s: 20, f: '#444' });
    const sp = ['Send claims to: UMR, PO Box 30541, Salt Lake City, UT 84130-0541', 'Payer ID 39026'];
    sp.forEach((l, i) => { s += t(52, 446 + i * 34, l, { s: 21, f: '#333' }); });
    s += rect(0, 570, CW, 68, '#005EB8');
    return { body: s, shows: ['payerName'], phones: ph };
  },
});

// ---------------------------------------------------------------- geometry
function solve(A, b) { // gaussian elimination, n x n
  const n = b.length; A = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c; for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < n; r++) if (r !== c) { const f = A[r][c] / A[c][c]; for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k]; }
  }
  return A.map((r, i) => r[n] / r[i]);
}
function homography(from, to) { // maps from[i] -> to[i]
  const A = [], b = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i], [u, v] = to[i];
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]); b.push(v);
  }
  const h = solve(A, b); return [...h, 1];
}
function cardCorners(cx, cy, w, h, angleDeg, persp, rnd) {
  // local corners TL TR BR BL; perspective: shrink the "far" edge, slightly shorten depth
  const far = rnd() < 0.5 ? 'top' : 'left';
  let pts = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]];
  if (far === 'top') { pts[0][0] *= 1 - persp; pts[1][0] *= 1 - persp; pts[0][1] *= 1 - persp / 2; pts[1][1] *= 1 - persp / 2; }
  else { pts[0][1] *= 1 - persp; pts[3][1] *= 1 - persp; pts[0][0] *= 1 - persp / 2; pts[3][0] *= 1 - persp / 2; }
  const a = angleDeg * Math.PI / 180, c = Math.cos(a), s = Math.sin(a);
  return pts.map(([x, y]) => [cx + x * c - y * s, cy + x * s + y * c]);
}

// ---------------------------------------------------------------- backgrounds
function valueNoise(seed) {
  const r = rng(seed), N = 256, perm = new Uint16Array(512), val = new Float32Array(N);
  for (let i = 0; i < N; i++) { perm[i] = i; val[i] = r(); }
  for (let i = N - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
  for (let i = 0; i < N; i++) perm[i + N] = perm[i];
  const sm = (x) => x * x * (3 - 2 * x);
  return (x, y) => {
    const xi = Math.floor(x), yi = Math.floor(y), xf = x - xi, yf = y - yi;
    const X = xi & 255, Y = yi & 255;
    const v00 = val[perm[X + perm[Y]]], v10 = val[perm[X + 1 + perm[Y]]], v01 = val[perm[X + perm[Y + 1]]], v11 = val[perm[X + 1 + perm[Y + 1]]];
    const u = sm(xf), v = sm(yf);
    return (v00 * (1 - u) + v10 * u) * (1 - v) + (v01 * (1 - u) + v11 * u) * v;
  };
}
function background(kind, W, H, seed) {
  const img = new Float32Array(W * H * 3), r = rng(seed), n1 = valueNoise(seed + 1), n2 = valueNoise(seed + 2);
  const scale = W / 1600;
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    let R, G, B;
    const i = (y * W + x) * 3;
    if (kind === 'wood' || kind === 'darkwood') {
      const base = kind === 'wood' ? [168, 114, 66] : [96, 60, 36];
      const ys = y / scale, xs = x / scale;
      const plank = Math.floor((ys + 30) / 260);
      const warp = 60 * n1(xs * 0.0025, plank * 3.1 + ys * 0.004);
      const grain = 0.5 + 0.5 * Math.sin((ys + warp) * 0.22 + plank * 1.7);
      const fine = n2(xs * 0.05, ys * 0.6);
      const tone = 0.84 + 0.1 * grain + 0.08 * fine + 0.07 * ((plank * 7919 % 13) / 13 - 0.5);
      const seam = ((ys + 30) % 260) < 3 ? 0.55 : 1;
      R = base[0] * tone * seam; G = base[1] * tone * seam; B = base[2] * tone * seam;
    } else if (kind === 'grey') {
      const v = 118 + 14 * n1(x * 0.004, y * 0.004) + 10 * (r() - 0.5);
      R = v; G = v + 2; B = v + 6;
    } else if (kind === 'beige') {
      const v = 0.92 + 0.06 * n1(x * 0.006, y * 0.006) + 0.05 * n2(x * 0.3, y * 0.3);
      R = 214 * v; G = 198 * v; B = 170 * v;
    } else if (kind === 'dark') {
      const v = 48 + 10 * n1(x * 0.01, y * 0.01) + 8 * (r() - 0.5);
      R = v; G = v - 2; B = v - 3;
    } else { // scanner lid
      const v = 247 + 3 * (r() - 0.5);
      R = v; G = v; B = v - 1;
    }
    img[i] = R; img[i + 1] = G; img[i + 2] = B;
  }
  return img;
}

// ---------------------------------------------------------------- rendering
async function rasterCard(svg) {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, w: info.width, h: info.height };
}
function sampler(card) {
  const { data, w, h } = card;
  return (u, v, out) => { // bilinear RGBA, transparent outside
    const x0 = Math.floor(u), y0 = Math.floor(v), fx = u - x0, fy = v - y0;
    out[0] = out[1] = out[2] = out[3] = 0;
    for (let k = 0; k < 4; k++) {
      const xx = x0 + (k & 1), yy = y0 + (k >> 1);
      if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
      const wt = ((k & 1) ? fx : 1 - fx) * ((k >> 1) ? fy : 1 - fy);
      const j = (yy * w + xx) * 4, a = data[j + 3] / 255 * wt;
      out[0] += data[j] * a; out[1] += data[j + 1] * a; out[2] += data[j + 2] * a; out[3] += a;
    }
  };
}
function applyH(Hm, x, y) { const d = Hm[6] * x + Hm[7] * y + Hm[8]; return [(Hm[0] * x + Hm[1] * y + Hm[2]) / d, (Hm[3] * x + Hm[4] * y + Hm[5]) / d]; }

async function compose(card, sc) {
  const r = rng(sc.seed);
  let W, H, corners, cardW;
  if (sc.kind === 'scan') {
    const m = 40; W = card.w + 2 * m; H = card.h + 2 * m;
    corners = cardCorners(W / 2, H / 2, card.w, card.h, sc.angle || 0, 0, r);
  } else {
    W = sc.W || 1600; H = sc.H || 1200;
    cardW = sc.cardPx || Math.round(W * sc.cardFrac);
    const cardH = cardW * CH / CW;
    const cx = W / 2 + (r() - 0.5) * W * 0.08, cy = H / 2 + (r() - 0.5) * H * 0.08;
    corners = cardCorners(cx, cy, cardW, cardH, sc.angle, sc.persp || 0, r);
  }
  const src = [[0, 0], [card.w, 0], [card.w, card.h], [0, card.h]];
  const Hinv = homography(corners, src); // dest -> card pixels
  const bg = background(sc.kind === 'scan' ? 'scan' : sc.bg, W, H, sc.seed * 7 + 3);

  // shadow: card mask offset down-right, blurred, darkens background
  const off = sc.kind === 'scan' ? [2, 2] : [W * 0.008, W * 0.012];
  const mask = Buffer.alloc(W * H);
  const Hs = homography(corners.map(([x, y]) => [x + off[0], y + off[1]]), src);
  const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
  const bx0 = Math.max(0, Math.floor(Math.min(...xs)) - 2), bx1 = Math.min(W - 1, Math.ceil(Math.max(...xs)) + 2);
  const by0 = Math.max(0, Math.floor(Math.min(...ys)) - 2), by1 = Math.min(H - 1, Math.ceil(Math.max(...ys)) + 2);
  const smp = sampler(card), px = [0, 0, 0, 0];
  for (let y = Math.max(0, by0); y <= Math.min(H - 1, by1 + Math.ceil(off[1])); y++) for (let x = bx0; x <= Math.min(W - 1, bx1 + Math.ceil(off[0])); x++) {
    const [u, v] = applyH(Hs, x + 0.5, y + 0.5);
    if (u > -1 && v > -1 && u < card.w + 1 && v < card.h + 1) { smp(u - 0.5, v - 0.5, px); mask[y * W + x] = Math.round(px[3] * 255); }
  }
  const sh = await sharp(mask, { raw: { width: W, height: H, channels: 1 } }).blur(sc.kind === 'scan' ? 2 : Math.max(2, W * 0.008)).extractChannel(0).raw().toBuffer();
  const shOp = sc.kind === 'scan' ? 0.18 : 0.5;
  for (let i = 0; i < W * H; i++) { const f = 1 - shOp * sh[i] / 255; bg[i * 3] *= f; bg[i * 3 + 1] *= f; bg[i * 3 + 2] *= f; }

  // card (keep its coverage so glare only lands on the glossy card)
  const cov = new Float32Array(W * H);
  for (let y = by0; y <= by1; y++) for (let x = bx0; x <= bx1; x++) {
    const [u, v] = applyH(Hinv, x + 0.5, y + 0.5);
    if (u < -1 || v < -1 || u > card.w + 1 || v > card.h + 1) continue;
    smp(u - 0.5, v - 0.5, px);
    if (px[3] <= 0) continue;
    const i = (y * W + x) * 3, a = px[3];
    cov[y * W + x] = a;
    bg[i] = bg[i] * (1 - a) + px[0]; bg[i + 1] = bg[i + 1] * (1 - a) + px[1]; bg[i + 2] = bg[i + 2] * (1 - a) + px[2];
  }

  // lighting gradient + vignette, glare, noise
  const lo = sc.light ? sc.light[0] : 1, hi = sc.light ? sc.light[1] : 1;
  const th = (sc.lightDir || 0) * Math.PI / 180, ct = Math.cos(th), st = Math.sin(th), half = Math.hypot(W, H) / 2;
  let glare = null;
  if (sc.glare) { // position given in card fractions -> bilinear point on the dest quad
    const { u, v } = sc.glare, [A, B, C, D] = corners;
    const gx = (A[0] * (1 - u) + B[0] * u) * (1 - v) + (D[0] * (1 - u) + C[0] * u) * v;
    const gy = (A[1] * (1 - u) + B[1] * u) * (1 - v) + (D[1] * (1 - u) + C[1] * u) * v;
    glare = { x: gx, y: gy, rx: sc.glare.r * 1.6, ry: sc.glare.r, k: sc.glare.k, a: (sc.angle || 0) * Math.PI / 180 + 0.4 };
  }
  const warm = sc.warm ? [1.05, 1.0, 0.86] : (sc.kind === 'scan' ? [1, 1, 1] : [1.02, 1.0, 0.95]);
  const out = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const i = (y * W + x) * 3;
    let L = 1;
    if (sc.kind !== 'scan') {
      const tt = Math.max(0, Math.min(1, ((x - W / 2) * ct + (y - H / 2) * st) / half * 0.5 + 0.5));
      const rr = Math.hypot(x - W / 2, y - H / 2) / half;
      L = (lo + (hi - lo) * tt) * (1 - 0.18 * rr * rr);
    }
    let g = 0;
    if (glare) {
      const dx = x - glare.x, dy = y - glare.y, ca = Math.cos(glare.a), sa = Math.sin(glare.a);
      const qx = (dx * ca + dy * sa) / glare.rx, qy = (-dx * sa + dy * ca) / glare.ry;
      g = glare.k * Math.exp(-(qx * qx + qy * qy) * 1.2) * cov[y * W + x];
    }
    const nz = sc.noise ? gauss(r) * sc.noise : 0;
    for (let c = 0; c < 3; c++) {
      let v = bg[i + c] * L * warm[c];
      v = v + (255 - v) * g;
      v += nz + (sc.noise ? gauss(r) * sc.noise * 0.35 : 0);
      out[i + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  let img = sharp(out, { raw: { width: W, height: H, channels: 3 } });
  const blur = sc.kind === 'scan' ? 0.45 : sc.blur;
  if (blur && blur >= 0.3) img = img.blur(blur);
  return img;
}

// ---------------------------------------------------------------- PDF (one page, image only)
function jpegToPdf(jpeg, wPx, hPx, dpi) {
  const pw = 612, ph = 792; // US letter, card placed at physical size, 0.6 in from top-left
  const iw = wPx * 72 / dpi, ih = hPx * 72 / dpi, x = 43, y = ph - 43 - ih;
  const content = `q ${iw.toFixed(2)} 0 0 ${ih.toFixed(2)} ${x} ${y.toFixed(2)} cm /Im0 Do Q\n`;
  const parts = []; const offs = []; let len = 0;
  const push = (b) => { const buf = Buffer.isBuffer(b) ? b : Buffer.from(b, 'binary'); parts.push(buf); len += buf.length; };
  push('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n');
  const obj = (n, body) => { offs[n] = len; push(`${n} 0 obj\n`); body(); push('\nendobj\n'); };
  obj(1, () => push('<< /Type /Catalog /Pages 2 0 R >>'));
  obj(2, () => push('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  obj(3, () => push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw} ${ph}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`));
  obj(4, () => { push(`<< /Type /XObject /Subtype /Image /Width ${wPx} /Height ${hPx} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`); push(jpeg); push('\nendstream'); });
  obj(5, () => push(`<< /Length ${content.length} >>\nstream\n${content}endstream`));
  const xref = len;
  let x_ = 'xref\n0 6\n0000000000 65535 f \n';
  for (let n = 1; n <= 5; n++) x_ += String(offs[n]).padStart(10, '0') + ' 00000 n \n';
  push(x_ + `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------- expected JSON
const e164 = (d) => `+1${d}`;
function expected(card, sideInfo) {
  const o = {};
  for (const f of FIELDS) o[f] = sideInfo.shows.includes(f) ? card.d[f] : null;
  const phones = sideInfo.phones.filter((p) => p.digits).map((p) => ({ label: p.label, number: e164(p.digits), kind: p.kind }));
  o.phones = phones;
  const beh = phones.filter((p) => p.kind === 'behavioral'), prov = phones.filter((p) => p.kind === 'provider');
  const primary = beh[0] || prov[0] || null;
  o.insurancePhone = primary ? primary.number : null;
  o.insurancePhoneAlternates = [...beh, ...prov].map((p) => p.number).filter((n) => n !== o.insurancePhone);
  return o;
}

// ---------------------------------------------------------------- main
async function main() {
  const only = process.argv[2];
  for (const card of cards) {
    if (only && !card.name.includes(only)) continue;
    for (const side of ['front', 'back']) {
      const info = card[side](card.d);
      const sc = card.scene[side];
      let px = CW;
      if (sc.kind === 'photo') px = Math.round((sc.W || 1600) * sc.cardFrac * 1.15);
      if (sc.kind === 'hard') px = Math.round(sc.cardPx * 1.15);
      const raster = await rasterCard(cardSvg(info.body, px, info.bg));
      const img = await compose(raster, sc);
      const base = path.join(OUT, `${card.name}-${side}`);
      for (const ext of ['jpg', 'png', 'pdf']) { try { fs.unlinkSync(`${base}.${ext}`); } catch (e) { /* none */ } }
      let file;
      if (sc.fmt === 'png') { file = `${base}.png`; await img.png({ compressionLevel: 9 }).withMetadata({ density: 300 }).toFile(file); }
      else if (sc.fmt === 'pdf') {
        const { data, info: ii } = await img.jpeg({ quality: sc.q || 90 }).toBuffer({ resolveWithObject: true });
        file = `${base}.pdf`; fs.writeFileSync(file, jpegToPdf(data, ii.width, ii.height, 300));
      } else {
        file = `${base}.jpg`;
        img.jpeg({ quality: sc.q || 80 });
        if (sc.kind === 'scan') img.withMetadata({ density: 300 });
        await img.toFile(file);
      }
      fs.writeFileSync(`${base}.expected.json`, JSON.stringify(expected(card, info), null, 2) + '\n');
      console.log(path.basename(file));
    }
  }
}
if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
module.exports = { cards };
