/** The TokenProvider MAIL_AUTH names (null for password logins). */
import type { Config } from '../../config';
import { commandTokenFetcher } from './command-token-provider';
import { googleRefreshTokenFetcher, googleServiceAccountFetcher } from './google-token-provider';
import { microsoftTokenFetcher, type MicrosoftTokenOptions } from './microsoft-token-provider';
import { cachedTokenProvider, type TokenProvider } from './token-provider';

export type TokenProviderConfig = Pick<
  Config,
  | 'MAIL_AUTH'
  | 'IMAP_USER'
  | 'MS_TENANT_ID'
  | 'MS_CLIENT_ID'
  | 'MS_CLIENT_SECRET'
  | 'MS_CLIENT_CERT_PATH'
  | 'MS_CLIENT_CERT_THUMBPRINT'
  | 'MS_AUTHORITY_URL'
  | 'GOOGLE_SERVICE_ACCOUNT_KEY_FILE'
  | 'GOOGLE_CLIENT_ID'
  | 'GOOGLE_CLIENT_SECRET'
  | 'GOOGLE_REFRESH_TOKEN'
  | 'MAIL_TOKEN_COMMAND'
  | 'MAIL_TOKEN_COMMAND_TIMEOUT_MS'
>;

export interface TokenProviderExtras {
  /** Microsoft: MSAL's HTTP client (tests trust the lab's CA with it). */
  readonly msalNetworkClient?: MicrosoftTokenOptions['networkClient'];
  readonly now?: () => number;
}

/** loadConfig has checked that the variables each mode needs are set. */
export function createTokenProvider(config: TokenProviderConfig, extras: TokenProviderExtras = {}): TokenProvider | null {
  const cache = { ...(extras.now ? { now: extras.now } : {}) };
  switch (config.MAIL_AUTH) {
    case 'password':
      return null;
    case 'oauth2-microsoft':
      return cachedTokenProvider(
        microsoftTokenFetcher({
          tenantId: config.MS_TENANT_ID!,
          clientId: config.MS_CLIENT_ID!,
          clientSecret: config.MS_CLIENT_SECRET,
          certificatePath: config.MS_CLIENT_CERT_PATH,
          certificateThumbprint: config.MS_CLIENT_CERT_THUMBPRINT,
          authorityUrl: config.MS_AUTHORITY_URL,
          ...(extras.msalNetworkClient ? { networkClient: extras.msalNetworkClient } : {}),
        }),
        cache,
      );
    case 'oauth2-google':
      return cachedTokenProvider(
        config.GOOGLE_SERVICE_ACCOUNT_KEY_FILE !== undefined
          ? googleServiceAccountFetcher({ keyFile: config.GOOGLE_SERVICE_ACCOUNT_KEY_FILE, subject: config.IMAP_USER })
          : googleRefreshTokenFetcher({ clientId: config.GOOGLE_CLIENT_ID!, clientSecret: config.GOOGLE_CLIENT_SECRET!, refreshToken: config.GOOGLE_REFRESH_TOKEN! }),
        cache,
      );
    case 'oauth2-token-command':
      return cachedTokenProvider(commandTokenFetcher({ command: config.MAIL_TOKEN_COMMAND!, timeoutMs: config.MAIL_TOKEN_COMMAND_TIMEOUT_MS }), cache);
  }
}
