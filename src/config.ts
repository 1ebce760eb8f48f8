/**
 * The service's configuration: one zod schema over the environment, parsed once. Defaults point
 * at the local lab (scripts/services.sh); production must set STORAGE_KEY and SESSION_SECRET explicitly.
 */
import { z } from 'zod';
import { isValidNpi } from './domain/x12/npi';

/** A fixed development key (32 bytes, hex). Refused when NODE_ENV is 'production'. */
export const LAB_STORAGE_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

export const MAIL_AUTH_MODES = ['password', 'oauth2-microsoft', 'oauth2-google', 'oauth2-token-command'] as const;
export type MailAuthMode = (typeof MAIL_AUTH_MODES)[number];

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const flag = z
  .enum(['off', 'starttls', 'tls'])
  .describe('off | starttls | tls');
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const domainList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0) : v),
  z.array(z.string().regex(/^[a-z0-9.-]+$/, 'comma-separated domain names')),
);

export const configSchema = z.object({
  NODE_ENV: z.string().default('development'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').default('postgres://vob:vob@127.0.0.1:5432/vob'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').default('redis://127.0.0.1:6379'),
  /** How the service logs in to IMAP and SMTP (docs/mailbox-setup.md). */
  MAIL_AUTH: z.enum(MAIL_AUTH_MODES).describe(MAIL_AUTH_MODES.join(' | ')).default('password'),
  // Hosts, ports and TLS default by MAIL_AUTH (the lab for password, the provider's servers for
  // OAuth2): see mailServerDefaults.
  IMAP_HOST: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  IMAP_PORT: z.preprocess(emptyToUndefined, port.optional()),
  IMAP_USER: z.string().min(1).default('verification@vob.test'),
  IMAP_PASSWORD: optionalString,
  IMAP_TLS: z.preprocess(emptyToUndefined, flag.optional()),
  IMAP_TLS_CA_FILE: optionalString,
  IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  SMTP_HOST: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  SMTP_PORT: z.preprocess(emptyToUndefined, port.optional()),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  SMTP_FROM: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'a bare e-mail address').default('verification@vob.test'),
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -').default('vob'),
  STORAGE_KEY: optionalString,
  ALLOWED_SENDER_DOMAINS: domainList.default([]),
  REPLY_RATE_PER_HOUR: positiveInt.default(20),
  REMINDER_AFTER_HOURS: z.coerce.number().positive().default(24),
  MAX_MESSAGE_BYTES: positiveInt.default(30 * 1024 * 1024),
  OCR_TIMEOUT_MS: positiveInt.default(60_000),
  /** Card OCR: 'on' finds text lines with the learned detector first; 'off' uses tesseract's own layout. */
  CARD_TEXT_DETECTOR: z.enum(['on', 'off']).default('on'),
  EXTRACT_CONCURRENCY: positiveInt.default(4),
  RECONCILE_INTERVAL_MS: positiveInt.default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the HTTP port listens; loopback unless a proxy or container needs more. */
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** Keys the hashes of session ids and API tokens and the CSRF tokens: 32+ bytes, required in production. */
  SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().refine((v) => Buffer.byteLength(v) >= 32, 'at least 32 bytes (e.g. `openssl rand -base64 32`)').optional()),
  SESSION_IDLE_TIMEOUT_MS: positiveInt.default(15 * 60_000),
  SESSION_ABSOLUTE_TIMEOUT_MS: positiveInt.default(12 * 3_600_000),
  /** The service is reached over TLS (a proxy in front): session cookies are always Secure. */
  BEHIND_TLS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOGIN_MAX_FAILURES: positiveInt.default(5),
  LOGIN_MAX_IP_FAILURES: positiveInt.default(20),
  LOGIN_LOCK_MS: positiveInt.default(15 * 60_000),
  /** Eligibility (270/271): the provider asking; required only by `vob eligibility`. */
  PROVIDER_NPI: z.preprocess(emptyToUndefined, z.string().refine(isValidNpi, '10 digits with a valid check digit').optional()),
  PROVIDER_NAME: optionalString,
  /** ISA06/GS02 and ISA08/GS03 as the clearinghouse assigned them; the sender defaults to the NPI. */
  X12_SENDER_ID: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9 ]{1,15}$/, '1-15 letters or digits').optional()),
  X12_RECEIVER_ID: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9 ]{1,15}$/, '1-15 letters or digits').default('CLEARINGHOUSE')),
  /** ISA15: T marks test files, P production. */
  X12_USAGE: z.enum(['T', 'P']).default('T'),
  // OAuth2 for the mailbox (MAIL_AUTH=oauth2-*): which are required is checked in loadConfig.
  MS_TENANT_ID: optionalString,
  MS_CLIENT_ID: optionalString,
  MS_CLIENT_SECRET: optionalString,
  MS_CLIENT_CERT_PATH: optionalString,
  MS_CLIENT_CERT_THUMBPRINT: z.preprocess(emptyToUndefined, z.string().regex(/^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/, 'the certificate thumbprint: 40 (SHA-1) or 64 (SHA-256) hex digits').optional()),
  /** Another issuer than login.microsoftonline.com/<tenant> (tests: the lab's OAuth2 server). */
  MS_AUTHORITY_URL: z.preprocess(emptyToUndefined, z.string().regex(/^https:\/\//, 'an https:// URL').optional()),
  GOOGLE_SERVICE_ACCOUNT_KEY_FILE: optionalString,
  GOOGLE_CLIENT_ID: optionalString,
  GOOGLE_CLIENT_SECRET: optionalString,
  GOOGLE_REFRESH_TOKEN: optionalString,
  /** A shell command that prints an access token (or JSON {access_token, expires_in}). */
  MAIL_TOKEN_COMMAND: optionalString,
  MAIL_TOKEN_COMMAND_TIMEOUT_MS: positiveInt.default(30_000),
});

