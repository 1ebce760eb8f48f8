/**
 * Who a raw message is, before any MIME parsing: its Message-ID, sender address, content hash
 * and the dedupe key an inbound row is stored under. Pure and linear in the header size, so a
 * hostile message costs nothing here.
 */
import { createHash } from 'node:crypto';

export interface MessageIdentity {
  /** `<id@host>` as written (angle brackets kept), or null. */
  messageId: string | null;
  /** Bare lower-case address from the From header, or null. */
  fromAddress: string | null;
  /** SHA-256 (hex) of the message without trace headers, line endings normalised. */
  contentSha256: string;
  /** 'mid:<Message-ID>' or 'sha256:<contentSha256>'. */
  dedupeKey: string;
  /** The bytes begin with a header block naming at least one message header field. */
  looksLikeMessage: boolean;
  /** Byte length of the header block (through the blank line), or the whole when none. */
  headerBytes: number;
}

/** Headers added in transit: the same message delivered twice differs only in these. */
const TRACE_HEADER = /^(received|delivered-to|return-path|x-[^:]*)$/i;
const KNOWN_HEADERS = new Set(['from', 'to', 'subject', 'date', 'message-id', 'content-type', 'mime-version', 'received', 'return-path']);
const MAX_HEADER_SCAN = 256 * 1024;

interface HeaderField {
  name: string;
  /** The field's raw lines (first line and continuation lines), without line endings. */
  lines: string[];
}

export function messageIdentity(raw: Uint8Array): MessageIdentity {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const head = buf.subarray(0, Math.min(buf.length, MAX_HEADER_SCAN)).toString('latin1');
  const end = /\r?\n\r?\n/.exec(head);
  const headerEnd = end ? end.index + end[0].length : head.length;
  const headerText = head.slice(0, end ? end.index : head.length);
  const fields = splitHeaderFields(headerText);
  const looksLikeMessage = !headerText.includes('\0') && fields.some((f) => KNOWN_HEADERS.has(f.name));

  const messageId = normaliseMessageId(fieldValue(fields, 'message-id'));
  const fromAddress = bareAddress(fieldValue(fields, 'from'));

  const kept = fields.filter((f) => !TRACE_HEADER.test(f.name)).flatMap((f) => f.lines);
  const hash = createHash('sha256');
  hash.update(kept.join('\n'), 'latin1');
  hash.update('\n\n');
  hash.update(buf.subarray(end ? headerEnd : buf.length).toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
  const contentSha256 = hash.digest('hex');
  return {
    messageId,
    fromAddress,
    contentSha256,
    dedupeKey: messageId ? `mid:${messageId}` : `sha256:${contentSha256}`,
    looksLikeMessage,
    headerBytes: headerEnd,
  };
}

function splitHeaderFields(headerText: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of headerText.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      fields[fields.length - 1]!.lines.push(line);
      continue;
    }
    if (/^From /.test(line)) continue; // mbox separator
    const match = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/.exec(line);
    if (match) fields.push({ name: match[1]!.toLowerCase(), lines: [line] });
  }
  return fields;
}

function fieldValue(fields: readonly HeaderField[], name: string): string | null {
  const field = fields.find((f) => f.name === name);
  if (!field) return null;
  const joined = field.lines.join(' ');
  return joined.slice(joined.indexOf(':') + 1).replace(/\s+/g, ' ').trim();
}

export function normaliseMessageId(value: string | null): string | null {
  if (value === null) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const id = bracketed ? bracketed[1]! : value.trim().split(/\s+/)[0] ?? '';
  if (id === '' || id.length > 900) return null;
  return `<${id}>`;
}

function bareAddress(value: string | null): string | null {
  if (value === null) return null;
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const candidate = bracketed ? bracketed[1]! : /([^\s<>",;:]+@[^\s<>",;:]+)/.exec(value)?.[1];
  return candidate ? candidate.toLowerCase() : null;
}
