/**
 * Staff pages bench (a script, not a test): 10,000 requests with their messages and tasks in a
 * database of its own, then the service's HTTP (no workers, no poller) timed on the pages staff
 * open most: the queue (GET /, with its filters), a search (POST /search), a request
 * (GET /requests/:id), and the admins' center figures (GET /admin/figures).
 *
 *   npm run bench:staff [-- --count N --runs R]
 *
 * Needs the lab's PostgreSQL and Redis (or DATABASE_URL / REDIS_URL: the database URL is only
 * used to create and drop the bench's own database). All data is generated and fictional;
 * prints counts and times only. Target: each page under 200 ms (median) on 2 cores.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import type { VobRequest } from '../schemas/vob-record';
import { valuesList, withTransaction } from '../src/adapters/db/db-pool';
import { createVobRequestRepository } from '../src/adapters/db/vob-request.repository';
import { loadConfig } from '../src/config';
import { startVobService } from '../src/service/vob-service';
import { indexRequests } from '../src/use-cases/search-requests';
import { CLI_ACTOR } from '../src/use-cases/staff-accounts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const count = option('--count', 10_000);
const runs = option('--runs', 30);
const BATCH = 500;
const TARGET_MS = 200;

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://vob:vob@127.0.0.1:5432/vob';
const FIRST = ['Jane', 'Marcus', 'Ana', 'David', 'Priya', 'Tom', 'Leila', 'Sam', 'Olu', 'Mei'];
const LAST = ['Doe', 'Example', 'Placeholder', 'Sample', 'Testcase', 'Fixture', 'Mockley', 'Dummy'];
/** Known payers and one the payer list does not know (stored as 'other'). */
const PAYERS = ['Aetna', 'Cigna', 'UnitedHealthcare', 'Humana', 'Zyxwv Mutual Plan'];

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fictional request like the card fixture's, with its own name, DOB and member ID. */
function requestFor(template: VobRequest, i: number): VobRequest {
  const complete = i % 3 !== 0;
  const year = 1950 + (i % 55);
  return {
    ...template,
    client: { ...template.client, name: `${FIRST[i % FIRST.length]} Q ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`, dob: `${year}-0${1 + (i % 9)}-1${i % 10}` },
    insurance: { ...template.insurance, payerName: PAYERS[i % PAYERS.length]!, memberId: `W${String(i).padStart(9, '0')}` },
    missingFields: complete ? (i % 2 ? [] : ['card']) : i % 5 ? ['client.address'] : ['client.address', 'referredBy'],
    conflicts: [],
  } as VobRequest;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}

