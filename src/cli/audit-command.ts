/**
 * `vob audit export [--since ISO-TIME] [--format jsonl|csv]`: the audit trail, oldest first, one
 * event per line (at, actor, action, subject, ip). The export itself is audited.
 */
import type { Writable } from 'node:stream';
import { createAuditRepository, type AuditEventRow } from '../adapters/db/audit.repository';
import { createDbPool, type Db } from '../adapters/db/db-pool';
import { CLI_ACTOR } from '../use-cases/staff-accounts';
import { EXIT_CONFIG, loadCommandConfig } from './command-config';
import { parseFlags } from './user-command';
import { csvCell } from '../shared/csv';

const USAGE = 'usage: vob audit export [--since 2026-01-05T00:00:00Z] [--format jsonl|csv]';

const CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'subject', 'ip'] as const;

export { csvCell };

function line(e: AuditEventRow, format: 'jsonl' | 'csv'): string {
  const record = { id: e.id, at: e.at.toISOString(), actor: e.actor, action: e.action, subject: e.subject, ip: e.ip };
  return format === 'jsonl' ? `${JSON.stringify(record)}\n` : `${CSV_COLUMNS.map((c) => csvCell(record[c])).join(',')}\n`;
}

/** Writes the events since `since` to `out`; returns how many. */
export async function exportAudit({ db, since, format, pageSize = 1000 }: { db: Db; since: Date | null; format: 'jsonl' | 'csv'; pageSize?: number }, out: Writable): Promise<number> {
  const audit = createAuditRepository({ db });
  await audit.insert({ actorId: CLI_ACTOR.userId, actor: CLI_ACTOR.email, action: 'audit-export', subject: null, ip: null });
  if (format === 'csv') out.write(`${CSV_COLUMNS.join(',')}\n`);
  let count = 0;
  for (let after = '0'; ; ) {
    const page = await audit.pageForExport(since, after, pageSize);
    if (page.length === 0) break;
    for (const e of page) {
      if (!out.write(line(e, format))) await new Promise((resolve) => out.once('drain', resolve));
      count++;
    }
    after = page[page.length - 1]!.id;
  }
  return count;
}

export async function runAudit(args: string[]): Promise<number> {
  const flags = args[0] === 'export' ? parseFlags(args.slice(1), ['since', 'format']) : null;
  const format = flags?.format ?? 'jsonl';
  const since = flags?.since ? new Date(flags.since) : null;
  if (!flags || (format !== 'jsonl' && format !== 'csv') || (since && Number.isNaN(since.getTime()))) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const config = loadCommandConfig('audit');
  if (!config) return EXIT_CONFIG;
  const db = createDbPool({ connectionString: config.DATABASE_URL, max: 2 });
  try {
    const count = await exportAudit({ db, since, format }, process.stdout);
    process.stderr.write(`vob audit export: ${count} event(s)\n`);
    return 0;
  } finally {
    await db.end();
  }
}
