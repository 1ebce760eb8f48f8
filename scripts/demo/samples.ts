/**
 * The demo's sample mail: which fixtures are sent, what each one is meant to show, and how its
 * headers are rewritten so that every sample comes from a sender of its own (a .test address
 * whose mailbox the demo can read back) and goes to the demo's own verification mailbox.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SampleSpec {
  /** Short id; also the sender's subdomain, so no two samples share a center. */
  id: string;
  /** Fixture file under fixtures/emails. */
  fixture: string;
  /** What the sample is meant to show, printed in the report. */
  label: string;
  /** Whether an automatic reply is expected (a note in the report when it differs). */
  expectReply: boolean;
  /** Never replied to, whatever the extraction says (bounces, newsletters): a hard check. */
  mustNotReply?: boolean;
}

export const SAMPLES: readonly SampleSpec[] = [
  { id: 'plain-colon', fixture: 'body-plain-colon.eml', label: 'complete, "Label: value" lines', expectReply: false },
  { id: 'html-table', fixture: 'body-html-table-kv.eml', label: 'complete, HTML table', expectReply: false },
  { id: 'gmail-forward', fixture: 'body-gmail-forward.eml', label: 'forwarded request', expectReply: false },
  { id: 'multi-client', fixture: 'body-multi-client-blocks.eml', label: 'two clients, both incomplete', expectReply: true },
  { id: 'placeholders', fixture: 'body-placeholders.eml', label: 'incomplete, "N/A"/"TBD" values', expectReply: true },
  { id: 'phone-missing', fixture: 'body-signature-phone-only.eml', label: 'incomplete (insurance phone); answered below', expectReply: true },
  { id: 'card-fills', fixture: 'card-fills-missing.eml', label: 'card photos fill the missing fields', expectReply: false },
  { id: 'card-conflict', fixture: 'card-conflict.eml', label: 'card disagrees with the body', expectReply: false },
  { id: 'card-only', fixture: 'card-only-subject.eml', label: 'card photos only, no client details', expectReply: true },
  { id: 'bounce', fixture: 'body-bounce.eml', label: 'bounce (undeliverable notice)', expectReply: false, mustNotReply: true },
  { id: 'newsletter', fixture: 'body-newsletter.eml', label: 'newsletter', expectReply: false, mustNotReply: true },
];

/** The sample whose reply the demo answers, as the center would, in the same thread. */
export const ANSWERED_SAMPLE = 'phone-missing';

export interface PreparedMessage {
  id: string;
  label: string;
  fixture: string;
  sender: string;
  messageId: string;
  subject: string;
  raw: Buffer;
  expectReply: boolean;
  mustNotReply: boolean;
}

interface HeaderField {
  name: string;
  value: string;
}