type ParsedEnv = z.infer<typeof configSchema>;
type MailServerSettings = 'IMAP_HOST' | 'IMAP_PORT' | 'IMAP_TLS' | 'SMTP_HOST' | 'SMTP_PORT';

export interface Config extends Omit<ParsedEnv, 'STORAGE_KEY' | 'SESSION_SECRET' | MailServerSettings> {
  /** The 32-byte AES key decoded from STORAGE_KEY (or the lab key outside production). */
  STORAGE_KEY: Buffer;
  /** SESSION_SECRET's bytes; null when unset (then only `vob serve --dev` on loopback starts, with a generated one). */
  SESSION_SECRET: Buffer | null;
  IMAP_HOST: string;
  IMAP_PORT: number;
  IMAP_TLS: 'off' | 'starttls' | 'tls';
  SMTP_HOST: string;
  SMTP_PORT: number;
}

/**
 * Where each kind of login reads and sends mail when the hosts are not set: the lab for
 * passwords, the provider's own servers for its OAuth2 (a token command names no provider, so
 * its hosts must be set).
 */
export function mailServerDefaults(mode: MailAuthMode): Pick<Config, MailServerSettings> | null {
  switch (mode) {
    case 'password':
      return { IMAP_HOST: '127.0.0.1', IMAP_PORT: 1143, IMAP_TLS: 'off', SMTP_HOST: '127.0.0.1', SMTP_PORT: 2525 };
    case 'oauth2-microsoft':
      return { IMAP_HOST: 'outlook.office365.com', IMAP_PORT: 993, IMAP_TLS: 'tls', SMTP_HOST: 'smtp.office365.com', SMTP_PORT: 587 };
    case 'oauth2-google':
      return { IMAP_HOST: 'imap.gmail.com', IMAP_PORT: 993, IMAP_TLS: 'tls', SMTP_HOST: 'smtp.gmail.com', SMTP_PORT: 465 };
    case 'oauth2-token-command':
      return null;
  }
}

