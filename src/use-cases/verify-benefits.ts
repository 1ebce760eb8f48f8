/**
 * The verification of a request's benefits (the worksheet of the payer call). Saving keeps one
 * draft per request; completing it closes the verify-benefits task and sets the request
 * `verified`, in one transaction with its audit row. Completed worksheets stay as the request's
 * history; a re-verification starts a new draft. The form is prefilled from the draft, else from
 * the newest 271 draft matched to the request (the biller confirms it on the call).
 */
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { createBenefitVerificationRepository, type BenefitVerificationRow } from '../adapters/db/benefit-verification.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { requestSubjectKey } from '../domain/tasks';
import { emptyWorksheet, worksheetFrom271, type VerificationStatus, type Worksheet } from '../domain/verification';
import type { EligibilityResponse } from '../domain/x12/read-271';
import type { Actor } from './staff-accounts';

/** A stored worksheet, decrypted. */
export type VerificationView = Omit<BenefitVerificationRow, 'worksheetEncrypted'> & { worksheet: Worksheet };

export interface EligibilityDraftView {
  id: string;
  importedAt: Date;
  response: EligibilityResponse;
}

export interface VerificationsView {
  /** Newest first: the draft (if any) and the completed ones. */
  verifications: VerificationView[];
  /** 271 loops matched to the request and not yet confirmed, newest first (read-only). */
  eligibilityDrafts: EligibilityDraftView[];
  /** What the form shows: the draft, else the newest 271 draft, else empty. */
  form: { worksheet: Worksheet; source: 'draft' | 'eligibility-response' | 'empty'; eligibilityResponseId: string | null };
}

export function getVerifications({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  return async (requestId: string): Promise<VerificationsView> => {
    const repo = createBenefitVerificationRepository({ db });
    const [rows, drafts] = await Promise.all([repo.listForRequest(requestId), repo.eligibilityDrafts(requestId)]);
    const verifications = rows.map(({ worksheetEncrypted, ...row }) => ({ ...row, worksheet: cipher.decryptJson<Worksheet>(worksheetEncrypted) }));
    const eligibilityDrafts = drafts.map((d) => ({ id: d.id, importedAt: d.createdAt, response: cipher.decryptJson<EligibilityResponse>(d.responseEncrypted) }));
    const draft = verifications.find((v) => v.status === 'draft');
    const newest271 = eligibilityDrafts[0];
    const form: VerificationsView['form'] = draft
      ? { worksheet: draft.worksheet, source: 'draft', eligibilityResponseId: draft.eligibilityResponseId }
      : newest271
        ? { worksheet: worksheetFrom271(newest271.response), source: 'eligibility-response', eligibilityResponseId: newest271.id }
        : { worksheet: emptyWorksheet(), source: 'empty', eligibilityResponseId: null };
    return { verifications, eligibilityDrafts, form };
  };
}

export interface RecordVerificationInput {
  requestId: string;
  worksheet: Worksheet;
  /** Complete it (the call is done) or keep it as a draft. */
  complete: boolean;
  /** The 271 draft the biller confirmed, if the form was prefilled from one. */
  eligibilityResponseId: string | null;
  by: Actor;
  ip: string | null;
}

/** null when there is no such request. */
export function recordVerification({ db, cipher }: { db: Db; cipher: PhiCipher }) {
  return async (input: RecordVerificationInput): Promise<{ id: string; status: VerificationStatus } | null> => {
    if (!/^\d{1,18}$/.test(input.requestId)) return null;
    return withTransaction(db, async (tx) => {
      const requests = createVobRequestRepository({ db: tx });
      const row = await requests.lockById(input.requestId);
      if (!row) return null;
      const repo = createBenefitVerificationRepository({ db: tx });
      const responseId = input.eligibilityResponseId && (await repo.eligibilityDrafts(input.requestId)).some((d) => d.id === input.eligibilityResponseId) ? input.eligibilityResponseId : null;
      const { id, created } = await repo.saveDraft({ requestId: input.requestId, worksheetEncrypted: cipher.encryptJson(input.worksheet), eligibilityResponseId: responseId, by: input.by.userId });
      const audit = createAuditRepository({ db: tx });
      const subject = `request:${input.requestId}`;
      const auditRow = (action: string) => audit.insert({ actorId: input.by.userId, actor: input.by.email, action, subject, ip: input.ip });
      await auditRow(created ? 'create-verification' : 'update-verification');
      if (!input.complete) return { id, status: 'draft' };
      await repo.complete(id, input.by.userId);
      if (responseId) await repo.confirmEligibilityDraft(responseId);
      await requests.setStatus(input.requestId, 'verified');
      await createStaffTaskRepository({ db: tx }).close('verify-benefits', requestSubjectKey(input.requestId), input.by.email);
      await auditRow('complete-verification');
      return { id, status: 'complete' };
    });
  };
}
