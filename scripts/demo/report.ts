/**
 * The demo's printed report: per message, the replies read back, the open staff tasks, the
 * checks and the totals. Pure formatting over what demo.ts collected.
 */
import type { PreparedMessage } from './samples';
import type { ReadReply } from './mail';

export interface StoredRequest {
  id: string;
  status: string;
  missing: string[];
  conflicts: number;
}

export interface StoredMessage {
  id: string;
  messageId: string;
  status: string;
  reviewCode: string | null;
  replySend: boolean | null;
  replyReason: string | null;
  requests: StoredRequest[];
  answered: string[];
  replies: { id: string; status: string; reason: string | null; to: string; messageId: string }[];
}

export interface TaskView {
  id: string;
  kind: string;
  status: string;
  priority: number;
  dueAt: string;
  missingFields: string[];
  requestId: string | null;
  inboundMessageId: string | null;
}

export interface Check {
  ok: boolean;
  text: string;
}

export interface ReportInput {
  mailbox: string;
  database: string;
  queuePrefix: string;
  serviceUrl: string;
  logFile: string;
  skipped: string[];
  messages: { sample: PreparedMessage; stored: StoredMessage | undefined; firstRequests: StoredRequest[] | undefined }[];
  inboxes: Map<string, ReadReply[]>;
  tasks: TaskView[];
  checks: Check[];
  notes: string[];
  /** The demo admin, to look at the staff pages after the run. */
  staffLogin: { databaseUrl: string; email: string; password: string };
  phases: [string, number][];
  totalMs: number;
  now: Date;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function until(due: Date, now: Date): string {
  const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  const span = abs >= 60 ? `${Math.floor(abs / 60)}h${String(abs % 60).padStart(2, '0')}m` : `${abs}m`;
  return minutes >= 0 ? `in ${span}` : `${span} overdue`;
}

function missingText(requests: readonly StoredRequest[]): string {
  if (requests.length === 0) return '—';
  const one = (r: StoredRequest) => (r.missing.length === 0 ? 'nothing' : r.missing.join(', '));
  return requests.length === 1 ? one(requests[0]!) : requests.map((r, i) => `(${i + 1}) ${one(r)}`).join('  ');
}

function replyText(stored: StoredMessage): string {
  const sent = stored.replies.map((r) => (r.status === 'sent' ? 'sent' : `${r.status}${r.reason ? ` (${r.reason})` : ''}`));
  if (sent.length > 0) return `${sent.join(', ')} (${stored.replyReason ?? 'missing-fields'})`;
  return `none (${stored.replyReason ?? stored.reviewCode ?? 'not decided'})`;
}

export function renderReport(input: ReportInput): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const bySampleMessage = new Map(input.messages.map((m, i) => [m.stored?.id ?? `?${i}`, i + 1]));
  const requestOwner = new Map<string, number>();
  input.messages.forEach((m, i) => m.stored?.requests.forEach((r) => requestOwner.set(r.id, i + 1)));

  line('');
  line(`vob-intake demo: ${plural(input.messages.length, 'message')} sent through Postfix to ${input.mailbox}, read by \`vob serve\``);
  line(`  database ${input.database} (fresh) · queue prefix ${input.queuePrefix} · HTTP ${input.serviceUrl} · service log ${input.logFile}`);
  for (const s of input.skipped) line(`  skipped: ${s}`);

  line('');
  line('Messages  (a missing card alone is not asked for by reply: the verify-benefits task shows it to staff)');
  input.messages.forEach(({ sample, stored, firstRequests }, i) => {
    line(`${String(i + 1).padStart(3)}. ${JSON.stringify(sample.subject)}  [${sample.id}: ${sample.label}]`);
    if (!stored) {
      line('      NOT STORED');
      return;
    }
    const parts = [`from ${sample.sender}`, stored.status + (stored.reviewCode ? ` (${stored.reviewCode})` : '')];
    if (stored.answered.length > 0) {
      const owners = stored.answered.map((id) => `#${requestOwner.get(id) ?? '?'}`).join(', ');
      parts.push(`answers the open request of ${owners}, no new request`);
    } else if (stored.requests.length === 0) {
      parts.push('no request');
    } else {
      const now = countBy(stored.requests, (r) => r.status);
      const before = firstRequests ? countBy(firstRequests, (r) => r.status) : now;
      parts.push(`${plural(stored.requests.length, 'request')}: ${before === now ? now : `${before}, now ${now}`}`);
    }
    line(`      ${parts.join(' · ')}`);
    const conflicts = stored.requests.reduce((n, r) => n + r.conflicts, 0);
    const missing = firstRequests && firstRequests.length > 0 ? firstRequests : stored.requests;
    line(`      missing: ${missingText(missing)}${conflicts > 0 ? ` · ${plural(conflicts, 'conflict')}` : ''} · reply: ${replyText(stored)}`);
  });

