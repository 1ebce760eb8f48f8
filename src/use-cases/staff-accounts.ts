/**
 * Staff accounts and sign-in: add, disable, enable, reset a password, API tokens; log in (with
 * lockout per account and per IP), log out, and who a session cookie or bearer token is. Every
 * change and every login attempt is written to the audit trail. Secrets handed out (session
 * ids, tokens) are returned once and stored only as HMACs.
 */
import type { Db } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { createStaffAccountRepository, type ApiTokenRow, type StaffUserRow } from '../adapters/db/staff-account.repository';
import { decoyPasswordHash, hashPassword, newApiToken, newSecret, verifyPassword } from '../adapters/crypto/staff-secrets';
import {
  checkPasswordStrength,
  EMAIL_PATTERN,
  lockAfterFailure,
  loginRefused,
  normalizeEmail,
  secretHash,
  sessionState,
  type LockoutPolicy,
  type Role,
  type SessionTimeouts,
} from '../domain/staff-auth';

/** Who is acting: a signed-in staff member, a machine with a token, or the command line. */
export interface Actor {
  userId: string | null;
  email: string;
  role: Role;
  via: 'session' | 'token' | 'cli';
  /** The session id from the cookie (its CSRF token derives from it); null for tokens and the CLI. */
  sessionId: string | null;
}

export const CLI_ACTOR: Actor = { userId: null, email: 'cli', role: 'admin', via: 'cli', sessionId: null };

export interface StaffUserView {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    readonly code: 'email-taken' | 'bad-email' | 'no-such-user' | 'no-such-token' | 'last-admin',
    message: string,
  ) {
    super(message);
  }
}

export interface StaffAccountDeps {
  db: Db;
  /** SESSION_SECRET: keys the stored hashes of session ids and API tokens. */
  serverSecret: Buffer;
  timeouts: SessionTimeouts;
  lockout: LockoutPolicy;
  now?: () => Date;
}

export function userView(u: StaffUserRow): StaffUserView {
  return { id: u.id, email: u.email, role: u.role, disabled: u.disabledAt !== null, lockedUntil: u.lockedUntil, createdAt: u.createdAt };
}

export type LoginResult =
  | { ok: true; sessionId: string; user: StaffUserView }
  /** One generic failure for the person at the form; the reason goes to the audit trail only. */
  | { ok: false; reason: 'bad-credentials' | 'account-locked' | 'ip-throttled' | 'disabled' };

