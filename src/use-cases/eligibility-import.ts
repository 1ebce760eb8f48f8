/**
 * `vob eligibility import FILE.271`: every subscriber/dependent loop stored as a draft
 * verification, matched to its request by the trace number we sent (or member ID + date of
 * birth), and each payer rejection (AAA) made a staff task with its reasons in words. The file
 * is read whole before anything is written (read271 refuses a malformed one) and stored in one
 * transaction; the same file imported again stores nothing twice.
 */
import { createHash } from 'node:crypto';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createEligibilityRepository, type ResponseInsert } from '../adapters/db/eligibility.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { eligibilityRejectedTask, type TaskSpec } from '../domain/tasks';
import { matchInquiry, memberKeyMaterial } from '../domain/x12/eligibility-matching';
import { read271 } from '../domain/x12/read-271';

/**
 * The largest 271 read: a 10.6 MB file (65,000 loops) reads in 1.6 s with a peak RSS of about
 * 200 MB, so 32 MB stays near 600 MB; a larger file is refused before it is loaded.
 */
export const MAX_271_BYTES = 32 * 1024 * 1024;

export interface ImportDeps {
  db: Db;
  cipher: PhiCipher;
  now: Date;
}

export interface ImportResult {
  loops: number;
  /** Loops stored by this import (0 when the file was imported before). */
  stored: number;
  matched: number;
  unmatched: number;
  rejectionTasks: number;
}

/** Throws X12FormatError (nothing stored) when the file is malformed. */
export async function importEligibilityResponses(deps: ImportDeps, bytes: Buffer): Promise<ImportResult> {
  const file = read271(bytes.toString('latin1'));
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const loops = file.responses.map((response) => {
    const material = memberKeyMaterial(response.memberId, response.dob);
    return { response, memberKey: material === null ? null : deps.cipher.lookupKey(material) };
  });
  return withTransaction(deps.db, async (tx) => {
    const repo = createEligibilityRepository({ db: tx });
    const sent = await repo.findInquiries(
      loops.flatMap((l) => (l.response.traceNumber === null ? [] : [l.response.traceNumber])),
      loops.flatMap((l) => (l.memberKey === null ? [] : [l.memberKey])),
    );
    const rows: ResponseInsert[] = [];
    // One task per request: a request's loops' rejections are listed together.
    const rejected = new Map<string, { inboundMessageId: string; rejections: (typeof file.responses)[number]['rejections'] }>();
    let matched = 0;
    loops.forEach(({ response, memberKey }, loopIndex) => {
      const match = matchInquiry({ traceNumber: response.traceNumber, memberKey }, sent);
      if (match) matched++;
      rows.push({
        fileSha256,
        loopIndex,
        requestId: match?.inquiry.requestId ?? null,
        inquiryId: match?.inquiry.id ?? null,
        matchedBy: match?.matchedBy ?? null,
        interchangeControl: file.interchangeControlNumber,
        active: response.active,
        rejectionCodes: response.rejections.map((r) => r.code),
        responseEncrypted: deps.cipher.encryptJson(response),
      });
      if (match && response.rejections.length > 0) {
        const entry = rejected.get(match.inquiry.requestId) ?? { inboundMessageId: match.inquiry.inboundMessageId, rejections: [] };
        entry.rejections.push(...response.rejections);
        rejected.set(match.inquiry.requestId, entry);
      }
    });
    const stored = await repo.insertResponses(rows);
    const tasks: TaskSpec[] = [...rejected].map(([requestId, { inboundMessageId, rejections }]) =>
      eligibilityRejectedTask({ requestId, inboundMessageId, rejections, now: deps.now }),
    );
    // A file imported before changes no task (staff may have closed them since).
    if (stored > 0) await createStaffTaskRepository({ db: tx }).upsertMany(tasks, { reopen: true });
    return { loops: loops.length, stored, matched, unmatched: loops.length - matched, rejectionTasks: stored > 0 ? tasks.length : 0 };
  });
}
