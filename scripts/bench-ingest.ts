/**
 * `npm run bench:ingest -- [--count N] [--cards M] [--rate R] [--stream-seconds S] [--phases backlog,stream]
 *   [--senders K] [--connections C] [--batch B] [--profile DIR]`
 *
 * The whole service on the lab, measured from IMAP APPEND to committed record and to the reply
 * sent over SMTP. The service runs in a child process (`--serve`, forked from this script) on a
 * database, queue prefix and IMAP folder of its own, so its peak RSS is measured alone (from
 * /proc/<pid>/status: VmRSS sampled every 100 ms and the kernel's VmHWM), not with the appender.
 *
 * Phases (each with a fresh database, folder and service):
 *  - backlog: N text-only requests (plus M with a card photo pair from fixtures/cards) are
 *    APPENDed first, then the service is started. Throughput = messages / (first APPEND sent →
 *    last record committed), and messages / (service start → last record committed).
 *  - stream:  the service is started first, then requests are APPENDed at R per second for S
 *    seconds (cards interleaved when --cards); p50/p95 APPEND → stored, → record, → reply sent.
 *
 * APPEND is IMAP APPEND with several messages per command (MULTIAPPEND, RFC 3502, with LITERAL+)
 * over C connections: a single-message APPEND per round trip cannot feed the service faster than
 * about 125/s here. A message's APPEND time is when its command was sent (conservative: it
 * includes the APPEND's own duration).
 *
 * Timestamps: stored = inbound_message.received_at, record = the first vob_request.created_at
 * of the message (or extracted_at when it was set aside for review), reply = outbound_reply.sent_at.
 * They are Postgres now() values, i.e. the start of the committing transaction: each is early by
 * that transaction's duration (a few ms).
 *
 * Each message comes from one of K sender domains (default min(N, 1000)) with a client of its
 * own, so no message is taken for an answer to another; every one is incomplete and gets a reply.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? String(args[i + 1]) : fallback;
};

const IMAP_HOST = process.env.IMAP_HOST ?? '127.0.0.1';
const IMAP_PORT = Number(process.env.IMAP_PORT ?? 1143);
const IMAP_USER = process.env.IMAP_USER ?? 'verification@vob.test';
const IMAP_PASSWORD = process.env.IMAP_PASSWORD ?? 'test';
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://vob:vob@127.0.0.1:5432/vob';

// ───────────────────────────── the service, in the child ─────────────────────────────

async function serve(): Promise<void> {
  const { default: pino } = await import('pino');
  const { loadConfig } = await import('../src/config');
  const { startVobService } = await import('../src/service/vob-service');
  const config = loadConfig(process.env);
  const service = await startVobService({ config, logger: pino({ level: config.LOG_LEVEL }, pino.destination(2)), http: false });
  process.send!({ type: 'ready' });
  process.on('message', (msg: { type: string }) => {
    if (msg.type !== 'stop') return;
    void service.stop().finally(() => {
      process.send!({ type: 'stopped' }, () => process.exit(0));
    });
  });
}

// ───────────────────────────── messages ─────────────────────────────

const tag = randomBytes(4).toString('hex');

/** A client name of letters only (the name normalizer drops digits), distinct per index. */
function clientName(i: number): string {
  const letters = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  let n = i;
  let word = '';
  do {
    word += letters[n % letters.length]! + vowels[Math.floor(n / letters.length) % vowels.length]!;
    n = Math.floor(n / (letters.length * vowels.length));
  } while (n > 0);
  return `Bench ${word[0]!.toUpperCase()}${word.slice(1)}son`;
}

function body(i: number): string {
  return `Hello, please verify benefits for:

Client Name: ${clientName(i)}
Date of birth: 01/02/1990
Insurance Name: Aetna
ID #: W${String(100000000 + i)}
Insurance Phone Number: 800-555-1234
Subscriber Name: ${clientName(i)}
Subscriber Relationship: Self
Referred By: Sunrise Recovery Center

Thanks
`;
}

function headers(i: number, messageId: string, senders: number, contentType: string): string {
  return (
    `From: Intake <intake@c${i % senders}-${tag}.test>\r\nTo: verification@vob.test\r\nSubject: VOB request ${i}\r\n` +
    `Message-ID: ${messageId}\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n`
  );
}

function textMessage(i: number, messageId: string, senders: number): Buffer {
  return Buffer.from(headers(i, messageId, senders, 'text/plain; charset=utf-8') + body(i).replace(/\n/g, '\r\n'));
}

