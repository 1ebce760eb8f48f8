/** Migrations, export, staff sign-in (session or API token) and the per-sender rate limit, on the real lab. */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Client } from 'pg';
import { defaultMigrationsDir, migrate } from '../../../src/adapters/db/migrate';
import { exportJsonl } from '../../../src/cli/export-command';
import type { VobService } from '../../../src/service/vob-service';
import { CLI_ACTOR } from '../../../src/use-cases/staff-accounts';
import { addStaff, createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, readMailbox, requestMail, signIn, startTestService, testConfig, waitFor } from './lab';

jest.setTimeout(90_000);

test('migrations apply once under the lock, concurrently, and an edited applied migration is refused', async () => {
  const db = await createTestDatabase();
  try {
    const results = await Promise.all([migrate({ databaseUrl: db.url }), migrate({ databaseUrl: db.url })]);
    const applied = results.flatMap((r) => r.applied);
    expect(applied).toEqual(expect.arrayContaining(['0001_init.sql', '0002_reply_subject_reminders.sql']));
    expect(new Set(applied).size).toBe(applied.length);
    expect((await migrate({ databaseUrl: db.url })).applied).toEqual([]);

    const dir = mkdtempSync(path.join(tmpdir(), 'vob-migrations-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    writeFileSync(path.join(dir, '0001_init.sql'), '-- edited\n', { flag: 'a' });
    await expect(migrate({ databaseUrl: db.url, dir })).rejects.toMatchObject({ code: 'migration-edited' });

    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT version, checksum FROM schema_migrations ORDER BY version');
    await c.end();
    // Every migration in the folder, once (the list grows with each new migration).
    const files = readdirSync(defaultMigrationsDir()).filter((f) => /^\d{4}_.*\.sql$/.test(f));
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => Number(f.slice(0, 4))));
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  } finally {
    await db.drop();
  }
});

describe('a running service', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url, { REPLY_RATE_PER_HOUR: '1' }));
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('at most REPLY_RATE_PER_HOUR replies go to one address; the next is suppressed and staff are told', async () => {
    const from = newCenter();
    const first = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: 1, raw: requestMail({ from, messageId: `<r1-${randomTag()}@x.test>`, body: INCOMPLETE_BODY }) });
    const second = await service.ingest({
      mailbox: 'INBOX',
      uidValidity: 1,
      uid: 2,
      raw: requestMail({ from, messageId: `<r2-${randomTag()}@x.test>`, body: INCOMPLETE_BODY.replace('Jane Q Doe', 'John Roe').replace('Jane Q Doe', 'John Roe') }),
    });
    const statusOf = (id: string) =>
      waitFor(async () => {
        const { rows } = await service.db.query<{ status: string }>("SELECT status FROM outbound_reply WHERE inbound_message_id = $1 AND status NOT IN ('pending','sending')", [id]);
        return rows[0]?.status ?? null;
      });
    const statuses = [await statusOf(first.id), await statusOf(second.id)].sort();
    expect(statuses).toEqual(['sent', 'suppressed']);
    const { rows } = await service.db.query<{ status: string; reason: string }>(
      `SELECT t.status, t.reason FROM staff_task t JOIN outbound_reply o ON o.inbound_message_id = t.inbound_message_id
       WHERE o.status = 'suppressed' AND o.to_address = $1 AND t.kind = 'awaiting-information'`,
      [from],
    );
    expect(rows).toEqual([{ status: 'open', reason: expect.stringMatching(/suppressed/) }]);
    await waitFor(async () => (await readMailbox(from)).length === 1);
  });

  test('export prints one JSON line per stored request with id, messageId and status', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const count = await exportJsonl({ db: service.db, cipher: service.cipher }, out);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(count);
    expect(count).toBeGreaterThanOrEqual(2);
    // Request ids follow the order extractions commit, which two concurrent jobs do not fix.
    const first = lines.find((l) => /^<r1-/.test(l.messageId));
    expect(first).toMatchObject({ id: expect.any(String), status: 'awaiting-information' });
    expect(first).toHaveProperty('client.name', 'Jane Q Doe');
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['client', 'insurance', 'subscriber', 'referredBy', 'card', 'missingFields', 'conflicts']),
    );
  });

  test('the staff pages need a session or a per-user API token; /health and /metrics do not', async () => {
    expect((await fetch(`${service.url}/api/tasks`)).status).toBe(401);
    expect((await fetch(`${service.url}/`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const biller = await addStaff(service, 'biller');
    const { token } = await service.accounts!.createToken(biller.email, CLI_ACTOR, null);
    const bearer = await fetch(`${service.url}/api/tasks`, { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
    // Basic (the old shared-token scheme) is no longer accepted.
    const basic = await fetch(`${service.url}/`, { headers: { authorization: `Basic ${Buffer.from(`ann:${token}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
    const page = await (await signIn(service, biller.email)).get('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/Awaiting information/);
    expect(html).not.toMatch(/Jane|W123456789/);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
    expect((await fetch(`${service.url}/metrics`)).status).toBe(200);
  });

  test('export is written to the audit trail', async () => {
    await exportJsonl({ db: service.db, cipher: service.cipher }, new PassThrough().resume());
    const { rows } = await service.db.query("SELECT actor, action FROM audit_event WHERE action = 'export'");
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toEqual({ actor: 'cli', action: 'export' });
  });
});
