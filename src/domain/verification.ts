/**
 * The verification worksheet a behavioral-health biller fills during the payer call: who was
 * on the phone, the plan, network status, deductible and out-of-pocket, a carve-out payer,
 * out-of-network benefits, and per level of care what is covered and what needs authorization.
 * Pure: the zod schema (JSON API and form alike), the flat form → worksheet mapping, and the
 * prefill from a 271 draft (the biller confirms it on the call).
 */
import { z } from 'zod';
import type { Benefit, EligibilityResponse } from './x12/read-271';

export const PLAN_TYPES = ['hmo', 'ppo', 'epo', 'pos', 'medicare-managed-care', 'medicaid-managed-care', 'other'] as const;
export const BENEFIT_PERIODS = ['calendar-year', 'plan-year'] as const;
export const NETWORK_STATUSES = ['in', 'out', 'unknown'] as const;
export const OON_BASES = ['ucr', 'percent-of-medicare', 'billed'] as const;
export const AUTH_OBTAINED_BY = ['facility', 'patient', 'payer-case-manager'] as const;
export const LIMIT_UNITS = ['days', 'visits'] as const;
/** The levels of care on the worksheet (MAT besides the levels a request can ask about). */
export const WORKSHEET_LEVELS = ['detox', 'residential', 'php', 'iop', 'outpatient', 'mat'] as const;
export type WorksheetLevel = (typeof WORKSHEET_LEVELS)[number];

const text = (max: number) => z.string().trim().max(max).nullable();
const money = z.number().min(0).max(100_000_000).nullable();
const count = z.number().int().min(0).max(100_000).nullable();
const day = z.iso.date().nullable();

const amountMet = z.object({ amount: money, met: money }).strict();
const networkPair = z.object({ inNetwork: amountMet, outOfNetwork: amountMet }).strict();
const individualFamily = z.object({ individual: networkPair, family: networkPair }).strict();

export const levelSchema = z
  .object({
    covered: z.boolean().nullable(),
    copay: money,
    /** Percent the patient pays (20 = 20%). */
    coinsurancePercent: z.number().min(0).max(100).nullable(),
    afterDeductible: z.boolean().nullable(),
    limit: count,
    limitUnit: z.enum(LIMIT_UNITS).nullable(),
    used: count,
    authRequired: z.boolean().nullable(),
    authObtainedBy: z.enum(AUTH_OBTAINED_BY).nullable(),
    authPhone: text(40),
    authNumber: text(60),
    notes: text(1000),
  })
  .strict();
export type LevelBenefits = z.infer<typeof levelSchema>;

export const worksheetSchema = z
  .object({
    call: z.object({ representative: text(120), referenceNumber: text(60), at: z.iso.datetime({ offset: true, local: true }).nullable() }).strict(),
    planType: z.enum(PLAN_TYPES).nullable(),
    planTypeOther: text(120),
    benefitPeriod: z.enum(BENEFIT_PERIODS).nullable(),
    coverage: z.object({ from: day, to: day }).strict(),
    otherCoverage: z.object({ exists: z.boolean().nullable(), primary: z.enum(['this-plan', 'other-plan']).nullable(), details: text(300) }).strict(),
    /** The facility's network status with the plan, and for behavioral health (it can differ). */
    network: z.object({ facility: z.enum(NETWORK_STATUSES).nullable(), behavioralHealth: z.enum(NETWORK_STATUSES).nullable() }).strict(),
    deductible: individualFamily,
    outOfPocket: individualFamily,
    carveOut: z.object({ payerName: text(120), phone: text(40) }).strict(),
    outOfNetwork: z.object({ benefits: z.boolean().nullable(), basis: z.enum(OON_BASES).nullable(), medicarePercent: z.number().min(0).max(1000).nullable() }).strict(),
    levels: z.object(Object.fromEntries(WORKSHEET_LEVELS.map((l) => [l, levelSchema])) as Record<WorksheetLevel, typeof levelSchema>).strict(),
    estimatedPatientResponsibility: money,
    notes: text(2000),
  })
  .strict();
export type Worksheet = z.infer<typeof worksheetSchema>;

