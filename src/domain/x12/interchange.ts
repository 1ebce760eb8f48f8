/**
 * Reading an X12 interchange: delimiters from the ISA, segments one at a time, and the envelope
 * (ISA/IEA, GS/GE, ST/SE) checked as it goes. Pure: a string in, calls to `visit` out.
 *
 * A file is read whole or refused: the first problem throws an X12FormatError naming the
 * segment number (1 = the ISA) and why, so a caller never keeps part of a file. Segments are
 * scanned with indexOf rather than split, so a large file is never copied into one big array.
 * Errors name positions and segment IDs only, never element values (they carry PHI).
 */

export interface Delimiters {
  element: string;
  /** ISA11; null in a pre-5010 interchange, where ISA11 is a standards identifier. */
  repetition: string | null;
  component: string;
  segment: string;
}

export interface Segment {
  id: string;
  /** elements[1] is the segment's first element (X12 numbering); elements[0] is the ID. */
  elements: string[];
  /** Position in the interchange, 1 = ISA. */
  number: number;
}

export interface TransactionHeader {
  /** ST02. */
  controlNumber: string;
  /** GS06 of the enclosing group. */
  groupControlNumber: string;
}

export interface InterchangeExpectation {
  /** GS01, e.g. HB for a 271. */
  functionalCode: string;
  /** ST01, e.g. 271. */
  transactionSet: string;
}

export interface InterchangeSummary {
  delimiters: Delimiters;
  /** ISA13. */
  controlNumber: string;
  senderId: string;
  receiverId: string;
  groups: number;
  transactions: number;
  segments: number;
}

export class X12FormatError extends Error {
  override readonly name = 'X12FormatError';
  readonly code = 'x12-malformed';
  constructor(
    /** 1-based segment number, or null when the file has no segments at all. */
    readonly segmentNumber: number | null,
    readonly reason: string,
  ) {
    super(segmentNumber === null ? reason : `segment ${segmentNumber}: ${reason}`);
  }
}

/** ISA's fixed width without its terminator; the terminator is the 106th character. */
export const ISA_LENGTH = 105;

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
const ENVELOPE_IDS = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE']);

/** The delimiters an interchange declares in its ISA (element at 4, ISA11, ISA16, then the terminator). */
export function readDelimiters(text: string): Delimiters {
  const start = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text.length - start < ISA_LENGTH + 1) {
    throw new X12FormatError(text.trim() === '' ? null : 1, 'not an X12 interchange: shorter than an ISA segment (truncated?)');
  }
  if (text.slice(start, start + 3) !== 'ISA') throw new X12FormatError(1, 'not an X12 interchange: it does not start with ISA');
  const isa = text.slice(start, start + ISA_LENGTH);
  const element = isa[3]!;
  const fields = isa.split(element);
  if (fields.length !== 17 || fields[16]!.length !== 1) {
    throw new X12FormatError(1, 'ISA is not 16 fixed-width elements in 106 characters (wrong delimiters or widths)');
  }
  const component = fields[16]!;
  const segment = text[start + ISA_LENGTH]!;
  const repetition = fields[11] === 'U' ? null : fields[11]!;
  const all = [element, component, segment, ...(repetition === null ? [] : [repetition])];
  if (all.some((d) => /[A-Za-z0-9 ]/.test(d)) || new Set(all).size !== all.length) {
    throw new X12FormatError(1, 'ISA declares delimiters that are letters, digits, spaces or not distinct');
  }
  return { element, repetition, component, segment };
}

/**
 * Walks one interchange, checking the envelope, and calls `visit` for every segment from ST to
 * SE inclusive. Throws X12FormatError at the first problem.
 */
