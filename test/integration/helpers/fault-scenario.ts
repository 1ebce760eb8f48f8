/**
 * What every fault test shares: an isolated world on the real lab (a database vob_test_<random>,
 * a queue prefix, a service mailbox verification-<random>@vob.test and a center per request),
 * request mails to put in the mailbox, bounded waits that report progress when they time out,
 * and the closing check: no request lost, none stored twice, at most one reply per inbound
 * message, both in outbound_reply and in the senders' real mailboxes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { Pool } from 'pg';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, readMailbox } from '../service/lab';
import { ensureBuilt, ROOT, stopAllVob } from './vob-process';

export interface FaultWorld {
  readonly tag: string;
  /** The service's mailbox (IMAP_USER and SMTP_FROM). */
  readonly user: string;
  readonly prefix: string;
  readonly databaseUrl: string;
  /** The test's own pool on the test database (errors while Postgres restarts are ignored). */
  readonly pool: Pool;
  /** Environment for `vob serve`; `extra` overrides. */
  env(extra?: Record<string, string>): Record<string, string>;
  drop(): Promise<void>;
}

async function createFaultWorld(): Promise<FaultWorld> {
  const tag = randomTag();
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => undefined);
  const user = `verification-${tag}@vob.test`;
  const prefix = `vobfault-${tag}`;
  return {
    tag,
    user,
    prefix,
    databaseUrl: db.url,
    pool,
    env: (extra = {}) => ({
      DATABASE_URL: db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: prefix,
      IMAP_HOST: '127.0.0.1',
      IMAP_PORT: '1143',
      IMAP_USER: user,
      IMAP_PASSWORD: 'test',
      IMAP_TLS: 'off',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '2525',
      SMTP_FROM: user,
      EXTRACT_CONCURRENCY: '1',
      RECONCILE_INTERVAL_MS: '2000',
      ...extra,
    }),
    async drop() {
      await pool.end().catch(() => undefined);
      await db.drop();
    },
  };
}

/**
 * The hooks every fault test registers: `vob` built once and a world of its own before, and
 * after: `beforeStop` (e.g. a lab service brought back up), every vob process stopped,
 * `afterStop`, the world dropped. Read `.world` inside a test.
 */
export function useFaultWorld(hooks: { beforeStop?: () => unknown; afterStop?: () => unknown } = {}): { readonly world: FaultWorld } {
  let world: FaultWorld | undefined;
  beforeAll(async () => {
    ensureBuilt();
    world = await createFaultWorld();
  });
  afterAll(async () => {
    await hooks.beforeStop?.();
    await stopAllVob();
    await hooks.afterStop?.();
    await world?.drop();
  });
  return {
    get world(): FaultWorld {
      if (!world) throw new Error('the fault world is created in beforeAll');
      return world;
    },
  };
}

export interface SentRequest {
  readonly messageId: string;
  /** The center that sent it: a mailbox of its own, where our reply lands. */
  readonly from: string;
  readonly raw: Buffer;
}

const CRLF = (s: string): string => s.replace(/\r?\n/g, '\r\n');

/**
 * A request lacking the client's address, from a center of its own: it should become one
 * record, one awaiting task and one reply. With `card`, a photo of an insurance card is attached
 * (real OCR work, seconds rather than milliseconds), so extraction is slow enough to interrupt.
 */
export function requestMessage(label: string, opts: { card?: string } = {}): SentRequest {
  const from = newCenter();
  const messageId = `<${label}-${randomTag()}@${from.slice(from.indexOf('@') + 1)}>`;
  const head =
    `From: Intake Team <${from}>\r\nTo: verification@vob.test\r\nSubject: VOB request ${label}\r\n` +
    `Message-ID: ${messageId}\r\nDate: Mon, 05 Jan 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n`;
  if (!opts.card) {
    return { messageId, from, raw: Buffer.from(`${head}Content-Type: text/plain; charset=utf-8\r\n\r\n${CRLF(INCOMPLETE_BODY)}`) };
  }
  const image = readFileSync(path.join(ROOT, 'fixtures/cards', opts.card)).toString('base64').replace(/.{76}/g, '$&\r\n');
  const type = opts.card.endsWith('.png') ? 'image/png' : 'image/jpeg';
  const raw =
    `${head}Content-Type: multipart/mixed; boundary="b-${label}"\r\n\r\n` +
    `--b-${label}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${CRLF(INCOMPLETE_BODY)}\r\n` +
    `--b-${label}\r\nContent-Type: ${type}; name="${opts.card}"\r\nContent-Disposition: attachment; filename="${opts.card}"\r\n` +
    `Content-Transfer-Encoding: base64\r\n\r\n${image}\r\n--b-${label}--\r\n`;
  return { messageId, from, raw: Buffer.from(raw) };
}

