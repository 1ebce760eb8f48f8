/**
 * Integration-test helpers against the real lab (scripts/services.sh): a database of its own
 * per test file, a queue prefix of its own, a silent service, and mailbox reads over IMAP.
 */
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { Client, type Pool } from 'pg';
import pino from 'pino';
import { loadConfig, ownDomain, type Config } from '../../../src/config';
import { createExtractionPool, type ExtractionPool } from '../../../src/adapters/extraction/extraction-pool';
import { processExtraction, type ProcessExtraction } from '../../../src/use-cases/process-extraction';
import { startVobService, type VobService, type VobServiceOptions } from '../../../src/service/vob-service';
import type { Role } from '../../../src/domain/staff-auth';
import { CLI_ACTOR } from '../../../src/use-cases/staff-accounts';

export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://vob:vob@127.0.0.1:5432/vob';

export function randomTag(): string {
  return randomBytes(5).toString('hex');
}

/**
 * A sender at a domain of its own: the same client+DOB from the same center is an answer to
 * its open request, so tests that should open new requests must not share a center.
 */
export function newCenter(): string {
  return `intake@c${randomTag()}.test`;
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `vob_test_${randomTag()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropTestDatabase(name),
  };
}

/**
 * DROP ... WITH (FORCE) is refused while an autovacuum worker (a superuser process the vob
 * role may not terminate) happens to be in the database: retry briefly, then leave it rather
 * than fail a suite whose tests all passed.
 */
async function dropTestDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const c = new Client({ connectionString: ADMIN_URL });
    try {
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if (attempt >= 10) {
        process.stderr.write(`test database ${name} left behind: ${(err as Error).message}\n`);
        return;
      }
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await c.end().catch(() => undefined);
    }
  }
}

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `vobtest-${randomTag()}`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    EXTRACT_CONCURRENCY: '2',
    RECONCILE_INTERVAL_MS: '3600000',
    SESSION_SECRET: randomBytes(32).toString('base64'),
    // A Redis of one's own (REDIS_URL) beside a Postgres of one's own (DATABASE_URL); else the lab's.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  });
}

export async function startTestService(config: Config, options: Partial<VobServiceOptions> = {}): Promise<VobService> {
  return startVobService({ config, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), poller: false, ...options });
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface MailboxMessage {
  uid: number;
  source: string;
  headers: Record<string, string>;
}

function headerMap(source: string): Record<string, string> {
  const head = source.split(/\r?\n\r?\n/)[0] ?? '';
  const out: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  return out;
}

/** Every message in a lab mailbox (any *.test address logs in with password `test`). */
export async function readMailbox(address: string, mailbox = 'INBOX'): Promise<MailboxMessage[]> {
  const client = new ImapFlow({ host: '127.0.0.1', port: 1143, secure: false, doSTARTTLS: false, auth: { user: address, pass: 'test' }, logger: false });
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const out: MailboxMessage[] = [];
      const status = client.mailbox;
      if (status && typeof status === 'object' && status.exists === 0) return out;
      for await (const msg of client.fetch('1:*', { uid: true, source: true })) {
        const source = msg.source?.toString('utf8') ?? '';
        out.push({ uid: msg.uid, source, headers: headerMap(source) });
      }
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
}

export interface RequestMailOptions {
  from: string;
  messageId: string;
  subject?: string;
  body: string;
  headers?: Record<string, string>;
}

export function requestMail(o: RequestMailOptions): Buffer {
  const extra = Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return Buffer.from(
    `From: Intake Team <${o.from}>\r\nTo: verification@vob.test\r\nSubject: ${o.subject ?? 'VOB request'}\r\n` +
      `Message-ID: ${o.messageId}\r\nDate: Mon, 05 Jan 2026 10:00:00 +0000\r\n${extra}` +
      `MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${o.body.replace(/\r?\n/g, '\r\n')}`,
  );
}

/** A request lacking the client's address (and the card): the reply asks for the address. */
export const INCOMPLETE_BODY = `Hello, please verify benefits for:

Client Name: Jane Q Doe
Date of birth: 01/02/1990
Insurance Name: Aetna
ID #: W123456789
Insurance Phone Number: 800-555-1234
Subscriber Name: Jane Q Doe
Subscriber Relationship: Self
Referred By: Sunrise Recovery Center

Thanks
`;

export const TEST_PASSWORD = 'a long test password 1';

/** A new staff account on the running service (its e-mail is unique to the call). */
export async function addStaff(service: VobService, role: Role, email = `${role}-${randomTag()}@staff.test`, password = TEST_PASSWORD): Promise<{ id: string; email: string }> {
  const user = await service.accounts!.addUser({ email, role, password }, CLI_ACTOR, null);
  return { id: user.id, email: user.email };
}

/**
 * A signed-in browser-like client: the session cookie on every request, the CSRF token on every
 * state change (unless `csrf: false`), redirects not followed.
 */
export interface StaffClient {
  email: string;
  userId: string;
  cookie: string;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, body?: Record<string, string>, opts?: { csrf?: boolean; headers?: Record<string, string> }): Promise<Response>;
  api(method: string, path: string, body?: unknown, opts?: { csrf?: boolean }): Promise<Response>;
}

export async function signIn(service: VobService, email: string, password = TEST_PASSWORD): Promise<StaffClient> {
  const res = await fetch(`${service.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}`);
  const { user, csrfToken } = (await res.json()) as { user: { id: string }; csrfToken: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vob_session='))!.split(';')[0]!;
  const client: StaffClient = {
    email,
    userId: user.id,
    cookie,
    csrf: csrfToken,
    get: (path, headers = {}) => fetch(`${service.url}${path}`, { headers: { cookie, ...headers }, redirect: 'manual' }),
    post: (path, body = {}, opts = {}) =>
      fetch(`${service.url}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
        body: new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: csrfToken }), ...body }).toString(),
      }),
    api: (method, path, body, opts = {}) =>
      fetch(`${service.url}${path}`, {
        method,
        redirect: 'manual',
        headers: { cookie, ...(opts.csrf === false ? {} : { 'x-csrf-token': csrfToken }), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
  };
  return client;
}

/** A staff member of `role`, signed in. */
export async function newSignedIn(service: VobService, role: Role): Promise<StaffClient> {
  const { email } = await addStaff(service, role);
  return signIn(service, email);
}

/** A complete request (the address given; no card): ready, with a verify-benefits task. */
export const COMPLETE_BODY = INCOMPLETE_BODY.replace('Insurance Name:', 'Address: 12 Main St, Fresno, CA 93701\nInsurance Name:');

/** A complete request from a center of its own; its id once stored. */
export async function storeCompleteRequest(service: VobService, name = 'Jane Q Doe'): Promise<string> {
  const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: Number.parseInt(randomTag().slice(0, 6), 16), raw: requestMail({ from: newCenter(), messageId: `<v-${randomTag()}@x.test>`, body: COMPLETE_BODY.replace(/Jane Q Doe/g, name) }) });
  return waitFor(async () => {
    const { rows } = await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id]);
    return rows[0]?.id ?? null;
  }, { timeoutMs: 60_000, what: 'the request' });
}

/**
 * The extract use case run by the test itself (no workers), on `db` (a pool the test may
 * instrument), with one extraction thread; close the extractor after the suite.
 */
export function extractionHarness(service: VobService, db: Pool): { extractor: ExtractionPool; extract: ProcessExtraction } {
  const { config } = service;
  const extractor = createExtractionPool({
    size: 1,
    timeoutMs: 30_000,
    replyPolicy: { ownAddresses: [config.SMTP_FROM.toLowerCase()], allowedSenderDomains: [] },
  });
  const extract = processExtraction({
    db,
    cipher: service.cipher,
    extractor,
    queue: service.queue,
    ownDomain: ownDomain(config),
    reminderAfterHours: 24,
    logger: pino({ level: 'silent' }),
  });
  return { extractor, extract };
}
