/**
 * request_search_key: keyed hashes of a request's search terms (see domain/request-search.ts),
 * replaced whenever the request is stored or corrected, and the lookup: the requests having
 * every hash asked for, newest first. Hashes only; nothing here sees a name or a date.
 */
import type { SearchKind } from '../../domain/request-search';
import { valuesList, type Queryable } from './db-pool';

export interface SearchKey {
  kind: SearchKind;
  keyHash: string;
}

export interface SearchHitRow {
  id: string;
  status: string;
  fromAddress: string | null;
  createdAt: Date;
  requestEncrypted: Buffer;
}

export function createRequestSearchRepository({ db }: { db: Queryable }) {
  return {
    /**
     * Each request's keys become exactly these and its payer column this value (a known payer's
     * name, 'other' or null: not client data); the request is then marked indexed.
     */
    async replace(entries: readonly { requestId: string; keys: readonly SearchKey[]; payer: string | null }[]): Promise<void> {
      if (entries.length === 0) return;
      const ids = entries.map((e) => e.requestId);
      await db.query('DELETE FROM request_search_key WHERE request_id = ANY($1::bigint[])', [ids]);
      const rows = entries.flatMap((e) => e.keys.map((k) => [e.requestId, k.kind, k.keyHash]));
      if (rows.length > 0) {
        const values = valuesList(rows, ['bigint', 'text', 'text']);
        await db.query(`INSERT INTO request_search_key (request_id, kind, key_hash) VALUES ${values.sql} ON CONFLICT DO NOTHING`, values.params);
      }
      const facts = valuesList(entries.map((e) => [e.requestId, e.payer]), ['bigint', 'text']);
      await db.query(
        `UPDATE vob_request r SET search_indexed = true, payer = v.payer FROM (VALUES ${facts.sql}) AS v (id, payer)
         WHERE r.id = v.id AND (NOT r.search_indexed OR r.payer IS DISTINCT FROM v.payer)`,
        facts.params,
      );
    },

    /** Requests stored before their keys could be written (the backfill's next batch). */
    async listUnindexed(limit: number): Promise<{ id: string; requestEncrypted: Buffer }[]> {
      const { rows } = await db.query<{ id: string; request_encrypted: Buffer }>(
        'SELECT id::text, request_encrypted FROM vob_request WHERE NOT search_indexed ORDER BY id LIMIT $1',
        [limit],
      );
      return rows.map((r) => ({ id: r.id, requestEncrypted: r.request_encrypted }));
    },

    /**
     * Requests with every one of `keyHashes` (none: no condition) whose sender contains one of
     * `senders` (none: any sender); newest first.
     */
    async find(keyHashes: readonly string[], senders: readonly string[], limit: number): Promise<SearchHitRow[]> {
      const params: unknown[] = [limit];
      const clauses: string[] = [];
      if (keyHashes.length > 0) {
        params.push([...new Set(keyHashes)]);
        clauses.push(`r.id IN (SELECT request_id FROM request_search_key WHERE key_hash = ANY($${params.length}::text[])
          GROUP BY request_id HAVING count(DISTINCT key_hash) = cardinality($${params.length}::text[]))`);
      }
      if (senders.length > 0) {
        params.push(senders.map((s) => `%${s.replace(/[\\%_]/g, '\\$&')}%`));
        clauses.push(`lower(r.from_address) LIKE ANY($${params.length}::text[])`);
      }
      if (clauses.length === 0) return [];
      const { rows } = await db.query<{ id: string; status: string; from_address: string | null; created_at: Date; request_encrypted: Buffer }>(
        `SELECT r.id::text, r.status, r.from_address, r.created_at, r.request_encrypted FROM vob_request r
         WHERE ${clauses.join(' AND ')} ORDER BY r.id DESC LIMIT $1`,
        params,
      );
      return rows.map((r) => ({ id: r.id, status: r.status, fromAddress: r.from_address, createdAt: r.created_at, requestEncrypted: r.request_encrypted }));
    },
  };
}
