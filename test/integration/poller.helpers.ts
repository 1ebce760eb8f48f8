/**
 * Shared set-up of the poller integration tests, against the real lab (scripts/services.sh):
 * a database of its own per test file (migrated with the project's runner), a mailbox of its
 * own per test (any *.test address is one), the real ingest use case over that database, and
 * an IMAP client of the test's own to append messages and look at folders.
 */
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { Pool } from 'pg';
import pino from 'pino';
import { LAB_STORAGE_KEY, decodeKey } from '../../src/config';
import { createPhiCipher } from '../../src/adapters/crypto/phi-cipher';
import { migrate } from '../../src/adapters/db/migrate';
import { startMailboxPoller, type MailboxPoller, type PollerConfig, type PollerOptions } from '../../src/adapters/imap/mailbox-poller';
import type { MessageSink } from '../../src/adapters/imap/message-sink';
import { mailboxKey } from '../../src/domain/mailbox-sync';
import { ingestMessage } from '../../src/use-cases/ingest-message';
import { createTestDatabase as createLabDatabase } from './service/lab';

const IMAP_HOST = process.env.IMAP_HOST ?? '127.0.0.1';
const IMAP_PORT = Number(process.env.IMAP_PORT ?? 1143);

export const rand = (): string => randomBytes(5).toString('hex');

export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A database of its own (see service/lab.ts), with the project's migrations applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createLabDatabase();
  await migrate({ databaseUrl: database.url });
  const pool = new Pool({ connectionString: database.url, max: 10 });
  pool.on('error', () => undefined);
  return {
    url: database.url,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      await database.drop();
    },
  };
}

export const newMailboxUser = (): string => `verification-${rand()}@vob.test`;

export function pollerConfig(user: string, overrides: Partial<PollerConfig> = {}): PollerConfig {
  return {
    IMAP_HOST,
    IMAP_PORT,
    IMAP_USER: user,
    IMAP_PASSWORD: 'test',
    IMAP_TLS: 'starttls',
    IMAP_TLS_CA_FILE: `${__dirname}/../../.lab/tls/cert.pem`,
    IMAP_MAILBOX: 'INBOX',
    MAX_MESSAGE_BYTES: 200_000,
    RECONCILE_INTERVAL_MS: 1_000,
    ...overrides,
  };
}

/** Fast timings for tests: the behaviour is the same, only the waits are shorter. */
export const fastOptions: PollerOptions = {
  lockRetryMs: 300,
  backoff: { baseMs: 100, maxMs: 1_000, factor: 2 },
  chunkSize: 5,
  // Smaller than a typical test's mail: MOVEs happen both mid-range and at the range's end.
  moveBatch: 7,
  imap: { autoIdleDelayMs: 200, connectionTimeoutMs: 10_000 },
};

export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** The real ingest use case over the test database, with the queue handoff recorded. */
export function realIngest(pool: Pool, maxMessageBytes = 200_000) {
  const enqueued: string[] = [];
  const calls: Array<{ uid: number; duplicate: boolean; status: string }> = [];
  const ingest = ingestMessage({
    db: pool,
    cipher: createPhiCipher({ key: decodeKey(LAB_STORAGE_KEY) }),
    queue: { enqueueExtract: async (id: string) => void enqueued.push(id) },
    maxMessageBytes,
  });
  const sink: MessageSink = async (message) => {
    const result = await ingest(message);
    calls.push({ uid: message.uid, duplicate: result.duplicate, status: result.status });
    return result;
  };
  return { sink, enqueued, calls };
}

export function startPoller(args: {
  db: Pool;
  user: string;
  ingest: MessageSink;
  config?: Partial<PollerConfig>;
  options?: PollerOptions;
}): MailboxPoller {
  return startMailboxPoller({
    config: pollerConfig(args.user, args.config),
    db: args.db,
    ingest: args.ingest,
    logger: testLogger,
    options: { ...fastOptions, ...args.options },
  });
}

/** A plain text message with a unique Message-ID (or the given one). */
export function makeMessage(opts: { messageId?: string; subject?: string; body?: string; received?: string } = {}): string {
  const id = opts.messageId ?? `<${rand()}@center.test>`;
  return [
    ...(opts.received ? [`Received: ${opts.received}`] : []),
    'From: Intake Desk <intake@center.test>',
    'To: verification@vob.test',
    `Subject: ${opts.subject ?? 'VOB request'}`,
    `Message-ID: ${id}`,
    'Date: Mon, 02 Mar 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    opts.body ?? 'Please verify benefits for client Jane Roe, DOB 01/02/1980, Aetna member W123456789.',
    '',
  ].join('\r\n');
}

/** The test's own IMAP session on the user's mailbox (plain, loopback). */
export async function openTestImap(user: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: IMAP_HOST,
    port: IMAP_PORT,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: 'test' },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function folderCount(imap: ImapFlow, folder: string): Promise<number> {
  const status = await imap.status(folder, { messages: true });
  return status === false ? -1 : (status.messages ?? 0);
}

export async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function countRows(pool: Pool, sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM (${sql}) q`, values);
  return Number(rows[0]!.n);
}

/**
 * A test file's database, and the pollers and IMAP sessions each test opened, stopped after it
 * (jest hooks registered by the call).
 */
export function pollerTestHooks(): { db(): TestDatabase; open: Array<{ poller?: MailboxPoller; imap?: ImapFlow }>; rowsFor(user: string): Promise<number> } {
  let db: TestDatabase | undefined;
  const open: Array<{ poller?: MailboxPoller; imap?: ImapFlow }> = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const { poller, imap } of open.splice(0)) {
      await poller?.stop();
      await imap?.logout().catch(() => undefined);
    }
  });
  afterAll(async () => {
    await db?.drop();
  });
  return {
    db: () => db!,
    open,
    rowsFor: (user) => countRows(db!.pool, 'SELECT 1 FROM inbound_message WHERE mailbox = $1', [mailboxKey(user, 'INBOX')]),
  };
}
