import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commandTokenFetcher } from '../../../src/adapters/mail-auth/command-token-provider';
import { GMAIL_SCOPE, googleRefreshTokenFetcher, googleServiceAccountFetcher, serviceAccountClient } from '../../../src/adapters/mail-auth/google-token-provider';
import { msalConfiguration, OUTLOOK_SCOPE } from '../../../src/adapters/mail-auth/microsoft-token-provider';
import { MailAuthError } from '../../../src/adapters/mail-auth/token-provider';

describe('the token command (a real /bin/sh)', () => {
  const run = (command: string, force = false, timeoutMs = 5_000) => commandTokenFetcher({ command, timeoutMs, now: () => 0 })(force);

  it('a printed token, or JSON with its lifetime', async () => {
    expect(await run('echo tok-123')).toEqual({ accessToken: 'tok-123', expiresAt: 300_000 });
    expect(await run(`printf '{"access_token":"j.w.t","expires_in":60}'`)).toEqual({ accessToken: 'j.w.t', expiresAt: 60_000 });
  });

  it('tells the command when the last token was refused', async () => {
    expect((await run('echo "forced$VOB_TOKEN_FORCE_REFRESH"', true)).accessToken).toBe('forced1');
    expect((await run('echo "forced$VOB_TOKEN_FORCE_REFRESH"', false)).accessToken).toBe('forced0');
  });

  it("a failing command is a refusal with its exit code and stderr's first line", async () => {
    const err = await run('echo "AADSTS7000215: Invalid client secret" >&2; exit 3').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailAuthError);
    expect((err as MailAuthError).code).toBe('token-refused');
    expect((err as MailAuthError).reason).toBe('token command exited 3: AADSTS7000215: Invalid client secret');
  });

  it('a hanging command times out as unavailable', async () => {
    const err = await run('sleep 5', false, 200).catch((e: unknown) => e);
    expect((err as MailAuthError).code).toBe('token-unavailable');
    expect((err as MailAuthError).reason).toMatch(/timed out after 200 ms/);
  });

  it('output that is no token is refused without echoing it', async () => {
    const err = await run('echo "secret words here"').catch((e: unknown) => e);
    expect((err as MailAuthError).reason).not.toMatch(/secret/);
  });
});

