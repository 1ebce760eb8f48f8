/** vob_request: one row per client request in a message; answers update the open request. */
import type { RequiredField } from '../../../schemas/vob-record';
import { valuesList, type Queryable } from './db-pool';

export type RequestStatus = 'awaiting-information' | 'ready' | 'needs-review' | 'closed' | 'verified';

export interface VobRequestRow {
  id: string;
  inboundMessageId: string;
  requestIndex: number;
  status: RequestStatus;
  requestEncrypted: Buffer;
  clientKey: string | null;
  missingFields: RequiredField[];
  conflictCount: number;
  fromAddress: string | null;
  reminderCount: number;
  nextReminderAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AnswerCandidateRow {
  requestId: string;
  clientKey: string | null;
  fromAddress: string | null;
  /** Which of the named Message-IDs lead to this request's thread. */
  threadIds: string[];
  createdAt: Date;
}

export interface RelatedCandidateRow {
  requestId: string;
  requestEncrypted: Buffer;
  /** Reached through the message's thread headers (no name check needed). */
  byThread: boolean;
}

const COLUMNS = `id::text, inbound_message_id::text, request_index, status, request_encrypted, client_key, missing_fields,
  conflict_count, from_address, reminder_count, next_reminder_at, created_at, updated_at`;

const QUALIFIED_COLUMNS = `r.id::text AS id, r.inbound_message_id::text AS inbound_message_id, r.request_index, r.status,
  r.request_encrypted, r.client_key, r.missing_fields, r.conflict_count, r.from_address, r.reminder_count, r.next_reminder_at,
  r.created_at, r.updated_at`;

/**
 * `named`: (request_id, message_id) for each named Message-ID ($1) that is a request's original
 * message, one of our replies about it, or one of its answers. Entered through the message_id
 * indexes, so the cost does not grow with the table.
 */
const THREAD_CTE = `named_id AS (
               SELECT DISTINCT unnest($1::text[]) AS message_id
             ), thread_message AS (
               SELECT m.id, n.message_id FROM inbound_message m JOIN named_id n ON m.message_id = n.message_id
               UNION
               SELECT o.inbound_message_id, n.message_id FROM outbound_reply o JOIN named_id n ON o.message_id = n.message_id
             ), named AS (
               SELECT r.id AS request_id, t.message_id FROM vob_request r JOIN thread_message t ON r.inbound_message_id = t.id
               UNION
               SELECT a.request_id, t.message_id FROM request_answer a JOIN thread_message t ON a.inbound_message_id = t.id
             )`;

function toRow(r: Record<string, unknown>): VobRequestRow {
  return {
    id: r.id as string,
    inboundMessageId: r.inbound_message_id as string,
    requestIndex: r.request_index as number,
    status: r.status as RequestStatus,
    requestEncrypted: r.request_encrypted as Buffer,
    clientKey: (r.client_key as string | null) ?? null,
    missingFields: r.missing_fields as RequiredField[],
    conflictCount: r.conflict_count as number,
    fromAddress: (r.from_address as string | null) ?? null,
    reminderCount: r.reminder_count as number,
    nextReminderAt: (r.next_reminder_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export interface RequestState {
  status: RequestStatus;
  requestEncrypted: Buffer;
  clientKey: string | null;
  missingFields: RequiredField[];
  conflictCount: number;
  nextReminderAt: Date | null;
}

export function createVobRequestRepository({ db }: { db: Queryable }) {
  return {
    /**
     * Inserts requests in one round trip, saying for each (in input order) whether its row is new
     * (false: that message's request was already stored). The missing fields are also kept as
     * `arrival_missing_fields` (what the center left out; never updated) for the center figures.
     */
    async insertOrFind(
      rows: readonly (RequestState & { inboundMessageId: string; requestIndex: number; fromAddress: string | null })[],
    ): Promise<{ id: string; inserted: boolean }[]> {
      if (rows.length === 0) return [];
      const values = valuesList(
        rows.map((row) => [
          row.inboundMessageId,
          row.requestIndex,
          row.status,
          row.requestEncrypted,
          row.clientKey,
          row.missingFields,
          row.conflictCount,
          row.fromAddress,
          row.nextReminderAt,
          row.missingFields,
        ]),
        ['bigint', 'int', 'text', 'bytea', 'text', 'text[]', 'int', 'text', 'timestamptz', 'text[]'],
      );
      const { rows: stored } = await db.query<{ id: string; inbound_message_id: string; request_index: number; inserted: boolean }>(
        `INSERT INTO vob_request (inbound_message_id, request_index, status, request_encrypted, client_key, missing_fields,
           conflict_count, from_address, next_reminder_at, arrival_missing_fields)
         VALUES ${values.sql}
         ON CONFLICT (inbound_message_id, request_index) DO UPDATE SET updated_at = vob_request.updated_at
         RETURNING id::text, inbound_message_id::text, request_index, (xmax = 0) AS inserted`,
        values.params,
      );
      const byKey = new Map(stored.map((r) => [`${r.inbound_message_id}:${r.request_index}`, { id: r.id, inserted: r.inserted }]));
      return rows.map((row) => byKey.get(`${row.inboundMessageId}:${row.requestIndex}`)!);
    },

    async update(id: string, state: RequestState): Promise<void> {
      await db.query(
        `UPDATE vob_request SET status = $2, request_encrypted = $3, client_key = $4, missing_fields = $5, conflict_count = $6,
           next_reminder_at = $7, updated_at = now() WHERE id = $1`,
        [id, state.status, state.requestEncrypted, state.clientKey, state.missingFields, state.conflictCount, state.nextReminderAt],
      );
    },

    /** Only the status (a verified request): no reminder is due for it any more. */
    async setStatus(id: string, status: RequestStatus): Promise<void> {
      await db.query(`UPDATE vob_request SET status = $2, next_reminder_at = NULL, updated_at = now() WHERE id = $1`, [id, status]);
    },

    async findById(id: string): Promise<VobRequestRow | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM vob_request WHERE id = $1`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },

    async lockById(id: string): Promise<VobRequestRow | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM vob_request WHERE id = $1 FOR UPDATE`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },

    async lockMany(ids: readonly string[]): Promise<VobRequestRow[]> {
      if (ids.length === 0) return [];
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM vob_request WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
      return rows.map(toRow);
    },

    async listForMessage(inboundMessageId: string): Promise<VobRequestRow[]> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM vob_request WHERE inbound_message_id = $1 ORDER BY request_index`, [
        inboundMessageId,
      ]);
      return rows.map(toRow);
    },

    /**
     * Awaiting-information requests that messages may answer: those whose thread (the request's
     * message, its answers, and our replies to either) is named in `threadIds`, and those with one
     * of `clientKeys`. For several messages at once: each row says which of the named Message-IDs
     * reach it, and `candidatesFor` (domain) picks each message's own.
     */
    async findAnswerCandidates(threadIds: readonly string[], clientKeys: readonly string[]): Promise<AnswerCandidateRow[]> {
      if (threadIds.length === 0 && clientKeys.length === 0) return [];
      const { rows } = await db.query<{
        id: string;
        client_key: string | null;
        from_address: string | null;
        created_at: Date;
        thread_ids: string[];
      }>(
        // The thread is entered from the named Message-IDs through indexes (inbound_message
        // message_id, outbound_reply message_id, vob_request inbound_message_id): the cost does not
        // grow with the table. Without thread ids only the client-key index is read.
        threadIds.length === 0
          ? `SELECT r.id::text, r.client_key, r.from_address, r.created_at, '{}'::text[] AS thread_ids
             FROM vob_request r
             WHERE r.status = 'awaiting-information' AND r.client_key = ANY($1)
             ORDER BY r.id`
          : `WITH ${THREAD_CTE}, hit AS (
               SELECT request_id AS id FROM named
               UNION
               SELECT id FROM vob_request WHERE status = 'awaiting-information' AND client_key = ANY($2)
             )
             SELECT r.id::text, r.client_key, r.from_address, r.created_at,
               COALESCE((SELECT array_agg(n.message_id ORDER BY n.message_id) FROM named n WHERE n.request_id = r.id), '{}') AS thread_ids
             FROM vob_request r JOIN hit ON hit.id = r.id
             WHERE r.status = 'awaiting-information'
             ORDER BY r.id`,
        threadIds.length === 0 ? [clientKeys] : [threadIds, clientKeys],
      );
      return rows.map((r) => ({
        requestId: r.id,
        clientKey: r.client_key,
        fromAddress: r.from_address,
        threadIds: r.thread_ids,
        createdAt: r.created_at,
      }));
    },

    /**
     * The requests a message about a request (not one itself) may belong to, not closed: those its
     * thread headers reach, and, through the name-part search keys, the requests from the sender's
     * domain in the last `days` days that have at least two of the mentioned name words (the
     * caller decrypts these few and checks the name). Newest first, at most 20.
     */
    async findRelated(input: { threadIds: readonly string[]; nameKeys: readonly string[]; senderDomain: string | null; days: number }): Promise<RelatedCandidateRow[]> {
      const { threadIds, nameKeys, senderDomain, days } = input;
      if (threadIds.length === 0 && (nameKeys.length < 2 || senderDomain === null)) return [];
      const { rows } = await db.query<{ id: string; request_encrypted: Buffer; by_thread: boolean }>(
        `WITH ${THREAD_CTE}, by_name AS (
           SELECT k.request_id FROM request_search_key k
           WHERE k.kind = 'name-part' AND k.key_hash = ANY($2::text[])
           GROUP BY k.request_id HAVING count(*) >= 2
         )
         SELECT r.id::text, r.request_encrypted, EXISTS (SELECT 1 FROM named n WHERE n.request_id = r.id) AS by_thread
         FROM vob_request r
         WHERE r.status <> 'closed'
           AND (r.id IN (SELECT request_id FROM named)
             OR (r.id IN (SELECT request_id FROM by_name)
                 AND lower(split_part(r.from_address, '@', 2)) = $3
                 AND r.created_at > now() - make_interval(days => $4)))
         ORDER BY r.id DESC LIMIT 20`,
        [threadIds, nameKeys, senderDomain ?? '', days],
      );
      return rows.map((r) => ({ requestId: r.id, requestEncrypted: r.request_encrypted, byThread: r.by_thread }));
    },

    /** A message about a request joins its thread (idempotent by the pair). */
    async addRelated(requestId: string, inboundMessageId: string, intent: string, matchedBy: 'thread' | 'name'): Promise<void> {
      await db.query(
        `INSERT INTO request_related_message (request_id, inbound_message_id, intent, matched_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [requestId, inboundMessageId, intent, matchedBy],
      );
    },

    async addAnswer(requestId: string, inboundMessageId: string): Promise<void> {
      await db.query('INSERT INTO request_answer (request_id, inbound_message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        requestId,
        inboundMessageId,
      ]);
    },

    async setReminder(id: string, reminderCount: number, nextReminderAt: Date | null): Promise<void> {
      await db.query('UPDATE vob_request SET reminder_count = $2, next_reminder_at = $3, updated_at = now() WHERE id = $1', [
        id,
        reminderCount,
        nextReminderAt,
      ]);
    },

    /** Awaiting requests whose next reminder is due (the reconciler's work list). */
    async listDueReminders(now: Date, limit: number): Promise<{ id: string; reminderCount: number }[]> {
      const { rows } = await db.query<{ id: string; reminder_count: number }>(
        `SELECT id::text, reminder_count FROM vob_request
         WHERE status = 'awaiting-information' AND next_reminder_at IS NOT NULL AND next_reminder_at <= $1
         ORDER BY next_reminder_at LIMIT $2`,
        [now, limit],
      );
      return rows.map((r) => ({ id: r.id, reminderCount: r.reminder_count }));
    },

    /** A page of stored requests for export, with their message's Message-ID. */
    async pageForExport(afterId: string, limit: number): Promise<(VobRequestRow & { messageId: string | null })[]> {
      const { rows } = await db.query(
        `SELECT ${QUALIFIED_COLUMNS}, m.message_id
         FROM vob_request r JOIN inbound_message m ON m.id = r.inbound_message_id
         WHERE r.id > $1 ORDER BY r.id LIMIT $2`,
        [afterId, limit],
      );
      return rows.map((r) => ({ ...toRow(r), messageId: (r.message_id as string | null) ?? null }));
    },
  };
}

export type VobRequestRepository = ReturnType<typeof createVobRequestRepository>;
