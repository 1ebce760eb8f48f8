/**
 * One request, as a biller works it: who, which insurance, what is missing (in the words the
 * center is asked), where body and card disagree, what OCR read off the card and the card images,
 * the mail thread and the tasks. Pure rendering; every value escaped by `html`.
 */
import type { Address, VobRequest } from '../../schemas/vob-record';
import { askedAs, type RequestView, type ThreadRole } from '../use-cases/staff-views';
import { RELATED_INTENT_LABELS, type RelatedIntent } from '../domain/related-mail';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../domain/request-correction';
import { bytes, csrfField, html, page, phone, value, when, type SafeHtml, type Viewer } from './staff-html';
import { taskTable } from './staff-page';
import { verificationSection } from './verification-page';
import type { VerificationsView } from '../use-cases/verify-benefits';

const RELATIONSHIP: Record<string, string> = {
  self: 'self (the client is the policy holder)',
  spouse: 'spouse of the subscriber',
  child: 'child of the subscriber',
  other: 'other',
};

const REQUEST_STATUS: Record<string, string> = {
  'awaiting-information': 'Awaiting information from the center',
  ready: 'Ready to verify',
  'needs-review': 'Needs review',
  closed: 'Closed',
  verified: 'Verified',
};

/** Conflict field names (insurance.memberId) in the words staff know. */
const FIELD_LABEL: Record<string, string> = {
  'insurance.payerName': 'Insurance name',
  'insurance.memberId': 'Member ID',
  'insurance.groupNumber': 'Group number',
  'insurance.phone': 'Insurance phone',
};

/** What a thread message is to the request: its request, an answer, or mail about it (by intent). */
function threadRoleLabel(role: ThreadRole, intent: string | null): string {
  if (role === 'original') return 'Request';
  if (role === 'answer') return 'Answer';
  return (intent && RELATED_INTENT_LABELS[intent as RelatedIntent]) || 'About this request';
}

