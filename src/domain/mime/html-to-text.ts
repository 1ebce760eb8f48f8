/**
 * HTML email bodies to the plain label/value lines the body extractor reads. A single linear
 * pass over the markup (no regex backtracking, no recursion), so hostile HTML cannot hang it.
 * Table rows become their cells joined by a tab ("Client Name\tJane Doe"); block elements break
 * lines; blockquote lines get "> " so quoted history is recognisable as such.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', lsquo: '‘',
  rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', hellip: '…', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', frac12: '½',
  frac14: '¼', frac34: '¾', sect: '§', para: '¶', laquo: '«', raquo: '»', iexcl: '¡', iquest: '¿',
  cent: '¢', pound: '£', euro: '€', yen: '¥', shy: '', zwnj: '', zwj: '', lrm: '', rlm: '', ensp: ' ',
  emsp: ' ', thinsp: ' ', ordm: 'º', ordf: 'ª', sup1: '¹', sup2: '²', sup3: '³', acute: '´', uml: '¨',
  cedil: '¸', macr: '¯', micro: 'µ', not: '¬', brvbar: '¦', curren: '¤', dagger: '†', larr: '←',
  rarr: '→', check: '✓', tab: '\t', newline: '\n', colon: ':', num: '#', period: '.', comma: ',',
  lpar: '(', rpar: ')', sol: '/', bsol: '\\', hyphen: '-', dash: '-', lowbar: '_', ast: '*',
};
// Latin-1 letters by entity name (Agrave ... yuml), generated rather than listed.
(() => {
  const accents: [string, string][] = [
    ['grave', 'ÀÈÌÒÙàèìòù'], ['acute', 'ÁÉÍÓÚÝáéíóúý'], ['circ', 'ÂÊÎÔÛâêîôû'], ['tilde', 'ÃÑÕãñõ'],
    ['uml', 'ÄËÏÖÜäëïöüÿ'], ['ring', 'Åå'], ['cedil', 'Çç'], ['slash', 'Øø'],
  ];
  for (const [suffix, letters] of accents) {
    for (const ch of letters) {
      const base = ch.normalize('NFD')[0] ?? '';
      const name = ch === 'Ø' ? 'O' : ch === 'ø' ? 'o' : base;
      NAMED_ENTITIES[`${name}${suffix}`] = ch;
    }
  }
  Object.assign(NAMED_ENTITIES, { AElig: 'Æ', aelig: 'æ', ETH: 'Ð', eth: 'ð', THORN: 'Þ', thorn: 'þ', szlig: 'ß', OElig: 'Œ', oelig: 'œ' });
})();

/** Decodes HTML character references in text (named, decimal and hex). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, amp);
    // An entity is short; look at most 32 characters ahead for its end.
    let j = amp + 1;
    const limit = Math.min(text.length, amp + 33);
    while (j < limit && /[#0-9A-Za-z]/.test(text[j] ?? '')) j++;
    const name = text.slice(amp + 1, j);
    const hasSemi = text[j] === ';';
    let decoded: string | null = null;
    if (name.startsWith('#x') || name.startsWith('#X')) {
      const code = parseInt(name.slice(2), 16);
      decoded = codePoint(code);
    } else if (name.startsWith('#')) {
      const code = parseInt(name.slice(1), 10);
      decoded = codePoint(code);
    } else if (name.length > 0) {
      decoded = NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? null;
    }
    if (decoded === null) {
      out += '&';
      i = amp + 1;
    } else {
      out += decoded;
      i = hasSemi ? j + 1 : j;
    }
  }
  return out;
}

function codePoint(code: number): string | null {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return null;
  if (code === 160) return '\u00a0';
  // Windows-1252 code points that HTML treats as such (&#150; is a dash, &#146; a quote).
  const cp1252: Record<number, string> = { 128: '€', 130: '‚', 132: '„', 133: '…', 145: '‘', 146: '’', 147: '“', 148: '”', 149: '•', 150: '–', 151: '—', 153: '™' };
  if (cp1252[code]) return cp1252[code] ?? null;
  if (code >= 0xd800 && code <= 0xdfff) return null;
  return String.fromCodePoint(code);
}

/** Elements whose content is not shown. */
/** Struck-out text ("<s>4/12/1988</s> 4/21/1988", "<del>", "text-decoration: line-through"): a value the writer withdrew. */
export const STRUCK_OUT = /<(?:s|strike|del)\b[^>]*>|text-decoration(?:-line)?\s*:\s*[^;"']*line-through/i;
const STRUCK_STYLE = /\bstyle\s*=\s*["'][^"']*text-decoration(?:-line)?\s*:\s*[^;"']*line-through/i;
const STRUCK_TAGS = new Set(['s', 'strike', 'del']);
const HIDDEN_STYLE = /\bstyle\s*=\s*["'][^"']*\b(?:display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden)|(?:^|\s)hidden(?:\s|=|$)/i;
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source']);

/** The index after the tag that closes the element opened just before `from` (nested ones of the same name counted). */
function matchingClose(lower: string, name: string, from: number): number {
  let depth = 1;
  const open = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(lower); m !== null; m = open.exec(lower)) {
    if (m[1] === '/') depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return lower.length;
}

const HIDDEN = new Set(['style', 'script', 'head', 'title', 'noscript', 'template', 'xml', 'svg', 'object', 'iframe', 'select', 'option']);
/** Elements that start and end a line. */
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'caption', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'pre', 'hr', 'blockquote', 'center',
  'address', 'form', 'fieldset', 'legend', 'figure', 'figcaption', 'details', 'summary', 'body', 'html',
]);

