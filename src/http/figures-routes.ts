/**
 * The admins' per-center figures: GET /admin/figures (the page, linked from the admin bar) and
 * GET /api/centers/figures (JSON). Counts, field names and times only, no client data; the
 * optional range is two days in the query string. Each view is audited before it is sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CenterFigures } from '../domain/center-figures';
import type { FiguresView, centerFigures } from '../use-cases/center-figures';
import { figuresQuery, parseInput } from './api-schemas';
import type { StaffAuth } from './staff-auth';
import { html, page, type SafeHtml, type Viewer } from './staff-html';

export interface FiguresRouteDeps {
  figures: ReturnType<typeof centerFigures>;
  auth: StaffAuth;
  record: (request: FastifyRequest, action: string, subject: string | null) => Promise<unknown>;
  sendHtml: (reply: FastifyReply, body: string, status?: number) => FastifyReply;
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`);
const hours = (h: number | null) => (h === null ? '–' : h < 48 ? `${h} h` : `${Math.round((h / 24) * 10) / 10} days`);

function figureRow(f: CenterFigures, label: SafeHtml | string): SafeHtml {
  return html`<tr><td>${label}</td><td class="num">${f.requests}</td>
<td class="num">${percent(f.incompleteShare)}${f.arrivalKnown < f.requests ? html` <span class="sub">(of ${f.arrivalKnown})</span>` : ''}</td>
<td>${f.topOmissions.length ? f.topOmissions.map((o, i) => html`${i ? ', ' : ''}${o.askedAs} <span class="n">${o.count}</span>`) : html`<span class="none">none</span>`}</td>
<td class="num">${f.verified}</td><td class="num">${hours(f.medianHoursToVerified)}</td></tr>`;
}

export function renderFiguresPage(view: FiguresView, viewer: Viewer, error: string | null = null): string {
  const range = view.since || view.until ? `${view.since ?? 'the start'} to ${view.until ?? 'today'}` : 'all time';
  const body = html`<h1>Center figures</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="get" action="/admin/figures" class="filters">
<label>Emails received from<input type="date" name="since" value="${view.since ?? ''}"></label>
<label>to<input type="date" name="until" value="${view.until ?? ''}"></label>
<button type="submit" class="secondary">Show</button></form>
<p class="sub">Requests by referring center (the sender allowlist's entry the sender falls under, else the sender's domain), ${range} (UTC days of the first email).
"Incomplete on arrival": the share of requests that arrived lacking an item the center had to be asked for (the card alone does not count); "left out most": the items left out, the card included, and how often.
"To verified": the median time from the email to the completed verification.</p>
${error ? '' : view.centers.length === 0
    ? html`<section class="box"><span class="none">No requests in this range.</span></section>`
    : html`<table><thead><tr><th>Center</th><th>Requests</th><th>Incomplete on arrival</th><th>Left out most</th><th>Verified</th><th>To verified (median)</th></tr></thead><tbody>
${view.centers.map((f) => figureRow(f, f.center ?? html`<span class="none">no sender address</span>`))}
${view.total ? figureRow(view.total, html`<strong>All centers</strong>`) : ''}
</tbody></table>`}`;
  return page('Center figures', body, { wide: true, viewer });
}

export function registerFiguresRoutes(app: FastifyInstance, deps: FiguresRouteDeps): void {
  const { figures, auth, record, sendHtml } = deps;

  app.get('/admin/figures', { preHandler: auth.adminOnly }, async (request, reply) => {
    const query = parseInput(figuresQuery, request.query);
    if (!query.ok) {
      const message = query.error.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return sendHtml(reply, renderFiguresPage({ since: null, until: null, centers: [], total: null }, auth.viewer(request), message), 400);
    }
    const view = await figures(query.value);
    await record(request, 'view-center-figures', null);
    return sendHtml(reply, renderFiguresPage(view, auth.viewer(request)));
  });

  app.get('/api/centers/figures', { preHandler: auth.adminOnly }, async (request, reply) => {
    const query = parseInput(figuresQuery, request.query);
    if (!query.ok) return reply.code(400).send(query.error);
    const view = await figures(query.value);
    await record(request, 'view-center-figures', null);
    return view;
  });
}
