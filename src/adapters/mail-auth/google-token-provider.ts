/**
 * MAIL_AUTH=oauth2-google (google-auth-library): a service account with domain-wide delegation
 * signs a JWT whose subject is the mailbox (scope https://mail.google.com/), or an installed
 * app's refresh token is exchanged. Either way the token lasts an hour.
 */
import { readFileSync } from 'node:fs';
import { JWT, OAuth2Client } from 'google-auth-library';
import { MailAuthError, safeReason, type FetchToken } from './token-provider';

export const GMAIL_SCOPE = 'https://mail.google.com/';

/** Node's own fetch: gaxios would otherwise load node-fetch with a dynamic import(). */
const NODE_FETCH = { fetchImplementation: globalThis.fetch };

export interface GoogleServiceAccountOptions {
  /** The JSON key file downloaded for the service account. */
  readonly keyFile: string;
  /** The mailbox the service account acts as (domain-wide delegation). */
  readonly subject: string;
  readonly readFile?: (path: string) => string;
  /** The HTTP client that reaches Google's token endpoint (tests answer it themselves). */
  readonly fetchImplementation?: typeof fetch;
}

export interface GoogleRefreshTokenOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  /** Another token endpoint than Google's (tests). */
  readonly tokenUrl?: string;
}

/** The JWT client of a service account key, acting as `subject`. */
export function serviceAccountClient(o: GoogleServiceAccountOptions): JWT {
  const readFile = o.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  let key: { client_email?: unknown; private_key?: unknown; private_key_id?: unknown };
  try {
    key = JSON.parse(readFile(o.keyFile));
  } catch {
    throw new MailAuthError('token-refused', 'GOOGLE_SERVICE_ACCOUNT_KEY_FILE is not a readable service account JSON key');
  }
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    throw new MailAuthError('token-refused', 'the service account key has no client_email/private_key');
  }
  return new JWT({
    email: key.client_email,
    key: key.private_key,
    ...(typeof key.private_key_id === 'string' ? { keyId: key.private_key_id } : {}),
    scopes: [GMAIL_SCOPE],
    subject: o.subject,
    transporterOptions: o.fetchImplementation ? { fetchImplementation: o.fetchImplementation } : NODE_FETCH,
  });
}

export function googleServiceAccountFetcher(o: GoogleServiceAccountOptions): FetchToken {
  // Built on first use: an unreadable key is then a refusal shown on /health, not a crash.
  let client: JWT | undefined;
  return async () => {
    try {
      client ??= serviceAccountClient(o);
      // authorize() always asks for a new token: our cache decides when.
      const credentials = await client.authorize();
      return toToken(credentials.access_token, credentials.expiry_date);
    } catch (err) {
      throw googleFailure(err);
    }
  };
}

export function googleRefreshTokenFetcher(o: GoogleRefreshTokenOptions): FetchToken {
  const client = new OAuth2Client({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    transporterOptions: NODE_FETCH,
    ...(o.tokenUrl ? { endpoints: { oauth2TokenUrl: o.tokenUrl } } : {}),
  });
  return async () => {
    // Only the refresh token is kept, so each call exchanges it for a new access token.
    client.setCredentials({ refresh_token: o.refreshToken });
    try {
      const { token } = await client.getAccessToken();
      return toToken(token, client.credentials.expiry_date);
    } catch (err) {
      throw googleFailure(err);
    }
  };
}

function toToken(accessToken: string | null | undefined, expiryDate: number | null | undefined) {
  if (!accessToken) throw new MailAuthError('token-refused', 'Google returned no access token');
  return { accessToken, expiresAt: expiryDate ?? Date.now() + 3_600_000 };
}

/** Google's error ("invalid_grant: ...", "unauthorized_client: ...") as a refusal. */
function googleFailure(err: unknown): MailAuthError {
  if (err instanceof MailAuthError) return err;
  const e = err as { response?: { status?: number; data?: { error?: unknown; error_description?: unknown } }; code?: unknown; message?: unknown };
  const data = e?.response?.data;
  if (data && typeof data.error === 'string') {
    const description = typeof data.error_description === 'string' ? `: ${data.error_description}` : '';
    return new MailAuthError('token-refused', safeReason(`${data.error}${description}`));
  }
  return new MailAuthError('token-unavailable', safeReason(typeof e?.code === 'string' ? e.code : typeof e?.message === 'string' ? e.message : 'token request failed'));
}
