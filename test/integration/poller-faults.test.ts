/**
 * The poller's faults against the real lab: the IMAP connection cut mid-run, a UIDVALIDITY
 * reset, two instances at once, and the active instance losing its database session. Each
 * ends with every message stored once and moved out of the mailbox.
 */
import type { ImapFlow } from 'imapflow';
import { Pool } from 'pg';
import type { MailboxPoller } from '../../src/adapters/imap/mailbox-poller';
import { POLLER_LOCK_NAMESPACE } from '../../src/adapters/imap/mailbox-lease';
import { mailboxKey } from '../../src/domain/mailbox-sync';
import {
  countRows,
  createTestDatabase,
  folderCount,
  makeMessage,
  newMailboxUser,
  openTestImap,
  realIngest,
  sleep,
  startPoller,
  waitFor,
  type TestDatabase,
} from './poller.helpers';

jest.setTimeout(90_000);

let db: TestDatabase;
const pollers: MailboxPoller[] = [];
const imaps: ImapFlow[] = [];
const pools: Pool[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
  for (const imap of imaps.splice(0)) await imap.logout().catch(() => undefined);
  for (const pool of pools.splice(0)) await pool.end().catch(() => undefined);
});

afterAll(async () => {
  await db.drop();
});

const rowsFor = (user: string, folder = 'INBOX') =>
  countRows(db.pool, 'SELECT 1 FROM inbound_message WHERE mailbox = $1', [mailboxKey(user, folder)]);

async function mailbox(user: string): Promise<ImapFlow> {
  const imap = await openTestImap(user);
  imaps.push(imap);
  return imap;
}

it('the IMAP connection cut mid-chunk and again while idle: reconnects, nothing lost, nothing twice', async () => {
  const user = newMailboxUser();
  const imap = await mailbox(user);
  for (let i = 0; i < 15; i++) await imap.append('INBOX', makeMessage({ subject: `request ${i}` }));
  const { sink, calls } = realIngest(db.pool);
  const sessions: ImapFlow[] = [];
  const poller = startPoller({
    db: db.pool,
    user,
    // Cut the poller's connection from under it right after the 3rd commit: the rest of the
    // chunk is committed from the sources in hand, but its MOVE fails on the dead connection.
    ingest: async (m) => {
      const result = await sink(m);
      if (calls.length === 3) sessions[sessions.length - 1]!.close();
      return result;
    },
    options: { onSession: (c) => void sessions.push(c) },
  });
  pollers.push(poller);

  await waitFor('15 moved to Processed', () => folderCount(imap, 'Processed'), (n) => n === 15);
  expect(sessions.length).toBeGreaterThanOrEqual(2);
  expect(await rowsFor(user)).toBe(15);
  expect(await folderCount(imap, 'INBOX')).toBe(0);
  // Committed-but-not-moved messages were re-read once after the reconnect, as duplicates.
  expect(calls.filter((c) => !c.duplicate)).toHaveLength(15);

  // Cut while idle, then deliver: the new session (not IDLE on the dead one) picks it up.
  const before = sessions.length;
  sessions[sessions.length - 1]!.close();
  await imap.append('INBOX', makeMessage({ subject: 'after the cut' }));
  await waitFor('16 moved to Processed', () => folderCount(imap, 'Processed'), (n) => n === 16);
  expect(sessions.length).toBeGreaterThan(before);
  expect(await rowsFor(user)).toBe(16);
  expect(poller.state()).toBe('active');
});