  line('');
  const replies = [...input.inboxes].flatMap(([address, mails]) => mails.map((m) => ({ address, m })));
  line(`Replies read back over IMAP from the senders' mailboxes (${replies.length})`);
  if (replies.length === 0) line('  none');
  for (const { address, m } of replies) {
    const original = input.messages.find((x) => x.sample.sender === address && x.sample.messageId === m.inReplyTo);
    const number = original ? input.messages.indexOf(original) + 1 : null;
    line(`  to ${address}: ${JSON.stringify(m.subject)}`);
    line(
      `      In-Reply-To: ${m.inReplyTo ? `yes${number ? ` (message #${number})` : ` (${m.inReplyTo})`}` : 'MISSING'}` +
        ` · Auto-Submitted: ${m.autoSubmitted ?? 'MISSING'} · from ${m.from}`,
    );
    if (m.missing.length === 0) line('      asks for: (no list found)');
    m.missing.forEach((items, i) => line(`      asks for${m.missing.length > 1 ? ` (client ${i + 1})` : ''}: ${items.join('; ')}`));
  }

  line('');
  line(`Open staff tasks (${input.tasks.length})`);
  line(`  ${'kind'.padEnd(22)}${'prio'.padEnd(6)}${'due'.padEnd(14)}${'status'.padEnd(8)}for`);
  for (const t of input.tasks) {
    const owner = t.requestId ? requestOwner.get(t.requestId) : t.inboundMessageId ? bySampleMessage.get(t.inboundMessageId) : undefined;
    const about = `${owner ? `#${owner} ${input.messages[owner - 1]!.sample.id}` : '?'}${t.requestId ? ` (request ${t.requestId})` : ''}`;
    const fields = t.missingFields.length > 0 ? ` · missing ${t.missingFields.join(', ')}` : '';
    line(`  ${t.kind.padEnd(22)}${String(t.priority).padEnd(6)}${until(new Date(t.dueAt), input.now).padEnd(14)}${t.status.padEnd(8)}${about}${fields}`);
  }

  line('');
  line('Checks');
  for (const c of input.checks) line(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.text}`);
  for (const n of input.notes) line(`  note  ${n}`);

  const stored = input.messages.flatMap((m) => (m.stored ? [m.stored] : []));
  const requests = stored.flatMap((m) => m.requests);
  const sentReplies = stored.flatMap((m) => m.replies).filter((r) => r.status === 'sent');
  line('');
  line('Totals');
  line(`  messages: ${input.messages.length} sent, ${stored.length} stored (${countBy(stored, (m) => m.status)})`);
  line(`  requests: ${requests.length} (${countBy(requests, (r) => r.status) || 'none'})`);
  line(`  replies: ${sentReplies.length} sent, ${replies.length} read back; tasks open: ${input.tasks.length} (${countBy(input.tasks, (t) => t.kind) || 'none'})`);
  line(`  elapsed: ${seconds(input.totalMs)}  (${input.phases.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')})`);
  line('');
  line('Staff pages (the demo service has stopped; start one on the demo database to look):');
  line(`  DATABASE_URL=${input.staffLogin.databaseUrl} npx vob serve --dev`);
  line('  then sign in at http://127.0.0.1:8080/login');
  line(`  demo account: ${input.staffLogin.email}   password: ${input.staffLogin.password}   (admin)`);
  line('');
  return out.join('\n');
}
