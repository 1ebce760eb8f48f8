/**
 * audit_event: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Rows are written and
 * read here, never changed. Subjects are ids such as `request:12`, never PHI.
 */
import type { Queryable } from './db-pool';

export interface AuditEventInput {
  actorId: string | null;
  /** The staff member's e-mail (staff identity, not client data), or null when unknown. */
  actor: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
}

export interface AuditEventRow {
  id: string;
  at: Date;
  actorId: string | null;
  actor: string | null;
  action: string;
  subject: string | null;
  ip: string | null;
}

export interface AuditQuery {
  actor?: string | null;
  action?: string | null;
  /** Exact subject (`request:12`) or a prefix ending in ':' (`request:`). */
  subject?: string | null;
  since?: Date | null;
  until?: Date | null;
  /** Rows older than this id (paging, newest first). */
  beforeId?: string | null;
  limit: number;
}

function toEvent(r: Record<string, unknown>): AuditEventRow {
  return {
    id: r.id as string,
    at: r.at as Date,
    actorId: (r.actor_id as string | null) ?? null,
    actor: (r.actor as string | null) ?? null,
    action: r.action as string,
    subject: (r.subject as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
  };
}

export function createAuditRepository({ db }: { db: Queryable }) {
  return {
    async insert(e: AuditEventInput): Promise<void> {
      await db.query('INSERT INTO audit_event (actor_id, actor, action, subject, ip) VALUES ($1, $2, $3, $4, $5)', [e.actorId, e.actor, e.action, e.subject, e.ip]);
    },

    /** Newest first. */
    async list(q: AuditQuery): Promise<AuditEventRow[]> {
      const subjectPrefix = q.subject?.endsWith(':') ? q.subject : null;
      const { rows } = await db.query(
        `SELECT id::text, at, actor_id::text, actor, action, subject, ip FROM audit_event
         WHERE ($1::text IS NULL OR lower(actor) = lower($1))
           AND ($2::text IS NULL OR action = $2)
           AND ($3::text IS NULL OR subject = $3)
           AND ($4::text IS NULL OR starts_with(subject, $4))
           AND ($5::timestamptz IS NULL OR at >= $5)
           AND ($6::timestamptz IS NULL OR at < $6)
           AND ($7::bigint IS NULL OR id < $7)
         ORDER BY id DESC LIMIT $8`,
        [q.actor ?? null, q.action ?? null, subjectPrefix ? null : (q.subject ?? null), subjectPrefix, q.since ?? null, q.until ?? null, q.beforeId ?? null, q.limit],
      );
      return rows.map(toEvent);
    },

    /** Oldest first from `since`, in pages after `afterId` (the export). */
    async pageForExport(since: Date | null, afterId: string, limit: number): Promise<AuditEventRow[]> {
      const { rows } = await db.query(
        `SELECT id::text, at, actor_id::text, actor, action, subject, ip FROM audit_event
         WHERE id > $1 AND ($2::timestamptz IS NULL OR at >= $2) ORDER BY id LIMIT $3`,
        [afterId, since, limit],
      );
      return rows.map(toEvent);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
