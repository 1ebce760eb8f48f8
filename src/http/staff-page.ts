/**
 * The staff queue page: every task links to what it is about (the request, or the message for a
 * review-message task), filters by kind, status, center, payer, age and holder in the query string, counts
 * per kind and status, Claim/Release/Done and "Next task", pages of 50. Pure rendering; ids, field
 * names, codes and masked member IDs only (no client data in clear on this page).
 */
import { TASK_KINDS } from '../domain/tasks';
import { AGE_BUCKETS, AGE_LABEL, NO_PAYER, OTHER_PAYER } from '../domain/request-facts';
import { askedAs, QUEUE_STATUSES, type QueueFilter, type QueueTask, type QueueView } from '../use-cases/staff-views';
import { searchForm } from './search-page';
import { csrfField, doneButton, html, KIND_LABEL, page, postButton, when, type SafeHtml, type Viewer } from './staff-html';

export { escapeHtml } from './staff-html';

const STATUS_LABEL: Record<string, string> = {
  active: 'Open and paused',
  open: 'Open',
  paused: 'Paused',
  done: 'Done',
  closed: 'Closed',
  all: 'All',
};

export function queueHref(filter: Partial<QueueFilter>): string {
  const q = new URLSearchParams();
  if (filter.kind) q.set('kind', filter.kind);
  if (filter.status && filter.status !== 'active') q.set('status', filter.status);
  if (filter.center) q.set('center', filter.center);
  if (filter.assignee && filter.assignee !== 'any') q.set('assignee', filter.assignee);
  if (filter.payer) q.set('payer', filter.payer);
  if (filter.age) q.set('age', filter.age);
  if (filter.page && filter.page > 1) q.set('page', String(filter.page));
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

/** Where a task's work is: its request, or its message. */
export function taskTarget(t: Pick<QueueTask, 'requestId' | 'inboundMessageId'>): { href: string; label: string } | null {
  if (t.requestId) return { href: `/requests/${t.requestId}`, label: `Request ${t.requestId}` };
  if (t.inboundMessageId) return { href: `/messages/${t.inboundMessageId}`, label: `Message ${t.inboundMessageId}` };
  return null;
}

/** A staff member a task can be given to (admins' Assign form). */
export interface Assignee {
  id: string;
  email: string;
}

function assignForm(t: QueueTask, back: string, viewer: Viewer, assignees: readonly Assignee[]): SafeHtml {
  return html`<form method="post" action="/tasks/${t.id}/assign" class="inline">${csrfField(viewer.csrf)}<input type="hidden" name="back" value="${back}"><select name="userId" aria-label="Assign to">${assignees.map(
    (a) => html`<option value="${a.id}"${a.id === t.claimedById ? html` selected` : ''}>${a.email}</option>`,
  )}</select> <button type="submit" class="secondary">Assign</button></form>`;
}

/** Who holds the task, with Claim or Release as fits the viewer (and Assign for admins). */
function holderCell(t: QueueTask, back: string, viewer: Viewer, assignees: readonly Assignee[]): SafeHtml {
  const active = t.status === 'open' || t.status === 'paused';
  if (!active) return html`${t.claimedBy ?? ''}`;
  const assign = viewer.role === 'admin' && assignees.length > 0 ? html` ${assignForm(t, back, viewer, assignees)}` : '';
  if (!t.claimedById) return html`${postButton(`/tasks/${t.id}/claim`, 'Claim', viewer.csrf, { back }, 'secondary')}${assign}`;
  const mine = t.claimedById === viewer.userId;
  return html`<span class="badge claimed">${mine ? 'you' : t.claimedBy}</span>${
    mine || viewer.role === 'admin' ? html` ${postButton(`/tasks/${t.id}/release`, 'Release', viewer.csrf, { back }, 'secondary')}` : ''
  }${assign}`;
}

export interface TaskTableOptions {
  showTarget?: boolean;
  /** For admins: who a task can be assigned to. */
  assignees?: readonly Assignee[];
}

export function taskRow(t: QueueTask, now: Date, back: string, viewer: Viewer, { showTarget = true, assignees = [] }: TaskTableOptions = {}): SafeHtml {
  const active = t.status === 'open' || t.status === 'paused';
  const overdue = active && t.dueAt.getTime() < now.getTime();
  const target = taskTarget(t);
  const missing = t.missingFields.map(askedAs).join(', ');
  return html`<tr class="${t.status}${overdue ? ' overdue' : ''}">
  <td class="num">${t.id}</td><td class="num">P${t.priority}</td>
  <td>${showTarget && target ? html`<a href="${target.href}"><strong>${KIND_LABEL[t.kind] ?? t.kind}</strong></a>` : html`<strong>${KIND_LABEL[t.kind] ?? t.kind}</strong>`}</td>
  <td><span class="badge ${t.status}">${t.status}</span></td>
  <td class="due num">${when(t.dueAt)}${overdue ? html` <span class="badge overdue">overdue</span>` : ''}</td>
  <td>${t.reason ?? ''}</td><td>${missing}</td>
  ${showTarget ? html`<td class="num">${t.memberIdMasked ?? ''}</td><td>${t.payer ? payerLabel(t.payer) : ''}</td><td>${t.fromAddress ?? ''}</td><td class="num">${when(t.arrivedAt)}</td><td class="num">${target ? html`<a href="${target.href}">${target.label}</a>` : ''}</td>` : ''}
  <td>${holderCell(t, back, viewer, assignees)}</td>
  <td>${active ? doneButton(t.id, back, viewer.csrf) : html`<span class="none">${t.closedBy ?? ''} ${when(t.closedAt)}</span>`}</td>
</tr>`;
}

export function taskTable(tasks: readonly QueueTask[], now: Date, back: string, viewer: Viewer, opts: TaskTableOptions = {}): SafeHtml {
  const showTarget = opts.showTarget ?? true;
  return html`<table><thead><tr><th>#</th><th>Priority</th><th>Task</th><th>Status</th><th>Due</th><th>Reason</th><th>Missing</th>${
    showTarget ? html`<th>Member ID</th><th>Payer</th><th>From</th><th>Received</th><th>About</th>` : ''
  }<th>Claimed by</th><th></th></tr></thead>
<tbody>
${tasks.map((t) => taskRow(t, now, back, viewer, { ...opts, showTarget }))}
</tbody></table>`;
}

const ASSIGNEE_LABEL: Record<string, string> = { any: 'Anyone', me: 'Mine', none: 'Unclaimed' };

/** How the payer filter names its values: the known payer, or what 'other' and 'none' stand for. */
export function payerLabel(payer: string): string {
  return payer === OTHER_PAYER ? 'Other (not recognised)' : payer === NO_PAYER ? 'No payer named' : payer;
}

/** The center, payer, age and assignee filters: a GET form keeping the kind and status. */
function filterForm(view: QueueView): SafeHtml {
  const { filter, centers } = view;
  const payers = [...view.payers.filter((p) => p !== OTHER_PAYER), OTHER_PAYER, NO_PAYER];
  const assignee = ['any', 'me', 'none'].includes(filter.assignee) ? filter.assignee : 'any';
  return html`<form method="get" action="/" class="filters">
${filter.kind ? html`<input type="hidden" name="kind" value="${filter.kind}">` : ''}${filter.status !== 'active' ? html`<input type="hidden" name="status" value="${filter.status}">` : ''}
<label>Center<select name="center"><option value="">All centers</option>${centers.map(
    (c) => html`<option value="${c}"${c === filter.center ? html` selected` : ''}>${c}</option>`,
  )}</select></label>
<label>Payer<select name="payer"><option value="">All payers</option>${payers.map(
    (p) => html`<option value="${p}"${p === filter.payer ? html` selected` : ''}>${payerLabel(p)}</option>`,
  )}</select></label>
<label>Received<select name="age"><option value="">Any time</option>${AGE_BUCKETS.map(
    (a) => html`<option value="${a}"${a === filter.age ? html` selected` : ''}>${AGE_LABEL[a]} ago</option>`,
  )}</select></label>
<label>Claimed by<select name="assignee">${Object.entries(ASSIGNEE_LABEL).map(
    ([v, label]) => html`<option value="${v}"${v === assignee ? html` selected` : ''}>${label}</option>`,
  )}</select></label>
<button type="submit" class="secondary">Filter</button></form>`;
}

export function renderQueuePage(view: QueueView, viewer: Viewer, { notice = null, assignees = [] }: { notice?: string | null; assignees?: readonly Assignee[] } = {}): string {
  const { filter, tasks, countsByKind, countsByStatus, now } = view;
  const total = Object.values(countsByKind).reduce((a, b) => a + b, 0);
  const overdue = tasks.filter((t) => (t.status === 'open' || t.status === 'paused') && t.dueAt.getTime() < now.getTime()).length;
  const kindLinks = [
    html`<a href="${queueHref({ ...filter, kind: null, page: 1 })}" class="${filter.kind === null ? 'on' : ''}">All<span class="n">${total}</span></a>`,
    ...TASK_KINDS.map(
      (k) => html`<a href="${queueHref({ ...filter, kind: k, page: 1 })}" class="${filter.kind === k ? 'on' : ''}">${KIND_LABEL[k]}<span class="n">${countsByKind[k]}</span></a>`,
    ),
  ];
  const statusCount = (s: string): number =>
    s === 'active' ? countsByStatus.open + countsByStatus.paused : s === 'all' ? Object.values(countsByStatus).reduce((a, b) => a + b, 0) : countsByStatus[s as keyof typeof countsByStatus];
  const statusLinks = QUEUE_STATUSES.map(
    (s) => html`<a href="${queueHref({ ...filter, status: s, page: 1 })}" class="${filter.status === s ? 'on' : ''}">${STATUS_LABEL[s]}<span class="n">${statusCount(s)}</span></a>`,
  );
  const back = queueHref(filter);
  const paging = html`<p class="sub">${filter.page > 1 ? html`<a href="${queueHref({ ...filter, page: filter.page - 1 })}">« Previous</a> ` : ''}Page ${filter.page}${
    view.hasMore ? html` <a href="${queueHref({ ...filter, page: filter.page + 1 })}">Next »</a>` : ''
  }</p>`;
  const body = html`<h1>VOB staff queue</h1>
${notice ? html`<p class="error">${notice}</p>` : ''}
<p>${postButton('/tasks/next', 'Next task', viewer.csrf)} <span class="sub">claims the most urgent open task no one holds and opens it</span></p>
${searchForm(viewer.csrf)}
<p class="sub">${tasks.length} task(s) shown${overdue > 0 ? html`, <strong>${overdue} overdue</strong>` : ''}. Most urgent first: by priority, overdue first, then by due time. Paused tasks wait on the treatment center. Member IDs are masked here.</p>
<nav class="filters" aria-label="Task kind"><span class="label">Kind</span>${kindLinks}</nav>
<nav class="filters" aria-label="Task status"><span class="label">Status</span>${statusLinks}</nav>
${filterForm(view)}
${tasks.length === 0 ? html`<section class="box"><span class="none">No tasks match.</span></section>` : taskTable(tasks, now, back, viewer, { assignees })}
${paging}
<section class="box"><h2>Exports and eligibility</h2><p><a class="button secondary" href="/export.csv">Download verified requests (CSV)</a> <span class="sub">one row per verified request, its newest verification (audited)</span></p>
<form method="post" action="/eligibility/271" enctype="multipart/form-data" class="filters">${csrfField(viewer.csrf)}
<label>A payer's 271 file<input type="file" name="file" required></label><button type="submit" class="secondary">Import the 271</button></form></section>`;
  return page('VOB staff queue', body, { wide: true, viewer });
}
