/** inbound_message: one row per distinct message, keyed by its dedupe key. */
import { valuesList, type Queryable } from './db-pool';

export type InboundStatus = 'received' | 'extracted' | 'needs-review';

export interface InboundMessageRow {
  id: string;
  dedupeKey: string;
  messageId: string | null;
  contentSha256: string;
  mailbox: string;
  uidValidity: string;
  uid: string;
  sizeBytes: number;
  fromAddress: string | null;
  rawEncrypted: Buffer | null;
  status: InboundStatus;
  reviewCode: string | null;
  documentEncrypted: Buffer | null;
  replySend: boolean | null;
  replyReason: string | null;
  receivedAt: Date;
  attempts: number;
}

export interface NewInboundMessage {
  dedupeKey: string;
  messageId: string | null;
  contentSha256: string;
  mailbox: string;
  uidValidity: number;
  uid: number;
  sizeBytes: number;
  fromAddress: string | null;
  rawEncrypted: Buffer | null;
  status: 'received' | 'needs-review';
  reviewCode: string | null;
  reviewReason: string | null;
  /** Not text-only (image, PDF, attached message, large): extracted from queue extract-ocr. */
  needsOcr: boolean;
}

/** What an insert-if-new answers, for a new row or the one already stored under its key. */
export interface StoredInbound {
  id: string;
  inserted: boolean;
  status: InboundStatus;
  /** NULL for rows stored before migration 0003 (they go to the OCR queue). */
  needsOcr: boolean | null;
}

const COLUMNS = `id::text, dedupe_key, message_id, content_sha256, mailbox, uid_validity::text, uid::text, size_bytes,
  from_address, raw_encrypted, status, review_code, document_encrypted, reply_send, reply_reason, received_at, attempts`;

function toRow(r: Record<string, unknown>): InboundMessageRow {
  return {
    id: r.id as string,
    dedupeKey: r.dedupe_key as string,
    messageId: (r.message_id as string | null) ?? null,
    contentSha256: r.content_sha256 as string,
    mailbox: r.mailbox as string,
    uidValidity: r.uid_validity as string,
    uid: r.uid as string,
    sizeBytes: r.size_bytes as number,
    fromAddress: (r.from_address as string | null) ?? null,
    rawEncrypted: (r.raw_encrypted as Buffer | null) ?? null,
    status: r.status as InboundStatus,
    reviewCode: (r.review_code as string | null) ?? null,
    documentEncrypted: (r.document_encrypted as Buffer | null) ?? null,
    replySend: (r.reply_send as boolean | null) ?? null,
    replyReason: (r.reply_reason as string | null) ?? null,
    receivedAt: r.received_at as Date,
    attempts: r.attempts as number,
  };
}

