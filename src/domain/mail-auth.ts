/**
 * Pure decisions of OAuth2 mailbox logins: when a cached access token is due for renewal, what a
 * token command printed, and what an IMAP failure says about the token. No I/O here; the token
 * providers (src/adapters/mail-auth) and the poller do what these name.
 */

export interface AccessToken {
  readonly accessToken: string;
  /** Epoch ms after which the provider no longer accepts the token. */
  readonly expiresAt: number;
}

/** A token kept by the cache, with when it was obtained (its lifetime decides the margin). */
export interface CachedToken extends AccessToken {
  readonly obtainedAt: number;
}

/** Renew this long before expiry at most (a quarter of a short token's lifetime otherwise). */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The moment a cached token should be replaced: `margin` before it expires, but never more than
 * a quarter of its lifetime early, so a 60-second lab token is still used for 45 seconds.
 */
export function refreshAt(token: CachedToken, marginMs: number = DEFAULT_REFRESH_MARGIN_MS): number {
  const lifetime = Math.max(0, token.expiresAt - token.obtainedAt);
  return token.expiresAt - Math.min(marginMs, lifetime / 4);
}

export function needsRefresh(token: CachedToken | undefined, now: number, marginMs?: number): boolean {
  return token === undefined || now >= refreshAt(token, marginMs);
}

/** A plain token printed by a command carries no lifetime: it is used this long. */
export const PLAIN_TOKEN_LIFETIME_MS = 5 * 60_000;

export type TokenOutputResult = { ok: true; token: AccessToken } | { ok: false; reason: string };

/**
 * A token command's stdout: one access token (trimmed), or JSON {access_token, expires_in?
 * (seconds), expires_at? (epoch seconds)} as `az account get-access-token`-like tools print.
 * The reason for a refusal never quotes the output (it may hold a token).
 */
export function parseTokenOutput(stdout: string, now: number): TokenOutputResult {
  const text = stdout.trim();
  if (text === '') return { ok: false, reason: 'the command printed nothing' };
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'the command printed JSON that does not parse' };
    }
    const o = json as Record<string, unknown>;
    const token = o['access_token'] ?? o['accessToken'];
    if (typeof token !== 'string' || !isBearerToken(token)) return { ok: false, reason: 'the JSON has no access_token string' };
    const expiresIn = Number(o['expires_in'] ?? o['expiresIn']);
    const expiresAtSeconds = Number(o['expires_at'] ?? o['expiresAt']);
    const expiresAt = Number.isFinite(expiresIn) && expiresIn > 0
      ? now + expiresIn * 1000
      : Number.isFinite(expiresAtSeconds) && expiresAtSeconds > 0
        ? expiresAtSeconds * 1000
        : now + PLAIN_TOKEN_LIFETIME_MS;
    return { ok: true, token: { accessToken: token, expiresAt } };
  }
  if (text.includes('\n') || !isBearerToken(text)) return { ok: false, reason: 'the command printed more than one token (expected one line, or JSON)' };
  return { ok: true, token: { accessToken: text, expiresAt: now + PLAIN_TOKEN_LIFETIME_MS } };
}

/** RFC 6750 b64token characters: what can follow "Bearer " in a SASL payload. */
function isBearerToken(value: string): boolean {
  return /^[A-Za-z0-9\-._~+/]+=*$/.test(value);
}

/**
 * What an IMAP failure says about the login:
 * - 'token-expired': the server ended a session because the token ran out (Microsoft 365 sends
 *   `* BYE ... AccessTokenExpired`; others say "token expired"): get a new token, reconnect now.
 * - 'auth-refused': the login was refused (tagged NO, AUTHENTICATIONFAILED, an OAuth error
 *   payload): the token, or the grant behind it, is not accepted; a fresh one may be.
 * - null: not about credentials (network, server trouble): reconnect as usual.
 */
export type ImapAuthVerdict = 'token-expired' | 'auth-refused' | null;

export interface ImapFailureFacts {
  /** imapflow: true when a tagged NO/BAD answered LOGIN or AUTHENTICATE. */
  readonly authenticationFailed?: boolean | undefined;
  /** The response code in brackets, e.g. AUTHENTICATIONFAILED. */
  readonly serverResponseCode?: string | undefined;
  /** The text of a BYE that ended the session. */
  readonly byeReason?: string | undefined;
  /** imapflow: the decoded OAuth error payload of a refused AUTHENTICATE. */
  readonly oauthStatus?: string | undefined;
}

const EXPIRED = /AccessTokenExpired|token (?:has )?expired|expired (?:access )?token/i;

export function classifyImapFailure(facts: ImapFailureFacts): ImapAuthVerdict {
  if (facts.byeReason !== undefined && EXPIRED.test(facts.byeReason)) return 'token-expired';
  if (facts.authenticationFailed) return 'auth-refused';
  const code = facts.serverResponseCode?.toUpperCase();
  if (code === 'AUTHENTICATIONFAILED' || code === 'AUTHORIZATIONFAILED' || code === 'EXPIRED') return 'auth-refused';
  if (facts.oauthStatus !== undefined) return 'auth-refused';
  return null;
}
