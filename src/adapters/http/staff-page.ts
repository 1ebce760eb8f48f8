/**
 * The staff queue page: every task links to what it is about (the request, or the message for a
 * review-message task), filters by kind and status in the query string, a count per kind.
 * Pure rendering; ids, field names and codes only (no client data on this page).
 */
import { TASK_KINDS } from '../../domain/tasks';
import { askedAs, QUEUE_STATUSES, type QueueFilter, type QueueTaskRow, type QueueView } from '../../use-cases/staff-views';
import { doneButton, html, KIND_LABEL, page, when, type SafeHtml } from './staff-html';

export { escapeHtml } from './staff-html';

const STATUS_LABEL: Record<string, string> = {
  active: 'Open and paused',
  open: 'Open',
  paused: 'Paused',
  done: 'Done',
  closed: 'Closed',
  all: 'All',
};

export function queueHref(filter: QueueFilter): string {
  const q = new URLSearchParams();
  if (filter.kind) q.set('kind', filter.kind);
  if (filter.status !== 'active') q.set('status', filter.status);
  const s = q.toString();
  return s ? `/?${s}` : '/';
}

/** Where a task's work is: its request, or its message. */
export function taskTarget(t: Pick<QueueTaskRow, 'requestId' | 'inboundMessageId'>): { href: string; label: string } | null {
  if (t.requestId) return { href: `/requests/${t.requestId}`, label: `Request ${t.requestId}` };
  if (t.inboundMessageId) return { href: `/messages/${t.inboundMessageId}`, label: `Message ${t.inboundMessageId}` };
  return null;
}

export function taskRow(t: QueueTaskRow, now: Date, back: string, { showTarget = true }: { showTarget?: boolean } = {}): SafeHtml {
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
  ${showTarget ? html`<td>${t.fromAddress ?? ''}</td><td class="num">${target ? html`<a href="${target.href}">${target.label}</a>` : ''}</td>` : ''}
  <td>${active ? doneButton(t.id, back) : html`<span class="none">${t.closedBy ?? ''} ${when(t.closedAt)}</span>`}</td>
</tr>`;
}

export function taskTable(tasks: readonly QueueTaskRow[], now: Date, back: string, opts: { showTarget?: boolean } = {}): SafeHtml {
  const showTarget = opts.showTarget ?? true;
  return html`<table><thead><tr><th>#</th><th>Priority</th><th>Task</th><th>Status</th><th>Due</th><th>Reason</th><th>Missing</th>${
    showTarget ? html`<th>From</th><th>About</th>` : ''
  }<th></th></tr></thead>
<tbody>
${tasks.map((t) => taskRow(t, now, back, { showTarget }))}
</tbody></table>`;
}

export function renderQueuePage(view: QueueView): string {
  const { filter, tasks, countsByKind, now } = view;
  const total = Object.values(countsByKind).reduce((a, b) => a + b, 0);
  const overdue = tasks.filter((t) => (t.status === 'open' || t.status === 'paused') && t.dueAt.getTime() < now.getTime()).length;
  const kindLinks = [
    html`<a href="${queueHref({ ...filter, kind: null })}" class="${filter.kind === null ? 'on' : ''}">All<span class="n">${total}</span></a>`,
    ...TASK_KINDS.map(
      (k) => html`<a href="${queueHref({ ...filter, kind: k })}" class="${filter.kind === k ? 'on' : ''}">${KIND_LABEL[k]}<span class="n">${countsByKind[k]}</span></a>`,
    ),
  ];
  const statusLinks = QUEUE_STATUSES.map(
    (s) => html`<a href="${queueHref({ ...filter, status: s })}" class="${filter.status === s ? 'on' : ''}">${STATUS_LABEL[s]}</a>`,
  );
  const back = queueHref(filter);
  const body = html`<h1>VOB staff queue</h1>
<p class="sub">${tasks.length} task(s) shown${overdue > 0 ? html`, <strong>${overdue} overdue</strong>` : ''}. Most urgent first: by priority, overdue first, then by due time. Paused tasks wait on the treatment center.</p>
<nav class="filters" aria-label="Task kind"><span class="label">Kind</span>${kindLinks}</nav>
<nav class="filters" aria-label="Task status"><span class="label">Status</span>${statusLinks}</nav>
${tasks.length === 0 ? html`<section class="box"><span class="none">No tasks match.</span></section>` : taskTable(tasks, now, back)}`;
  return page('VOB staff queue', body, { wide: true });
}