function cardPairs(): [string, string][] {
  const folder = [path.resolve(__dirname, '..', '..', 'fixtures', 'cards'), path.resolve(__dirname, '..', 'fixtures', 'cards')].find((d) => existsSync(d));
  if (!folder) return [];
  const files = readdirSync(folder);
  return files
    .filter((f) => f.endsWith('-front.jpg') && files.includes(f.replace('-front', '-back')))
    .map((f) => [path.join(folder, f), path.join(folder, f.replace('-front', '-back'))]);
}

function cardMessage(i: number, messageId: string, senders: number, [front, back]: [string, string]): Buffer {
  const boundary = `b-${tag}-${i}`;
  const part = (file: string) =>
    `--${boundary}\r\nContent-Type: image/jpeg; name="${path.basename(file)}"\r\nContent-Transfer-Encoding: base64\r\n` +
    `Content-Disposition: attachment; filename="${path.basename(file)}"\r\n\r\n${readFileSync(file).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`;
  return Buffer.from(
    headers(i, messageId, senders, `multipart/mixed; boundary="${boundary}"`) +
      `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body(i).replace(/\n/g, '\r\n')}\r\n${part(front)}${part(back)}--${boundary}--\r\n`,
  );
}

interface BenchMessage {
  readonly messageId: string;
  readonly raw: Buffer;
  readonly kind: 'text' | 'card';
  appendedAt?: number;
}

function makeMessages(phase: string, count: number, cards: number, senders: number): BenchMessage[] {
  const pairs = cardPairs();
  if (cards > 0 && pairs.length === 0) throw new Error('--cards: no *-front.jpg/*-back.jpg pairs in fixtures/cards');
  const out: BenchMessage[] = [];
  // Cards spread evenly through the text messages.
  const every = cards > 0 ? Math.max(1, Math.floor((count + cards) / cards)) : Infinity;
  let c = 0;
  for (let i = 0, t = 0; i < count + cards; i++) {
    const messageId = `<bench-${tag}-${phase}-${i}@bench.test>`;
    if (c < cards && (i + 1) % every === 0) {
      out.push({ messageId, raw: cardMessage(i, messageId, senders, pairs[c % pairs.length]!), kind: 'card' });
      c++;
    } else if (t < count) {
      out.push({ messageId, raw: textMessage(i, messageId, senders), kind: 'text' });
      t++;
    } else {
      out.push({ messageId, raw: cardMessage(i, messageId, senders, pairs[c % pairs.length]!), kind: 'card' });
      c++;
    }
  }
  return out;
}

// ───────────────────────────── a minimal IMAP client for MULTIAPPEND ─────────────────────────────

class RawImap {
  private buffer = '';
  private seq = 0;
  private readonly pending = new Map<string, { resolve: (untagged: string[]) => void; reject: (e: Error) => void; untagged: string[] }>();
  private greeted!: Promise<void>;
  private busy: Promise<unknown> = Promise.resolve();

  private constructor(private readonly socket: net.Socket) {}

