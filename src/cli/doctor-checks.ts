/**
 * The checks `vob doctor` runs, one small function per dependency. Each returns lines of
 * { name, status, detail, fix }: 'ok', 'fail' (what to change is in `fix`), or 'note' (fine, but
 * worth knowing, e.g. a folder the service creates on its own). Details carry hosts, codes and
 * the providers' reasons, never a password, token or PHI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { LAB_STORAGE_KEY, type Config } from '../config';
import { classifyImapFailure } from '../domain/mail-auth';
import { compareMigrations, defaultMigrationsDir, readMigrations, type AppliedMigration } from '../adapters/db/migrate';
import { createImapClient, describeImapRefusal, imapFailureFacts } from '../adapters/imap/imap-client';
import { MailAuthError, type TokenProvider } from '../adapters/mail-auth/token-provider';
import { createSmtpMailer } from '../adapters/mail/smtp-mailer';
import { createStaffAccountRepository } from '../adapters/db/staff-account.repository';

export type CheckStatus = 'ok' | 'fail' | 'note';

export interface CheckLine {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
  /** What to change, for a failure. */
  readonly fix?: string;
}

export type DoctorCheck = () => Promise<CheckLine[]>;

const ok = (name: string, detail: string): CheckLine => ({ name, status: 'ok', detail });
const fail = (name: string, detail: string, fix: string): CheckLine => ({ name, status: 'fail', detail, fix });

/** One line per check: status, name, what was found, and for a failure what to fix. */
export function formatCheckLine(line: CheckLine): string {
  const status = line.status === 'ok' ? 'ok  ' : line.status === 'note' ? 'note' : 'FAIL';
  return `${status}  ${line.name.padEnd(16)} ${line.detail}${line.fix ? ` -> fix: ${line.fix}` : ''}`;
}

/** Runs the checks in turn; a check that throws is a failure of its own, not the end of the run. */
export async function runChecks(checks: ReadonlyArray<readonly [string, DoctorCheck]>, write: (line: string) => void): Promise<boolean> {
  let allOk = true;
  for (const [name, check] of checks) {
    let lines: CheckLine[];
    try {
      lines = await check();
    } catch (err) {
      lines = [fail(name, `check crashed: ${errorCode(err)}`, 'see the message above and report it')];
    }
    for (const line of lines) {
      if (line.status === 'fail') allOk = false;
      write(formatCheckLine(line));
    }
  }
  return allOk;
}

/** host:port/database of a URL, without its user or password. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

export function checkPostgres(config: Pick<Config, 'DATABASE_URL'>, migrationsDir: string = defaultMigrationsDir()): DoctorCheck {
  return async () => {
    const where = safeUrl(config.DATABASE_URL);
    const client = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5_000, application_name: 'vob-doctor' });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      return [fail('postgres', `cannot connect to ${where} (${errorCode(err)})`, 'start PostgreSQL, or set DATABASE_URL to a reachable database (role, password, database)')];
    }
    try {
      const files = await readMigrations(migrationsDir);
      const table = await client.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
      const applied = table.rows[0]?.present ? (await client.query<AppliedMigration>('SELECT version, name, checksum FROM schema_migrations')).rows : [];
      const state = compareMigrations(files, applied);
      const reachable = ok('postgres', `reachable at ${where}`);
      if (state.edited.length > 0 || state.missing.length > 0) {
        return [reachable, fail('migrations', `applied migrations differ from migrations/ (${[...state.edited, ...state.missing].join(', ')})`, 'deploy the release that applied them; never edit an applied migration')];
      }
      if (state.pending.length > 0) {
        return [reachable, fail('migrations', `${state.pending.length} of ${files.length} not applied (${state.pending.map((f) => f.name).join(', ')})`, 'run `vob migrate` (vob serve also applies them at start)')];
      }
      return [reachable, ok('migrations', `all ${files.length} applied`)];
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}

export function checkRedis(config: Pick<Config, 'REDIS_URL'>): DoctorCheck {
  return async () => {
    const where = safeUrl(config.REDIS_URL);
    // One attempt, no reconnect loop: the doctor reports, it does not wait for Redis.
    const redis = new IORedis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
      return [ok('redis', `reachable at ${where}`)];
    } catch (err) {
      return [fail('redis', `cannot reach ${where} (${errorCode(err)})`, 'start Redis, or set REDIS_URL')];
    } finally {
      redis.disconnect();
    }
  };
}

/** What to do about a refused OAuth2 grant or login, per provider (docs/mailbox-setup.md). */
export function mailAuthFix(mode: Config['MAIL_AUTH']): string {
  switch (mode) {
    case 'password':
      return 'check IMAP_USER and IMAP_PASSWORD (SMTP_USER/SMTP_PASSWORD for SMTP)';
    case 'oauth2-microsoft':
      return 'check MS_TENANT_ID, MS_CLIENT_ID and the secret/certificate; IMAP.AccessAsApp/SMTP.SendAsApp with admin consent, New-ServicePrincipal and Add-MailboxPermission FullAccess (docs/mailbox-setup.md)';
    case 'oauth2-google':
      return 'check the service account key and its domain-wide delegation for https://mail.google.com/, or the refresh token (docs/mailbox-setup.md)';
    case 'oauth2-token-command':
      return 'run MAIL_TOKEN_COMMAND by hand: it must print an access token for IMAP_USER (docs/mailbox-setup.md)';
  }
}