export function staffAccounts(deps: StaffAccountDeps) {
  const { db, serverSecret } = deps;
  const accounts = createStaffAccountRepository({ db });
  const audit = createAuditRepository({ db });
  const now = deps.now ?? (() => new Date());
  const record = (actor: Actor | null, action: string, subject: string | null, ip: string | null) =>
    audit.insert({ actorId: actor?.userId ?? null, actor: actor?.email ?? null, action, subject, ip });

  async function mustFindUser(email: string): Promise<StaffUserRow> {
    const user = await accounts.findUserByEmail(normalizeEmail(email));
    if (!user) throw new AccountError('no-such-user', 'no such account');
    return user;
  }

  async function actorFor(userId: string, via: Actor['via'], sessionId: string | null): Promise<Actor | null> {
    const user = await accounts.findUserById(userId);
    if (!user || user.disabledAt) return null;
    return { userId: user.id, email: user.email, role: user.role, via, sessionId };
  }

  return {
    async addUser({ email, role, password }: { email: string; role: Role; password: string }, by: Actor, ip: string | null): Promise<StaffUserView> {
      const normalized = normalizeEmail(email);
      if (!EMAIL_PATTERN.test(normalized)) throw new AccountError('bad-email', 'not an e-mail address');
      checkPasswordStrength(password);
      const user = await accounts.insertUser(normalized, role, await hashPassword(password));
      if (!user) throw new AccountError('email-taken', 'an account with this e-mail exists');
      await record(by, `user-add:${role}`, `user:${user.id}`, ip);
      return userView(user);
    },

    async disableUser(email: string, by: Actor, ip: string | null): Promise<StaffUserView> {
      const user = await mustFindUser(email);
      if (user.role === 'admin' && !user.disabledAt && (await accounts.countEnabledAdmins()) <= 1) {
        throw new AccountError('last-admin', 'the last enabled admin cannot be disabled');
      }
      await accounts.disableUser(user.id);
      await record(by, 'user-disable', `user:${user.id}`, ip);
      return userView((await accounts.findUserById(user.id))!);
    },

    async enableUser(email: string, by: Actor, ip: string | null): Promise<StaffUserView> {
      const user = await mustFindUser(email);
      await accounts.enableUser(user.id);
      await record(by, 'user-enable', `user:${user.id}`, ip);
      return userView((await accounts.findUserById(user.id))!);
    },

    async resetPassword(email: string, password: string, by: Actor, ip: string | null): Promise<StaffUserView> {
      const user = await mustFindUser(email);
      checkPasswordStrength(password);
      await accounts.setPassword(user.id, await hashPassword(password));
      await record(by, 'user-reset-password', `user:${user.id}`, ip);
      return userView((await accounts.findUserById(user.id))!);
    },

    async listUsers(): Promise<StaffUserView[]> {
      return (await accounts.listUsers()).map(userView);
    },

    async findUser(id: string): Promise<StaffUserView | null> {
      const user = await accounts.findUserById(id);
      return user ? userView(user) : null;
    },

    countEnabledAdmins: () => accounts.countEnabledAdmins(),

    /** The token in clear is returned here once; only its HMAC is kept. */
    async createToken(email: string, by: Actor, ip: string | null): Promise<{ token: string; row: ApiTokenRow }> {
      const user = await mustFindUser(email);
      if (user.disabledAt) throw new AccountError('no-such-user', 'the account is disabled');
      const token = newApiToken();
      const row = await accounts.insertToken(user.id, secretHash(serverSecret, token));
      await record(by, 'token-create', `token:${row.id}`, ip);
      return { token, row };
    },

    async revokeToken(tokenId: string, by: Actor, ip: string | null): Promise<ApiTokenRow> {
      const row = await accounts.revokeToken(tokenId);
      if (!row) throw new AccountError('no-such-token', 'no live token with this id');
      await record(by, 'token-revoke', `token:${row.id}`, ip);
      return row;
    },

    listTokens: (userId: string | null = null) => accounts.listTokens(userId),

    async login({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
      const at = now();
      const user = EMAIL_PATTERN.test(normalizeEmail(email)) ? await accounts.findUserByEmail(normalizeEmail(email)) : null;
      const since = new Date(at.getTime() - deps.lockout.windowMs);
      const failures = await accounts.countFailures({ userId: user?.id ?? null, ip, since });
      const fail = async (reason: Exclude<LoginResult, { ok: true }>['reason'], counts: boolean): Promise<LoginResult> => {
        if (counts) {
          await accounts.recordLoginFailure(user?.id ?? null, ip, since);
          const until = user ? lockAfterFailure(failures.account + 1, at, deps.lockout) : null;
          if (user && until) await accounts.lockUser(user.id, until);
        }
        await audit.insert({ actorId: user?.id ?? null, actor: user?.email ?? null, action: `login-failed:${reason}`, subject: user ? `user:${user.id}` : null, ip });
        return { ok: false, reason };
      };
      const refused = loginRefused({ lockedUntil: user?.lockedUntil ?? null, ipFailures: failures.ip, now: at }, deps.lockout);
      if (refused) {
        // The same scrypt work as a checked password, so the response time does not tell a lock apart.
        await verifyPassword(password, await decoyPasswordHash());
        return fail(refused, false);
      }
      // The same scrypt work whether or not the account exists.
      const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
      if (!user || !passwordOk) return fail('bad-credentials', true);
      if (user.disabledAt) return fail('disabled', false);
      const sessionId = newSecret();
      await accounts.insertSession(secretHash(serverSecret, sessionId), user.id, ip);
      await accounts.clearFailures(user.id);
      await accounts.deleteExpiredSessions(new Date(at.getTime() - deps.timeouts.idleMs), new Date(at.getTime() - deps.timeouts.absoluteMs));
      await record({ userId: user.id, email: user.email, role: user.role, via: 'session', sessionId: null }, 'login', `user:${user.id}`, ip);
      return { ok: true, sessionId, user: userView(user) };
    },

    async logout(actor: Actor, ip: string | null): Promise<void> {
      if (!actor.sessionId) return;
      await accounts.deleteSession(secretHash(serverSecret, actor.sessionId));
      await record(actor, 'logout', actor.userId ? `user:${actor.userId}` : null, ip);
    },

    /** The session's staff member, or null (unknown, expired: an expired one is deleted). Touches the idle clock. */
    async authenticateSession(sessionId: string): Promise<Actor | null> {
      if (sessionId.length === 0 || sessionId.length > 128) return null;
      const idHash = secretHash(serverSecret, sessionId);
      const session = await accounts.findSession(idHash);
      if (!session) return null;
      const at = now();
      if (sessionState(session, at, deps.timeouts) !== 'valid') {
        await accounts.deleteSession(idHash);
        return null;
      }
      const actor = await actorFor(session.userId, 'session', sessionId);
      if (actor) await accounts.touchSession(idHash, at);
      return actor;
    },

    async authenticateToken(token: string): Promise<Actor | null> {
      if (token.length === 0 || token.length > 256) return null;
      const owner = await accounts.useToken(secretHash(serverSecret, token));
      return owner ? actorFor(owner.userId, 'token', null) : null;
    },
  };
}

export type StaffAccounts = ReturnType<typeof staffAccounts>;

/** Writes one audit row: who did what to which id, from where. */
export function recordAudit({ db }: { db: Db }) {
  const audit = createAuditRepository({ db });
  return (actor: Actor, action: string, subject: string | null, ip: string | null): Promise<void> =>
    audit.insert({ actorId: actor.userId, actor: actor.email, action, subject, ip });
}
export type RecordAudit = ReturnType<typeof recordAudit>;