it('a UIDVALIDITY reset (mailbox deleted, recreated, same messages again) adds no record', async () => {
  const user = newMailboxUser();
  const folder = 'Intake';
  const imap = await mailbox(user);
  await imap.mailboxCreate(folder);
  const ids = ['<reset-a@center.test>', '<reset-b@center.test>', '<reset-c@center.test>'];
  for (const messageId of ids) await imap.append(folder, makeMessage({ messageId }));
  const { sink, calls, enqueued } = realIngest(db.pool);
  const poller = startPoller({ db: db.pool, user, ingest: sink, config: { IMAP_MAILBOX: folder } });
  pollers.push(poller);
  await waitFor('3 records', () => rowsFor(user, folder), (n) => n === 3);
  await waitFor('3 moved', () => folderCount(imap, 'Processed'), (n) => n === 3);
  const first = await imap.status(folder, { uidValidity: true });

  await imap.mailboxDelete(folder);
  await sleep(1_100); // a new UIDVALIDITY is time-based: make sure the second differs
  await imap.mailboxCreate(folder);
  for (const messageId of ids) await imap.append(folder, makeMessage({ messageId }));
  await imap.append(folder, makeMessage({ messageId: '<reset-d@center.test>' }));
  const second = await imap.status(folder, { uidValidity: true });
  expect(second && second.uidValidity).not.toEqual(first && first.uidValidity);

  await waitFor('7 moved', () => folderCount(imap, 'Processed'), (n) => n === 7, 30_000);
  expect(await rowsFor(user, folder)).toBe(4);
  expect(calls.filter((c) => c.duplicate)).toHaveLength(3);
  expect(new Set(enqueued).size).toBe(4);
  expect(await folderCount(imap, folder)).toBe(0);
  // One cursor per epoch.
  expect(await countRows(db.pool, 'SELECT 1 FROM mailbox_cursor WHERE mailbox = $1', [mailboxKey(user, folder)])).toBe(2);
});

it('two instances at once: one polls, the other stands by, each message handed over once; the standby takes over', async () => {
  const user = newMailboxUser();
  const imap = await mailbox(user);
  // Two instances = two processes' pools on the same database.
  const poolA = new Pool({ connectionString: db.url, max: 4 });
  const poolB = new Pool({ connectionString: db.url, max: 4 });
  pools.push(poolA, poolB);
  const a = realIngest(poolA);
  const b = realIngest(poolB);
  const pa = startPoller({ db: poolA, user, ingest: a.sink });
  const pb = startPoller({ db: poolB, user, ingest: b.sink });
  pollers.push(pa, pb);
  await waitFor('one active, one standby', async () => [pa.state(), pb.state()].sort().join(','), (s) => s === 'active,standby');

  for (let i = 0; i < 10; i++) await imap.append('INBOX', makeMessage({ subject: `request ${i}` }));
  await waitFor('10 moved', () => folderCount(imap, 'Processed'), (n) => n === 10);
  const [active, standby] = pa.state() === 'active' ? [pa, pb] : [pb, pa];
  const [activeCalls, standbyCalls] = pa.state() === 'active' ? [a.calls, b.calls] : [b.calls, a.calls];
  expect(activeCalls).toHaveLength(10);
  expect(activeCalls.every((c) => !c.duplicate)).toBe(true);
  expect(standbyCalls).toHaveLength(0);
  expect(await rowsFor(user)).toBe(10);

  // The active one stops (deploy, crash): the standby takes the lock and carries on.
  await active.stop();
  await waitFor('standby took over', async () => standby.state(), (s) => s === 'active', 10_000);
  for (let i = 0; i < 3; i++) await imap.append('INBOX', makeMessage({ subject: `later ${i}` }));
  await waitFor('13 moved', () => folderCount(imap, 'Processed'), (n) => n === 13);
  expect(standbyCalls).toHaveLength(3);
  expect(await rowsFor(user)).toBe(13);
});