async function tokenLine(name: string, config: Pick<Config, 'MAIL_AUTH'>, tokens: TokenProvider): Promise<{ line: CheckLine; token?: string }> {
  try {
    const token = await tokens.getToken();
    const minutes = Math.round((token.expiresAt - Date.now()) / 60_000);
    return { line: ok(name, `${config.MAIL_AUTH} issued a token (valid ${minutes} min)`), token: token.accessToken };
  } catch (err) {
    const reason = err instanceof MailAuthError ? err.reason : errorCode(err);
    return { line: fail(name, `no token: ${reason}`, mailAuthFix(config.MAIL_AUTH)) };
  }
}

type MailboxCheckConfig = Pick<Config, 'MAIL_AUTH' | 'IMAP_HOST' | 'IMAP_PORT' | 'IMAP_USER' | 'IMAP_PASSWORD' | 'IMAP_TLS' | 'IMAP_TLS_CA_FILE' | 'IMAP_MAILBOX'>;

/**
 * The mailbox: a token (OAuth2), the IMAP login, the mailbox itself, and the folders messages
 * are moved to (a missing one is created by the poller at start: a note, not a failure).
 */
export function checkMailbox(config: MailboxCheckConfig, tokens: TokenProvider | null, folders: readonly string[] = ['Processed', 'Needs-Review']): DoctorCheck {
  return async () => {
    const lines: CheckLine[] = [];
    let accessToken: string | undefined;
    if (tokens) {
      const { line, token } = await tokenLine('mail token', config, tokens);
      lines.push(line);
      if (!token) return lines;
      accessToken = token;
    }
    const where = `${config.IMAP_HOST}:${config.IMAP_PORT}`;
    const client = createImapClient(config, { logger: false, accessToken, tuning: { connectionTimeoutMs: 10_000 } });
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      const facts = imapFailureFacts(err, client);
      if (classifyImapFailure(facts) !== null) {
        lines.push(fail('imap login', `${describeImapRefusal(facts)} for ${config.IMAP_USER} at ${where}`, mailAuthFix(config.MAIL_AUTH)));
      } else {
        lines.push(fail('imap login', `cannot reach ${where} (${errorCode(err)})`, 'check IMAP_HOST, IMAP_PORT and IMAP_TLS (IMAP_TLS_CA_FILE for a private CA)'));
      }
      client.close();
      return lines;
    }
    try {
      lines.push(ok('imap login', `${config.IMAP_USER} at ${where}${accessToken ? ' (OAuth2)' : ''}`));
      const listed = new Set((await client.list()).map((m) => m.path));
      if (!listed.has(config.IMAP_MAILBOX) && config.IMAP_MAILBOX.toUpperCase() !== 'INBOX') {
        lines.push(fail('imap mailbox', `${config.IMAP_MAILBOX} does not exist`, 'set IMAP_MAILBOX to the folder requests arrive in (INBOX for a shared mailbox)'));
      } else {
        const status = await client.status(config.IMAP_MAILBOX, { messages: true });
        lines.push(ok('imap mailbox', `${config.IMAP_MAILBOX}: ${status && typeof status === 'object' ? (status.messages ?? 0) : '?'} message(s) waiting`));
      }
      for (const folder of folders) {
        lines.push(listed.has(folder) ? ok('imap folder', `${folder} exists`) : { name: 'imap folder', status: 'note', detail: `${folder} will be created by the service at start` });
      }
      return lines;
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
}

export function checkSmtp(config: Pick<Config, 'MAIL_AUTH' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'IMAP_USER'>, tokens: TokenProvider | null): DoctorCheck {
  return async () => {
    const where = `${config.SMTP_HOST}:${config.SMTP_PORT}`;
    const user = tokens ? (config.SMTP_USER ?? config.IMAP_USER) : config.SMTP_USER;
    const mailer = createSmtpMailer({ host: config.SMTP_HOST, port: config.SMTP_PORT, user, password: config.SMTP_PASSWORD, tokens, maxConnections: 1 });
    try {
      await mailer.verify();
      return [ok('smtp', `${user ? `${user} logged in at` : 'reachable at'} ${where}`)];
    } catch (err) {
      const code = errorCode(err);
      if (code === 'EAUTH') {
        const reason = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : code;
        return [fail('smtp', `login refused at ${where}: ${reason}`, `${mailAuthFix(config.MAIL_AUTH)}; Microsoft 365 also needs SMTP AUTH enabled on the mailbox`)];
      }
      return [fail('smtp', `cannot reach ${where} (${code})`, 'check SMTP_HOST and SMTP_PORT (587 STARTTLS, 465 TLS)')];
    } finally {
      mailer.close();
    }
  };
}

/** The OCR language data the card reader loads offline (the @tesseract.js-data packages). */
export function checkOcrData(resolve: (id: string) => string = require.resolve): DoctorCheck {
  return async () => {
    const wanted: Array<[string, string]> = [
      ['@tesseract.js-data/eng', path.join('4.0.0_best_int', 'eng.traineddata.gz')],
      ['@tesseract.js-data/osd', ''],
    ];
    const missing: string[] = [];
    for (const [pkg, file] of wanted) {
      try {
        const dir = path.dirname(resolve(`${pkg}/package.json`));
        if (file && !existsSync(path.join(dir, file))) missing.push(`${pkg}/${file}`);
      } catch {
        missing.push(pkg);
      }
    }
    return missing.length === 0
      ? [ok('ocr data', 'English and orientation data present')]
      : [fail('ocr data', `missing: ${missing.join(', ')}`, 'run `npm ci` (the data ships in the @tesseract.js-data packages)')];
  };
}

/** STORAGE_KEY set (not the lab key): PHI at rest is encrypted with it. */
export function checkStorageKey(config: Pick<Config, 'STORAGE_KEY'>, env: NodeJS.ProcessEnv = process.env): DoctorCheck {
  return async () => {
    if (env['STORAGE_KEY'] === undefined || env['STORAGE_KEY'].trim() === '' || config.STORAGE_KEY.equals(Buffer.from(LAB_STORAGE_KEY, 'hex'))) {
      return [fail('storage key', 'STORAGE_KEY is unset: the lab key would encrypt PHI', 'set STORAGE_KEY to 32 random bytes (`openssl rand -base64 32`) and keep it safe')];
    }
    return [ok('storage key', 'STORAGE_KEY set (32 bytes)')];
  };
}

/** Staff sign-in configured: a session secret, and at least one enabled admin account. */
export function checkStaffAuth(config: Pick<Config, 'SESSION_SECRET' | 'DATABASE_URL'>): DoctorCheck {
  return async () => {
    const lines = [
      config.SESSION_SECRET !== null
        ? ok('session secret', 'SESSION_SECRET set')
        : fail('session secret', 'SESSION_SECRET is unset: vob serve refuses to start (only --dev on loopback runs)', 'set SESSION_SECRET to 32+ random bytes (`openssl rand -base64 32`)'),
    ];
    const client = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5_000, application_name: 'vob-doctor' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const admins = await createStaffAccountRepository({ db: client }).countEnabledAdmins();
      lines.push(admins > 0 ? ok('staff accounts', `${admins} enabled admin account(s)`) : fail('staff accounts', 'no enabled admin account: vob serve refuses to start', 'create one with `vob user add --email E --role admin`'));
    } catch (err) {
      lines.push(fail('staff accounts', `cannot read the accounts (${errorCode(err)})`, 'fix PostgreSQL and migrations first (see above)'));
    } finally {
      await client.end().catch(() => undefined);
    }
    return lines;
  };
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.message === 'string' && e.message) return e.message.split('\n')[0]!.slice(0, 120);
    if (typeof e.name === 'string') return e.name;
  }
  return 'error';
}
