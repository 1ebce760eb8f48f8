/**
 * Read-only queries for the staff pages: the filtered queue, one request with its thread
 * (original message, answers, replies, tasks), and one inbound message. Nothing here writes.
 * Encrypted columns come back as they are stored; the use case decrypts what it shows.
 */
import type { TaskKind, TaskStatus } from '../../domain/tasks';
import type { Queryable } from './db-pool';

export interface QueueTaskRow {
  id: string;
  kind: TaskKind;
  status: TaskStatus;
  priority: number;
  dueAt: Date;
  reason: string | null;
  missingFields: string[];
  requestId: string | null;
  inboundMessageId: string | null;
  /** The center's address (the request's, else the message's sender); not client data. */
  fromAddress: string | null;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  /** Who holds the task (a staff user id and e-mail), when claimed. */
  claimedById: string | null;
  claimedBy: string | null;
  claimedAt: Date | null;
  /** The request's encrypted record (for the masked member ID in lists); not sent anywhere. */
  requestEncrypted: Buffer | null;
  /** When the email behind the task arrived (the request's first message, else the task's message). */
  arrivedAt: Date | null;
  /** The request's payer as a known payer's name, 'other' or null (not client data). */
  payer: string | null;
}

/** Which tasks a queue shows. `assignee`: a user id, 'none' (unclaimed) or null (anyone). */
export interface TaskListFilter {
  kinds: readonly TaskKind[] | null;
  statuses: readonly TaskStatus[];
  /** The sending center's address, or its domain as '@domain'. */
  center: string | null;
  assignee: string | 'none' | null;
  /** A known payer's name, 'other' (not recognised) or 'none' (no payer named); null: any. */
  payer?: string | null;
  /** The email arrived after `after` and at or before `atOrBefore` (either open). */
  arrived?: { after: Date | null; atOrBefore: Date | null } | null;
}

/** When the email behind a task arrived (aliases of TASK_FROM). */
const ARRIVED_AT = 'COALESCE(rm.received_at, m.received_at)';

/** The WHERE clause of a task list (aliases t, r, m), parameters from `$from`. */
function taskWhere(f: Partial<TaskListFilter>, from: number): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => {
    params.push(v);
    return `$${from + params.length - 1}`;
  };
  if (f.statuses) clauses.push(`t.status = ANY(${param(f.statuses)})`);
  if (f.kinds) clauses.push(`t.kind = ANY(${param(f.kinds)})`);
  if (f.center) {
    const center = f.center.toLowerCase();
    clauses.push(
      center.startsWith('@')
        ? `lower(COALESCE(r.from_address, m.from_address)) LIKE '%' || ${param(center.replace(/[\\%_]/g, '\\$&'))}`
        : `lower(COALESCE(r.from_address, m.from_address)) = ${param(center)}`,
    );
  }
  if (f.assignee === 'none') clauses.push('t.claimed_by IS NULL');
  else if (f.assignee) clauses.push(`t.claimed_by = ${param(f.assignee)}`);
  if (f.payer === 'none') clauses.push('r.payer IS NULL');
  else if (f.payer) clauses.push(`r.payer = ${param(f.payer)}`);
  if (f.arrived?.after) clauses.push(`${ARRIVED_AT} > ${param(f.arrived.after)}`);
  if (f.arrived?.atOrBefore) clauses.push(`${ARRIVED_AT} <= ${param(f.arrived.atOrBefore)}`);
  return { sql: clauses.length ? clauses.join(' AND ') : 'true', params };
}

export interface MessageRecordRow {
  id: string;
  messageId: string | null;
  fromAddress: string | null;
  sizeBytes: number;
  status: string;
  reviewCode: string | null;
  reviewReason: string | null;
  rawEncrypted: Buffer | null;
  receivedAt: Date;
  extractedAt: Date | null;
}

export interface ReplyRecordRow {
  id: string;
  inboundMessageId: string;
  requestId: string | null;
  kind: string;
  toAddress: string;
  subjectEncrypted: Buffer | null;
  status: string;
  statusReason: string | null;
  createdAt: Date;
  attemptedAt: Date | null;
  sentAt: Date | null;
}

const TASK_COLUMNS = `t.id::text AS id, t.kind, t.status, t.priority, t.due_at, t.reason, t.missing_fields,
  t.request_id::text AS request_id, t.inbound_message_id::text AS inbound_message_id,
  COALESCE(r.from_address, m.from_address) AS from_address, t.created_at, t.closed_at, t.closed_by,
  t.claimed_by::text AS claimed_by_id, u.email AS claimed_by, t.claimed_at, r.request_encrypted,
  ${ARRIVED_AT} AS arrived_at, r.payer`;
