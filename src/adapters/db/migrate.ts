/**
 * Applies migrations/NNNN_*.sql in order, each in its own transaction, under a session advisory
 * lock so two instances starting together do not race. Applied files are recorded with a
 * SHA-256 checksum; an applied migration whose file has since been edited is refused.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

/** Arbitrary but fixed: the advisory lock id for migrations ("vobmigr"). */
const MIGRATION_LOCK_ID = 7_621_990_001;

/** The project's migrations/ folder, found upwards from this file (works from src/ and dist/src/). */
export function defaultMigrationsDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new MigrationError('migration-missing', `no migrations/ folder above ${from}`);
    dir = parent;
  }
}

export type MigrationErrorCode = 'migration-edited' | 'migration-name-invalid' | 'migration-missing' | 'migration-failed';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = /^(\d{4})_[a-z0-9_-]+\.sql$/.exec(name);
    if (!match) throw new MigrationError('migration-name-invalid', `migration file ${name} is not named NNNN_name.sql`);
    const sql = await readFile(path.join(dir, name), 'utf8');
    files.push({ version: Number(match[1]), name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  files.forEach((f, i) => {
    if (i > 0 && f.version === files[i - 1]!.version) {
      throw new MigrationError('migration-name-invalid', `two migrations numbered ${f.version}`);
    }
  });
  return files;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

/** Files not applied yet (in order), applied ones whose file was edited, and applied ones whose file is gone. */
export function compareMigrations(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): { pending: MigrationFile[]; edited: string[]; missing: string[] } {
  const byVersion = new Map(files.map((f) => [f.version, f]));
  const done = new Set(applied.map((r) => r.version));
  return {
    pending: files.filter((f) => !done.has(f.version)),
    edited: applied.filter((r) => byVersion.has(r.version) && byVersion.get(r.version)!.checksum !== r.checksum).map((r) => r.name),
    missing: applied.filter((r) => !byVersion.has(r.version)).map((r) => r.name),
  };
}

export async function migrate({
  databaseUrl,
  dir = defaultMigrationsDir(),
}: {
  databaseUrl: string;
  dir?: string;
}): Promise<MigrateResult> {
  const files = await readMigrations(dir);
  const client = new Client({ connectionString: databaseUrl, application_name: 'vob-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const state = compareMigrations(files, rows);
    if (state.missing.length > 0) throw new MigrationError('migration-missing', `applied migration ${state.missing[0]} is missing from ${dir}`);
    if (state.edited.length > 0) {
      throw new MigrationError('migration-edited', `migration ${state.edited[0]} was edited after it was applied; add a new migration instead`);
    }
    const done: string[] = [];
    for (const file of state.pending) {
      try {
        await client.query('BEGIN');
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError('migration-failed', `migration ${file.name} failed: ${(err as Error).message}`);
      }
      done.push(file.name);
    }
    return { applied: done, alreadyApplied: rows.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
