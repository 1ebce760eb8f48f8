/**
 * `vob serve [--dev]`: migrations, workers, reconciler, the mailbox poller and the HTTP port,
 * until SIGTERM/SIGINT. Secure by default: it refuses to start without SESSION_SECRET or without
 * an enabled admin account, unless `--dev` on a loopback address (then it makes a secret for
 * this run and says so). Never `--dev` in production.
 */
import { randomBytes } from 'node:crypto';
import { EXIT_CONFIG, loadCommandConfig } from './command-config';
import { createDbPool } from '../adapters/db/db-pool';
import { migrate } from '../adapters/db/migrate';
import { createStaffAccountRepository } from '../adapters/db/staff-account.repository';
import { createLogger } from '../adapters/logging/logger';
import { startVobService } from '../service/vob-service';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why serve must not start (null: it may), from what is configured and stored. */
export function serveRefusal(input: { dev: boolean; production: boolean; host: string; hasSecret: boolean; enabledAdmins: number }): string | null {
  if (input.dev && input.production) return '--dev cannot be used with NODE_ENV=production';
  if (input.dev && !isLoopback(input.host)) return `--dev serves only on a loopback address (HTTP_HOST is ${input.host})`;
  if (input.dev) return null;
  if (!input.hasSecret) return 'SESSION_SECRET is not set (at least 32 bytes, e.g. `openssl rand -base64 32`); for a local trial use `vob serve --dev`';
  if (input.enabledAdmins === 0) return 'there is no enabled admin account: create one with `vob user add --email E --role admin`';
  return null;
}

export async function runServe(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dev = args.length === 1 && args[0] === '--dev';
  if (args.length > (dev ? 1 : 0)) {
    process.stderr.write('usage: vob serve [--dev]   (configured by environment variables; see .env.example)\n');
    return 64;
  }
  const loaded = loadCommandConfig('serve', env);
  if (!loaded) return EXIT_CONFIG;
  await migrate({ databaseUrl: loaded.DATABASE_URL });
  const probe = createDbPool({ connectionString: loaded.DATABASE_URL, max: 1 });
  const enabledAdmins = await createStaffAccountRepository({ db: probe })
    .countEnabledAdmins()
    .finally(() => probe.end());
  const refusal = serveRefusal({ dev, production: loaded.NODE_ENV === 'production', host: loaded.HTTP_HOST, hasSecret: loaded.SESSION_SECRET !== null, enabledAdmins });
  if (refusal) {
    process.stderr.write(`vob serve: refusing to start: ${refusal}\n`);
    return EXIT_CONFIG;
  }
  const config = { ...loaded, SESSION_SECRET: loaded.SESSION_SECRET ?? randomBytes(32) };
  if (!loaded.SESSION_SECRET) process.stderr.write('vob serve --dev: SESSION_SECRET is not set; using a random one for this run (sessions and API tokens end with it)\n');
  if (enabledAdmins === 0) process.stderr.write('vob serve --dev: no admin account yet; create one with `vob user add --email E --role admin`\n');
  const logger = createLogger(config.LOG_LEVEL);
  const service = await startVobService({ config, logger });
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'signal received');
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  // A second signal during a slow drain exits at once.
  const force = () => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  await service.stop();
  logger.flush();
  return 0;
}
