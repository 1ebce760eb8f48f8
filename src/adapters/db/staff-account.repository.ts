/**
 * staff_user, staff_session, api_token and login_failure: who may sign in, their sessions and
 * machine tokens, and the failed logins that lock an account or throttle an IP. Session ids and
 * tokens arrive here already hashed; nothing secret is stored in clear.
 */
import type { Role } from '../../domain/staff-auth';
import type { Queryable } from './db-pool';

export interface StaffUserRow {
  id: string;
  email: string;
  role: Role;
  passwordHash: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
}

export interface SessionRow {
  idHash: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface ApiTokenRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const USER_COLUMNS = 'id::text, email, role, password_hash, disabled_at, locked_until, created_at';

function toUser(r: Record<string, unknown>): StaffUserRow {
  return {
    id: r.id as string,
    email: r.email as string,
    role: r.role as Role,
    passwordHash: r.password_hash as string,
    disabledAt: (r.disabled_at as Date | null) ?? null,
    lockedUntil: (r.locked_until as Date | null) ?? null,
    createdAt: r.created_at as Date,
  };
}

function toToken(r: Record<string, unknown>): ApiTokenRow {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    createdAt: r.created_at as Date,
    lastUsedAt: (r.last_used_at as Date | null) ?? null,
    revokedAt: (r.revoked_at as Date | null) ?? null,
  };
}

