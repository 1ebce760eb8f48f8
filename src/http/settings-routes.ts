/**
 * The admins' settings page and API: the sender allowlist and the reply signature (GET/POST
 * /admin/settings, GET/POST /api/settings). A change is audited; the pipeline sees it within
 * seconds.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { settingsFromForm, settingsSchema } from '../domain/service-settings';
import type { ServiceSettingsUseCase, SettingsView } from '../use-cases/service-settings';
import { parseInput } from './api-schemas';
import type { StaffAuth } from './staff-auth';
import { csrfField, html, page, type Viewer } from './staff-html';

export interface SettingsRouteDeps {
  settings: ServiceSettingsUseCase;
  auth: StaffAuth;
  sendHtml: (reply: FastifyReply, body: string, status?: number) => FastifyReply;
}

export function renderSettingsPage(view: SettingsView, viewer: Viewer, notice: { error?: string; saved?: boolean } = {}): string {
  const { settings, defaults, stored } = view;
  const source = (name: 'allowedSenderDomains' | 'replySignature') => (stored.includes(name) ? 'set here' : 'the default from the environment');
  return page(
    'Settings',
    html`<h1>Settings</h1>
${notice.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}${notice.saved ? html`<p class="complete">Saved.</p>` : ''}
<form method="post" action="/admin/settings" class="stack">${csrfField(viewer.csrf)}
<label>Sender allowlist: domains whose mail gets automatic replies, one per line (${source('allowedSenderDomains')}). Empty: every sender. With entries, mail from any other sender gets no automatic reply and waits for staff as a review task.
<textarea name="allowedSenderDomains" rows="6" cols="40">${settings.allowedSenderDomains.join('\n')}</textarea></label>
<label>Signature of automatic replies and reminders (${source('replySignature')}; empty restores the default)
<textarea name="replySignature" rows="4" cols="40">${settings.replySignature}</textarea></label>
<button type="submit">Save</button></form>
<p class="sub">Environment defaults: allowlist ${defaults.allowedSenderDomains.length ? defaults.allowedSenderDomains.join(', ') : 'empty'}.</p>`,
    { viewer },
  );
}

export function registerSettingsRoutes(app: FastifyInstance, deps: SettingsRouteDeps): void {
  const { settings, auth, sendHtml } = deps;
  const save = async (request: FastifyRequest, input: unknown) => {
    const body = parseInput(settingsSchema, input);
    if (!body.ok) return body;
    return { ok: true as const, changed: await settings.update(body.value, request.actor!, request.ip) };
  };

  app.get('/admin/settings', { preHandler: auth.adminOnly }, async (request, reply) => sendHtml(reply, renderSettingsPage(await settings.view(), auth.viewer(request))));
  app.post<{ Body: unknown }>('/admin/settings', { preHandler: auth.adminOnly }, async (request, reply) => {
    const view = await settings.view();
    const result = await save(request, settingsFromForm((request.body ?? {}) as Record<string, unknown>, view.defaults));
    if (!result.ok) return sendHtml(reply, renderSettingsPage(view, auth.viewer(request), { error: result.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ') }), 400);
    return sendHtml(reply, renderSettingsPage(await settings.view(), auth.viewer(request), { saved: true }));
  });
  app.get('/api/settings', { preHandler: auth.adminOnly }, async () => settings.view());
  app.post<{ Body: unknown }>('/api/settings', { preHandler: auth.adminOnly }, async (request, reply) => {
    const result = await save(request, request.body);
    if (!result.ok) return reply.code(400).send(result.error);
    return { changed: result.changed, ...(await settings.view()) };
  });
}
