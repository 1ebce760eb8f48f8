/** A message as the pure core sees it: decoded headers, body text and attachment bytes. */

export interface MessageHeader {
  /** Lower-case header name. */
  name: string;
  /** Decoded value (RFC 2047 words decoded), unfolded. */
  value: string;
}

export interface MessageAttachment {
  filename: string | null;
  /** Lower-case MIME type, e.g. `image/jpeg`. */
  contentType: string;
  content: Uint8Array;
  /** Content-ID without angle brackets, for inline `cid:` images. */
  contentId: string | null;
  inline: boolean;
}

export interface ParsedMessage {
  messageId: string | null;
  /** Bare lower-case address of the sender. */
  from: string | null;
  fromName: string | null;
  /** The Reply-To address and name (where the sender asks replies to go), when given. */
  replyTo?: { address: string; name: string | null } | null;
  subject: string | null;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  headers: MessageHeader[];
  /** Top-level MIME type, lower-case (`multipart/report` for a delivery-status report). */
  contentType: string;
  /**
   * The body as plain text: the text part, or the HTML part converted to label/value lines
   * (table rows become cells joined by a tab). Forwarded `message/rfc822` parts are appended
   * after a `---------- Forwarded message ----------` marker with their From/Date/Subject. A
   * `text/plain` file attached (a request exported from an EHR) comes first.
   */
  text: string;
  /** Every attachment, including those of forwarded messages and inline `cid:` images. */
  attachments: MessageAttachment[];
}