/** Appends the messages to the service mailbox's INBOX over IMAP (as delivery would). */
export async function appendToMailbox(user: string, raws: readonly Buffer[]): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.1', port: 1143, secure: false, doSTARTTLS: false, auth: { user, pass: 'test' }, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (const raw of raws) await client.append('INBOX', raw);
  } finally {
    await client.logout().catch(() => undefined);
  }
}

export async function folderCounts(user: string): Promise<Record<'INBOX' | 'Processed' | 'Needs-Review', number>> {
  const client = new ImapFlow({ host: '127.0.0.1', port: 1143, secure: false, doSTARTTLS: false, auth: { user, pass: 'test' }, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const out = { INBOX: 0, Processed: 0, 'Needs-Review': 0 };
    for (const folder of Object.keys(out) as (keyof typeof out)[]) {
      const status = await client.status(folder, { messages: true }).catch(() => false as const);
      out[folder] = status === false ? 0 : (status.messages ?? 0);
    }
    return out;
  } finally {
    await client.logout().catch(() => undefined);
  }
}

export interface Progress {
  stored: number;
  received: number;
  extracted: number;
  needsReview: number;
  replies: Record<string, number>;
}

/** Where the work on these messages stands, from Postgres. */
export async function progress(pool: Pool, messageIds: readonly string[]): Promise<Progress> {
  const { rows: messages } = await pool.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM inbound_message WHERE message_id = ANY($1) GROUP BY status',
    [messageIds],
  );
  const { rows: replies } = await pool.query<{ status: string; n: number }>(
    `SELECT r.status, count(*)::int AS n FROM outbound_reply r JOIN inbound_message m ON m.id = r.inbound_message_id
      WHERE m.message_id = ANY($1) GROUP BY r.status`,
    [messageIds],
  );
  const by = (s: string) => messages.find((r) => r.status === s)?.n ?? 0;
  return {
    stored: messages.reduce((a, r) => a + r.n, 0),
    received: by('received'),
    extracted: by('extracted'),
    needsReview: by('needs-review'),
    replies: Object.fromEntries(replies.map((r) => [r.status, r.n])),
  };
}

/** Polls `probe` until it returns a truthy value; on timeout the error names `what` and the last state. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100, describe }: { timeoutMs?: number; intervalMs?: number; describe?: () => Promise<string> | string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | null | undefined | false = null;
    try {
      value = await probe();
    } catch {
      // a probe failing (e.g. Postgres restarting) counts as "not yet"
    }
    if (value) return value;
    if (Date.now() > deadline) {
      const state = describe ? await Promise.resolve(describe()).catch((e: Error) => `(state unavailable: ${e.message})`) : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state ? `\n${state}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Every message handled to the end: stored, extracted (or set aside), and no reply left pending
 * or in flight. Replies still `sending` after a crash are resolved by the restarted workers.
 */
export async function waitUntilSettled(
  pool: Pool,
  messageIds: readonly string[],
  { timeoutMs = 60_000, describe }: { timeoutMs?: number; describe?: () => string } = {},
): Promise<Progress> {
  let last: Progress | null = null;
  return waitUntil(
    `all ${messageIds.length} messages stored and settled`,
    async () => {
      last = await progress(pool, messageIds);
      const inFlight = (last.replies['pending'] ?? 0) + (last.replies['sending'] ?? 0);
      return last.stored === messageIds.length && last.received === 0 && inFlight === 0 ? last : null;
    },
    { timeoutMs, intervalMs: 250, describe: () => `progress: ${JSON.stringify(last)}${describe ? `\n${describe()}` : ''}` },
  );
}

export interface ExactlyOnceReport {
  messages: number;
  replies: Record<string, number>;
  delivered: number;
}

