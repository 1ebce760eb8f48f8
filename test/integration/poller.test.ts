/**
 * The poller against the real lab: Dovecot (STARTTLS with the lab CA) and Postgres, with the
 * real ingest use case storing into inbound_message of a database of this file's own.
 */
import { mailboxKey } from '../../src/domain/mailbox-sync';
import {
  countRows,
  folderCount,
  makeMessage,
  newMailboxUser,
  openTestImap,
  pollerTestHooks,
  realIngest,
  sleep,
  startPoller,
  waitFor,
} from './poller.helpers';

jest.setTimeout(60_000);

const hooks = pollerTestHooks();
const { open, rowsFor } = hooks;

it('mail appended to the mailbox is ingested exactly once, moved to Processed, and the cursor follows', async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  for (let i = 0; i < 12; i++) await imap.append('INBOX', makeMessage({ subject: `request ${i}` }));
  const { sink, calls, enqueued } = realIngest(hooks.db().pool);
  const poller = startPoller({ db: hooks.db().pool, user, ingest: sink });
  open.push({ poller, imap });

  await waitFor('12 records', () => rowsFor(user), (n) => n === 12);
  await waitFor('12 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 12);
  expect(await folderCount(imap, 'INBOX')).toBe(0);
  expect(poller.state()).toBe('active');

  // New mail while idling is picked up too (IDLE or the reconcile, whichever comes first).
  await imap.append('INBOX', makeMessage({ subject: 'late request' }));
  await waitFor('13 records', () => rowsFor(user), (n) => n === 13);
  await waitFor('13 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 13);

  // Each message handed over once, none as a duplicate, each enqueued once for extraction.
  expect(calls).toHaveLength(13);
  expect(calls.every((c) => !c.duplicate && c.status === 'received')).toBe(true);
  expect(new Set(enqueued).size).toBe(13);

  const { rows } = await hooks.db().pool.query<{ last_uid: string }>('SELECT last_uid::text FROM mailbox_cursor WHERE mailbox = $1', [mailboxKey(user, 'INBOX')]);
  expect(rows).toHaveLength(1);
  expect(Number(rows[0]!.last_uid)).toBe(13);

  // A few reconcile periods later, nothing has been handed over again.
  await sleep(2_500);
  expect(calls).toHaveLength(13);
  await poller.stop();
  expect(poller.state()).toBe('stopped');
});

it('the same message delivered twice becomes one record; both copies leave the mailbox', async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  const messageId = '<same-request-1@center.test>';
  await imap.append('INBOX', makeMessage({ messageId, received: 'from mx1.center.test by mail.test; Mon, 2 Mar 2026 10:00:01 +0000' }));
  await imap.append('INBOX', makeMessage({ messageId, received: 'from mx2.center.test by mail.test; Mon, 2 Mar 2026 10:00:09 +0000' }));
  // Without a Message-ID the content hash (minus trace headers) is the key.
  const bare = makeMessage({ subject: 'no id' }).replace(/^Message-ID:.*\r\n/m, '');
  await imap.append('INBOX', `Received: from a.test\r\n${bare}`);
  await imap.append('INBOX', `Received: from b.test\r\n${bare}`);
  const { sink, calls, enqueued } = realIngest(hooks.db().pool);
  const poller = startPoller({ db: hooks.db().pool, user, ingest: sink });
  open.push({ poller, imap });

  await waitFor('all 4 moved', () => folderCount(imap, 'Processed'), (n) => n === 4);
  expect(await rowsFor(user)).toBe(2);
  expect(calls.map((c) => c.duplicate)).toEqual([false, true, false, true]);
  // A duplicate may be re-enqueued (job ids are deterministic, so that is a no-op): two ids.
  expect(new Set(enqueued).size).toBe(2);
  expect(await folderCount(imap, 'INBOX')).toBe(0);
});

it('an oversized message is set aside once (one record, one review task, Needs-Review), never downloaded or re-read', async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  const big = makeMessage({ subject: 'card photos', body: 'x'.repeat(76).concat('\r\n').repeat(4_000) }); // ~312 kB > 200 kB
  await imap.append('INBOX', big);
  await imap.append('INBOX', makeMessage({ subject: 'small one' }));
  const { sink, calls, enqueued } = realIngest(hooks.db().pool);
  const sizes: number[] = [];
  const poller = startPoller({
    db: hooks.db().pool,
    user,
    ingest: async (m) => {
      sizes.push(m.raw.byteLength);
      return sink(m);
    },
  });
  open.push({ poller, imap });

  await waitFor('1 in Needs-Review', () => folderCount(imap, 'Needs-Review'), (n) => n === 1);
  await waitFor('1 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 1);
  const { rows } = await hooks.db().pool.query<{ id: string; status: string; review_code: string; size_bytes: number }>(
    `SELECT id::text, status, review_code, size_bytes FROM inbound_message WHERE mailbox = $1 AND status = 'needs-review'`,
    [mailboxKey(user, 'INBOX')],
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]!.review_code).toBe('message-too-large');
  expect(rows[0]!.size_bytes).toBeGreaterThan(200_000);
  expect(await countRows(hooks.db().pool, `SELECT 1 FROM staff_task WHERE kind = 'review-message' AND inbound_message_id = $1`, [rows[0]!.id])).toBe(1);
  // Only the header block of the big one crossed the wire into the ingest.
  expect(Math.max(...sizes)).toBeLessThan(2_000);
  expect(enqueued).toHaveLength(1);

  // No loop: several reconciles later it was handed over exactly once.
  await sleep(3_000);
  expect(calls.filter((c) => c.status === 'needs-review')).toHaveLength(1);
  expect(calls).toHaveLength(2);
});

it('a message committed but not moved (crash between) is moved by the next start, not stored again', async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  await imap.append('INBOX', makeMessage({ subject: 'first' }));
  const { sink, calls } = realIngest(hooks.db().pool);
  // First run: the ingest commits, then the process "dies" before the MOVE (the sink stops the
  // poller's world by throwing after the commit).
  let crash = true;
  const crashing = startPoller({
    db: hooks.db().pool,
    user,
    ingest: async (m) => {
      const result = await sink(m);
      if (crash) throw Object.assign(new Error('simulated crash after commit'), { code: 'SIMULATED' });
      return result;
    },
  });
  await waitFor('committed once', async () => calls.length, (n) => n >= 1);
  await crashing.stop();
  crash = false;
  expect(await rowsFor(user)).toBe(1);
  expect(await folderCount(imap, 'INBOX')).toBe(1);

  const poller = startPoller({ db: hooks.db().pool, user, ingest: sink });
  open.push({ poller, imap });
  await waitFor('moved to Processed', () => folderCount(imap, 'Processed'), (n) => n === 1);
  expect(await rowsFor(user)).toBe(1);
  expect(calls.slice(-1)[0]!.duplicate).toBe(true);
});