export function createStaffAccountRepository({ db }: { db: Queryable }) {
  return {
    /** null when the e-mail is taken (case-insensitively). */
    async insertUser(email: string, role: Role, passwordHash: string): Promise<StaffUserRow | null> {
      const { rows } = await db.query(
        `INSERT INTO staff_user (email, role, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${USER_COLUMNS}`,
        [email, role, passwordHash],
      );
      return rows[0] ? toUser(rows[0]) : null;
    },

    async findUserByEmail(email: string): Promise<StaffUserRow | null> {
      const { rows } = await db.query(`SELECT ${USER_COLUMNS} FROM staff_user WHERE lower(email) = lower($1)`, [email]);
      return rows[0] ? toUser(rows[0]) : null;
    },

    async findUserById(id: string): Promise<StaffUserRow | null> {
      if (!/^\d{1,18}$/.test(id)) return null;
      const { rows } = await db.query(`SELECT ${USER_COLUMNS} FROM staff_user WHERE id = $1`, [id]);
      return rows[0] ? toUser(rows[0]) : null;
    },

    async listUsers(): Promise<StaffUserRow[]> {
      const { rows } = await db.query(`SELECT ${USER_COLUMNS} FROM staff_user ORDER BY lower(email)`);
      return rows.map(toUser);
    },

    async countEnabledAdmins(): Promise<number> {
      const { rows } = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM staff_user WHERE role = 'admin' AND disabled_at IS NULL");
      return Number(rows[0]!.n);
    },

    /** Disables the account and ends its sessions and tokens at once. */
    async disableUser(id: string): Promise<boolean> {
      const { rowCount } = await db.query('UPDATE staff_user SET disabled_at = now(), updated_at = now() WHERE id = $1 AND disabled_at IS NULL', [id]);
      await db.query('DELETE FROM staff_session WHERE user_id = $1', [id]);
      await db.query('UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      return (rowCount ?? 0) > 0;
    },

    async enableUser(id: string): Promise<boolean> {
      const { rowCount } = await db.query('UPDATE staff_user SET disabled_at = NULL, updated_at = now() WHERE id = $1 AND disabled_at IS NOT NULL', [id]);
      return (rowCount ?? 0) > 0;
    },

    /** A new password ends every session of the account and lifts a lock. */
    async setPassword(id: string, passwordHash: string): Promise<boolean> {
      const { rowCount } = await db.query('UPDATE staff_user SET password_hash = $2, locked_until = NULL, updated_at = now() WHERE id = $1', [id, passwordHash]);
      await db.query('DELETE FROM staff_session WHERE user_id = $1', [id]);
      await db.query('DELETE FROM login_failure WHERE user_id = $1', [id]);
      return (rowCount ?? 0) > 0;
    },

    // -- sessions

    async insertSession(idHash: string, userId: string, ip: string | null): Promise<void> {
      await db.query('INSERT INTO staff_session (id_hash, user_id, ip) VALUES ($1, $2, $3)', [idHash, userId, ip]);
    },

    async findSession(idHash: string): Promise<SessionRow | null> {
      const { rows } = await db.query('SELECT id_hash, user_id::text, created_at, last_seen_at FROM staff_session WHERE id_hash = $1', [idHash]);
      const r = rows[0];
      return r ? { idHash: r.id_hash, userId: r.user_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at } : null;
    },

    async touchSession(idHash: string, now: Date): Promise<void> {
      await db.query('UPDATE staff_session SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now]);
    },

    /** Sessions past either timeout (they would be refused anyway): kept no longer than needed. */
    async deleteExpiredSessions(idleBefore: Date, createdBefore: Date): Promise<number> {
      const { rowCount } = await db.query('DELETE FROM staff_session WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore]);
      return rowCount ?? 0;
    },

    async deleteSession(idHash: string): Promise<boolean> {
      const { rowCount } = await db.query('DELETE FROM staff_session WHERE id_hash = $1', [idHash]);
      return (rowCount ?? 0) > 0;
    },

    // -- API tokens

    async insertToken(userId: string, tokenHash: string): Promise<ApiTokenRow> {
      const { rows } = await db.query(
        'INSERT INTO api_token (user_id, token_hash) VALUES ($1, $2) RETURNING id::text, user_id::text, created_at, last_used_at, revoked_at',
        [userId, tokenHash],
      );
      return toToken(rows[0]!);
    },

    /** The live token's owner; marks it used. */
    async useToken(tokenHash: string): Promise<{ tokenId: string; userId: string } | null> {
      const { rows } = await db.query<{ id: string; user_id: string }>(
        'UPDATE api_token SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id::text, user_id::text',
        [tokenHash],
      );
      return rows[0] ? { tokenId: rows[0].id, userId: rows[0].user_id } : null;
    },

    async listTokens(userId: string | null): Promise<ApiTokenRow[]> {
      const { rows } = await db.query(
        `SELECT id::text, user_id::text, created_at, last_used_at, revoked_at FROM api_token
         WHERE ($1::bigint IS NULL OR user_id = $1) ORDER BY id`,
        [userId],
      );
      return rows.map(toToken);
    },

    async revokeToken(tokenId: string): Promise<ApiTokenRow | null> {
      if (!/^\d{1,18}$/.test(tokenId)) return null;
      const { rows } = await db.query(
        'UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id::text, user_id::text, created_at, last_used_at, revoked_at',
        [tokenId],
      );
      return rows[0] ? toToken(rows[0]) : null;
    },

    // -- failed logins

    /** Records a failure and forgets those older than the window (they no longer count). */
    async recordLoginFailure(userId: string | null, ip: string, windowStart: Date): Promise<void> {
      await db.query('INSERT INTO login_failure (user_id, ip) VALUES ($1, $2)', [userId, ip]);
      await db.query('DELETE FROM login_failure WHERE at < $1', [windowStart]);
    },

    async countFailures({ userId, ip, since }: { userId: string | null; ip: string; since: Date }): Promise<{ account: number; ip: number }> {
      const { rows } = await db.query<{ account: string; ip: string }>(
        `SELECT count(*) FILTER (WHERE user_id = $1)::text AS account, count(*) FILTER (WHERE ip = $2)::text AS ip
         FROM login_failure WHERE at > $3 AND (user_id = $1 OR ip = $2)`,
        [userId, ip, since],
      );
      return { account: Number(rows[0]!.account), ip: Number(rows[0]!.ip) };
    },

    async lockUser(userId: string, until: Date): Promise<void> {
      await db.query('UPDATE staff_user SET locked_until = $2, updated_at = now() WHERE id = $1', [userId, until]);
    },

    /** A successful login forgets the account's earlier failures. */
    async clearFailures(userId: string): Promise<void> {
      await db.query('DELETE FROM login_failure WHERE user_id = $1', [userId]);
    },
  };
}

export type StaffAccountRepository = ReturnType<typeof createStaffAccountRepository>;