/**
 * The closing check of every fault test, for request mails that each deserve one reply:
 * - each Message-ID is one inbound_message row, extracted, with exactly one vob_request and no
 *   other rows stored for the mailbox than the ones expected (nothing duplicated, nothing lost);
 * - each has exactly one outbound_reply row, finished: `sent`, or `uncertain` when a crash hit
 *   it between "sending" and "sent" (then it is never retried);
 * - each center's real mailbox holds at most one reply to it — exactly one for a `sent` row,
 *   carrying that row's Message-ID and threaded on the request.
 * Waits `settleMs` first so that a late duplicate would be seen.
 */
export async function assertExactlyOnce(
  world: FaultWorld,
  requests: readonly SentRequest[],
  { settleMs = 1500, otherRows = 0 }: { settleMs?: number; otherRows?: number } = {},
): Promise<ExactlyOnceReport> {
  const ids = requests.map((r) => r.messageId);
  // Postfix delivers in the background: first every reply marked sent must have landed.
  const { rows: sent } = await world.pool.query<{ to_address: string; message_id: string }>(
    `SELECT r.to_address, r.message_id FROM outbound_reply r JOIN inbound_message m ON m.id = r.inbound_message_id
      WHERE m.message_id = ANY($1) AND r.status = 'sent'`,
    [ids],
  );
  const missing = new Map(sent.map((r) => [r.message_id, r.to_address]));
  await waitUntil(
    `${sent.length} sent replies delivered to the centers' mailboxes`,
    async () => {
      for (const [messageId, to] of [...missing]) {
        if ((await readMailbox(to)).some((m) => m.headers['message-id'] === messageId)) missing.delete(messageId);
      }
      return missing.size === 0;
    },
    { timeoutMs: 20_000, intervalMs: 300, describe: () => `not delivered: ${[...missing.keys()].join(' ')}` },
  );
  await new Promise((r) => setTimeout(r, settleMs));
  const { rows: all } = await world.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM inbound_message');
  expect({ storedRows: all[0]!.n }).toEqual({ storedRows: requests.length + otherRows });

  const { rows } = await world.pool.query<{ message_id: string; status: string; review_code: string | null; attempts: number; requests: number; replies: { id: string; status: string; message_id: string }[] }>(
    `SELECT m.message_id, m.status, m.review_code, m.attempts,
            (SELECT count(*)::int FROM vob_request v WHERE v.inbound_message_id = m.id) AS requests,
            COALESCE((SELECT json_agg(json_build_object('id', r.id::text, 'status', r.status, 'message_id', r.message_id))
                        FROM outbound_reply r WHERE r.inbound_message_id = m.id), '[]'::json) AS replies
       FROM inbound_message m WHERE m.message_id = ANY($1)`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.message_id, r]));
  const problems: string[] = [];
  const replies: Record<string, number> = {};
  let delivered = 0;
  for (const request of requests) {
    const row = byId.get(request.messageId);
    if (!row) {
      problems.push(`${request.messageId}: LOST (no inbound_message row)`);
      continue;
    }
    if (row.status !== 'extracted') {
      problems.push(`${request.messageId}: status ${row.status} (${row.review_code ?? '-'}, ${row.attempts} attempts), expected extracted`);
    }
    if (row.requests !== 1) problems.push(`${request.messageId}: ${row.requests} vob_request rows, expected 1`);
    if (row.replies.length !== 1) problems.push(`${request.messageId}: ${row.replies.length} outbound_reply rows, expected 1`);
    const reply = row.replies[0];
    if (reply) {
      replies[reply.status] = (replies[reply.status] ?? 0) + 1;
      if (reply.status !== 'sent' && reply.status !== 'uncertain') problems.push(`${request.messageId}: reply ${reply.status}`);
    }
    const inbox = await readMailbox(request.from);
    const answers = inbox.filter((m) => m.headers['in-reply-to'] === request.messageId);
    delivered += answers.length;
    if (inbox.length > 1 || answers.length !== inbox.length) problems.push(`${request.messageId}: ${inbox.length} mails in ${request.from}, ${answers.length} threaded on it`);
    if (reply?.status === 'sent' && (answers.length !== 1 || answers[0]!.headers['message-id'] !== reply.message_id)) {
      problems.push(`${request.messageId}: reply marked sent but ${answers.length} matching mail(s) in the sender's mailbox`);
    }
  }
  expect(problems).toEqual([]);
  return { messages: requests.length, replies, delivered };
}
