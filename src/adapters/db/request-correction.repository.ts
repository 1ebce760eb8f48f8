/** request_correction: staff corrections of request fields, the machine's value kept beside each (both encrypted). */
import type { Queryable } from './db-pool';

export interface RequestCorrectionRow {
  field: string;
  previousValueEncrypted: Buffer;
  valueEncrypted: Buffer;
  /** The staff member's e-mail (null when the account is gone or it came from the CLI). */
  correctedBy: string | null;
  correctedAt: Date;
}

export function createRequestCorrectionRepository({ db }: { db: Queryable }) {
  return {
    async insert(c: { requestId: string; field: string; previousValueEncrypted: Buffer; valueEncrypted: Buffer; correctedBy: string | null }): Promise<void> {
      await db.query(
        `INSERT INTO request_correction (request_id, field, previous_value_encrypted, value_encrypted, corrected_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [c.requestId, c.field, c.previousValueEncrypted, c.valueEncrypted, c.correctedBy],
      );
    },

    /** Oldest first. */
    async listForRequest(requestId: string): Promise<RequestCorrectionRow[]> {
      const { rows } = await db.query<{ field: string; previous_value_encrypted: Buffer; value_encrypted: Buffer; email: string | null; corrected_at: Date }>(
        `SELECT c.field, c.previous_value_encrypted, c.value_encrypted, u.email, c.corrected_at
         FROM request_correction c LEFT JOIN staff_user u ON u.id = c.corrected_by WHERE c.request_id = $1 ORDER BY c.id`,
        [requestId],
      );
      return rows.map((r) => ({ field: r.field, previousValueEncrypted: r.previous_value_encrypted, valueEncrypted: r.value_encrypted, correctedBy: r.email, correctedAt: r.corrected_at }));
    },
  };
}
