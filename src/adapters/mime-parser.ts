/**
 * mailparser → ParsedMessage. The only code that parses MIME; it enforces the size and
 * structure limits before mailparser sees the bytes, so a MIME bomb is refused cheaply.
 */
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { chooseBodyText } from '../domain/mime/choose-body-text';
import { htmlToText, STRUCK_OUT } from '../domain/mime/html-to-text';
import { repairTransitDamage } from '../domain/mime/transit-repair';
import { attachedText, attachedTextKind } from '../domain/mime/attached-text';
import type { MessageAttachment, MessageHeader, ParsedMessage } from '../domain/mime/parsed-message';
import { MessageRejectedError } from './message-rejected-error';

export interface MimeLimits {
  /** Largest raw message accepted, in bytes. */
  maxMessageBytes: number;
  /** Most MIME parts (counted as Content-Type header lines) in the whole message. */
  maxParts: number;
  /** Deepest multipart nesting (distinct multipart boundaries) accepted. */
  maxMultipartDepth: number;
  /** How many levels of attached messages (message/rfc822) are opened. */
  maxForwardDepth: number;
}

export const DEFAULT_MIME_LIMITS: MimeLimits = {
  maxMessageBytes: 30 * 1024 * 1024,
  maxParts: 300,
  maxMultipartDepth: 20,
  maxForwardDepth: 3,
};

const FORWARD_MARKER = '---------- Forwarded message ---------';

/** Parses one raw RFC 5322 message; throws MessageRejectedError when it is not a readable one. */
export async function parseMessage(raw: Uint8Array, limits: MimeLimits = DEFAULT_MIME_LIMITS): Promise<ParsedMessage> {
  const buffer = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  assertWithinLimits(buffer, limits);
  assertLooksLikeMessage(buffer);
  return parseChecked(buffer, limits, 0);
}

async function parseChecked(buffer: Buffer, limits: MimeLimits, depth: number): Promise<ParsedMessage> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(buffer, {
      skipImageLinks: true,
      skipTextLinks: true,
      skipTextToHtml: true,
      // The HTML is converted by our own htmlToText, which keeps table cells apart.
      skipHtmlToText: true,
      maxHtmlLengthToParse: 2 * 1024 * 1024,
    });
  } catch (err) {
    throw new MessageRejectedError('unparseable', `MIME parse failed: ${(err as Error).message}`);
  }
  const headers = headerList(mail);
  const attachments: MessageAttachment[] = [];
  const forwardedTexts: string[] = [];
  for (const att of mail.attachments) {
    const contentType = (att.contentType || 'application/octet-stream').toLowerCase();
    if (contentType === 'message/rfc822' && depth < limits.maxForwardDepth) {
      const inner = await parseChecked(att.content, limits, depth + 1).catch(() => null);
      if (inner) {
        forwardedTexts.push(forwardedBlock(inner));
        attachments.push(...inner.attachments);
        continue;
      }
    }
    attachments.push({
      filename: att.filename ?? null,
      contentType,
      content: new Uint8Array(att.content.buffer, att.content.byteOffset, att.content.byteLength),
      contentId: att.contentId ? att.contentId.replace(/^<|>$/g, '') : null,
      inline: att.contentDisposition === 'inline' || att.related === true,
    });
  }
  // A request written in an attached file ("VOB_Request.txt", an export's .csv, a saved form's
  // .htm or .rtf): its text is read first, as the body would be; the covering note follows it.
  const attachedTexts = mail.attachments.flatMap((att) => {
    const contentType = (att.contentType || 'application/octet-stream').toLowerCase();
    const kind = attachedTextKind(contentType, att.filename ?? null);
    if (kind === null || att.contentDisposition === 'inline' || att.related === true || att.content.byteLength > MAX_ATTACHED_TEXT_BYTES) return [];
    const text = attachedText(kind, decodeText(att.content, charsetOf(att.headers.get('content-type'))));
    return text === null ? [] : [text];
  });
  const ownText = [...attachedTexts, bodyText(mail)].filter((t) => t.length > 0).join('\n\n');
  const from = firstAddress(mail.from);
  const replyTo = firstAddress(mail.replyTo);
  return {
    messageId: mail.messageId ?? null,
    from: from?.address ?? null,
    fromName: from?.name || null,
    replyTo: replyTo ? { address: replyTo.address, name: replyTo.name || null } : null,
    subject: mail.subject ? repairTransitDamage(mail.subject).replace(/\s+/g, ' ').trim() : null,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    inReplyTo: mail.inReplyTo ?? null,
    references: Array.isArray(mail.references) ? mail.references : mail.references ? mail.references.split(/\s+/) : [],
    headers,
    contentType: topContentType(headers),
    // Mojibake, visible quoted-printable and full-width characters are read as their writer typed them.
    text: repairTransitDamage([ownText, ...forwardedTexts].filter((t) => t.length > 0).join('\n\n')),
    attachments,
  };
}