interface TableState {
  cellIndex: number;
  /** The current row is a record of three or more cells (see dataRowStarts). */
  dataRow: boolean;
  /** The column the next cell of the row takes, counting the columns colspan and rowspan fill. */
  col: number;
  /** Empty columns a colspan left, written only when another cell follows (no trailing tabs). */
  pad: number;
  /** A rowspan cell's text by column, with the rows below it still to repeat it in. */
  spans: Map<number, { text: string; left: number }>;
  /** Where the open cell's text starts in the line, and the rowspan it was opened with. */
  cellFrom: number;
  cellSpan: number;
}

/** Builds output lines, tracking quote depth and pending soft breaks between blocks. */
class LineBuilder {
  readonly lines: string[] = [];
  private line = '';
  private lineDepth = 0;
  private started = false;
  quoteDepth = 0;
  private pendingBreak = false;
  /** Inside a table cell before its first text: block tags there do not break the row. */
  private cellFresh = false;

  text(s: string, pre: boolean): void {
    if (s.length === 0) return;
    const parts = pre ? s.split('\n') : [s];
    parts.forEach((part, idx) => {
      if (idx > 0) this.hardBreak();
      if (part.length === 0) return;
      // Source whitespace between tags is no content; a non-breaking space is (a blank paragraph).
      if (!this.started && !pre && /^ +$/.test(part)) return;
      if (this.cellFresh && part.trim().length > 0) this.cellFresh = false;
      if (this.pendingJoin && part.trim().length > 0) {
        this.pendingJoin = false;
        this.line = this.line.replace(/ +$/, '');
        if (!/[,;]$/.test(this.line)) this.line += ',';
        this.line += ' ';
        part = part.replace(/^ +/, '');
      }
      if (this.pendingBreak) {
        this.hardBreak();
        this.pendingBreak = false;
      }
      if (!this.started) {
        this.lineDepth = this.quoteDepth;
        this.started = true;
        // Leading collapsed whitespace at a line start is not content.
        const trimmed = pre ? part : part.replace(/^ +/, '');
        this.line += trimmed;
      } else {
        this.line += part;
      }
    });
  }

  /** A break that only happens if something follows (closing </p>, </div>). */
  softBreak(): void {
    if (!this.started || this.cellFresh) return;
    if (this.joinInCell) return this.joinCellLine();
    if (this.line.trim().length > 0) this.pendingBreak = true;
    // A block holding only whitespace (<p>&nbsp;</p>) is a blank line.
    else if (!this.line.includes('\t')) this.flush();
  }

  /**
   * Inside a cell of a data row, a line break within the cell ("12 Main St<br>Fresno, CA") joins
   * with a comma: breaking the line would split the row and shift every later column.
   */
  joinInCell = false;
  private pendingJoin = false;

  /** <br>: ends a line of text; on its own (<div><br></div>) it is a blank line. */
  br(): void {
    if (this.joinInCell) return this.joinCellLine();
    this.cellFresh = false;
    if (this.pendingBreak) {
      this.flush();
      this.lines.push('');
    } else if (this.started) {
      this.flush();
    } else {
      this.lines.push('');
    }
  }

  hardBreak(): void {
    this.flush();
  }

