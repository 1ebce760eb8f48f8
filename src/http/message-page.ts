/**
 * One inbound message, for review-message tasks: why it was set aside, its headers, its body text
 * (escaped, cut to a readable length), its attachments, and the raw .eml to open in a mail
 * program. Pure rendering; every value escaped by `html`.
 */
import { TEXT_LIMIT, type MessageView } from '../use-cases/staff-views';
import { bytes, html, page, value, when, type Viewer } from './staff-html';
import { taskTable } from './staff-page';

export function renderMessagePage(view: MessageView, now: Date, viewer: Viewer): string {
  const back = `/messages/${view.id}`;
  const reason = view.reviewCode
    ? html`<section class="box missing"><h2>Set aside: ${view.reviewCode}</h2>${value(view.reviewReason, '')}</section>`
    : '';
  const attachments = view.attachments.length
    ? html`<table><thead><tr><th>#</th><th>File name</th><th>Type</th><th>Size</th></tr></thead><tbody>${view.attachments.map(
        (a, i) => html`<tr><td class="num">${i + 1}</td><td>${value(a.filename, 'unnamed')}</td><td>${a.contentType}</td><td class="num">${bytes(a.sizeBytes)}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="none">${view.parseError ? 'Not listed: the message was not opened here.' : 'No attachments.'}</p>`;
  const text =
    view.text === null
      ? html`<p class="none">The body is not shown: ${view.parseError ?? 'not read'}. Download the raw message to open it in a mail program.</p>`
      : view.text.trim() === ''
        ? html`<p class="none">The message has no text body.</p>`
        : html`<pre class="body">${view.text}</pre>${
            view.textTruncated ? html`<p class="sub">Showing the first ${TEXT_LIMIT.toLocaleString('en-US')} of ${view.textChars.toLocaleString('en-US')} characters.</p>` : ''
          }`;
  const body = html`<h1>Message ${view.id} <span class="badge ${view.status}">${view.status}</span></h1>
<p class="sub">Received ${when(view.receivedAt)} · ${bytes(view.sizeBytes)}${view.requestIds.length ? html` · requests: ${view.requestIds.map(
    (id, i) => html`${i > 0 ? ', ' : ''}<a href="/requests/${id}">Request ${id}</a>`,
  )}` : ''}</p>
${reason}
<section class="box"><h2>Message</h2>
<dl class="fields">
<dt>From</dt><dd>${view.fromName ? html`${view.fromName} &lt;${view.from ?? ''}&gt;` : value(view.from, 'unknown')}</dd>
<dt>Subject</dt><dd>${value(view.subject, 'no subject')}</dd>
<dt>Date</dt><dd>${value(view.date ? when(view.date) : null, 'no date')}</dd>
<dt>Message-ID</dt><dd>${value(view.messageId, 'none')}</dd>
<dt>Size</dt><dd>${bytes(view.sizeBytes)}</dd>
</dl>
<p>${view.rawStored ? html`<a class="button" href="/messages/${view.id}/raw" download>Download the raw message (.eml)</a>` : html`<span class="none">The raw message is not stored.</span>`}</p>
</section>
<section class="box"><h2>Tasks</h2>${view.tasks.length ? taskTable(view.tasks, now, back, viewer, { showTarget: false }) : html`<p class="none">No tasks on this message.</p>`}</section>
<section class="box"><h2>Attachments</h2>${attachments}</section>
<section class="box"><h2>Body text</h2>${text}</section>`;
  return page(`Message ${view.id}`, body, { viewer });
}
