/** The pg pool factory and a transaction helper; every repository takes `{ db }`. */
import { Pool, type PoolClient } from 'pg';

export type Db = Pool;
/** A pool or a client inside a transaction: what repositories run queries on. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

export function createDbPool({ connectionString, max = 10 }: { connectionString: string; max?: number }): Db {
  const pool = new Pool({ connectionString, max, application_name: 'vob-intake' });
  // An idle client losing its connection (Postgres restarted) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

export async function withTransaction<T>(db: Db, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  // The pool listens for errors of idle clients only: a checked-out client whose connection is
  // cut between two statements (Postgres restarted) would emit an unhandled 'error' and end the
  // process. The next statement rejects anyway; the client is then discarded, not reused.
  let lost: Error | null = null;
  const onError = (err: Error): void => {
    lost = err;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      lost ??= rollbackErr;
    });
    throw err;
  } finally {
    client.off('error', onError);
    client.release(lost ?? undefined);
  }
}

/**
 * A multi-row VALUES list with numbered parameters and a cast on every column, for statements
 * that write several rows in one round trip: `(${sql})` and its `params`, starting at `$from`.
 */
export function valuesList(rows: readonly (readonly unknown[])[], casts: readonly string[], from = 1): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== casts.length) throw new Error(`a VALUES row has ${row.length} columns, expected ${casts.length}`);
    return `(${row
      .map((value, i) => {
        params.push(value);
        return `$${from + params.length - 1}::${casts[i]}`;
      })
      .join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}
