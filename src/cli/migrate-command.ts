/** `vob migrate`: apply pending migrations (under an advisory lock) and exit. */
import { ConfigError, loadConfig } from '../config';
import { migrate, MigrationError } from '../adapters/db/migrate';
import { EXIT_CONFIG } from './command-config';

export async function runMigrate(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('usage: vob migrate   (uses DATABASE_URL)\n');
    return 64;
  }
  try {
    const { applied, alreadyApplied } = await migrate({ databaseUrl: loadConfig().DATABASE_URL });
    process.stdout.write(`${applied.length === 0 ? 'schema up to date' : `applied ${applied.join(', ')}`} (${alreadyApplied} already applied)\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof MigrationError) {
      process.stderr.write(`vob migrate: ${err.message}\n`);
      return err instanceof ConfigError ? EXIT_CONFIG : 65;
    }
    throw err;
  }
}
