/**
 * The service's HTTP port (fastify): /health (Postgres and Redis reachable), /metrics
 * (Prometheus), the sign-in page and session API, and behind a staff session or API token the
 * staff pages: the queue (GET /, claim, release, next task, Done), a request (GET /requests/:id,
 * its card images /requests/:id/card/:n and a PDF's first page /requests/:id/card/:n/preview), a
 * message set aside (GET /messages/:id, its raw .eml /messages/:id/raw), their JSON under /api,
 * and for admins the accounts and audit pages (account-routes.ts). Every view of client data is
 * written to the audit trail before it is sent. URLs carry ids only; every response is no-store,
 * nosniff, and under a Content-Security-Policy that allows no script at all.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { PhiCipher } from '../crypto/phi-cipher';
import type { Db } from '../db/db-pool';
import { BadCorrectionError } from '../../domain/request-correction';
import { correctRequestField } from '../../use-cases/correct-request';
import { recordAudit, type StaffAccounts } from '../../use-cases/staff-accounts';
import { claimTasks, completeTask, TaskHeldError, TaskNotOpenError } from '../../use-cases/staff-tasks';
import {
  BadFilterError,
  getMessageView,
  getRawMessage,
  getRequestAttachment,
  getRequestView,
  listQueue,
  parseQueueFilter,
  type QueueView,
} from '../../use-cases/staff-views';
import { registerAccountRoutes } from './account-routes';
import { assignBody, correctionBody, idParam, openApiDocument, parseInput } from './api-schemas';
import { renderMessagePage } from './message-page';
import { renderRequestPage } from './request-page';
import { registerSearchRoutes } from './search-routes';
import { createStaffAuth } from './staff-auth';
import { html, page, STAFF_CSS } from './staff-html';
import { renderQueuePage } from './staff-page';

export interface HttpServerDeps {
  db: Db;
  redis: Redis;
  registry: Registry;
  /** Decrypts what the request and message pages show (never logged). */
  cipher: PhiCipher;
  accounts: StaffAccounts;
  /** SESSION_SECRET: CSRF tokens derive from it. */
  serverSecret: Buffer;
  /** Served behind TLS (a proxy): session cookies are Secure even when the request reached us over HTTP. */
  behindTls: boolean;
  /** For the tasks a corrected request gets (when the center is reminded). */
  reminderAfterHours: number;
}

export interface StaffRoute {
  method: string;
  url: string;
  guarded: boolean;
}

/** The only routes served without a session or API token. */
export const PUBLIC_ROUTES = ['GET /health', 'GET /metrics', 'GET /staff.css', 'GET /login', 'POST /login', 'POST /api/session'];

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: StaffRoute[];
  }
}

/** Scripts none, styles and images from us only, forms post back to us only, no framing. */
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Where a button may send the browser afterwards: the queue (with its filter), a request or a message. */
export function safeBack(back: unknown): string {
  if (typeof back !== 'string') return '/';
  if (/^\/(requests|messages)\/\d{1,18}$/.test(back)) return back;
  if (/^\/(\?[a-z]+=[a-z0-9@.%_-]+(&[a-z]+=[a-z0-9@.%_-]+)*)?$/i.test(back)) return back;
  return '/';
}

