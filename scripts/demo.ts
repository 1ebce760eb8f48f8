/**
 * `npm run demo`: the whole service on the local lab, end to end, with nothing mocked.
 *
 *   1. a fresh database (vob_demo, dropped and recreated), a queue prefix of its own (its Redis
 *      keys removed first) and a mailbox of its own (verification-demo@vob.test, emptied);
 *   2. `node bin/vob.js serve` started as a child on a free port with that configuration;
 *   3. a varied sample of fixtures/emails sent THROUGH Postfix (SMTP 2525), each from a sender
 *      of its own at a .test domain, so the replies land in mailboxes the demo can read;
 *   4. once the first wave is processed, the center's answer to one of our replies is sent in
 *      the same thread (built from the reply read back over IMAP) and must complete the request;
 *   5. a report: each message's record, the replies read back, the open staff tasks (from the
 *      service's /api/tasks), checks and timings; then SIGTERM and a clean exit.
 * Exits 0 when every check passed, 1 with a one-line reason otherwise.
 *
 * The fixtures' (fictional) PHI is printed here on purpose; the service's own log, which goes to
 * a file, carries ids and codes only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { configSchema } from '../src/config';
import { normaliseMessageId } from '../src/domain/message-identity';
import { emptyMailbox, readInbox, sendRaw, type ReadReply } from './demo/mail';
import { renderReport, type Check, type StoredMessage, type StoredRequest, type TaskView } from './demo/report';
import { ANSWERED_SAMPLE, SAMPLES, answerMessage, prepareSample, type PreparedMessage } from './demo/samples';

const ADMIN_URL = 'postgres://vob:vob@127.0.0.1:5432/vob';
const DEMO_DB = 'vob_demo';
const QUEUE_PREFIX = 'vob-demo';
const MAILBOX = 'verification-demo@vob.test';
const REDIS_URL = 'redis://127.0.0.1:6379';
const PROCESS_TIMEOUT_MS = 120_000;
const DELIVERY_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** A failure the demo reports in one line. */
class DemoError extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function repoRoot(): string {
  // dist/scripts/demo.js after `npm run build`; scripts/demo.ts when run from source.
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'bin', 'vob.js'))) return dir;
  }
  throw new DemoError('cannot find the repository root (package.json next to bin/vob.js)');
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function checkLab(): Promise<void> {
  const ports: [string, number][] = [['PostgreSQL', 5432], ['Redis', 6379], ['Dovecot IMAP', 1143], ['Postfix SMTP', 2525]];
  const down: string[] = [];
  for (const [name, port] of ports) if (!(await portOpen(port))) down.push(`${name} :${port}`);
  if (down.length > 0) throw new DemoError(`the lab is not running (${down.join(', ')} closed); start it with: bash scripts/services.sh up`);
}

/**
 * One demo at a time on a lab (it owns vob_demo, its queue prefix and its mailboxes): a session
 * advisory lock held on the returned connection until the demo ends.
 */