const TASK_FROM = `staff_task t
  LEFT JOIN vob_request r ON r.id = t.request_id
  LEFT JOIN inbound_message rm ON rm.id = r.inbound_message_id
  LEFT JOIN inbound_message m ON m.id = t.inbound_message_id
  LEFT JOIN staff_user u ON u.id = t.claimed_by`;

function toTask(r: Record<string, unknown>): QueueTaskRow {
  return {
    id: r.id as string,
    kind: r.kind as TaskKind,
    status: r.status as TaskStatus,
    priority: r.priority as number,
    dueAt: r.due_at as Date,
    reason: (r.reason as string | null) ?? null,
    missingFields: (r.missing_fields as string[] | null) ?? [],
    requestId: (r.request_id as string | null) ?? null,
    inboundMessageId: (r.inbound_message_id as string | null) ?? null,
    fromAddress: (r.from_address as string | null) ?? null,
    createdAt: r.created_at as Date,
    closedAt: (r.closed_at as Date | null) ?? null,
    closedBy: (r.closed_by as string | null) ?? null,
    claimedById: (r.claimed_by_id as string | null) ?? null,
    claimedBy: (r.claimed_by as string | null) ?? null,
    claimedAt: (r.claimed_at as Date | null) ?? null,
    requestEncrypted: (r.request_encrypted as Buffer | null) ?? null,
    arrivedAt: (r.arrived_at as Date | null) ?? null,
    payer: (r.payer as string | null) ?? null,
  };
}

const MESSAGE_COLUMNS = `id::text, message_id, from_address, size_bytes, status, review_code, review_reason, raw_encrypted,
  received_at, extracted_at`;

function toMessage(r: Record<string, unknown>): MessageRecordRow {
  return {
    id: r.id as string,
    messageId: (r.message_id as string | null) ?? null,
    fromAddress: (r.from_address as string | null) ?? null,
    sizeBytes: r.size_bytes as number,
    status: r.status as string,
    reviewCode: (r.review_code as string | null) ?? null,
    reviewReason: (r.review_reason as string | null) ?? null,
    rawEncrypted: (r.raw_encrypted as Buffer | null) ?? null,
    receivedAt: r.received_at as Date,
    extractedAt: (r.extracted_at as Date | null) ?? null,
  };
}

