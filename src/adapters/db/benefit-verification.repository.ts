/** benefit_verification: the worksheets staff record per request (encrypted), drafts and completed, with who and when. */
import type { Queryable } from './db-pool';

export interface BenefitVerificationRow {
  id: string;
  requestId: string;
  status: 'draft' | 'complete';
  eligibilityResponseId: string | null;
  worksheetEncrypted: Buffer;
  /** Staff e-mails (null when the account is gone). */
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  completedBy: string | null;
  completedAt: Date | null;
}

const SELECT = `SELECT v.id::text, v.request_id::text, v.status, v.eligibility_response_id::text, v.worksheet_encrypted,
    c.email AS created_by, v.created_at, u.email AS updated_by, v.updated_at, d.email AS completed_by, v.completed_at
  FROM benefit_verification v
  LEFT JOIN staff_user c ON c.id = v.created_by
  LEFT JOIN staff_user u ON u.id = v.updated_by
  LEFT JOIN staff_user d ON d.id = v.completed_by`;

function toRow(r: Record<string, unknown>): BenefitVerificationRow {
  return {
    id: r.id as string,
    requestId: r.request_id as string,
    status: r.status as 'draft' | 'complete',
    eligibilityResponseId: (r.eligibility_response_id as string | null) ?? null,
    worksheetEncrypted: r.worksheet_encrypted as Buffer,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: r.created_at as Date,
    updatedBy: (r.updated_by as string | null) ?? null,
    updatedAt: r.updated_at as Date,
    completedBy: (r.completed_by as string | null) ?? null,
    completedAt: (r.completed_at as Date | null) ?? null,
  };
}

export interface EligibilityDraftRow {
  id: string;
  responseEncrypted: Buffer;
  createdAt: Date;
}

export interface VerifiedExportRow {
  id: string;
  requestEncrypted: Buffer;
  worksheetEncrypted: Buffer;
  completedAt: Date;
}

export function createBenefitVerificationRepository({ db }: { db: Queryable }) {
  return {
    /** Newest first. */
    async listForRequest(requestId: string): Promise<BenefitVerificationRow[]> {
      const { rows } = await db.query(`${SELECT} WHERE v.request_id = $1 ORDER BY v.id DESC`, [requestId]);
      return rows.map(toRow);
    },

    /**
     * Saves the request's draft (creating it when there is none): one draft per request, so two
     * saves at once update one row. Returns the draft's id and whether it was created.
     */
    async saveDraft(v: { requestId: string; worksheetEncrypted: Buffer; eligibilityResponseId: string | null; by: string | null }): Promise<{ id: string; created: boolean }> {
      const { rows } = await db.query<{ id: string; created: boolean }>(
        `INSERT INTO benefit_verification (request_id, eligibility_response_id, worksheet_encrypted, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (request_id) WHERE status = 'draft' DO UPDATE SET worksheet_encrypted = EXCLUDED.worksheet_encrypted,
           eligibility_response_id = COALESCE(EXCLUDED.eligibility_response_id, benefit_verification.eligibility_response_id),
           updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING id::text, (xmax = 0) AS created`,
        [v.requestId, v.eligibilityResponseId, v.worksheetEncrypted, v.by],
      );
      return rows[0]!;
    },

    async complete(id: string, by: string | null): Promise<void> {
      await db.query(`UPDATE benefit_verification SET status = 'complete', completed_by = $2, completed_at = now(), updated_by = $2, updated_at = now() WHERE id = $1`, [id, by]);
    },

    /** The 271 drafts matched to a request, newest first. */
    async eligibilityDrafts(requestId: string): Promise<EligibilityDraftRow[]> {
      const { rows } = await db.query<{ id: string; response_encrypted: Buffer; created_at: Date }>(
        `SELECT id::text, response_encrypted, created_at FROM eligibility_response WHERE request_id = $1 AND status = 'draft' ORDER BY id DESC`,
        [requestId],
      );
      return rows.map((r) => ({ id: r.id, responseEncrypted: r.response_encrypted, createdAt: r.created_at }));
    },

    async confirmEligibilityDraft(id: string): Promise<void> {
      await db.query(`UPDATE eligibility_response SET status = 'confirmed' WHERE id = $1 AND status = 'draft'`, [id]);
    },

    /** Verified requests after `afterId`, each with its newest completed worksheet. */
    async pageVerified(afterId: string, limit: number): Promise<VerifiedExportRow[]> {
      const { rows } = await db.query<{ id: string; request_encrypted: Buffer; worksheet_encrypted: Buffer; completed_at: Date }>(
        `SELECT r.id::text, r.request_encrypted, v.worksheet_encrypted, v.completed_at
         FROM vob_request r
         JOIN LATERAL (SELECT worksheet_encrypted, completed_at FROM benefit_verification
                       WHERE request_id = r.id AND status = 'complete' ORDER BY id DESC LIMIT 1) v ON true
         WHERE r.status = 'verified' AND r.id > $1 ORDER BY r.id LIMIT $2`,
        [afterId, limit],
      );
      return rows.map((r) => ({ id: r.id, requestEncrypted: r.request_encrypted, worksheetEncrypted: r.worksheet_encrypted, completedAt: r.completed_at }));
    },
  };
}