  static async connect(): Promise<RawImap> {
    const socket = net.connect({ host: IMAP_HOST, port: IMAP_PORT });
    socket.setNoDelay(true);
    const imap = new RawImap(socket);
    imap.greeted = new Promise((resolve, reject) => {
      imap.pending.set('*greeting', { resolve: () => resolve(), reject, untagged: [] });
    });
    socket.on('data', (d: Buffer) => imap.onData(d.toString('latin1')));
    socket.on('error', (err) => imap.failAll(err));
    socket.on('close', () => imap.failAll(new Error('IMAP connection closed')));
    await imap.greeted;
    await imap.command(`LOGIN ${quote(IMAP_USER)} ${quote(IMAP_PASSWORD)}`);
    return imap;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private onData(text: string): void {
    this.buffer += text;
    for (let nl = this.buffer.indexOf('\r\n'); nl >= 0; nl = this.buffer.indexOf('\r\n')) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 2);
      const greeting = this.pending.get('*greeting');
      if (greeting) {
        this.pending.delete('*greeting');
        greeting.resolve([]);
        continue;
      }
      if (line.startsWith('* ') || line.startsWith('+ ')) {
        for (const p of this.pending.values()) p.untagged.push(line);
        continue;
      }
      const [t, status] = line.split(' ', 2);
      const p = this.pending.get(t!);
      if (!p) continue;
      this.pending.delete(t!);
      if (status === 'OK') p.resolve(p.untagged);
      else p.reject(new Error(`IMAP ${line}`));
    }
  }

  /** One command at a time per connection; resolves with its untagged lines. */
  command(text: string | Buffer): Promise<string[]> {
    const run = async (): Promise<string[]> => {
      const t = `b${++this.seq}`;
      const done = new Promise<string[]>((resolve, reject) => this.pending.set(t, { resolve, reject, untagged: [] }));
      this.socket.write(Buffer.concat([Buffer.from(`${t} `), typeof text === 'string' ? Buffer.from(text) : text, Buffer.from('\r\n')]));
      return done;
    };
    const next = this.busy.then(run, run);
    this.busy = next.catch(() => undefined);
    return next;
  }

  /** APPEND of several messages in one command (MULTIAPPEND with non-synchronising literals). */
  appendMany(folder: string, raws: readonly Buffer[]): Promise<string[]> {
    const parts: Buffer[] = [Buffer.from(`APPEND ${quote(folder)}`)];
    for (const raw of raws) parts.push(Buffer.from(` (\\Seen) {${raw.length}+}\r\n`), raw);
    return this.command(Buffer.concat(parts));
  }

  async logout(): Promise<void> {
    await this.command('LOGOUT').catch(() => undefined);
    this.socket.destroy();
  }
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Appends every message, `batch` per command over `connections` connections; stamps appendedAt. */
async function appendAll(folder: string, messages: BenchMessage[], connections: number, batch: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: connections }, () => RawImap.connect()));
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      for (;;) {
        const slice = messages.slice(next, next + batch);
        next += slice.length;
        if (slice.length === 0) break;
        const at = Date.now();
        for (const m of slice) m.appendedAt = at;
        await client.appendMany(folder, slice.map((m) => m.raw));
      }
    }),
  );
  await Promise.all(clients.map((c) => c.logout()));
}

/** Appends at `rate` per second: every 10 ms the messages now due, as one command. */
async function appendAtRate(folder: string, messages: BenchMessage[], rate: number, connections: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: connections }, () => RawImap.connect()));
  const started = Date.now();
  let next = 0;
  let turn = 0;
  const inFlight: Promise<unknown>[] = [];
  while (next < messages.length) {
    const due = Math.min(messages.length, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
    if (due > next) {
      const slice = messages.slice(next, due);
      next = due;
      const at = Date.now();
      for (const m of slice) m.appendedAt = at;
      inFlight.push(clients[turn++ % clients.length]!.appendMany(folder, slice.map((m) => m.raw)));
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all(inFlight);
  await Promise.all(clients.map((c) => c.logout()));
}

/** Removes this run's messages from the shared Processed / Needs-Review folders and drops its folder. */
async function cleanupMailbox(folder: string): Promise<void> {
  const client = await RawImap.connect();
  try {
    for (const box of ['Processed', 'Needs-Review']) {
      await client.command(`SELECT ${quote(box)}`);
      const lines = await client.command(`UID SEARCH HEADER Message-ID ${quote(`bench-${tag}-`)}`);
      const uids = lines.filter((l) => l.startsWith('* SEARCH')).flatMap((l) => l.slice(8).trim().split(' ').filter(Boolean));
      for (let i = 0; i < uids.length; i += 1000) {
        const set = uids.slice(i, i + 1000).join(',');
        await client.command(`UID STORE ${set} +FLAGS.SILENT (\\Deleted)`);
        await client.command(`UID EXPUNGE ${set}`);
      }
    }
    await client.command('UNSELECT').catch(() => undefined);
    await client.command(`DELETE ${quote(folder)}`).catch(() => undefined);
  } finally {
    await client.logout();
  }
}

// ───────────────────────────── measuring ─────────────────────────────

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** user + system CPU seconds of a process (its threads included), from /proc/<pid>/stat. */
function readCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function readProcStatus(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

interface ServiceChild {
  readonly child: ChildProcess;
  readonly startedAt: number;
  readyAt: number;
  peakRss: number;
  /** Stops the service; its peak RSS (bytes) and CPU seconds. */
  stop(): Promise<{ peak: number; cpuSeconds: number }>;
}

async function startServiceChild(env: NodeJS.ProcessEnv, profileDir: string | undefined): Promise<ServiceChild> {
  const startedAt = Date.now();
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = fork(__filename, ['--serve'], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const svc: ServiceChild = {
    child,
    startedAt,
    readyAt: 0,
    peakRss: 0,
    async stop() {
      const { hwm } = readProcStatus(child.pid!);
      const cpuSeconds = readCpuSeconds(child.pid!);
      clearInterval(sampler);
      const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 30_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      return { peak: Math.max(hwm, svc.peakRss), cpuSeconds };
    },
  };
  const sampler = setInterval(() => {
    svc.peakRss = Math.max(svc.peakRss, readProcStatus(child.pid!).rss);
  }, 100);
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`service child exited (${code}) before it was ready`)));
    child.on('message', (msg: { type: string }) => {
      if (msg.type === 'ready') resolve();
    });
  });
  svc.readyAt = Date.now();
  return svc;
}