export function createStaffViewRepository({ db }: { db: Queryable }) {
  return {
    /**
     * Tasks matching the filter, most urgent first: by priority, then overdue before not, then
     * open before paused, then the earliest due. `offset` pages.
     */
    async listTasks(filter: TaskListFilter & { now: Date; limit: number; offset?: number }): Promise<QueueTaskRow[]> {
      const where = taskWhere(filter, 4);
      const { rows } = await db.query(
        `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE ${where.sql}
         ORDER BY t.priority, (t.due_at < $1) DESC, (t.status = 'paused'), t.due_at, t.id
         LIMIT $2 OFFSET $3`,
        [filter.now, filter.limit, filter.offset ?? 0, ...where.params],
      );
      return rows.map(toTask);
    },

    /** How many tasks of each kind, and in each status, match the filter (each count ignoring its own dimension). */
    async countTasks(filter: TaskListFilter): Promise<{ byKind: Record<string, number>; byStatus: Record<string, number> }> {
      const byKindWhere = taskWhere({ ...filter, kinds: null }, 1);
      const byStatusWhere = taskWhere({ ...filter, statuses: undefined }, 1);
      const count = async (column: string, where: { sql: string; params: unknown[] }) => {
        const { rows } = await db.query<{ k: string; n: string }>(
          `SELECT t.${column} AS k, count(*)::text AS n FROM ${TASK_FROM} WHERE ${where.sql} GROUP BY t.${column}`,
          where.params,
        );
        return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
      };
      const [byKind, byStatus] = await Promise.all([count('kind', byKindWhere), count('status', byStatusWhere)]);
      return { byKind, byStatus };
    },

    /** The centers (sender addresses) with tasks in these statuses, for the queue's filter. */
    async listCenters(statuses: readonly TaskStatus[]): Promise<string[]> {
      const { rows } = await db.query<{ a: string }>(
        `SELECT DISTINCT lower(COALESCE(r.from_address, m.from_address)) AS a FROM ${TASK_FROM}
         WHERE t.status = ANY($1) AND COALESCE(r.from_address, m.from_address) IS NOT NULL ORDER BY 1 LIMIT 200`,
        [statuses],
      );
      return rows.map((r) => r.a);
    },

    /** The payers of requests with tasks in these statuses, for the queue's filter ('other' included, no payer left out). */
    async listPayers(statuses: readonly TaskStatus[]): Promise<string[]> {
      const { rows } = await db.query<{ p: string }>(
        `SELECT DISTINCT r.payer AS p FROM staff_task t JOIN vob_request r ON r.id = t.request_id
         WHERE t.status = ANY($1) AND r.payer IS NOT NULL ORDER BY 1 LIMIT 200`,
        [statuses],
      );
      return rows.map((r) => r.p);
    },

    async findMessage(id: string): Promise<MessageRecordRow | null> {
      const { rows } = await db.query(`SELECT ${MESSAGE_COLUMNS} FROM inbound_message WHERE id = $1`, [id]);
      return rows[0] ? toMessage(rows[0]) : null;
    },

    /** The messages that answered a request, oldest first. */
    async listAnswerMessages(requestId: string): Promise<MessageRecordRow[]> {
      const { rows } = await db.query(
        `SELECT ${MESSAGE_COLUMNS} FROM inbound_message
         WHERE id IN (SELECT inbound_message_id FROM request_answer WHERE request_id = $1)
         ORDER BY received_at, id`,
        [requestId],
      );
      return rows.map(toMessage);
    },

    /** Mail about the request that was not one (a status question, a cancellation...), oldest first. */
    async listRelatedMessages(requestId: string): Promise<(MessageRecordRow & { intent: string })[]> {
      const { rows } = await db.query(
        // No column name is shared by the two tables, so MESSAGE_COLUMNS needs no qualifier.
        `SELECT ${MESSAGE_COLUMNS}, intent FROM request_related_message JOIN inbound_message ON id = inbound_message_id
         WHERE request_id = $1 ORDER BY received_at, id`,
        [requestId],
      );
      return rows.map((r) => ({ ...toMessage(r), intent: r.intent as string }));
    },

    /** Replies and reminders about a request: tied to it, or to one of its messages. */
    async listReplies(requestId: string, inboundMessageIds: readonly string[]): Promise<ReplyRecordRow[]> {
      const { rows } = await db.query(
        `SELECT id::text, inbound_message_id::text, request_id::text, kind, to_address, subject_encrypted, status, status_reason,
           created_at, attempted_at, sent_at
         FROM outbound_reply
         WHERE request_id = $1 OR (request_id IS NULL AND inbound_message_id = ANY($2::bigint[]))
         ORDER BY created_at, id`,
        [requestId, inboundMessageIds],
      );
      return rows.map((r: Record<string, unknown>) => ({
        id: r.id as string,
        inboundMessageId: r.inbound_message_id as string,
        requestId: (r.request_id as string | null) ?? null,
        kind: r.kind as string,
        toAddress: r.to_address as string,
        subjectEncrypted: (r.subject_encrypted as Buffer | null) ?? null,
        status: r.status as string,
        statusReason: (r.status_reason as string | null) ?? null,
        createdAt: r.created_at as Date,
        attemptedAt: (r.attempted_at as Date | null) ?? null,
        sentAt: (r.sent_at as Date | null) ?? null,
      }));
    },

    /** Every task on a request (any status), oldest first. */
    async listTasksForRequest(requestId: string): Promise<QueueTaskRow[]> {
      const { rows } = await db.query(
        `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.request_id = $1 ORDER BY t.id`,
        [requestId],
      );
      return rows.map(toTask);
    },

    /** Tasks about a message itself (review-message), any status. */
    async listTasksForMessage(inboundMessageId: string): Promise<QueueTaskRow[]> {
      const { rows } = await db.query(
        `SELECT ${TASK_COLUMNS} FROM ${TASK_FROM} WHERE t.inbound_message_id = $1 AND t.request_id IS NULL ORDER BY t.id`,
        [inboundMessageId],
      );
      return rows.map(toTask);
    },

    /** Ids of the requests a message opened (for a message page that has any). */
    async listRequestIdsForMessage(inboundMessageId: string): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id::text FROM (SELECT id FROM vob_request WHERE inbound_message_id = $1
           UNION SELECT request_id FROM request_answer WHERE inbound_message_id = $1
           UNION SELECT request_id FROM request_related_message WHERE inbound_message_id = $1) ids ORDER BY ids.id`,
        [inboundMessageId],
      );
      return rows.map((r) => r.id);
    },
  };
}

export type StaffViewRepository = ReturnType<typeof createStaffViewRepository>;