/** A configuration error names the variable and what is wrong with it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid-config';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`invalid configuration: ${variable}: ${reason}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? '(env)'), issue.message);
  }
  const { STORAGE_KEY, SESSION_SECRET, ...settings } = parsed.data;
  // A password login defaults to the lab's password ("test" for every mailbox), as before OAuth2.
  const password = settings.IMAP_PASSWORD ?? (settings.MAIL_AUTH === 'password' ? 'test' : undefined);
  const rest = { ...settings, ...resolveMailServers(settings), IMAP_PASSWORD: password };
  checkMailAuth(rest);
  const production = rest.NODE_ENV === 'production';
  if (STORAGE_KEY === undefined && production) {
    throw new ConfigError('STORAGE_KEY', 'required when NODE_ENV=production (32 bytes, base64 or hex)');
  }
  if (production && SESSION_SECRET === undefined) {
    throw new ConfigError('SESSION_SECRET', 'required when NODE_ENV=production (at least 32 bytes)');
  }
  const key = decodeKey(STORAGE_KEY ?? LAB_STORAGE_KEY);
  if (production && key.equals(decodeKey(LAB_STORAGE_KEY))) {
    throw new ConfigError('STORAGE_KEY', 'the lab development key cannot be used in production');
  }
  return { ...rest, STORAGE_KEY: key, SESSION_SECRET: SESSION_SECRET === undefined ? null : Buffer.from(SESSION_SECRET) };
}

function resolveMailServers(env: Omit<ParsedEnv, 'STORAGE_KEY' | 'SESSION_SECRET'>): Pick<Config, MailServerSettings> {
  const defaults = mailServerDefaults(env.MAIL_AUTH);
  const pick = <K extends MailServerSettings>(name: K): Config[K] => {
    const value = env[name] ?? defaults?.[name];
    if (value === undefined) throw new ConfigError(name, `required when MAIL_AUTH=${env.MAIL_AUTH} (no provider default)`);
    return value as Config[K];
  };
  // Port 993 is implicit TLS wherever it is used; elsewhere an unset IMAP_TLS keeps the lab's 'off'.
  const imapHost = pick('IMAP_HOST');
  const imapPort = pick('IMAP_PORT');
  const imapTls = env.IMAP_TLS ?? defaults?.IMAP_TLS ?? (imapPort === 993 ? 'tls' : 'starttls');
  return { IMAP_HOST: imapHost, IMAP_PORT: imapPort, IMAP_TLS: imapTls, SMTP_HOST: pick('SMTP_HOST'), SMTP_PORT: pick('SMTP_PORT') };
}

/** The settings each MAIL_AUTH needs, checked together so the first missing one is named. */
function checkMailAuth(c: Omit<Config, 'STORAGE_KEY' | 'SESSION_SECRET'>): void {
  const need = (name: keyof typeof c, why: string): void => {
    if (c[name] === undefined) throw new ConfigError(String(name), `required when MAIL_AUTH=${c.MAIL_AUTH} (${why})`);
  };
  if (c.MAIL_AUTH === 'password') return;
  if (!/^[^\s@]+@[^\s@]+$/.test(c.IMAP_USER)) throw new ConfigError('IMAP_USER', 'the mailbox address (XOAUTH2 logs in as it)');
  if (c.SMTP_USER !== undefined && !/^[^\s@]+@[^\s@]+$/.test(c.SMTP_USER)) throw new ConfigError('SMTP_USER', 'the mailbox address (XOAUTH2 logs in as it)');
  switch (c.MAIL_AUTH) {
    case 'oauth2-microsoft':
      need('MS_TENANT_ID', 'the Entra ID tenant id or domain');
      need('MS_CLIENT_ID', 'the app registration\'s application (client) id');
      if (c.MS_CLIENT_SECRET === undefined && c.MS_CLIENT_CERT_PATH === undefined) {
        throw new ConfigError('MS_CLIENT_SECRET', 'required when MAIL_AUTH=oauth2-microsoft, or MS_CLIENT_CERT_PATH with MS_CLIENT_CERT_THUMBPRINT');
      }
      if (c.MS_CLIENT_CERT_PATH !== undefined) need('MS_CLIENT_CERT_THUMBPRINT', 'the thumbprint of MS_CLIENT_CERT_PATH\'s certificate');
      return;
    case 'oauth2-google':
      if (c.GOOGLE_SERVICE_ACCOUNT_KEY_FILE !== undefined) return;
      if (c.GOOGLE_CLIENT_ID === undefined && c.GOOGLE_CLIENT_SECRET === undefined && c.GOOGLE_REFRESH_TOKEN === undefined) {
        throw new ConfigError('GOOGLE_SERVICE_ACCOUNT_KEY_FILE', 'required when MAIL_AUTH=oauth2-google, or GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and GOOGLE_REFRESH_TOKEN');
      }
      need('GOOGLE_CLIENT_ID', 'an installed app\'s client id, with its secret and refresh token');
      need('GOOGLE_CLIENT_SECRET', 'an installed app\'s client secret');
      need('GOOGLE_REFRESH_TOKEN', 'the refresh token the mailbox granted');
      return;
    case 'oauth2-token-command':
      need('MAIL_TOKEN_COMMAND', 'a shell command that prints an access token');
      return;
  }
}

/** 64 hex digits or base64 of exactly 32 bytes. */
export function decodeKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed))) {
    throw new ConfigError('STORAGE_KEY', 'must be 32 bytes, as 64 hex digits or base64');
  }
  return key;
}

/** The domain of our own address, for Message-IDs of replies. */
export function ownDomain(config: Pick<Config, 'SMTP_FROM'>): string {
  return config.SMTP_FROM.slice(config.SMTP_FROM.lastIndexOf('@') + 1).toLowerCase();
}
