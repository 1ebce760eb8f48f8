/**
 * An X12 271 (005010X279A1) → one plain response per subscriber (2000C) and dependent (2000D)
 * loop. Pure: a string in, an object out, or X12FormatError naming the segment and why; a
 * file is never half-read.
 *
 * Segments this reader does not use (INS, REF, N3, N4, HSD, III, PRV...) are passed over; the
 * envelope and the HL hierarchy are checked.
 */
import { readDelimiters, walkInterchange, X12FormatError, type Delimiters, type Segment } from './interchange';
import {
  ACTIVE_CODES,
  FOLLOW_UP_ACTIONS,
  INACTIVE_CODES,
  REJECT_REASONS,
  REMAINING_PERIODS,
  TIME_PERIODS,
} from './x12-codes';

export interface Rejection {
  /** AAA03. */
  code: string;
  reason: string;
  /** AAA04 in words, or null. */
  followUp: string | null;
}

export interface Benefit {
  /** EB01: 1 active, 6 inactive, A co-insurance, B co-payment, C deductible, F limitations, G out of pocket... */
  info: string;
  /** EB03 (repetitions split). */
  serviceTypes: string[];
  /** EB02: IND, FAM, EMP... */
  coverageLevel: string | null;
  /** EB12: Y in network, N out of network, W either. */
  network: 'in' | 'out' | 'any' | null;
  /** EB06 in words (calendar-year, remaining, visit...); the code when unlisted. */
  period: string | null;
  /** EB07. */
  amount: number | null;
  /** EB08 as a percentage (0.2 in the file is 20). */
  percent: number | null;
  /** EB11: Y true, N false, U or absent null. */
  authRequired: boolean | null;
  /** EB06 says the amount is what is left (29 remaining, 33 lifetime remaining). */
  remaining: boolean;
  /** MSG01 texts in this benefit's loop. */
  messages: string[];
  /** EB04, e.g. C1 commercial, MC Medicaid. */
  insuranceType: string | null;
  /** EB05. */
  planDescription: string | null;
  /** EB09/EB10, e.g. VS (visits) 30. */
  quantity: { qualifier: string; value: number } | null;
}

export interface CarveOut {
  name: string;
  /** E.164, or null when the PER gives no usable phone. */
  phone: string | null;
}

export interface EligibilityResponse {
  /** TRN02 of a TRN*2 (our 270's trace echoed), or null. */
  traceNumber: string | null;
  payer: { name: string | null; id: string | null };
  memberId: string | null;
  /** "LAST, FIRST". */
  name: string | null;
  dob: string | null;
  /** true when an EB01 says 1-5, false when only 6-8, null when the payer did not say. */
  active: boolean | null;
  rejections: Rejection[];
  benefits: Benefit[];
  carveOut: CarveOut | null;
  /** Extra: which loop this entry is (2000C or 2000D). */
  loop: 'subscriber' | 'dependent';
  /** Extra: the 271's ST02, to find the answer in the file. */
  transactionControlNumber: string;
  /** Extra: the loop's DTP dates by name (plan-begin, eligibility...), "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD". */
  dates: Record<string, string>;
}

export interface EligibilityFile {
  responses: EligibilityResponse[];
  /** Extra: ISA13. */
  interchangeControlNumber: string;
}

interface SourceLoop {
  payer: { name: string | null; id: string | null };
  rejections: Rejection[];
  /** Whether any subscriber loop hangs under it (if not, its rejections still get an entry). */
  hasChildren: boolean;
  transaction: string;
}

interface ReceiverLoop {
  source: SourceLoop;
  rejections: Rejection[];
}

interface PersonLoop {
  response: EligibilityResponse;
  /** Where MSG and LS/LE go: the last EB read. */
  benefit: Benefit | null;
  /** Inside LS...LE (2120C/D). */
  inRelatedEntity: boolean;
  /** An NM1*PR read inside LS, waiting for its PER. */
  carveOut: CarveOut | null;
}

interface PersonLoopEntry {
  level: '22' | '23';
  person: PersonLoop;
  receiver: ReceiverLoop;
}

type Loop = { level: '20'; source: SourceLoop } | { level: '21'; receiver: ReceiverLoop } | PersonLoopEntry;

const NAME_ENTITIES = new Set(['IL', '03']);

