/**
 * The lab's OAuth2 server (scripts/lab-oauth-server.mjs) seen from the tests: its issuer, its
 * control route, an HTTP client for MSAL that trusts the lab CA, and the real Microsoft token
 * provider pointed at it. Ports come from the environment as the lab script reads them
 * (OAUTH_PORT, IMAP_PORT, SMTP_PORT), so a lab of one's own on other ports is used as is.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { createTokenProvider } from '../../../src/adapters/mail-auth/create-token-provider';
import type { AccessToken, TokenProvider } from '../../../src/adapters/mail-auth/token-provider';
import { loadConfig } from '../../../src/config';

export const OAUTH_PORT = Number(process.env.OAUTH_PORT ?? 9400);
export const ISSUER = `https://127.0.0.1:${OAUTH_PORT}`;
export const IMAP_PORT = Number(process.env.IMAP_PORT ?? 1143);
export const SMTP_PORT = Number(process.env.SMTP_PORT ?? 2525);
export const LAB_CA_FILE = `${__dirname}/../../../.lab/tls/cert.pem`;
const labCa = (): Buffer => readFileSync(LAB_CA_FILE);

function send(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca: labCa(), timeout: 10_000 }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])), text }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** MSAL's HTTP client, trusting the lab CA (production uses MSAL's own). */
export const labNetworkClient: INetworkModule = {
  async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const r = await send('GET', url, options?.headers);
    return { status: r.status, headers: r.headers, body: JSON.parse(r.text || '{}') as T };
  },
  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const r = await send('POST', url, options?.headers, options?.body);
    return { status: r.status, headers: r.headers, body: JSON.parse(r.text || '{}') as T };
  },
};

/** Refuse a client, change its tokens' lifetime, or revoke every token it holds. */
export async function labOAuthControl(client: string, change: { refuse?: boolean; ttlSeconds?: number | null; revoke?: boolean }): Promise<void> {
  const r = await send('POST', `${ISSUER}/lab/clients/${encodeURIComponent(client)}`, { 'content-type': 'application/json' }, JSON.stringify(change));
  if (r.status !== 200) throw new Error(`lab OAuth2 control answered ${r.status}`);
}

/** The lab's env for MAIL_AUTH=oauth2-microsoft on a mailbox (its own client in the lab). */
export function microsoftLabEnv(mailbox: string): Record<string, string> {
  return {
    MAIL_AUTH: 'oauth2-microsoft',
    IMAP_USER: mailbox,
    MS_TENANT_ID: 'lab',
    MS_CLIENT_ID: mailbox,
    MS_CLIENT_SECRET: 'test',
    MS_AUTHORITY_URL: ISSUER,
    IMAP_HOST: '127.0.0.1',
    IMAP_PORT: String(IMAP_PORT),
    IMAP_TLS: 'starttls',
    IMAP_TLS_CA_FILE: LAB_CA_FILE,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(SMTP_PORT),
    SMTP_FROM: mailbox,
  };
}

/** The real Microsoft provider (MSAL, OIDC mode) against the lab, with its fetches counted. */
export function labMicrosoftTokens(mailbox: string): TokenProvider & { fetches: boolean[] } {
  const provider = createTokenProvider(loadConfig(microsoftLabEnv(mailbox)), { msalNetworkClient: labNetworkClient })!;
  const fetches: boolean[] = [];
  return {
    fetches,
    async getToken(force = false): Promise<AccessToken> {
      fetches.push(force);
      return provider.getToken(force);
    },
  };
}
