/**
 * outbound_reply: automatic mail, recorded before it is sent. Status moves
 * pending → sending (committed before SMTP) → sent | failed | uncertain, or pending → suppressed.
 */
import { valuesList, type Queryable } from './db-pool';

export type ReplyKind = 'missing-fields' | 'reminder';
export type ReplyStatus = 'pending' | 'sending' | 'sent' | 'uncertain' | 'failed' | 'suppressed';

export interface OutboundReplyRow {
  id: string;
  inboundMessageId: string;
  requestId: string | null;
  kind: ReplyKind;
  replyKey: string;
  toAddress: string;
  messageId: string;
  subjectEncrypted: Buffer | null;
  bodyText: string;
  inReplyTo: string | null;
  referencesHeader: string | null;
  status: ReplyStatus;
  statusReason: string | null;
  createdAt: Date;
  attemptedAt: Date | null;
  sentAt: Date | null;
}

/** The Message-ID is `messageIdPrefix` + the row's id + `messageIdSuffix`. */
export interface NewOutboundReply {
  inboundMessageId: string;
  requestId: string | null;
  kind: ReplyKind;
  replyKey: string;
  toAddress: string;
  messageIdPrefix: string;
  messageIdSuffix: string;
  subjectEncrypted: Buffer;
  bodyText: string;
  inReplyTo: string | null;
  referencesHeader: string | null;
}

const COLUMNS = `id::text, inbound_message_id::text, request_id::text, kind, reply_key, to_address, message_id, subject_encrypted,
  body_text, in_reply_to, references_header, status, status_reason, created_at, attempted_at, sent_at`;

function toRow(r: Record<string, unknown>): OutboundReplyRow {
  return {
    id: r.id as string,
    inboundMessageId: r.inbound_message_id as string,
    requestId: (r.request_id as string | null) ?? null,
    kind: r.kind as ReplyKind,
    replyKey: r.reply_key as string,
    toAddress: r.to_address as string,
    messageId: r.message_id as string,
    subjectEncrypted: (r.subject_encrypted as Buffer | null) ?? null,
    bodyText: r.body_text as string,
    inReplyTo: (r.in_reply_to as string | null) ?? null,
    referencesHeader: (r.references_header as string | null) ?? null,
    status: r.status as ReplyStatus,
    statusReason: (r.status_reason as string | null) ?? null,
    createdAt: r.created_at as Date,
    attemptedAt: (r.attempted_at as Date | null) ?? null,
    sentAt: (r.sent_at as Date | null) ?? null,
  };
}

