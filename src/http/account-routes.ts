/**
 * Sign-in and accounts over HTTP: GET/POST /login, POST /logout, /api/session (POST log in,
 * GET who, DELETE log out), and for admins the accounts page and API (add, disable, enable, new
 * password, API tokens) and the audit log (GET /admin/audit, GET /api/audit). Failed logins get
 * one generic answer; why they failed is in the audit trail.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../adapters/db/db-pool';
import { createAuditRepository } from '../adapters/db/audit.repository';
import { WeakPasswordError } from '../domain/staff-auth';
import { AccountError, type Actor, type StaffAccounts } from '../use-cases/staff-accounts';
import { renderAuditPage, renderLoginPage, renderUsersPage, type AuditPageQuery, type NewTokenNotice } from './account-pages';
import { auditQuery, idParam, loginBody, newUserBody, parseInput, passwordBody } from './api-schemas';
import { cookieHeader, parseCookies, PRE_SESSION_COOKIE, SESSION_COOKIE, type StaffAuth } from './staff-auth';

const LOGIN_FAILED = 'The e-mail or password was not accepted, or sign-in is paused after repeated failures. Try again, or later.';

export interface AccountRouteDeps {
  accounts: StaffAccounts;
  auth: StaffAuth;
  db: Db;
  behindTls: boolean;
  sendHtml: (reply: FastifyReply, body: string, status?: number) => FastifyReply;
}

type ById = { Params: { id: string } };

export function registerAccountRoutes(app: FastifyInstance, deps: AccountRouteDeps): void {
  const { accounts, auth, sendHtml } = deps;
  const auditLog = createAuditRepository({ db: deps.db });
  const secure = (request: FastifyRequest) => deps.behindTls || request.protocol === 'https';
  const setSession = (request: FastifyRequest, reply: FastifyReply, sessionId: string) =>
    reply.header('Set-Cookie', [
      cookieHeader(SESSION_COOKIE, sessionId, { secure: secure(request) }),
      cookieHeader(PRE_SESSION_COOKIE, '', { secure: secure(request), maxAgeSeconds: 0 }),
    ]);
  const clearSession = (request: FastifyRequest, reply: FastifyReply) =>
    reply.header('Set-Cookie', cookieHeader(SESSION_COOKIE, '', { secure: secure(request), maxAgeSeconds: 0 }));

  // -- sign in

  app.get('/login', async (request, reply) => {
    if (await auth.identify(request)) return reply.redirect('/', 303);
    const pre = parseCookies(request.headers.cookie)[PRE_SESSION_COOKIE] ?? randomBytes(24).toString('base64url');
    reply.header('Set-Cookie', cookieHeader(PRE_SESSION_COOKIE, pre, { secure: secure(request), maxAgeSeconds: 3600 }));
    return sendHtml(reply, renderLoginPage(auth.preLoginCsrf(pre)));
  });

  app.post<{ Body: unknown }>('/login', async (request, reply) => {
    const pre = parseCookies(request.headers.cookie)[PRE_SESSION_COOKIE];
    const form = (request.body ?? {}) as Record<string, unknown>;
    if (!pre || !auth.preLoginCsrfValid(pre, form._csrf)) {
      return sendHtml(reply, renderLoginPage(null, 'This form has expired. Open the sign-in page again.'), 403);
    }
    const body = parseInput(loginBody, form);
    const result = body.ok ? await accounts.login({ ...body.value, ip: request.ip }) : null;
    if (!result?.ok) return sendHtml(reply, renderLoginPage(auth.preLoginCsrf(pre), LOGIN_FAILED), body.ok ? 401 : 400);
    setSession(request, reply, result.sessionId);
    return reply.redirect('/', 303);
  });

  app.post<{ Body: unknown }>('/api/session', async (request, reply) => {
    // JSON only: a form on another site could post urlencoded fields here and sign the victim's
    // browser into the attacker's account (login CSRF); a cross-site JSON post needs CORS, which we never grant.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return reply.code(415).send({ error: 'json-only' });
    const body = parseInput(loginBody, request.body);
    if (!body.ok) return reply.code(400).send(body.error);
    const result = await accounts.login({ ...body.value, ip: request.ip });
    if (!result.ok) return reply.code(401).send({ error: 'login-failed', message: LOGIN_FAILED });
    setSession(request, reply, result.sessionId);
    return { user: result.user, csrfToken: auth.csrfFor(result.sessionId) };
  });

  app.get('/api/session', { preHandler: auth.anyStaff }, async (request) => {
    const actor = request.actor!;
    return { user: { id: actor.userId, email: actor.email, role: actor.role }, via: actor.via, csrfToken: actor.sessionId ? auth.csrfFor(actor.sessionId) : null };
  });

  app.delete('/api/session', { preHandler: auth.anyStaff }, async (request, reply) => {
    await accounts.logout(request.actor!, request.ip);
    clearSession(request, reply);
    return { ok: true };
  });

  app.post('/logout', { preHandler: auth.anyStaff }, async (request, reply) => {
    await accounts.logout(request.actor!, request.ip);
    clearSession(request, reply);
    return reply.redirect('/login', 303);
  });

  // -- accounts (admins)

  /** Runs an account change by user id; AccountError and WeakPasswordError are the caller's mistakes. */
  async function byId<T>(id: string, change: (email: string, actor: Actor) => Promise<T>, actor: Actor): Promise<{ ok: true; value: T } | { ok: false; status: number; error: string; message: string }> {
    const user = parseInput(idParam, { id }).ok ? await accounts.findUser(id) : null;
    if (!user) return { ok: false, status: 404, error: 'no-such-user', message: 'no such account' };
    try {
      return { ok: true, value: await change(user.email, actor) };
    } catch (err) {
      if (err instanceof AccountError || err instanceof WeakPasswordError) return { ok: false, status: err.code === 'email-taken' || err.code === 'last-admin' ? 409 : 400, error: err.code, message: err.message };
      throw err;
    }
  }

  const changes: Record<string, (request: FastifyRequest<ById & { Body: unknown }>) => (email: string, actor: Actor) => Promise<unknown>> = {
    disable: (r) => (email, actor) => accounts.disableUser(email, actor, r.ip),
    enable: (r) => (email, actor) => accounts.enableUser(email, actor, r.ip),
    password: (r) => async (email, actor) => {
      const body = parseInput(passwordBody, r.body);
      if (!body.ok) throw new WeakPasswordError(body.error.issues[0]!.message);
      return accounts.resetPassword(email, body.value.password, actor, r.ip);
    },
    tokens: (r) => async (email, actor) => {
      const { token, row } = await accounts.createToken(email, actor, r.ip);
      return { token, id: row.id, userId: row.userId, createdAt: row.createdAt };
    },
  };

  const usersPage = async (request: FastifyRequest, reply: FastifyReply, notice: { error?: string; newToken?: NewTokenNotice } = {}, status = 200) =>
    sendHtml(reply, renderUsersPage(await accounts.listUsers(), await accounts.listTokens(), auth.viewer(request), notice), status);

  app.get('/admin/users', { preHandler: auth.adminOnly }, async (request, reply) => usersPage(request, reply));

  app.get('/api/users', { preHandler: auth.adminOnly }, async () => ({ users: await accounts.listUsers(), tokens: await accounts.listTokens() }));

  const addUser = async (request: FastifyRequest<{ Body: unknown }>) => {
    const body = parseInput(newUserBody, request.body);
    if (!body.ok) return { ok: false as const, status: 400, body: body.error };
    try {
      return { ok: true as const, user: await accounts.addUser(body.value, request.actor!, request.ip) };
    } catch (err) {
      if (err instanceof AccountError || err instanceof WeakPasswordError) return { ok: false as const, status: err.code === 'email-taken' ? 409 : 400, body: { error: err.code, message: err.message } };
      throw err;
    }
  };

  app.post<{ Body: unknown }>('/api/users', { preHandler: auth.adminOnly }, async (request, reply) => {
    const result = await addUser(request);
    return result.ok ? { user: result.user } : reply.code(result.status).send(result.body);
  });

  app.post<{ Body: unknown }>('/admin/users', { preHandler: auth.adminOnly }, async (request, reply) => {
    const result = await addUser(request);
    if (result.ok) return reply.redirect('/admin/users', 303);
    const b = result.body as { message?: string; issues?: { field: string; message: string }[] };
    return usersPage(request, reply, { error: b.message ?? b.issues?.map((i) => `${i.field}: ${i.message}`).join('; ') ?? 'not added' }, result.status);
  });

  for (const [name, change] of Object.entries(changes)) {
    app.post<ById & { Body: unknown }>(`/api/users/:id/${name}`, { preHandler: auth.adminOnly }, async (request, reply) => {
      const result = await byId(request.params.id, change(request), request.actor!);
      if (!result.ok) return reply.code(result.status).send({ error: result.error, message: result.message });
      return name === 'tokens' ? result.value : { user: result.value };
    });
    app.post<ById & { Body: unknown }>(`/admin/users/:id/${name}`, { preHandler: auth.adminOnly }, async (request, reply) => {
      const result = await byId(request.params.id, change(request), request.actor!);
      if (!result.ok) return usersPage(request, reply, { error: result.message }, result.status);
      if (name === 'tokens') {
        const { token } = result.value as { token: string };
        const user = await accounts.findUser(request.params.id);
        return usersPage(request, reply, { newToken: { email: user?.email ?? request.params.id, token } });
      }
      return reply.redirect('/admin/users', 303);
    });
  }

  const revoke = async (request: FastifyRequest<ById>) => {
    try {
      return await accounts.revokeToken(request.params.id, request.actor!, request.ip);
    } catch (err) {
      if (err instanceof AccountError) return null;
      throw err;
    }
  };
  app.delete<ById>('/api/tokens/:id', { preHandler: auth.adminOnly }, async (request, reply) => {
    const token = await revoke(request);
    return token ? { token } : reply.code(404).send({ error: 'no-such-token' });
  });
  app.post<ById>('/admin/tokens/:id/revoke', { preHandler: auth.adminOnly }, async (request, reply) => {
    await revoke(request);
    return reply.redirect('/admin/users', 303);
  });

  // -- the audit trail (admins)

  const searchAudit = async (request: FastifyRequest) => {
    const q = parseInput(auditQuery, request.query);
    if (!q.ok) return q;
    const limit = q.value.limit ?? 100;
    const events = await auditLog.list({
      actor: q.value.actor,
      action: q.value.action,
      subject: q.value.subject,
      since: q.value.since ? new Date(q.value.since) : null,
      until: q.value.until ? new Date(q.value.until) : null,
      beforeId: q.value.before,
      limit: limit + 1,
    });
    await auditLog.insert({ actorId: request.actor!.userId, actor: request.actor!.email, action: 'view-audit', subject: null, ip: request.ip });
    const page = events.slice(0, limit);
    return { ok: true as const, value: { events: page, next: events.length > limit ? page[page.length - 1]!.id : null } };
  };

  app.get('/api/audit', { preHandler: auth.adminOnly }, async (request, reply) => {
    const result = await searchAudit(request);
    if (!result.ok) return reply.code(400).send(result.error);
    return {
      events: result.value.events.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, action: e.action, subject: e.subject, ip: e.ip })),
      next: result.value.next,
    };
  });

  app.get<{ Querystring: AuditPageQuery }>('/admin/audit', { preHandler: auth.adminOnly }, async (request, reply) => {
    const result = await searchAudit(request);
    const shown: AuditPageQuery = Object.fromEntries(
      (['actor', 'action', 'subject', 'since', 'until'] as const).map((k) => [k, typeof request.query[k] === 'string' ? request.query[k] : '']),
    );
    if (!result.ok) {
      return sendHtml(reply, renderAuditPage([], shown, null, auth.viewer(request), result.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ')), 400);
    }
    return sendHtml(reply, renderAuditPage(result.value.events, shown, result.value.next, auth.viewer(request)));
  });
}
