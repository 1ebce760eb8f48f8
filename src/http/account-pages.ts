/**
 * The sign-in page and the admin pages: staff accounts (add, disable, enable, new password, API
 * tokens) and the audit log search. Pure rendering; every value escaped by `html`, every form
 * carries the CSRF token.
 */
import type { AuditEventRow } from '../adapters/db/audit.repository';
import type { ApiTokenRow } from '../adapters/db/staff-account.repository';
import type { StaffUserView } from '../use-cases/staff-accounts';
import { csrfField, html, page, postButton, value, when, type SafeHtml, type Viewer } from './staff-html';

/** The sign-in form; without a CSRF token (an expired form) only a link to start again. */
export function renderLoginPage(csrf: string | null, error: string | null = null): string {
  const form = csrf
    ? html`<form method="post" action="/login" class="stack">${csrfField(csrf)}
<label>E-mail <input type="email" name="email" autocomplete="username" required></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form>`
    : html`<p><a href="/login">Sign in</a></p>`;
  return page('Sign in', html`<h1>Sign in</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${form}`);
}

/** A token shown once after it is created; `null` otherwise. */
export interface NewTokenNotice {
  email: string;
  token: string;
}

export function renderUsersPage(users: StaffUserView[], tokens: ApiTokenRow[], viewer: Viewer, notice: { error?: string; newToken?: NewTokenNotice } = {}): string {
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const rows = users.map((u) => {
    const back = '/admin/users';
    const actions: SafeHtml[] = [
      u.disabled
        ? postButton(`/admin/users/${u.id}/enable`, 'Enable', viewer.csrf, { back }, 'secondary')
        : postButton(`/admin/users/${u.id}/disable`, 'Disable', viewer.csrf, { back }, 'secondary'),
      postButton(`/admin/users/${u.id}/tokens`, 'New API token', viewer.csrf, {}, 'secondary'),
    ];
    return html`<tr><td class="num">${u.id}</td><td>${u.email}</td><td>${u.role}</td><td>${u.disabled ? html`<span class="badge failed">disabled</span>` : html`<span class="badge open">enabled</span>`}${
      u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? html` <span class="badge failed">locked until ${when(u.lockedUntil)}</span>` : ''
    }</td><td>${when(u.createdAt)}</td><td>${actions}
<form method="post" action="/admin/users/${u.id}/password" class="inline">${csrfField(viewer.csrf)}<input type="password" name="password" minlength="12" placeholder="new password" autocomplete="new-password" required> <button type="submit" class="secondary">Set password</button></form></td></tr>`;
  });
  const tokenRows = tokens.map(
    (t) => html`<tr><td class="num">${t.id}</td><td>${emailOf.get(t.userId) ?? t.userId}</td><td>${when(t.createdAt)}</td><td>${value(when(t.lastUsedAt), 'never')}</td><td>${
      t.revokedAt ? html`revoked ${when(t.revokedAt)}` : postButton(`/admin/tokens/${t.id}/revoke`, 'Revoke', viewer.csrf, {}, 'secondary')
    }</td></tr>`,
  );
  const body = html`<h1>Staff accounts</h1>
${notice.error ? html`<p class="error" role="alert">${notice.error}</p>` : ''}
${notice.newToken ? html`<section class="box complete"><h2>API token for ${notice.newToken.email}</h2><p>Copy it now: it is shown only once.</p><pre class="body">${notice.newToken.token}</pre></section>` : ''}
<section class="box"><table><thead><tr><th>#</th><th>E-mail</th><th>Role</th><th>State</th><th>Added</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>
<section class="box"><h2>Add an account</h2>
<form method="post" action="/admin/users" class="stack">${csrfField(viewer.csrf)}
<label>E-mail <input type="email" name="email" required></label>
<label>Role <select name="role"><option value="biller">biller</option><option value="admin">admin</option></select></label>
<label>Password (12+ characters) <input type="password" name="password" minlength="12" autocomplete="new-password" required></label>
<button type="submit">Add</button></form></section>
<section class="box"><h2>API tokens</h2>${
    tokens.length ? html`<table><thead><tr><th>#</th><th>Account</th><th>Created</th><th>Last used</th><th></th></tr></thead><tbody>${tokenRows}</tbody></table>` : html`<p class="none">No API tokens.</p>`
  }</section>`;
  return page('Staff accounts', body, { viewer });
}

export interface AuditPageQuery {
  actor?: string;
  action?: string;
  subject?: string;
  since?: string;
  until?: string;
}

export function renderAuditPage(events: AuditEventRow[], query: AuditPageQuery, next: string | null, viewer: Viewer, error: string | null = null): string {
  const q = (name: keyof AuditPageQuery, label: string, placeholder: string) =>
    html`<label>${label}<input type="text" name="${name}" value="${query[name] ?? ''}" placeholder="${placeholder}"></label>`;
  const nextHref = next
    ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), before: next }).toString()}`
    : null;
  const body = html`<h1>Audit log</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form method="get" action="/admin/audit" class="filters">
${q('actor', 'Who', 'e-mail')}${q('action', 'Action', 'e.g. view-request')}${q('subject', 'Subject', 'request:12 or request:')}
${q('since', 'Since', '2026-01-05T00:00:00Z')}${q('until', 'Until', '2026-01-06T00:00:00Z')}
<button type="submit" class="secondary">Search</button></form>
<section class="box">${
    events.length
      ? html`<table><thead><tr><th>#</th><th>When</th><th>Who</th><th>Action</th><th>Subject</th><th>IP</th></tr></thead><tbody>${events.map(
          (e) => html`<tr><td class="num">${e.id}</td><td class="num">${e.at.toISOString()}</td><td>${value(e.actor, 'unknown')}</td><td>${e.action}</td><td>${e.subject ?? ''}</td><td>${e.ip ?? ''}</td></tr>`,
        )}</tbody></table>`
      : html`<p class="none">No events match.</p>`
  }</section>
${nextHref ? html`<p><a href="${nextHref}">Older »</a></p>` : ''}`;
  return page('Audit log', body, { wide: true, viewer });
}
