/**
 * Splits a plain-text body into its messages, newest first: the sender's new text, then each
 * quoted reply and forwarded message in the order they appear, each with its signature split
 * off, so that older statements can lose to newer ones and a center's signature (phone, fax,
 * address) is never read as request data.
 */
import { classifyLabel, isFieldLabel, type FieldKey } from '../body/labels';

export type SegmentKind = 'new' | 'reply' | 'forward';

export interface BodySegment {
  kind: SegmentKind;
  /** Lines that introduced the segment: "On ... wrote:", "From:/Sent:/To:/Subject:", markers. */
  header: string[];
  /** The segment's own lines, quote prefixes and signature removed. */
  lines: string[];
  /** The signature split off the segment's end. */
  signature: string[];
  /** 0 for the newest text; quoted levels count up. */
  depth: number;
}

const FORWARD_MARKER = /^\s*[-=_*\s]*(?:forwarded message|begin forwarded message|forwarded by|original message|mensaje original|message transféré)[-=_*\s:]*$/i;
const ORIGINAL_MARKER = /original message/i;
const HEADER_LINE = /^\s*\*{0,2}(?:from|sent|date|to|cc|bcc|subject|reply-to|importance|sent by|envoyé|de|objet)\s*\*{0,2}\s*:/i;
const FROM_LINE = /^\s*\*{0,2}from\s*\*{0,2}\s*:\s*\S/i;
const SUBJECT_LINE = /^\s*\*{0,2}subject\s*\*{0,2}\s*:\s*(.*)$/i;
const UNDERSCORE_RULE = /^\s*_{8,}\s*$/;
const ATTRIBUTION_END = /\bwrote\s*:\s*$|\bescribió\s*:\s*$|\ba écrit\s*:\s*$/i;
const ATTRIBUTION_START = /^\s*(?:on\s|le\s|el\s|am\s)/i;
const QUOTED = /^\s?>/;

interface LevelSegment {
  kind: SegmentKind;
  header: string[];
  lines: string[];
  quoted: string[][];
  /** Started by "On ... wrote:" and holding only quoted text: later unquoted text is newer. */
  attributionOnly: boolean;
}

/** Maximum quote nesting examined; deeper levels stay as text of the last level. */
const MAX_DEPTH = 12;

function isHeaderBlockStart(lines: string[], i: number): boolean {
  if (!FROM_LINE.test(lines[i] ?? '')) return false;
  let headers = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
    const l = lines[j] ?? '';
    if (l.trim() === '') continue;
    if (HEADER_LINE.test(l)) headers++;
    else if (headers === 0 && j === i + 1 && /[@;]/.test(l)) continue;
    else break;
  }
  return headers >= 1;
}

/** Consumes header lines from i; returns the index after them. */
function consumeHeaders(lines: string[], i: number, header: string[]): number {
  let j = i;
  let lastWasHeader = false;
  while (j < lines.length) {
    const l = lines[j] ?? '';
    if (HEADER_LINE.test(l)) {
      header.push(l.trim());
      lastWasHeader = true;
      j++;
      continue;
    }
    if (l.trim() === '') {
      // Blank lines inside a header block are allowed only if another header line follows.
      let k = j;
      while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
      if (k < lines.length && HEADER_LINE.test(lines[k] ?? '') && k - j <= 1) {
        j = k;
        continue;
      }
      break;
    }
    // Wrapped To:/Cc: recipient lists continue with addresses.
    if (lastWasHeader && /@/.test(l) && /[;,]|<[^>]+>/.test(l) && !/:\s/.test(l)) {
      header.push(l.trim());
      j++;
      continue;
    }
    break;
  }
  return j;
}

function kindFromHeader(header: string[], fallback: SegmentKind): SegmentKind {
  for (const h of header) {
    const m = SUBJECT_LINE.exec(h);
    if (m) return /^\s*(?:fw|fwd)\s*:/i.test(m[1] ?? '') ? 'forward' : /^\s*re\s*:/i.test(m[1] ?? '') ? 'reply' : fallback;
  }
  return fallback;
}

function stripQuote(line: string): string {
  return line.replace(/^\s?>\s?/, '');
}