  /** A break inside a data cell: a comma, once more text follows in the same cell. */
  private joinCellLine(): void {
    const cell = this.line.slice(this.line.lastIndexOf('\t') + 1);
    if (cell.trim().length > 0) this.pendingJoin = true;
  }

  /** A paragraph gap: a blank line, as </p> renders. */
  blankLine(): void {
    this.flush();
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  cellSeparator(): void {
    if (!this.started) {
      this.lineDepth = this.quoteDepth;
      this.started = true;
    }
    this.pendingBreak = false;
    this.line += '\t';
    this.cellFresh = true;
  }

  /** A cell starts or ends: a pending paragraph break inside the cell does not split the row. */
  cellBoundary(opening: boolean): void {
    this.pendingBreak = false;
    this.pendingJoin = false;
    if (opening) this.cellFresh = true;
  }

  /** Where the next text goes in the current line (to read a cell's text back when it closes). */
  mark(): number {
    return this.line.length;
  }

  since(from: number): string {
    return this.line.slice(from);
  }

  /** A cell written again in a row below it (rowspan): a separator and its text. */
  repeatCell(text: string, separate: boolean): void {
    if (separate) this.cellSeparator();
    else if (!this.started) {
      this.lineDepth = this.quoteDepth;
      this.started = true;
    }
    this.line += text;
    this.cellFresh = false;
  }

  private flush(): void {
    this.pendingBreak = false;
    this.pendingJoin = false;
    this.cellFresh = false;
    if (!this.started) {
      return;
    }
    const body = this.line.replace(/\u00a0/g, ' ').replace(/ +$/g, '').replace(/ *\t */g, '\t');
    const prefix = '> '.repeat(this.lineDepth);
    this.lines.push(body.replace(/^\t+$/, '').length === 0 ? (this.lineDepth > 0 ? prefix.trimEnd() : '') : prefix + body);
    this.line = '';
    this.started = false;
  }

  finish(): string[] {
    this.flush();
    return this.lines;
  }
}

/**
 * The start offsets of data rows: rows of three or more cells with no nested table, one record
 * per row (a spreadsheet pasted into mail). Two-cell rows are label/value forms, and a nested
 * table means the row is page layout, whose cells hold whole paragraphs. One pass over the tags,
 * so hostile markup stays linear.
 */
function dataRowStarts(lower: string): Set<number> {
  const starts = new Set<number>();
  let row: { start: number; cells: number; nested: boolean } | null = null;
  const close = (): void => {
    if (row && !row.nested && row.cells >= 3) starts.add(row.start);
    row = null;
  };
  for (const m of lower.matchAll(/<(\/?)(tr|td|th|table)[\s>/]/g)) {
    const [, slash, name] = m;
    if (name === 'tr') {
      close();
      if (slash === '') row = { start: m.index, cells: 0, nested: false };
    } else if (row !== null) {
      if (name === 'table') row.nested = true;
      else if (slash === '') row.cells++;
    }
  }
  close();
  return starts;
}

/**
 * The blocks (<div>, <p>) a cell holds, or null when it holds anything else between them or a
 * block nests another. Scans forward once (indexOf), so a cell of unclosed tags stays linear.
 */
function cellBlocks(inner: string): string[] | null {
  const lower = inner.toLowerCase();
  const blocks: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < inner.length && /\s/.test(inner[pos]!)) pos++;
    if (pos >= inner.length) return blocks;
    const name = lower.startsWith('<div', pos) ? 'div' : lower.startsWith('<p', pos) && /[\s>]/.test(lower[pos + 2] ?? '') ? 'p' : null;
    const openEnd = name === null ? -1 : lower.indexOf('>', pos);
    const close = openEnd < 0 ? -1 : lower.indexOf(`</${name}`, openEnd);
    if (close < 0) return null;
    const text = inner.slice(openEnd + 1, close);
    if (/<(?:div|p)\b/i.test(text)) return null;
    blocks.push(text);
    const closeEnd = lower.indexOf('>', close);
    if (closeEnd < 0) return null;
    pos = closeEnd + 1;
  }
}

/**
 * A CRM record printed as one table row whose left cell stacks every label (one <div> each) and
 * whose right cell stacks every value, lined up only by the divs' fixed height: rewritten as one
 * row per label and value, so each value lands beside its label. Both cells must stack the same
 * number of blocks, four or more (blank spacer divs keep the two columns aligned).
 */
