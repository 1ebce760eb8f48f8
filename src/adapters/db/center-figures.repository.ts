/**
 * Aggregates for the per-center figures, from plain columns only (sender address, fields missing
 * on arrival, arrival and verification times): nothing here reads an encrypted record. Grouped by
 * the sender's domain; the use case folds domains into centers (the allowlist's entries).
 */
import type { Queryable } from './db-pool';

export interface DomainFigureRow {
  /** The sender's domain, lower-cased; null for a request without a sender address. */
  domain: string | null;
  requests: number;
  /** Requests whose fields missing on arrival are known (stored since migration 0010, or unchanged since). */
  arrivalKnown: number;
  /** Of those, the ones that arrived lacking a field the center had to be asked for (not only an optional one: the card). */
  incompleteOnArrival: number;
  /** Seconds from the first email's arrival to the first completed verification, one per verified request. */
  secondsToVerified: number[];
}

export interface DomainOmissionRow {
  domain: string | null;
  field: string;
  count: number;
}

/** Requests whose first email arrived in [since, before) (either open). */
export interface FigureRange {
  since: Date | null;
  before: Date | null;
}

/** Requests with their first message (aliases r, m). */
const REQUESTS = 'vob_request r JOIN inbound_message m ON m.id = r.inbound_message_id';
/** The range's condition on the arrival, parameters $1 (since) and $2 (before). */
const IN_RANGE = '($1::timestamptz IS NULL OR m.received_at >= $1) AND ($2::timestamptz IS NULL OR m.received_at < $2)';
const DOMAIN = `NULLIF(lower(split_part(r.from_address, '@', 2)), '')`;

export function createCenterFiguresRepository({ db }: { db: Queryable }) {
  return {
    /** `optional`: fields whose absence alone does not make a request incomplete (isAwaitingInformation's rule). */
    async byDomain(range: FigureRange, optional: readonly string[]): Promise<DomainFigureRow[]> {
      const { rows } = await db.query<{ domain: string | null; requests: string; arrival_known: string; incomplete: string; seconds: number[] | null }>(
        `WITH verified AS (
           SELECT request_id, min(completed_at) AS at FROM benefit_verification WHERE status = 'complete' GROUP BY request_id
         )
         SELECT ${DOMAIN} AS domain, count(*)::text AS requests,
           count(r.arrival_missing_fields)::text AS arrival_known,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest(r.arrival_missing_fields) f WHERE f <> ALL($3::text[])))::text AS incomplete,
           array_agg(EXTRACT(EPOCH FROM v.at - m.received_at)::float8) FILTER (WHERE v.at IS NOT NULL) AS seconds
         FROM ${REQUESTS} LEFT JOIN verified v ON v.request_id = r.id
         WHERE ${IN_RANGE}
         GROUP BY 1`,
        [range.since, range.before, optional],
      );
      return rows.map((r) => ({
        domain: r.domain,
        requests: Number(r.requests),
        arrivalKnown: Number(r.arrival_known),
        incompleteOnArrival: Number(r.incomplete),
        secondsToVerified: (r.seconds ?? []).map(Number),
      }));
    },

    /** How often each required field was missing on arrival, per sender domain. */
    async omissionsByDomain(range: FigureRange): Promise<DomainOmissionRow[]> {
      const { rows } = await db.query<{ domain: string | null; field: string; n: string }>(
        `SELECT ${DOMAIN} AS domain, f.field, count(*)::text AS n
         FROM ${REQUESTS} CROSS JOIN LATERAL unnest(r.arrival_missing_fields) AS f (field)
         WHERE ${IN_RANGE}
         GROUP BY 1, 2`,
        [range.since, range.before],
      );
      return rows.map((r) => ({ domain: r.domain, field: r.field, count: Number(r.n) }));
    },
  };
}
