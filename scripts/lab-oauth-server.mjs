// The lab's OAuth2 server (oidc-provider), started by scripts/services.sh on 127.0.0.1:$OAUTH_PORT
// over HTTPS with the lab certificate. It stands in for Entra ID / Google for the mailbox logins:
//   - client credentials: every mailbox address at a .test domain is also a client, secret "test"
//     (the lab's password rule), and its tokens carry `email` = that address, which Dovecot's
//     oauth2 passdb compares with the login name (username_attribute = email);
//   - opaque access tokens, RFC 7662 introspection for Dovecot (client "dovecot");
//   - a control route for tests: POST /lab/clients/<address> {"refuse": bool, "ttlSeconds": n,
//     "revoke": true} makes the issuer refuse the client, shorten its tokens' life, or forget
//     (revoke) every token it holds, so that Dovecot refuses them.
// Usage: node scripts/lab-oauth-server.mjs   (env: OAUTH_PORT, LAB_TLS_CERT, LAB_TLS_KEY,
//        LAB_OAUTH_DOVECOT_SECRET, LAB_OAUTH_PIDFILE)
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import Provider from 'oidc-provider';

const port = Number(process.env.OAUTH_PORT ?? 9400);
const issuer = `https://127.0.0.1:${port}`;
const dovecotSecret = process.env.LAB_OAUTH_DOVECOT_SECRET ?? 'dovecot-lab';
const SCOPES = ['openid', 'offline_access', 'https://outlook.office365.com/.default', 'https://mail.google.com/'];
const MAILBOX_CLIENT = /^[^@\s]+@(?:[^@\s.]+\.)*[^@\s.]+\.test$/i;

/** Per-client settings from the control route. */
const controls = new Map();
const control = (clientId) => controls.get(clientId.toLowerCase()) ?? {};

/** Memory storage, with the clients made on demand and tokens findable by client for revoke. */
const stores = new Map();
class LabAdapter {
  constructor(name) {
    this.name = name;
    if (!stores.has(name)) stores.set(name, new Map());
    this.store = stores.get(name);
  }
  async upsert(id, payload, expiresIn) {
    this.store.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
  }
  async find(id) {
    if (this.name === 'Client') return mailboxClient(id);
    const hit = this.store.get(id);
    if (!hit || hit.expiresAt <= Date.now()) return undefined;
    return hit.payload;
  }
  async findByUid(uid) {
    for (const { payload } of this.store.values()) if (payload.uid === uid) return payload;
    return undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id) {
    const hit = this.store.get(id);
    if (hit) hit.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id) {
    this.store.delete(id);
  }
  async revokeByGrantId(grantId) {
    for (const [id, { payload }] of this.store) if (payload.grantId === grantId) this.store.delete(id);
  }
}

function mailboxClient(id) {
  if (id === 'dovecot') {
    return { client_id: 'dovecot', client_secret: dovecotSecret, grant_types: [], response_types: [], redirect_uris: [], token_endpoint_auth_method: 'client_secret_basic' };
  }
  if (!MAILBOX_CLIENT.test(id) || control(id).refuse) return undefined;
  return {
    client_id: id,
    client_secret: 'test',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: SCOPES.join(' '),
    token_endpoint_auth_method: 'client_secret_post',
  };
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const provider = new Provider(issuer, {
  adapter: LabAdapter,
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'lab', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: ['vob-lab-cookie-key'] },
  scopes: SCOPES,
  clientAuthMethods: ['client_secret_post', 'client_secret_basic'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
  },
  // The mailbox the token may open: Dovecot's username_attribute.
  extraTokenClaims: async (_ctx, token) => (token.kind === 'ClientCredentials' ? { email: token.clientId.toLowerCase() } : undefined),
  ttl: {
    ClientCredentials: (_ctx, token) => control(token.clientId).ttlSeconds ?? 3600,
  },
});
provider.on('server_error', (_ctx, err) => process.stderr.write(`lab-oauth: server error: ${err.message}\n`));

provider.use(async (ctx, next) => {
  const m = /^\/lab\/clients\/([^/]+)$/.exec(ctx.path);
  if (!m || ctx.method !== 'POST') return next();
  const id = decodeURIComponent(m[1]).toLowerCase();
  let body = '';
  for await (const chunk of ctx.req) body += chunk;
  const change = body ? JSON.parse(body) : {};
  const next_ = { ...control(id) };
  if (typeof change.refuse === 'boolean') next_.refuse = change.refuse;
  if (typeof change.ttlSeconds === 'number') next_.ttlSeconds = change.ttlSeconds;
  if (change.ttlSeconds === null) delete next_.ttlSeconds;
  controls.set(id, next_);
  let revoked = 0;
  if (change.revoke) {
    const tokens = stores.get('ClientCredentials') ?? new Map();
    for (const [tokenId, { payload }] of tokens) {
      if (String(payload.clientId).toLowerCase() === id) {
        tokens.delete(tokenId);
        revoked += 1;
      }
    }
  }
  ctx.status = 200;
  ctx.body = { client: id, ...next_, revoked };
});

const server = createServer({ cert: readFileSync(process.env.LAB_TLS_CERT), key: readFileSync(process.env.LAB_TLS_KEY) }, provider.callback());
server.listen(port, '127.0.0.1', () => {
  if (process.env.LAB_OAUTH_PIDFILE) writeFileSync(process.env.LAB_OAUTH_PIDFILE, `${process.pid}\n`);
  process.stdout.write(`lab-oauth: ${issuer} ready\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
