/** eligibility_inquiry and eligibility_response: 270s sent and 271 answers imported. */
import { valuesList, type Queryable } from './db-pool';

export interface ReadyRequestRow {
  id: string;
  inboundMessageId: string;
  requestEncrypted: Buffer;
}

export interface InquiryInsert {
  requestId: string;
  traceNumber: string;
  interchangeControl: number;
  transactionControl: string;
  payerId: string;
  memberKey: string;
}

export interface InquiryMatchRow {
  id: string;
  requestId: string;
  inboundMessageId: string;
  traceNumber: string;
  memberKey: string;
}

export interface ResponseInsert {
  fileSha256: string;
  loopIndex: number;
  requestId: string | null;
  inquiryId: string | null;
  matchedBy: 'trace' | 'member' | null;
  interchangeControl: string;
  active: boolean | null;
  rejectionCodes: string[];
  responseEncrypted: Buffer;
}

/** One export's batch at most: a file a clearinghouse takes in one upload; the rest go in the next. */
export const MAX_INQUIRIES_PER_FILE = 10_000;

export function createEligibilityRepository({ db }: { db: Queryable }) {
  return {
    /**
     * Ready requests (nothing missing but possibly the card) never sent in a 270, locked so two
     * exports at once cannot send one twice (the second skips them).
     */
    async lockReadyNotSent(limit = MAX_INQUIRIES_PER_FILE): Promise<ReadyRequestRow[]> {
      const { rows } = await db.query<{ id: string; inbound_message_id: string; request_encrypted: Buffer }>(
        `SELECT r.id::text, r.inbound_message_id::text, r.request_encrypted FROM vob_request r
         WHERE r.status = 'ready' AND NOT EXISTS (SELECT 1 FROM eligibility_inquiry i WHERE i.request_id = r.id)
         ORDER BY r.id LIMIT $1 FOR UPDATE OF r SKIP LOCKED`,
        [limit],
      );
      return rows.map((r) => ({ id: r.id, inboundMessageId: r.inbound_message_id, requestEncrypted: r.request_encrypted }));
    },

    async nextInterchangeControl(): Promise<number> {
      const { rows } = await db.query<{ n: string }>(`SELECT nextval('x12_interchange_control')::text AS n`);
      return Number(rows[0]!.n);
    },

    async insertInquiries(rows: readonly InquiryInsert[]): Promise<void> {
      if (rows.length === 0) return;
      const values = valuesList(
        rows.map((r) => [r.requestId, r.traceNumber, r.interchangeControl, r.transactionControl, r.payerId, r.memberKey]),
        ['bigint', 'text', 'bigint', 'text', 'text', 'text'],
      );
      await db.query(
        `INSERT INTO eligibility_inquiry (request_id, trace_number, interchange_control, transaction_control, payer_id, member_key)
         VALUES ${values.sql}`,
        values.params,
      );
    },

    /** Inquiries by trace number, and the latest inquiry per member key. */
    async findInquiries(traceNumbers: readonly string[], memberKeys: readonly string[]): Promise<InquiryMatchRow[]> {
      if (traceNumbers.length === 0 && memberKeys.length === 0) return [];
      const { rows } = await db.query<{ id: string; request_id: string; inbound_message_id: string; trace_number: string; member_key: string }>(
        `SELECT i.id::text, i.request_id::text, r.inbound_message_id::text, i.trace_number, i.member_key
         FROM eligibility_inquiry i JOIN vob_request r ON r.id = i.request_id
         WHERE i.trace_number = ANY($1) OR i.member_key = ANY($2)
         ORDER BY i.id`,
        [traceNumbers, memberKeys],
      );
      return rows.map((r) => ({ id: r.id, requestId: r.request_id, inboundMessageId: r.inbound_message_id, traceNumber: r.trace_number, memberKey: r.member_key }));
    },

    /** Stores the loops not stored before (same file, same loop); returns how many were new. */
    async insertResponses(rows: readonly ResponseInsert[]): Promise<number> {
      let inserted = 0;
      // A few hundred rows per statement keeps the parameter count well under Postgres' limit.
      for (let start = 0; start < rows.length; start += 500) {
        const chunk = rows.slice(start, start + 500);
        const values = valuesList(
          chunk.map((r) => [r.fileSha256, r.loopIndex, r.requestId, r.inquiryId, r.matchedBy, r.interchangeControl, r.active, r.rejectionCodes, r.responseEncrypted]),
          ['text', 'int', 'bigint', 'bigint', 'text', 'text', 'boolean', 'text[]', 'bytea'],
        );
        const result = await db.query(
          `INSERT INTO eligibility_response (file_sha256, loop_index, request_id, inquiry_id, matched_by, interchange_control, active,
             rejection_codes, response_encrypted)
           VALUES ${values.sql}
           ON CONFLICT (file_sha256, loop_index) DO NOTHING`,
          values.params,
        );
        inserted += result.rowCount ?? 0;
      }
      return inserted;
    },
  };
}

export type EligibilityRepository = ReturnType<typeof createEligibilityRepository>;
