#!/usr/bin/env node
/**
 * Generates de-identified, photo-like insurance card images into fixtures/cards/ (fictional
 * members, fictional IDs in the payers' real formats), each with <name>.expected.json, plus the
 * hostile inputs the card reader must refuse. Run: node scripts/make-card-fixtures.js
 *
 * Cards are drawn as SVG (rendered by sharp's librsvg with the DejaVu fonts every Debian has),
 * then made to look photographed: laid on a textured desk, tilted, sheared, blurred, noised and
 * saved as JPEG q70-85. Optional tools: heif-enc (libheif-examples) for the HEIC fixture and qpdf
 * for the encrypted PDF; without them those two are skipped (their committed copies stay).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');
const sharp = require('sharp');

const OUT = path.join(__dirname, '..', 'fixtures', 'cards');
const W = 1011; // a CR80 card at 300 dpi
const H = 638;

// Deterministic randomness so regenerating gives the same files.
let seed = 20240611;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Text element. */
function t(x, y, s, { size = 26, weight = 'normal', family = 'DejaVu Sans', fill = '#111', anchor = 'start' } = {}) {
  return `<text x="${x}" y="${y}" font-family="${family}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${esc(s)}</text>`;
}

function logoShape(kind, x, y, colour) {
  switch (kind) {
    case 'circle':
      return `<circle cx="${x + 28}" cy="${y + 28}" r="28" fill="${colour}"/><circle cx="${x + 28}" cy="${y + 28}" r="14" fill="#fff"/>`;
    case 'cross':
      return `<rect x="${x + 18}" y="${y}" width="20" height="56" fill="${colour}"/><rect x="${x}" y="${y + 18}" width="56" height="20" fill="${colour}"/>`;
    case 'shield':
      return `<path d="M${x} ${y} h56 v30 q0 22 -28 30 q-28 -8 -28 -30 z" fill="${colour}"/>`;
    case 'wave':
      return `<path d="M${x} ${y + 40} q14 -30 28 0 t28 0 v16 h-56 z" fill="${colour}"/>`;
    default:
      return `<rect x="${x}" y="${y}" width="56" height="56" rx="12" fill="${colour}"/>`;
  }
}

function cardSvg(body, { bg = '#ffffff', band = '#1d4f91', bandHeight = 0, accent = null } = {}) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect x="0" y="0" width="${W}" height="${H}" rx="36" fill="${bg}"/>
  ${bandHeight ? `<rect x="0" y="0" width="${W}" height="${bandHeight}" rx="0" fill="${band}"/>` : ''}
  ${accent ? `<rect x="0" y="${H - 40}" width="${W}" height="40" fill="${accent}"/>` : ''}
  ${body}
