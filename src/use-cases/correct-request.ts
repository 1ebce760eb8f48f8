/**
 * A staff member corrects one field of a request. In one transaction: the request record takes
 * the value (so replies, reminders and exports use it), the machine's value is kept beside it in
 * request_correction with who and when, the missing list, status and client key are recomputed,
 * the request's tasks follow (complete → verify-benefits opens and awaiting-information closes;
 * a resolved conflict closes review-conflicts), and the audit trail says who changed which field.
 */
import type { VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { createRequestCorrectionRepository } from '../adapters/db/request-correction.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { clientKeyMaterial } from '../domain/answer-matching';
import { indexRequests } from './search-requests';
import { applyCorrection, fieldValue, normaliseCorrection, type CorrectableField } from '../domain/request-correction';
import { planRequestTasks, requestStatus, requestSubjectKey } from '../domain/tasks';
import type { Actor } from './staff-accounts';

export interface CorrectionView {
  field: string;
  previous: string | null;
  value: string | null;
  by: string | null;
  at: Date;
}

const encryptValue = (cipher: PhiCipher, v: string | null) => cipher.encrypt(Buffer.from(JSON.stringify(v), 'utf8'));
const decryptValue = (cipher: PhiCipher, b: Buffer): string | null => JSON.parse(cipher.decrypt(b).toString('utf8')) as string | null;

export function correctRequestField({ db, cipher, reminderAfterHours, now = () => new Date() }: { db: Db; cipher: PhiCipher; reminderAfterHours: number; now?: () => Date }) {
  return async ({ requestId, field, value, by, ip }: { requestId: string; field: CorrectableField; value: string; by: Actor; ip: string | null }): Promise<VobRequest | null> => {
    if (!/^\d{1,18}$/.test(requestId)) return null;
    const corrected = normaliseCorrection(field, value);
    return withTransaction(db, async (tx) => {
      const requests = createVobRequestRepository({ db: tx });
      const row = await requests.lockById(requestId);
      if (!row) return null;
      const before = cipher.decryptJson<VobRequest>(row.requestEncrypted);
      const previous = fieldValue(before, field);
      if (previous === corrected) return before;
      const after = applyCorrection(before, field, corrected);
      const at = now();
      // A request set aside, closed or verified keeps that status; otherwise the missing list decides it.
      const status = row.status === 'needs-review' || row.status === 'closed' || row.status === 'verified' ? row.status : requestStatus(after);
      const material = clientKeyMaterial(after.client.name, after.client.dob);
      await requests.update(requestId, {
        status,
        requestEncrypted: cipher.encryptJson(after),
        clientKey: material ? cipher.lookupKey(material) : null,
        missingFields: after.missingFields,
        conflictCount: after.conflicts.length,
        nextReminderAt: status === 'awaiting-information' ? row.nextReminderAt : null,
      });
      await indexRequests(tx, cipher, [{ requestId, request: after }]);
      await createRequestCorrectionRepository({ db: tx }).insert({
        requestId,
        field,
        previousValueEncrypted: encryptValue(cipher, previous),
        valueEncrypted: encryptValue(cipher, corrected),
        correctedBy: by.userId,
      });
      if (status === 'awaiting-information' || status === 'ready') {
        const tasks = createStaffTaskRepository({ db: tx });
        const plan = planRequestTasks({
          requestId,
          inboundMessageId: row.inboundMessageId,
          request: after,
          // Still incomplete: the center is being asked if a reply or reminder is scheduled; else staff must ask.
          chase: row.nextReminderAt !== null ? { kind: 'replied' } : { kind: 'not-replied', reason: 'corrected by staff' },
          now: at,
          reminderAfterHours,
        });
        await tasks.upsertMany(plan.upsert);
        for (const kind of plan.close) await tasks.close(kind, requestSubjectKey(requestId), by.email);
      }
      await createAuditRepository({ db: tx }).insert({ actorId: by.userId, actor: by.email, action: `correct-field:${field}`, subject: `request:${requestId}`, ip });
      return after;
    });
  };
}

/** The corrections of a request, oldest first, values decrypted for the request page. */
export async function listCorrections({ db, cipher }: { db: Db; cipher: PhiCipher }, requestId: string): Promise<CorrectionView[]> {
  return (await createRequestCorrectionRepository({ db }).listForRequest(requestId)).map((r) => ({
    field: r.field,
    previous: decryptValue(cipher, r.previousValueEncrypted),
    value: decryptValue(cipher, r.valueEncrypted),
    by: r.correctedBy,
    at: r.correctedAt,
  }));
}