function stackedCellRows(html: string): string {
  const tags = [...html.matchAll(/<(\/?)tr\b[^>]*>/gi)];
  let out = '';
  let from = 0;
  for (let k = 0; k + 1 < tags.length; k++) {
    const open = tags[k]!;
    const close = tags[k + 1]!;
    if (open[1] !== '' || close[1] !== '/') continue;
    const content = html.slice(open.index + open[0].length, close.index);
    // Exactly two cells (counted first, so the cell pattern below starts at two places only).
    if (content.length > 20_000 || /<table\b/i.test(content) || (content.match(/<t[dh]\b/gi) ?? []).length !== 2) continue;
    const cells = [...content.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)];
    if (cells.length !== 2) continue;
    const left = cellBlocks(cells[0]![3]!);
    const right = cellBlocks(cells[1]![3]!);
    if (left === null || right === null || left.length < 4 || left.length !== right.length) continue;
    out += html.slice(from, open.index) + left.map((l, i) => `<tr><td>${l}</td><td>${right[i]}</td></tr>`).join('');
    from = close.index + close[0].length;
  }
  return from === 0 ? html : out + html.slice(from);
}

/** A cell's colspan or rowspan (1 when absent or unreadable; capped, so markup cannot blow up a row). */
function spanOf(attrs: string, name: 'colspan' | 'rowspan'): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 ? Math.min(n, 20) : 1;
}

/** Reads a tag starting at `<`; returns its name, whether it closes, its class/attributes, and where it ends. */
function readTag(html: string, start: number): { name: string; closing: boolean; end: number; attrs: string } | null {
  let i = start + 1;
  let closing = false;
  if (html[i] === '/') {
    closing = true;
    i++;
  }
  const nameStart = i;
  while (i < html.length && /[A-Za-z0-9:_-]/.test(html[i] ?? '')) i++;
  if (i === nameStart) return null;
  const name = html.slice(nameStart, i).toLowerCase();
  const attrStart = i;
  // Scan to the closing '>' honouring quoted attribute values; linear.
  let quote: string | null = null;
  while (i < html.length) {
    const c = html[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      break;
    }
    i++;
  }
  if (i >= html.length) {
    // An unterminated quote: end the tag at the next '>' instead, if any.
    const gt = html.indexOf('>', attrStart);
    if (gt < 0) return { name, closing, end: html.length, attrs: html.slice(attrStart) };
    return { name, closing, end: gt + 1, attrs: html.slice(attrStart, gt) };
  }
  return { name, closing, end: i + 1, attrs: html.slice(attrStart, i) };
}

/**
 * Converts an HTML email body to text lines. Cells of a table row are joined by a tab; quoted
 * blocks (blockquote) are prefixed with "> " per level; entities are decoded.
 */
