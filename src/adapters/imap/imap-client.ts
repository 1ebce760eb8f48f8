/**
 * imapflow client factory: TLS mode from the configuration (off | starttls | tls, with an
 * optional CA file for a private CA such as the lab's self-signed one), and a logger bridge
 * that forwards only warnings and errors, reduced to codes: imapflow's debug output carries
 * protocol lines (envelopes, addresses, subjects), which are PHI and never reach our logs.
 */
import { readFileSync } from 'node:fs';
import { ImapFlow, type ImapFlowOptions, type Logger as ImapLogger } from 'imapflow';
import type { Logger } from 'pino';
import type { ImapFailureFacts } from '../../domain/mail-auth';

export type ImapTlsMode = 'off' | 'starttls' | 'tls';

/** The IMAP settings, named as in src/config.ts so the service's Config fits as is. */
export interface ImapConnectionConfig {
  readonly IMAP_HOST: string;
  readonly IMAP_PORT: number;
  readonly IMAP_USER: string;
  /** Password login (MAIL_AUTH=password); OAuth2 hands the client an access token instead. */
  readonly IMAP_PASSWORD?: string | undefined;
  readonly IMAP_TLS: ImapTlsMode;
  readonly IMAP_TLS_CA_FILE?: string | undefined;
}

export interface ImapClientTuning {
  /** Idle time before imapflow enters IDLE by itself (ms). */
  readonly autoIdleDelayMs?: number;
  /** IDLE is broken and restarted this often (ms), which keeps NATs and the server timer happy. */
  readonly maxIdleTimeMs?: number;
  /** Inactivity before the socket is considered dead (ms). */
  readonly socketTimeoutMs?: number;
  /** Budget for DNS + TCP + TLS (ms). */
  readonly connectionTimeoutMs?: number;
}

export function imapTlsOptions(config: ImapConnectionConfig, readFile: (path: string) => Buffer = readFileSync): Pick<ImapFlowOptions, 'secure' | 'doSTARTTLS' | 'tls'> {
  const ca = config.IMAP_TLS_CA_FILE ? readFile(config.IMAP_TLS_CA_FILE) : undefined;
  const tls = { rejectUnauthorized: true, minVersion: 'TLSv1.2' as const, ...(ca ? { ca } : {}) };
  switch (config.IMAP_TLS) {
    case 'off':
      return { secure: false, doSTARTTLS: false };
    case 'starttls':
      return { secure: false, doSTARTTLS: true, tls };
    case 'tls':
      return { secure: true, tls };
  }
}

/** Fields of an imapflow log entry that carry no message content. */
const SAFE_FIELDS = ['cid', 'code', 'errorCode', 'responseStatus', 'command'] as const;

function reduce(entry: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { component: 'imapflow' };
  if (entry === null || typeof entry !== 'object') return out;
  const record = entry as Record<string, unknown>;
  for (const key of SAFE_FIELDS) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  const err = record['err'];
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    out['errCode'] = typeof e['code'] === 'string' ? e['code'] : typeof e['name'] === 'string' ? e['name'] : 'error';
  }
  return out;
}

/** imapflow → pino, warnings and errors only, stripped to codes (never `msg`, which may quote the server). */
export function imapLoggerBridge(logger: Logger | false): ImapLogger | false {
  if (logger === false) return false;
  const noop = (): void => undefined;
  return {
    trace: noop,
    debug: noop,
    info: noop,
    warn: (entry: unknown) => logger.warn(reduce(entry), 'imap client warning'),
    error: (entry: unknown) => logger.error(reduce(entry), 'imap client error'),
    fatal: (entry: unknown) => logger.error(reduce(entry), 'imap client error'),
  };
}

/**
 * What an imapflow failure tells about the login, for classifyImapFailure: the flags and codes
 * imapflow sets on a refused LOGIN/AUTHENTICATE, and the text of a BYE that ended the session.
 */
export function imapFailureFacts(err: unknown, client?: ImapFlow): ImapFailureFacts {
  const e = (err && typeof err === 'object' ? err : {}) as Record<string, unknown>;
  const oauth = e['oauthError'] as Record<string, unknown> | undefined;
  // imapflow keeps the BYE text on the client (byeReason) and copies it to NoConnection errors.
  const bye = (client as unknown as { byeReason?: unknown } | undefined)?.byeReason ?? e['reason'];
  return {
    authenticationFailed: e['authenticationFailed'] === true,
    serverResponseCode: typeof e['serverResponseCode'] === 'string' ? e['serverResponseCode'] : undefined,
    byeReason: typeof bye === 'string' ? bye : undefined,
    oauthStatus: oauth && typeof oauth === 'object' && oauth['status'] !== undefined ? String(oauth['status']) : undefined,
  };
}

/** A refused login in a few words for logs and /health: the server's code and OAuth status, never a token. */
export function describeImapRefusal(facts: ImapFailureFacts): string {
  const parts = ['IMAP login refused'];
  if (facts.serverResponseCode) parts.push(`[${facts.serverResponseCode}]`);
  if (facts.oauthStatus) parts.push(`OAuth status ${facts.oauthStatus}`);
  if (facts.byeReason) parts.push(`BYE ${facts.byeReason.slice(0, 120)}`);
  return parts.join(' ');
}

export interface ImapClientOptions {
  readonly logger: Logger | false;
  readonly tuning?: ImapClientTuning | undefined;
  /**
   * OAuth2: log in with this token (imapflow picks OAUTHBEARER when the server offers it, else
   * XOAUTH2) instead of IMAP_PASSWORD.
   */
  readonly accessToken?: string | undefined;
}

export function createImapClient(config: ImapConnectionConfig, opts: ImapClientOptions): ImapFlow {
  const tuning = opts.tuning ?? {};
  return new ImapFlow({
    host: config.IMAP_HOST,
    port: config.IMAP_PORT,
    ...imapTlsOptions(config),
    auth: opts.accessToken !== undefined ? { user: config.IMAP_USER, accessToken: opts.accessToken } : { user: config.IMAP_USER, pass: config.IMAP_PASSWORD ?? '' },
    logger: imapLoggerBridge(opts.logger),
    clientInfo: { name: 'vob-intake' },
    autoIdleDelay: tuning.autoIdleDelayMs ?? 150,
    maxIdleTime: tuning.maxIdleTimeMs ?? 4 * 60_000,
    socketTimeout: tuning.socketTimeoutMs ?? 5 * 60_000,
    connectionTimeout: tuning.connectionTimeoutMs ?? 30_000,
    greetingTimeout: 16_000,
  });
}
