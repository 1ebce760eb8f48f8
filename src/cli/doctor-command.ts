/**
 * `vob doctor`: is this machine ready to run the service on the office's mailbox? Checks the
 * configuration, then each dependency in turn, one line each (with what to fix), and exits 0
 * only when every check passes. Nothing is changed: no migration, no folder created, no mail sent.
 */
import { ConfigError, loadConfig, type Config } from '../config';
import { createTokenProvider, type TokenProviderExtras } from '../adapters/mail-auth/create-token-provider';
import {
  checkMailbox,
  checkOcrData,
  checkPostgres,
  checkRedis,
  checkSmtp,
  checkStaffAuth,
  checkStorageKey,
  formatCheckLine,
  runChecks,
  type DoctorCheck,
} from './doctor-checks';

/** The checks for a valid configuration, in the order they are worth reading. */
export function doctorChecks(config: Config, env: NodeJS.ProcessEnv = process.env, extras: TokenProviderExtras = {}): Array<readonly [string, DoctorCheck]> {
  const tokens = createTokenProvider(config, extras);
  return [
    ['postgres', checkPostgres(config)],
    ['redis', checkRedis(config)],
    ['imap', checkMailbox(config, tokens)],
    ['smtp', checkSmtp(config, tokens)],
    ['ocr data', checkOcrData()],
    ['storage key', checkStorageKey(config, env)],
    ['staff auth', checkStaffAuth(config)],
  ];
}

export async function runDoctor(args: string[], env: NodeJS.ProcessEnv = process.env, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`), extras: TokenProviderExtras = {}): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('usage: vob doctor   (reads the same environment as vob serve)\n');
    return 64;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Every other check needs a valid configuration.
    write(formatCheckLine({ name: 'config', status: 'fail', detail: err.message, fix: `set ${err.variable} (see .env.example and docs/mailbox-setup.md)` }));
    return 1;
  }
  write(formatCheckLine({ name: 'config', status: 'ok', detail: `valid (MAIL_AUTH=${config.MAIL_AUTH}, mailbox ${config.IMAP_USER}/${config.IMAP_MAILBOX})` }));
  return (await runChecks(doctorChecks(config, env, extras), write)) ? 0 : 1;
}
