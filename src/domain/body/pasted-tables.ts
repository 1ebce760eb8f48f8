/**
 * The shape of a paste, rewritten as the "Label: value" lines the body reader knows: tables
 * pasted as text (sheet rows joined by tabs, an HTML table rendered by htmlToText, a report
 * printed in fixed-width columns) and data pasted as its system wrote it (a form post, an XML
 * export, an X12 270, a definition list, a chat outline, a bare column of values). Only shapes
 * whose pairing of label and value is certain are rewritten; a header row over one value row per
 * client is left to the reader's own header-row walk. Pure, and linear in the text.
 */

import { parseAddress } from './addresses';
import { namesKnownPayer } from './label-lines';
import { classifyLabel } from './labels';
import { CAPITALISED_NAME } from './names';
import { parsePhone } from './phones';

/**
 * "Label: value" for a cell with a value; an empty cell gives no line, since a label left alone on
 * its line reads as a heading over the lines below it.
 */
const pair = (label: string, value: string | undefined): string[] => (value !== undefined && value.length > 0 ? [`${label}: ${value}`] : []);

/** A cell that names a field ("Member ID", "Relationship to client"), not a value. */
function isLabel(cell: string): boolean {
  if (cell.length === 0 || cell.length > 40 || /\d{2}/.test(cell)) return false;
  const field = classifyLabel(cell) ?? classifyLabel(cell.replace(/:\s*$/, ''));
  return field !== null && field !== 'ignore';
}

/** Labels that say whose value they are only through their group ("Name" under SUBSCRIBER). */
const GENERIC: ReadonlySet<string> = new Set(['name', 'relationship', 'phone', 'company', 'idOrPhone', 'firstName', 'lastName']);

/** A label read under its group heading when the label alone does not say whose it is ("Subscriber" + "Name"). */
function underGroup(group: string, label: string): string {
  const own = classifyLabel(label);
  if (group.length === 0 || (own !== null && !GENERIC.has(own))) return label;
  const both = `${group} ${label}`;
  const field = classifyLabel(both);
  return field !== null && field !== 'ignore' ? both : label;
}

const cellsOf = (line: string): string[] => line.split('\t').map((c) => c.trim());

/**
 * "CLIENT | | | INSURANCE | ..." over "Name | DOB | Address | Carrier | ...": a two-level header
 * (colspan group headings over the column labels) as one header row, each label read under its
 * group ("SUBSCRIBER Name").
 */
function mergedHeader(top: string[], sub: string[]): string[] | null {
  if (top.length !== sub.length || top.length < 3 || !top.some((c) => c.length === 0)) return null;
  if (!top.every((c) => c.length === 0 || isLabel(c)) || !sub.every((c) => c.length === 0 || isLabel(c))) return null;
  if (sub.filter((c) => c.length > 0).length < 3) return null;
  let group = '';
  return sub.map((label, k) => {
    if (top[k]!.length > 0) group = top[k]!;
    return label.length === 0 ? group : underGroup(group, label);
  });
}

/**
 * A block of rows whose first cell is a label: a form ("Member # | 0001882"), perhaps with a
 * group cell in front ("Subscriber | Name | Gregory Moore"), or a sheet turned sideways, one
 * client per column ("DOB | 04/17/1991 | 12/02/2003"). Null when the block is not one of these.
 */
function labelColumn(rows: string[][]): string[] | null {
  const labelled = rows.filter((r) => isLabel(r[0]!));
  if (labelled.length < 4 || labelled.length < rows.length - 1) return null;
  // Group rows: a heading, a label, a value ("Client | Date of birth | 1/5/2000").
  const grouped = labelled.filter((r) => r.length === 3 && isLabel(r[1]!) && !isLabel(r[2]!)).length;
  if (grouped >= labelled.length / 2) {
    const out: string[] = [];
    let group = '';
    for (const r of rows) {
      if (r.length === 3 && isLabel(r[1]!)) {
        group = r[0]!;
        out.push(...pair(underGroup(group, r[1]!), r[2]));
      } else if (r.length === 2 && isLabel(r[0]!)) out.push(...pair(underGroup(group, r[0]!), r[1]));
      else out.push(r.join('\t'));
    }
    return out;
  }
  // Sideways: every labelled row holds a value column per client; the empty cells stay empty.
  const width = Math.max(...rows.map((r) => r.length));
  if (width < 3 || labelled.some((r) => r.slice(1).some(isLabel))) return null;
  const out: string[] = [];
  for (let c = 1; c < width; c++) {
    if (c > 1) out.push('');
    for (const r of labelled) out.push(...pair(r[0]!, r[c]));
  }
  return out;
}

