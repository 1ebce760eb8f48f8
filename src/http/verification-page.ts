/**
 * The request page's verification part: the worksheet form (draft or complete, prefilled from
 * the draft or a 271), the history of completed verifications (newest first, read-only) and the
 * 271 drafts matched to the request. Pure rendering; every value escaped by `html`.
 */
import {
  AUTH_OBTAINED_BY,
  BENEFIT_PERIODS,
  formFieldValue,
  LIMIT_UNITS,
  NETWORK_STATUSES,
  OON_BASES,
  PLAN_TYPES,
  WORKSHEET_LEVELS,
  type Worksheet,
  type WorksheetLevel,
} from '../domain/verification';
import type { EligibilityDraftView, VerificationsView, VerificationView } from '../use-cases/verify-benefits';
import { csrfField, html, phone, value, when, type SafeHtml, type Viewer } from './staff-html';

export const LEVEL_LABEL: Record<WorksheetLevel, string> = {
  detox: 'Detox',
  residential: 'Residential',
  php: 'PHP',
  iop: 'IOP',
  outpatient: 'Outpatient',
  mat: 'MAT',
};

const OPTION_LABEL: Record<string, string> = {
  hmo: 'HMO',
  ppo: 'PPO',
  epo: 'EPO',
  pos: 'POS',
  'medicare-managed-care': 'Medicare managed care',
  'medicaid-managed-care': 'Medicaid managed care',
  other: 'Other',
  'calendar-year': 'Calendar year',
  'plan-year': 'Plan year',
  in: 'In network',
  out: 'Out of network',
  unknown: 'Unknown',
  ucr: 'UCR',
  'percent-of-medicare': '% of Medicare',
  billed: 'Billed charges',
  facility: 'Facility',
  patient: 'Patient',
  'payer-case-manager': 'Payer case manager',
  days: 'days',
  visits: 'visits',
  'this-plan': 'This plan',
  'other-plan': 'The other plan',
};

const label = (v: string) => OPTION_LABEL[v] ?? v;

function select(w: Worksheet, name: string, options: readonly string[]): SafeHtml {
  const current = formFieldValue(w, name);
  return html`<select name="${name}"><option value=""></option>${options.map((o) => html`<option value="${o}"${o === current ? html` selected` : ''}>${label(o)}</option>`)}</select>`;
}
const yesNo = (w: Worksheet, name: string) => select(w, name, ['yes', 'no']);
const input = (w: Worksheet, name: string, type = 'text', size = 12) =>
  html`<input type="${type}" name="${name}" value="${formFieldValue(w, name)}" size="${size}"${type === 'text' ? html` maxlength="300"` : type === 'number' ? html` step="any" min="0"` : ''}>`;
const field = (text: string, control: SafeHtml) => html`<label>${text}${control}</label>`;

function amountsTable(w: Worksheet, what: 'deductible' | 'outOfPocket'): SafeHtml {
  const cell = (who: string, net: string, part: string) => input(w, `${what}.${who}.${net}.${part}`, 'number', 8);
  return html`<table><thead><tr><th></th><th>In network</th><th>Met</th><th>Out of network</th><th>Met</th></tr></thead><tbody>${['individual', 'family'].map(
    (who) => html`<tr><td>${who === 'individual' ? 'Individual' : 'Family'}</td><td>${cell(who, 'inNetwork', 'amount')}</td><td>${cell(who, 'inNetwork', 'met')}</td><td>${cell(who, 'outOfNetwork', 'amount')}</td><td>${cell(who, 'outOfNetwork', 'met')}</td></tr>`,
  )}</tbody></table>`;
}

function levelsTable(w: Worksheet): SafeHtml {
  const n = (l: string, k: string) => `levels.${l}.${k}`;
  return html`<table><thead><tr><th>Level</th><th>Covered</th><th>Copay $</th><th>Coins. %</th><th>After ded.</th><th>Limit</th><th>Used</th><th>Prior auth</th><th>Obtained by</th><th>Auth phone</th><th>Auth number</th><th>Notes</th></tr></thead><tbody>${WORKSHEET_LEVELS.map(
    (l) => html`<tr><td>${LEVEL_LABEL[l]}</td><td>${yesNo(w, n(l, 'covered'))}</td><td>${input(w, n(l, 'copay'), 'number', 6)}</td><td>${input(w, n(l, 'coinsurancePercent'), 'number', 4)}</td>
<td>${yesNo(w, n(l, 'afterDeductible'))}</td><td>${input(w, n(l, 'limit'), 'number', 4)} ${select(w, n(l, 'limitUnit'), LIMIT_UNITS)}</td><td>${input(w, n(l, 'used'), 'number', 4)}</td>
<td>${yesNo(w, n(l, 'authRequired'))}</td><td>${select(w, n(l, 'authObtainedBy'), AUTH_OBTAINED_BY)}</td><td>${input(w, n(l, 'authPhone'), 'text', 12)}</td><td>${input(w, n(l, 'authNumber'), 'text', 10)}</td><td>${input(w, n(l, 'notes'), 'text', 16)}</td></tr>`,
  )}</tbody></table>`;
}

