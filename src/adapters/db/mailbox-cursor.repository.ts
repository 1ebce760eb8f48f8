/**
 * mailbox_cursor: where the poller is in each (mailbox, UIDVALIDITY) epoch. `last_uid` only ever
 * grows, and is written after the message it names is committed by the ingest, so a crash
 * between the two re-reads that message (the ingest deduplicates it) rather than skipping it.
 */
import type { QueryResultRow } from 'pg';
import type { MailboxCursor } from '../../domain/mailbox-sync';

/** A pg Pool, PoolClient or Client. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface MailboxCursorRepository {
  /** Every epoch stored for the mailbox, newest first. */
  list(mailbox: string): Promise<MailboxCursor[]>;
  /** The cursor of this epoch, created at 0 when it is new. */
  ensure(mailbox: string, uidValidity: bigint): Promise<MailboxCursor>;
  /** Moves the cursor forward to `uid` (never backwards); returns the stored value. */
  advance(mailbox: string, uidValidity: bigint, uid: number): Promise<number>;
}

interface CursorRow extends QueryResultRow {
  mailbox: string;
  uid_validity: string;
  last_uid: string;
}

const toCursor = (row: CursorRow): MailboxCursor => ({
  mailbox: row.mailbox,
  uidValidity: BigInt(row.uid_validity),
  lastUid: Number(row.last_uid),
});

export function createMailboxCursorRepository(db: Queryable): MailboxCursorRepository {
  return {
    async list(mailbox) {
      const { rows } = await db.query<CursorRow>(
        `SELECT mailbox, uid_validity::text AS uid_validity, last_uid::text AS last_uid
           FROM mailbox_cursor WHERE mailbox = $1 ORDER BY updated_at DESC, uid_validity DESC`,
        [mailbox],
      );
      return rows.map(toCursor);
    },

    async ensure(mailbox, uidValidity) {
      // The no-op DO UPDATE makes RETURNING yield the existing row as well as a new one.
      const { rows } = await db.query<CursorRow>(
        `INSERT INTO mailbox_cursor (mailbox, uid_validity) VALUES ($1, $2)
         ON CONFLICT (mailbox, uid_validity) DO UPDATE SET mailbox = EXCLUDED.mailbox
         RETURNING mailbox, uid_validity::text AS uid_validity, last_uid::text AS last_uid`,
        [mailbox, uidValidity.toString()],
      );
      return toCursor(rows[0]!);
    },

    async advance(mailbox, uidValidity, uid) {
      const { rows } = await db.query<{ last_uid: string }>(
        `UPDATE mailbox_cursor SET last_uid = GREATEST(last_uid, $3), updated_at = now()
          WHERE mailbox = $1 AND uid_validity = $2
          RETURNING last_uid::text AS last_uid`,
        [mailbox, uidValidity.toString(), uid],
      );
      if (rows.length === 0) throw new Error('mailbox cursor missing: ensure() the epoch before advancing it');
      return Number(rows[0]!.last_uid);
    },
  };
}