export function createInboundMessageRepository({ db }: { db: Queryable }) {
  return {
    /** Inserts unless the dedupe key exists; returns the row id either way. */
    async insertIfNew(message: NewInboundMessage): Promise<StoredInbound> {
      const inserted = await db.query<{ id: string; status: InboundStatus; needs_ocr: boolean | null }>(
        `INSERT INTO inbound_message (dedupe_key, message_id, content_sha256, mailbox, uid_validity, uid, size_bytes,
           from_address, raw_encrypted, status, review_code, review_reason, needs_ocr)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id::text, status, needs_ocr`,
        [
          message.dedupeKey,
          message.messageId,
          message.contentSha256,
          message.mailbox,
          message.uidValidity,
          message.uid,
          message.sizeBytes,
          message.fromAddress,
          message.rawEncrypted,
          message.status,
          message.reviewCode,
          message.reviewReason,
          message.needsOcr,
        ],
      );
      const created = inserted.rows[0];
      if (created) return { id: created.id, inserted: true, status: created.status, needsOcr: created.needs_ocr };
      const existing = await db.query<{ id: string; status: InboundStatus; needs_ocr: boolean | null }>(
        'SELECT id::text, status, needs_ocr FROM inbound_message WHERE dedupe_key = $1',
        [message.dedupeKey],
      );
      const row = existing.rows[0];
      if (!row) throw new Error('inbound_message row vanished after a dedupe conflict');
      return { id: row.id, inserted: false, status: row.status, needsOcr: row.needs_ocr };
    },

    /**
     * insertIfNew for several messages in one statement (the caller's transaction): results in
     * input order. A dedupe key repeated within the batch is stored once, by its first message.
     */
    async insertManyIfNew(messages: readonly NewInboundMessage[]): Promise<StoredInbound[]> {
      if (messages.length === 0) return [];
      const firstOf = new Map<string, number>();
      messages.forEach((m, i) => {
        if (!firstOf.has(m.dedupeKey)) firstOf.set(m.dedupeKey, i);
      });
      const unique = [...firstOf.values()].map((i) => messages[i]!);
      const params: unknown[] = [];
      const tuples = unique.map((m) => {
        const at = params.length;
        params.push(m.dedupeKey, m.messageId, m.contentSha256, m.mailbox, m.uidValidity, m.uid, m.sizeBytes, m.fromAddress, m.rawEncrypted, m.status, m.reviewCode, m.reviewReason, m.needsOcr);
        return `(${Array.from({ length: 13 }, (_, k) => `$${at + k + 1}`).join(',')})`;
      });
      const inserted = await db.query<{ id: string; status: InboundStatus; needs_ocr: boolean | null; dedupe_key: string }>(
        `INSERT INTO inbound_message (dedupe_key, message_id, content_sha256, mailbox, uid_validity, uid, size_bytes,
           from_address, raw_encrypted, status, review_code, review_reason, needs_ocr)
         VALUES ${tuples.join(',')}
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id::text, status, needs_ocr, dedupe_key`,
        params,
      );
      const byKey = new Map<string, StoredInbound>(
        inserted.rows.map((r) => [r.dedupe_key, { id: r.id, inserted: true, status: r.status, needsOcr: r.needs_ocr }]),
      );
      const missing = unique.map((m) => m.dedupeKey).filter((k) => !byKey.has(k));
      if (missing.length > 0) {
        const existing = await db.query<{ id: string; status: InboundStatus; needs_ocr: boolean | null; dedupe_key: string }>(
          'SELECT id::text, status, needs_ocr, dedupe_key FROM inbound_message WHERE dedupe_key = ANY($1)',
          [missing],
        );
        for (const r of existing.rows) byKey.set(r.dedupe_key, { id: r.id, inserted: false, status: r.status, needsOcr: r.needs_ocr });
      }
      return messages.map((m, i) => {
        const row = byKey.get(m.dedupeKey);
        if (!row) throw new Error('inbound_message row vanished after a dedupe conflict');
        return firstOf.get(m.dedupeKey) === i ? row : { ...row, inserted: false };
      });
    },

    async findById(id: string): Promise<InboundMessageRow | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM inbound_message WHERE id = $1`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },

    /** Inside a transaction: the row locked against a concurrent extraction. */
    async lockById(id: string): Promise<InboundMessageRow | null> {
      const { rows } = await db.query(`SELECT ${COLUMNS} FROM inbound_message WHERE id = $1 FOR UPDATE`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },

    /** Inside a transaction: the row's status, the row locked against a concurrent extraction. */
    /** The statuses of several rows, locked until the transaction ends (in id order: no deadlock). */
    async lockStatuses(ids: readonly string[]): Promise<Map<string, InboundStatus>> {
      if (ids.length === 0) return new Map();
      const { rows } = await db.query<{ id: string; status: InboundStatus }>(
        'SELECT id::text, status FROM inbound_message WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.status]));
    },

    /**
     * Rows waiting for extraction with their attempt counted (committed on its own), in one round
     * trip; a row missing or no longer 'received' is left out.
     */
    async claimForExtraction(ids: readonly string[]): Promise<InboundMessageRow[]> {
      if (ids.length === 0) return [];
      const { rows } = await db.query(
        `UPDATE inbound_message SET attempts = attempts + 1 WHERE id = ANY($1::bigint[]) AND status = 'received' RETURNING ${COLUMNS}`,
        [ids],
      );
      return rows.map(toRow);
    },

    async markExtracted(messages: readonly { id: string; documentEncrypted: Buffer; replySend: boolean; replyReason: string }[]): Promise<void> {
      if (messages.length === 0) return;
      const values = valuesList(
        messages.map((m) => [m.id, m.documentEncrypted, m.replySend, m.replyReason]),
        ['bigint', 'bytea', 'boolean', 'text'],
      );
      await db.query(
        `UPDATE inbound_message m SET status = 'extracted', document_encrypted = v.document, reply_send = v.reply_send,
           reply_reason = v.reply_reason, extracted_at = now()
         FROM (VALUES ${values.sql}) AS v(id, document, reply_send, reply_reason) WHERE m.id = v.id`,
        values.params,
      );
    },

    async markNeedsReview(id: string, code: string, reason: string): Promise<void> {
      await db.query(
        `UPDATE inbound_message SET status = 'needs-review', review_code = $2, review_reason = $3, extracted_at = now()
         WHERE id = $1`,
        [id, code, reason],
      );
    },

    /** Messages waiting for extraction and which queue each needs, oldest first (the reconciler's work list). */
    async listReceived(limit: number, afterId = '0'): Promise<{ id: string; needsOcr: boolean | null }[]> {
      const { rows } = await db.query<{ id: string; needs_ocr: boolean | null }>(
        `SELECT id::text, needs_ocr FROM inbound_message WHERE status = 'received' AND id > $1 ORDER BY id LIMIT $2`,
        [afterId, limit],
      );
      return rows.map((r) => ({ id: r.id, needsOcr: r.needs_ocr }));
    },
  };
}

export type InboundMessageRepository = ReturnType<typeof createInboundMessageRepository>;