export const VERIFICATION_STATUSES = ['draft', 'complete'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

const emptyAmountMet = () => ({ amount: null, met: null });
const emptyPair = () => ({ inNetwork: emptyAmountMet(), outOfNetwork: emptyAmountMet() });
export const emptyLevel = (): LevelBenefits => ({
  covered: null,
  copay: null,
  coinsurancePercent: null,
  afterDeductible: null,
  limit: null,
  limitUnit: null,
  used: null,
  authRequired: null,
  authObtainedBy: null,
  authPhone: null,
  authNumber: null,
  notes: null,
});

export function emptyWorksheet(): Worksheet {
  return {
    call: { representative: null, referenceNumber: null, at: null },
    planType: null,
    planTypeOther: null,
    benefitPeriod: null,
    coverage: { from: null, to: null },
    otherCoverage: { exists: null, primary: null, details: null },
    network: { facility: null, behavioralHealth: null },
    deductible: { individual: emptyPair(), family: emptyPair() },
    outOfPocket: { individual: emptyPair(), family: emptyPair() },
    carveOut: { payerName: null, phone: null },
    outOfNetwork: { benefits: null, basis: null, medicarePercent: null },
    levels: Object.fromEntries(WORKSHEET_LEVELS.map((l) => [l, emptyLevel()])) as Worksheet['levels'],
    estimatedPatientResponsibility: null,
    notes: null,
  };
}

// ---------------------------------------------------------------------------------------------
// The form: one flat field per leaf, named by its path (deductible.individual.inNetwork.amount).
// Empty means "not known" (null); yes/no selects are booleans; amounts and counts are numbers.

type Leaf = 'text' | 'number' | 'boolean';
function leafKind(path: string[], sample: unknown): Leaf {
  void path;
  return typeof sample === 'boolean' ? 'boolean' : typeof sample === 'number' ? 'number' : 'text';
}

/** The kind of each leaf, by walking a worksheet whose leaves are typed samples. */
const SAMPLE_LEVEL = { covered: true, copay: 0, coinsurancePercent: 0, afterDeductible: true, limit: 0, limitUnit: '', used: 0, authRequired: true, authObtainedBy: '', authPhone: '', authNumber: '', notes: '' };
const SAMPLE_PAIR = { inNetwork: { amount: 0, met: 0 }, outOfNetwork: { amount: 0, met: 0 } };
const SAMPLE = {
  call: { representative: '', referenceNumber: '', at: '' },
  planType: '',
  planTypeOther: '',
  benefitPeriod: '',
  coverage: { from: '', to: '' },
  otherCoverage: { exists: true, primary: '', details: '' },
  network: { facility: '', behavioralHealth: '' },
  deductible: { individual: SAMPLE_PAIR, family: SAMPLE_PAIR },
  outOfPocket: { individual: SAMPLE_PAIR, family: SAMPLE_PAIR },
  carveOut: { payerName: '', phone: '' },
  outOfNetwork: { benefits: true, basis: '', medicarePercent: 0 },
  levels: Object.fromEntries(WORKSHEET_LEVELS.map((l) => [l, SAMPLE_LEVEL])),
  estimatedPatientResponsibility: 0,
  notes: '',
};

/** Every form field name (dotted path) and the kind of value it holds. */
export const WORKSHEET_FIELDS: readonly { name: string; kind: Leaf }[] = (() => {
  const out: { name: string; kind: Leaf }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    else out.push({ name: path.join('.'), kind: leafKind(path, node) });
  };
  walk(SAMPLE, []);
  return out;
})();

export class BadWorksheetFieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function formValue(kind: Leaf, name: string, raw: string | undefined): unknown {
  const s = (raw ?? '').trim();
  if (s === '') return null;
  if (kind === 'boolean') {
    if (s === 'yes') return true;
    if (s === 'no') return false;
    throw new BadWorksheetFieldError(name, 'yes, no or empty');
  }
  if (kind === 'number') {
    const n = Number(s.replace(/[$,%\s]/g, ''));
    if (!Number.isFinite(n)) throw new BadWorksheetFieldError(name, 'a number');
    return n;
  }
  return s;
}

/**
 * The posted form fields → an unvalidated worksheet (parse it with worksheetSchema). Throws
 * BadWorksheetFieldError for a yes/no or number field that is neither.
 */
export function worksheetFromForm(fields: Record<string, unknown>): unknown {
  const root: Record<string, unknown> = {};
  for (const { name, kind } of WORKSHEET_FIELDS) {
    const raw = fields[name];
    const value = formValue(kind, name, typeof raw === 'string' ? raw : undefined);
    const path = name.split('.');
    let node = root;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = value;
  }
  return root;
}