/**
 * Label rows each over one value row ("First Name | Last Name | DOB" over "Jonah | Lee |
 * 08/09/1990", then "Street | City | State" over its values): a record printed as a grid, every
 * cell paired with the label above it. At least two such pairs, and nothing else in the block.
 */
function labelRowsOverValues(rows: string[][]): string[] | null {
  if (rows.length < 4 || rows.length % 2 !== 0) return null;
  const out: string[] = [];
  for (let r = 0; r < rows.length; r += 2) {
    const labels = rows[r]!;
    const values = rows[r + 1]!;
    if (values.length > labels.length || !labels.every(isLabel) || values.some((v) => v.length > 0 && isLabel(v))) return null;
    labels.forEach((label, k) => out.push(...pair(label, values[k])));
  }
  return out;
}

/** Each block of tabbed lines, rewritten when its shape is one of the above. */
function tabbedBlocks(input: string[]): string[] {
  const lines = [...input];
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.includes('\t')) {
      out.push(lines[i++]!);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.includes('\t')) j++;
    const rows = lines.slice(i, j).map(cellsOf);
    // A sheet's header row abbreviates the state column "ST" (alone, "St:" is too loose to be a label).
    for (let k = i; k < j; k++) {
      const header = rows[k - i]!;
      if (header.filter(isLabel).length >= 3 && header.some((c) => /^st$/i.test(c))) lines[k] = header.map((c) => (/^st$/i.test(c) ? 'State' : c)).join('\t');
    }
    const merged = rows.length >= 3 ? mergedHeader(rows[0]!, rows[1]!) : null;
    const rewritten = merged !== null ? [merged.join('\t'), ...lines.slice(i + 2, j)] : (labelColumn(rows) ?? labelRowsOverValues(rows));
    out.push(...(rewritten ?? lines.slice(i, j)));
    i = j;
  }
  return out;
}

/** A printed report's column rule: runs of dashes (or "=") separated by single spaces, three columns or more. */
const COLUMN_RULE = /^[ \t]*[-=]{2,}(?: [-=]{2,}){2,}[ \t]*$/;

/**
 * A fixed-width report (a legacy system's print): the rule of dashes under the column headings
 * gives each column's span; the heading lines above it (a heading may stack over two lines,
 * "BIRTH" over "DATE") name the columns, and each row below is a record. A row whose first column
 * is blank continues the record above (an address wrapped onto its own line).
 */
function fixedWidthReports(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rule = lines[i]!;
    if (!COLUMN_RULE.test(rule) || i === 0) {
      out.push(rule);
      continue;
    }
    const spans = [...rule.matchAll(/[-=]+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const cut = (line: string): string[] => spans.map(([a, b], k) => line.slice(a, k === spans.length - 1 ? undefined : Math.max(b, spans[k + 1]![0] - 1)).trim());
    // The heading lines: up to three non-blank lines right above the rule.
    let top = out.length;
    while (top > 0 && out.length - top < 3 && out[top - 1]!.trim().length > 0) top--;
    const headings = out.slice(top).map(cut);
    const labels = spans.map((_, k) => headings.map((h) => h[k]).filter((h) => h!.length > 0).join(' '));
    if (labels.filter(isLabel).length < Math.max(3, labels.length * 0.6)) {
      out.push(rule);
      continue;
    }
    // A row keeps the gaps between columns blank (one value may overrun a gap); prose does not.
    const gaps = spans.slice(1).map(([a]) => a - 1);
    const fits = (line: string): boolean => gaps.filter((g) => /\S/.test(line[g] ?? ' ')).length <= 1;
    const records: string[][][] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim().length === 0) continue;
      if (/^\s*\*{2,}|\bend of report\b/i.test(line) || line.length < spans[1]![0] || !fits(line)) break;
      const cells = cut(line);
      if (cells[0]!.length === 0 && records.length > 0) records[records.length - 1]!.forEach((parts, k) => cells[k] && parts.push(cells[k]!));
      else records.push(cells.map((c) => (c.length > 0 ? [c] : [])));
    }
    if (records.length === 0) {
      out.push(rule);
      continue;
    }
    // Rewritten as the sheet it is (a header row, a row per record), so blank cells stay blank;
    // a cell wrapped onto the next line joins its first line with a comma ("street, city line").
    out.splice(top, out.length - top, labels.join('\t'), ...records.map((record) => record.map((parts) => parts.join(', ')).join('\t')), '');
    i = j - 1;
  }
  return out;
}

