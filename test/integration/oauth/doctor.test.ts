/**
 * `vob doctor` against the lab, with MAIL_AUTH=oauth2-microsoft (MSAL against the lab issuer):
 * every check passes on a migrated database with secrets set; a stopped dependency (nothing
 * listening where the configuration points) fails its line with the fix, and the exit is 1.
 * Run alone: npx jest test/integration/oauth/doctor.test.ts --selectProjects integration
 */
import { createServer } from 'node:net';
import { Client } from 'pg';
import { migrate } from '../../../src/adapters/db/migrate';
import { createStaffAccountRepository } from '../../../src/adapters/db/staff-account.repository';
import { runDoctor } from '../../../src/cli/doctor-command';
import { newMailboxUser } from '../poller.helpers';
import { createTestDatabase } from '../service/lab';
import { labNetworkClient, labOAuthControl, microsoftLabEnv } from './lab-oauth';

jest.setTimeout(60_000);

let database: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** A loopback port with nothing listening on it: a service that is stopped. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function doctor(env: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runDoctor([], env, (l) => lines.push(l), { msalNetworkClient: labNetworkClient });
  return { code, lines };
}

function readyEnv(mailbox: string): Record<string, string> {
  return {
    ...microsoftLabEnv(mailbox),
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    STORAGE_KEY: Buffer.alloc(32, 5).toString('base64'),
    SESSION_SECRET: 'doctor-test-session-secret-of-32-bytes-or-more',
  };
}

it('not migrated yet: the migrations line fails and names vob migrate; then every check passes', async () => {
  const mailbox = newMailboxUser();
  const before = await doctor(readyEnv(mailbox));
  expect(before.code).toBe(1);
  expect(before.lines.find((l) => l.includes('migrations'))).toMatch(/^FAIL .*not applied.*vob migrate/);

  await migrate({ databaseUrl: database.url });
  const noAdmin = await doctor(readyEnv(mailbox));
  expect(noAdmin.lines.filter((l) => l.startsWith('FAIL'))).toEqual([expect.stringMatching(/^FAIL +staff accounts .*no enabled admin.*vob user add/)]);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  await createStaffAccountRepository({ db }).insertUser(`admin-${Date.now()}@staff.test`, 'admin', 'scrypt$placeholder');
  await db.end();
  const after = await doctor(readyEnv(mailbox));
  expect(after.lines.filter((l) => l.startsWith('FAIL'))).toEqual([]);
  expect(after.code).toBe(0);
  for (const name of ['config', 'postgres', 'migrations', 'redis', 'mail token', 'imap login', 'imap mailbox', 'imap folder', 'smtp', 'ocr data', 'storage key', 'session secret', 'staff accounts']) {
    expect(after.lines.some((l) => new RegExp(`^(ok|note) +${name} `).test(l))).toBe(true);
  }
});

it('Redis stopped: its line fails with the fix, the other checks still run, exit 1', async () => {
  const env = { ...readyEnv(newMailboxUser()), REDIS_URL: `redis://127.0.0.1:${await closedPort()}` };
  const { code, lines } = await doctor(env);
  expect(code).toBe(1);
  expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([expect.stringMatching(/^FAIL  redis .*cannot reach.*-> fix: start Redis, or set REDIS_URL/)]);
  expect(lines.some((l) => /^ok +smtp /.test(l))).toBe(true);
});

it('IMAP stopped, and a refused grant: each named with what to fix', async () => {
  const down = await doctor({ ...readyEnv(newMailboxUser()), IMAP_PORT: String(await closedPort()) });
  expect(down.code).toBe(1);
  expect(down.lines.find((l) => l.includes('imap login'))).toMatch(/^FAIL .*cannot reach.*fix: check IMAP_HOST, IMAP_PORT/);

  const mailbox = newMailboxUser();
  await labOAuthControl(mailbox, { refuse: true });
  const refused = await doctor(readyEnv(mailbox));
  expect(refused.code).toBe(1);
  expect(refused.lines.find((l) => l.includes('mail token'))).toMatch(/^FAIL .*invalid_client.*New-ServicePrincipal/);
  expect(refused.lines.find((l) => /^\w+ +smtp /.test(l))).toMatch(/^FAIL .*login refused/);
  expect(refused.lines.join('\n')).not.toMatch(/MS_CLIENT_SECRET=|test\b.*secret/);
});
