/**
 * The cheap text-only check, shared by the extraction pool (read in the main thread, or in an
 * OCR thread) and by ingest (which queue the message goes to: `extract` or `extract-ocr`), so a
 * message is routed at ingest exactly as the pool will treat it. No MIME parse: header scan only.
 */

/** Text-only messages up to this size are read in the main thread. */
export const DEFAULT_INLINE_MAX_BYTES = 128 * 1024;

/** MIME types of a message read in the main thread: text and the multiparts that hold text. */
const INLINE_TYPES = new Set(['text/plain', 'text/html', 'multipart/alternative', 'multipart/mixed', 'multipart/related']);
const INLINE_MAX_PARTS = 8;
const CONTENT_TYPE_LINE = /^content-type[ \t]*:[ \t]*(?:\r?\n[ \t]+)?([^;\s]*)/gim;

/**
 * True when the raw message can only hold text: at most a few parts, each Content-Type header
 * (folded or not) naming text or a text multipart. Anything else — an image, a PDF, an
 * octet-stream, an attached message (whose own parts may be encoded out of sight) — goes to a
 * thread. A part without a Content-Type is text/plain by RFC 2045.
 */
export function isTextOnly(raw: Uint8Array, maxBytes: number): boolean {
  if (raw.byteLength > maxBytes) return false;
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  let parts = 0;
  for (const match of text.matchAll(CONTENT_TYPE_LINE)) {
    if (++parts > INLINE_MAX_PARTS) return false;
    if (!INLINE_TYPES.has((match[1] ?? '').toLowerCase())) return false;
  }
  return true;
}
