/**
 * Per-center figures from per-domain aggregates (pure): each sender domain is folded into its
 * referring center (centerOf: the allowlist entry it falls under, else the domain itself), then
 * the share of requests incomplete on arrival, the fields most often left out, and the median
 * time from the email's arrival to the verification. Counts and field names only.
 */
import { REQUIRED_FIELD_PROMPTS, type RequiredField } from '../../schemas/vob-record';
import { centerOf, topCounts } from './request-facts';

export interface DomainFigures {
  domain: string | null;
  requests: number;
  arrivalKnown: number;
  incompleteOnArrival: number;
  secondsToVerified: readonly number[];
}

export interface DomainOmission {
  domain: string | null;
  field: string;
  count: number;
}

export interface CenterFigures {
  /** The referring center (an allowlist entry or a sender's domain); null: requests without a sender address. */
  center: string | null;
  requests: number;
  /** Requests whose fields missing on arrival are known (all but some stored before migration 0010). */
  arrivalKnown: number;
  incompleteOnArrival: number;
  /** incompleteOnArrival / arrivalKnown, null when none is known. */
  incompleteShare: number | null;
  /** The fields the center most often left out, most often first, with how the reply asks for each. */
  topOmissions: { field: string; askedAs: string; count: number }[];
  verified: number;
  /** Median hours from the first email's arrival to the first completed verification; null when none is verified. */
  medianHoursToVerified: number | null;
}

/** How many omitted fields each center shows. */
export const TOP_OMISSIONS = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function foldCenterFigures(domains: readonly DomainFigures[], omissions: readonly DomainOmission[], allowedSenderDomains: readonly string[]): CenterFigures[] {
  const centerOfDomain = (domain: string | null) => (domain === null ? null : centerOf(`x@${domain}`, allowedSenderDomains));
  const key = (center: string | null) => center ?? '\u0000';
  const acc = new Map<string, { center: string | null; requests: number; arrivalKnown: number; incomplete: number; seconds: number[]; omitted: Map<string, number> }>();
  const entry = (domain: string | null) => {
    const center = centerOfDomain(domain);
    let e = acc.get(key(center));
    if (!e) acc.set(key(center), (e = { center, requests: 0, arrivalKnown: 0, incomplete: 0, seconds: [], omitted: new Map() }));
    return e;
  };
  for (const d of domains) {
    const e = entry(d.domain);
    e.requests += d.requests;
    e.arrivalKnown += d.arrivalKnown;
    e.incomplete += d.incompleteOnArrival;
    e.seconds.push(...d.secondsToVerified);
  }
  for (const o of omissions) {
    const e = entry(o.domain);
    e.omitted.set(o.field, (e.omitted.get(o.field) ?? 0) + o.count);
  }
  return [...acc.values()]
    .map((e) => {
      const m = median(e.seconds);
      return {
        center: e.center,
        requests: e.requests,
        arrivalKnown: e.arrivalKnown,
        incompleteOnArrival: e.incomplete,
        incompleteShare: e.arrivalKnown > 0 ? e.incomplete / e.arrivalKnown : null,
        topOmissions: topCounts(e.omitted, TOP_OMISSIONS).map(({ name, count }) => ({ field: name, askedAs: REQUIRED_FIELD_PROMPTS[name as RequiredField] ?? name, count })),
        verified: e.seconds.length,
        medianHoursToVerified: m === null ? null : Math.round((m / 3600) * 10) / 10,
      };
    })
    .sort((a, b) => b.requests - a.requests || (a.center ?? '\uffff').localeCompare(b.center ?? '\uffff'));
}
