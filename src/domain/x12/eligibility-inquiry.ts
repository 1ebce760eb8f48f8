/**
 * A contract request → the eligibility inquiry a 270 carries, or what it lacks. Pure. What is
 * lacking is named by field, never by value, so callers can log it without PHI.
 */
import type { VobRequest } from '../../../schemas/vob-record';
import { lookupPayerId } from '../payers/payer-directory';
import { serviceTypesFor } from './service-types';
import type { EligibilityInquiry, X12PersonName } from './write-270';

export type InquiryResult = { ok: true; inquiry: EligibilityInquiry } | { ok: false; missing: string[] };

export interface InquiryOptions {
  traceNumber: string;
  /** YYYY-MM-DD. */
  dateOfService: string;
}

export function inquiryForRequest(request: VobRequest, options: InquiryOptions): InquiryResult {
  const missing: string[] = [];
  const payer = lookupPayerId(request.insurance.payerName);
  if (!payer.found) missing.push(`payer ID (${payer.reason})`);
  const memberId = request.insurance.memberId;
  if (memberId === null) missing.push('member ID');
  const clientName = request.client.name === null ? null : splitPersonName(request.client.name);
  if (clientName === null) missing.push('client name');
  if (request.client.dob === null) missing.push('client date of birth');
  if (!payer.found || memberId === null || clientName === null || request.client.dob === null) return { ok: false, missing };

  // The patient is the subscriber unless the center said otherwise: an unstated relationship
  // is sent as the subscriber's own inquiry (payers search by member ID, name and birth date).
  const isDependent = request.subscriber.relationship !== null && request.subscriber.relationship !== 'self';
  const subscriberName = request.subscriber.name === null ? null : splitPersonName(request.subscriber.name);
  return {
    ok: true,
    inquiry: {
      traceNumber: options.traceNumber,
      payer: { name: payer.payerName, id: payer.payerId },
      subscriber: isDependent
        ? { name: subscriberName, memberId, dob: null }
        : { name: clientName, memberId, dob: request.client.dob },
      dependent: isDependent ? { name: clientName, dob: request.client.dob } : null,
      dateOfService: options.dateOfService,
      serviceTypes: serviceTypesFor(request.levelOfCare ?? null),
    },
  };
}

const SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV', 'V']);

/** "Jane Q Doe", "Doe, Jane Q" or "Jane Doe Jr." → parts; null when no name is left. */
export function splitPersonName(written: string): X12PersonName | null {
  const comma = written.indexOf(',');
  let words: string[];
  let last: string | undefined;
  if (comma >= 0 && !SUFFIXES.has(normalise(written.slice(comma + 1)))) {
    last = written.slice(0, comma).trim();
    words = tokens(written.slice(comma + 1));
  } else {
    words = tokens(written.replace(',', ' '));
  }
  let suffix: string | null = null;
  if (words.length > 1 && SUFFIXES.has(normalise(words[words.length - 1]!))) suffix = normalise(words.pop()!);
  if (last === undefined) last = words.pop();
  if (last === undefined || last === '') return null;
  const [first, ...middle] = words;
  return { last, first: first ?? null, middle: middle.length > 0 ? middle.join(' ') : null, suffix };
}

function tokens(s: string): string[] {
  return s.split(/[\s,]+/).filter((t) => t !== '');
}

function normalise(word: string): string {
  return word.replace(/\./g, '').trim().toUpperCase();
}