export function walkInterchange(
  text: string,
  expect: InterchangeExpectation,
  visit: (segment: Segment, transaction: TransactionHeader) => void,
): InterchangeSummary {
  const delimiters = readDelimiters(text);
  let isa: Segment | null = null;
  let group: { controlNumber: string; transactions: number } | null = null;
  let transaction: (TransactionHeader & { firstSegment: number }) | null = null;
  let groups = 0;
  let transactions = 0;
  let last: Segment | null = null;

  for (const segment of segmentsOf(text, delimiters)) {
    last = segment;
    const fail = (reason: string): never => {
      throw new X12FormatError(segment.number, reason);
    };
    const el = (i: number) => segment.elements[i] ?? '';
    if (isa === null) {
      if (segment.id !== 'ISA') fail('the interchange does not start with ISA');
      isa = segment;
      continue;
    }
    if (transaction !== null) {
      if (segment.id === 'SE') {
        const counted = segment.number - transaction.firstSegment + 1;
        if (el(1) !== String(counted)) fail(`SE01 says ${el(1) || 'nothing'} segments, the transaction has ${counted}`);
        if (el(2) !== transaction.controlNumber) fail('SE02 does not match ST02');
        visit(segment, transaction);
        transaction = null;
        continue;
      }
      if (ENVELOPE_IDS.has(segment.id)) fail(`${segment.id} inside a transaction: SE is missing`);
      visit(segment, transaction);
      continue;
    }
    if (group !== null) {
      if (segment.id === 'ST') {
        if (el(1) !== expect.transactionSet) fail(`ST01 is ${el(1) || 'empty'}, expected ${expect.transactionSet}`);
        if (el(2) === '') fail('ST02 (control number) is empty');
        transaction = { controlNumber: el(2), groupControlNumber: group.controlNumber, firstSegment: segment.number };
        group.transactions++;
        transactions++;
        visit(segment, transaction);
        continue;
      }
      if (segment.id === 'GE') {
        if (el(1) !== String(group.transactions)) fail(`GE01 says ${el(1) || 'nothing'} transactions, the group has ${group.transactions}`);
        if (el(2) !== group.controlNumber) fail('GE02 does not match GS06');
        group = null;
        continue;
      }
      fail(`${segment.id} between transactions: ST or GE expected`);
    }
    if (segment.id === 'GS') {
      if (el(1) !== expect.functionalCode) fail(`GS01 is ${el(1) || 'empty'}, expected ${expect.functionalCode}`);
      if (el(6) === '') fail('GS06 (group control number) is empty');
      group = { controlNumber: el(6), transactions: 0 };
      groups++;
      continue;
    }
    if (segment.id === 'IEA') {
      if (el(1) !== String(groups)) fail(`IEA01 says ${el(1) || 'nothing'} groups, the interchange has ${groups}`);
      if (el(2) !== isa.elements[13]) fail('IEA02 does not match ISA13');
      const rest = text.slice(segment.end);
      if (rest.trim() !== '') throw new X12FormatError(segment.number + 1, 'data after IEA (one interchange per file)');
      return {
        delimiters,
        controlNumber: isa.elements[13]!,
        senderId: isa.elements[6]!.trim(),
        receiverId: isa.elements[8]!.trim(),
        groups,
        transactions,
        segments: segment.number,
      };
    }
    fail(`${segment.id} outside a functional group: GS or IEA expected`);
  }
  const after = last === null ? 1 : last.number + 1;
  const open = transaction !== null ? 'SE' : group !== null ? 'GE' : 'IEA';
  throw new X12FormatError(after, `the file ends before ${open}: truncated (no IEA)`);
}

interface ScannedSegment extends Segment {
  /** Index in the text just after this segment's terminator. */
  end: number;
}

/** Segments one by one; whitespace (line breaks) around segments is ignored. */
function* segmentsOf(text: string, d: Delimiters): Generator<ScannedSegment> {
  let pos = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  let number = 0;
  while (pos < text.length) {
    number++;
    const stop = text.indexOf(d.segment, pos);
    if (stop < 0) throw new X12FormatError(number, 'the last segment has no terminator: truncated');
    const raw = trimEnd(text.slice(pos, stop));
    const elements = raw.split(d.element);
    const id = elements[0]!;
    if (!SEGMENT_ID.test(id)) {
      throw new X12FormatError(
        number,
        raw === '' ? 'empty segment' : `does not start with a segment ID and the element separator "${d.element}" (wrong delimiters, or a terminator inside data?)`,
      );
    }
    yield { id, elements, number, end: stop + 1 };
    pos = skipSpace(text, stop + 1);
  }
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  return pos;
}

function trimEnd(s: string): string {
  return s.replace(/\s+$/, '');
}