function worksheetForm(requestId: string, view: VerificationsView, viewer: Viewer): SafeHtml {
  const { worksheet: w, source, eligibilityResponseId } = view.form;
  const note =
    source === 'draft'
      ? html`<p class="sub">Your saved draft. Complete it when the call is done.</p>`
      : source === 'eligibility-response'
        ? html`<p class="sub">Prefilled from the payer's 271 (response ${eligibilityResponseId}): confirm each value on the call.</p>`
        : '';
  return html`${note}<form method="post" action="/requests/${requestId}/verifications" class="worksheet">${csrfField(viewer.csrf)}
${eligibilityResponseId ? html`<input type="hidden" name="eligibilityResponseId" value="${eligibilityResponseId}">` : ''}
<fieldset><legend>The call</legend><div class="row">
${field('Payer representative', input(w, 'call.representative', 'text', 20))}${field('Call reference number', input(w, 'call.referenceNumber', 'text', 16))}${field('Date and time', html`<input type="datetime-local" name="call.at" value="${formFieldValue(w, 'call.at').slice(0, 16)}">`)}</div></fieldset>
<fieldset><legend>Plan</legend><div class="row">
${field('Plan type', select(w, 'planType', PLAN_TYPES))}${field('Other plan type', input(w, 'planTypeOther'))}${field('Benefit period', select(w, 'benefitPeriod', BENEFIT_PERIODS))}
${field('Coverage from', input(w, 'coverage.from', 'date'))}${field('Coverage to', input(w, 'coverage.to', 'date'))}
${field('Other coverage', yesNo(w, 'otherCoverage.exists'))}${field('Primary', select(w, 'otherCoverage.primary', ['this-plan', 'other-plan']))}${field('Other coverage details', input(w, 'otherCoverage.details', 'text', 20))}
${field('Facility network status', select(w, 'network.facility', NETWORK_STATUSES))}${field('Behavioral health network status', select(w, 'network.behavioralHealth', NETWORK_STATUSES))}</div></fieldset>
<fieldset><legend>Deductible</legend>${amountsTable(w, 'deductible')}</fieldset>
<fieldset><legend>Out-of-pocket maximum</legend>${amountsTable(w, 'outOfPocket')}</fieldset>
<fieldset><legend>Carve-out and out of network</legend><div class="row">
${field('Behavioral health carve-out payer', input(w, 'carveOut.payerName', 'text', 20))}${field('Carve-out phone', input(w, 'carveOut.phone', 'text', 14))}
${field('Out-of-network benefits', yesNo(w, 'outOfNetwork.benefits'))}${field('Basis', select(w, 'outOfNetwork.basis', OON_BASES))}${field('% of Medicare', input(w, 'outOfNetwork.medicarePercent', 'number', 5))}</div></fieldset>
<fieldset><legend>Levels of care</legend>${levelsTable(w)}</fieldset>
<div class="row">${field('Estimated patient responsibility $', input(w, 'estimatedPatientResponsibility', 'number', 10))}${field('Notes', input(w, 'notes', 'text', 40))}</div>
<p><button type="submit" name="action" value="draft" class="secondary">Save as draft</button> <button type="submit" name="action" value="complete">Complete the verification</button></p>
</form>`;
}

const yes = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');
const money = (n: number | null) => (n === null ? '' : `$${n}`);