</svg>`;
}

/** Front layouts: inline "Label: value" rows, or labels with values under them. */
function frontBody(c) {
  const f = c.font;
  const head = c.header === 'band'
    ? logoShape(c.logo, 40, 22, '#ffffff') + t(112, 66, c.printedPayer, { size: 40, weight: 'bold', fill: '#fff', family: f })
    : logoShape(c.logo, 40, 28, c.colour) + t(112, 72, c.printedPayer, { size: 42, weight: 'bold', fill: c.colour, family: f });
  let out = head + (c.plan ? t(W - 40, 72, c.plan, { size: 26, anchor: 'end', fill: c.header === 'band' ? '#fff' : '#333', family: f }) : '');
  if (c.layout === 'stacked') {
    const cols = [60, 560];
    const rows = c.frontRows;
    rows.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (!cell) return;
        const y = 175 + i * 100;
        out += t(cols[j], y, cell[0], { size: 22, fill: '#555', family: f });
        out += t(cols[j], y + 38, cell[1], { size: 32, weight: 'bold', family: f });
      });
    });
  } else {
    c.frontRows.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (!cell) return;
        const x = j === 0 ? 60 : 600;
        const y = 180 + i * 62;
        out += t(x, y, cell[1] === '' ? cell[0] : `${cell[0]} ${cell[1]}`, { size: j === 0 ? 30 : 27, weight: j === 0 && i < 2 ? 'bold' : 'normal', family: f });
      });
    });
  }
  if (c.footer) out += t(60, H - 60, c.footer, { size: 22, fill: '#333', family: f });
  return out;
}

function backBody(c) {
  const f = c.font;
  let out = '';
  let y = 70;
  for (const line of c.back) {
    out += t(50, y, line, { size: line.length > 56 ? 22 : 25, family: f, weight: /^[A-Z][A-Za-z ]+:?$/.test(line) ? 'bold' : 'normal' });
    y += 44;
  }
  return out;
}

function deskSvg(w, h, hue) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
  <filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.004 0.09" numOctaves="3" seed="${Math.floor(rand() * 100)}"/>
  <feColorMatrix type="matrix" values="0 0 0 0 ${hue[0]}  0 0 0 0 ${hue[1]}  0 0 0 0 ${hue[2]}  0 0 0 -0.9 1"/></filter>
  <rect width="100%" height="100%" fill="rgb(${Math.round(hue[0] * 255)},${Math.round(hue[1] * 255)},${Math.round(hue[2] * 255)})"/>
  <rect width="100%" height="100%" filter="url(#n)" opacity="0.55"/>
</svg>`;
}

