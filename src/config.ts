/**
 * The service's configuration: one zod schema over the environment, parsed once. Defaults point
 * at the local lab (scripts/services.sh); production must set STORAGE_KEY explicitly.
 */
import { z } from 'zod';

/** A fixed development key (32 bytes, hex). Refused when NODE_ENV is 'production'. */
export const LAB_STORAGE_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

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
  IMAP_HOST: z.string().min(1).default('127.0.0.1'),
  IMAP_PORT: port.default(1143),
  IMAP_USER: z.string().min(1).default('verification@vob.test'),
  IMAP_PASSWORD: z.string().min(1).default('test'),
  IMAP_TLS: flag.default('off'),
  IMAP_TLS_CA_FILE: optionalString,
  IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: port.default(2525),
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
  STAFF_TOKEN: optionalString,
});

export interface Config extends Omit<z.infer<typeof configSchema>, 'STORAGE_KEY'> {
  /** The 32-byte AES key decoded from STORAGE_KEY (or the lab key outside production). */
  STORAGE_KEY: Buffer;
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
  const { STORAGE_KEY, ...rest } = parsed.data;
  const production = rest.NODE_ENV === 'production';
  if (STORAGE_KEY === undefined && production) {
    throw new ConfigError('STORAGE_KEY', 'required when NODE_ENV=production (32 bytes, base64 or hex)');
  }
  if (production && rest.STAFF_TOKEN === undefined) {
    throw new ConfigError('STAFF_TOKEN', 'required when NODE_ENV=production');
  }
  const key = decodeKey(STORAGE_KEY ?? LAB_STORAGE_KEY);
  if (production && key.equals(decodeKey(LAB_STORAGE_KEY))) {
    throw new ConfigError('STORAGE_KEY', 'the lab development key cannot be used in production');
  }
  return { ...rest, STORAGE_KEY: key };
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