describe('Google', () => {
  let server: Server;
  let tokenUrl: string;
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  const requests: URLSearchParams[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        requests.push(new URLSearchParams(body));
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('an installed app exchanges its refresh token at the token endpoint', async () => {
    answer = { status: 200, body: { access_token: 'ya29.fresh', expires_in: 3599, token_type: 'Bearer' } };
    const fetch = googleRefreshTokenFetcher({ clientId: 'cid', clientSecret: 'csecret', refreshToken: 'rt-1', tokenUrl });
    const before = Date.now();
    const token = await fetch(false);
    expect(token.accessToken).toBe('ya29.fresh');
    expect(token.expiresAt).toBeGreaterThanOrEqual(before + 3_598_000);
    const sent = requests.at(-1)!;
    expect(sent.get('grant_type')).toBe('refresh_token');
    expect(sent.get('refresh_token')).toBe('rt-1');
    expect(sent.get('client_id')).toBe('cid');
    // The next call asks again (our cache, not the library's, decides when).
    await fetch(true);
    expect(requests.length).toBeGreaterThanOrEqual(2);
  });

  it("a revoked grant is a refusal with Google's reason", async () => {
    answer = { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    const err = await googleRefreshTokenFetcher({ clientId: 'cid', clientSecret: 's', refreshToken: 'rt', tokenUrl })(false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailAuthError);
    expect((err as MailAuthError).reason).toBe('invalid_grant: Token has been expired or revoked.');
  });

  it('a service account acts as the mailbox with the Gmail scope (domain-wide delegation)', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = JSON.stringify({ type: 'service_account', client_email: 'vob@proj.iam.gserviceaccount.com', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }), private_key_id: 'kid1' });
    const jwt = serviceAccountClient({ keyFile: '/sa.json', subject: 'verification@office.example', readFile: () => key });
    expect(jwt.email).toBe('vob@proj.iam.gserviceaccount.com');
    expect(jwt.subject).toBe('verification@office.example');
    expect(jwt.scopes).toEqual([GMAIL_SCOPE]);
    expect(jwt.keyId).toBe('kid1');
  });

  it('the JWT it signs: issuer the service account, subject the mailbox, the Gmail scope, RS256 with its key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = JSON.stringify({ type: 'service_account', client_email: 'vob@proj.iam.gserviceaccount.com', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }), private_key_id: 'kid1' });
    const posted: Array<{ url: string; body: URLSearchParams }> = [];
    // Google's token endpoint, answered here: the assertion is what Google would verify.
    const fakeGoogle = (async (url: string | URL | Request, init?: RequestInit) => {
      posted.push({ url: String(url), body: new URLSearchParams(String(init?.body)) });
      return new Response(JSON.stringify({ access_token: 'ya29.sa-token', expires_in: 3599, token_type: 'Bearer' }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const fetchToken = googleServiceAccountFetcher({ keyFile: '/sa.json', subject: 'verification@office.example', readFile: () => key, fetchImplementation: fakeGoogle });
    expect((await fetchToken(false)).accessToken).toBe('ya29.sa-token');

    expect(posted).toHaveLength(1);
    expect(posted[0]!.url).toBe('https://oauth2.googleapis.com/token');
    expect(posted[0]!.body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header, payload, signature] = posted[0]!.body.get('assertion')!.split('.');
    const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;
    expect(json(header!)).toMatchObject({ alg: 'RS256' });
    const claims = json(payload!);
    expect(claims).toMatchObject({ iss: 'vob@proj.iam.gserviceaccount.com', sub: 'verification@office.example', scope: GMAIL_SCOPE, aud: 'https://oauth2.googleapis.com/token' });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);
    const { createVerify } = await import('node:crypto');
    expect(createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
  });

  it('an unreadable key is a refusal on first use, not a crash at start', async () => {
    const fetch = googleServiceAccountFetcher({ keyFile: '/nonexistent/sa.json', subject: 'v@x.example' });
    const err = await fetch(false).catch((e: unknown) => e);
    expect((err as MailAuthError).reason).toMatch(/GOOGLE_SERVICE_ACCOUNT_KEY_FILE/);
  });
});

describe('Microsoft (MSAL configuration)', () => {
  it("the tenant's authority by default, a secret", () => {
    const c = msalConfiguration({ tenantId: 'contoso.onmicrosoft.com', clientId: 'app', clientSecret: 's' });
    expect(c.auth.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(c.auth.clientSecret).toBe('s');
    expect(c.auth.knownAuthorities).toBeUndefined();
    expect(c.system?.protocolMode).toBeUndefined();
    expect(OUTLOOK_SCOPE).toBe('https://outlook.office365.com/.default');
  });

  it('a certificate by SHA-256 or SHA-1 thumbprint', () => {
    const sha256 = msalConfiguration({ tenantId: 't', clientId: 'app', certificatePath: '/k.pem', certificateThumbprint: 'AB'.repeat(32), readFile: () => 'PEM' });
    expect(sha256.auth.clientCertificate).toEqual({ privateKey: 'PEM', thumbprintSha256: 'ab'.repeat(32) });
    const sha1 = msalConfiguration({ tenantId: 't', clientId: 'app', certificatePath: '/k.pem', certificateThumbprint: 'cd'.repeat(20), readFile: () => 'PEM' });
    expect(sha1.auth.clientCertificate).toEqual({ privateKey: 'PEM', thumbprint: 'cd'.repeat(20) });
  });

  it('another issuer (the lab) in OIDC mode, trusted by name', () => {
    const c = msalConfiguration({ tenantId: 't', clientId: 'app', clientSecret: 's', authorityUrl: 'https://127.0.0.1:9400' });
    expect(c.auth.knownAuthorities).toEqual(['127.0.0.1:9400']);
    expect(c.system?.protocolMode).toBe('OIDC');
  });
});