/** Card PNG laid on a desk photo: tilt, shear, blur, noise, vignette; returns JPEG bytes. */
async function photograph(cardPng, { width = 2016, height = 1512, angle = 4, shear = 0.03, scale = 0.6, quality = 78, blur = 0.8, desk = [0.45, 0.3, 0.18] } = {}) {
  const cardW = Math.round(width * scale);
  const card = await sharp(cardPng).resize({ width: cardW }).png().toBuffer();
  // A slight shear stands in for the perspective of a hand-held shot.
  const tilted = await sharp(card)
    .affine([[1, shear], [shear * 0.4, 1]], { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .rotate(angle, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  const shadow = await sharp(tilted.data).extractChannel('alpha').toColourspace('b-w').linear(0.5, 0).blur(12).toBuffer();
  const shadowRgba = await sharp({ create: { width: tilted.info.width, height: tilted.info.height, channels: 3, background: '#000' } })
    .joinChannel(shadow)
    .png()
    .toBuffer();
  const bg = await sharp(Buffer.from(deskSvg(width, height, desk))).png().toBuffer();
  const left = Math.round((width - tilted.info.width) * (0.35 + rand() * 0.3));
  const top = Math.round((height - tilted.info.height) * (0.35 + rand() * 0.3));
  const noise = Buffer.alloc(width * height);
  for (let i = 0; i < noise.length; i++) noise[i] = 128 + Math.round((rand() - 0.5) * 36);
  const noisePng = await sharp(noise, { raw: { width, height, channels: 1 } }).png().toBuffer();
  const composed = await sharp(bg)
    .composite([
      { input: shadowRgba, left: left + 14, top: top + 18 },
      { input: tilted.data, left, top },
      { input: noisePng, blend: 'overlay' },
    ])
    .png()
    .toBuffer();
  return sharp(composed).blur(blur).modulate({ brightness: 0.95 + rand() * 0.1 }).jpeg({ quality, mozjpeg: false }).toBuffer();
}

// ---------------------------------------------------------------------------------------------
// The cards. Members, IDs and numbers are fictional (555-01xx lines are not used because card
// phones must be real-looking NANP numbers; these are made-up exchanges).

const CARDS = [
  {
    name: 'aetna', printedPayer: 'aetna', payer: 'Aetna', colour: '#7d3f98', logo: 'circle', header: 'plain', layout: 'inline', font: 'DejaVu Sans', plan: 'Choice POS II',
    frontRows: [[['Member:', 'JANE Q SAMPLE']], [['ID', 'W284619375']], [['Group', '0812345'], ['Rx BIN', '610502']], [['PCP', 'DR R ALVAREZ'], ['Rx PCN', 'ADV']], [['Office Visit $25'], ['RxGRP', 'RX8839']]].map((r) => r.map((c) => (c.length === 1 ? [c[0], ''] : c))),
    fields: { memberId: 'W284619375', groupNumber: '0812345', memberName: 'JANE Q SAMPLE', rxBin: '610502', rxPcn: 'ADV', rxGroup: 'RX8839' },
    back: ['Member Services: 1-888-632-3862', 'Provider Services: 1-800-624-0756', 'Behavioral Health: 1-800-424-4047', 'Pharmacists: 1-866-782-2779', 'Submit medical claims to: Aetna, P.O. Box 981106', 'El Paso, TX 79998-1106   Payer ID 60054', 'This card does not guarantee coverage.  www.aetna.com'],
    phones: [['Member Services', '+18886323862'], ['Provider Services', '+18006240756'], ['Behavioral Health', '+18004244047'], ['Pharmacy', '+18667822779']],
    photo: { width: 4032, height: 3024, angle: -5, scale: 0.55, quality: 72 },
  },
  {
    name: 'uhc', printedPayer: 'UnitedHealthcare', payer: 'UnitedHealthcare', colour: '#002677', logo: 'wave', header: 'plain', layout: 'inline', font: 'DejaVu Sans', plan: 'Choice Plus',
    frontRows: [[['Member ID:', '947261385']], [['Member:', 'MARCUS T EXAMPLE']], [['Group Number:', '705214'], ['Rx Bin:', '610279']], [['Payer ID: 87726', ''], ['Rx PCN:', '9999']], [['', ''], ['Rx Grp:', 'UHEALTH']]],
    fields: { memberId: '947261385', groupNumber: '705214', memberName: 'MARCUS T EXAMPLE', rxBin: '610279', rxPcn: '9999', rxGroup: 'UHEALTH' },
    back: ['For Members:   866-414-1959', 'Mental Health:   800-788-4708', 'For Providers:   877-842-3210', 'Pharmacy Claims: OptumRx PO Box 29077 Hot Springs AR', 'Medical Claims: PO Box 740800 Atlanta GA 30374-0800', 'UnitedHealthcare Choice Plus   www.uhcprovider.com'],
    phones: [['Member Services', '+18664141959'], ['Behavioral Health', '+18007884708'], ['Provider Services', '+18778423210']],
    photo: { angle: 3, scale: 0.62, quality: 80 },
  },
  {
    name: 'bcbs-texas', printedPayer: 'BlueCross BlueShield of Texas', payer: 'Blue Cross Blue Shield of Texas', colour: '#0a5ca8', logo: 'cross', header: 'band', layout: 'stacked', font: 'DejaVu Sans Condensed', plan: 'PPO',
    frontRows: [[['Member Name', 'OLIVIA R TESTER'], ['Group No.', '238776']], [['Member ID', 'XOF836201945'], ['RxBIN', '004336']], [['Effective 01/01/2024', ''], ['RxPCN', 'ADV']]],
    fields: { memberId: 'XOF836201945', groupNumber: '238776', memberName: 'OLIVIA R TESTER', rxBin: '004336', rxPcn: 'ADV', rxGroup: null },
    back: ['Customer Service: 1-800-521-2227', 'Provider Services: 1-800-451-0287', 'Behavioral Health: 1-800-528-7264', 'Precertification: 1-800-441-9188', 'Submit claims to: P.O. Box 660044, Dallas, TX 75266-0044', 'Pharmacists: call 1-800-624-5060', 'www.bcbstx.com'],
    phones: [['Customer Service', '+18005212227'], ['Provider Services', '+18004510287'], ['Behavioral Health', '+18005287264'], ['Precertification', '+18004419188'], ['Pharmacy', '+18006245060']],
    photo: { angle: -3, scale: 0.58, quality: 75, desk: [0.62, 0.6, 0.58] },
  },
  {
    name: 'cigna', printedPayer: 'Cigna', payer: 'Cigna', colour: '#0470b8', logo: 'shield', header: 'plain', layout: 'inline', font: 'DejaVu Serif', plan: 'Open Access Plus',
    frontRows: [[['Name:', 'DAVID K PLACEHOLDER']], [['ID:', 'U39018427 01']], [['Group:', '3334567'], ['RxBIN', '017010']], [['Network: OAP', ''], ['RxPCN', '02IGNA']], [['', ''], ['RxGrp', 'OAPRX']]],
    fields: { memberId: 'U3901842701', groupNumber: '3334567', memberName: 'DAVID K PLACEHOLDER', rxBin: '017010', rxPcn: '02IGNA', rxGroup: 'OAPRX' },
    back: ['Customer Service: 1-800-244-6224', 'Behavioral Health: 1-800-926-2273', 'Provider inquiries: 1-800-882-4462', 'Send claims to: Cigna, PO Box 188061, Chattanooga TN', 'Payer ID 62308    www.cigna.com'],
    phones: [['Customer Service', '+18002446224'], ['Behavioral Health', '+18009262273'], ['Provider Services', '+18008824462']],
    photo: { angle: 6, scale: 0.6, quality: 82, orientation: 6 },
  },
  {
    name: 'humana', printedPayer: 'Humana', payer: 'Humana', colour: '#3f8f29', logo: 'square', header: 'plain', layout: 'stacked', font: 'DejaVu Sans', plan: 'Gold Plus HMO',
    frontRows: [[['Member Name', 'ROSA M SPECIMEN'], ['Group #', 'Y0040']], [['Member ID', 'H71940352'], ['RxBIN', '015581']], [['PCP: DR L CHEN', ''], ['RxPCN', '03200000']]],
    fields: { memberId: 'H71940352', groupNumber: 'Y0040', memberName: 'ROSA M SPECIMEN', rxBin: '015581', rxPcn: '03200000', rxGroup: null },
    back: ['Member Services: 1-800-457-4708 (TTY: 711)', 'Provider Services: 1-800-448-6262', 'Mental Health: 1-800-877-7195', 'Claims: Humana Claims Office, PO Box 14601', 'Lexington, KY 40512-4601', 'humana.com'],
    phones: [['Member Services', '+18004574708'], ['Provider Services', '+18004486262'], ['Behavioral Health', '+18008777195']],
    photo: { angle: -2, scale: 0.64, quality: 76, turn180: true },
  },
  {
    name: 'anthem', printedPayer: 'Anthem Blue Cross', payer: 'Anthem Blue Cross', colour: '#1a3673', logo: 'cross', header: 'plain', layout: 'inline', font: 'DejaVu Sans Condensed', plan: 'PPO',
    frontRows: [[['Member', 'KEVIN J FICTION']], [['Identification Number', 'XEA908172634']], [['Group Number', '170293M019'], ['RxBIN 020099', '']], [['Plan Code 040', ''], ['RxPCN IS', '']], [['', ''], ['RxGRP WK5A', '']]],
    fields: { memberId: 'XEA908172634', groupNumber: '170293M019', memberName: 'KEVIN J FICTION', rxBin: '020099', rxPcn: 'IS', rxGroup: 'WK5A' },
    back: ['Member Services 1-800-888-8345', 'Behavioral Health 1-888-831-2246', 'Provider Services 1-800-677-6669', 'Precert 1-800-274-7767', 'Submit claims to your local Blue Cross plan', 'Anthem Blue Cross, P.O. Box 60007, Los Angeles CA 90060'],
    phones: [['Member Services', '+18008888345'], ['Behavioral Health', '+18888312246'], ['Provider Services', '+18006776669'], ['Precertification', '+18002747767']],
    photo: { width: 4032, height: 3024, angle: 2, scale: 0.5, quality: 70, desk: [0.2, 0.22, 0.25] },
  },
  {
    name: 'kaiser', backPayer: null, printedPayer: 'KAISER PERMANENTE', payer: 'Kaiser Permanente', colour: '#006ba6', logo: 'circle', header: 'plain', layout: 'stacked', font: 'DejaVu Sans', plan: 'HMO',
    frontRows: [[['Name', 'LINDA P DUMMY'], ['', '']], [['MRN', '11038462'], ['Group', '604512']]],
    fields: { memberId: '11038462', groupNumber: '604512', memberName: 'LINDA P DUMMY', rxBin: null, rxPcn: null, rxGroup: null },
    back: ['Member Services 1-800-464-4000', 'Behavioral Health 1-800-900-3277', 'Advice Nurse 1-866-454-8855', 'Emergencies: call 911 or go to the nearest hospital', 'Providers: call 1-800-390-3510 for eligibility', 'kp.org'],
    phones: [['Member Services', '+18004644000'], ['Behavioral Health', '+18009003277'], ['Nurse Line', '+18664548855'], ['Provider Services', '+18003903510']],
    photo: { angle: -4, scale: 0.6, quality: 80, format: 'webp' },
  },
  {
    name: 'medicare', printedPayer: 'MEDICARE HEALTH INSURANCE', payer: 'Medicare', colour: '#1b3d6d', logo: 'square', header: 'band', layout: 'stacked', font: 'DejaVu Sans', plan: '',
    frontRows: [[['Name/Nombre', 'HAROLD W SAMPLE'], ['', '']], [['Medicare Number/Numero de Medicare', '5TQ9-JE2-RK41'], ['', '']], [['Entitled to HOSPITAL (PART A)', '03-01-2019'], ['', '']]],
    fields: { memberId: '5TQ9JE2RK41', groupNumber: null, memberName: 'HAROLD W SAMPLE', rxBin: null, rxPcn: null, rxGroup: null },
    back: ['1-800-MEDICARE (1-800-633-4227)', 'TTY 1-877-486-2048', 'Medicare.gov', 'Show this card to your doctors and hospitals.', 'Keep it with you when you travel.'],
    phones: [['Phone', '+18006334227'], ['TTY', '+18774862048']],
    photo: { angle: 1.5, scale: 0.6, quality: 84, format: 'png-scan' },
  },
  {
    name: 'medi-cal', printedPayer: 'Medi-Cal', payer: 'Medi-Cal', colour: '#c8102e', logo: 'wave', header: 'plain', layout: 'stacked', font: 'DejaVu Sans', plan: 'BENEFITS IDENTIFICATION CARD',
    frontRows: [[['ID NO.', '93620418A73015'], ['', '']], [['', 'CARMEN L EJEMPLO'], ['', '']], [['DATE OF BIRTH 04 17 1988', ''], ['ISSUE DATE 03 15 24', '']]],
    fields: { memberId: '93620418A73015', groupNumber: null, memberName: 'CARMEN L EJEMPLO', rxBin: null, rxPcn: null, rxGroup: null },
    back: ['STATE OF CALIFORNIA', 'Department of Health Care Services', 'This card is for identification only and', 'does not guarantee eligibility.', 'Providers must verify eligibility: 1-800-541-5555', 'Member Help Line 1-800-541-5555'],
    phones: [['Provider Services', '+18005415555'], ['Member Services', '+18005415555']],
    photo: { angle: -6, scale: 0.55, quality: 74, format: 'heic' },
  },
  {
    name: 'molina', backPayer: null, printedPayer: 'MOLINA HEALTHCARE', payer: 'Molina Healthcare', colour: '#009ca6', logo: 'shield', header: 'band', layout: 'inline', font: 'DejaVu Sans', plan: 'Marketplace',
    frontRows: [[['Member:', 'ANDRE B MOCKUP']], [['Member ID#', '102938475']], [['Group:', 'MKT2024'], ['RxBIN: 004336', '']], [['PCP: Valley Clinic', ''], ['RxPCN: MCAIDADV', '']], [['', ''], ['RxGRP: RX5412', '']]],
    fields: { memberId: '102938475', groupNumber: 'MKT2024', memberName: 'ANDRE B MOCKUP', rxBin: '004336', rxPcn: 'MCAIDADV', rxGroup: 'RX5412' },
    back: ['Member Services: (888) 560-2025', 'Behavioral Health: (888) 560-4087', 'Provider Services: (855) 322-4075', '24-hour Nurse Advice Line: (888) 275-8750', 'Claims: PO Box 22816, Long Beach, CA 90801'],
    phones: [['Member Services', '+18885602025'], ['Behavioral Health', '+18885604087'], ['Provider Services', '+18553224075'], ['Nurse Line', '+18882758750']],
    photo: { angle: 4, scale: 0.6, quality: 78, format: 'tiff' },
  },
  {
    name: 'ambetter', printedPayer: 'Ambetter Health', payer: 'Ambetter', colour: '#00804c', logo: 'circle', header: 'plain', layout: 'stacked', font: 'DejaVu Serif Condensed', plan: 'Silver',
    frontRows: [[['Subscriber', 'TANYA S EXEMPLAR'], ['Policy #', 'U70123456']], [['Member ID', 'U7012345601'], ['RxBIN', '004336']], [['Effective 02/01/2024', ''], ['RxPCN', 'ADV']], [['', ''], ['RxGRP', 'RX5459']]],
    fields: { memberId: 'U7012345601', groupNumber: null, memberName: 'TANYA S EXEMPLAR', rxBin: '004336', rxPcn: 'ADV', rxGroup: 'RX5459' },
    back: ['Member Services 1-877-687-1169', 'Behavioral Health 1-877-687-1169', 'Provider Services 1-877-687-1197', 'Medical Claims: PO Box 5010, Farmington MO 63640', 'Ambetter.com'],
    phones: [['Member Services', '+18776871169'], ['Behavioral Health', '+18776871169'], ['Provider Services', '+18776871197']],
    photo: { angle: -3, scale: 0.62, quality: 80, desk: [0.7, 0.66, 0.6] },
  },
  {
    name: 'oscar', printedPayer: 'oscar', payer: 'Oscar', colour: '#1f48ff', logo: 'square', header: 'plain', layout: 'inline', font: 'DejaVu Sans Mono', plan: 'EPO',
    frontRows: [[['Member:', 'PRIYA N SYNTHETIC']], [['Member ID:', 'OSC48201937']], [['Group:', 'IND'], ['RxBIN: 610011', '']], [['', ''], ['RxPCN: CTRXMEDD', '']]],
    fields: { memberId: 'OSC48201937', groupNumber: 'IND', memberName: 'PRIYA N SYNTHETIC', rxBin: '610011', rxPcn: 'CTRXMEDD', rxGroup: null },
    back: ['Member Services: 1-855-672-2755', 'Providers: 1-855-672-2788', 'Behavioral Health: 1-855-672-2755', 'Claims: Oscar Health, PO Box 52146, Phoenix AZ 85072', 'hioscar.com'],
    phones: [['Member Services', '+18556722755'], ['Provider Services', '+18556722788'], ['Behavioral Health', '+18556722755']],
    photo: { angle: 7, scale: 0.58, quality: 72 },
  },
];

function fieldsOf(c, side) {
  const empty = { payerName: null, memberId: null, groupNumber: null, memberName: null, rxBin: null, rxPcn: null, rxGroup: null, phones: [] };
  if (side === 'front') return { ...empty, payerName: c.payer, ...c.fields };
  return { ...empty, payerName: c.backPayer === undefined ? c.payer : c.backPayer, phones: c.phones.map(([label, number]) => ({ label, number })) };
}

async function write(name, bytes, expected) {
  fs.writeFileSync(path.join(OUT, name), bytes);
  if (expected) fs.writeFileSync(path.join(OUT, name.replace(/\.[^.]+$/, '') + '.expected.json'), JSON.stringify(expected, null, 2) + '\n');
}

function have(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A PDF with one full-page JPEG per page (DCTDecode), written by hand: no PDF library needed. */
function pdfOfJpegs(pages) {
  const objs = [];
  const add = (s) => objs.push(s) && objs.length;
  const catalog = add(null);
  const pagesObj = add(null);
  const kids = [];
  for (const p of pages) {
    const wPt = (p.width / 300) * 72;
    const hPt = (p.height / 300) * 72;
    const img = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`), p.jpeg, Buffer.from('\nendstream')]));
    const content = `q ${wPt.toFixed(2)} 0 0 ${hPt.toFixed(2)} 0 0 cm /Im0 Do Q`;
    const cs = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${wPt.toFixed(2)} ${hPt.toFixed(2)}] /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${cs} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let len = chunks[0].length;
  objs.forEach((o, i) => {
    offsets.push(len);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(o) ? o : Buffer.from(o), Buffer.from('\nendobj\n')]);
    chunks.push(b);
    len += b.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${len}\n%%EOF\n`;
  chunks.push(Buffer.from(xref));
  return Buffer.concat(chunks);
}

/** A PNG that declares `w`x`h` pixels but holds a few bytes: an image bomb's header. */
function pngBomb(w, h) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // A stream of zero rows compresses to almost nothing: the real bombs look like this.
  const idat = zlib.deflateSync(Buffer.alloc(w + 1), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  let heicDone = false;
  const pdfPages = [];
  for (const c of CARDS) {
    for (const side of ['front', 'back']) {
      const svg = cardSvg(side === 'front' ? frontBody(c) : backBody(c), side === 'front' ? { band: c.colour, bandHeight: c.header === 'band' ? 110 : 0, accent: c.colour } : { bg: '#fbfbf8' });
      const cardPng = await sharp(Buffer.from(svg)).png().toBuffer();
      const expected = { side, fields: fieldsOf(c, side) };
      const base = `${c.name}-${side}`;
      const opts = { ...c.photo };
      if (side === 'back') {
        // Backs are photographed separately: a different tilt, never 12 MP (keeps the set small).
        opts.angle = -(opts.angle ?? 3) / 2;
        opts.width = 2016;
        opts.height = 1512;
      }
      if (c.name === 'uhc') pdfPages.push({ jpeg: await sharp(cardPng).flatten({ background: '#fff' }).jpeg({ quality: 85 }).toBuffer(), width: W, height: H, side, expected });
      if (opts.format === 'png-scan' && side === 'front') {
        // A flatbed scan: straight, white surround, lossless.
        const scan = await sharp(cardPng).extend({ top: 40, bottom: 40, left: 40, right: 40, background: '#ffffff' }).flatten({ background: '#ffffff' }).png().toBuffer();
        await write(`${base}.png`, scan, expected);
        continue;
      }
      let jpeg = await photograph(cardPng, opts);
      if (opts.format === 'webp' && side === 'front') {
        await write(`${base}.webp`, await sharp(jpeg).webp({ quality: 80 }).toBuffer(), expected);
        continue;
      }
      if (opts.format === 'tiff' && side === 'front') {
        await write(`${base}.tiff`, await sharp(jpeg).tiff({ compression: 'jpeg', quality: 80 }).toBuffer(), expected);
        continue;
      }
      if (opts.format === 'heic' && side === 'front' && have('heif-enc')) {
        const tmpPng = path.join(OUT, '.tmp-heic.png');
        fs.writeFileSync(tmpPng, await sharp(jpeg).png().toBuffer());
        execFileSync('heif-enc', ['-q', '55', tmpPng, '-o', path.join(OUT, `${base}.heic`)], { stdio: 'ignore' });
        fs.unlinkSync(tmpPng);
        fs.writeFileSync(path.join(OUT, `${base}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
        heicDone = true;
        continue;
      }
      if (opts.orientation && side === 'front') {
        // A phone held sideways stores the pixels turned and says so in the EXIF tag.
        jpeg = await sharp(jpeg).rotate(-90).withMetadata({ orientation: opts.orientation }).jpeg({ quality: opts.quality ?? 80 }).toBuffer();
      } else if (opts.turn180 && side === 'front') {
        // Upside down with no EXIF tag to say so: only OCR can tell.
        jpeg = await sharp(jpeg).rotate(180).jpeg({ quality: opts.quality ?? 80 }).toBuffer();
      }
      await write(`${base}.jpg`, jpeg, expected);
    }
  }

  // Front and back of one card as a two-page PDF (as scanned at a front desk).
  await write('uhc-card.pdf', pdfOfJpegs(pdfPages), { pages: pdfPages.map((p) => p.expected) });

  // Not cards: a driver licence and a treatment center's signature logo.
  const dl = cardSvg(
    logoShape('shield', 40, 24, '#8a1c1c') + t(110, 70, 'CALIFORNIA', { size: 44, weight: 'bold', fill: '#8a1c1c' }) + t(W - 40, 70, 'DRIVER LICENSE', { size: 30, anchor: 'end', weight: 'bold' }) +
      `<rect x="50" y="130" width="230" height="300" fill="#b9c4cf"/>` +
      t(320, 160, 'DL I8420157', { size: 30, weight: 'bold' }) + t(700, 160, 'CLASS C', { size: 26 }) +
      t(320, 210, 'EXP 08/31/2028', { size: 26 }) + t(320, 260, 'LN SAMPLE', { size: 28 }) + t(320, 300, 'FN JORDAN', { size: 28 }) +
      t(320, 345, '1234 ANY STREET, SACRAMENTO CA 95814', { size: 22 }) + t(320, 395, 'DOB 07/14/1991', { size: 26 }) +
      t(320, 440, 'SEX M  HGT 5-10  WGT 170  EYES BRN  HAIR BLK', { size: 22 }) + t(320, 490, 'ISS 08/31/2023  RSTR NONE  DONOR', { size: 22 }),
    { bg: '#eef2f6', accent: '#8a1c1c' },
  );
  await write('drivers-license.jpg', await photograph(await sharp(Buffer.from(dl)).png().toBuffer(), { angle: -3, scale: 0.6 }), { side: 'not-a-card' });
  const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="260"><rect width="900" height="260" fill="#fff"/>
    <circle cx="120" cy="130" r="80" fill="#f2a541"/><path d="M60 160 q60 -90 120 0 z" fill="#fff"/>
    ${t(230, 120, 'Sunrise Recovery Center', { size: 52, weight: 'bold', fill: '#2b4162' })}${t(232, 170, 'Admissions  |  (714) 555-0182  |  Fax (714) 555-0183', { size: 26, fill: '#555' })}
    ${t(232, 210, 'www.sunrise-recovery.example', { size: 24, fill: '#555' })}</svg>`;
  await write('signature-logo.png', await sharp(Buffer.from(logo)).png().toBuffer(), { side: 'not-a-card' });

  // Hostile inputs.
  const good = fs.readFileSync(path.join(OUT, 'uhc-back.jpg'));
  const corrupt = Buffer.from(good.subarray(0, 4000));
  for (let i = 600; i < corrupt.length; i += 7) corrupt[i] = (corrupt[i] * 31 + 7) & 0xff;
  await write('corrupt.jpg', corrupt, null);
  await write('image-bomb.png', pngBomb(60000, 60000), null);
  const blank = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } }).jpeg().toBuffer();
  await write('six-pages.pdf', pdfOfJpegs(Array.from({ length: 6 }, () => ({ jpeg: blank, width: 300, height: 200 }))), null);
  if (have('qpdf')) {
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', path.join(OUT, 'uhc-card.pdf'), path.join(OUT, 'encrypted.pdf')]);
  }
  if (!heicDone) console.error('heif-enc not found: HEIC fixture not regenerated');
  const total = fs.readdirSync(OUT).reduce((s, f) => s + fs.statSync(path.join(OUT, f)).size, 0);
  console.log(`fixtures/cards: ${fs.readdirSync(OUT).length} files, ${(total / 1e6).toFixed(1)} MB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