export function read271(text: string): EligibilityFile {
  const delimiters = readDelimiters(text);
  const responses: EligibilityResponse[] = [];
  const orphanSources: SourceLoop[] = [];
  let loops = new Map<string, Loop>();
  let current: Loop | null = null;

  const summary = walkInterchange(text, { functionalCode: 'HB', transactionSet: '271' }, (segment, transaction) => {
    const fail = (reason: string): never => {
      throw new X12FormatError(segment.number, reason);
    };
    const open: Loop | null = current;
    if ((segment.id === 'HL' || segment.id === 'SE') && open !== null && 'person' in open && open.person.inRelatedEntity) {
      fail(`${segment.id} inside LS/LE: LE is missing`);
    }
    switch (segment.id) {
      case 'ST':
        loops = new Map();
        current = null;
        return;
      case 'SE':
        for (const loop of loops.values()) if (loop.level === '20' && !loop.source.hasChildren) orphanSources.push(loop.source);
        return;
      case 'HL':
        current = openLoop(segment, loops, responses, transaction.controlNumber);
        return;
      case 'BHT':
        return;
    }
    if (current === null) return fail(`${segment.id} before the first HL`);
    const loop: Loop = current;
    if (loop.level === '20') {
      if (segment.id === 'NM1' && segment.elements[1] === 'PR') {
        loop.source.payer = { name: nonEmpty(segment.elements[3]), id: nonEmpty(segment.elements[9]) };
      }
      if (segment.id === 'AAA') loop.source.rejections.push(rejection(segment));
    } else if (loop.level === '21') {
      if (segment.id === 'AAA') loop.receiver.rejections.push(rejection(segment));
    } else {
      readPersonSegment(segment, loop.person, delimiters);
    }
  });

  // A person's `active` is decided only once all of the loop's benefits are read.
  for (const response of responses) response.active = activeFrom(response.benefits);
  // A payer that rejected the whole inquiry may answer with no subscriber loop: keep its reasons.
  for (const source of orphanSources) {
    responses.push(emptyResponse(source.payer, source.rejections, source.transaction));
  }
  return { responses, interchangeControlNumber: summary.controlNumber };
}

function emptyResponse(payer: SourceLoop['payer'], rejections: Rejection[], transaction: string): EligibilityResponse {
  return {
    traceNumber: null,
    payer: { ...payer },
    memberId: null,
    name: null,
    dob: null,
    active: null,
    rejections,
    benefits: [],
    carveOut: null,
    loop: 'subscriber',
    transactionControlNumber: transaction,
    dates: {},
  };
}

/** An HL: checks its place in the 20 → 21 → 22 → 23 hierarchy and opens the loop it starts. */
function openLoop(segment: Segment, loops: Map<string, Loop>, responses: EligibilityResponse[], transaction: string): Loop {
  const fail = (reason: string): never => {
    throw new X12FormatError(segment.number, reason);
  };
  const [id, parentId, level] = [segment.elements[1] ?? '', segment.elements[2] ?? '', segment.elements[3] ?? ''];
  if (id === '' || loops.has(id)) fail('HL01 is empty or used twice');
  const parent = parentId === '' ? null : loops.get(parentId);
  if (parent === undefined) fail('HL02 names a parent HL that does not come before it');
  if (!(level in PARENT_LEVEL)) fail(`HL03 is ${level || 'empty'}, not 20, 21, 22 or 23`);
  const expectedParent = PARENT_LEVEL[level as Loop['level']];
  if ((parent?.level ?? null) !== expectedParent) fail(`an HL ${level} must hang under ${expectedParent ? `an HL ${expectedParent}` : 'no HL'}`);

  let loop: Loop;
  if (parent === null || parent === undefined) {
    loop = { level: '20', source: { payer: { name: null, id: null }, rejections: [], hasChildren: false, transaction } };
  } else if (parent.level === '20') {
    loop = { level: '21', receiver: { source: parent.source, rejections: [] } };
  } else {
    const receiver = parent.level === '21' ? parent.receiver : (parent as PersonLoopEntry).receiver;
    receiver.source.hasChildren = true;
    const response = emptyResponse(receiver.source.payer, [...receiver.source.rejections, ...receiver.rejections], transaction);
    if (parent.level === '22') {
      // A dependent is found under the subscriber's ID unless its own loop gives one.
      response.memberId = parent.person.response.memberId;
      response.loop = 'dependent';
    }
    responses.push(response);
    loop = { level: level as '22' | '23', receiver, person: { response, benefit: null, inRelatedEntity: false, carveOut: null } };
  }
  loops.set(id, loop);
  return loop;
}

const PARENT_LEVEL: Record<Loop['level'], Loop['level'] | null> = { '20': null, '21': '20', '22': '21', '23': '22' };

