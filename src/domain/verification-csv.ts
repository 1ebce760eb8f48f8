/**
 * The verified-requests CSV: one row per verified request (its newest completed worksheet) with
 * who the client is, the payer and member ID, the referring center and level of care, when it
 * was verified, the plan, network status, deductible and out-of-pocket, and per level of care
 * whether covered, the copay, coinsurance and authorization. Pure; cells via shared/csv.
 */
import type { VobRequest } from '../../schemas/vob-record';
import { csvLine } from '../shared/csv';
import { WORKSHEET_LEVELS, type Worksheet } from './verification';

export interface VerifiedRequest {
  requestId: string;
  request: VobRequest;
  worksheet: Worksheet;
  verifiedAt: Date;
}

type Cell = string | number | boolean | null;
type Column = [header: string, cell: (v: VerifiedRequest) => Cell];

const AMOUNT_COLUMNS: Column[] = (['deductible', 'outOfPocket'] as const).flatMap((what) =>
  (['individual', 'family'] as const).flatMap((who) =>
    (['inNetwork', 'outOfNetwork'] as const).flatMap((net): Column[] => {
      const name = `${what === 'deductible' ? 'deductible' : 'oop_max'}_${who === 'individual' ? 'ind' : 'fam'}_${net === 'inNetwork' ? 'in' : 'out'}`;
      return [
        [name, (v) => v.worksheet[what][who][net].amount],
        [`${name}_met`, (v) => v.worksheet[what][who][net].met],
      ];
    }),
  ),
);

const LEVEL_COLUMNS: Column[] = WORKSHEET_LEVELS.flatMap((level): Column[] => [
  [`${level}_covered`, (v) => v.worksheet.levels[level].covered],
  [`${level}_copay`, (v) => v.worksheet.levels[level].copay],
  [`${level}_coinsurance_pct`, (v) => v.worksheet.levels[level].coinsurancePercent],
  [`${level}_after_deductible`, (v) => v.worksheet.levels[level].afterDeductible],
  [`${level}_auth_required`, (v) => v.worksheet.levels[level].authRequired],
  [`${level}_auth_number`, (v) => v.worksheet.levels[level].authNumber],
]);

export const VERIFIED_CSV_COLUMNS: readonly Column[] = [
  ['request_id', (v) => v.requestId],
  ['client_name', (v) => v.request.client.name],
  ['client_dob', (v) => v.request.client.dob],
  ['payer', (v) => v.request.insurance.payerName],
  ['member_id', (v) => v.request.insurance.memberId],
  ['group_number', (v) => v.request.insurance.groupNumber],
  ['referring_center', (v) => v.request.referredBy],
  ['level_of_care', (v) => v.request.levelOfCare ?? null],
  ['verified_at', (v) => v.verifiedAt.toISOString()],
  ['call_reference', (v) => v.worksheet.call.referenceNumber],
  ['plan_type', (v) => v.worksheet.planType],
  ['benefit_period', (v) => v.worksheet.benefitPeriod],
  ['coverage_from', (v) => v.worksheet.coverage.from],
  ['coverage_to', (v) => v.worksheet.coverage.to],
  ['facility_network', (v) => v.worksheet.network.facility],
  ['bh_network', (v) => v.worksheet.network.behavioralHealth],
  ...AMOUNT_COLUMNS,
  ['carve_out_payer', (v) => v.worksheet.carveOut.payerName],
  ['carve_out_phone', (v) => v.worksheet.carveOut.phone],
  ['oon_benefits', (v) => v.worksheet.outOfNetwork.benefits],
  ['oon_basis', (v) => v.worksheet.outOfNetwork.basis],
  ['estimated_patient_responsibility', (v) => v.worksheet.estimatedPatientResponsibility],
  ...LEVEL_COLUMNS,
];

const text = (c: Cell): string | null => (c === null ? null : typeof c === 'boolean' ? (c ? 'yes' : 'no') : String(c));

export function verifiedCsvHeader(): string {
  return csvLine(VERIFIED_CSV_COLUMNS.map(([header]) => header));
}

export function verifiedCsvRow(v: VerifiedRequest): string {
  return csvLine(VERIFIED_CSV_COLUMNS.map(([, cell]) => text(cell(v))));
}