function splitMessage(text: string): { fields: HeaderField[]; body: string } {
  const normalized = text.replace(/\r?\n/g, '\r\n');
  const end = normalized.indexOf('\r\n\r\n');
  const head = end >= 0 ? normalized.slice(0, end) : normalized;
  const body = end >= 0 ? normalized.slice(end + 4) : '';
  const fields: HeaderField[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]!.value += `\r\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) fields.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return { fields, body };
}

function joinMessage(fields: HeaderField[], body: string): Buffer {
  // latin1 in (readFileSync), latin1 out: the fixture's bytes are kept exactly, 8-bit bodies included.
  return Buffer.from(`${fields.map((f) => `${f.name}: ${f.value}`).join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

function header(fields: HeaderField[], name: string): string | null {
  const field = fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  return field ? field.value.replace(/\r\n[ \t]+/g, ' ') : null;
}

/** The display name of a From value (`Name <a@b>` → `Name`), or null. */
function displayName(from: string): string | null {
  const angle = from.indexOf('<');
  if (angle <= 0) return null;
  const name = from.slice(0, angle).trim().replace(/^"(.*)"$/, '$1');
  return name === '' ? null : name;
}

function localPart(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  const local = address.slice(0, address.lastIndexOf('@')).toLowerCase().replace(/[^a-z0-9._-]/g, '');
  return local === '' ? 'intake' : local;
}

/** Decodes an RFC 2047 subject just enough for the report (the service does its own parsing). */
export function decodeSubject(value: string | null): string {
  if (value === null) return '(no subject)';
  // A raw 8-bit header was read as latin1 with the rest of the fixture: take its bytes as UTF-8.
  const text = /[^\x00-\x7f]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
  return text.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, charset: string, enc: string, encoded: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(encoded, 'base64') : Buffer.from(encoded.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return new TextDecoder(/^utf-?8$/i.test(charset) ? 'utf-8' : 'latin1').decode(bytes);
  });
}

/**
 * The fixture with From/To (and Reply-To/Cc/Sender, if any) rewritten: the sender becomes
 * `<local part>@<id>.demo.test` with the original display name, the recipient the demo mailbox.
 * Everything else (Message-ID, Subject, MIME structure) is sent as is.
 */
export function prepareSample(spec: SampleSpec, fixturesDir: string, mailbox: string): PreparedMessage {
  const { fields, body } = splitMessage(readFileSync(path.join(fixturesDir, spec.fixture), 'latin1'));
  const from = header(fields, 'From') ?? '';
  const sender = `${localPart(from)}@${spec.id}.demo.test`;
  const name = displayName(from);
  const kept = fields.filter((f) => !/^(from|to|cc|reply-to|sender|return-path|delivered-to)$/i.test(f.name));
  const rewritten: HeaderField[] = [
    { name: 'From', value: name ? `${/^[\w .-]+$/.test(name) ? name : JSON.stringify(name)} <${sender}>` : sender },
    { name: 'To', value: `Verification <${mailbox}>` },
    ...kept,
  ];
  const messageId = header(fields, 'Message-ID');
  if (!messageId) throw new Error(`fixture ${spec.fixture} has no Message-ID`);
  return {
    id: spec.id,
    label: spec.label,
    fixture: spec.fixture,
    sender,
    messageId,
    subject: decodeSubject(header(fields, 'Subject')),
    raw: joinMessage(rewritten, body),
    expectReply: spec.expectReply,
    mustNotReply: spec.mustNotReply === true,
  };
}

/**
 * The center's answer to our reply: in the same thread (In-Reply-To our reply, References the
 * original and our reply), giving the missing insurance phone with the client's name and date
 * of birth, our reply quoted below as mail clients do.
 */
export function answerMessage(input: {
  original: PreparedMessage;
  reply: { messageId: string; subject: string; text: string; date: Date };
  mailbox: string;
  messageId: string;
}): PreparedMessage {
  const { original, reply, mailbox, messageId } = input;
  const quoted = reply.text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\r\n');
  const text = [
    'Hi,',
    '',
    'Here is the missing item:',
    '',
    'Client Name: Felix Grant',
    'DOB: 04/04/1984',
    'Insurance Phone Number: (800) 555-0177',
    '',
    'Thanks,',
    'Sara Lind',
    'Lakeside Treatment',
    '',
    `On ${reply.date.toUTCString()}, Verification <${mailbox}> wrote:`,
    quoted,
    '',
  ].join('\r\n');
  const subject = /^re\s*:/i.test(reply.subject) ? reply.subject : `Re: ${reply.subject}`;
  const raw = Buffer.from(
    [
      `From: Sara Lind <${original.sender}>`,
      `To: Verification <${mailbox}>`,
      `Subject: ${subject}`,
      `Message-ID: ${messageId}`,
      `In-Reply-To: ${reply.messageId}`,
      `References: ${original.messageId} ${reply.messageId}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      text,
    ].join('\r\n'),
    'utf8',
  );
  return {
    id: 'answer',
    label: `the center answers our reply to "${original.id}" in its thread`,
    fixture: '(written by the demo from the reply it read back)',
    sender: original.sender,
    messageId,
    subject,
    raw,
    expectReply: false,
    mustNotReply: false,
  };
}