/** "F01 = Client name": a legend line naming what a coded column holds. */
const LEGEND = /^\s*([A-Z]{1,3}\d{1,3})\s*(?:=|:|[-–—])\s*(\S.{1,60}?)\s*$/;
const CODE = /^[A-Z]{1,3}\d{1,3}$/;

/**
 * An export whose header row prints field codes ("F05 F01 F08") and whose legend, elsewhere in the
 * mail, says what each code is: the codes in the header are replaced by what the legend names, so
 * the row below reads under real labels. The legend lines themselves are then dropped.
 */
function codedColumns(lines: string[]): string[] {
  const legend = new Map<string, string>();
  for (const line of lines) {
    const m = LEGEND.exec(line);
    if (m && isLabel(m[2]!)) legend.set(m[1]!, m[2]!);
  }
  if (legend.size < 3) return lines;
  let decoded = false;
  const out = lines.map((line) => {
    const cells = cellsOf(line);
    if (cells.length < 3 || !cells.every((c) => CODE.test(c) && legend.has(c))) return line;
    decoded = true;
    return cells.map((c) => legend.get(c)!).join('\t');
  });
  return decoded ? out.filter((line) => !(LEGEND.exec(line) && legend.has(LEGEND.exec(line)![1]!))) : lines;
}

/** "client_first=Ann&dob=1990-01-02&...": a form post as sent (URL-encoded), four keys or more. */
const FORM_POST = /^\s*[A-Za-z_][\w.[\]-]{0,40}=[^&\s]*(?:&[A-Za-z_][\w.[\]-]{0,40}=[^&\s]*){3,}\s*$/;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value.replace(/\+/g, ' ');
  }
}

/** A form post's keys and values, decoded, one "key: value" line each (an empty value, none). */
function formPosts(lines: string[]): string[] {
  return lines.flatMap((line) =>
    FORM_POST.test(line)
      ? line
          .trim()
          .split('&')
          .flatMap((kv) => pair(decoded(kv.slice(0, kv.indexOf('='))).replace(/[_.]+/g, ' ').trim(), decoded(kv.slice(kv.indexOf('=') + 1)).trim()))
      : [line],
  );
}

const XML_LEAF = /^\s*<([A-Za-z][\w.-]*)(?:\s[^<>]*)?>([^<]*)<\/\1>\s*$/;
const XML_TAG = /^\s*<(\/?)([A-Za-z][\w.-]*)(?:\s[^<>]*?)?(\/?)>\s*$/;

/**
 * An XML export, one element a line: each leaf element as "Element: text", read under the
 * element that holds it when its own name does not say whose it is ("Name" in <Subscriber>).
 * Tag-only lines and empty elements give no line. Four leaf lines or more, or it is left alone.
 */