export function htmlToText(source: string): string {
  const html = /<td\b[^>]*>\s*<div\b/i.test(source) ? stackedCellRows(source) : source;
  const lower = html.toLowerCase();
  const out = new LineBuilder();
  const tables: TableState[] = [];
  let dataRows: Set<number> | null = null;
  let preDepth = 0;
  let i = 0;
  let textStart = 0;

  /** Writes the rowspan cells standing at the row's next columns, up to column `until`. */
  const repeatSpans = (t: TableState, until: number): void => {
    for (let span = t.spans.get(t.col); span !== undefined && t.col <= until; span = t.spans.get(t.col)) {
      for (; t.pad > 0; t.pad--) out.cellSeparator();
      out.repeatCell(span.text, t.cellIndex > 0);
      t.cellIndex++;
      if (--span.left === 0) t.spans.delete(t.col);
      t.col++;
    }
  };

  const emitText = (end: number): void => {
    if (end <= textStart) return;
    let raw = html.slice(textStart, end);
    if (preDepth === 0) raw = raw.replace(/[\r\n\t\f ]+/g, ' ');
    else raw = raw.replace(/\r\n?/g, '\n');
    out.text(decodeEntities(raw).replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, ''), preDepth > 0);
  };

  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (lower.startsWith('<!--', i)) {
      emitText(i);
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      textStart = i;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      emitText(i);
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      textStart = i;
      continue;
    }
    const tag = readTag(html, i);
    if (tag === null) {
      // A literal '<' in text.
      i++;
      continue;
    }
    emitText(i);
    i = tag.end;
    textStart = i;
    const { name, closing } = tag;
    // "display:none", "mso-hide:all", the hidden attribute: what a reader of the mail does not see
    // (a preheader, a mobile copy, a template's example block) is no part of the message.
    // Struck-out text is withdrawn by its writer, as hidden text is unseen: neither is read.
    if (!closing && !VOID.has(name) && !/\/\s*$/.test(tag.attrs) && (HIDDEN_STYLE.test(tag.attrs) || STRUCK_TAGS.has(name) || STRUCK_STYLE.test(tag.attrs))) {
      const end = matchingClose(lower, name, i);
      i = end;
      textStart = i;
      continue;
    }
    if (!closing && HIDDEN.has(name) && !/\/\s*$/.test(tag.attrs)) {
      // Skip to the matching close tag; a <head> left open ends where <body> starts.
      let end = lower.indexOf(`</${name}`, i);
      if (end < 0 && name === 'head') end = lower.indexOf('<body', i);
      if (end < 0) {
        if (name === 'head') continue;
        i = html.length;
        textStart = i;
        break;
      }
      const gt = html.indexOf('>', end);
      i = name === 'head' && lower.startsWith('<body', end) ? end : gt < 0 ? html.length : gt + 1;
      textStart = i;
      continue;
    }
    switch (name) {
      case 'br':
        out.br();
        break;
      case 'p':
        // Outlook writes each line as its own <p>; a paragraph gap is only a break.
        if (closing) out.softBreak();
        else out.softBreak();
        break;
      case 'blockquote':
        out.hardBreak();
        out.quoteDepth = closing ? Math.max(0, out.quoteDepth - 1) : Math.min(out.quoteDepth + 1, 20);
        break;
      case 'table':
        out.joinInCell = false;
        out.softBreak();
        if (closing) tables.pop();
        else tables.push({ cellIndex: 0, dataRow: false, col: 0, pad: 0, spans: new Map(), cellFrom: -1, cellSpan: 1 });
        break;
      case 'tr': {
        const t = tables[tables.length - 1];
        // A rowspan cell at the row's end is repeated before the row ends.
        if (t && t.cellIndex > 0) repeatSpans(t, Infinity);
        out.hardBreak();
        out.joinInCell = false;
        if (t) {
          t.cellIndex = 0;
          t.col = 0;
          t.pad = 0;
          t.dataRow = !closing && (dataRows ??= dataRowStarts(lower)).has(lt);
        }
        break;
      }
      case 'td':
      case 'th': {
        const t = tables[tables.length - 1];
        if (!closing) {
          if (t) {
            // Columns a rowspan above fills come first, so every cell keeps its column.
            repeatSpans(t, t.col);
            for (; t.pad > 0; t.pad--) out.cellSeparator();
            if (t.cellIndex > 0) out.cellSeparator();
            t.cellIndex++;
            t.cellFrom = out.mark();
            t.cellSpan = spanOf(tag.attrs, 'rowspan');
            t.pad = spanOf(tag.attrs, 'colspan') - 1;
            t.col += 1 + t.pad;
          }
          out.cellBoundary(true);
          out.joinInCell = t?.dataRow === true;
        } else {
          if (t && t.cellFrom >= 0 && t.cellSpan > 1) t.spans.set(t.col - 1 - t.pad, { text: out.since(t.cellFrom).replace(/\t/g, ' ').trim(), left: t.cellSpan - 1 });
          if (t) t.cellFrom = -1;
          out.cellBoundary(false);
          out.joinInCell = false;
        }
        break;
      }
      case 'pre':
        out.softBreak();
        preDepth = closing ? Math.max(0, preDepth - 1) : preDepth + 1;
        break;
      case 'hr':
        out.hardBreak();
        break;
      case 'li':
        if (!closing) out.hardBreak();
        else out.softBreak();
        break;
      case 'img': {
        // Tiny layout images are nothing; keep no text for images.
        break;
      }
      default:
        if (BLOCK.has(name)) out.softBreak();
    }
  }
  emitText(html.length);
  const lines = out.finish();
  // Collapse runs of blank lines; trim the ends.
  const result: string[] = [];
  for (const line of lines) {
    const l = line.replace(/[ ]{2,}/g, (m) => (m.length >= 2 ? '  ' : m));
    if (l.trim() === '' && (result.length === 0 || result[result.length - 1]?.trim() === '')) continue;
    result.push(l.trim() === '' ? '' : l);
  }
  while (result.length > 0 && result[result.length - 1] === '') result.pop();
  return result.join('\n');
}