export function buildHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.decorateRequest('actor', null);
  // Every route and whether a sign-in guard runs first: the tests check that only PUBLIC_ROUTES are open.
  const routeTable: StaffRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, guarded: route.preHandler !== undefined });
  });
  app.decorate('routeTable', routeTable);
  const auth = createStaffAuth({ accounts: deps.accounts, serverSecret: deps.serverSecret });
  const { anyStaff, adminOnly } = auth;
  const audit = recordAudit({ db: deps.db });
  const tasks = claimTasks({ db: deps.db });
  const done = completeTask({ db: deps.db });
  /** One audit row: the signed-in actor did `action` to `subject` (ids only). */
  const record = (request: FastifyRequest, action: string, subject: string) => audit(request.actor!, action, subject, request.ip);

  app.get('/health', async (_request, reply) => {
    const check = async (fn: () => Promise<unknown>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        return 'ok';
      } catch {
        return 'down';
      }
    };
    const [postgres, redis] = await Promise.all([check(() => deps.db.query('SELECT 1')), check(() => deps.redis.ping())]);
    const ok = postgres === 'ok' && redis === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', postgres, redis });
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await deps.registry.metrics();
    return reply.header('Content-Type', deps.registry.contentType).send(body);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', CSP);
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    return payload;
  });

  // The pages post small forms (a CSRF token, a `back` path, a few account fields).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // No detail of a failure leaves the process (it could name stored values); nothing is logged.
  app.setErrorHandler(async (err: { statusCode?: number; code?: string }, _request, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(status).send({ error: status === 500 ? 'internal' : (err.code ?? 'bad-request') });
  });

  const views = {
    queue: listQueue({ db: deps.db, cipher: deps.cipher }),
    request: getRequestView({ db: deps.db, cipher: deps.cipher }),
    attachment: getRequestAttachment({ db: deps.db, cipher: deps.cipher }),
    message: getMessageView({ db: deps.db, cipher: deps.cipher }),
    raw: getRawMessage({ db: deps.db, cipher: deps.cipher }),
  };
  const sendHtml = (reply: FastifyReply, body: string, status = 200) => reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(body);
  const notFoundPage = (reply: FastifyReply, what: string) =>
    sendHtml(reply, page('Not found', html`<h1>Not found</h1><p>There is no ${what}. <a href="/">Back to the queue</a></p>`), 404);

  app.get('/staff.css', async (_request, reply) => reply.header('Content-Type', 'text/css; charset=utf-8').send(STAFF_CSS));

  registerAccountRoutes(app, { accounts: deps.accounts, auth, db: deps.db, behindTls: deps.behindTls, sendHtml });

  app.get('/api/openapi.json', { preHandler: anyStaff }, async () => openApiDocument());
  registerSearchRoutes(app, { db: deps.db, cipher: deps.cipher, auth, record, sendHtml });

  /** Admins can give tasks to any enabled account; others get no Assign form. */
  const assigneesFor = async (request: FastifyRequest) =>
    request.actor!.role === 'admin' ? (await deps.accounts.listUsers()).filter((u) => !u.disabled).map((u) => ({ id: u.id, email: u.email })) : [];

  const queueFor = async (request: FastifyRequest): Promise<QueueView> =>
    views.queue(parseQueueFilter(request.query), { viewerId: request.actor!.userId });

  app.get('/', { preHandler: anyStaff }, async (request, reply) => {
    let view;
    try {
      view = await queueFor(request);
    } catch (err) {
      if (!(err instanceof BadFilterError)) throw err;
      return sendHtml(reply, page('Bad filter', html`<h1>Unknown filter</h1><p>${err.message}. <a href="/">Back to the queue</a></p>`, { viewer: auth.viewer(request) }), 400);
    }
    return sendHtml(reply, renderQueuePage(view, auth.viewer(request), { assignees: await assigneesFor(request) }));
  });

  app.get('/api/tasks', { preHandler: anyStaff }, async (request, reply) => {
    try {
      const { tasks: list, countsByKind, countsByStatus, filter, hasMore } = await queueFor(request);
      return { tasks: list, countsByKind, countsByStatus, page: filter.page, hasMore };
    } catch (err) {
      if (err instanceof BadFilterError) return reply.code(400).send({ error: 'invalid-input', message: err.message });
      throw err;
    }
  });

  type ById = { Params: { id: string } };
  app.get<ById>('/requests/:id', { preHandler: anyStaff }, async (request, reply) => {
    const view = await views.request(request.params.id);
    if (!view) return notFoundPage(reply, 'such request');
    await record(request, 'view-request', `request:${view.id}`);
    return sendHtml(reply, renderRequestPage(view, new Date(), auth.viewer(request)));
  });

  app.get<ById>('/api/requests/:id', { preHandler: anyStaff }, async (request, reply) => {
    const view = await views.request(request.params.id);
    if (!view) return reply.code(404).send({ error: 'not-found' });
    await record(request, 'view-request', `request:${view.id}`);
    return { ...view, attachments: view.attachments.map((a) => ({ ...a, url: `/requests/${view.id}/card/${a.n}` })) };
  });

  type ByCard = { Params: { id: string; n: string } };
  const serveCard = (preview: boolean) => async (request: FastifyRequest<ByCard>, reply: FastifyReply) => {
    const file = await views.attachment(request.params.id, request.params.n, { pdfPreview: preview });
    if (!file) return reply.code(404).send({ error: 'not-found' });
    await record(request, file.disposition === 'attachment' ? 'download-card' : 'view-card', `request:${request.params.id}`);
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `${preview ? 'inline' : file.disposition}; filename="${file.downloadName}"`)
      .send(file.bytes);
  };
  app.get<ByCard>('/requests/:id/card/:n', { preHandler: anyStaff }, serveCard(false));
  app.get<ByCard>('/requests/:id/card/:n/preview', { preHandler: anyStaff }, serveCard(true));

  app.get<ById>('/messages/:id', { preHandler: anyStaff }, async (request, reply) => {
    const view = await views.message(request.params.id);
    if (!view) return notFoundPage(reply, 'such message');
    await record(request, 'view-message', `message:${view.id}`);
    return sendHtml(reply, renderMessagePage(view, new Date(), auth.viewer(request)));
  });

  app.get<ById>('/api/messages/:id', { preHandler: anyStaff }, async (request, reply) => {
    const view = await views.message(request.params.id);
    if (!view) return reply.code(404).send({ error: 'not-found' });
    await record(request, 'view-message', `message:${view.id}`);
    return { ...view, rawUrl: view.rawStored ? `/messages/${view.id}/raw` : null };
  });

  app.get<ById>('/messages/:id/raw', { preHandler: anyStaff }, async (request, reply) => {
    const raw = await views.raw(request.params.id);
    if (!raw) return reply.code(404).send({ error: 'not-found' });
    await record(request, 'download-raw', `message:${request.params.id}`);
    return reply
      .header('Content-Type', 'message/rfc822')
      .header('Content-Disposition', `attachment; filename="message-${request.params.id}.eml"`)
      .send(raw);
  });

  // A field corrected by staff: JSON, or the request page's form (then back to the request).
  const correct = correctRequestField({ db: deps.db, cipher: deps.cipher, reminderAfterHours: deps.reminderAfterHours });
  const runCorrection = async (request: FastifyRequest<ById & { Body: unknown }>) => {
    const body = parseInput(correctionBody, request.body);
    if (!body.ok) return { status: 400, body: body.error };
    try {
      const result = await correct({ requestId: request.params.id, field: body.value.field, value: body.value.value, by: request.actor!, ip: request.ip });
      return result ? { status: 200, body: { request: result } } : { status: 404, body: { error: 'not-found' } };
    } catch (err) {
      if (err instanceof BadCorrectionError) return { status: 400, body: { error: 'invalid-input', issues: [{ field: 'value', message: err.message }] } };
      throw err;
    }
  };
  app.post<ById & { Body: unknown }>('/api/requests/:id/fields', { preHandler: anyStaff }, async (request, reply) => {
    const result = await runCorrection(request);
    return reply.code(result.status).send(result.body);
  });
  app.post<ById & { Body: unknown }>('/requests/:id/correct', { preHandler: anyStaff }, async (request, reply) => {
    const result = await runCorrection(request);
    if (result.status === 200) return reply.redirect(`/requests/${request.params.id}`, 303);
    const issues = (result.body as { issues?: { field: string; message: string }[] }).issues ?? [];
    return sendHtml(
      reply,
      page('Not corrected', html`<h1>Not corrected</h1><p class="error">${issues.map((i) => `${i.field}: ${i.message}`).join('; ') || 'no such request'}</p><p><a href="${safeBack(`/requests/${request.params.id}`)}">Back to the request</a></p>`, { viewer: auth.viewer(request) }),
      result.status,
    );
  });

  // ------------------------------------------------------------------------------------------
  // Task actions: JSON under /api (404 unknown or closed, 409 held by someone else), and the
  // pages' buttons (a form post, then back to where it was pressed).

  type TaskAction = (request: FastifyRequest<ById & { Body: unknown }>) => Promise<unknown>;
  const taskActions: Record<string, { admin: boolean; run: TaskAction }> = {
    done: { admin: false, run: (r) => done({ taskId: r.params.id, by: r.actor!, ip: r.ip }) },
    claim: { admin: false, run: (r) => tasks.claim(r.params.id, r.actor!, r.ip) },
    release: { admin: false, run: (r) => tasks.release(r.params.id, r.actor!, r.ip) },
    assign: {
      admin: true,
      run: (r) => {
        const body = parseInput(assignBody, r.body);
        if (!body.ok) throw Object.assign(new Error('invalid-input'), { input: body.error });
        return tasks.assign(r.params.id, body.value.userId, r.actor!, r.ip);
      },
    },
  };
  const taskError = (err: unknown): { status: number; body: unknown } | null => {
    if (err instanceof TaskNotOpenError) return { status: 404, body: { error: err.code } };
    if (err instanceof TaskHeldError) return { status: 409, body: { error: err.code } };
    const input = (err as { input?: unknown }).input;
    if (input) return { status: 400, body: input };
    if ((err as { code?: string }).code === '23503') return { status: 400, body: { error: 'invalid-input', issues: [{ field: 'userId', message: 'no such user' }] } };
    return null;
  };
  for (const [name, action] of Object.entries(taskActions)) {
    const preHandler = action.admin ? adminOnly : anyStaff;
    app.post<ById & { Body: unknown }>(`/api/tasks/:id/${name}`, { preHandler }, async (request, reply) => {
      if (!parseInput(idParam, request.params).ok) return reply.code(400).send({ error: 'invalid-input', issues: [{ field: 'id', message: 'a numeric id' }] });
      try {
        return { task: await action.run(request) };
      } catch (err) {
        const mapped = taskError(err);
        if (!mapped) throw err;
        return reply.code(mapped.status).send(mapped.body);
      }
    });
    app.post<ById & { Body: unknown }>(`/tasks/:id/${name}`, { preHandler }, async (request, reply) => {
      try {
        await action.run(request);
      } catch (err) {
        if (!taskError(err)) throw err;
      }
      const body = request.body as { back?: unknown } | undefined;
      return reply.redirect(safeBack(body && typeof body === 'object' ? body.back : undefined), 303);
    });
  }

  app.post('/api/tasks/next', { preHandler: anyStaff }, async (request, reply) => {
    const task = await tasks.next(request.actor!, request.ip);
    return task ? { task } : reply.code(404).send({ error: 'no-open-task' });
  });

  // "Next task": claim the most urgent one and open it; nothing left → the queue says so.
  app.post('/tasks/next', { preHandler: anyStaff }, async (request, reply) => {
    const task = await tasks.next(request.actor!, request.ip);
    if (task?.requestId) return reply.redirect(`/requests/${task.requestId}`, 303);
    if (task?.inboundMessageId) return reply.redirect(`/messages/${task.inboundMessageId}`, 303);
    const view = await views.queue(parseQueueFilter({}), { viewerId: request.actor!.userId });
    return sendHtml(reply, renderQueuePage(view, auth.viewer(request), { notice: task ? `Task ${task.id} is now yours.` : 'No open task is left unclaimed.', assignees: await assigneesFor(request) }));
  });
  return app;
}