function xmlExports(lines: string[]): string[] {
  if (lines.filter((l) => XML_LEAF.test(l)).length < 4) return lines;
  const out: string[] = [];
  const open: string[] = [];
  for (const line of lines) {
    const leaf = XML_LEAF.exec(line);
    const tag = leaf ? null : XML_TAG.exec(line);
    if (leaf) out.push(...pair(underGroup(open[open.length - 1] ?? '', leaf[1]!), decodeXml(leaf[2]!.trim())));
    else if (tag && tag[1] === '/') open.pop();
    else if (tag && tag[3] !== '/') open.push(tag[2]!);
    else if (!tag && !/^\s*<\?xml\b/.test(line)) out.push(line);
  }
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

const DEFINITION = /^:[ \t]+(\S.*)$/;

/**
 * A definition list as Markdown writes it: a term on its line, then ":   definition" (after a
 * blank line or not). The first definition becomes the term's value ("Referred by: ..."); any
 * further one is a line of its own under it ("Member ID SNT 4407"), read as written.
 */
function definitionLists(lines: string[]): string[] {
  const out: string[] = [];
  let term = -1;
  for (const line of lines) {
    const def = DEFINITION.exec(line);
    if (def === null) {
      if (line.trim().length > 0 && !/^\s/.test(line)) term = -1;
      out.push(line);
      continue;
    }
    if (term >= 0) {
      out.push(def[1]!);
      continue;
    }
    // The term: the last non-blank line, when it is short and holds no value of its own.
    let k = out.length - 1;
    while (k >= 0 && out[k]!.trim().length === 0 && out.length - k <= 2) k--;
    const candidate = k >= 0 ? out[k]!.trim() : '';
    if (candidate.length > 0 && candidate.length <= 40 && !candidate.includes(':')) {
      out.splice(k, out.length - k, `${candidate}: ${def[1]}`);
      term = k;
    } else out.push(def[1]!);
  }
  return out;
}

const BARE_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const BARE_ID = /^(?=[^\n]*\d)(?=[^\n]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 -]{5,22}$/;

/** What one unlabelled line is by its shape alone, with the lines it takes (a street and its city line take two). */
function shapeOf(line: string, next: string): { label: string; take: number } | null {
  if (BARE_DATE.test(line)) return { label: 'Date of birth', take: 1 };
  if (/^\d+\s+\p{L}/u.test(line) && next.length > 0) {
    const address = parseAddress(`${line}\n${next}`);
    if (address?.city && (address.state || address.postalCode)) return { label: 'Address', take: 2 };
  }
  if (/^[\d\s().+-]{10,20}$/.test(line) && parsePhone(line) !== null) return { label: 'Insurance phone', take: 1 };
  if (!/\d/.test(line) && namesKnownPayer(line)) return { label: 'Insurance', take: 1 };
  if (BARE_ID.test(line) && !/\s\p{L}{3,}/u.test(line)) return { label: 'Member ID', take: 1 };
  return null;
}

/**
 * A column of values pasted without labels ("Jo Roe", "4/5/1990", "12 Elm St", "Troy, NY
 * 12180", "Fidelis Care", "XF1234567", "1-800-555-0100"): a block standing alone whose first
 * line is a person's name and every other line has the unmistakable shape of one field (a date,
 * a street over its city line, a payer the dictionary knows, an ID, a phone), each field once.
 * Each line is given the label its shape says; a block with any other line is left as it is.
 */
function valueColumns(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j]!.trim().length > 0 && j - i <= 10) j++;
    const block = lines.slice(i, j).map((l) => l.trim());
    const labelled = block.length >= 4 && block.length <= 10 && (i === 0 || lines[i - 1]!.trim() === '') ? labelColumnValues(block) : null;
    out.push(...(labelled ?? lines.slice(i, Math.max(j, i + 1))));
    i = Math.max(j, i + 1);
  }
  return out;
}

function labelColumnValues(block: string[]): string[] | null {
  if (!block.some((l) => BARE_DATE.test(l)) || block.some((l) => /[:\t]/.test(l) || l.length > 60) || !CAPITALISED_NAME.test(block[0]!) || namesKnownPayer(block[0]!)) return null;
  const out = [`Client name: ${block[0]}`];
  const seen = new Set<string>();
  for (let k = 1; k < block.length; ) {
    const shape = shapeOf(block[k]!, block[k + 1] ?? '');
    if (shape === null || seen.has(shape.label)) return null;
    seen.add(shape.label);
    out.push(`${shape.label}: ${block[k]}`, ...block.slice(k + 1, k + shape.take));
    k += shape.take;
  }
  return seen.has('Date of birth') && seen.has('Insurance') ? out : null;
}

/** An X12 segment: its ID, then elements after "*" ("NM1*IL*1*ROE*JO****MI*W123~"). */
const X12_SEGMENT = /^\s*(ISA|GS|ST|BHT|HL|NM1|REF|N3|N4|DMG|DTP|TRN|EQ|SE|GE|IEA|PRV|INS)\*([^~\n]*)~?\s*$/;

/**
 * An X12 270 eligibility inquiry pasted as it was built, one segment a line: the payer
 * (NM1*PR), the insured's name and member ID (NM1*IL ... MI*id), the patient (NM1*03, or the
 * insured when there is no dependent), group (REF*6P), and the patient's address (N3, N4) and
 * birth date (DMG*D8) as labelled lines. The envelope and other segments are dropped.
 */
