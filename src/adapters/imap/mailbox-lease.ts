/**
 * One active poller per mailbox: a Postgres session-level advisory lock held on a dedicated
 * connection for as long as the poller is active. When that connection dies (Postgres restart,
 * network), the server frees the lock, so the lease is lost here too and another instance may
 * take over. Cursor writes go through the same connection: a poller that lost its lease cannot
 * move the cursor any more (a fence), and what it ingested meanwhile is deduplicated.
 */
import type { Pool, PoolClient } from 'pg';

/** Namespace of the two-key advisory lock ('VOBp'), apart from the migration lock's bigint key. */
export const POLLER_LOCK_NAMESPACE = 0x564f4270;

export interface MailboxLease {
  /** The dedicated session holding the lock; use it for cursor reads and writes. */
  readonly client: PoolClient;
  /** False once the session is gone or the lease was released. */
  isHeld(): boolean;
  /** Resolves when the lease is lost or released. */
  readonly ended: Promise<void>;
  /** Round trip on the session; marks the lease lost when it fails. */
  verify(): Promise<boolean>;
  /** Unlocks and closes the session (closing alone frees the lock, so this cannot leak it). */
  release(): Promise<void>;
}

export async function tryAcquireMailboxLease(pool: Pool, key: string): Promise<MailboxLease | null> {
  const client = await pool.connect();
  let held = false;
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const lose = (): void => {
    if (!held) return;
    held = false;
    end();
  };
  // A checked-out client that loses its connection emits 'error'; without a listener that
  // would crash the process.
  const onError = (): void => lose();
  client.on('error', onError);
  client.on('end', lose);
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [POLLER_LOCK_NAMESPACE, key]);
    held = rows[0]?.ok === true;
  } catch (err) {
    client.release(true);
    throw err;
  }
  if (!held) {
    client.removeListener('error', onError);
    client.removeListener('end', lose);
    client.release();
    return null;
  }
  let released = false;
  return {
    client,
    isHeld: () => held,
    ended,
    async verify() {
      if (!held) return false;
      try {
        await client.query('SELECT 1');
        return held;
      } catch {
        lose();
        return false;
      }
    },
    async release() {
      if (released) return;
      released = true;
      if (held) {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [POLLER_LOCK_NAMESPACE, key]).catch(() => undefined);
      }
      lose();
      // Destroy rather than return to the pool: a pooled session must never carry a lock.
      client.release(true);
    },
  };
}
