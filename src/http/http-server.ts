/**
 * The service's HTTP port (fastify): /health (Postgres and Redis reachable, the mailbox login
 * not refused), /metrics
 * (Prometheus), the sign-in page and session API, and behind a staff session or API token the
 * staff pages: the queue (GET /, claim, release, next task, Done), a request (GET /requests/:id,
 * its card images /requests/:id/card/:n and a PDF's first page /requests/:id/card/:n/preview), a
 * message set aside (GET /messages/:id, its raw .eml /messages/:id/raw), their JSON under /api,
 * and for admins the accounts and audit pages (account-routes.ts), settings (settings-routes.ts)
 * and the per-center figures (figures-routes.ts). Every view of client data is
 * written to the audit trail before it is sent. URLs carry ids only; every response is no-store,
 * nosniff, and under a Content-Security-Policy that allows no script at all.
 */
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import type { Db } from '../adapters/db/db-pool';
import { BadCorrectionError } from '../domain/request-correction';
import { correctRequestField } from '../use-cases/correct-request';
import { recordAudit, type StaffAccounts } from '../use-cases/staff-accounts';
import { claimTasks, completeTask, TaskHeldError, TaskNotOpenError } from '../use-cases/staff-tasks';
import type { MailboxAuthReport } from '../adapters/mail-auth/mailbox-auth-status';
import {
  BadFilterError,
  getMessageView,
  getRawMessage,
  getRequestAttachment,
  getRequestView,
  listQueue,
  parseQueueFilter,
  type QueueView,
} from '../use-cases/staff-views';
import { registerAccountRoutes } from './account-routes';
import { assignBody, correctionBody, idParam, openApiDocument, parseInput, verificationBody, verificationForm } from './api-schemas';
import { renderMessagePage } from './message-page';
import { renderRequestPage } from './request-page';
import { registerSearchRoutes } from './search-routes';
import { createStaffAuth } from './staff-auth';
import { html, page, STAFF_CSS } from './staff-html';
import { renderQueuePage } from './staff-page';
import { BadWorksheetFieldError, worksheetFromForm, worksheetSchema } from '../domain/verification';
import { getVerifications, recordVerification } from '../use-cases/verify-benefits';
import { verifiedCsv } from '../use-cases/export-verified';
import { exportRequestInquiry } from '../use-cases/eligibility-export';
import { importEligibilityResponses, MAX_271_BYTES, type ImportResult } from '../use-cases/eligibility-import';
import { X12FormatError } from '../domain/x12/interchange';
import type { InterchangeEnvelope, Provider } from '../domain/x12/write-270';
import { renderImportRefusedPage, renderImportResultPage, renderNo270Page } from './eligibility-pages';
import { parseMultipart } from './multipart';
import { registerSettingsRoutes } from './settings-routes';
import { registerFiguresRoutes } from './figures-routes';
import { centerFigures } from '../use-cases/center-figures';
import type { ServiceSettingsUseCase } from '../use-cases/service-settings';

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
  /** The mailbox login as the poller and mailer last saw it (absent: not reported). */
  mailboxAuth?: () => MailboxAuthReport;
  /** The admins' settings (sender allowlist, reply signature). */
  settings: ServiceSettingsUseCase;
  /** Who sends 270s (PROVIDER_NPI, PROVIDER_NAME, X12_*); null when not configured (no 270 download). */
  eligibility?: { provider: Provider; envelope: Omit<InterchangeEnvelope, 'controlNumber' | 'createdAt'> } | null;
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
  if (/^\/(\?[a-z]+=[a-z0-9@.%_+-]+(&[a-z]+=[a-z0-9@.%_+-]+)*)?$/i.test(back)) return back;
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
  const record = (request: FastifyRequest, action: string, subject: string | null) => audit(request.actor!, action, subject, request.ip);

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

  // The pages post small forms (a CSRF token, a `back` path, a few account fields); the
  // verification worksheet is the largest (about a hundred short fields).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // A 271 upload: a browser's file form (multipart), or the file as the raw body. Only the
  // upload routes take these bodies (others answer 415 before reading one), and those routes
  // refuse a caller without a session or token before the body is read (onRequest).
  const UPLOAD_ROUTES = new Set(['/eligibility/271', '/api/eligibility/271']);
  const uploadOnly = (request: FastifyRequest) =>
    UPLOAD_ROUTES.has(request.routeOptions.url ?? '') ? null : Object.assign(new Error('unsupported media type'), { statusCode: 415, code: 'unsupported-media-type' });
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: MAX_271_BYTES }, (request, body, done) => {
    const refused = uploadOnly(request);
    if (refused) return done(refused, undefined);
    const fields = parseMultipart(body as Buffer, request.headers['content-type'] ?? '');
    if (fields) done(null, fields);
    else done(Object.assign(new Error('bad multipart body'), { statusCode: 400, code: 'invalid-multipart' }), undefined);
  });
  app.addContentTypeParser(['application/edi-x12', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_271_BYTES }, (request, body, done) => {
    const refused = uploadOnly(request);
    if (refused) done(refused, undefined);
    else done(null, body);
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
    verifications: getVerifications({ db: deps.db, cipher: deps.cipher }),
  };
  const sendHtml = (reply: FastifyReply, body: string, status = 200) => reply.code(status).header('Content-Type', 'text/html; charset=utf-8').send(body);
  const notFoundPage = (reply: FastifyReply, what: string) =>
    sendHtml(reply, page('Not found', html`<h1>Not found</h1><p>There is no ${what}. <a href="/">Back to the queue</a></p>`), 404);

  app.get('/staff.css', async (_request, reply) => reply.header('Content-Type', 'text/css; charset=utf-8').send(STAFF_CSS));

  registerAccountRoutes(app, { accounts: deps.accounts, auth, db: deps.db, behindTls: deps.behindTls, sendHtml });
  registerSettingsRoutes(app, { settings: deps.settings, auth, sendHtml });
  registerFiguresRoutes(app, { figures: centerFigures({ db: deps.db, settings: deps.settings }), auth, record, sendHtml });

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

  // Verified requests as CSV for billing staff (every role may; audited before a row is made).
  app.get('/export.csv', { preHandler: anyStaff }, async (request, reply) => {
    const lines = verifiedCsv({ db: deps.db, cipher: deps.cipher }, request.actor!, request.ip);
    const header = await lines.next();
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8; header=present')
      .header('Content-Disposition', `attachment; filename="verified-requests-${stamp}.csv"`)
      .send(Readable.from((async function* () {
        if (!header.done) yield header.value;
        yield* lines;
      })()));
  });

  type ById = { Params: { id: string } };
  app.get<ById>('/requests/:id', { preHandler: anyStaff }, async (request, reply) => {
    const view = await views.request(request.params.id);
    if (!view) return notFoundPage(reply, 'such request');
    const verifications = await views.verifications(view.id);
    await record(request, 'view-request', `request:${view.id}`);
    await record(request, 'view-verification', `request:${view.id}`);
    return sendHtml(reply, renderRequestPage(view, new Date(), auth.viewer(request), verifications));
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

  // The verification worksheet: JSON, or the request page's form (then back to the request).
  const verify = recordVerification({ db: deps.db, cipher: deps.cipher });
  app.get<ById>('/api/requests/:id/verifications', { preHandler: anyStaff }, async (request, reply) => {
    if (!parseInput(idParam, request.params).ok) return reply.code(400).send({ error: 'invalid-input', issues: [{ field: 'id', message: 'a numeric id' }] });
    const view = await views.request(request.params.id);
    if (!view) return reply.code(404).send({ error: 'not-found' });
    await record(request, 'view-verification', `request:${view.id}`);
    return views.verifications(view.id);
  });
  app.post<ById & { Body: unknown }>('/api/requests/:id/verifications', { preHandler: anyStaff }, async (request, reply) => {
    if (!parseInput(idParam, request.params).ok) return reply.code(400).send({ error: 'invalid-input', issues: [{ field: 'id', message: 'a numeric id' }] });
    const body = parseInput(verificationBody, request.body);
    if (!body.ok) return reply.code(400).send(body.error);
    const { worksheet, complete, eligibilityResponseId } = body.value;
    const saved = await verify({ requestId: request.params.id, worksheet, complete, eligibilityResponseId: eligibilityResponseId ?? null, by: request.actor!, ip: request.ip });
    return saved ? reply.code(201).send({ verification: saved }) : reply.code(404).send({ error: 'not-found' });
  });
  app.post<ById & { Body: unknown }>('/requests/:id/verifications', { preHandler: anyStaff }, async (request, reply) => {
    const refuse = (issues: { field: string; message: string }[], status = 400) =>
      sendHtml(
        reply,
        page('Not saved', html`<h1>Verification not saved</h1><p class="error">${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}</p><p>Go back in the browser to fix it, or <a href="${safeBack(`/requests/${request.params.id}`)}">reload the request</a>.</p>`, { viewer: auth.viewer(request) }),
        status,
      );
    const form = parseInput(verificationForm, request.body);
    if (!form.ok) return refuse(form.error.issues);
    let worksheet;
    try {
      worksheet = parseInput(worksheetSchema, worksheetFromForm(request.body as Record<string, unknown>));
    } catch (err) {
      if (err instanceof BadWorksheetFieldError) return refuse([{ field: err.field, message: err.message }]);
      throw err;
    }
    if (!worksheet.ok) return refuse(worksheet.error.issues);
    const saved = await verify({
      requestId: request.params.id,
      worksheet: worksheet.value,
      complete: form.value.action === 'complete',
      eligibilityResponseId: form.value.eligibilityResponseId ?? null,
      by: request.actor!,
      ip: request.ip,
    });
    if (!saved) return refuse([{ field: 'id', message: 'no such request' }], 404);
    return reply.redirect(`/requests/${request.params.id}`, 303);
  });

  // Eligibility: one request's X12 270 (its trace stored so the 271 finds it back), and a 271 upload.
  app.get<ById>('/requests/:id/270', { preHandler: anyStaff }, async (request, reply) => {
    if (!parseInput(idParam, request.params).ok) return notFoundPage(reply, 'such request');
    if (!deps.eligibility) {
      return sendHtml(reply, page('No 270', html`<h1>No 270</h1><p class="error">270s are not configured: the service needs PROVIDER_NPI and PROVIDER_NAME.</p><p><a href="/requests/${request.params.id}">Back to the request</a></p>`, { viewer: auth.viewer(request) }), 503);
    }
    const now = new Date();
    const result = await exportRequestInquiry(
      { db: deps.db, cipher: deps.cipher, provider: deps.eligibility.provider, envelope: { ...deps.eligibility.envelope, createdAt: now }, dateOfService: now.toISOString().slice(0, 10) },
      request.params.id,
    );
    if (!result) return notFoundPage(reply, 'such request');
    if (!result.ok) return sendHtml(reply, renderNo270Page(request.params.id, result.missing, auth.viewer(request)), 422);
    await record(request, 'download-270', `request:${request.params.id}`);
    return reply
      .header('Content-Type', 'application/edi-x12')
      .header('Content-Disposition', `attachment; filename="request-${request.params.id}-${result.controlNumber}.270"`)
      .send(result.text);
  });

  type Import271 = { status: 200; result: ImportResult } | { status: 400; reason: string; field: string };
  const import271 = async (request: FastifyRequest): Promise<Import271> => {
    const body = request.body as unknown;
    const file = Buffer.isBuffer(body) ? body : body && typeof body === 'object' ? (body as Record<string, unknown>)['file'] : undefined;
    if (!Buffer.isBuffer(file) || file.length === 0) return { status: 400, field: 'file', reason: 'No 271 file was sent (a multipart field "file", or the file as the body).' };
    try {
      const result = await importEligibilityResponses({ db: deps.db, cipher: deps.cipher, now: new Date() }, file);
      await record(request, 'import-271', null);
      return { status: 200, result };
    } catch (err) {
      if (err instanceof X12FormatError) return { status: 400, field: 'file', reason: `The file is not a readable 271: ${err.message}` };
      throw err;
    }
  };
  /** Before a large body is read: no session or token → 401 (the full check, CSRF included, is the preHandler's). */
  const signedInFirst = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await auth.identify(request))) await reply.code(401).send({ error: 'unauthorized' });
  };
  app.post('/api/eligibility/271', { onRequest: signedInFirst, preHandler: anyStaff }, async (request, reply) => {
    const out = await import271(request);
    return out.status === 200 ? out.result : reply.code(400).send({ error: 'invalid-input', issues: [{ field: out.field, message: out.reason }] });
  });
  app.post('/eligibility/271', { onRequest: signedInFirst, preHandler: anyStaff }, async (request, reply) => {
    const out = await import271(request);
    return out.status === 200
      ? sendHtml(reply, renderImportResultPage(out.result, auth.viewer(request)))
      : sendHtml(reply, renderImportRefusedPage(out.reason, auth.viewer(request)), 400);
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
