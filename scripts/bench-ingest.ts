/**
 * `npm run bench:ingest -- [--count N] [--cards M] [--senders S]`: the whole service on the lab,
 * measured from IMAP APPEND to committed record (and to the reply sent over SMTP).
 *
 * N text-only incomplete requests (each from its own center, so each gets a reply) and M
 * requests with a card photo pair from fixtures/cards are APPENDed to a fresh folder of
 * verification@vob.test (a folder of its own so concurrent test runs are untouched); the
 * service (poller, workers, SMTP) runs in this process on a database and queue prefix of its
 * own. Prints messages/s (first APPEND → last record committed), p50/p95 latency
 * APPEND → record and APPEND → record+reply sent, and the peak RSS of the process.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { startVobService } from '../src/service/vob-service';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const COUNT = flag('count', 1000);
const CARDS = flag('cards', 0);
const APPENDERS = flag('appenders', 8);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://vob:vob@127.0.0.1:5432/vob';
const tag = randomBytes(4).toString('hex');

function body(i: number): string {
  return `Hello, please verify benefits for:

Client Name: Bench Client
Date of birth: 01/02/1990
Insurance Name: Aetna
ID #: W${String(100000000 + i)}
Insurance Phone Number: 800-555-1234
Subscriber Name: Bench Client
Subscriber Relationship: Self
Referred By: Sunrise Recovery Center

Thanks
`;
}

function textMessage(i: number, messageId: string): Buffer {
  return Buffer.from(
    `From: Intake <intake@b${i}-${tag}.test>\r\nTo: verification@vob.test\r\nSubject: VOB request ${i}\r\n` +
      `Message-ID: ${messageId}\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\n\r\n${body(i).replace(/\n/g, '\r\n')}`,
  );
}

function cardPairs(): [string, string][] {
  const dir = path.resolve(__dirname, '..', '..', 'fixtures', 'cards');
  const alt = path.resolve(__dirname, '..', 'fixtures', 'cards');
  const folder = existsSync(dir) ? dir : alt;
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder);
  return files
    .filter((f) => f.endsWith('-front.jpg') && files.includes(f.replace('-front', '-back')))
    .map((f) => [path.join(folder, f), path.join(folder, f.replace('-front', '-back'))]);
}

function cardMessage(i: number, messageId: string, [front, back]: [string, string]): Buffer {
  const boundary = `b-${tag}-${i}`;
  const part = (file: string) =>
    `--${boundary}\r\nContent-Type: image/jpeg; name="${path.basename(file)}"\r\nContent-Transfer-Encoding: base64\r\n` +
    `Content-Disposition: attachment; filename="${path.basename(file)}"\r\n\r\n${readFileSync(file).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`;
  return Buffer.from(
    `From: Intake <intake@b${i}-${tag}.test>\r\nTo: verification@vob.test\r\nSubject: VOB request ${i}\r\n` +
      `Message-ID: ${messageId}\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
      `${body(i).replace(/\n/g, '\r\n')}\r\n${part(front)}${part(back)}--${boundary}--\r\n`,
  );
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const dbName = `vob_bench_${tag}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const folder = `Bench-${tag}`;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: `vobbench-${tag}`,
    IMAP_MAILBOX: folder,
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    REPLY_RATE_PER_HOUR: '1000',
    RECONCILE_INTERVAL_MS: '5000',
  });

  const imapFor = () =>
    new ImapFlow({ host: config.IMAP_HOST, port: config.IMAP_PORT, secure: false, doSTARTTLS: false, auth: { user: config.IMAP_USER, pass: config.IMAP_PASSWORD }, logger: false });
  const setup = imapFor();
  await setup.connect();
  await setup.mailboxCreate(folder);
  await setup.logout();

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const service = await startVobService({ config, logger: pino({ level: config.LOG_LEVEL }, pino.destination(2)), http: false });

  const pairs = cardPairs();
  const jobs: { messageId: string; raw: Buffer; kind: 'text' | 'card' }[] = [];
  for (let i = 0; i < COUNT; i++) {
    const messageId = `<bench-${tag}-${i}@bench.test>`;
    jobs.push({ messageId, raw: textMessage(i, messageId), kind: 'text' });
  }
  for (let i = 0; i < (pairs.length > 0 ? CARDS : 0); i++) {
    const messageId = `<bench-${tag}-card-${i}@bench.test>`;
    jobs.push({ messageId, raw: cardMessage(COUNT + i, messageId, pairs[i % pairs.length]!), kind: 'card' });
  }
  const appendedAt = new Map<string, number>();
  const started = Date.now();
  let cursor = 0;
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      const client = imapFor();
      await client.connect();
      try {
        for (;;) {
          const job = jobs[cursor++];
          if (!job) break;
          await client.append(folder, job.raw, ['\\Seen']);
          appendedAt.set(job.messageId, Date.now());
        }
      } finally {
        await client.logout().catch(() => undefined);
      }
    }),
  );
  const appendSeconds = (Date.now() - started) / 1000;

  const total = jobs.length;
  const deadline = Date.now() + Math.max(120_000, total * 200);
  let records: { message_id: string; received_ms: string; sent_ms: string | null }[] = [];
  for (;;) {
    records = (
      await service.db.query<{ message_id: string; received_ms: string; sent_ms: string | null }>(
        `SELECT m.message_id, (extract(epoch FROM m.received_at) * 1000)::bigint::text AS received_ms,
           (SELECT (extract(epoch FROM max(o.sent_at)) * 1000)::bigint::text FROM outbound_reply o WHERE o.inbound_message_id = m.id AND o.status = 'sent') AS sent_ms
         FROM inbound_message m`,
      )
    ).rows;
    const replied = records.filter((r) => r.sent_ms !== null).length;
    if ((records.length >= total && replied >= total) || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  clearInterval(sampler);

  const toRecord: number[] = [];
  const toReply: number[] = [];
  const byKind = (kind: 'text' | 'card') => new Set(jobs.filter((j) => j.kind === kind).map((j) => j.messageId));
  const report = (label: string, ids: Set<string>) => {
    const rows = records.filter((r) => ids.has(r.message_id));
    if (ids.size === 0) return;
    const rec = rows.map((r) => Number(r.received_ms) - appendedAt.get(r.message_id)!);
    const rep = rows.filter((r) => r.sent_ms).map((r) => Number(r.sent_ms) - appendedAt.get(r.message_id)!);
    toRecord.push(...rec);
    toReply.push(...rep);
    const first = Math.min(...[...ids].map((id) => appendedAt.get(id)!));
    const lastRecord = Math.max(...rows.map((r) => Number(r.received_ms)));
    const lastReply = Math.max(...rows.filter((r) => r.sent_ms).map((r) => Number(r.sent_ms)));
    console.log(`${label}: ${rows.length}/${ids.size} records, ${rep.length} replies sent`);
    console.log(`  throughput APPEND→record : ${(rows.length / ((lastRecord - first) / 1000)).toFixed(1)} messages/s`);
    console.log(`  throughput APPEND→reply  : ${(rep.length / ((lastReply - first) / 1000)).toFixed(1)} messages/s`);
    console.log(`  latency APPEND→record    : p50 ${percentile(rec, 50)} ms, p95 ${percentile(rec, 95)} ms`);
    console.log(`  latency APPEND→reply sent: p50 ${percentile(rep, 50)} ms, p95 ${percentile(rep, 95)} ms`);
  };
  console.log(`appended ${total} messages with ${APPENDERS} IMAP connections in ${appendSeconds.toFixed(1)} s (${(total / appendSeconds).toFixed(0)}/s)`);
  report('text-only', byKind('text'));
  report('with card photos', byKind('card'));
  console.log(`peak RSS (service + appenders, one process): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);

  await service.stop();
  const cleanup = imapFor();
  await cleanup.connect();
  await cleanup.mailboxDelete(folder).catch(() => undefined);
  await cleanup.logout();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench-ingest: ${(err as Error).message}`);
    process.exit(1);
  },
);