function x12Segments(lines: string[]): string[] {
  if (lines.filter((l) => X12_SEGMENT.test(l)).length < 5) return lines;
  // Without a dependent (NM1*03), the insured is the patient, and the birth date theirs.
  const dependent = lines.some((l) => /^\s*NM1\*03\*/.test(l));
  const out: string[] = [];
  let patient = false;
  for (const line of lines) {
    const m = X12_SEGMENT.exec(line);
    if (m === null) {
      out.push(line);
      continue;
    }
    const e = m[2]!.split('*').map((x) => x.trim());
    const name = [e[3], e[2]].filter((x) => x).join(' ');
    if (m[1] === 'NM1') patient = e[0] === '03' || (e[0] === 'IL' && !dependent);
    if (m[1] === 'NM1' && e[0] === 'PR') out.push(...pair('Insurance', e[2]));
    else if (m[1] === 'NM1' && e[0] === '03') out.push(...pair('Patient name', name));
    else if (m[1] === 'NM1' && e[0] === 'IL') {
      out.push(...(dependent ? [] : pair('Patient name', name)), ...pair('Insured name', name));
      if (e[7] === 'MI') out.push(...pair('Member ID', e[8]));
    } else if (m[1] === 'REF' && e[0] === '6P') out.push(...pair('Group number', e[1]));
    else if (m[1] === 'N3' && patient) out.push(...pair('Address', e[0]));
    else if (m[1] === 'N4' && patient) out.push(`${e[0] ?? ''}, ${e[1] ?? ''} ${e[2] ?? ''}`.trim());
    else if (m[1] === 'DMG' && patient && e[0] === 'D8' && /^\d{8}$/.test(e[1] ?? '')) out.push(`Date of birth: ${e[1]!.slice(0, 4)}-${e[1]!.slice(4, 6)}-${e[1]!.slice(6)}`);
  }
  return out;
}

const OUTLINE_PARENT = /^(\s*)[•*-]\s+([^:]{2,40}?)\s*$/;
const OUTLINE_CHILD = /^(\s+)[◦○▪▫]\s+(\S.*)$/;

/**
 * A chat outline: a bullet that is only a label ("• Client"), its values as sub-bullets under it
 * ("◦ Dana Roe", "◦ born 3/4/1990"). The first sub-bullet is the label's value; the others stay
 * lines of their own under it, read as written.
 */
function outlines(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const parent = OUTLINE_PARENT.exec(lines[i]!);
    const child = parent ? OUTLINE_CHILD.exec(lines[i + 1] ?? '') : null;
    if (parent && child && child[1]!.length > parent[1]!.length && isLabel(parent[2]!)) {
      out.push(`${parent[2]}: ${child[2]}`);
      i++;
      while (i + 1 < lines.length && OUTLINE_CHILD.test(lines[i + 1]!)) out.push(OUTLINE_CHILD.exec(lines[++i]!)![2]!);
    } else out.push(lines[i]!);
  }
  return out;
}

/** A header of two columns, the client's and the policy holder's ("\tPATIENT\tSUBSCRIBER"). */
const SIDE_BY_SIDE = /^[ \t]*(?:(patient|client|member)[ \t]*\t+[ \t]*(subscriber|insured|policy[ -]?holder|guarantor)|(subscriber|insured|policy[ -]?holder)[ \t]*\t+[ \t]*(patient|client|member))[ \t]*$/i;

/** A labelled row of a column table: its label and the cells beside it. */
interface ColumnRow {
  label: string;
  cells: string[];
}

/**
 * Each table found by `headAt` (a header row), with the labelled rows under it ("Name | Tessa | Gordon"),
 * replaced by the lines `rewrite` makes of them; a table it returns null for is left as it stands.
 */
function rewriteColumnTables(
  lines: string[],
  shape: { minCells: number; maxLabel: number },
  headAt: (i: number) => RegExpExecArray | null,
  rewrite: (head: RegExpExecArray, rows: ColumnRow[]) => string[] | null,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = headAt(i);
    const rows: ColumnRow[] = [];
    let j = i + 1;
    for (; head && j < lines.length; j++) {
      const cells = lines[j]!.split('\t').map((c) => c.trim());
      if (cells.length < shape.minCells || cells[0]!.length === 0 || cells[0]!.length > shape.maxLabel) break;
      rows.push({ label: cells[0]!, cells: cells.slice(1) });
    }
    const rewritten = head ? rewrite(head, rows) : null;
    if (rewritten === null) {
      out.push(lines[i]!);
      continue;
    }
    out.push(...rewritten);
    i = j - 1;
  }
  return out;
}

/**
 * An intake sheet's two columns side by side, "Name | Tessa M. Pell | Gordon Pell": each row's
 * label, once for the client's column and once for the holder's ("Patient Name: ...",
 * "Subscriber Name: ..."), the client's rows first.
 */