/** Splits one quote level into segments (new text, then each reply/forward boundary). */
function splitLevel(lines: string[], first: { kind: SegmentKind; header: string[] }): LevelSegment[] {
  const segs: LevelSegment[] = [];
  let cur: LevelSegment = { kind: first.kind, header: first.header, lines: [], quoted: [], attributionOnly: false };
  segs.push(cur);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (QUOTED.test(line)) {
      const block: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? '';
        if (QUOTED.test(l)) {
          block.push(stripQuote(l));
          i++;
        } else if (l.trim() === '' && QUOTED.test(lines[i + 1] ?? '')) {
          block.push('');
          i++;
        } else break;
      }
      cur.quoted.push(block);
      if (cur.attributionOnly) {
        // Unquoted text after an attributed quote is the replier's own (inline/bottom posting).
        const back = [...segs].reverse().find((s) => !s.attributionOnly);
        if (back) cur = back;
      }
      continue;
    }
    if (FORWARD_MARKER.test(line) && /[a-z]/i.test(line)) {
      const header = [line.trim()];
      const j = consumeHeaders(lines, i + 1, header);
      cur = { kind: ORIGINAL_MARKER.test(line) ? 'reply' : 'forward', header, lines: [], quoted: [], attributionOnly: false };
      cur.kind = kindFromHeader(header, cur.kind);
      segs.push(cur);
      i = j;
      continue;
    }
    if (UNDERSCORE_RULE.test(line) && isHeaderBlockStart(lines, nextNonBlank(lines, i + 1))) {
      i = nextNonBlank(lines, i + 1);
      continue;
    }
    if (isHeaderBlockStart(lines, i)) {
      const header: string[] = [];
      const j = consumeHeaders(lines, i, header);
      cur = { kind: kindFromHeader(header, 'reply'), header, lines: [], quoted: [], attributionOnly: false };
      segs.push(cur);
      i = j;
      continue;
    }
    if (ATTRIBUTION_START.test(line) || ATTRIBUTION_END.test(line)) {
      // "On Mon, Jan 2, 2024 at 9:00 AM Jane <jane@x.test> wrote:" may wrap over up to 3 lines.
      let end = -1;
      for (let k = i; k < Math.min(lines.length, i + 3); k++) {
        if (ATTRIBUTION_END.test(lines[k] ?? '')) {
          end = k;
          break;
        }
        if (k > i && (lines[k] ?? '').trim() === '') break;
      }
      if (end >= 0 && (ATTRIBUTION_START.test(line) || end === i) && (lines[i] ?? '').length < 300) {
        const header = lines.slice(i, end + 1).map((l) => l.trim());
        cur = { kind: 'reply', header, lines: [], quoted: [], attributionOnly: true };
        segs.push(cur);
        i = end + 1;
        continue;
      }
    }
    if (cur.attributionOnly && line.trim() !== '' && cur.quoted.length === 0 && !QUOTED.test(line)) {
      // An attribution followed by unquoted text (quote markers lost): the text is the older message.
      cur.attributionOnly = false;
    }
    cur.lines.push(line);
    i++;
  }
  return segs;
}

function nextNonBlank(lines: string[], i: number): number {
  let j = i;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
  return j;
}

function flatten(lines: string[], depth: number, first: { kind: SegmentKind; header: string[] }, out: BodySegment[]): void {
  if (depth > MAX_DEPTH) {
    out.push({ kind: first.kind, header: first.header, lines, signature: [], depth });
    return;
  }
  for (const seg of splitLevel(lines, first)) {
    const { lines: own, signature } = splitSignature(seg.lines);
    out.push({ kind: seg.kind, header: seg.header, lines: own, signature, depth });
    seg.quoted.forEach((block, idx) => {
      // The attribution introduces the first quoted block of its segment.
      const intro = seg.attributionOnly && idx === 0 ? { kind: 'reply' as const, header: seg.header } : { kind: 'reply' as const, header: [] };
      flatten(block, depth + 1, intro, out);
    });
  }
}

/**
 * The body's messages, newest first. Segments with no text of their own are dropped; the first
 * segment is always the new text (possibly empty).
 */
export function splitBodySegments(text: string): BodySegment[] {
  const lines = withTicketCommentsAsMessages(text.replace(/\r\n?/g, '\n').split('\n'));
  const out: BodySegment[] = [];
  flatten(lines, 0, { kind: 'new', header: [] }, out);
  const first = out[0];
  const rest = out.slice(1).filter((s) => s.lines.some((l) => l.trim() !== ''));
  return first ? [first, ...rest] : [];
}

