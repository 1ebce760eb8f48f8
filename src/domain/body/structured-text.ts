/**
 * Text that systems write in shapes of their own, rewritten as the "Label: value" lines the
 * body reader knows: a JSON object pasted from an intake system (flattened to "path: value"),
 * and a questionnaire export ("Q3. Date of birth?" then "A: 03/04/1991"). Pure.
 */

import { REQUIRED_FIELD_PROMPTS } from '../../../schemas/vob-record';
import { classifyLabel, isFieldLabel, type FieldKey } from './labels';
import { SPOKEN_SIGN, spokenAsTyped } from './spoken';
import { LOWER_CASE_SIGN, lowerCaseSentences } from './sentence-case';
import { pastedTables } from './pasted-tables';
import { escapeRegExp } from '../escape-regexp';

/** The prompts our own reply lists, lower-case ("copy of the insurance card"). */
const ASKED = new Set(Object.values(REQUIRED_FIELD_PROMPTS).map((p) => p.toLowerCase()));

const QUESTION = /^\s*(?:q\s*\d{1,2}[a-z]?\s*[.):-]?\s*)?(.{2,70}?)\s*\?\s*$/i;
const ANSWER = /^\s*(?:a|ans|answer)\s*[:.)-]\s*(.*)$/i;

/** A line holding one of our reply's prompts, as a pattern (the sign of labelsThenValues). */
const ASKED_LINE = `\\n(?:${[...ASKED].map(escapeRegExp).join('|')})[ \\t]*\\n`;

/** A line that is one of our reply's prompts ("Client Address", "Referred By (Treatment Center)"). */
function isAskedPrompt(line: string): boolean {
  return ASKED.has(line.trim().replace(/:$/, '').toLowerCase());
}

/** "Q1. Client's full name?" / "A: Jane Roe" → "Client's full name?: Jane Roe" (the question mark kept: "Is he the subscriber?" is read as a question). */
function questionAnswers(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const q = QUESTION.exec(lines[i]!);
    const a = q ? ANSWER.exec(lines[i + 1] ?? '') : null;
    if (q && a) {
      out.push(`${q[1]}?: ${a[1]}`);
      i++;
    } else out.push(lines[i]!);
  }
  return out;
}

/**
 * The label for a key path: the whole path when the vocabulary knows it ("subscriber name"),
 * else its longest known tail ("coverage memberId" → "memberId"), else the whole path.
 */
function labelOf(path: string[]): string {
  for (let k = 0; k < path.length; k++) {
    const label = path.slice(k).join(' ');
    const field = classifyLabel(label);
    if (field !== null && field !== 'ignore') return label;
  }
  return path.join(' ');
}

