/**
 * One request, as a biller works it: who, which insurance, what is missing (in the words the
 * center is asked), where body and card disagree, what OCR read off the card and the card images,
 * the mail thread and the tasks. Pure rendering; every value escaped by `html`.
 */
import type { Address, CardFieldConfidence, FieldSource, SourcedField, VobRequest } from '../../schemas/vob-record';
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

const SOURCE_TITLE: Record<FieldSource, string> = {
  body: 'From the text of the email',
  card: 'Read off the insurance card image by OCR',
  answer: 'From a later answer from the center',
  correction: 'Corrected by staff',
};

/** The card field each card-filled request field is read from. */
const CARD_FIELD: Partial<Record<SourcedField, Exclude<keyof CardFieldConfidence, 'phones'>>> = {
  'insurance.payerName': 'payerName',
  'insurance.memberId': 'memberId',
  'insurance.groupNumber': 'groupNumber',
};

/** The OCR confidence of a card-filled field; the phone by its place among the card's phones. */
function cardConfidence(r: VobRequest, field: SourcedField): number | null {
  const c = r.card.fieldConfidence;
  if (!c) return null;
  if (field === 'insurance.phone') {
    const i = r.card.fields?.phones.findIndex((p) => p.number === r.insurance.phone) ?? -1;
    return c.phones?.[i] ?? null;
  }
  const key = CARD_FIELD[field];
  return key ? (c[key] ?? null) : null;
}

/**
 * Where a field's value came from: body, card (with the OCR confidence), answer, or correction
 * (with who and when). "—" where the record does not say (stored before sources were kept, or no value).
 */
function sourceLabel(view: RequestView, field: SourcedField): SafeHtml {
  const source = view.request.sources?.[field];
  if (!source) return html`<span class="source unknown" data-field="${field}" title="Where this value came from is not recorded">—</span>`;
  let detail: SafeHtml | string = '';
  if (source === 'card') {
    const c = cardConfidence(view.request, field);
    detail = c === null ? '' : html` · OCR ${c}%`;
  } else if (source === 'correction') {
    const last = view.corrections.filter((c) => c.field === field).at(-1);
    detail = last ? html` · ${last.by ?? 'unknown'}, ${when(last.at)}` : '';
  }
  return html`<span class="source ${source}" data-field="${field}" title="${SOURCE_TITLE[source]}">${source}${detail}</span>`;
}

/** Field rows whose values carry their source after them. */
function sourcedFields(view: RequestView, rows: [string, SafeHtml, SourcedField][]): SafeHtml {
  return fields(rows.map(([k, v, field]) => [k, html`${v} ${sourceLabel(view, field)}`]));
}

/** An "OCR 91%" label after a card field read with a known confidence. */
function ocr(confidence: number | undefined): SafeHtml | string {
  return confidence === undefined ? '' : html` <span class="source card">OCR ${confidence}%</span>`;
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
  const c = card.fieldConfidence ?? {};
  const phones = f.phones.length
    ? html`<table><thead><tr><th>Label on the card</th><th>Number</th><th>OCR confidence</th></tr></thead><tbody>${f.phones.map(
        (p, i) => html`<tr><td>${p.label}</td><td class="num">${phone(p.number)}</td><td class="num">${c.phones?.[i] === undefined ? '—' : `${c.phones[i]}%`}</td></tr>`,
      )}</tbody></table>`
    : html`<span class="none">none read</span>`;
  const read = (v: string | null, confidence: number | undefined) => html`${value(v, 'not read')}${v === null ? '' : ocr(confidence)}`;
  return html`<section class="box"><h2>Insurance card (read by OCR)</h2>
${fields([
  ...head,
  ['Payer', read(f.payerName, c.payerName)],
  ['Member ID', read(f.memberId, c.memberId)],
  ['Group', read(f.groupNumber, c.groupNumber)],
  ['Member name', read(f.memberName, c.memberName)],
  ['Rx BIN', read(f.rxBin, c.rxBin)],
  ['Rx PCN', read(f.rxPcn, c.rxPcn)],
  ['Rx Group', read(f.rxGroup, c.rxGroup)],
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
<section class="box"><h2>Client</h2>${sourcedFields(view, [
    ['Name', value(r.client.name), 'client.name'],
    ['Date of birth', value(r.client.dob), 'client.dob'],
    ['Address', address(r.client.address), 'client.address'],
  ])}</section>
<section class="box"><h2>Subscriber</h2>${sourcedFields(view, [
    ['Name', value(r.subscriber.name), 'subscriber.name'],
    ['Client is', value(r.subscriber.relationship ? (RELATIONSHIP[r.subscriber.relationship] ?? r.subscriber.relationship) : null), 'subscriber.relationship'],
    ['Referred by', value(r.referredBy), 'referredBy'],
  ])}</section>
${missing}
</div>
${conflicts}
<div class="grid card-row">
<section class="box"><h2>Insurance</h2>${sourcedFields(view, [
    ['Payer', value(r.insurance.payerName), 'insurance.payerName'],
    ['Member ID', value(r.insurance.memberId), 'insurance.memberId'],
    ['Group', value(r.insurance.groupNumber, 'none'), 'insurance.groupNumber'],
    ['Phone', value(phone(r.insurance.phone)), 'insurance.phone'],
  ])}
<p class="sub">Beside each value, where it came from: <strong>body</strong> (the email), <strong>card</strong> (read off the card by OCR, with its confidence), <strong>answer</strong> (a later reply from the center) or <strong>correction</strong> (staff); — where not recorded.</p></section>
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