interface Row {
  message_id: string;
  status: string;
  stored_ms: string;
  record_ms: string | null;
  sent_ms: string | null;
}

/** Waits until every message is stored, none waits for extraction and no reply is pending. */
async function waitForCompletion(db: Client, total: number, timeoutMs: number, progress: boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const { rows } = await db.query<{ stored: string; received: string; replies_open: string }>(
      `SELECT (SELECT count(*) FROM inbound_message) AS stored,
              (SELECT count(*) FROM inbound_message WHERE status = 'received') AS received,
              (SELECT count(*) FROM outbound_reply WHERE status IN ('pending', 'sending')) AS replies_open`,
    );
    const r = rows[0]!;
    const line = `stored ${r.stored}/${total}, waiting for extraction ${r.received}, replies open ${r.replies_open}`;
    if (progress && line !== last) process.stderr.write(`  ${line}\r`);
    last = line;
    if (Number(r.stored) >= total && Number(r.received) === 0 && Number(r.replies_open) === 0) {
      if (progress) process.stderr.write('\n');
      return true;
    }
    if (Date.now() > deadline) {
      if (progress) process.stderr.write(`\n  gave up waiting: ${line}\n`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function readRows(db: Client): Promise<Row[]> {
  const { rows } = await db.query<Row>(
    `SELECT m.message_id, m.status,
       (extract(epoch FROM m.received_at) * 1000)::bigint::text AS stored_ms,
       (extract(epoch FROM coalesce((SELECT min(r.created_at) FROM vob_request r WHERE r.inbound_message_id = m.id), m.extracted_at)) * 1000)::bigint::text AS record_ms,
       (SELECT (extract(epoch FROM max(o.sent_at)) * 1000)::bigint::text FROM outbound_reply o WHERE o.inbound_message_id = m.id AND o.status = 'sent') AS sent_ms
     FROM inbound_message m`,
  );
  return rows;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function report(label: string, messages: BenchMessage[], rows: Row[], svc: { startedAt: number; readyAt: number } | null): void {
  const byId = new Map(rows.map((r) => [r.message_id, r]));
  for (const kind of ['text', 'card'] as const) {
    const mine = messages.filter((m) => m.kind === kind);
    if (mine.length === 0) continue;
    const found = mine.map((m) => ({ m, r: byId.get(m.messageId) })).filter((x): x is { m: BenchMessage; r: Row } => !!x.r);
    const lat = (pick: (r: Row) => string | null) => found.filter((x) => pick(x.r) !== null).map((x) => Number(pick(x.r)) - x.m.appendedAt!);
    const last = (pick: (r: Row) => string | null) => Math.max(...found.filter((x) => pick(x.r) !== null).map((x) => Number(pick(x.r))));
    const first = Math.min(...mine.map((m) => m.appendedAt!));
    const stored = lat((r) => r.stored_ms);
    const record = lat((r) => r.record_ms);
    const reply = lat((r) => r.sent_ms);
    const review = found.filter((x) => x.r.status === 'needs-review').length;
    const rate = (n: number, from: number, to: number) => fmt(n / ((to - from) / 1000), 1);
    console.log(`${label} ${kind === 'text' ? 'text-only' : 'with card photos'}: ${found.length}/${mine.length} stored, ${record.length} records (${review} needs-review), ${reply.length} replies sent`);
    console.log(`  messages/s first APPEND → last stored / record / reply: ${rate(stored.length, first, last((r) => r.stored_ms))} / ${rate(record.length, first, last((r) => r.record_ms))} / ${rate(reply.length, first, last((r) => r.sent_ms))}`);
    if (svc) {
      console.log(`  messages/s service start → last stored / record / reply: ${rate(stored.length, svc.startedAt, last((r) => r.stored_ms))} / ${rate(record.length, svc.startedAt, last((r) => r.record_ms))} / ${rate(reply.length, svc.startedAt, last((r) => r.sent_ms))}  (ready after ${svc.readyAt - svc.startedAt} ms)`);
    }
    console.log(`  latency APPEND → stored : p50 ${percentile(stored, 50)} ms, p95 ${percentile(stored, 95)} ms, max ${Math.max(...stored)} ms`);
    console.log(`  latency APPEND → record : p50 ${percentile(record, 50)} ms, p95 ${percentile(record, 95)} ms, max ${Math.max(...record)} ms`);
    console.log(`  latency APPEND → reply  : p50 ${percentile(reply, 50)} ms, p95 ${percentile(reply, 95)} ms, max ${Math.max(...reply)} ms`);
  }
}

// ───────────────────────────── one phase ─────────────────────────────

async function runPhase(phase: 'backlog' | 'stream', admin: Client): Promise<void> {
  const count = flag('count', 2000);
  const cards = flag('cards', 0);
  const rate = flag('rate', 100);
  const streamSeconds = flag('stream-seconds', 20);
  const connections = flag('connections', 8);
  const batch = flag('batch', 50);
  const profileDir = args.includes('--profile') ? path.resolve(option('profile', 'bench-profile')) : undefined;
  const streamTotal = Math.round(rate * streamSeconds);
  const textCount = phase === 'backlog' ? count : Math.max(0, streamTotal - Math.min(cards, streamTotal));
  const cardCount = phase === 'backlog' ? cards : Math.min(cards, streamTotal);
  const senders = flag('senders', Math.max(1, Math.min(textCount + cardCount, 1000)));

  const dbName = `vob_bench_${tag}_${phase}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const folder = `Bench-${tag}-${phase}`;
  const setup = await RawImap.connect();
  await setup.command(`CREATE ${quote(folder)}`);
  await setup.logout();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: `vobbench-${tag}-${phase}`,
    IMAP_MAILBOX: folder,
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    REPLY_RATE_PER_HOUR: '1000000000',
  };
  const db = new Client({ connectionString: url.toString() });
  db.on('error', (err) => console.error(`bench-ingest: ${dbName}: ${err.message}`));
  const messages = makeMessages(phase, textCount, cardCount, senders);
  let svc: ServiceChild | null = null;
  try {
    if (phase === 'backlog') {
      const t0 = Date.now();
      await appendAll(folder, messages, connections, batch);
      const seconds = (Date.now() - t0) / 1000;
      console.log(`\nbacklog: appended ${messages.length} messages (MULTIAPPEND of ${batch}, ${connections} connections) in ${fmt(seconds, 1)} s (${fmt(messages.length / seconds)}/s); starting the service`);
      svc = await startServiceChild(env, profileDir);
    } else {
      svc = await startServiceChild(env, profileDir);
      await new Promise((r) => setTimeout(r, 1000));
      console.log(`\nstream: ${messages.length} messages at ${rate}/s over ${connections} connections`);
      await appendAtRate(folder, messages, rate, connections);
    }
    await db.connect();
    const complete = await waitForCompletion(db, messages.length, Math.max(120_000, messages.length * 100), process.stderr.isTTY === true);
    const rows = await readRows(db);
    const started = { startedAt: svc.startedAt, readyAt: svc.readyAt };
    const { peak, cpuSeconds } = await svc.stop();
    svc = null;
    // From service start too for the backlog (it was appended before the service ran).
    report(phase, messages, rows, phase === 'backlog' ? started : null);
    console.log(`  peak RSS of the service process: ${mb(peak)}; its CPU: ${fmt(cpuSeconds, 1)} s (${fmt((cpuSeconds * 1000) / messages.length, 2)} ms/message)${complete ? '' : '  (INCOMPLETE: gave up waiting)'}`);
  } finally {
    if (svc) await svc.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
    await cleanupMailbox(folder).catch((err: Error) => console.error(`cleanup of ${folder}: ${err.message}`));
    if (args.includes('--keep-db')) console.log(`  kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const phases = option('phases', 'backlog,stream').split(',') as ('backlog' | 'stream')[];
  const admin = new Client({ connectionString: ADMIN_URL });
  // A Postgres restart (a fault test running alongside) ends the run with a message, not a crash.
  admin.on('error', (err) => console.error(`bench-ingest: admin connection: ${err.message}`));
  await admin.connect();
  try {
    for (const phase of phases) await runPhase(phase, admin);
  } finally {
    await admin.end();
  }
}

if (args.includes('--serve')) {
  serve().catch((err: Error) => {
    console.error(`bench-ingest service: ${err.message}`);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(`bench-ingest: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