function address(a: Address | null): SafeHtml {
  if (!a) return value(null);
  const cityLine = [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter((s) => s && s.length > 0).join(', ');
  return html`${a.line1}${a.line2 ? html`<br>${a.line2}` : ''}${cityLine ? html`<br>${cityLine}` : ''}`;
}

function fields(rows: [string, SafeHtml][]): SafeHtml {
  return html`<dl class="fields">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function conflictValue(field: string, v: string): string {
  return field === 'insurance.phone' ? (phone(v) ?? v) : v;
}

function cardSection(r: VobRequest): SafeHtml {
  const card = r.card;
  const f = card.fields;
  const sides = card.sides.length > 0 ? card.sides.join(' and ') : null;
  const head: [string, SafeHtml][] = [
    ['Attached', html`${card.attached ? 'yes' : 'no'}`],
    ['Recognised sides', value(sides, 'none recognised')],
  ];
  if (!f) return html`<section class="box"><h2>Insurance card (read by OCR)</h2>${fields(head)}<p class="none">Nothing was read off a card.</p></section>`;
  const phones = f.phones.length
    ? html`<table><thead><tr><th>Label on the card</th><th>Number</th></tr></thead><tbody>${f.phones.map(
        (p) => html`<tr><td>${p.label}</td><td class="num">${phone(p.number)}</td></tr>`,
      )}</tbody></table>`
    : html`<span class="none">none read</span>`;
  return html`<section class="box"><h2>Insurance card (read by OCR)</h2>
${fields([
  ...head,
  ['Payer', value(f.payerName, 'not read')],
  ['Member ID', value(f.memberId, 'not read')],
  ['Group', value(f.groupNumber, 'not read')],
  ['Member name', value(f.memberName, 'not read')],
  ['Rx BIN', value(f.rxBin, 'not read')],
  ['Rx PCN', value(f.rxPcn, 'not read')],
  ['Rx Group', value(f.rxGroup, 'not read')],
])}
<h2>Phones on the card</h2>${phones}
</section>`;
}

const CORRECTION_LABEL: Record<CorrectableField, string> = {
  'client.name': 'Client name',
  'client.dob': 'Date of birth',
  'client.address': 'Client address (street, city, ST 12345)',
  'insurance.payerName': 'Insurance name',
  'insurance.memberId': 'Member ID',
  'insurance.groupNumber': 'Group number',
  'insurance.phone': 'Insurance phone',
  'subscriber.name': 'Subscriber name',
  'subscriber.relationship': 'Subscriber relationship (self, spouse, child, other)',
  referredBy: 'Referred by',
};

/** What staff corrected (beside the value it replaced), and the form to correct a field. */
function correctionSection(view: RequestView, viewer: Viewer): SafeHtml {
  const history = view.corrections.length
    ? html`<table><thead><tr><th>Field</th><th>Was</th><th>Now</th><th>By</th><th>When</th></tr></thead><tbody>${view.corrections.map(
        (c) => html`<tr><td>${CORRECTION_LABEL[c.field as CorrectableField] ?? c.field}</td><td>${value(c.previous, 'empty')}</td><td><strong>${value(c.value, 'empty')}</strong></td><td>${c.by ?? ''}</td><td class="num">${when(c.at)}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="none">No field has been corrected by staff.</p>`;
  return html`<section class="box"><h2>Corrections</h2>${history}
<form method="post" action="/requests/${view.id}/correct" class="filters">${csrfField(viewer.csrf)}
<label>Field<select name="field">${CORRECTABLE_FIELDS.map((f) => html`<option value="${f}">${CORRECTION_LABEL[f]}</option>`)}</select></label>
<label>Correct value (empty clears it)<input type="text" name="value" maxlength="200"></label>
<button type="submit" class="secondary">Correct</button></form></section>`;
}

export function renderRequestPage(view: RequestView, now: Date, viewer: Viewer, verifications: VerificationsView): string {
  const r = view.request;
  const back = `/requests/${view.id}`;
  const missing = view.missing.length
    ? html`<section class="box missing"><h2>Missing (${view.missing.length})</h2><ul>${view.missing.map((m) => html`<li>${m.askedAs}</li>`)}</ul></section>`
    : html`<section class="box complete"><h2>Missing</h2>Nothing: every required item is present.</section>`;
  const conflicts = r.conflicts.length
    ? html`<section class="box missing"><h2>Body and card disagree (${r.conflicts.length})</h2>
<table><thead><tr><th>Field</th><th>The message says (stands)</th><th>The card says</th></tr></thead><tbody>${r.conflicts.map(
        (c) => html`<tr><td>${FIELD_LABEL[c.field] ?? askedAs(c.field)}</td><td><strong>${conflictValue(c.field, c.body)}</strong></td><td><strong>${conflictValue(c.field, c.card)}</strong></td></tr>`,
      )}</tbody></table></section>`
    : '';
  const images = view.attachments.length
    ? html`<div class="cards">${view.attachments.map((a) => {
        const src = `/requests/${view.id}/card/${a.n}`;
        const caption = html`${a.filename ?? 'unnamed'} · ${a.format.toUpperCase()} · ${bytes(a.sizeBytes)} · message ${a.inboundMessageId}`;
        return a.image
          ? html`<figure><a href="#card-${a.n}" title="Enlarge"><img src="${src}" alt="${`Attachment ${a.n + 1}`}" loading="lazy"></a><figcaption>${caption} · <a href="${src}">full image</a></figcaption></figure>`
          : html`<figure><a href="${src}"><img src="${src}/preview" alt="${`PDF ${a.n + 1}, first page`}" loading="lazy"></a><p><a class="button secondary" href="${src}">Download the PDF</a></p><figcaption>${caption}</figcaption></figure>`;
      })}</div>`
    : html`<p class="none">No images or PDFs are attached to this request's messages.</p>`;
  // Enlarged images without script: each is shown while the URL's fragment names it (CSS :target), loaded only then.
  const zooms = view.attachments
    .filter((a) => a.image)
    .map((a) => {
      const src = `/requests/${view.id}/card/${a.n}`;
      return html`<div class="zoom" id="card-${a.n}"><a href="#card-images" class="shade" aria-hidden="true" tabindex="-1"></a><img src="${src}" alt="${`Attachment ${a.n + 1}, enlarged`}" loading="lazy">
<p><a href="#card-images" class="button">Close</a> <a href="${src}" class="button secondary">Open the full image</a></p></div>`;
    });
  const thread = html`<table><thead><tr><th></th><th>Received</th><th>Date</th><th>From</th><th>Subject</th><th></th></tr></thead><tbody>${view.thread.map(
    (m) => html`<tr><td>${threadRoleLabel(m.role, m.intent)}</td><td class="num">${when(m.receivedAt)}</td><td class="num">${when(m.date)}</td>
<td>${m.fromName ? html`${m.fromName} &lt;${m.from ?? ''}&gt;` : value(m.from, 'unknown')}</td>
<td>${m.unreadable ? html`<span class="none">could not be read (${m.unreadable})</span>` : value(m.subject, 'no subject')}</td>
<td><a href="/messages/${m.inboundMessageId}">message ${m.inboundMessageId}</a></td></tr>`,
  )}</tbody></table>`;
  const replies = view.replies.length
    ? html`<table><thead><tr><th>Kind</th><th>To</th><th>Subject</th><th>Status</th><th>Recorded</th><th>Sent</th></tr></thead><tbody>${view.replies.map(
        (o) => html`<tr><td>${o.kind === 'reminder' ? 'Reminder' : 'Reply: missing items'}</td><td>${o.to}</td><td>${value(o.subject, '')}</td>
<td><span class="badge ${o.status}">${o.status}</span>${o.statusReason ? html` <span class="none">${o.statusReason}</span>` : ''}</td>
<td class="num">${when(o.createdAt)}</td><td class="num">${when(o.sentAt)}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="none">No automatic reply or reminder was sent for this request.</p>`;
  const body = html`<h1>Request ${view.id} <span class="badge ${view.status}">${REQUEST_STATUS[view.status] ?? view.status}</span></h1>
<p class="sub">From ${value(view.fromAddress, 'unknown sender')} · received ${when(view.createdAt)} · updated ${when(view.updatedAt)}${
    view.reminderCount > 0 ? html` · ${view.reminderCount} reminder(s) sent` : ''
  }${view.nextReminderAt ? html` · next reminder ${when(view.nextReminderAt)}` : ''}</p>
<div class="grid">
<section class="box"><h2>Client</h2>${fields([
    ['Name', value(r.client.name)],
    ['Date of birth', value(r.client.dob)],
    ['Address', address(r.client.address)],
  ])}</section>
<section class="box"><h2>Subscriber</h2>${fields([
    ['Name', value(r.subscriber.name)],
    ['Client is', value(r.subscriber.relationship ? (RELATIONSHIP[r.subscriber.relationship] ?? r.subscriber.relationship) : null)],
    ['Referred by', value(r.referredBy)],
  ])}</section>
${missing}
</div>
${conflicts}
<div class="grid card-row">
<section class="box"><h2>Insurance</h2>${fields([
    ['Payer', value(r.insurance.payerName)],
    ['Member ID', value(r.insurance.memberId)],
    ['Group', value(r.insurance.groupNumber, 'none')],
    ['Phone', value(phone(r.insurance.phone))],
  ])}</section>
${cardSection(r)}
<section class="box" id="card-images"><h2>Card images and scans</h2>
<p class="sub">Every image and PDF attached to the request and its answers (not only those recognised as card sides). Click an image to enlarge it.</p>
${images}</section></div>
${zooms}
${correctionSection(view, viewer)}
${verificationSection(view.id, verifications, viewer)}
<section class="box"><h2>Eligibility (X12)</h2><p><a class="button secondary" href="/requests/${view.id}/270">Download the 270 for this request</a></p></section>
<section class="box"><h2>Tasks</h2>${view.tasks.length ? taskTable(view.tasks, now, back, viewer, { showTarget: false }) : html`<p class="none">No tasks.</p>`}</section>
<section class="box"><h2>Thread</h2>${thread}</section>
<section class="box"><h2>Replies and reminders sent</h2>${replies}</section>`;
  return page(`Request ${view.id}`, body, { viewer });
}