async function main(): Promise<void> {
  const name = `vob_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    QUEUE_PREFIX: `vobbench-${randomBytes(4).toString('hex')}`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: randomBytes(32).toString('base64'),
  });
  const service = await startVobService({ config, logger: pino({ level: 'silent' }), poller: false, workers: false, reconciler: false });
  try {
    const template = (JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/emails/card-conflict.expected.json'), 'utf8')) as { requests: VobRequest[] }).requests[0]!;
    const seedStart = performance.now();
    for (let from = 0; from < count; from += BATCH) {
      const n = Math.min(BATCH, count - from);
      await withTransaction(service.db, async (tx) => {
        const messages = valuesList(
          Array.from({ length: n }, (_, k) => {
            const i = from + k;
            return [`bench-${i}`, `<bench-${i}@bench.test>`, 'bench', 'INBOX', 1, i + 1, 2000, `intake@center${i % 40}.test`, service.cipher.encrypt(Buffer.from(`Subject: VOB request ${i}\r\n\r\nbench`)), 'extracted'];
          }),
          ['text', 'text', 'text', 'text', 'bigint', 'bigint', 'int', 'text', 'bytea', 'text'],
        );
        const { rows: inbound } = await tx.query<{ id: string }>(
          `INSERT INTO inbound_message (dedupe_key, message_id, content_sha256, mailbox, uid_validity, uid, size_bytes, from_address, raw_encrypted, status)
           VALUES ${messages.sql} RETURNING id::text`,
          messages.params,
        );
        const requests = inbound.map((m, k) => ({ inboundMessageId: m.id, request: requestFor(template, from + k), from: `intake@center${(from + k) % 40}.test` }));
        const stored = await createVobRequestRepository({ db: tx }).insertOrFind(
          requests.map((r) => ({
            inboundMessageId: r.inboundMessageId,
            requestIndex: 0,
            fromAddress: r.from,
            status: r.request.missingFields.length === 0 ? ('ready' as const) : ('awaiting-information' as const),
            requestEncrypted: service.cipher.encryptJson(r.request),
            clientKey: null,
            missingFields: r.request.missingFields,
            conflictCount: 0,
            nextReminderAt: null,
          })),
        );
        await indexRequests(tx, service.cipher, stored.map((s, k) => ({ requestId: s.id, request: requests[k]!.request })));
        const tasks = valuesList(
          stored.map((s, k) => {
            const ready = requests[k]!.request.missingFields.length === 0;
            // Most older tasks are done, as in a queue that has run for months.
            const done = from + k < count * 0.7;
            return [ready ? 'verify-benefits' : 'awaiting-information', s.id, s.id, done ? 'done' : ready ? 'open' : 'paused', ready ? 2 : 3, new Date(Date.now() + ((from + k) % 97) * 3_600_000)];
          }),
          ['text', 'text', 'bigint', 'text', 'int', 'timestamptz'],
        );
        await tx.query(`INSERT INTO staff_task (kind, subject_key, request_id, status, priority, due_at) VALUES ${tasks.sql}`, tasks.params);
      });
    }
    // Emails over the last ten days; most older requests verified some hours after their email.
    await service.db.query(`UPDATE inbound_message SET received_at = now() - make_interval(hours => (id % 240)::int)`);
    await service.db.query(
      `INSERT INTO benefit_verification (request_id, status, worksheet_encrypted, completed_at)
       SELECT r.id, 'complete', '\\x00'::bytea, m.received_at + make_interval(hours => (r.id % 50)::int)
       FROM vob_request r JOIN inbound_message m ON m.id = r.inbound_message_id WHERE r.id % 10 < 7`,
    );
    await service.db.query('ANALYZE');
    const seedMs = performance.now() - seedStart;

    const password = randomBytes(12).toString('hex');
    await service.accounts!.addUser({ email: 'bench@staff.test', role: 'biller', password }, CLI_ACTOR, null);
    await service.accounts!.addUser({ email: 'bench-admin@staff.test', role: 'admin', password }, CLI_ACTOR, null);
    const signIn = async (email: string) => {
      const login = await fetch(`${service.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      return { cookie: login.headers.getSetCookie().find((c) => c.startsWith('vob_session='))!.split(';')[0]!, csrf: csrfToken };
    };
    const biller = await signIn('bench@staff.test');
    const admin = await signIn('bench-admin@staff.test');
    const { rows: some } = await service.db.query<{ id: string }>('SELECT id::text FROM vob_request ORDER BY id DESC LIMIT 1 OFFSET $1', [Math.floor(count / 2)]);
    /** [label, path, form body to POST (a search), as admin]. */
    const pages: [string, string, string?, boolean?][] = [
      ['queue', '/'],
      ['queue, status all, page 3', '/?status=all&page=3'],
      ['queue, one center', '/?center=%40center7.test'],
      ['queue, one payer', '/?payer=Aetna'],
      ['queue, payer + over 3 days', '/?payer=Cigna&age=gt3d'],
      ['queue, all, 1-3 days, p2', '/?status=all&age=1to3d&page=2'],
      ['search name + year', '/search', `q=${encodeURIComponent('Jane Doe 1990')}`],
      ['search one common name', '/search', 'q=doe'],
      ['search member ID', '/search', `q=W${String(Math.floor(count / 3)).padStart(9, '0')}`],
      ['search sender', '/search', 'q=intake%40center3.test'],
      ['request page', `/requests/${some[0]!.id}`],
      ['center figures', '/admin/figures', undefined, true],
      ['center figures, a week', `/api/centers/figures?since=${new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10)}`, undefined, true],
    ];
    console.log(`staff pages bench: ${count} requests and tasks seeded in ${(seedMs / 1000).toFixed(1)} s; ${runs} runs per page after 3 warm-ups`);
    let slow = 0;
    for (const [label, p, form, asAdmin] of pages) {
      const { cookie, csrf } = asAdmin ? admin : biller;
      const times: number[] = [];
      for (let r = 0; r < runs + 3; r++) {
        const start = performance.now();
        const res = await fetch(
          `${service.url}${p}`,
          form === undefined
            ? { headers: { cookie }, redirect: 'manual' }
            : { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `${form}&_csrf=${encodeURIComponent(csrf)}`, redirect: 'manual' },
        );
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
        if (r >= 3) times.push(performance.now() - start);
      }
      const m = median(times);
      if (m > TARGET_MS) slow++;
      console.log(`${label.padEnd(28)} median ${m.toFixed(1).padStart(7)} ms   p95 ${p95(times).toFixed(1).padStart(7)} ms${m > TARGET_MS ? `   over ${TARGET_MS} ms` : ''}`);
    }
    if (slow > 0) process.exitCode = 1;
  } finally {
    await service.stop();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
