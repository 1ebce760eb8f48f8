/**
 * Request search: the box (on the queue page and the results page) and the results list. The
 * matching requests show the client's name and date of birth (what the caller gave, to pick the
 * right one) and the member ID masked. Pure rendering; every value escaped by `html`.
 */
import { SEARCH_LIMIT, type SearchResult } from '../use-cases/search-requests';
import { csrfField, html, page, value, when, type SafeHtml, type Viewer } from './staff-html';

/**
 * POST /search with the session's CSRF token: the words go in the body, so they stay out of the
 * URL, the browser's history and any access log; the query stays out of the audit trail.
 */
export function searchForm(csrf: string, q = ''): SafeHtml {
  return html`<form method="post" action="/search" class="filters search" role="search">${csrfField(csrf)}
<label>Find a request<input type="search" name="q" value="${q}" maxlength="200" autocomplete="off" placeholder="name and birth year · date of birth · member ID · sender" aria-label="Search requests"></label>
<button type="submit" class="secondary">Search</button></form>`;
}

export function renderSearchPage(q: string, result: SearchResult, viewer: Viewer, error: string | null = null): string {
  const list = !result.searched
    ? html`<p class="none">Type a client's name, a date of birth (or the year), a member ID, or the sender's address.</p>`
    : result.hits.length === 0
      ? html`<section class="box"><span class="none">No request matches every word.</span></section>`
      : html`<table><thead><tr><th>Request</th><th>Client</th><th>Date of birth</th><th>Member ID</th><th>From</th><th>Received</th><th>Status</th></tr></thead><tbody>${result.hits.map(
          (h) => html`<tr><td class="num"><a href="/requests/${h.id}">Request ${h.id}</a></td><td>${value(h.clientName)}</td><td class="num">${value(h.dob)}</td>
<td class="num">${h.memberIdMasked ?? ''}</td><td>${h.fromAddress ?? ''}</td><td class="num">${when(h.createdAt)}</td><td><span class="badge ${h.status}">${h.status}</span></td></tr>`,
        )}</tbody></table>`;
  const body = html`<h1>Find a request</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}${searchForm(viewer.csrf, q)}
<p class="sub">Every word must match: name parts (first, middle, last), a date of birth as MM/DD/YYYY or YYYY-MM-DD or only the year, a member ID, a sender's address or domain. Newest first${
    result.truncated ? html`; only the first ${SEARCH_LIMIT} are shown, add a word to narrow it` : ''
  }.</p>
${list}`;
  return page('Find a request', body, { wide: true, viewer });
}