/** A worksheet's leaf by dotted path, as the form shows it (yes/no, numbers as typed). */
export function formFieldValue(worksheet: Worksheet, name: string): string {
  let node: unknown = worksheet;
  for (const key of name.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : null;
  if (node === null || node === undefined) return '';
  if (typeof node === 'boolean') return node ? 'yes' : 'no';
  return String(node);
}

// ---------------------------------------------------------------------------------------------
// Prefill from a 271 draft: what the payer's file says, for the biller to confirm on the call.

/** EB04 insurance type → plan type, where it names one. */
const PLAN_TYPE_BY_INSURANCE: Record<string, Worksheet['planType']> = {
  HM: 'hmo',
  HN: 'medicare-managed-care',
  PR: 'ppo',
  EP: 'epo',
  PS: 'pos',
  MC: 'medicaid-managed-care',
};

/** The service type codes a worksheet level reads from (IOP and MAT answered as outpatient). */
const LEVEL_SERVICE_TYPES: Record<WorksheetLevel, readonly string[]> = {
  detox: ['CI', 'CG', 'A7'],
  residential: ['RT', 'CI', 'CG'],
  php: ['BB'],
  iop: ['CJ', 'CH'],
  outpatient: ['CJ', 'CH', 'A8'],
  mat: ['AI'],
};

const levelOf = (b: Benefit): 'IND' | 'FAM' | null => (b.coverageLevel === 'IND' || b.coverageLevel === 'FAM' ? b.coverageLevel : null);

/** Deductible (C) or out of pocket (G): total and what is left give amount and met. */
function amounts(benefits: readonly Benefit[], info: 'C' | 'G'): Worksheet['deductible'] {
  const out = { individual: emptyPair(), family: emptyPair() } as Worksheet['deductible'];
  for (const who of ['IND', 'FAM'] as const) {
    for (const net of ['in', 'out'] as const) {
      const matching = benefits.filter((b) => b.info === info && levelOf(b) === who && b.amount !== null && (b.network === net || (net === 'in' && b.network === null)));
      const total = matching.find((b) => !b.remaining)?.amount ?? null;
      const left = matching.find((b) => b.remaining)?.amount ?? null;
      const slot = out[who === 'IND' ? 'individual' : 'family'][net === 'in' ? 'inNetwork' : 'outOfNetwork'];
      slot.amount = total;
      slot.met = total !== null && left !== null ? Math.max(0, Math.round((total - left) * 100) / 100) : null;
    }
  }
  return out;
}

function levelFrom(benefits: readonly Benefit[], level: WorksheetLevel): LevelBenefits {
  const codes = LEVEL_SERVICE_TYPES[level];
  // The most specific code first (RT before the inpatient facility codes for residential).
  const rank = (b: Benefit) => Math.min(...b.serviceTypes.map((s) => (codes.includes(s) ? codes.indexOf(s) : codes.length)));
  const mine = benefits.filter((b) => rank(b) < codes.length && b.network !== 'out').sort((a, b) => rank(a) - rank(b));
  const out = emptyLevel();
  if (mine.some((b) => b.info === '1')) out.covered = true;
  else if (mine.some((b) => b.info === '6' || b.info === 'I')) out.covered = false;
  out.copay = mine.find((b) => b.info === 'B' && b.amount !== null)?.amount ?? null;
  out.coinsurancePercent = mine.find((b) => b.info === 'A' && b.percent !== null)?.percent ?? null;
  const auth = mine.find((b) => b.authRequired !== null);
  out.authRequired = auth ? auth.authRequired : null;
  const limit = mine.find((b) => b.info === 'F' && b.quantity !== null);
  if (limit?.quantity) {
    out.limit = limit.quantity.value;
    out.limitUnit = limit.quantity.qualifier === 'VS' ? 'visits' : limit.quantity.qualifier === 'DY' ? 'days' : null;
  }
  return out;
}

/** A worksheet prefilled from one 271 loop; fields the file does not answer stay empty. */
export function worksheetFrom271(response: EligibilityResponse): Worksheet {
  const w = emptyWorksheet();
  const b = response.benefits;
  const insuranceType = b.find((x) => x.insuranceType !== null)?.insuranceType ?? null;
  const described = /\b(HMO|PPO|EPO|POS)\b/i.exec(b.find((x) => x.planDescription !== null)?.planDescription ?? '')?.[1]?.toLowerCase() as Worksheet['planType'] | undefined;
  w.planType = (insuranceType ? PLAN_TYPE_BY_INSURANCE[insuranceType] : undefined) ?? described ?? null;
  const plan = response.dates['plan'] ?? response.dates['eligibility'] ?? response.dates['plan-begin'] ?? null;
  if (plan) {
    const [from, to] = plan.split('/');
    w.coverage = { from: from ?? null, to: to ?? null };
  }
  if (b.some((x) => x.period === 'calendar-year')) w.benefitPeriod = 'calendar-year';
  else if (b.some((x) => x.period === 'service-year')) w.benefitPeriod = 'plan-year';
  w.deductible = amounts(b, 'C');
  w.outOfPocket = amounts(b, 'G');
  if (response.carveOut) w.carveOut = { payerName: response.carveOut.name, phone: response.carveOut.phone };
  if (b.some((x) => x.network === 'out' && (x.info === 'A' || x.info === 'B' || x.info === 'C'))) w.outOfNetwork.benefits = true;
  for (const level of WORKSHEET_LEVELS) w.levels[level] = levelFrom(b, level);
  return worksheetSchema.parse(w);
}
