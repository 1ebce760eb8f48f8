/** staff_task: follow-up work for billing staff, one per (kind, subject key). */
import type { TaskKind, TaskSpec, TaskStatus } from '../../domain/tasks';
import { valuesList, type Queryable } from './db-pool';

export interface StaffTaskRow {
  id: string;
  kind: TaskKind;
  subjectKey: string;
  requestId: string | null;
  inboundMessageId: string | null;
  status: TaskStatus;
  priority: number;
  dueAt: Date;
  reason: string | null;
  missingFields: string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  claimedBy: string | null;
  claimedAt: Date | null;
}

const COLUMNS = `id::text, kind, subject_key, request_id::text, inbound_message_id::text, status, priority, due_at, reason,
  missing_fields, created_at, updated_at, closed_at, closed_by, claimed_by::text, claimed_at`;

function toRow(r: Record<string, unknown>): StaffTaskRow {
  return {
    id: r.id as string,
    kind: r.kind as TaskKind,
    subjectKey: r.subject_key as string,
    requestId: (r.request_id as string | null) ?? null,
    inboundMessageId: (r.inbound_message_id as string | null) ?? null,
    status: r.status as TaskStatus,
    priority: r.priority as number,
    dueAt: r.due_at as Date,
    reason: (r.reason as string | null) ?? null,
    missingFields: (r.missing_fields as string[]) ?? [],
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    closedAt: (r.closed_at as Date | null) ?? null,
    closedBy: (r.closed_by as string | null) ?? null,
    claimedBy: (r.claimed_by as string | null) ?? null,
    claimedAt: (r.claimed_at as Date | null) ?? null,
  };
}

