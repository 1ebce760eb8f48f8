/**
 * Which X12 service type codes (EQ01 in a 270) to ask about for a level of care. 30 (health
 * benefit plan coverage) is always asked; the behavioral-health codes follow the setting.
 * IOP has no code of its own: payers answer it under the outpatient facility codes.
 */
import type { LevelOfCare } from '../../../schemas/vob-record';

/** Code → name, from the X12 service type code list (the ones this service asks or reads). */
export const SERVICE_TYPE_NAMES: Readonly<Record<string, string>> = {
  '30': 'Health Benefit Plan Coverage',
  MH: 'Mental Health',
  AI: 'Substance Abuse',
  A7: 'Psychiatric - Inpatient',
  A8: 'Psychiatric - Outpatient',
  BB: 'Partial Hospitalization (Psychiatric)',
  CG: 'Mental Health Facility - Inpatient',
  CH: 'Mental Health Facility - Outpatient',
  CI: 'Substance Abuse Facility - Inpatient',
  CJ: 'Substance Abuse Facility - Outpatient',
  RT: 'Residential Psychiatric Treatment',
};

const BY_LEVEL: Record<LevelOfCare, readonly string[]> = {
  detox: ['MH', 'AI', 'CG', 'CI', 'A7'],
  residential: ['MH', 'AI', 'RT', 'CG', 'CI', 'A7'],
  php: ['MH', 'AI', 'BB', 'CH', 'CJ', 'A8'],
  iop: ['MH', 'AI', 'CH', 'CJ', 'A8'],
  outpatient: ['MH', 'AI', 'CH', 'CJ', 'A8'],
};

/** The codes for one inquiry, 30 first; without a level of care, the general BH codes. */
export function serviceTypesFor(level: LevelOfCare | null): string[] {
  return ['30', ...(level === null ? ['MH', 'AI'] : BY_LEVEL[level])];
}