function sideBySideColumns(lines: string[]): string[] {
  return rewriteColumnTables(lines, { minCells: 3, maxLabel: 30 }, (i) => SIDE_BY_SIDE.exec(lines[i]!), (head, rows) => {
    const clientFirst = head[1] !== undefined;
    const client: string[] = [];
    const holder: string[] = [];
    for (const { label, cells } of rows) {
      const [first, second] = [cells[0]!, cells.slice(1).join(' ').trim()];
      const [mine, theirs] = clientFirst ? [first, second] : [second, first];
      if (mine.length > 0) client.push(`Patient ${label}: ${mine}`);
      if (theirs.length > 0) holder.push(`Subscriber ${label}: ${theirs}`);
    }
    return client.length < 2 ? null : [...client, '', ...holder, ''];
  });
}

/** "Resident<TAB>Walter F. Duchesne<TAB>Bernadette A. Costigan": two clients, one to a column. */
const CLIENTS_AS_COLUMNS = /^[ \t]*(?:client|patient|resident|member|participant)s?(?:[ \t]+name)?[ \t]*\t+[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ ]+\p{Lu}[\p{L}'’.-]*){1,3})[ \t]*\t+[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ ]+\p{Lu}[\p{L}'’.-]*){1,3})[ \t]*$/iu;

/** "Field<TAB>Athlete 1<TAB>Athlete 2": two clients, one to a column, each named in the rows below. */
const NUMBERED_CLIENT_COLUMNS = /^[ \t]*(?:field|item|info(?:rmation)?|details?|category|label)?[ \t]*\t+[ \t]*(client|patient|resident|athlete|student|member|participant|person|individual)\s*#?\s*(?:1|one|a)[ \t]*\t+[ \t]*\1\s*#?\s*(?:2|two|b)[ \t]*$/i;

/** Each client's column, rewritten as a block of its own ("Client 1", "Name: ...", "DOB: ..."). */
function clientColumns(lines: string[]): string[] {
  // (Only as a block's first row: under a header row of its own, the sheet is read as a whole below.)
  const headAt = (i: number) => (i > 0 && lines[i - 1]!.includes('\t') ? null : (CLIENTS_AS_COLUMNS.exec(lines[i]!) ?? NUMBERED_CLIENT_COLUMNS.exec(lines[i]!)));
  return rewriteColumnTables(lines, { minCells: 2, maxLabel: 40 }, headAt, (head, rows) => {
    if (rows.length < 2) return null;
    const named = head[2] !== undefined;
    const blocks: string[][] = named ? [[`Name: ${head[1]!}`], [`Name: ${head[2]!}`]] : [[], []];
    for (const { label, cells } of rows) {
      cells.slice(0, 2).forEach((value, k) => {
        // ("ID | MBI 3HW5KT8QR27 | Member ID MEBX4729184": each cell names its own kind of ID.)
        const own = /^(MBI|Member\s+ID|Subscriber\s+ID|Policy\s*#?|ID)\s*[:#]?\s+(?=\S*\d)/i.exec(value);
        if (value.length > 0) blocks[k]!.push(own ? `${own[1]!}: ${value.slice(own[0].length)}` : `${label}: ${value}`);
      });
    }
    return ['Client 1', ...blocks[0]!, '', 'Client 2', ...blocks[1]!, ''];
  });
}

/** The passes, each only when its sign is in the text. */
export function pastedTables(lines: string[]): string[] {
  let out = lines;
  if (out.some((l) => /^\s*NM1\*/.test(l))) out = x12Segments(out);
  if (out.some((l) => SIDE_BY_SIDE.test(l))) out = sideBySideColumns(out);
  if (out.some((l) => CLIENTS_AS_COLUMNS.test(l) || NUMBERED_CLIENT_COLUMNS.test(l))) out = clientColumns(out);
  if (out.some((l) => DEFINITION.test(l))) out = definitionLists(out);
  if (out.some((l) => OUTLINE_CHILD.test(l))) out = outlines(out);
  if (out.some((l) => BARE_DATE.test(l.trim()))) out = valueColumns(out);
  if (out.some((l) => FORM_POST.test(l))) out = formPosts(out);
  if (out.some((l) => XML_LEAF.test(l))) out = xmlExports(out);
  if (out.some((l) => l.includes('\t') && CODE.test(l.split('\t')[0]!.trim()))) out = codedColumns(out);
  if (out.some((l) => l.includes('\t'))) out = tabbedBlocks(out);
  if (out.some((l) => COLUMN_RULE.test(l))) out = fixedWidthReports(out);
  return out;
}
