/**
 * The service's HTTP port (fastify): /health (Postgres and Redis reachable, the mailbox login
 * not refused), /metrics
 * (Prometheus) and, behind STAFF_TOKEN (Bearer, or Basic with the token as password), the staff
 * pages: the queue (GET /), a request (GET /requests/:id, its card images /requests/:id/card/:n and
 * a PDF's first page /requests/:id/card/:n/preview),
 * a message set aside (GET /messages/:id, its raw .eml /messages/:id/raw), the Done button
 * (POST /tasks/:id/done), and their JSON under /api. URLs carry ids only; every response is
 * no-store, nosniff, and under a Content-Security-Policy that allows no script at all.
 */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { PhiCipher } from '../crypto/phi-cipher';
import type { Db } from '../db/db-pool';
import type { MailboxAuthReport } from '../mail-auth/mailbox-auth-status';
import { TaskNotOpenError, type StaffTaskView } from '../../use-cases/staff-tasks';
import {
  BadFilterError,
  getMessageView,
  getRawMessage,
  getRequestAttachment,
  getRequestView,
  listQueue,
  parseQueueFilter,
} from '../../use-cases/staff-views';
import { renderMessagePage } from './message-page';
import { renderRequestPage } from './request-page';
import { html, page, STAFF_CSS } from './staff-html';
import { renderQueuePage } from './staff-page';

export interface HttpServerDeps {
  db: Db;
  redis: Redis;
  registry: Registry;
  completeTask: (input: { taskId: string; by: string }) => Promise<StaffTaskView>;
  /** Decrypts what the request and message pages show (never logged). */
  cipher: PhiCipher;
  /** Unset (development only) leaves the staff pages open. */
  staffToken: string | undefined;
  /** The mailbox login as the poller and mailer last saw it (absent: not reported). */
  mailboxAuth?: () => MailboxAuthReport;
}

/** Scripts none, styles and images from us only, forms post back to us only, no framing. */
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Where a Done button may send the browser afterwards: the queue (with its filter), a request or a message. */
function safeBack(back: unknown): string {
  if (typeof back !== 'string') return '/';
  if (/^\/(requests|messages)\/\d{1,18}$/.test(back)) return back;
  if (/^\/(\?[a-z]+=[a-z-]+(&[a-z]+=[a-z-]+)*)?$/.test(back)) return back;
  return '/';
}

/**
 * Basic credentials are sent by the browser on any site's form post to us, so a state change
 * from a page must come from our own origin (Fetch Metadata, else Origin against Host).
 */
function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