/** "##- Please type your reply above this line -##": a help desk's notification, its comments newest first. */
const REPLY_ABOVE = /^\W*(?:please\s+)?(?:type\s+(?:your\s+)?)?reply\s+above\s+this\s+line\W*$/i;
/** The rule a help desk draws between two comments. */
const COMMENT_RULE = /^\s*(?:[-—–_=]\s?){10,}\s*$/;
/** "Monique Farrell (Erie County Reentry) wrote on Wed, 4 Nov 2026 at 11:24 AM:", "Amber Klein (Bluestem Recovery)". */
const COMMENT_BY = /^\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})(?:\s+\([^)]{2,60}\))?(?:\s+(?:wrote|replied|commented|responded)\b[^\n]{0,60}?:)?\s*$/u;
const COMMENT_DATE = /^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\w{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w{3,9}\.?,?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b[^\n]{0,30}$/i;

/**
 * A help-desk notification (Zendesk, Freshdesk...) holds the ticket's comments newest first,
 * each under a rule with its author and time. The comments are written as the mail client's
 * "From:/Date:" blocks, so that the newest comment is the new text and each older one an older
 * message, as in any reply chain.
 */
function withTicketCommentsAsMessages(lines: string[]): string[] {
  const marker = lines.slice(0, 12).findIndex((l) => REPLY_ABOVE.test(l));
  if (marker < 0) return lines;
  const out: string[] = [];
  let comments = 0;
  let newestAt = 0;
  // A comment's author line stands first after the marker or after a rule.
  let headerAt = nextNonBlank(lines, marker + 1);
  for (let i = 0; i < lines.length; i++) {
    if (i === marker) continue;
    if (COMMENT_RULE.test(lines[i]!)) {
      headerAt = nextNonBlank(lines, i + 1);
      continue;
    }
    if (i !== headerAt) {
      out.push(lines[i]!);
      continue;
    }
    const by = COMMENT_BY.exec(lines[i]!);
    const dateAt = nextNonBlank(lines, i + 1);
    const dateLine = COMMENT_DATE.test(lines[dateAt] ?? '') ? lines[dateAt]!.trim() : null;
    if (!by || !(/\b(?:wrote|replied|commented|responded)\b/.test(lines[i]!) || dateLine !== null)) {
      out.push(lines[i]!);
      continue;
    }
    // The newest comment is the new text; each older one is an older message.
    if (comments++ > 0) out.push(`From: ${by[1]}`, `Date: ${dateLine ?? ''}`, '');
    else newestAt = out.length;
    if (dateLine !== null) i = dateAt;
  }
  // The notification's own banner ("New ticket #3318 has been assigned to your group") is the tool's, not the writer's.
  return out.slice(newestAt);
}

/** Closing words that start a signature ("Thanks,", "Best regards,", "Thank you!"). */
const CLOSING = /^\s*(?:thanks|thank you|thank u|thx|ty|many thanks|thanks so much|thanks again|thank you so much|thanks in advance|thank you in advance|tia|best|best regards|best wishes|kind regards|warm regards|warmest regards|regards|respectfully|sincerely|cheers|warmly|take care|all the best|v\/r|with gratitude|gratefully|blessings|have a (?:great|good|nice|blessed) (?:day|week|weekend)|talk soon|appreciate it|much appreciated)\b[\s\w]{0,25}?[,.!]*(?:\s*(?:hon|dear|friends?|y['’]?all|team|guys|folks|everyone)[,.!]*)?\s*(?:[-–—]\s*)?(?:[A-Z][a-z]+(?:\s+[A-Z][a-z.]*){0,2})?\s*$/i;
const DASHES = /^--\s?$/;
const MOBILE = /^\s*(?:sent from my|get outlook for|sent via|sent from (?:mail|yahoo|outlook))/i;
const CONTACT = /(?:\(?\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4})|@[\w.-]+\.\w{2,}|https?:\/\/|www\.|\b(?:fax|phone|office|cell|direct|tel|mobile)\b\s*[:.#]?/i;

/** Fields whose label in a trailing block means the block is request data, not a signature. */
const STRONG: ReadonlySet<FieldKey> = new Set<FieldKey>([
  'clientName', 'name', 'firstName', 'lastName', 'dob', 'clientDob', 'payer', 'memberId', 'idOrPhone', 'group', 'insPhone', 'servicePhone',
  'subscriberName', 'subscriberFirst', 'subscriberLast', 'relationship', 'relToSubscriber', 'relOfSubscriber', 'referredBy',
  'clientAddress',
]);

/** True when the line is "Label: value" / "Label<TAB>value" with a request-data label. */
function isStrongLabelLine(line: string): boolean {
  const t = line.replace(/^[\s*•·\-–>]+/, '');
  const m = /^([^:\t=]{1,50})(?::|\t|=|\s[-–]\s)/.exec(t);
  if (!m) return false;
  const field = classifyLabel((m[1] ?? '').trim());
  return field !== null && STRONG.has(field);
}

/**
 * "Please direct verification calls to the plan at 1-800-555-0123. This patient was referred by
 * ...": a long sentence is the sender writing, not a signature's contact line (a disclaimer is).
 */
function isRequestSentence(line: string): boolean {
  return line.trim().length > 80 && /\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/.test(line) && !DISCLAIMER.test(line);
}
const DISCLAIMER = /\b(?:confidential\w*|intended|privileged|in error|hipaa|unsubscribe|disclaimer|prohibited|recipient)\b/i;

/** A person's name alone on its line ("Georgette Lamothe", "Dana R. Ortiz, LCSW"). */
const NAME_LINE = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:,?\s+\p{Lu}{2,6})?\s*$/u;

/**
 * "Georgette Lamothe / Intake, Pine Barrens Recovery / 609-555-0172" just above "Sent from my
 * iPad" or "--": the paragraph that names the sender and how to reach them is the signature too.
 */
function namedContactBlockBefore(lines: string[], cut: number): number | null {
  let end = cut;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  const start = paragraphStart(lines, end);
  const block = lines.slice(start, end);
  return start > 0 && block.length >= 2 && block.length <= 6 && NAME_LINE.test(block[0] ?? '') && isContactBlock(block) ? start : null;
}

/** Where the paragraph that ends at `end` (exclusive) starts. */
function paragraphStart(lines: readonly string[], end: number): number {
  let start = end;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
  return start;
}

/** Contact details, not request data: a phone, e-mail or web line, no request label, no long sentence. */
function isContactBlock(block: readonly string[]): boolean {
  return block.some((l) => CONTACT.test(l)) && !block.some(isStrongLabelLine) && !block.some(isRequestSentence) && !block.some(isDataRow);
}

/** "Dana Whitlow  071588  90 Oak Row ...  800.555.0111": a row of a request's values (a date among them), no contact line. */
function isDataRow(line: string): boolean {
  return line.split(/\s{2,}|\s*[|\t;]\s*|,\s+/).length >= 5 && /(?<![\d.])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|[01]\d[0-3]\d\d{2})(?![\d.])/.test(line);
}

/** Splits a segment's lines into its content and the signature at its end. */
export function splitSignature(lines: string[]): { lines: string[]; signature: string[] } {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  const restHasData = (from: number): boolean => {
    for (let k = from; k < end; k++) if (isStrongLabelLine(lines[k] ?? '')) return true;
    return false;
  };
  let cut = -1;
  for (let i = 0; i < end; i++) {
    const l = lines[i] ?? '';
    if (DASHES.test(l) || MOBILE.test(l)) {
      if (!restHasData(i + 1)) {
        cut = namedContactBlockBefore(lines, i) ?? i;
        break;
      }
    }
    if (CLOSING.test(l) && l.trim().length <= 60 && end - i <= 25 && !restHasData(i + 1)) {
      // A closing line that opens the message ("Thanks for your help!") is not a sign-off
      // unless nothing but contact lines follow it.
      cut = i;
      break;
    }
  }
  if (cut < 0) {
    // No sign-off words: a trailing paragraph of contact details (name, title, phone/fax, web).
    let start = paragraphStart(lines, end);
    // "Referred by" then "Tidewater Hope Center" above the signature: a label and its value open the paragraph, not a signature.
    while (start + 2 < end && isFieldLabel((lines[start] ?? '').trim().replace(/:$/, ''))) start += 2;
    const block = lines.slice(start, end);
    if (start > 0 && block.length > 0 && block.length <= 10 && isContactBlock(block)) cut = start;
  }
  if (cut < 0) return { lines: lines.slice(0, end), signature: [] };
  // A postscript after the signature ("P.S. Member ID is ...") is the sender writing again.
  const ps = lines.slice(cut, end).findIndex((l) => POSTSCRIPT.test(l));
  if (ps > 0) {
    const after = lines.slice(cut + ps, end).map((l, k) => (k === 0 ? l.replace(/^\s*p\.?\s?s\.?\s*[:\-–]?\s*/i, '') : l));
    return { lines: [...lines.slice(0, cut), ...after], signature: lines.slice(cut, cut + ps) };
  }
  return { lines: lines.slice(0, cut), signature: lines.slice(cut, end) };
}

const POSTSCRIPT = /^\s*p\.?\s?s\.?(?:\s*[:\-–]|\s)\s*\S/i;