async function lockDemo(): Promise<Client> {
  const admin = new Client({ connectionString: ADMIN_URL });
  // A dropped connection fails the next query (a one-line reason), not the process.
  admin.on('error', () => undefined);
  await admin.connect().catch((err: Error) => {
    throw new DemoError(`cannot connect to PostgreSQL as vob: ${err.message}`);
  });
  const { rows } = await admin.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext('vob-intake npm run demo')) AS locked`);
  if (!rows[0]?.locked) {
    await admin.end();
    throw new DemoError('another npm run demo is running on this lab; wait for it to finish');
  }
  return admin;
}

async function recreateDatabase(admin: Client): Promise<string> {
  await admin.query(`DROP DATABASE IF EXISTS ${DEMO_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DEMO_DB}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DEMO_DB}`;
  return url.toString();
}

/** Removes the demo prefix's BullMQ keys: job ids are deterministic per database row id. */
async function clearQueues(): Promise<number> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true });
  await redis.connect();
  try {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== '0');
    return removed;
  } finally {
    redis.disconnect();
  }
}

/** The child's environment: the caller's, minus every service setting, plus the demo's. */
function serviceEnv(databaseUrl: string, port: number, sessionSecret: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  return {
    ...env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX,
    IMAP_HOST: '127.0.0.1',
    IMAP_PORT: '1143',
    IMAP_USER: MAILBOX,
    IMAP_PASSWORD: 'test',
    IMAP_TLS: 'off',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '2525',
    SMTP_FROM: MAILBOX,
    PORT: String(port),
    SESSION_SECRET: sessionSecret,
    // IDLE carries the demo; a short reconcile is only the safety net.
    RECONCILE_INTERVAL_MS: '5000',
    LOG_LEVEL: 'info',
  };
}

function exitText(exit: { code: number | null; signal: NodeJS.Signals | null }): string {
  return exit.code !== null ? `exit code ${exit.code}` : `killed by ${exit.signal}`;
}

interface RunningService {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
}

async function startService(root: string, env: NodeJS.ProcessEnv, port: number, logFile: string): Promise<RunningService> {
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [path.join(root, 'bin', 'vob.js'), 'serve'], { cwd: root, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const running: RunningService = {
    child,
    url: `http://127.0.0.1:${port}`,
    exit: null,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  void running.exited.then((e) => (running.exit = e));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (running.exit) throw new DemoError(`vob serve exited during start (${exitText(running.exit)}); see ${logFile}`);
    const ok = await fetch(`${running.url}/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return running;
    if (Date.now() > deadline) throw new DemoError(`vob serve did not answer /health within ${START_TIMEOUT_MS / 1000} s; see ${logFile}`);
    await sleep(200);
  }
}

async function stopService(service: RunningService): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = performance.now();
  if (!service.exit) service.child.kill('SIGTERM');
  const result = await Promise.race([service.exited, sleep(STOP_TIMEOUT_MS).then(() => null)]);
  if (!result) {
    service.child.kill('SIGKILL');
    throw new DemoError(`vob serve did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM (killed)`);
  }
  return { ...result, ms: performance.now() - started };
}

interface MessageRow {
  id: string;
  message_id: string | null;
  status: string;
  review_code: string | null;
  reply_send: boolean | null;
  reply_reason: string | null;
  requests: { id: string | number; status: string; missing: string[]; conflicts: number }[] | null;
  answered: (string | number)[] | null;
  replies: { id: string | number; status: string; reason: string | null; to: string; messageId: string }[] | null;
}

async function loadMessages(db: Client): Promise<Map<string, StoredMessage>> {
  const { rows } = await db.query<MessageRow>(`
    SELECT m.id::text, m.message_id, m.status, m.review_code, m.reply_send, m.reply_reason,
      (SELECT json_agg(json_build_object('id', r.id::text, 'status', r.status, 'missing', r.missing_fields, 'conflicts', r.conflict_count) ORDER BY r.request_index)
         FROM vob_request r WHERE r.inbound_message_id = m.id) AS requests,
      (SELECT json_agg(a.request_id::text ORDER BY a.request_id) FROM request_answer a WHERE a.inbound_message_id = m.id) AS answered,
      (SELECT json_agg(json_build_object('id', o.id::text, 'status', o.status, 'reason', o.status_reason, 'to', o.to_address, 'messageId', o.message_id) ORDER BY o.id)
         FROM outbound_reply o WHERE o.inbound_message_id = m.id) AS replies
    FROM inbound_message m ORDER BY m.id`);
  const out = new Map<string, StoredMessage>();
  for (const r of rows) {
    if (!r.message_id) continue;
    out.set(r.message_id, {
      id: r.id,
      messageId: r.message_id,
      status: r.status,
      reviewCode: r.review_code,
      replySend: r.reply_send,
      replyReason: r.reply_reason,
      requests: (r.requests ?? []).map((q) => ({ id: String(q.id), status: q.status, missing: q.missing, conflicts: q.conflicts })),
      answered: (r.answered ?? []).map(String),
      replies: (r.replies ?? []).map((o) => ({ ...o, id: String(o.id) })),
    });
  }
  return out;
}

/** Waits until every sent message is stored and extracted (or set aside) and no reply is in flight. */
async function waitProcessed(db: Client, sent: readonly PreparedMessage[], service: RunningService, logFile: string): Promise<Map<string, StoredMessage>> {
  const deadline = Date.now() + PROCESS_TIMEOUT_MS;
  for (;;) {
    if (service.exit) throw new DemoError(`vob serve exited unexpectedly (${exitText(service.exit)}); see ${logFile}`);
    const stored = await loadMessages(db);
    const notStored = sent.filter((m) => !stored.has(normaliseMessageId(m.messageId)!));
    const pending = sent.filter((m) => stored.get(normaliseMessageId(m.messageId)!)?.status === 'received');
    const inFlight = [...stored.values()].flatMap((m) => m.replies).filter((r) => r.status === 'pending' || r.status === 'sending');
    if (notStored.length === 0 && pending.length === 0 && inFlight.length === 0) return stored;
    if (Date.now() > deadline) {
      const what = [
        notStored.length > 0 ? `${notStored.length} not stored (${notStored.map((m) => m.id).join(', ')})` : '',
        pending.length > 0 ? `${pending.length} not extracted (${pending.map((m) => m.id).join(', ')})` : '',
        inFlight.length > 0 ? `${inFlight.length} repl${inFlight.length === 1 ? 'y' : 'ies'} still pending` : '',
      ].filter(Boolean);
      throw new DemoError(`timed out after ${PROCESS_TIMEOUT_MS / 1000} s waiting for the service: ${what.join('; ')}; see ${logFile}`);
    }
    await sleep(150);
  }
}

/** Reads each address's INBOX until it holds at least `want` messages (Postfix → LMTP is asynchronous). */
async function waitInboxes(want: Map<string, number>): Promise<Map<string, ReadReply[]>> {
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const out = new Map<string, ReadReply[]>();
  for (const [address, count] of want) {
    for (;;) {
      const mails = await readInbox(address);
      if (mails.length >= count) {
        out.set(address, mails);
        break;
      }
      if (Date.now() > deadline) throw new DemoError(`timed out after ${DELIVERY_TIMEOUT_MS / 1000} s waiting for ${count} repl${count === 1 ? 'y' : 'ies'} in ${address} (found ${mails.length})`);
      await sleep(200);
    }
  }
  return out;
}

/** The demo's admin account, made with `vob user add` (the password on stdin) before the service starts. */
const DEMO_ADMIN = 'demo-admin@vob.test';

function addDemoAdmin(root: string, env: NodeJS.ProcessEnv, password: string): void {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'vob.js'), 'user', 'add', '--email', DEMO_ADMIN, '--role', 'admin'], {
    cwd: root,
    env,
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new DemoError(`vob user add failed (${result.status}): ${result.stderr.trim()}`);
}

/** The open tasks as the demo admin sees them (signed in through POST /api/session). */
async function fetchTasks(service: RunningService, password: string): Promise<TaskView[]> {
  const session = await fetch(`${service.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ADMIN, password }),
    signal: AbortSignal.timeout(5000),
  });
  if (session.status !== 200) throw new DemoError(`POST /api/session answered ${session.status}`);
  const cookie = session.headers.getSetCookie().find((c) => c.startsWith('vob_session='))?.split(';')[0] ?? '';
  const response = await fetch(`${service.url}/api/tasks`, { headers: { cookie }, signal: AbortSignal.timeout(5000) });
  if (response.status !== 200) throw new DemoError(`GET /api/tasks answered ${response.status}`);
  return ((await response.json()) as { tasks: TaskView[] }).tasks;
}

