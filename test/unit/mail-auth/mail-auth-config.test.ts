import { ConfigError, loadConfig } from '../../../src/config';

function variableOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.variable;
    throw err;
  }
  return '(none)';
}

describe('MAIL_AUTH in the configuration', () => {
  it('defaults to password logins against the lab, as before', () => {
    const c = loadConfig({});
    expect(c.MAIL_AUTH).toBe('password');
    expect(c).toMatchObject({ IMAP_HOST: '127.0.0.1', IMAP_PORT: 1143, IMAP_TLS: 'off', IMAP_PASSWORD: 'test', SMTP_HOST: '127.0.0.1', SMTP_PORT: 2525 });
  });

  it('names an unknown mode', () => {
    expect(() => loadConfig({ MAIL_AUTH: 'kerberos' })).toThrow(/MAIL_AUTH/);
  });

  it('Microsoft 365: tenant, client and a secret or certificate; Exchange Online hosts by default', () => {
    const base = { MAIL_AUTH: 'oauth2-microsoft', IMAP_USER: 'verification@office.example' };
    expect(variableOf(base)).toBe('MS_TENANT_ID');
    expect(variableOf({ ...base, MS_TENANT_ID: 't' })).toBe('MS_CLIENT_ID');
    expect(variableOf({ ...base, MS_TENANT_ID: 't', MS_CLIENT_ID: 'c' })).toBe('MS_CLIENT_SECRET');
    expect(variableOf({ ...base, MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_CERT_PATH: '/k.pem' })).toBe('MS_CLIENT_CERT_THUMBPRINT');
    expect(variableOf({ ...base, MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_CERT_PATH: '/k.pem', MS_CLIENT_CERT_THUMBPRINT: 'xyz' })).toBe('MS_CLIENT_CERT_THUMBPRINT');
    expect(variableOf({ ...base, MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_SECRET: 's', MS_AUTHORITY_URL: 'http://idp' })).toBe('MS_AUTHORITY_URL');
    const c = loadConfig({ ...base, MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_SECRET: 's' });
    expect(c).toMatchObject({ IMAP_HOST: 'outlook.office365.com', IMAP_PORT: 993, IMAP_TLS: 'tls', SMTP_HOST: 'smtp.office365.com', SMTP_PORT: 587 });
    expect(c.IMAP_PASSWORD).toBeUndefined();
    const cert = loadConfig({ ...base, MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_CERT_PATH: '/k.pem', MS_CLIENT_CERT_THUMBPRINT: 'ab'.repeat(32) });
    expect(cert.MS_CLIENT_CERT_THUMBPRINT).toHaveLength(64);
  });

  it('OAuth2 logs in as the mailbox address', () => {
    const ms = { MAIL_AUTH: 'oauth2-microsoft', MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_SECRET: 's' };
    expect(variableOf({ ...ms, IMAP_USER: 'verification' })).toBe('IMAP_USER');
    expect(variableOf({ ...ms, IMAP_USER: 'v@x.example', SMTP_USER: 'someone' })).toBe('SMTP_USER');
  });

  it('Google: a service account key, or all three of client id, secret and refresh token; Gmail hosts by default', () => {
    const base = { MAIL_AUTH: 'oauth2-google', IMAP_USER: 'verification@office.example' };
    expect(variableOf(base)).toBe('GOOGLE_SERVICE_ACCOUNT_KEY_FILE');
    expect(variableOf({ ...base, GOOGLE_CLIENT_ID: 'id' })).toBe('GOOGLE_CLIENT_SECRET');
    expect(variableOf({ ...base, GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's' })).toBe('GOOGLE_REFRESH_TOKEN');
    expect(loadConfig({ ...base, GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 's', GOOGLE_REFRESH_TOKEN: 'r' }).SMTP_PORT).toBe(465);
    const c = loadConfig({ ...base, GOOGLE_SERVICE_ACCOUNT_KEY_FILE: '/sa.json' });
    expect(c).toMatchObject({ IMAP_HOST: 'imap.gmail.com', IMAP_PORT: 993, IMAP_TLS: 'tls', SMTP_HOST: 'smtp.gmail.com', SMTP_PORT: 465 });
  });

  it('a token command needs the command and the hosts (no provider to default to)', () => {
    const base = { MAIL_AUTH: 'oauth2-token-command', IMAP_USER: 'verification@office.example' };
    expect(variableOf(base)).toBe('IMAP_HOST');
    const hosts = { ...base, IMAP_HOST: 'imap.example', IMAP_PORT: '993', SMTP_HOST: 'smtp.example', SMTP_PORT: '587' };
    expect(variableOf(hosts)).toBe('MAIL_TOKEN_COMMAND');
    const c = loadConfig({ ...hosts, MAIL_TOKEN_COMMAND: 'cat /run/token' });
    // Port 993 means implicit TLS when IMAP_TLS is not given.
    expect(c.IMAP_TLS).toBe('tls');
    expect(c.MAIL_TOKEN_COMMAND_TIMEOUT_MS).toBe(30_000);
  });

  it('explicit hosts win over the provider defaults', () => {
    const c = loadConfig({ MAIL_AUTH: 'oauth2-microsoft', IMAP_USER: 'v@x.example', MS_TENANT_ID: 't', MS_CLIENT_ID: 'c', MS_CLIENT_SECRET: 's', IMAP_HOST: '127.0.0.1', IMAP_PORT: '11143', IMAP_TLS: 'starttls', SMTP_HOST: '127.0.0.1', SMTP_PORT: '12525' });
    expect(c).toMatchObject({ IMAP_HOST: '127.0.0.1', IMAP_PORT: 11143, IMAP_TLS: 'starttls', SMTP_PORT: 12525 });
  });
});
