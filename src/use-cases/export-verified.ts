/**
 * Verified requests as CSV (`vob export --format csv`, GET /export.csv): the header, then one row
 * per verified request, read in pages. The export is on the audit trail before any row is made.
 */
import type { VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import type { Db } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { createBenefitVerificationRepository } from '../adapters/db/benefit-verification.repository';
import type { Worksheet } from '../domain/verification';
import { verifiedCsvHeader, verifiedCsvRow } from '../domain/verification-csv';
import type { Actor } from './staff-accounts';

export async function* verifiedCsv({ db, cipher, pageSize = 500 }: { db: Db; cipher: PhiCipher; pageSize?: number }, by: Actor, ip: string | null): AsyncGenerator<string> {
  await createAuditRepository({ db }).insert({ actorId: by.userId, actor: by.email, action: 'export-csv', subject: null, ip });
  const repo = createBenefitVerificationRepository({ db });
  yield verifiedCsvHeader();
  for (let after = '0'; ; ) {
    const page = await repo.pageVerified(after, pageSize);
    if (page.length === 0) return;
    for (const row of page) {
      yield verifiedCsvRow({
        requestId: row.id,
        request: cipher.decryptJson<VobRequest>(row.requestEncrypted),
        worksheet: cipher.decryptJson<Worksheet>(row.worksheetEncrypted),
        verifiedAt: row.completedAt,
      });
    }
    after = page[page.length - 1]!.id;
  }
}
