/**
 * `vob eligibility export --ready`: every ready request not yet sent, as one 270, with each
 * request's trace number stored in the same transaction. The file is handed to `writeFile`
 * before the commit: if it cannot be written nothing is recorded as sent, and a request that
 * cannot make an inquiry is reported by id and what it lacks (never by value) and left for later.
 */
import type { VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createEligibilityRepository, type InquiryInsert } from '../adapters/db/eligibility.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { inquiryForRequest } from '../domain/x12/eligibility-inquiry';
import { memberKeyMaterial } from '../domain/x12/eligibility-matching';
import { write270, type EligibilityInquiry, type InterchangeEnvelope, type Provider } from '../domain/x12/write-270';

export interface ExportDeps {
  db: Db;
  cipher: PhiCipher;
  provider: Provider;
  /** The envelope without its control number, which comes from the database sequence. */
  envelope: Omit<InterchangeEnvelope, 'controlNumber'>;
  /** YYYY-MM-DD. */
  dateOfService: string;
  /** Writes the 270 where the user asked; called inside the transaction. */
  writeFile(text: string): Promise<void>;
}

export interface ExportResult {
  /** Null when no ready request could be sent (no file written). */
  controlNumber: number | null;
  exported: number;
  skipped: { requestId: string; missing: string[] }[];
}

type Prepared = { ok: true; inquiry: EligibilityInquiry; insert: InquiryInsert } | { ok: false; missing: string[] };

/** One request's inquiry in interchange `controlNumber` (its `index`-th transaction), and the row that remembers its trace. */
function prepareInquiry(deps: { cipher: PhiCipher; dateOfService: string }, row: { id: string; requestEncrypted: Buffer }, controlNumber: number, index: number): Prepared {
  const request = deps.cipher.decryptJson<VobRequest>(row.requestEncrypted);
  // The trace names no one: the interchange and the request's row.
  const traceNumber = `${controlNumber}-${row.id}`;
  const result = inquiryForRequest(request, { traceNumber, dateOfService: deps.dateOfService });
  if (!result.ok) return result;
  const patientDob = result.inquiry.dependent?.dob ?? result.inquiry.subscriber.dob;
  return {
    ok: true,
    inquiry: result.inquiry,
    insert: {
      requestId: row.id,
      traceNumber,
      interchangeControl: controlNumber,
      transactionControl: String(index).padStart(4, '0'),
      payerId: result.inquiry.payer.id,
      memberKey: deps.cipher.lookupKey(memberKeyMaterial(result.inquiry.subscriber.memberId, patientDob)!),
    },
  };
}

export type SingleInquiryResult = { ok: true; text: string; controlNumber: number } | { ok: false; missing: string[] } | null;

/**
 * One request's 270 (the staff page's download), whatever its status: its trace number is stored
 * so the payer's 271 finds the request. `missing` names what it lacks (a payer ID, a member ID...)
 * by field; null when there is no such request. Nothing is stored when it cannot be written.
 */
export async function exportRequestInquiry(deps: Omit<ExportDeps, 'writeFile'>, requestId: string): Promise<SingleInquiryResult> {
  return withTransaction(deps.db, async (tx) => {
    const row = await createVobRequestRepository({ db: tx }).findById(requestId);
    if (!row) return null;
    const repo = createEligibilityRepository({ db: tx });
    const controlNumber = await repo.nextInterchangeControl();
    const prepared = prepareInquiry(deps, row, controlNumber, 1);
    if (!prepared.ok) return prepared;
    const text = write270([prepared.inquiry], deps.provider, { ...deps.envelope, controlNumber });
    await repo.insertInquiries([prepared.insert]);
    return { ok: true, text, controlNumber };
  });
}

export async function exportReadyInquiries(deps: ExportDeps): Promise<ExportResult> {
  return withTransaction(deps.db, async (tx) => {
    const repo = createEligibilityRepository({ db: tx });
    const ready = await repo.lockReadyNotSent();
    if (ready.length === 0) return { controlNumber: null, exported: 0, skipped: [] };
    const controlNumber = await repo.nextInterchangeControl();
    const inquiries: EligibilityInquiry[] = [];
    const rows: InquiryInsert[] = [];
    const skipped: ExportResult['skipped'] = [];
    for (const row of ready) {
      const prepared = prepareInquiry(deps, row, controlNumber, inquiries.length + 1);
      if (!prepared.ok) {
        skipped.push({ requestId: row.id, missing: prepared.missing });
        continue;
      }
      inquiries.push(prepared.inquiry);
      rows.push(prepared.insert);
    }
    if (inquiries.length === 0) return { controlNumber: null, exported: 0, skipped };
    const text = write270(inquiries, deps.provider, { ...deps.envelope, controlNumber });
    await repo.insertInquiries(rows);
    await deps.writeFile(text);
    return { controlNumber, exported: inquiries.length, skipped };
  });
}