it('the active instance losing its database session: the lock is re-established by one instance only, no double record', async () => {
  const user = newMailboxUser();
  const imap = await mailbox(user);
  const poolA = new Pool({ connectionString: db.url, max: 4 });
  const poolB = new Pool({ connectionString: db.url, max: 4 });
  poolA.on('error', () => undefined);
  poolB.on('error', () => undefined);
  pools.push(poolA, poolB);
  const a = realIngest(poolA);
  const b = realIngest(poolB);
  const pa = startPoller({ db: poolA, user, ingest: a.sink });
  await waitFor('A active', async () => pa.state(), (s) => s === 'active');
  const pb = startPoller({ db: poolB, user, ingest: b.sink });
  pollers.push(pa, pb);
  await waitFor('B standby', async () => pb.state(), (s) => s === 'standby');

  const holder = async (): Promise<number[]> =>
    (
      await db.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::oid
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [POLLER_LOCK_NAMESPACE],
      )
    ).rows.map((r) => r.pid);
  const [first] = await holder();
  expect(first).toBeDefined();

  // Kill the lock session on the server, as a Postgres restart or a network cut would.
  await db.pool.query('SELECT pg_terminate_backend($1)', [first]);
  // Whichever instance gets there first holds the lock again, on a new session; never both.
  const after = await waitFor('lock held again', holder, (pids) => pids.length === 1 && pids[0] !== first, 10_000);
  expect(after).toHaveLength(1);
  await waitFor('one active, one standby', async () => [pa.state(), pb.state()].sort().join(','), (s) => s === 'active,standby');

  for (let i = 0; i < 6; i++) await imap.append('INBOX', makeMessage({ subject: `request ${i}` }));
  await waitFor('6 moved', () => folderCount(imap, 'Processed'), (n) => n === 6);
  expect(await rowsFor(user)).toBe(6);
  expect([...a.calls, ...b.calls].filter((c) => !c.duplicate)).toHaveLength(6);
  expect(await holder()).toHaveLength(1);
});

it('stop() mid-chunk finishes the message in hand, moves what is committed, releases the lock; the next start resumes', async () => {
  const user = newMailboxUser();
  const imap = await mailbox(user);
  for (let i = 0; i < 10; i++) await imap.append('INBOX', makeMessage({ subject: `request ${i}` }));
  const { sink, calls } = realIngest(db.pool);
  let release!: () => void;
  const third = new Promise<void>((r) => (release = r));
  const slow = startPoller({
    db: db.pool,
    user,
    ingest: async (m) => {
      if (calls.length === 2) release();
      await sleep(150);
      return sink(m);
    },
    options: { chunkSize: 10 },
  });
  await third;
  await slow.stop();
  expect(slow.state()).toBe('stopped');
  const done = calls.length;
  expect(done).toBe(3); // the third was in hand when stop() came: finished, nothing after it
  expect(await rowsFor(user)).toBe(3);
  expect(await folderCount(imap, 'Processed')).toBe(3);
  expect(await folderCount(imap, 'INBOX')).toBe(7);
  const { rows } = await db.pool.query<{ last_uid: string }>('SELECT last_uid::text FROM mailbox_cursor WHERE mailbox = $1', [mailboxKey(user, 'INBOX')]);
  expect(Number(rows[0]!.last_uid)).toBe(3);
  expect(await countRows(db.pool, `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [POLLER_LOCK_NAMESPACE])).toBe(0);

  const poller = startPoller({ db: db.pool, user, ingest: sink });
  pollers.push(poller);
  await waitFor('10 moved', () => folderCount(imap, 'Processed'), (n) => n === 10);
  expect(await rowsFor(user)).toBe(10);
  expect(calls.filter((c) => c.duplicate)).toHaveLength(0);
});

it('an unreachable IMAP server: retries with backoff while holding the lock, and stop() still returns promptly', async () => {
  const user = newMailboxUser();
  const { sink, calls } = realIngest(db.pool);
  const poller = startPoller({ db: db.pool, user, ingest: sink, config: { IMAP_PORT: 1 } });
  await waitFor('active', async () => poller.state(), (s) => s === 'active');
  await sleep(1_500);
  const started = Date.now();
  await poller.stop();
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(poller.state()).toBe('stopped');
  expect(calls).toHaveLength(0);
  expect(await countRows(db.pool, `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::oid AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [POLLER_LOCK_NAMESPACE])).toBe(0);
});
