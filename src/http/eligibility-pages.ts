/**
 * The eligibility pages: why a request has no 270 (what it lacks, by field), and what a 271
 * upload did (counts only: the loops' names and member IDs stay on the request pages).
 */
import type { ImportResult } from '../use-cases/eligibility-import';
import { html, page, type Viewer } from './staff-html';

export function renderNo270Page(requestId: string, missing: readonly string[], viewer: Viewer): string {
  const payer = missing.some((m) => m.startsWith('payer ID'));
  return page(
    'No 270',
    html`<h1>No 270 for request ${requestId}</h1>
<p class="error">${payer ? 'No payer ID: the payer is unknown to the payer directory, so no 270 can be addressed to it. ' : ''}The request lacks: ${missing.join('; ')}.</p>
<p>Correct the request's fields, or verify benefits by phone. <a href="/requests/${requestId}">Back to the request</a></p>`,
    { viewer },
  );
}

export function renderImportResultPage(result: ImportResult, viewer: Viewer): string {
  const rows: [string, number][] = [
    ['Subscriber/dependent loops in the file', result.loops],
    ['Stored now (0: this file was imported before)', result.stored],
    ['Matched to a request', result.matched],
    ['Not matched to any request', result.unmatched],
    ['Rejection tasks opened', result.rejectionTasks],
  ];
  return page(
    '271 imported',
    html`<h1>271 imported</h1>
<section class="box"><dl class="fields">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl></section>
<p>Matched answers are shown as drafts on their requests and prefill the verification form. <a href="/">Back to the queue</a></p>`,
    { viewer },
  );
}

export function renderImportRefusedPage(reason: string, viewer: Viewer): string {
  return page('271 refused', html`<h1>271 not imported</h1><p class="error">${reason}</p><p>Nothing was stored. <a href="/">Back to the queue</a></p>`, { viewer });
}
