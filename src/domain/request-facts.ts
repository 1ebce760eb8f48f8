/**
 * Plain facts about a request that lists and figures count without decrypting it (pure): the
 * payer as a name from the known payer list, the queue's age buckets, and the referring center
 * a sender resolves to. None of these is client data.
 */
import { findPayer, KNOWN_PAYERS, payerFamily } from './card/payers';
import { domainOf } from './email-address';
import { allowlistEntryOf } from './service-settings';

/** A payer name findPayer does not recognise: stored and filtered as this word, never as typed. */
export const OTHER_PAYER = 'other';
/** The filter value for requests that name no payer. */
export const NO_PAYER = 'none';

/** The payer column of a request: a known payer's name, OTHER_PAYER, or null when none is named. */
export function payerOf(payerName: string | null | undefined): string | null {
  if (!payerName || payerName.trim() === '') return null;
  // "Cigna Healthcare" as the card prints it is filed and filtered under Cigna.
  const known = findPayer(payerName);
  return known === null ? OTHER_PAYER : payerFamily(known);
}

/** Whether `value` is something the payer filter accepts (a known payer, 'other', 'none'). */
export function isPayerFilter(value: string): boolean {
  return value === OTHER_PAYER || value === NO_PAYER || KNOWN_PAYERS.includes(value);
}

/**
 * How long ago the email arrived, in the buckets billers work by: today's (under a day), the
 * last few days, and the ones waiting longer than three days (the ones to chase).
 */
export const AGE_BUCKETS = ['lt1d', '1to3d', 'gt3d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const AGE_LABEL: Record<AgeBucket, string> = { lt1d: 'Under 1 day', '1to3d': '1–3 days', gt3d: 'Over 3 days' };

const DAY_MS = 86_400_000;

/** The arrival times a bucket covers at `now`: `after` < arrived ≤ `atOrBefore` (either open). */
export function ageRange(bucket: AgeBucket, now: Date): { after: Date | null; atOrBefore: Date | null } {
  const daysAgo = (d: number) => new Date(now.getTime() - d * DAY_MS);
  switch (bucket) {
    case 'lt1d':
      return { after: daysAgo(1), atOrBefore: null };
    case '1to3d':
      return { after: daysAgo(3), atOrBefore: daysAgo(1) };
    case 'gt3d':
      return { after: null, atOrBefore: daysAgo(3) };
  }
}

/** The bucket an arrival time falls in at `now`. */
export function ageBucketOf(arrivedAt: Date, now: Date): AgeBucket {
  const age = now.getTime() - arrivedAt.getTime();
  return age < DAY_MS ? 'lt1d' : age < 3 * DAY_MS ? '1to3d' : 'gt3d';
}

/**
 * The referring center of a sender: the allowlist entry its domain falls under (the longest,
 * so `intake.sunrise.test` under both `sunrise.test` and `intake.sunrise.test` is the latter),
 * else the sender's own domain; null without an address.
 */
export function centerOf(fromAddress: string | null, allowedSenderDomains: readonly string[]): string | null {
  if (!fromAddress || !fromAddress.includes('@')) return null;
  const domain = domainOf(fromAddress)!.trim();
  if (domain === '') return null;
  return allowlistEntryOf(domain, allowedSenderDomains.map((d) => d.toLowerCase())) ?? domain;
}

/** The `limit` most frequent names with their counts, most frequent first (ties by name). */
export function topCounts(counts: ReadonlyMap<string, number>, limit: number): { name: string; count: number }[] {
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}