function sentReplyCounts(stored: Map<string, StoredMessage>): Map<string, number> {
  const want = new Map<string, number>();
  for (const m of stored.values()) for (const r of m.replies) if (r.status === 'sent') want.set(r.to, (want.get(r.to) ?? 0) + 1);
  return want;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const phases: [string, number][] = [];
  let mark = t0;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, now - mark]);
    mark = now;
  };

  const root = repoRoot();
  const fixturesDir = path.join(root, 'fixtures', 'emails');
  const logFile = path.join(os.tmpdir(), 'vob-demo-service.log');
  await checkLab();

  const skipped: string[] = [];
  const samples: PreparedMessage[] = [];
  for (const spec of SAMPLES) {
    if (!existsSync(path.join(fixturesDir, spec.fixture))) {
      skipped.push(`${spec.id} (fixtures/emails/${spec.fixture} is not in this checkout)`);
      continue;
    }
    samples.push(prepareSample(spec, fixturesDir, MAILBOX));
  }
  const answered = samples.find((s) => s.id === ANSWERED_SAMPLE);
  if (!answered) throw new DemoError(`the sample to answer (${ANSWERED_SAMPLE}) is missing from fixtures/emails`);

  const admin = await lockDemo();
  try {
    return await run({ root, logFile, samples, skipped, answered, admin, t0, phases, phase });
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function run(ctx: {
  root: string;
  logFile: string;
  samples: PreparedMessage[];
  skipped: string[];
  answered: PreparedMessage;
  admin: Client;
  t0: number;
  phases: [string, number][];
  phase: (name: string) => void;
}): Promise<number> {
  const { root, logFile, samples, skipped, answered, admin, t0, phases, phase } = ctx;
  const databaseUrl = await recreateDatabase(admin);
  await clearQueues();
  await Promise.all([MAILBOX, ...new Set(samples.map((s) => s.sender))].map((address) => emptyMailbox(address)));
  phase('setup');

  const port = await freePort();
  const adminPassword = randomBytes(12).toString('base64url');
  const env = serviceEnv(databaseUrl, port, randomBytes(32).toString('base64'));
  addDemoAdmin(root, env, adminPassword);
  const service = await startService(root, env, port, logFile);
  const stopOnExit = () => {
    if (!service.exit) service.child.kill('SIGTERM');
  };
  process.once('exit', stopOnExit);
  phase('service start');

  const db = new Client({ connectionString: databaseUrl });
  db.on('error', () => undefined);
  await db.connect();
  try {
    // Wave 1: the fixtures.
    await sendRaw(samples, MAILBOX);
    const firstWave = await waitProcessed(db, samples, service, logFile);
    const firstRequests = new Map([...firstWave.values()].map((m) => [m.messageId, m.requests]));
    phase(`${samples.length} messages to records`);

    // Wave 2: the center answers our reply in its thread.
    const replyRow = firstWave.get(normaliseMessageId(answered.messageId)!)?.replies.find((r) => r.status === 'sent');
    if (!replyRow) throw new DemoError(`no reply was sent to the "${answered.id}" sample, so there is nothing to answer`);
    const firstInboxes = await waitInboxes(new Map([[answered.sender, 1]]));
    const reply = firstInboxes.get(answered.sender)!.find((m) => m.messageId === replyRow.messageId);
    if (!reply) throw new DemoError(`our reply ${replyRow.messageId} is not in ${answered.sender}`);
    const answer = answerMessage({
      original: answered,
      reply: { messageId: replyRow.messageId, subject: reply.subject, text: reply.text, date: reply.date },
      mailbox: MAILBOX, messageId: `<answer-${randomBytes(6).toString('hex')}@${answered.id}.demo.test>` });
    await sendRaw([answer], MAILBOX);
    const all = [...samples, answer];
    const stored = await waitProcessed(db, all, service, logFile);
    phase('answer to record');

    const inboxes = await waitInboxes(sentReplyCounts(stored));
    const tasks = await fetchTasks(service, adminPassword);
    phase('replies and tasks read back');

    const stop = await stopService(service);
    process.off('exit', stopOnExit);
    phases.push(['SIGTERM to exit', stop.ms]);

    const checks = buildChecks({ all, stored, inboxes, answered, answer, stop });
    const notes: string[] = [];
    for (const s of samples) {
      const m = stored.get(normaliseMessageId(s.messageId)!);
      const got = (m?.replies.length ?? 0) > 0;
      if (m && got !== s.expectReply) notes.push(`${s.id}: expected ${s.expectReply ? 'a reply' : 'no reply'}, the service decided ${got ? 'to reply' : `not to (${m.replyReason})`}`);
    }

    process.stdout.write(
      renderReport({
        mailbox: MAILBOX,
        database: DEMO_DB,
        queuePrefix: QUEUE_PREFIX,
        serviceUrl: service.url,
        logFile,
        skipped,
        messages: all.map((sample) => {
          const key = normaliseMessageId(sample.messageId)!;
          return { sample, stored: stored.get(key), firstRequests: firstRequests.get(key) };
        }),
        inboxes,
        tasks,
        checks,
        notes,
        staffLogin: { databaseUrl, email: DEMO_ADMIN, password: adminPassword },
        phases,
        totalMs: performance.now() - t0,
        now: new Date(),
      }),
    );
    const failed = checks.filter((c) => !c.ok);
    if (failed.length > 0) {
      process.stderr.write(`demo: FAILED: ${failed.length} check(s) failed, first: ${failed[0]!.text}\n`);
      return 1;
    }
    process.stdout.write('demo: ok\n');
    return 0;
  } finally {
    await db.end().catch(() => undefined);
    if (!service.exit) await stopService(service).catch(() => undefined);
  }
}

function buildChecks(input: {
  all: readonly PreparedMessage[];
  stored: Map<string, StoredMessage>;
  inboxes: Map<string, ReadReply[]>;
  answered: PreparedMessage;
  answer: PreparedMessage;
  stop: { code: number | null; signal: NodeJS.Signals | null };
}): Check[] {
  const { all, stored, inboxes, answered, answer, stop } = input;
  const checks: Check[] = [];
  const get = (m: PreparedMessage) => stored.get(normaliseMessageId(m.messageId)!);
  const storedCount = all.filter((m) => get(m) !== undefined).length;
  checks.push({ ok: storedCount === all.length && stored.size === all.length, text: `every message stored exactly once (${storedCount}/${all.length}, ${stored.size} rows)` });

  const sent = [...stored.values()].flatMap((m) => m.replies.filter((r) => r.status === 'sent').map((r) => ({ m, r })));
  const perMessage = [...stored.values()].every((m) => m.replies.length <= 1);
  checks.push({ ok: perMessage, text: 'at most one reply per inbound message' });
  const found = sent.filter(({ m, r }) => {
    const mail = inboxes.get(r.to)?.find((x) => x.messageId === r.messageId);
    return mail !== undefined && mail.inReplyTo === m.messageId && mail.autoSubmitted === 'auto-replied' && mail.missing.length > 0;
  });
  checks.push({
    ok: found.length === sent.length && sent.length > 0,
    text: `every sent reply is in its sender's mailbox with In-Reply-To the request, Auto-Submitted: auto-replied and a list of missing items (${found.length}/${sent.length})`,
  });

  for (const m of all.filter((x) => x.mustNotReply)) {
    const row = get(m);
    checks.push({ ok: row !== undefined && row.replies.length === 0 && (inboxes.get(m.sender)?.length ?? 0) === 0, text: `no reply to the ${m.id} (${row?.replyReason ?? 'not stored'})` });
  }

  const original = get(answered);
  const answerRow = get(answer);
  const target = original?.requests[0];
  checks.push({
    ok: target !== undefined && answerRow !== undefined && answerRow.answered.includes(target.id) && answerRow.requests.length === 0,
    text: `the center's answer updated the open request of "${answered.id}" instead of opening a new one`,
  });
  checks.push({ ok: target?.status === 'ready' && target.missing.every((f) => f === 'card'), text: `that request is now ready (${target?.status ?? 'missing'}; missing: ${target?.missing.join(', ') || 'nothing'})` });
  checks.push({ ok: (answerRow?.replies.length ?? 1) === 0, text: 'the complete answer got no further reply' });
  checks.push({ ok: stop.code === 0, text: `vob serve stopped on SIGTERM (${exitText(stop)})` });
  return checks;
}

const onSignal = (signal: NodeJS.Signals) => {
  process.stderr.write(`demo: interrupted by ${signal}\n`);
  process.exit(130);
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof DemoError ? err.message : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`demo: FAILED: ${message.replace(/\s+/g, ' ')}\n`);
    process.exit(1);
  },
);