export function createOutboundReplyRepository({ db }: { db: Queryable }) {
  /**
   * Inserts each reply unless one of its kind and key exists for its message; returns the stored
   * ids in input order. Ids are drawn from the sequence in the same statement so each Message-ID
   * can name its row. Each (message, kind, key) at most once per call.
   */
  async function insertManyIfNew(replies: readonly NewOutboundReply[]): Promise<{ id: string; inserted: boolean; status: ReplyStatus }[]> {
    if (replies.length === 0) return [];
    const values = valuesList(
      replies.map((r) => [
        r.inboundMessageId,
        r.requestId,
        r.kind,
        r.replyKey,
        r.toAddress,
        r.messageIdPrefix,
        r.messageIdSuffix,
        r.subjectEncrypted,
        r.bodyText,
        r.inReplyTo,
        r.referencesHeader,
      ]),
      ['bigint', 'bigint', 'text', 'text', 'text', 'text', 'text', 'bytea', 'text', 'text', 'text'],
    );
    const key = (inboundMessageId: string, kind: string, replyKey: string): string => `${inboundMessageId}\u0000${kind}\u0000${replyKey}`;
    const { rows } = await db.query<{ id: string; inbound_message_id: string; kind: string; reply_key: string; status: ReplyStatus }>(
      `INSERT INTO outbound_reply (id, inbound_message_id, request_id, kind, reply_key, to_address, message_id, subject,
         subject_encrypted, body_text, in_reply_to, references_header)
       SELECT n.id, n.inbound_message_id, n.request_id, n.kind, n.reply_key, n.to_address, n.prefix || n.id::text || n.suffix, '',
         n.subject_encrypted, n.body_text, n.in_reply_to, n.references_header
       FROM (
         -- nextval in a select list runs once per row, and the volatile call keeps this subquery apart
         SELECT nextval(pg_get_serial_sequence('outbound_reply', 'id')) AS id, v.*
         FROM (VALUES ${values.sql}) AS v(inbound_message_id, request_id, kind, reply_key, to_address, prefix, suffix,
           subject_encrypted, body_text, in_reply_to, references_header)
       ) n
       ON CONFLICT (inbound_message_id, kind, reply_key) DO NOTHING
       RETURNING id::text, inbound_message_id::text, kind, reply_key, status`,
      values.params,
    );
    const stored = new Map(rows.map((r) => [key(r.inbound_message_id, r.kind, r.reply_key), { id: r.id, inserted: true, status: r.status }]));
    const missing = replies.filter((r) => !stored.has(key(r.inboundMessageId, r.kind, r.replyKey)));
    if (missing.length > 0) {
      const existing = await db.query<{ id: string; inbound_message_id: string; kind: string; reply_key: string; status: ReplyStatus }>(
        `SELECT o.id::text, o.inbound_message_id::text, o.kind, o.reply_key, o.status
         FROM outbound_reply o
         JOIN unnest($1::bigint[], $2::text[], $3::text[]) AS k(inbound_message_id, kind, reply_key)
           ON o.inbound_message_id = k.inbound_message_id AND o.kind = k.kind AND o.reply_key = k.reply_key`,
        [missing.map((r) => r.inboundMessageId), missing.map((r) => r.kind), missing.map((r) => r.replyKey)],
      );
      for (const r of existing.rows) stored.set(key(r.inbound_message_id, r.kind, r.reply_key), { id: r.id, inserted: false, status: r.status });
    }
    return replies.map((r) => stored.get(key(r.inboundMessageId, r.kind, r.replyKey))!);
  }

  return {
    async insertIfNew(reply: NewOutboundReply): Promise<{ id: string; inserted: boolean; status: ReplyStatus }> {
      const [stored] = await insertManyIfNew([reply]);
      return stored!;
    },

    insertManyIfNew,

    async findById(id: string): Promise<OutboundReplyRow | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM outbound_reply WHERE id = $1`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },

    /**
     * Inside a transaction: the row, read while taking the advisory lock of its recipient (which
     * serialises rate-limit decisions for that address until the transaction ends). No row lock:
     * the claim that follows is a conditional UPDATE.
     */
    async readLockingAddress(id: string): Promise<OutboundReplyRow | null> {
      const { rows } = await db.query(
        `SELECT ${COLUMNS}, pg_advisory_xact_lock(hashtext('reply-to:' || to_address)) IS NULL AS locked FROM outbound_reply WHERE id = $1`,
        [id],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    /**
     * Inside the transaction holding the recipient's lock (readLockingAddress): `pending` →
     * `sending`, or → `suppressed` ('rate-limit') when `ratePerHour` replies to the address were
     * attempted since `since`; the count and the change in one statement, run after the lock was
     * taken so it sees every earlier holder's commit. Null when the row was no longer pending.
     */
    async claimForSending(id: string, toAddress: string, since: Date, ratePerHour: number): Promise<'sending' | 'suppressed' | null> {
      const { rows } = await db.query<{ status: 'sending' | 'suppressed' }>(
        `WITH c AS (
           SELECT count(*) >= $4 AS over FROM outbound_reply
           WHERE to_address = $2 AND attempted_at >= $3 AND status IN ('sending','sent','uncertain')
         )
         UPDATE outbound_reply o SET
           status = CASE WHEN c.over THEN 'suppressed' ELSE 'sending' END,
           status_reason = CASE WHEN c.over THEN 'rate-limit' ELSE NULL END,
           attempted_at = CASE WHEN c.over THEN o.attempted_at ELSE now() END,
           updated_at = now()
         FROM c WHERE o.id = $1 AND o.status = 'pending'
         RETURNING o.status`,
        [id, toAddress, since, ratePerHour],
      );
      return rows[0]?.status ?? null;
    },

    /** A status change only from `from` (a claim); false when the row had moved on. */
    async setStatusIf(id: string, from: ReplyStatus, status: ReplyStatus, reason: string | null): Promise<boolean> {
      const { rowCount } = await db.query(
        `UPDATE outbound_reply SET status = $3, status_reason = $4, updated_at = now() WHERE id = $1 AND status = $2`,
        [id, from, status, reason],
      );
      return (rowCount ?? 0) > 0;
    },

    async setStatus(id: string, status: ReplyStatus, reason: string | null): Promise<void> {
      await db.query(
        `UPDATE outbound_reply SET status = $2, status_reason = $3, updated_at = now(),
           attempted_at = CASE WHEN $2 = 'sending' THEN now() ELSE attempted_at END,
           sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
         WHERE id = $1`,
        [id, status, reason],
      );
    },

    /** Replies that went (or may have gone) to an address since a time: the rate limit's count. */
    async listPendingIds(limit: number, afterId = '0'): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id::text FROM outbound_reply WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT $2`,
        [afterId, limit],
      );
      return rows.map((r) => r.id);
    },

    /** Rows left in `sending` since before `attemptedBefore`: their process died mid-send. */
    async listStaleSendingIds(attemptedBefore: Date, limit: number): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id::text FROM outbound_reply WHERE status = 'sending' AND attempted_at < $1 ORDER BY id LIMIT $2`,
        [attemptedBefore, limit],
      );
      return rows.map((r) => r.id);
    },

    async listForMessage(inboundMessageId: string): Promise<OutboundReplyRow[]> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM outbound_reply WHERE inbound_message_id = $1 ORDER BY id`, [
        inboundMessageId,
      ]);
      return rows.map(toRow);
    },
  };
}

export type OutboundReplyRepository = ReturnType<typeof createOutboundReplyRepository>;
