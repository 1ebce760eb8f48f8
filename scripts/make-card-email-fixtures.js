#!/usr/bin/env node
'use strict';
/**
 * Writes fixtures/emails/card-*.eml: VOB requests that carry insurance-card attachments from
 * fixtures/cards (photos, HEIC, WebP, TIFF, PDF, a driver licence, corrupt files), as intake
 * staff send them: attached, inline cid: images, forwarded as message/rfc822. People and
 * centers are fictional; domains are .test. The expected documents beside them were checked
 * by hand against the card images.
 */
const fs = require('node:fs');
const path = require('node:path');
const MailComposer = require('nodemailer/lib/mail-composer');

const root = path.join(__dirname, '..');
const cards = path.join(root, 'fixtures', 'cards');
const out = path.join(root, 'fixtures', 'emails');
const card = (file) => ({ filename: file, path: path.join(cards, file) });

function build(options) {
  return new Promise((resolve, reject) => {
    new MailComposer({ date: new Date('2025-03-04T16:20:00Z'), to: 'verification@vob.test', ...options })
      .compile()
      .build((err, message) => (err ? reject(err) : resolve(message)));
  });
}

const messages = {
  'card-complete-photos': {
    from: 'Lena Brooks <lbrooks@harbor-recovery.test>',
    subject: 'VOB - new admit',
    messageId: '<card-complete-photos@harbor-recovery.test>',
    text: [
      'Hi team, please verify benefits:',
      '',
      'Client Name: Jane Q Sample',
      'DOB: 04/17/1988',
      'Address: 2210 Olive Ave, Fresno, CA 93721',
      'Insurance: Aetna',
      'Member ID: W284619375',
      'Insurance phone: 800-624-0756',
      'Subscriber: Jane Q Sample (self)',
      'Referred by: Harbor Recovery Center',
      '',
      'Card front and back attached.',
      '',
      'Thanks,',
      'Lena Brooks',
      'Harbor Recovery Center | Phone (559) 555-0144 | Fax (559) 555-0145',
    ].join('\n'),
    attachments: [card('aetna-front.jpg'), card('aetna-back.jpg')],
  },
  'card-fills-missing': {
    from: 'Admissions <admissions@pinecrest-bh.test>',
    subject: 'Verification request',
    messageId: '<card-fills-missing@pinecrest-bh.test>',
    text: [
      'Please run a VOB. Insurance info is on the attached card.',
      '',
      'Name: Olivia R Tester',
      'DOB: 9/2/1979',
      'Address: 88 Sycamore Rd, Austin, TX 78704',
      'Policy holder: self',
      'Referral source: Pinecrest Behavioral Health',
    ].join('\n'),
    attachments: [card('bcbs-texas-front.jpg'), card('bcbs-texas-back.jpg')],
  },
  'card-conflict': {
    from: 'Intake <intake@lakeside-recovery.test>',
    subject: 'VOB request',
    messageId: '<card-conflict@lakeside-recovery.test>',
    text: [
      'Client: David K Placeholder',
      'Date of Birth: March 3, 1995',
      'Address: 19 Birch Ln Apt 2B, Columbus, OH 43215',
      'Insurance: Cigna',
      'ID#: U9988776',
      'Group: 3345678',
      'Ins Phone: (800) 997-1654',
      'Subscriber: Rosa Placeholder - mother',
      'Referred by: Lakeside Recovery',
    ].join('\n'),
    attachments: [card('cigna-front.jpg'), card('cigna-back.jpg')],
  },
  'card-only-subject': {
    from: 'frontdesk@serenity-house.test',
    subject: 'VOB please',
    messageId: '<card-only-subject@serenity-house.test>',
    text: 'See attached card, thank you!',
    attachments: [card('humana-front.jpg'), card('humana-back.jpg')],
  },
  'card-pdf-scan': {
    from: 'Records <records@bayview-treatment.test>',
    subject: 'Insurance verification - scan attached',
    messageId: '<card-pdf-scan@bayview-treatment.test>',
    text: [
      'Patient Name: Marcus T Example',
      'DOB: 1969-11-30',
      'Address: 501 Harbor Blvd',
      'Long Beach, California 90802',
      'Subscriber: Marcus T Example, self',
      'Referred By: Bayview Treatment Center',
    ].join('\n'),
    attachments: [card('uhc-card.pdf')],
  },
  'card-heic-and-licence': {
    from: 'Maria Intake <maria@valley-detox.test>',
    subject: 'VOB',
    messageId: '<card-heic-and-licence@valley-detox.test>',
    text: [
      'Client name: Carmen L Ejemplo',
      'DOB 12-08-1992',
      'Address: 7 Elm St, Sacramento, CA 95814',
      'Insurance: Medi-Cal',
      'Subscriber: self',
      'Referred by: Valley Detox',
      '',
      'Attached her Medi-Cal card and ID.',
    ].join('\n'),
    attachments: [card('medi-cal-front.heic'), card('medi-cal-back.jpg'), card('drivers-license.jpg')],
  },
  'card-unreadable-attachments': {
    from: 'intake@northstar-recovery.test',
    subject: 'VOB request',
    messageId: '<card-unreadable-attachments@northstar-recovery.test>',
    text: [
      'Client Name: Priya N Synthetic',
      'DOB: 01/05/2001',
      'Insurance: Oscar',
      'Member ID: OSC48201937',
      'Subscriber: Dev Synthetic (father)',
      'Referred by: Northstar Recovery',
    ].join('\n'),
    attachments: [card('corrupt.jpg'), card('encrypted.pdf'), card('image-bomb.png')],
  },
  'card-inline-cid': {
    from: 'Kim Staff <kim@riverbend-care.test>',
    subject: 'Benefits check',
    messageId: '<card-inline-cid@riverbend-care.test>',
    html: [
      '<p>Please verify:</p>',
      '<table><tr><td>Client</td><td>Kevin J Fiction</td></tr>',
      '<tr><td>DOB</td><td>06/30/1985</td></tr>',
      '<tr><td>Address</td><td>42 Wallaby Way, Denver, CO 80202</td></tr>',
      '<tr><td>Insurance</td><td>Anthem Blue Cross</td></tr>',
      '<tr><td>Subscriber</td><td>Kevin J Fiction (self)</td></tr>',
      '<tr><td>Referred by</td><td>Riverbend Care</td></tr></table>',
      '<p><img src="cid:front@riverbend"><img src="cid:back@riverbend"></p>',
      '<p>Kim<br>Riverbend Care<br>303-555-0170</p>',
    ].join('\n'),
    attachments: [
      { ...card('anthem-front.jpg'), cid: 'front@riverbend' },
      { ...card('anthem-back.jpg'), cid: 'back@riverbend' },
      { ...card('signature-logo.png'), cid: 'logo@riverbend' },
    ],
  },
};

async function main() {
  // A request forwarded as an attached message: its body and its card count.
  const inner = await build(messages['card-fills-missing']);
  messages['card-forwarded-rfc822'] = {
    from: 'Supervisor <lead@pinecrest-bh.test>',
    subject: 'Fwd: Verification request',
    messageId: '<card-forwarded-rfc822@pinecrest-bh.test>',
    text: 'Forwarding the request below, card included.',
    attachments: [{ filename: 'request.eml', content: inner, contentType: 'message/rfc822' }],
  };
  for (const [name, options] of Object.entries(messages)) {
    fs.writeFileSync(path.join(out, `${name}.eml`), await build(options));
    process.stdout.write(`wrote fixtures/emails/${name}.eml\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
});
