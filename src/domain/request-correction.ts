/**
 * A staff member's correction of one request field, pure: which fields can be corrected, the
 * value checked and normalised as the extractor would store it, and the request after it (the
 * missing list recomputed; a body-vs-card conflict on that field resolved by the decision).
 */
import { SOURCED_FIELDS, type Address, type VobRequest } from '../../schemas/vob-record';
import { sourcesAfterCorrection } from './field-sources';
import { missingFields } from './merge';

/** Every field whose origin the record keeps can be corrected. */
export const CORRECTABLE_FIELDS = SOURCED_FIELDS;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

const RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;

export class BadCorrectionError extends Error {
  override readonly name = 'BadCorrectionError';
  readonly code = 'invalid-input';
}

/** "12 Oak St, Apt 4, Columbus, OH 43215" (the second part optional) as the contract's address. */
export function parseAddressLine(value: string): Address {
  const m = /^(.+?),\s*(?:(.+?),\s*)?([^,]+?),\s*([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(value);
  if (!m) throw new BadCorrectionError('an address as "street, city, ST 12345" (a second line after the street is allowed)');
  return { line1: m[1]!, line2: m[2] ?? null, city: m[3]!, state: m[4]!.toUpperCase(), postalCode: m[5]! };
}

function addressLine(a: Address | null): string | null {
  if (!a) return null;
  return [a.line1, a.line2, a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter((p) => p && p.length > 0).join(', ');
}

/** The stored form of a typed value, or BadCorrectionError saying what is expected. Empty clears the field. */
export function normaliseCorrection(field: CorrectableField, input: string): string | null {
  const value = input.trim().replace(/\s+/g, ' ');
  if (value === '') return null;
  if (value.length > 200) throw new BadCorrectionError('at most 200 characters');
  switch (field) {
    case 'client.dob': {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1]!.padStart(2, '0'), us[2]!.padStart(2, '0')] : [];
      const date = y ? new Date(`${y}-${m}-${d}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) throw new BadCorrectionError('a date as YYYY-MM-DD or MM/DD/YYYY');
      return `${y}-${m}-${d}`;
    }
    case 'insurance.phone': {
      const digits = value.replace(/\D/g, '');
      const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
      if (national.length !== 10) throw new BadCorrectionError('a 10-digit US phone number');
      return `+1${national}`;
    }
    case 'client.address':
      return addressLine(parseAddressLine(value));
    case 'subscriber.relationship': {
      const lower = value.toLowerCase();
      if (!(RELATIONSHIPS as readonly string[]).includes(lower)) throw new BadCorrectionError(`one of ${RELATIONSHIPS.join(', ')}`);
      return lower;
    }
    case 'insurance.memberId':
    case 'insurance.groupNumber':
      if (!/^[A-Za-z0-9 -]+$/.test(value)) throw new BadCorrectionError('letters, digits, spaces and dashes');
      return value;
    default:
      return value;
  }
}

/** The field's value as one string (an address as one line). */
export function fieldValue(request: VobRequest, field: CorrectableField): string | null {
  if (field === 'client.address') return addressLine(request.client.address);
  const [group, key] = field.split('.') as [string, string | undefined];
  if (!key) return (request as unknown as Record<string, string | null>)[group] ?? null;
  return ((request as unknown as Record<string, Record<string, string | null>>)[group]?.[key] as string | null) ?? null;
}

/** The request with `field` set to `value`: missing fields recomputed, a conflict on that field gone, its source the correction. */
export function applyCorrection(request: VobRequest, field: CorrectableField, value: string | null): VobRequest {
  const [group, key] = field.split('.') as [string, string | undefined];
  const next = structuredClone(request) as unknown as Record<string, unknown>;
  if (field === 'client.address') (next.client as Record<string, unknown>).address = value === null ? null : parseAddressLine(value);
  else if (key) (next[group] as Record<string, unknown>)[key] = value;
  else next[group] = value;
  const corrected = next as unknown as VobRequest;
  const conflicts = corrected.conflicts.filter((c) => c.field !== field);
  const sources = sourcesAfterCorrection(corrected.sources, field, value);
  const { missingFields: _old, ...rest } = { ...corrected, conflicts, sources };
  return { ...rest, missingFields: missingFields(rest) };
}