/** A worksheet, read-only. */
export function worksheetSummary(w: Worksheet): SafeHtml {
  const pair = (p: { amount: number | null; met: number | null }) => (p.amount === null ? '' : `${money(p.amount)}${p.met !== null ? ` (met ${money(p.met)})` : ''}`);
  const amounts = (title: string, a: Worksheet['deductible']) =>
    html`<tr><td>${title}</td><td>${pair(a.individual.inNetwork)}</td><td>${pair(a.family.inNetwork)}</td><td>${pair(a.individual.outOfNetwork)}</td><td>${pair(a.family.outOfNetwork)}</td></tr>`;
  const levels = WORKSHEET_LEVELS.filter((l) => Object.values(w.levels[l]).some((v) => v !== null));
  return html`<dl class="fields">
<dt>Call</dt><dd>${value(w.call.representative, 'no representative')} · ref ${value(w.call.referenceNumber, 'none')} · ${value(w.call.at, 'no time')}</dd>
<dt>Plan</dt><dd>${w.planType ? label(w.planType) : ''}${w.planTypeOther ? ` (${w.planTypeOther})` : ''} ${w.benefitPeriod ? label(w.benefitPeriod) : ''} · coverage ${value(w.coverage.from, '?')} – ${value(w.coverage.to, '?')}</dd>
<dt>Other coverage</dt><dd>${yes(w.otherCoverage.exists)}${w.otherCoverage.primary ? ` · primary: ${label(w.otherCoverage.primary)}` : ''}${w.otherCoverage.details ? ` · ${w.otherCoverage.details}` : ''}</dd>
<dt>Network</dt><dd>facility ${w.network.facility ? label(w.network.facility) : '?'} · behavioral health ${w.network.behavioralHealth ? label(w.network.behavioralHealth) : '?'}</dd>
<dt>Carve-out</dt><dd>${value(w.carveOut.payerName, 'none')} ${phone(w.carveOut.phone) ?? ''}</dd>
<dt>Out of network</dt><dd>${yes(w.outOfNetwork.benefits)}${w.outOfNetwork.basis ? ` · ${label(w.outOfNetwork.basis)}` : ''}${w.outOfNetwork.medicarePercent !== null ? ` ${w.outOfNetwork.medicarePercent}%` : ''}</dd>
<dt>Estimated patient responsibility</dt><dd>${money(w.estimatedPatientResponsibility)}</dd>
<dt>Notes</dt><dd>${value(w.notes, 'none')}</dd></dl>
<table><thead><tr><th></th><th>Individual in</th><th>Family in</th><th>Individual out</th><th>Family out</th></tr></thead><tbody>${amounts('Deductible', w.deductible)}${amounts('Out-of-pocket max', w.outOfPocket)}</tbody></table>
${levels.length
  ? html`<table><thead><tr><th>Level</th><th>Covered</th><th>Copay</th><th>Coinsurance</th><th>After ded.</th><th>Limit / used</th><th>Prior auth</th><th>Auth number</th><th>Notes</th></tr></thead><tbody>${levels.map((l) => {
      const v = w.levels[l];
      return html`<tr><td>${LEVEL_LABEL[l]}</td><td>${yes(v.covered)}</td><td>${money(v.copay)}</td><td>${v.coinsurancePercent === null ? '' : `${v.coinsurancePercent}%`}</td><td>${yes(v.afterDeductible)}</td>
<td>${v.limit === null ? '' : `${v.limit} ${v.limitUnit ?? ''}`}${v.used === null ? '' : ` (${v.used} used)`}</td><td>${yes(v.authRequired)}${v.authObtainedBy ? ` by ${label(v.authObtainedBy)}` : ''}${v.authPhone ? ` ${phone(v.authPhone) ?? v.authPhone}` : ''}</td><td>${v.authNumber ?? ''}</td><td>${v.notes ?? ''}</td></tr>`;
    })}</tbody></table>`
  : html`<p class="none">No level of care recorded.</p>`}`;
}

function historyEntry(v: VerificationView): SafeHtml {
  return html`<details><summary>Verification ${v.id} · completed ${when(v.completedAt)} by ${v.completedBy ?? 'unknown'}</summary>${worksheetSummary(v.worksheet)}</details>`;
}

function eligibilityDraft(d: EligibilityDraftView): SafeHtml {
  const r = d.response;
  const benefits = r.benefits.filter((b) => b.amount !== null || b.percent !== null || b.authRequired !== null);
  return html`<details><summary>271 response ${d.id} · imported ${when(d.importedAt)} · coverage ${r.active === null ? 'not stated' : r.active ? 'active' : 'inactive'}${r.rejections.length ? ` · ${r.rejections.length} rejection(s)` : ''}</summary>
${r.rejections.length ? html`<ul>${r.rejections.map((x) => html`<li>${x.reason}${x.followUp ? ` (${x.followUp})` : ''}</li>`)}</ul>` : ''}
${benefits.length
  ? html`<table><thead><tr><th>EB</th><th>Services</th><th>Level</th><th>Network</th><th>Period</th><th>Amount</th><th>%</th><th>Auth</th></tr></thead><tbody>${benefits.map(
      (b) => html`<tr><td>${b.info}</td><td>${b.serviceTypes.join(' ')}</td><td>${b.coverageLevel ?? ''}</td><td>${b.network ?? ''}</td><td>${b.period ?? ''}</td><td>${b.amount ?? ''}</td><td>${b.percent ?? ''}</td><td>${yes(b.authRequired)}</td></tr>`,
    )}</tbody></table>`
  : html`<p class="none">No amounts in this response.</p>`}</details>`;
}

export function verificationSection(requestId: string, view: VerificationsView, viewer: Viewer): SafeHtml {
  const completed = view.verifications.filter((v) => v.status === 'complete');
  const hasDraft = view.verifications.some((v) => v.status === 'draft');
  // After a completed verification the form waits behind "Re-verify" (a new one; the past stays).
  const form =
    completed.length > 0 && !hasDraft
      ? html`<details class="reverify"><summary>Re-verify</summary>${worksheetForm(requestId, view, viewer)}</details>`
      : worksheetForm(requestId, view, viewer);
  return html`<section class="box"><h2>Verification of benefits</h2>${form}
<h2>Past verifications (${completed.length})</h2>${completed.length ? completed.map(historyEntry) : html`<p class="none">This request has not been verified yet.</p>`}
${view.eligibilityDrafts.length ? html`<h2>Payer 271 drafts (read-only)</h2>${view.eligibilityDrafts.map(eligibilityDraft)}` : ''}
</section>`;
}
