/**
 * The port every OAuth2 login of the mailbox goes through (IMAP XOAUTH2/OAUTHBEARER, SMTP
 * XOAUTH2): one implementation per provider fetches a token, and `cachedTokenProvider` keeps it
 * until shortly before it expires, with one refresh shared by every caller waiting for it.
 */
import { needsRefresh, type AccessToken, type CachedToken } from '../../domain/mail-auth';

export type { AccessToken } from '../../domain/mail-auth';

export interface TokenProvider {
  /** A token to log in with; `forceRefresh` after the server refused (or ended a session over) the last one. */
  getToken(forceRefresh?: boolean): Promise<AccessToken>;
}

/** What a provider's token endpoint (or the token command) answered instead of a token. */
export class MailAuthError extends Error {
  override readonly name = 'MailAuthError';
  constructor(
    /** 'token-refused': the provider said no (bad secret, no consent, revoked grant); 'token-unavailable': it could not be asked. */
    readonly code: 'token-refused' | 'token-unavailable',
    /** The provider's own reason (error code and description): safe to log, never a token or secret. */
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

/** A provider's raw fetch: asked only when the cache has nothing usable. */
export type FetchToken = (forceRefresh: boolean) => Promise<AccessToken>;

export interface TokenCacheOptions {
  /** Epoch ms; injectable so tests move time. */
  readonly now?: () => number;
  /** Renew at most this long before expiry (see refreshAt). */
  readonly refreshMarginMs?: number;
}

export function cachedTokenProvider(fetchToken: FetchToken, options: TokenCacheOptions = {}): TokenProvider {
  const now = options.now ?? Date.now;
  let cached: CachedToken | undefined;
  let inFlight: Promise<AccessToken> | undefined;
  return {
    getToken(forceRefresh = false) {
      if (forceRefresh) cached = undefined;
      if (!needsRefresh(cached, now(), options.refreshMarginMs)) return Promise.resolve(cached!);
      // Concurrent callers (SMTP connections, a reconnecting poller) share one request.
      inFlight ??= (async () => {
        try {
          const obtainedAt = now();
          const token = await fetchToken(forceRefresh);
          cached = { ...token, obtainedAt };
          return token;
        } finally {
          inFlight = undefined;
        }
      })();
      return inFlight;
    },
  };
}

/** A short, single-line reason for logs and /health: at most 300 characters, tokens cut out. */
export function safeReason(text: string): string {
  return text
    .replace(/\b(?:eyJ[\w-]+\.[\w-]+\.[\w-]*|ya29\.[\w.-]+)/g, '[token]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
