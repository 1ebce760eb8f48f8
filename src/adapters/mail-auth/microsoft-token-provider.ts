/**
 * MAIL_AUTH=oauth2-microsoft: app-only tokens for Exchange Online (client credentials through
 * @azure/msal-node, scope https://outlook.office365.com/.default), with a client secret or a
 * certificate. The app needs IMAP.AccessAsApp / SMTP.SendAsApp and a service principal with
 * FullAccess on the mailbox (docs/mailbox-setup.md).
 *
 * MS_AUTHORITY_URL points MSAL at another issuer (the lab's OAuth2 server) in OIDC mode, so the
 * tests run this same code path; `networkClient` lets them trust the lab's CA.
 */
import { readFileSync } from 'node:fs';
import { AuthError, ConfidentialClientApplication, ProtocolMode, type Configuration, type INetworkModule } from '@azure/msal-node';
import { MailAuthError, safeReason, type FetchToken } from './token-provider';

export const OUTLOOK_SCOPE = 'https://outlook.office365.com/.default';

export interface MicrosoftTokenOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret?: string | undefined;
  readonly certificatePath?: string | undefined;
  /** 40 hex digits (SHA-1, older tenants) or 64 (SHA-256). */
  readonly certificateThumbprint?: string | undefined;
  readonly authorityUrl?: string | undefined;
  readonly scope?: string;
  readonly networkClient?: INetworkModule;
  readonly readFile?: (path: string) => string;
}

export function msalConfiguration(o: MicrosoftTokenOptions): Configuration {
  const readFile = o.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const authority = o.authorityUrl ?? `https://login.microsoftonline.com/${encodeURIComponent(o.tenantId)}`;
  const custom = o.authorityUrl !== undefined;
  let clientCertificate: NonNullable<Configuration['auth']['clientCertificate']> | undefined;
  if (o.certificatePath !== undefined && o.clientSecret === undefined) {
    const thumbprint = (o.certificateThumbprint ?? '').toLowerCase();
    clientCertificate = {
      privateKey: readFile(o.certificatePath),
      ...(thumbprint.length === 64 ? { thumbprintSha256: thumbprint } : { thumbprint }),
    };
  }
  return {
    auth: {
      clientId: o.clientId,
      authority,
      ...(o.clientSecret !== undefined ? { clientSecret: o.clientSecret } : {}),
      ...(clientCertificate ? { clientCertificate } : {}),
      // Another issuer is trusted only because the configuration names it.
      ...(custom ? { knownAuthorities: [new URL(authority).host] } : {}),
    },
    system: {
      ...(custom ? { protocolMode: ProtocolMode.OIDC } : {}),
      ...(o.networkClient ? { networkClient: o.networkClient } : {}),
      loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
}

export function microsoftTokenFetcher(o: MicrosoftTokenOptions): FetchToken {
  // Built on first use: an unreadable certificate is then a refusal shown on /health, not a crash.
  let app: ConfidentialClientApplication | undefined;
  const scopes = [o.scope ?? OUTLOOK_SCOPE];
  return async (forceRefresh) => {
    let result;
    try {
      app ??= new ConfidentialClientApplication(msalConfiguration(o));
      // MSAL keeps its own cache too; a refused token must not come back from it.
      result = await app.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh });
    } catch (err) {
      throw msalFailure(err);
    }
    if (!result?.accessToken) throw new MailAuthError('token-refused', 'Microsoft identity platform returned no access token');
    return { accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 3_600_000 };
  };
}

/** MSAL's error as a refusal with the AADSTS reason (no secret or token is in it). */
function msalFailure(err: unknown): MailAuthError {
  if (err instanceof AuthError) {
    const network = /network|endpoints_resolution|openid_config|unexpected_error/i.test(err.errorCode);
    const firstLine = (err.errorMessage || '').split(/\r?\n/)[0] ?? '';
    return new MailAuthError(network ? 'token-unavailable' : 'token-refused', safeReason(`${err.errorCode}${firstLine ? `: ${firstLine}` : ''}`));
  }
  return new MailAuthError('token-unavailable', safeReason(err instanceof Error ? err.message : String(err)));
}
