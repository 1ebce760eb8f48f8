/**
 * The text of an attachment a sender wrote the request in: a .txt form, a .csv export, a saved
 * web page, an .rtf form, an XML export. Each is turned into the plain lines the body reader
 * knows (a CSV into tab-separated rows, so its header row is read as a table's). Pure: the
 * attachment's type, name and bytes in; null for anything else (images, PDFs, calendars, cards).
 */
import { parseCsv } from '../../shared/csv';
import { htmlToText } from './html-to-text';

type TextKind = 'plain' | 'csv' | 'tsv' | 'html' | 'rtf' | 'xml';

const BY_TYPE: Readonly<Record<string, TextKind>> = {
  'text/plain': 'plain',
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'text/html': 'html',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
  'text/xml': 'xml',
  'application/xml': 'xml',
};
const BY_EXTENSION: Readonly<Record<string, TextKind>> = { txt: 'plain', text: 'plain', csv: 'csv', tsv: 'tsv', htm: 'html', html: 'html', rtf: 'rtf', xml: 'xml' };

/** The kind of text an attachment holds, by its type or, for a generic type, by its name. */
export function attachedTextKind(contentType: string, filename: string | null): TextKind | null {
  const byType = BY_TYPE[contentType];
  if (byType) return byType;
  if (contentType !== 'application/octet-stream' && contentType !== 'application/x-download') return null;
  const extension = /\.([a-z]{2,4})$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  return extension ? (BY_EXTENSION[extension] ?? null) : null;
}

/** The attachment's text as plain lines, or null when it holds none. */
export function attachedText(kind: TextKind, raw: string): string | null {
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let out: string;
  switch (kind) {
    case 'csv':
      out = parseCsv(text).map((row) => row.map((c) => c.replace(/\s+/g, ' ').trim()).join('\t')).join('\n');
      break;
    case 'tsv':
    case 'plain':
    case 'xml':
      out = text;
      break;
    case 'html':
      out = htmlToText(text);
      break;
    case 'rtf':
      out = rtfToText(text);
      break;
  }
  out = out.trim();
  return out.length > 0 ? out : null;
}

/** RTF's text: groups of destinations dropped, \par as a line break, \'hh as its Windows-1252 character, control words gone. */
function rtfToText(rtf: string): string {
  return rtf
    .replace(/\{\\\*[^{}]*\}/g, '')
    .replace(/\{\\(?:fonttbl|colortbl|stylesheet|info)[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, '')
    .replace(/\\'([0-9a-f]{2})/gi, (_m, hex: string) => new TextDecoder('windows-1252').decode(Uint8Array.of(parseInt(hex, 16))))
    .replace(/\\(?:par|line)\b ?/g, '\n')
    .replace(/\\tab\b ?/g, '\t')
    .replace(/\\[a-z]+-?\d* ?/gi, '')
    .replace(/\\([{}\\])/g, '$1')
    .replace(/[{}]/g, '')
    .replace(/[ \t]+\n/g, '\n');
}