/** Every scalar of a parsed JSON value as "key path: value" ("patient firstName: Lucian"). */
function flatten(value: unknown, path: string[], out: string[]): void {
  if (value === null || typeof value !== 'object') {
    if (path.length > 0) out.push(`${labelOf(path)}: ${value === null ? '' : String(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    // A top-level array of records ("[ {client...}, {client...} ]"): one client each, a blank line between.
    value.forEach((v, k) => {
      if (path.length === 0 && k > 0) out.push('');
      flatten(v, path, out);
    });
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, [...path, k], out);
}

/** A JSON object or array over several lines (first line "{" or "["): its flattened lines, or null when it does not parse. */
function jsonBlock(lines: string[], start: number): { end: number; flat: string[] } | null {
  let depth = 0;
  for (let j = start; j < lines.length && j < start + 400; j++) {
    for (const ch of lines[j]!) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth === 0) {
      try {
        const flat: string[] = [];
        flatten(JSON.parse(lines.slice(start, j + 1).join('\n')), [], flat);
        return { end: j, flat };
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The cells of a comma-separated line, with RFC 4180 quoting ("1402 Magnolia Blvd, Apt 9"). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') quoted = true;
    else if (ch === ',') cells.push(cell.trim()), (cell = '');
    else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * A CSV header of labels and the data rows under it (an export from admissions software):
 * one "Label: value" line per cell, a blank line between rows (one client each).
 */
function csvRows(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!.includes(',') ? csvCells(lines[i]!) : [];
    const known = header.filter((h) => h.length <= 40 && classifyLabel(h) !== null).length;
    if (header.length < 4 || known < header.length * 0.7) {
      out.push(lines[i]!);
      continue;
    }
    let j = i + 1;
    for (; j < lines.length; j++) {
      const row = csvCells(lines[j]!);
      if (row.length !== header.length) break;
      out.push(...header.map((h, k) => `${h}: ${row[k]}`), '');
    }
    if (j === i + 1) out.push(lines[i]!);
    i = j - 1;
  }
  return out;
}

/** "Policy holder's name and relationship": a label whose parts are each labels; the first part's field. */
function combinedLabel(label: string): ReturnType<typeof classifyLabel> {
  const parts = label.split(/\s+and\s+|\s*\/\s*|\s*&\s*/i);
  if (parts.length < 2) return null;
  const fields = parts.map((p) => classifyLabel(p));
  return fields.every((f) => f !== null && f !== 'ignore') ? fields[0]! : null;
}

const QUOTED_PROMPT = /^\s*>[\s>]*(?:\d{1,2}[.)]\s*)?(.{2,160}?)\s*([:?]?)\s*$/;

/**
 * Answers written inline under the quoted lines of our reply or of a center's questions ("> Subscriber
 * Name" then "Maria Lopez", "> 4. What insurance does he have? Please send a photo of the" / "> back
 * of the card." then "Wellcare"): each quoted prompt and the unquoted line under it become
 * "Label: answer", the sender's own statement. A question is the prompt's first sentence, with its
 * question mark, and the rest of its quoted lines are no answer.
 */
function inlineAnswers(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const quoted = QUOTED_PROMPT.exec(lines[i]!);
    // (A "?" after a label's colon is its value, unknown: "> Relationship: ?".)
    const question = quoted ? /^(.{1,157}?[\p{L})]\?)\s/u.exec(`${quoted[1]}${quoted[2]} `)?.[1] ?? null : null;
    const label = question ?? quoted?.[1] ?? '';
    const field = quoted ? (classifyLabel(label) ?? combinedLabel(label)) : null;
    const asked = quoted !== null && ASKED.has(label.toLowerCase().replace(/\s*\(if available\)$/, ''));
    // A prompt that ends with ":" or "?" may have its answer after a blank line ("> 1. Member ID:", "", "XOF 558"),
    // and a question's quoted lines may go on with what it asks besides.
    let j = i + 1;
    if (quoted && (quoted[2] !== '' || question !== null)) {
      while (j < lines.length && j - i <= 4 && (lines[j]!.trim() === '' || (question !== null && /^\s*>[\s>]*\S/.test(lines[j]!) && !QUESTION_MARKED.test(lines[j]!)))) j++;
    }
    const answer = lines[j];
    if (quoted && ((field !== null && field !== 'ignore') || asked) && answer !== undefined && answer.trim() !== '' && !/^\s*>/.test(answer)) {
      out.push(`${label}: ${answer.trim().replace(/^(?:answer|ans|a)\s*[:\-–]\s*/i, '')}`);
      i = j;
    } else out.push(lines[i]!);
  }
  return out;
}

/** A quoted line that is a prompt of its own: numbered, or a question or label ending the line. */
const QUESTION_MARKED = /^\s*>[\s>]*(?:\d{1,2}[.)]\s|.*[?:]\s*$)/;

/** "key = value", "Key >> value", "key => value", "Key :: value": a separator other than the colon. */
const SEPARATED = /^(\s*(?:[-*•]\s*)?)(\p{L}[\p{L}\d _#/()'’-]{0,40}?)[ \t]*(=>|>>|->|→|»|::|=|\.{3,}|_{3,})[ \t]*(.*)$/u;

/** Dot and underscore leaders come in any length ("NAME......", "DOB....."): one separator each. */
function separatorKind(sep: string): string {
  return /^\.{3,}$/.test(sep) ? '...' : /^_{3,}$/.test(sep) ? '___' : sep;
}

/**
 * Lines written with one separator other than the colon, as labels: rewritten "label: value" when
 * at least two of them carry a label the reader knows (so "x = y" in a note is left alone).
 */
function separatorPairs(lines: string[]): string[] {
  const known = new Map<string, number>();
  for (const line of lines) {
    const m = SEPARATED.exec(line);
    if (m && classifyLabel(m[2]!.trim()) !== null) known.set(separatorKind(m[3]!), (known.get(separatorKind(m[3]!)) ?? 0) + 1);
  }
  const sep = [...known.entries()].find(([, n]) => n >= 2)?.[0];
  if (sep === undefined) return lines;
  return lines.map((line) => {
    const m = SEPARATED.exec(line);
    return m && separatorKind(m[3]!) === sep ? `${m[1]}${m[2]!.trim()}: ${m[4]}` : line;
  });
}

/** "Our address is" alone on a line, the value on the lines below: a bare label. */
const LABEL_IS = /^(\s*)(?:(?:our|her|his|their|the|my)\s+)?(\p{L}[\p{L} ]{1,30}?)\s+(?:is|are)\s*:?\s*$/iu;

function sentenceLabels(lines: string[]): string[] {
  return lines.map((line) => {
    const m = LABEL_IS.exec(line);
    const field = m ? classifyLabel(m[2]!) : null;
    return m && field !== null && field !== 'ignore' ? `${m[1]}${m[2]}:` : line;
  });
}

/** A chat export's line: "[11/29/26, 6:40 PM] Danny: text", "11/29/26, 18:40 - Danny: text", "Ray (10:16 AM): text". */
const CHAT_LINE = /^\s*(?:(?:\[[^\]\n]{4,40}\]|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[AP]M)?\s+[-–])\s*[^:\n]{1,40}|[\p{L} .'-]{1,30}\s\(\d{1,2}:\d{2}(?:\s?[AP]M)?\))\s*:\s+/iu;

/** A text-message thread exported to mail: each line as its sender typed it, without the stamp. */
function chatLines(lines: string[]): string[] {
  if (lines.filter((l) => CHAT_LINE.test(l)).length < 3) return lines;
  return lines.map((l) => l.replace(CHAT_LINE, ''));
}

/** Fields a question may ask for, with the label its answer is written under. */
const ASKABLE: ReadonlyMap<FieldKey, string> = new Map<FieldKey, string>([
  ['name', 'Name'], ['clientName', 'Name'], ['dob', 'DOB'], ['clientDob', 'DOB'], ['address', 'Address'], ['clientAddress', 'Address'],
  ['payer', 'Insurance'], ['memberId', 'Member ID'], ['group', 'Group'], ['insPhone', 'Insurance phone'], ['subscriberName', 'Subscriber'],
  ['referredBy', 'Referred by'],
]);
/** Fields whose answer must have their shape (a date, an ID, a phone, a street address). */
const SHAPED: ReadonlySet<FieldKey> = new Set<FieldKey>(['dob', 'clientDob', 'memberId', 'group', 'insPhone', 'address', 'clientAddress']);
/** An answer that is talk, not a value ("I'll check with his mom", "not sure"). */
const NOT_A_VALUE = /\b(?:i|i'll|i’ll|we|we'll|don'?t|dont|not|no|check|ask|sure|know|will|later|tomorrow|sorry|idk|hold on|let me)\b/i;

/** The fields a question names, in order ("what's your brother's full name and bday?" → name, dob). */
function askedFields(question: string): FieldKey[] {
  const words = question.replace(/[?!.,]+/g, ' ').split(/\s+/).filter((w) => w.length > 0);
  const fields: FieldKey[] = [];
  for (let i = 0; i < words.length; ) {
    let step = 1;
    for (let k = Math.min(3, words.length - i); k >= 1; k--) {
      const field = classifyLabel(words.slice(i, i + k).join(' '));
      if (field === null || !ASKABLE.has(field)) continue;
      const label = ASKABLE.get(field)!;
      if (!fields.some((f) => ASKABLE.get(f) === label)) fields.push(field);
      step = k;
      break;
    }
    i += step;
  }
  return fields;
}

/** The answer as labelled lines for the fields asked, or null when its shape does not fit them. */
function answeredLines(fields: FieldKey[], answer: string): string[] | null {
  let rest = answer.trim();
  const lines: string[] = [];
  // A date asked with something else: the date by its shape, the other field the words left.
  const dobField = fields.find((f) => f === 'dob' || f === 'clientDob');
  if (dobField !== undefined && fields.length === 2) {
    const date = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.exec(rest);
    if (date === null) return null;
    lines.push(`DOB: ${date[0]}`);
    rest = (rest.slice(0, date.index) + ' ' + rest.slice(date.index + date[0].length)).replace(/^[\s,.;-]+|[\s,;-]+$/g, '').replace(/\s+/g, ' ');
    fields = fields.filter((f) => f !== dobField);
  }
  if (fields.length !== 1) return null;
  const field = fields[0]!;
  // "Molina Medicaid. id 108 556 732": the first sentence answers; the rest is a line of its own.
  const cut = /(?<=\p{Ll}{2}|\p{Lu}{2})\.\s+(?=\S)/u.exec(rest);
  const head = cut ? rest.slice(0, cut.index) : rest;
  const tail = cut ? rest.slice(cut.index + cut[0].length) : '';
  const value = head.replace(/[.!]+$/, '').trim();
  if (value.length === 0) return null;
  if (SHAPED.has(field)) {
    if (!/\d/.test(value)) return null;
  } else if (value.split(/\s+/).length > 6 || NOT_A_VALUE.test(value)) return null;
  lines.push(`${ASKABLE.get(field)}: ${value}`);
  if (tail.length > 0) lines.push(tail);
  return lines;
}

/**
 * A question, the answer on the next line (a chat, a quick note): "address?" then "12 Oak Dr...",
 * "what's your brother's full name and bday?" then "Anthony Cruz Valdez. 4/19/1990", as
 * labelled lines. An answer that is talk, or lacks the shape of what was asked, stays as written.
 */
function askedLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const question = /^\s*([^?:>]{2,120}?)\s*\?+\s*$/u.exec(lines[i]!)?.[1];
    const answer = lines[i + 1]?.trim() ?? '';
    const fields = question !== undefined && answer.length > 0 && !answer.endsWith('?') && !answer.includes(':') ? askedFields(question) : [];
    const answered = fields.length > 0 && fields.length <= 2 ? answeredLines(fields, answer) : null;
    if (answered !== null) {
      out.push(...answered);
      i++;
    } else out.push(lines[i]!);
  }
  return out;
}

/** "Parent/guardian: Dana Whitlock (mother) - she is the policy holder ...": that person is the subscriber. */
const RELATIVE_HOLDS = /^(\s*)((?:parent|guardian|mother|father|mom|dad|spouse|wife|husband|partner)(?:\s*\/\s*(?:parent|guardian|mother|father))?)\s*:\s*(.+?)\s*[-–—,;]\s*(?:she|he|they)(?:['’]s|\s+is|\s+are)\s+(?:the\s+)?(?:policy\s?-?holder|subscriber|insured|primary(?:\s+insured)?)\b.*$/i;

/** "Pt Name: Roe, Jo          MRN: 0044": two labelled columns on one line, each a line of its own. */
const TWO_COLUMNS = /^(\s*[^\s:][^:]{0,30}:[ \t]*\S.*?)[ \t]{3,}([A-Za-z][\w .#/()'-]{0,30}:[ \t]*\S.*)$/;

function splitColumns(lines: string[]): string[] {
  return lines.flatMap((line) => {
    // A quoted line's columns stay quoted.
    const quote = /^\s*(?:>\s?)*/.exec(line)![0];
    const m = TWO_COLUMNS.exec(line.slice(quote.length));
    if (!m) return [line];
    const right = m[2]!.slice(0, m[2]!.indexOf(':'));
    return classifyLabel(right) !== null ? [quote + m[1]!, ...splitColumns([quote + m[2]!])] : [line];
  });
}

/** Where a labelled cell starts after a gap of three spaces or more ("Name: Jo Roe      Payer: Aetna"). */
const RIGHT_LABEL_CELL = /(?<=\S[ ]{3,}|^[ ]{3,})[A-Za-z][\w .#/()'-]{0,30}:/g;

/**
 * A face sheet of two columns pasted as text ("Name: Jo Roe        Payer: Blue Cross Blue Shield"
 * over "DOB: 05/17/1979              of Texas"): when three lines or more hold a labelled cell at
 * the same column, the block of lines around them is cut at that column and read as the left
 * column, then the right, so a cell wrapped onto the next line stays with its label.
 */
function columnBlocks(lines: string[]): string[] {
  if (lines.some((l) => l.includes('\t'))) return lines;
  // Each line's labelled cells, by the column they start at.
  const cells = lines.map((line) => [...line.matchAll(RIGHT_LABEL_CELL)]);
  const byColumn = new Map<number, number>();
  for (const m of cells.flat()) {
    if (m.index >= 16 && classifyLabel(m[0].slice(0, -1)) !== null) byColumn.set(m.index, (byColumn.get(m.index) ?? 0) + 1);
  }
  const best = [...byColumn.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[1] < 3) return lines;
  const col = best[0];
  // A line belongs to the block when it is blank at the column's gap: short, or spaces there (a
  // wrapped right cell may start further in).
  const fits = (l: string): boolean => l.trim().length > 0 && (l.trimEnd().length <= col - 2 || l.slice(col - 2, col) === '  ');
  const labelled = cells.map((line) => line.some((m) => m.index === col));
  const first = labelled.indexOf(true);
  const last = labelled.lastIndexOf(true);
  let start = first;
  while (start > 0 && fits(lines[start - 1]!) && lines[start - 1]!.length > col) start--;
  let end = last;
  while (end + 1 < lines.length && fits(lines[end + 1]!) && lines[end + 1]!.length > col) end++;
  for (let i = start; i <= end; i++) if (!fits(lines[i]!)) return lines;
  const block = lines.slice(start, end + 1);
  const left = block.map((l) => l.slice(0, col).trimEnd()).filter((l) => l.trim().length > 0);
  // A right cell wrapped onto the next line keeps its indent, so it reads as a continuation.
  const right = block.map((l) => l.slice(col).trimEnd()).filter((l) => l.trim().length > 0);
  return [...lines.slice(0, start), ...left, '', ...right, ...lines.slice(end + 1)];
}

/**
 * A form pasted with its labels and answers apart: four or more labels alone on their lines, then
 * (after blank lines) exactly as many answer lines, paired in order. With any other count the
 * pairing is unknown and the block is left as it is.
 */
function labelsThenValues(lines: string[]): string[] {
  const isLabel = (l: string): boolean => {
    const m = /^\s*([^:]{2,50}):\s*$/.exec(l);
    return (m !== null && classifyLabel(m[1]!) !== null) || isAskedPrompt(l);
  };
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    let j = i;
    while (j < out.length && isLabel(out[j]!)) j++;
    // Our own reply's prompts, pasted back above the answers, are labels however few.
    if (j - i < (out.slice(i, j).every(isAskedPrompt) ? 2 : 4)) continue;
    let k = j;
    while (k < out.length && out[k]!.trim() === '') k++;
    let end = k;
    while (end < out.length && out[end]!.trim() !== '' && !/:\s*$/.test(out[end]!)) end++;
    if (k === j || end - k !== j - i) {
      i = j;
      continue;
    }
    // "1. 19 Whitby Ct, ...": an answer's numbering is no part of it.
    const answer = (n: number): string => out[k + n]!.trim().replace(/^(?:\d{1,2}[.)]|[-•*])\s+/, '');
    const paired = out.slice(i, j).map((label, n) => `${label.trim().replace(/:?$/, ':')} ${answer(n)}`);
    out.splice(i, end - i, ...paired);
    i += paired.length - 1;
  }
  return out;
}

/**
 * A table of two cells, labels stacked in the first and values in the second ("Name<br>Date of
 * birth<br>..." | "Darius Yazzie-Begay<br>12/30/1983<br>..."): five or more colonless labels
 * alone on their lines, then the second cell's lines (each begins with the cell's tab, an empty
 * one for an empty value), paired in order when there are as many values as labels, or one fewer
 * (the last labels left empty).
 */
function labelColumnThenValues(lines: string[]): string[] {
  const isLabel = (l: string): boolean => !/^\t/.test(l) && isFieldLabel(l.trim());
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    let j = i;
    while (j < out.length && isLabel(out[j]!)) j++;
    if (j - i < 5) continue;
    let end = j;
    while (end < out.length && /^\t/.test(out[end]!)) end++;
    const labels = j - i;
    const values = end - j;
    if (values !== labels && values !== labels - 1) {
      i = j;
      continue;
    }
    const paired = out.slice(i, j).map((label, n) => `${label.trim()}: ${n < values ? out[j + n]!.trim() : ''}`);
    out.splice(i, end - i, ...paired);
    i += paired.length - 1;
  }
  return out;
}

/** "\tInsurance carrier": a grid's second-column label, written after its cell's tab, is a label line all the same. */
function tabbedLabels(lines: string[]): string[] {
  return lines.flatMap((l, i) => {
    // "Hezekiah Boone\tDate of birth": a cell's value, then the next cell's label above its own value.
    const cells = l.split('\t');
    if (cells.length === 2 && cells[0]!.trim() !== '' && isFieldLabel(cells[1]!.trim()) && !isFieldLabel(cells[0]!.trim()) && isFieldLabel((lines[i - 1] ?? '').trim())) {
      return [cells[0]!.trim(), '', cells[1]!.trim()];
    }
    const m = /^\t+([^\t:\d]{2,40})$/.exec(l);
    if (!m || !isFieldLabel(m[1]!.trim())) return [l];
    // Set apart from the value above it, as the grid's rows are.
    return (lines[i - 1] ?? '').trim() === '' ? [m[1]!.trim()] : ['', m[1]!.trim()];
  });
}

/** "Parent/guardian: Dana Roe (mother) - she is the policy holder" as "Subscriber: Dana Roe (mother)". */
function relativeHolders(lines: string[]): string[] {
  return lines.map((line) =>
    line.replace(RELATIVE_HOLDS, (_m, indent: string, who: string, name: string) => `${indent}Subscriber: ${name}${/\(/.test(name) ? '' : ` (${who.split('/')[0]!.trim()})`}`),
  );
}

/**
 * "Ingrid M. Halvorsen / DOB 14-MAR-1988 / 605 W Superior St, Unit 9, Duluth MN 55802 / BCBS ...":
 * a handoff written as one line of items between slashes reads as a comma list. Not when the line
 * starts with a label ("City / State / Zip: ..." combines labels).
 */
function slashLists(lines: string[]): string[] {
  return lines.flatMap((line) => {
    // "pls run: Ingrid ... / ...": a lead-in that is no label goes on a line of its own.
    const lead = /^([^:/]{1,30}):\s+/.exec(line);
    const leadIn = lead && classifyLabel(lead[1]!.trim()) === null ? lead[0] : '';
    const items = line.slice(leadIn.length).split(/\s+\/\s+/);
    if (items.length < 4 || items[0]!.includes(':') || classifyLabel(items[0]!.trim()) !== null) return [line];
    return leadIn.length > 0 ? [leadIn.trim(), items.join(', ')] : [items.join(', ')];
  });
}

/** "Member Services 800-555-0148": a name for a phone, then the phone. */
const NAMED_PHONE_ITEM = /^([\p{L}][\p{L}/&().' -]{1,40}?)\s*[-–—:]?\s*((?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})(?:\s*(?:opt(?:ion)?|ext\.?|x)\s*\d{1,5})?$/u;

const PLAN_LINE_NAME = /\b(?:member|members|customer|provider|providers|behavioral|behavioural|bh|mental|eligibility|benefits|pharmacy|rx|claims|utilization|prior\s+auth\w*)\b/i;

/**
 * "Numbers on her card: Member Services 800-555-0148 | Behavioral Health 800-555-0149 | Pharmacy
 * 800-555-0147": a card's phones listed on one line, each with its name. Each goes on a line of its
 * own as "name: phone", so the label rules say which is the plan's line to verify on.
 */
function phoneLists(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const lead = /^([^:|]{1,40}):\s+/.exec(line);
    const items = line.slice(lead?.[0].length ?? 0).split(/\s*[|;]\s*/);
    if (items.length < 2) return [line];
    const named = items.map((item) => NAMED_PHONE_ITEM.exec(item.trim()));
    // "Phone (361) 555-0115 | Fax (361) 555-0116": a sender's own contact line names no plan's line.
    // ("Gabriel's Anthem BH 800-... | Luis's UHC MH/SA 866-...": each client's own line, read with its client.)
    if (named.some((m) => m === null) || !named.some((m) => PLAN_LINE_NAME.test(m![1]!)) || named.some((m) => /^\p{Lu}\p{Ll}+['’]s\s/u.test(m![1]!))) return [line];
    return named.map((m) => `${m![1]!.trim()}: ${m![2]}`);
  });
}

const CHECKED = '(?:☒|☑|■|✔|✓|\\[[xX✓]\\]|\\([xX]\\))';
const UNCHECKED = '(?:☐|□|\\[ ?\\]|\\( ?\\))';
// An item runs to the next box: "☒ Other — grandchild (insured is grandmother)" keeps its note.
const BOX_ITEM = new RegExp(`(${CHECKED}|${UNCHECKED})\\s*([^☐☒☑□■✔✓\\n]*?)\\s*(?=${CHECKED}|${UNCHECKED}|$)`, 'g');
const BOX = new RegExp(`${CHECKED}|${UNCHECKED}`);
const TICKED = new RegExp(`^${CHECKED}$`);
const OCR_BOX_ROW = /(?:\bEl\s+\p{Lu}[\p{L}/-]*\s*){3,}/u;

/**
 * "Subscriber Relationship: ☒ Self ☐ Spouse ☐ Child": a form's check boxes, as the option
 * ticked ("Subscriber Relationship: Self"); none ticked leaves the label without a value.
 */
function checkedOptions(lines: string[]): string[] {
  return lines.map((raw) => {
    // A fax's OCR reads an empty box as "El" ("El Self El Spouse El Parent"); three in a row are boxes.
    const line = OCR_BOX_ROW.test(raw) ? raw.replace(/\bEl(?=\s+\p{Lu})/gu, '☐') : raw;
    const first = line.search(BOX);
    if (first < 0) return line;
    const items = [...line.slice(first).matchAll(BOX_ITEM)];
    if (items.length < 2) return line;
    const ticked = items.filter((m) => TICKED.test(m[1]!)).map((m) => m[2]!.trim()).filter((t) => t.length > 0);
    return `${line.slice(0, first).trimEnd()} ${ticked.join(', ')}`.trimEnd();
  });
}

/** "They live here at the house:" then the street address on the next line: "Address: ...". */
function livesAtLines(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1]?.trim() ?? '';
    if (LIVES_AT.test(lines[i]!) && /^\d{1,6}\s+\p{L}/u.test(next)) {
      out.push(lines[i]!, `Address: ${next}`);
      i++;
    } else out.push(lines[i]!);
  }
  return out;
}
const LIVES_AT = /\b(?:live|lives|living|stay|stays|staying|reside|resides|residing)\b[^:\n]{0,40}:\s*$/i;

const VALUE_THEN_LABEL = /^(\s*)(.+?)\s+[—–]\s+(.{2,50}?)\s*$/;

/**
 * "Sofia Castellano — client", "W518273640 — member ID": a block written value first, label
 * last. Only when three lines or more read that way, and none the usual way round.
 */
function valueThenLabel(lines: string[]): string[] {
  let usual = 0;
  const reversed = lines.map((line) => {
    const m = VALUE_THEN_LABEL.exec(line);
    if (!m) return null;
    if (classifyLabel(m[2]!) !== null) {
      usual++;
      return null;
    }
    const label = classifyLabel(m[3]!);
    return label !== null && label !== 'ignore' ? `${m[1]}${m[3]}: ${m[2]}` : null;
  });
  if (reversed.filter((r) => r !== null).length < 3 || usual > 0) return lines;
  return lines.map((line, i) => reversed[i] ?? line);
}

/** The line passes in order, each run only when its sign is in the text (most mail has none). */
/**
 * An HTML body flattened with its line breaks lost ("...tomorrow at 9.Client Name: Jaylen BrooksDOB:
 * 12/12/1999Address: ..."): a known label glued to the value before it starts a line of its own.
 * Only on long lines that carry several such labels.
 */
function gluedLabels(lines: string[]): string[] {
  return lines.flatMap((line) => {
    if (line.length < 120) return [line];
    const cuts: number[] = [];
    for (const colon of line.matchAll(/:(?!\d)/g)) {
      const end = colon.index ?? 0;
      const start = Math.max(0, end - 40);
      const before = line.slice(start, end);
      for (const glue of before.matchAll(/(?<=[a-z0-9.,)])(?=[A-Z])/g)) {
        const at = start + (glue.index ?? 0);
        const field = classifyLabel(line.slice(at, end));
        if (field !== null) {
          cuts.push(at);
          break;
        }
      }
    }
    if (cuts.length < 3) return [line];
    return [0, ...cuts].map((from, k) => line.slice(from, [...cuts, line.length][k]).trim()).filter((part) => part.length > 0);
  });
}

const NUMBERED_QUESTION = /^[\s>]*(\d{1,2})\s*[.)]\s+(.{2,160}\?)\s*$/;
const NUMBERED_ANSWER = /^(\s*)(\d{1,2})\s*[-–—:.)]\s+([^?]+)$/;

/**
 * Answers numbered to match questions asked elsewhere in the message ("4 – Cigna" under "4) Which
 * insurance company?" in the quoted mail), in any order: each answer as "question: answer". Only
 * when three answers or more meet a question the vocabulary knows.
 */
function numberedAnswers(lines: string[]): string[] {
  const questions = new Map<string, string>();
  for (const line of lines) {
    const q = NUMBERED_QUESTION.exec(line);
    const field = q ? classifyLabel(q[2]!) : null;
    if (q && field !== null && field !== 'ignore' && !questions.has(q[1]!)) questions.set(q[1]!, q[2]!);
  }
  if (questions.size < 3) return lines;
  const answered = lines.map((line) => {
    const a = NUMBERED_QUESTION.test(line) ? null : NUMBERED_ANSWER.exec(line);
    return a && questions.has(a[2]!) && classifyLabel(a[3]!.trim()) === null && !/^[^:]{1,40}:/.test(a[3]!) ? `${a[1]}${questions.get(a[2]!)}: ${a[3]!.trim()}` : null;
  });
  if (answered.filter((a) => a !== null).length < 3) return lines;
  return lines.map((line, i) => answered[i] ?? line);
}

const LINE_PASSES: readonly (readonly [RegExp, (lines: string[]) => string[]])[] = [
  [/[a-z0-9.][A-Z][A-Za-z #]{1,25}:/, gluedLabels],
  [/^[ \t>]*\d{1,2}[ \t]*[.)][ \t]+[^\n]*\?[ \t]*$/m, numberedAnswers],
  [SPOKEN_SIGN, spokenAsTyped],
  [LOWER_CASE_SIGN, lowerCaseSentences],
  [new RegExp(`:[ \\t]*\\n[^\\n]*:[ \\t]*\\n[^\\n]*:[ \\t]*\\n[^\\n]*:[ \\t]*\\n|${ASKED_LINE}`, 'i'), labelsThenValues],
  [/^[^\t\n:]+\n\t/m, labelColumnThenValues],
  [/^\t+[^\t\n:\d]{2,40}$|^[^\t\n]+\t[^\t\n:\d]{2,40}$/m, tabbedLabels],
  [/\s[—–]\s[^\n]*\n[^\n]*\s[—–]\s[^\n]*\n[^\n]*\s[—–]\s/, valueThenLabel],
  [/[☐☒☑□]|\[[ xX]?\][^\n]*\[[ xX]?\]|(?:\bEl\s+[A-Z]\w*\s*){3}/, checkedOptions],
  [/\s\/\s[^\n]*\s\/\s[^\n]*\s\/\s/, slashLists],
  [/\d{4}\s*[|;]\s*\p{L}[^\n|;]{1,40}\d{3}[\s.-]?\d{4}/u, phoneLists],
  [new RegExp(LIVES_AT.source, 'im'), livesAtLines],
  // A column's cell is short: the bounded scan keeps the sign linear on a line of thousands of colons.
  [/\S:[^\n:]{0,120}?[ ]{3,}[A-Za-z][^\n:]{0,30}:/, columnBlocks],
  [/\S:[^\n:]{0,120}?[ \t]{3,}[A-Za-z][^\n:]{0,30}:/, splitColumns],
  [/\b(?:she|he|they)(?:['’]s|\s+is|\s+are)\s+(?:the\s+)?(?:policy|subscriber|insured|primary)/i, relativeHolders],
  [/^\s*(?:\[|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},)|\(\d{1,2}:\d{2}(?:\s?[AP]M)?\):/im, chatLines],
  [/^[^\n?]{2,120}\?+[ \t]*$/m, askedLabels],
  [/\s(?:is|are)\s*:?\s*$/im, sentenceLabels],
  [/[=>→»]|::|\.{3}|_{3}/, separatorPairs],
  [/>/, inlineAnswers],
];

/**
 * OCR'd faxes often space a label's words twice ("C1ient  Narne :  Harold P Greenleaf"), and two
 * spaces read as the gap between a label and its value. A label before a colon whose word gaps
 * are all exactly two spaces is written with single ones, and loses the space before its colon.
 */
function withSingleSpacing(text: string): string {
  if (!/\S {2}\S[^\n]*? :/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*)(\S+(?: {2}\S+)*) :(.*)$/.exec(line) ?? /^(\s*)(\S+(?: {2}\S+)+):(.*)$/.exec(line);
      return m ? `${m[1]}${m[2]!.replace(/ {2}/g, ' ')}:${m[3]}` : line;
    })
    .join('\n');
}

/** "dob: 1/2/90": a line that opens with a request field's label and its colon. */
function startsWithLabel(line: string): boolean {
  const m = /^([^:]{1,40}):/.exec(line);
  const field = m === null ? null : classifyLabel(m[1]!);
  return field !== null && field !== 'ignore';
}

/** A line as long as a mail client's hard wrap (72 or 76 columns, give or take a word). */
const WRAP_WIDTH = /^[^\n]{60,80}$/gm;

/**
 * Plain text hard-wrapped by the sender's client: a long line that stops mid-sentence goes on at the
 * next line's lower-case word ("... from the member services page on" / "their website: 1-800-...").
 * Joined when the text has several lines of wrap width and the next line is no label of its own.
 */
function withWrappedLinesJoined(text: string): string {
  if ((text.match(WRAP_WIDTH)?.length ?? 0) < 3) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const quote = /^[\s>]*/.exec(line)![0];
    const body = line.slice(quote.length);
    const prevBody = prev?.slice(/^[\s>]*/.exec(prev)![0].length) ?? '';
    const continues =
      prev !== undefined &&
      /^[\s>]*/.exec(prev)![0].replace(/\s/g, '') === quote.replace(/\s/g, '') &&
      prevBody.length >= 60 &&
      prevBody.length <= 80 &&
      !/[.!?:;)"”]$/.test(prevBody) &&
      /^\p{Ll}/u.test(body) &&
      !startsWithLabel(body);
    if (continues) out[out.length - 1] = `${prev} ${body}`;
    else out.push(line);
  }
  return out.join('\n');
}

export function normalizeStructuredText(text: string): string {
  text = withSingleSpacing(withWrappedLinesJoined(text));
  if (/\t|[-=]{2,} [-=]{2,} [-=]{2,}|\w=[^&\s]*&\w|<\/\w|^:[ \t]|^[ \t]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[ \t]*$|^\s*NM1\*|^\s+[◦○▪▫]\s/m.test(text)) text = pastedTables(text.split('\n')).join('\n');
  for (const [sign, pass] of LINE_PASSES) if (sign.test(text)) text = pass(text.split('\n')).join('\n');
  // Bullets run together on one line ("• Address - 12 Elm Ct • Client Phone - ..."): one a line.
  const unbulleted = text.replace(/(\S)[ \t]+[•▪◦►](?=[ \t]+\S)/g, '$1\n•');
  if (!unbulleted.includes('?') && !unbulleted.includes('{') && !unbulleted.includes(',')) return unbulleted;
  const lines = csvRows(unbulleted.split('\n'));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const block = /^\s*[{[]\s*$/.test(lines[i]!) ? jsonBlock(lines, i) : null;
    if (block) {
      out.push(...block.flat);
      i = block.end;
    } else out.push(lines[i]!);
  }
  return questionAnswers(out).join('\n');
}