export function createStaffTaskRepository({ db }: { db: Queryable }) {
  /**
   * Several tasks in one round trip (ids in input order). Each (kind, subject) at most once per
   * call: Postgres refuses to update a row twice in one statement.
   */
  async function upsertMany(specs: readonly TaskSpec[], { reopen = false }: { reopen?: boolean } = {}): Promise<string[]> {
    if (specs.length === 0) return [];
    const values = valuesList(
      specs.map((spec) => [
        spec.kind,
        spec.subjectKey,
        spec.requestId,
        spec.inboundMessageId,
        spec.status,
        spec.priority,
        spec.dueAt,
        spec.reason,
        spec.missingFields,
      ]),
      ['text', 'text', 'bigint', 'bigint', 'text', 'int', 'timestamptz', 'text', 'text[]'],
      2,
    );
    const { rows } = await db.query<{ id: string; kind: string; subject_key: string }>(
      `INSERT INTO staff_task (kind, subject_key, request_id, inbound_message_id, status, priority, due_at, reason, missing_fields)
       VALUES ${values.sql}
       ON CONFLICT (kind, subject_key) DO UPDATE SET
         status = CASE WHEN staff_task.status IN ('done','closed') AND NOT $1 THEN staff_task.status ELSE EXCLUDED.status END,
         priority = EXCLUDED.priority, due_at = EXCLUDED.due_at, reason = EXCLUDED.reason,
         missing_fields = EXCLUDED.missing_fields, updated_at = now(),
         closed_at = CASE WHEN staff_task.status IN ('done','closed') AND NOT $1 THEN staff_task.closed_at ELSE NULL END,
         closed_by = CASE WHEN staff_task.status IN ('done','closed') AND NOT $1 THEN staff_task.closed_by ELSE NULL END
       RETURNING id::text, kind, subject_key`,
      [reopen, ...values.params],
    );
    const byKey = new Map(rows.map((r) => [`${r.kind}\u0000${r.subject_key}`, r.id]));
    return specs.map((spec) => byKey.get(`${spec.kind}\u0000${spec.subjectKey}`)!);
  }

  return {
    /**
     * Creates the task, or refreshes an open/paused one (priority, due, reason, status). A task
     * staff already marked done or the system closed is reopened only when `reopen` is set.
     */
    async upsert(spec: TaskSpec, options: { reopen?: boolean } = {}): Promise<string> {
      const [id] = await upsertMany([spec], options);
      return id!;
    },

    upsertMany,

    async close(kind: TaskKind, subjectKey: string, by: string): Promise<boolean> {
      const { rowCount } = await db.query(
        `UPDATE staff_task SET status = 'closed', closed_at = now(), closed_by = $3, updated_at = now()
         WHERE kind = $1 AND subject_key = $2 AND status IN ('open','paused')`,
        [kind, subjectKey, by],
      );
      return (rowCount ?? 0) > 0;
    },

    /** Sets the status/reason of an existing open or paused task (e.g. a suppressed reply). */
    async reopenWithReason(kind: TaskKind, subjectKey: string, reason: string, priority: number, dueAt: Date): Promise<boolean> {
      const { rowCount } = await db.query(
        `UPDATE staff_task SET status = 'open', reason = $3, priority = $4, due_at = $5, updated_at = now()
         WHERE kind = $1 AND subject_key = $2 AND status IN ('open','paused')`,
        [kind, subjectKey, reason, priority, dueAt],
      );
      return (rowCount ?? 0) > 0;
    },

    /** Staff marks a task done; false when it does not exist or is no longer open. */
    async markDone(id: string, by: string): Promise<StaffTaskRow | null> {
      const { rows } = await db.query(
        `UPDATE staff_task SET status = 'done', closed_at = now(), closed_by = $2, updated_at = now()
         WHERE id = $1 AND status IN ('open','paused') RETURNING ${COLUMNS}`,
        [id, by],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    /**
     * Claims an open or paused task no one holds: one conditional UPDATE, so of two staff
     * claiming at once exactly one wins. null when it is held, closed or unknown.
     */
    async claim(id: string, userId: string): Promise<StaffTaskRow | null> {
      const { rows } = await db.query(
        `UPDATE staff_task SET claimed_by = $2, claimed_at = now(), updated_at = now()
         WHERE id = $1 AND claimed_by IS NULL AND status IN ('open','paused') RETURNING ${COLUMNS}`,
        [id, userId],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    /** Lets go of a task held by `heldBy` (null: whoever holds it, for admins). */
    async release(id: string, heldBy: string | null): Promise<StaffTaskRow | null> {
      const { rows } = await db.query(
        `UPDATE staff_task SET claimed_by = NULL, claimed_at = NULL, updated_at = now()
         WHERE id = $1 AND claimed_by IS NOT NULL AND ($2::bigint IS NULL OR claimed_by = $2) RETURNING ${COLUMNS}`,
        [id, heldBy],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    /** Gives an open or paused task to a staff member, whoever held it. */
    async assign(id: string, userId: string): Promise<StaffTaskRow | null> {
      const { rows } = await db.query(
        `UPDATE staff_task SET claimed_by = $2, claimed_at = now(), updated_at = now()
         WHERE id = $1 AND status IN ('open','paused') RETURNING ${COLUMNS}`,
        [id, userId],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    /**
     * Claims the most urgent open task no one holds (the queue's order); rows another
     * transaction is claiming are skipped rather than waited for.
     */
    async claimNext(userId: string, now: Date): Promise<StaffTaskRow | null> {
      const { rows } = await db.query(
        `UPDATE staff_task SET claimed_by = $1, claimed_at = now(), updated_at = now()
         WHERE id = (SELECT id FROM staff_task WHERE status = 'open' AND claimed_by IS NULL
                     ORDER BY priority, (due_at < $2) DESC, due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
           AND claimed_by IS NULL
         RETURNING ${COLUMNS}`,
        [userId, now],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    async findById(id: string): Promise<StaffTaskRow | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM staff_task WHERE id = $1`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },

    /** Open and paused tasks, most urgent first: open before paused, then priority, then due time. */
    async listOpen({ limit = 500 }: { limit?: number } = {}): Promise<StaffTaskRow[]> {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM staff_task WHERE status IN ('open','paused')
         ORDER BY (status = 'paused'), priority, due_at, id LIMIT $1`,
        [limit],
      );
      return rows.map(toRow);
    },

    async countOpenByKind(): Promise<Record<string, number>> {
      const { rows } = await db.query<{ kind: string; n: string }>(
        `SELECT kind, count(*)::text AS n FROM staff_task WHERE status IN ('open','paused') GROUP BY kind`,
      );
      return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
    },
  };
}

export type StaffTaskRepository = ReturnType<typeof createStaffTaskRepository>;