/** A segment of a 2000C/D loop and the 2100, 2110 and 2120 loops under it. */
function readPersonSegment(segment: Segment, person: PersonLoop, d: Delimiters): void {
  const el = (i: number) => segment.elements[i] ?? '';
  const fail = (reason: string): never => {
    throw new X12FormatError(segment.number, reason);
  };
  const response = person.response;
  switch (segment.id) {
    case 'TRN':
      // TRN*2 is the trace we sent in the 270, echoed; TRN*1 is the payer's own.
      if (el(1) === '2' && response.traceNumber === null) response.traceNumber = nonEmpty(el(2));
      return;
    case 'NM1':
      if (person.inRelatedEntity) {
        if (el(1) === 'PR') person.carveOut = { name: el(3), phone: null };
        return;
      }
      if (NAME_ENTITIES.has(el(1))) {
        response.name = [el(3), el(4)].filter((s) => s !== '').join(', ') || null;
        if (el(9) !== '') response.memberId = el(9);
      }
      return;
    case 'DMG':
      if (el(1) === 'D8' && el(2) !== '') response.dob = isoDate(el(2)) ?? fail('DMG02 is not a CCYYMMDD date');
      return;
    case 'AAA':
      response.rejections.push(rejection(segment));
      return;
    case 'EB':
      if (person.inRelatedEntity) fail('EB inside LS/LE: LE is missing');
      person.benefit = benefit(segment, d);
      response.benefits.push(person.benefit);
      return;
    case 'MSG':
      if (person.benefit !== null && el(1) !== '') person.benefit.messages.push(el(1));
      return;
    case 'LS':
      if (person.benefit === null) fail('LS before any EB');
      if (person.inRelatedEntity) fail('LS inside LS: LE is missing');
      person.inRelatedEntity = true;
      return;
    case 'LE':
      if (!person.inRelatedEntity) fail('LE without LS');
      person.inRelatedEntity = false;
      if (person.carveOut !== null && response.carveOut === null) response.carveOut = person.carveOut;
      person.carveOut = null;
      return;
    case 'PER':
      if (person.inRelatedEntity && person.carveOut !== null && person.carveOut.phone === null) person.carveOut.phone = phoneOf(segment);
      return;
    case 'DTP':
      // Dates of the person's coverage (2100C/D); a benefit's own dates (2110) are not kept.
      if (person.benefit === null) {
        const name = DATE_NAMES[el(1)] ?? `dtp-${el(1)}`;
        response.dates[name] = dtpValue(el(2), el(3)) ?? fail('DTP03 is not a date or date range of its DTP02 format');
      }
      return;
  }
}

/** DTP01 qualifiers a 271 uses for coverage dates. */
const DATE_NAMES: Record<string, string> = {
  '102': 'issue',
  '152': 'effective-date-of-change',
  '291': 'plan',
  '307': 'eligibility',
  '318': 'added',
  '346': 'plan-begin',
  '347': 'plan-end',
  '356': 'eligibility-begin',
  '357': 'eligibility-end',
  '435': 'admission',
  '472': 'service',
  '636': 'last-update',
};

/** D8 CCYYMMDD → ISO date; RD8 CCYYMMDD-CCYYMMDD → "from/to". */
function dtpValue(format: string, value: string): string | null {
  if (format === 'D8') return isoDate(value);
  if (format !== 'RD8') return null;
  const [from, to, ...more] = value.split('-');
  const range = [isoDate(from ?? ''), isoDate(to ?? '')];
  return more.length === 0 && range[0] && range[1] ? `${range[0]}/${range[1]}` : null;
}

function benefit(segment: Segment, d: Delimiters): Benefit {
  const el = (i: number) => segment.elements[i] ?? '';
  const number = (i: number): number | null => {
    if (el(i) === '') return null;
    const value = Number(el(i));
    if (!/^-?(\d+\.?\d*|\.\d+)$/.test(el(i)) || !Number.isFinite(value)) {
      throw new X12FormatError(segment.number, `EB${String(i).padStart(2, '0')} is not a number`);
    }
    return value;
  };
  if (el(1) === '') throw new X12FormatError(segment.number, 'EB01 is empty');
  const percent = number(8);
  const quantity = number(10);
  return {
    info: el(1),
    serviceTypes: el(3) === '' ? [] : d.repetition === null ? [el(3)] : el(3).split(d.repetition).filter((s) => s !== ''),
    coverageLevel: nonEmpty(el(2)),
    network: NETWORK[el(12)] ?? null,
    period: el(6) === '' ? null : (TIME_PERIODS[el(6)] ?? el(6)),
    amount: number(7),
    // EB08 is a decimal fraction; round away binary noise (0.1 * 100 = 10.000000000000002).
    percent: percent === null ? null : Math.round(percent * 100 * 1e6) / 1e6,
    authRequired: el(11) === 'Y' ? true : el(11) === 'N' ? false : null,
    remaining: REMAINING_PERIODS.has(el(6)),
    messages: [],
    insuranceType: nonEmpty(el(4)),
    planDescription: nonEmpty(el(5)),
    quantity: quantity === null ? null : { qualifier: el(9), value: quantity },
  };
}

const NETWORK: Record<string, Benefit['network']> = { Y: 'in', N: 'out', W: 'any' };

function rejection(segment: Segment): Rejection {
  const code = segment.elements[3] ?? '';
  const followUp = segment.elements[4] ?? '';
  return {
    code,
    reason: REJECT_REASONS[code] ?? `Reject reason ${code || 'not given'}`,
    followUp: followUp === '' ? null : (FOLLOW_UP_ACTIONS[followUp] ?? followUp),
  };
}

function activeFrom(benefits: readonly Benefit[]): boolean | null {
  if (benefits.some((b) => ACTIVE_CODES.has(b.info))) return true;
  if (benefits.some((b) => INACTIVE_CODES.has(b.info))) return false;
  return null;
}

/** The first TE (telephone) number of a PER, as E.164 (North American numbers). */
function phoneOf(segment: Segment): string | null {
  for (let i = 3; i + 1 < segment.elements.length; i += 2) {
    if (segment.elements[i] !== 'TE') continue;
    const digits = segment.elements[i + 1]!.replace(/\D/g, '');
    if (digits.length === 10) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  }
  return null;
}

function isoDate(ccyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ccyymmdd);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}