/** A text attachment larger than this is a log or an export of something else, not a request. */
const MAX_ATTACHED_TEXT_BYTES = 64 * 1024;

/** The charset a part's Content-Type names ("text/plain; charset=iso-8859-1"). */
function charsetOf(header: unknown): string | null {
  const params = (header as { params?: Record<string, string> } | undefined)?.params;
  return params?.charset ?? null;
}

/** Bytes in the charset they were written in; UTF-8 when it is not named or not known. */
function decodeText(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function bodyText(mail: ParsedMail): string {
  const plain = typeof mail.text === 'string' ? normaliseNewlines(mail.text) : '';
  const html = typeof mail.html === 'string' && mail.html.length > 0 ? normaliseNewlines(htmlToText(mail.html)) : '';
  return chooseBodyText(plain, html, typeof mail.html === 'string' && STRUCK_OUT.test(mail.html));
}

function forwardedBlock(inner: ParsedMessage): string {
  const lines = [FORWARD_MARKER];
  if (inner.fromName || inner.from) lines.push(`From: ${[inner.fromName, inner.from ? `<${inner.from}>` : null].filter(Boolean).join(' ')}`);
  if (inner.date) lines.push(`Date: ${inner.date}`);
  if (inner.subject) lines.push(`Subject: ${inner.subject}`);
  return `${lines.join('\n')}\n\n${inner.text}`;
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): { address: string; name: string } | null {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  for (const object of objects) {
    for (const entry of object.value) {
      if (entry.address && /^[^\s@]+@[^\s@]+$/.test(entry.address)) {
        return { address: entry.address.toLowerCase(), name: (entry.name || '').trim() };
      }
    }
  }
  return null;
}

function headerList(mail: ParsedMail): MessageHeader[] {
  return mail.headerLines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    const value = colon >= 0 ? line.slice(colon + 1) : '';
    return { name: key.toLowerCase(), value: value.replace(/\r?\n[ \t]+/g, ' ').trim() };
  });
}

function topContentType(headers: MessageHeader[]): string {
  const header = headers.find((h) => h.name === 'content-type');
  const type = header?.value.split(';')[0]?.trim().toLowerCase();
  return type && /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type) ? type : 'text/plain';
}

/** Cheap linear scans, before any parsing, so hostile structure costs nothing. */
function assertWithinLimits(buffer: Buffer, limits: MimeLimits): void {
  if (buffer.byteLength > limits.maxMessageBytes) {
    throw new MessageRejectedError(
      'message-too-large',
      `message is ${buffer.byteLength} bytes, over the ${limits.maxMessageBytes}-byte limit`,
    );
  }
  const text = buffer.toString('latin1');
  const parts = (text.match(/^content-type:/gim) ?? []).length;
  if (parts > limits.maxParts) {
    throw new MessageRejectedError('too-many-parts', `message has ${parts} MIME parts, over the limit of ${limits.maxParts}`);
  }
  const boundaries = new Set<string>();
  for (const match of text.matchAll(/boundary\s*=\s*"?([^";\r\n]{1,200})/gi)) boundaries.add(match[1] ?? '');
  if (boundaries.size > limits.maxMultipartDepth) {
    throw new MessageRejectedError(
      'mime-too-deep',
      `message nests ${boundaries.size} multipart levels, over the limit of ${limits.maxMultipartDepth}`,
    );
  }
}

/** A message starts with header fields; anything else (an image, a PDF, empty text) is refused. */
function assertLooksLikeMessage(buffer: Buffer): void {
  if (buffer.byteLength === 0) throw new MessageRejectedError('not-a-message', 'file is empty');
  const head = buffer.subarray(0, Math.min(buffer.byteLength, 64 * 1024)).toString('latin1');
  const headerEnd = head.search(/\r?\n\r?\n/);
  const headerBlock = headerEnd >= 0 ? head.slice(0, headerEnd) : head;
  if (headerBlock.includes('\0')) throw new MessageRejectedError('not-a-message', 'file is binary, not a message');
  const lines = headerBlock.split(/\r?\n/).filter((l) => !/^From /.test(l));
  const first = lines[0] ?? '';
  if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(first)) {
    throw new MessageRejectedError('not-a-message', 'file does not start with message header fields');
  }
  const names = new Set(
    lines.map((l) => /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/.exec(l)?.[1]?.toLowerCase()).filter(Boolean) as string[],
  );
  const known = ['from', 'to', 'subject', 'date', 'message-id', 'content-type', 'mime-version', 'received', 'return-path'];
  if (!known.some((n) => names.has(n))) {
    throw new MessageRejectedError('not-a-message', 'file has no message header fields (From, Subject, Date, ...)');
  }
}
