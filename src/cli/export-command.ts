/**
 * `vob export --format jsonl`: one line per stored request — the contract's request fields
 * plus `id`, `messageId` and `status` — decrypted with STORAGE_KEY, streamed in pages.
 * `vob export --format csv`: the verified requests with their newest verification, one row each.
 */
import { EXIT_CONFIG, loadCommandConfig } from './command-config';
import type { Writable } from 'node:stream';
import type { VobRequest } from '../../schemas/vob-record';
import { createPhiCipher, type PhiCipher } from '../adapters/crypto/phi-cipher';
import { createDbPool, type Db } from '../adapters/db/db-pool';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { CLI_ACTOR } from '../use-cases/staff-accounts';
import { verifiedCsv } from '../use-cases/export-verified';

export async function runExport(args: string[]): Promise<number> {
  const format = args[0] === '--format' ? args[1] : args[0]?.startsWith('--format=') ? args[0].slice(9) : undefined;
  const expected = args[0] === '--format' ? 2 : 1;
  if ((format !== 'jsonl' && format !== 'csv') || args.length !== expected) {
    process.stderr.write('usage: vob export --format jsonl|csv\n');
    return 64;
  }
  const config = loadCommandConfig('export');
  if (!config) return EXIT_CONFIG;
  const db = createDbPool({ connectionString: config.DATABASE_URL, max: 2 });
  try {
    const deps = { db, cipher: createPhiCipher({ key: config.STORAGE_KEY }) };
    const count = format === 'csv' ? await exportCsv(deps, process.stdout) : await exportJsonl(deps, process.stdout);
    process.stderr.write(`vob export: ${count} ${format === 'csv' ? 'verified ' : ''}request(s)\n`);
    return 0;
  } finally {
    await db.end();
  }
}

const write = async (out: Writable, text: string) => {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
};

/** Writes the verified requests as CSV to `out`; returns the number of rows (the header not counted). */
export async function exportCsv({ db, cipher }: { db: Db; cipher: PhiCipher }, out: Writable): Promise<number> {
  let lines = 0;
  for await (const line of verifiedCsv({ db, cipher }, CLI_ACTOR, null)) {
    await write(out, line);
    lines++;
  }
  return lines - 1;
}

/** Writes the export to `out`; returns the number of lines. */
export async function exportJsonl({ db, cipher, pageSize = 500 }: { db: Db; cipher: PhiCipher; pageSize?: number }, out: Writable): Promise<number> {
  const requests = createVobRequestRepository({ db });
  // Every export of client data is on the audit trail, before any of it is written.
  await createAuditRepository({ db }).insert({ actorId: CLI_ACTOR.userId, actor: CLI_ACTOR.email, action: 'export', subject: null, ip: null });
  let count = 0;
  for (let after = '0'; ; ) {
    const page = await requests.pageForExport(after, pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      const request = cipher.decryptJson<VobRequest>(row.requestEncrypted);
      const line = `${JSON.stringify({ id: row.id, messageId: row.messageId, status: row.status, ...request })}\n`;
      await write(out, line);
      count++;
    }
    after = page[page.length - 1]!.id;
  }
  return count;
}
