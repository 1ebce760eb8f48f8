/** The staff queue as one small HTML page. Pure rendering; every value is escaped. */
import { REQUIRED_FIELD_PROMPTS, type RequiredField } from '../../../schemas/vob-record';
import type { StaffTaskView } from '../../use-cases/staff-tasks';

const KIND_LABEL: Record<string, string> = {
  'verify-benefits': 'Verify benefits',
  'awaiting-information': 'Awaiting information',
  'review-conflicts': 'Review conflicts',
  'review-message': 'Review message',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderStaffPage(tasks: readonly StaffTaskView[], now: Date): string {
  const rows = tasks
    .map((t) => {
      const overdue = t.dueAt.getTime() < now.getTime();
      const missing = t.missingFields.map((f) => REQUIRED_FIELD_PROMPTS[f as RequiredField] ?? f).join(', ');
      return `<tr class="${escapeHtml(t.status)}${overdue ? ' overdue' : ''}">
  <td>${escapeHtml(t.id)}</td><td>P${t.priority}</td><td>${escapeHtml(KIND_LABEL[t.kind] ?? t.kind)}</td>
  <td>${escapeHtml(t.status)}</td><td>${escapeHtml(t.dueAt.toISOString().slice(0, 16).replace('T', ' '))}Z${overdue ? ' (overdue)' : ''}</td>
  <td>${escapeHtml(t.reason ?? '')}</td><td>${escapeHtml(missing)}</td>
  <td>${t.requestId ? `request ${escapeHtml(t.requestId)}` : ''}${t.inboundMessageId ? ` message ${escapeHtml(t.inboundMessageId)}` : ''}</td>
  <td><form method="post" action="/tasks/${escapeHtml(t.id)}/done"><button>Done</button></form></td>
</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>VOB staff queue</title>
<style>
body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}
tr.paused{color:#777}tr.overdue td:nth-child(5){color:#b00;font-weight:600}
</style></head><body>
<h1>VOB staff queue</h1>
<p>${tasks.length} open task(s), most urgent first. Paused tasks wait on the treatment center.</p>
<table><thead><tr><th>#</th><th>Priority</th><th>Task</th><th>Status</th><th>Due</th><th>Reason</th><th>Missing</th><th>Subject</th><th></th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
