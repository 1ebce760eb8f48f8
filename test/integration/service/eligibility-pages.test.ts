/**
 * Eligibility on the staff pages, on the real lab: a request's 270 download (its trace stored,
 * audited; a clear page when the payer has no payer ID), a 271 uploaded from the queue page's
 * form (multipart, CSRF) or as a raw body, its summary, the draft shown on the request page and
 * prefilling the verification, and a malformed file storing nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VobService } from '../../../src/service/vob-service';
import { parse270, TEST_NPI, X12_FIXTURES } from '../../unit/x12/x12-test-files';
import { createTestDatabase, newSignedIn, startTestService, storeCompleteRequest, testConfig, type StaffClient } from './lab';

jest.setTimeout(120_000);

describe('eligibility on the staff pages', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let biller: StaffClient;
  let requestId: string;
  let traceNumber: string;
  const q = async <T extends object>(sql: string, params: unknown[] = []) => (await service.db.query<T & Record<string, unknown>>(sql, params)).rows;
  const upload = (file: Buffer, { csrf = true } = {}) => {
    const form = new FormData();
    if (csrf) form.append('_csrf', biller.csrf);
    form.append('file', new Blob([file]), 'answer.271');
    return fetch(`${service.url}/eligibility/271`, { method: 'POST', redirect: 'manual', headers: { cookie: biller.cookie }, body: form });
  };
  const raw = (file: Buffer) =>
    fetch(`${service.url}/api/eligibility/271`, { method: 'POST', headers: { cookie: biller.cookie, 'x-csrf-token': biller.csrf, 'content-type': 'application/edi-x12' }, body: file });

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url, { PROVIDER_NPI: TEST_NPI, PROVIDER_NAME: 'Sunrise Recovery Test' }));
    biller = await newSignedIn(service, 'biller');
    requestId = await storeCompleteRequest(service);
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('the 270 download: signed in only; the X12 270 of this request, its trace stored, audited', async () => {
    expect((await fetch(`${service.url}/requests/${requestId}/270`, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${service.url}/requests/${requestId}/270`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const page = await (await biller.get(`/requests/${requestId}`)).text();
    expect(page).toContain(`href="/requests/${requestId}/270"`);
    const res = await biller.get(`/requests/${requestId}/270`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/edi-x12/);
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="request-${requestId}-\\d+\\.270"$`));
    const [inquiry] = parse270(await res.text());
    expect(inquiry!.payer).toMatchObject({ id: '60054' });
    const stored = await q<{ trace_number: string; payer_id: string }>('SELECT trace_number, payer_id FROM eligibility_inquiry WHERE request_id = $1', [requestId]);
    expect(stored).toHaveLength(1);
    traceNumber = stored[0]!.trace_number;
    expect(inquiry!.trace).toBe(traceNumber);
    expect(await q("SELECT 1 FROM audit_event WHERE action = 'download-270' AND subject = $1", [`request:${requestId}`])).toHaveLength(1);
    expect((await biller.get('/requests/999999999/270')).status).toBe(404);
  });

  test('a payer without a payer ID: a page that says so, nothing stored', async () => {
    const other = await storeCompleteRequest(service, 'Rob R Roe');
    expect((await biller.api('POST', `/api/requests/${other}/fields`, { field: 'insurance.payerName', value: 'Nowhere Mutual Plan' })).status).toBe(200);
    const res = await biller.get(`/requests/${other}/270`);
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/No payer ID/);
    expect(await q('SELECT 1 FROM eligibility_inquiry WHERE request_id = $1', [other])).toHaveLength(0);
  });

  test('a 271 upload: refused without CSRF, with no file or a malformed one; imported from the form with a summary; audited', async () => {
    const file = Buffer.from(readFileSync(join(X12_FIXTURES, 'active-bh.271'), 'latin1').replace('TRN*2*VOB-0001*', `TRN*2*${traceNumber}*`), 'latin1');
    expect((await upload(file, { csrf: false })).status).toBe(403);
    expect((await fetch(`${service.url}/api/eligibility/271`, { method: 'POST', headers: { 'content-type': 'application/edi-x12' }, body: file })).status).toBe(401);
    expect((await fetch(`${service.url}/eligibility/271`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: file })).status).toBe(401);
    // Other routes do not take file bodies.
    expect((await fetch(`${service.url}/api/requests/${requestId}/fields`, { method: 'POST', headers: { cookie: biller.cookie, 'x-csrf-token': biller.csrf, 'content-type': 'application/edi-x12' }, body: file })).status).toBe(415);
    const empty = await raw(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const bad = await upload(Buffer.from('ISA*not an interchange~'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/not a readable 271/);
    expect(await q('SELECT 1 FROM eligibility_response')).toHaveLength(0);

    const page = await (await biller.get('/')).text();
    expect(page).toContain('action="/eligibility/271" enctype="multipart/form-data"');
    const res = await upload(file);
    expect(res.status).toBe(200);
    const summary = await res.text();
    expect(summary).toMatch(/Matched to a request<\/dt><dd>1</);
    expect(summary).not.toContain('TESTPERSON');
    const rows = await q<{ request_id: string; matched_by: string }>('SELECT request_id::text, matched_by FROM eligibility_response');
    expect(rows).toEqual([{ request_id: requestId, matched_by: 'trace' }]);
    expect(await q("SELECT 1 FROM audit_event WHERE action = 'import-271'")).toHaveLength(1);

    // The same file again as a raw body: read, nothing stored twice.
    const again = await raw(file);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ loops: 1, stored: 0, matched: 1 });
  });

  test('the draft is shown read-only on the request page and prefills the form; completing confirms it', async () => {
    const page = await (await biller.get(`/requests/${requestId}`)).text();
    expect(page).toMatch(/Payer 271 drafts/);
    expect(page).toMatch(/Prefilled from the payer's 271/);
    expect(page).toContain('name="deductible.individual.inNetwork.amount" value="1500"');
    expect(page).toMatch(/<option value="ppo" selected>/);
    const [draft] = await q<{ id: string }>('SELECT id::text FROM eligibility_response WHERE request_id = $1', [requestId]);
    expect(page).toContain(`name="eligibilityResponseId" value="${draft!.id}"`);
    const done = await biller.post(`/requests/${requestId}/verifications`, { action: 'complete', eligibilityResponseId: draft!.id, planType: 'ppo', 'call.representative': 'Rep Alpha' });
    expect(done.status).toBe(303);
    expect(await q("SELECT status FROM eligibility_response WHERE id = $1", [draft!.id])).toEqual([{ status: 'confirmed' }]);
    const [v] = await q<{ eligibility_response_id: string }>('SELECT eligibility_response_id::text FROM benefit_verification WHERE request_id = $1', [requestId]);
    expect(v!.eligibility_response_id).toBe(draft!.id);
    expect(await (await biller.get(`/requests/${requestId}`)).text()).not.toMatch(/Payer 271 drafts/);
  });
});
