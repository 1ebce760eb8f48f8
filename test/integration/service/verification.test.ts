/**
 * The verification worksheet on the real lab: the form on the request page and the JSON API,
 * refused without a session (401), without the CSRF token (403) and with bad input (400 naming
 * the field); a draft kept and updated, completion closing the verify-benefits task and setting
 * the request verified, re-verification keeping the history, and an audit row for each.
 */
import type { VobService } from '../../../src/service/vob-service';
import { emptyWorksheet, type Worksheet } from '../../../src/domain/verification';
import { runCli } from '../../unit/cli/run-cli';
import { createTestDatabase, newSignedIn, startTestService, storeCompleteRequest, testConfig, type StaffClient } from './lab';

jest.setTimeout(120_000);

describe('verification of benefits', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let biller: StaffClient;
  let requestId: string;
  const q = async <T extends object>(sql: string, params: unknown[] = []) => (await service.db.query<T & Record<string, unknown>>(sql, params)).rows;
  const auditCount = async (action: string, subject: string) => (await q<{ n: string }>('SELECT count(*)::text AS n FROM audit_event WHERE action = $1 AND subject = $2', [action, subject]))[0]!.n;
  const worksheet = (patch: (w: Worksheet) => void = () => undefined) => {
    const w = emptyWorksheet();
    patch(w);
    return w;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url));
    biller = await newSignedIn(service, 'biller');
    requestId = await storeCompleteRequest(service);
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('the request is ready with an open verify-benefits task', async () => {
    const [row] = await q<{ status: string }>('SELECT status FROM vob_request WHERE id = $1', [requestId]);
    expect(row!.status).toBe('ready');
    const tasks = await q<{ kind: string; status: string }>("SELECT kind, status FROM staff_task WHERE subject_key = $1", [`request:${requestId}`]);
    expect(tasks).toContainEqual({ kind: 'verify-benefits', status: 'open' });
  });

  test('401 without a session, 403 without the CSRF token, 404 for an unknown request', async () => {
    const body = JSON.stringify({ worksheet: worksheet(), complete: false });
    const anon = await fetch(`${service.url}/api/requests/${requestId}/verifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(anon.status).toBe(401);
    expect((await fetch(`${service.url}/api/requests/${requestId}/verifications`)).status).toBe(401);
    const anonForm = await fetch(`${service.url}/requests/${requestId}/verifications`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=draft' });
    expect(anonForm.status).toBe(401);
    expect((await biller.api('POST', `/api/requests/${requestId}/verifications`, { worksheet: worksheet(), complete: false }, { csrf: false })).status).toBe(403);
    expect((await biller.post(`/requests/${requestId}/verifications`, { action: 'draft' }, { csrf: false })).status).toBe(403);
    expect((await biller.api('POST', '/api/requests/999999999/verifications', { worksheet: worksheet(), complete: false })).status).toBe(404);
    expect(await q('SELECT 1 FROM benefit_verification WHERE request_id = $1', [requestId])).toHaveLength(0);
  });

  test('400 naming the field: bad enums, unknown keys, a missing flag, a form number that is not one', async () => {
    const bad = async (body: unknown) => {
      const res = await biller.api('POST', `/api/requests/${requestId}/verifications`, body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { issues: { field: string }[] }).issues.map((i) => i.field);
    };
    expect(await bad({ worksheet: worksheet((w) => ((w as { planType: string }).planType = 'indemnity')), complete: false })).toContain('worksheet.planType');
    expect(await bad({ worksheet: { ...worksheet(), ssn: '1' }, complete: false })).toEqual(['worksheet']);
    expect(await bad({ worksheet: worksheet() })).toContain('complete');
    expect(await bad({ worksheet: worksheet((w) => (w.levels.iop.coinsurancePercent = 150)), complete: false })).toContain('worksheet.levels.iop.coinsurancePercent');
    const form = await biller.post(`/requests/${requestId}/verifications`, { action: 'draft', 'levels.detox.copay': 'ten dollars' });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('levels.detox.copay');
    expect((await biller.post(`/requests/${requestId}/verifications`, { action: 'finish' })).status).toBe(400);
    expect((await biller.api('GET', '/api/requests/abc/verifications')).status).toBe(400);
  });

  test('the request page has the worksheet form; a draft saved from it is shown again, then updated', async () => {
    const page = await (await biller.get(`/requests/${requestId}`)).text();
    expect(page).toContain(`action="/requests/${requestId}/verifications"`);
    expect(page).toContain('name="levels.mat.covered"');
    expect(page).toContain(`name="_csrf" value="${biller.csrf}"`);
    expect(page).toMatch(/not been verified yet/);
    expect(page).not.toMatch(/<script/i);
    expect(await auditCount('view-verification', `request:${requestId}`)).toBe('1');

    const saved = await biller.post(`/requests/${requestId}/verifications`, { action: 'draft', 'call.representative': 'Rep Alpha', planType: 'ppo', 'levels.residential.covered': 'yes', 'deductible.individual.inNetwork.amount': '$1,500' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/requests/${requestId}`);
    const again = await (await biller.get(`/requests/${requestId}`)).text();
    expect(again).toContain('value="Rep Alpha"');
    expect(again).toMatch(/<option value="ppo" selected>/);
    expect(again).toContain('value="1500"');
    const update = await biller.api('POST', `/api/requests/${requestId}/verifications`, { worksheet: worksheet((w) => (w.call.representative = 'Rep Beta')), complete: false });
    expect(update.status).toBe(201);
    const rows = await q<{ status: string; worksheet_encrypted: Buffer }>('SELECT status, worksheet_encrypted FROM benefit_verification WHERE request_id = $1', [requestId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('draft');
    // Encrypted at rest: no value in clear.
    expect(rows[0]!.worksheet_encrypted.toString('latin1')).not.toContain('Rep Beta');
    expect(await auditCount('create-verification', `request:${requestId}`)).toBe('1');
    expect(await auditCount('update-verification', `request:${requestId}`)).toBe('1');
    const [req] = await q<{ status: string }>('SELECT status FROM vob_request WHERE id = $1', [requestId]);
    expect(req!.status).toBe('ready');
  });

  test('completing closes the verify-benefits task and sets the request verified; re-verifying keeps the history', async () => {
    const complete = await biller.post(`/requests/${requestId}/verifications`, { action: 'complete', 'call.representative': 'Rep Gamma', 'call.referenceNumber': 'REF-1', 'call.at': '2026-12-06T10:30', 'network.facility': 'in' });
    expect(complete.status).toBe(303);
    const [req] = await q<{ status: string }>('SELECT status FROM vob_request WHERE id = $1', [requestId]);
    expect(req!.status).toBe('verified');
    const tasks = await q<{ status: string; closed_by: string }>("SELECT status, closed_by FROM staff_task WHERE kind = 'verify-benefits' AND subject_key = $1", [`request:${requestId}`]);
    expect(tasks).toEqual([{ status: 'closed', closed_by: biller.email }]);
    expect(await auditCount('complete-verification', `request:${requestId}`)).toBe('1');

    const page = await (await biller.get(`/requests/${requestId}`)).text();
    expect(page).toMatch(/Past verifications \(1\)/);
    expect(page).toContain('Rep Gamma');
    expect(page).toMatch(/<details class="reverify"><summary>Re-verify<\/summary>/);

    // Re-verify: a new draft, then a second completion; both completed ones stay, newest first.
    const second = await biller.api('POST', `/api/requests/${requestId}/verifications`, { worksheet: worksheet((w) => (w.call.representative = 'Rep Delta')), complete: true });
    expect(second.status).toBe(201);
    const list = (await (await biller.api('GET', `/api/requests/${requestId}/verifications`)).json()) as { verifications: { id: string; status: string; worksheet: Worksheet; completedBy: string }[] };
    expect(list.verifications.map((v) => [v.status, v.worksheet.call.representative, v.completedBy])).toEqual([
      ['complete', 'Rep Delta', biller.email],
      ['complete', 'Rep Gamma', biller.email],
    ]);
    expect(Number(list.verifications[0]!.id)).toBeGreaterThan(Number(list.verifications[1]!.id));
    expect(await auditCount('complete-verification', `request:${requestId}`)).toBe('2');
    expect(Number(await auditCount('view-verification', `request:${requestId}`))).toBeGreaterThanOrEqual(4);
  });

  test('a field corrected after verification leaves the request verified', async () => {
    const res = await biller.api('POST', `/api/requests/${requestId}/fields`, { field: 'referredBy', value: 'Another Center' });
    expect(res.status).toBe(200);
    const [req] = await q<{ status: string }>('SELECT status FROM vob_request WHERE id = $1', [requestId]);
    expect(req!.status).toBe('verified');
  });

  test('GET /export.csv: 401 without a session; one row per verified request, formulas defused; audited', async () => {
    expect((await fetch(`${service.url}/export.csv`, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${service.url}/export.csv`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    // A second request, verified with values a spreadsheet would run; a third left unverified.
    const other = await storeCompleteRequest(service, 'Rob R Roe');
    await storeCompleteRequest(service, 'Una U Unverified');
    expect((await biller.api('POST', `/api/requests/${other}/fields`, { field: 'referredBy', value: '+cmd Center' })).status).toBe(200);
    const res = await biller.api('POST', `/api/requests/${other}/verifications`, {
      worksheet: worksheet((w) => {
        w.call.referenceNumber = '=1+1';
        w.planType = 'hmo';
        w.network = { facility: 'in', behavioralHealth: 'out' };
        w.deductible.family.outOfNetwork = { amount: 6000, met: 100 };
        w.levels.iop = { ...w.levels.iop, covered: true, copay: 35, authRequired: false, authNumber: '@SUM(A1)' };
      }),
      complete: true,
    });
    expect(res.status).toBe(201);
    const csv = await biller.get('/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="verified-requests-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    const text = await csv.text();
    const lines = text.split('\r\n').filter(Boolean);
    const header = lines[0]!.split(',');
    expect(lines).toHaveLength(3);
    const row = (id: string) => lines.find((l) => l.startsWith(`${id},`))!.split(',');
    const cell = (id: string, name: string) => row(id)[header.indexOf(name)];
    expect(cell(requestId, 'client_name')).toBe('Jane Q Doe');
    expect(cell(requestId, 'member_id')).toBe('W123456789');
    expect(cell(requestId, 'payer')).toBe('Aetna');
    expect(cell(other, 'client_name')).toBe('Rob R Roe');
    expect(cell(other, 'referring_center')).toBe("'+cmd Center");
    expect(cell(other, 'call_reference')).toBe("'=1+1");
    expect(cell(other, 'iop_auth_number')).toBe("'@SUM(A1)");
    expect(cell(other, 'plan_type')).toBe('hmo');
    expect(cell(other, 'bh_network')).toBe('out');
    expect(cell(other, 'deductible_fam_out')).toBe('6000');
    expect(cell(other, 'iop_copay')).toBe('35');
    expect(cell(other, 'iop_covered')).toBe('yes');
    expect(text).not.toContain('Una U Unverified');
    const audit = await q<{ actor: string; subject: string | null }>("SELECT actor, subject FROM audit_event WHERE action = 'export-csv'");
    expect(audit).toEqual([{ actor: biller.email, subject: null }]);
    const page = await (await biller.get('/')).text();
    expect(page).toContain('href="/export.csv"');
  });

  test('vob export --format csv prints the same rows (audited); jsonl still works; other formats are refused', async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.url;
    try {
      const csv = await runCli(['export', '--format', 'csv']);
      expect(csv.code).toBe(0);
      expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(3);
      expect(csv.stderr).toMatch(/2 verified request\(s\)/);
      const jsonl = await runCli(['export', '--format=jsonl']);
      expect(jsonl.code).toBe(0);
      expect(jsonl.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { status: string }).status).sort()).toEqual(['ready', 'verified', 'verified']);
      expect((await runCli(['export', '--format', 'xml'])).code).toBe(64);
      expect(await q("SELECT 1 FROM audit_event WHERE action = 'export-csv' AND actor = 'cli'")).toHaveLength(1);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