function tokenFrom(request: FastifyRequest): { token: string; user: string } | null {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) return { token: bearer[1]!.trim(), user: 'staff' };
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) return { token: decoded.slice(colon + 1), user: decoded.slice(0, colon).slice(0, 64) || 'staff' };
  }
  return null;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function buildHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  const staffOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (deps.staffToken === undefined) return;
    const given = tokenFrom(request);
    if (!given || !sameToken(given.token, deps.staffToken)) {
      await reply.code(401).header('WWW-Authenticate', 'Basic realm="vob staff"').send({ error: 'unauthorized' });
    }
  };
  const staffName = (request: FastifyRequest) => `staff:${(tokenFrom(request)?.user ?? 'staff').replace(/[^\w.@-]/g, '')}`;

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
    const auth = deps.mailboxAuth?.();
    // 'unknown' until the first login: not a failure (the poller may be on standby).
    const mailbox = auth ? { mailbox: auth.state, ...(auth.state === 'auth-failed' ? { mailboxReason: auth.reason, mailboxSince: auth.since } : {}) } : {};
    const ok = postgres === 'ok' && redis === 'ok' && auth?.state !== 'auth-failed';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', postgres, redis, ...mailbox });
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

  // The Done button posts a small form (its `back` field); nothing else is read from a body.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // No detail of a failure leaves the process (it could name stored values); nothing is logged.
  app.setErrorHandler(async (err: { statusCode?: number; code?: string }, _request, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(status).send({ error: status === 500 ? 'internal' : (err.code ?? 'bad-request') });
  });

  const views = {
    queue: listQueue({ db: deps.db }),
    request: getRequestView({ db: deps.db, cipher: deps.cipher }),
    attachment: getRequestAttachment({ db: deps.db, cipher: deps.cipher }),
    message: getMessageView({ db: deps.db, cipher: deps.cipher }),
    raw: getRawMessage({ db: deps.db, cipher: deps.cipher }),
  };
  const sendHtml = (reply: FastifyReply, body: string, status = 200) => reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(body);
  const notFoundPage = (reply: FastifyReply, what: string) =>
    sendHtml(reply, page('Not found', html`<h1>Not found</h1><p>There is no ${what}. <a href="/">Back to the queue</a></p>`), 404);

  app.get('/staff.css', async (_request, reply) => reply.header('Content-Type', 'text/css; charset=utf-8').send(STAFF_CSS));

  type Query = { Querystring: { kind?: string; status?: string } };
  app.get<Query>('/', { preHandler: staffOnly }, async (request, reply) => {
    let filter;
    try {
      filter = parseQueueFilter(request.query);
    } catch (err) {
      if (!(err instanceof BadFilterError)) throw err;
      return sendHtml(reply, page('Bad filter', html`<h1>Unknown filter</h1><p>${err.message}. <a href="/">Back to the queue</a></p>`), 400);
    }
    return sendHtml(reply, renderQueuePage(await views.queue(filter)));
  });

  app.get<Query>('/api/tasks', { preHandler: staffOnly }, async (request, reply) => {
    try {
      const { tasks, countsByKind } = await views.queue(parseQueueFilter(request.query));
      return { tasks, countsByKind };
    } catch (err) {
      if (err instanceof BadFilterError) return reply.code(400).send({ error: err.code, message: err.message });
      throw err;
    }
  });

  type ById = { Params: { id: string } };
  app.get<ById>('/requests/:id', { preHandler: staffOnly }, async (request, reply) => {
    const view = await views.request(request.params.id);
    return view ? sendHtml(reply, renderRequestPage(view, new Date())) : notFoundPage(reply, 'such request');
  });

  app.get<ById>('/api/requests/:id', { preHandler: staffOnly }, async (request, reply) => {
    const view = await views.request(request.params.id);
    if (!view) return reply.code(404).send({ error: 'not-found' });
    return { ...view, attachments: view.attachments.map((a) => ({ ...a, url: `/requests/${view.id}/card/${a.n}` })) };
  });

  app.get<{ Params: { id: string; n: string } }>('/requests/:id/card/:n', { preHandler: staffOnly }, async (request, reply) => {
    const file = await views.attachment(request.params.id, request.params.n);
    if (!file) return reply.code(404).send({ error: 'not-found' });
    return reply
      .header('Content-Type', file.contentType)
      .header('Content-Disposition', `${file.disposition}; filename="${file.downloadName}"`)
      .send(file.bytes);
  });

  app.get<{ Params: { id: string; n: string } }>('/requests/:id/card/:n/preview', { preHandler: staffOnly }, async (request, reply) => {
    const file = await views.attachment(request.params.id, request.params.n, { pdfPreview: true });
    if (!file) return reply.code(404).send({ error: 'not-found' });
    return reply.header('Content-Type', file.contentType).header('Content-Disposition', `inline; filename="${file.downloadName}"`).send(file.bytes);
  });

  app.get<ById>('/messages/:id', { preHandler: staffOnly }, async (request, reply) => {
    const view = await views.message(request.params.id);
    return view ? sendHtml(reply, renderMessagePage(view, new Date())) : notFoundPage(reply, 'such message');
  });

  app.get<ById>('/api/messages/:id', { preHandler: staffOnly }, async (request, reply) => {
    const view = await views.message(request.params.id);
    if (!view) return reply.code(404).send({ error: 'not-found' });
    return { ...view, rawUrl: view.rawStored ? `/messages/${view.id}/raw` : null };
  });

  app.get<ById>('/messages/:id/raw', { preHandler: staffOnly }, async (request, reply) => {
    const raw = await views.raw(request.params.id);
    if (!raw) return reply.code(404).send({ error: 'not-found' });
    return reply
      .header('Content-Type', 'message/rfc822')
      .header('Content-Disposition', `attachment; filename="message-${request.params.id}.eml"`)
      .send(raw);
  });

  const done = async (request: FastifyRequest<{ Params: { id: string } }>) =>
    deps.completeTask({ taskId: request.params.id, by: staffName(request) });

  app.post<ById>('/api/tasks/:id/done', { preHandler: staffOnly }, async (request, reply) => {
    if (crossSite(request)) return reply.code(403).send({ error: 'cross-site' });
    try {
      return { task: await done(request) };
    } catch (err) {
      if (err instanceof TaskNotOpenError) return reply.code(404).send({ error: err.code });
      throw err;
    }
  });

  // The HTML pages' "Done" button (a plain form post), then back where it was pressed.
  app.post<ById & { Body: { back?: unknown } | undefined }>('/tasks/:id/done', { preHandler: staffOnly }, async (request, reply) => {
    if (crossSite(request)) return reply.code(403).send({ error: 'cross-site' });
    try {
      await done(request);
    } catch (err) {
      if (!(err instanceof TaskNotOpenError)) throw err;
    }
    const body = request.body;
    return reply.redirect(safeBack(body && typeof body === 'object' ? body.back : undefined), 303);
  });
  return app;
}
