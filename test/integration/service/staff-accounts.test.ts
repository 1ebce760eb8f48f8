/**
 * Staff sign-in on the real lab: the login form and JSON session, CSRF on every state change,
 * roles (401 without a session, 403 for the wrong one), lockout per account and per IP, idle and
 * absolute timeouts, logout, API tokens, the admin's account API, the append-only audit trail
 * (one row per view of client data), the queue's claims (two at once → one winner), and `vob
 * serve` refusing to start when misconfigured.
 */
import { PassThrough, Readable } from 'node:stream';
import { Client } from 'pg';
import { runUser } from '../../../src/cli/user-command';
import { API_ROUTES } from '../../../src/http/api-schemas';
import { PUBLIC_ROUTES } from '../../../src/http/http-server';
import { runServe } from '../../../src/cli/serve-command';
import { exportAudit } from '../../../src/cli/audit-command';
import type { VobService } from '../../../src/service/vob-service';
import { CLI_ACTOR } from '../../../src/use-cases/staff-accounts';
import {
  addStaff,
  createTestDatabase,
  INCOMPLETE_BODY,
  newCenter,
  newSignedIn,
  randomTag,
  requestMail,
  signIn,
  startTestService,
  testConfig,
  TEST_PASSWORD,
  waitFor,
  type StaffClient,
} from './lab';

jest.setTimeout(120_000);

describe('staff accounts, sessions and the audit trail', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let admin: StaffClient;
  let biller: StaffClient;
  let requestId: string;
  const json = { 'content-type': 'application/json' };
  const url = (p: string) => `${service.url}${p}`;
  const login = (email: string, password: string) => fetch(url('/api/session'), { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  const auditRows = async (action: string, subject: string | null = null) =>
    (
      await service.db.query<{ actor: string | null; action: string; subject: string | null; ip: string | null }>(
        'SELECT actor, action, subject, ip FROM audit_event WHERE action = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY id',
        [action, subject],
      )
    ).rows;
  const newTask = async (priority: number, kind = 'verify-benefits') =>
    (
      await service.db.query<{ id: string }>(
        "INSERT INTO staff_task (kind, subject_key, status, priority, due_at) VALUES ($1, $2, 'open', $3, now() + interval '1 hour') RETURNING id::text",
        [kind, `test-${randomTag()}`, priority],
      )
    ).rows[0]!.id;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Per-IP limit above what the other tests' failures add up to; the IP test runs last.
    service = await startTestService(testConfig(db.url, { LOGIN_MAX_IP_FAILURES: '15' }));
    admin = await newSignedIn(service, 'admin');
    biller = await newSignedIn(service, 'biller');
    const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: 1, raw: requestMail({ from: newCenter(), messageId: `<a-${randomTag()}@x.test>`, body: INCOMPLETE_BODY }) });
    requestId = await waitFor(async () => {
      const { rows } = await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id]);
      return rows[0]?.id ?? null;
    }, { timeoutMs: 60_000, what: 'the request' });
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('the login form: email, password and a CSRF token; a post without the token is refused; a good one sets a strict session cookie', async () => {
    const form = await fetch(url('/login'));
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toMatch(/<input type="email" name="email"/);
    expect(page).toMatch(/<input type="password" name="password"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const pre = form.headers.getSetCookie().find((c) => c.startsWith('vob_pre='))!.split(';')[0]!;
    const { email } = await addStaff(service, 'biller');
    const post = (body: Record<string, string>, cookie = pre) =>
      fetch(url('/login'), { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
    expect((await post({ email, password: TEST_PASSWORD })).status).toBe(403);
    expect((await post({ email, password: TEST_PASSWORD, _csrf: csrf }, 'vob_pre=other')).status).toBe(403);
    const wrong = await post({ email, password: 'not the password', _csrf: csrf });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/was not accepted/);
    const ok = await post({ email, password: TEST_PASSWORD, _csrf: csrf });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/');
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('vob_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const queue = await fetch(url('/'), { headers: { cookie: cookie.split(';')[0]! } });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(email);
  });

  test('POST /api/session: 400 naming the bad field, one generic 401 for wrong passwords and unknown accounts', async () => {
    const form = await fetch(url('/api/session'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `email=${encodeURIComponent(biller.email)}&password=x` });
    expect(form.status).toBe(415);
    const bad = await fetch(url('/api/session'), { method: 'POST', headers: json, body: JSON.stringify({ email: 'x@y.test' }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid-input', issues: [expect.objectContaining({ field: 'password' })] });
    const unknown = await login(`nobody-${randomTag()}@staff.test`, 'whatever password');
    const wrong = await login(biller.email, 'whatever password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    const failed = await auditRows('login-failed:bad-credentials');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((r) => r.ip !== null)).toBe(true);
  });

  test('five failed logins lock the account: the right password is then refused too, with the same answer', async () => {
    const { email } = await addStaff(service, 'biller');
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong password ${i}`)).status).toBe(401);
    const locked = await login(email, TEST_PASSWORD);
    expect(locked.status).toBe(401);
    expect(((await locked.json()) as { error: string }).error).toBe('login-failed');
    expect((await auditRows('login-failed:account-locked')).length).toBe(1);
    // An admin's new password lifts the lock.
    const user = (await service.accounts!.listUsers()).find((u) => u.email === email)!;
    expect((await admin.api('POST', `/api/users/${user.id}/password`, { password: 'a new long password' })).status).toBe(200);
    expect((await login(email, 'a new long password')).status).toBe(200);
  });

  test('a session without its CSRF token cannot change anything; an API token needs none', async () => {
    const task = await newTask(3);
    expect((await biller.api('POST', `/api/tasks/${task}/claim`, undefined, { csrf: false })).status).toBe(403);
    expect((await biller.api('DELETE', '/api/session', undefined, { csrf: false })).status).toBe(403);
    expect((await biller.post(`/tasks/${task}/claim`, {}, { csrf: false })).status).toBe(403);
    const { token } = await service.accounts!.createToken(biller.email, CLI_ACTOR, null);
    const byToken = await fetch(url(`/api/tasks/${task}/claim`), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(200);
    expect(((await byToken.json()) as { task: { claimedBy: string } }).task.claimedBy).toBe(biller.userId);
  });

  test('the server has a sign-in guard on every route but the public ones, and every /api route is in the OpenAPI table', async () => {
    const table = service.http!.routeTable;
    expect(table.length).toBeGreaterThan(30);
    const open = table.filter((r) => !r.guarded).map((r) => `${r.method} ${r.url}`).sort();
    expect(open).toEqual([...PUBLIC_ROUTES].sort());
    const documented = new Set(API_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const api = table.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(api.filter((r) => !documented.has(r))).toEqual([]);
  });

  test('every /api route but POST /api/session answers 401 without a session or token, and admin ones 403 to a biller', async () => {
    for (const r of API_ROUTES) {
      const path = r.path.replace('{id}', '1');
      const method = r.method.toUpperCase();
      const anonymous = await fetch(url(path), { method, headers: json, ...(method === 'GET' ? {} : { body: '{}' }) });
      if (r.roles === 'public') expect([method, path, anonymous.status]).not.toEqual([method, path, 401]);
      else expect([method, path, anonymous.status]).toEqual([method, path, 401]);
      if (r.roles === 'admin') expect([method, path, (await biller.api(method, path, method === 'GET' ? undefined : {})).status]).toEqual([method, path, 403]);
    }
  });

  test('roles: a biller gets 403 from the admin routes; no session gets 401 or the login page', async () => {
    for (const [method, path] of [['GET', '/api/users'], ['POST', '/api/users'], ['GET', '/api/audit'], ['POST', '/api/tasks/1/assign'], ['DELETE', '/api/tokens/1']] as const) {
      expect([path, (await biller.api(method, path, method === 'GET' || method === 'DELETE' ? undefined : {})).status]).toEqual([path, 403]);
      expect([path, (await fetch(url(path), { method })).status]).toEqual([path, 401]);
    }
    expect((await biller.get('/admin/users')).status).toBe(403);
    expect((await biller.get('/admin/audit')).status).toBe(403);
    expect((await fetch(url('/admin/users'), { redirect: 'manual' })).headers.get('location')).toBe('/login');
    expect((await admin.get('/admin/users')).status).toBe(200);
    expect((await admin.get('/admin/audit')).status).toBe(200);
  });

  test('an admin adds, disables and re-enables accounts and revokes tokens; bad input is a 400 naming the field', async () => {
    const bad = await admin.api('POST', '/api/users', { email: 'not-an-email', role: 'boss', password: 'short' });
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { issues: { field: string }[] }).issues.map((i) => i.field).sort();
    expect(issues).toEqual(['email', 'password', 'role']);
    const email = `new-${randomTag()}@staff.test`;
    const added = await admin.api('POST', '/api/users', { email, role: 'biller', password: TEST_PASSWORD });
    expect(added.status).toBe(200);
    const { user } = (await added.json()) as { user: { id: string } };
    expect((await admin.api('POST', '/api/users', { email: email.toUpperCase(), role: 'biller', password: TEST_PASSWORD })).status).toBe(409);
    const session = await signIn(service, email);
    const minted = await admin.api('POST', `/api/users/${user.id}/tokens`);
    const { token, id: tokenId } = (await minted.json()) as { token: string; id: string };
    expect((await fetch(url('/api/tasks'), { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await admin.api('DELETE', `/api/tokens/${tokenId}`)).status).toBe(200);
    expect((await fetch(url('/api/tasks'), { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await admin.api('POST', `/api/users/${user.id}/disable`)).status).toBe(200);
    expect((await session.get('/api/tasks')).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).status).toBe(401);
    expect((await admin.api('POST', `/api/users/${user.id}/enable`)).status).toBe(200);
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
    for (const action of ['user-add:biller', 'token-create', 'token-revoke', 'user-disable', 'user-enable']) {
      expect([action, (await auditRows(action)).some((r) => r.actor === admin.email)]).toEqual([action, true]);
    }
    // The form page says what was wrong, with the CSRF token checked like everywhere else.
    expect((await admin.post('/admin/users', { email: 'x', role: 'biller', password: 'short' })).status).toBe(400);
    expect((await admin.post('/admin/users', { email: `f-${randomTag()}@staff.test`, role: 'biller', password: TEST_PASSWORD }, { csrf: false })).status).toBe(403);
  });

  test('each view of client data writes exactly one audit row (request page, its JSON, the raw message)', async () => {
    const before = (await auditRows('view-request', `request:${requestId}`)).length;
    expect((await biller.get(`/requests/${requestId}`)).status).toBe(200);
    expect((await auditRows('view-request', `request:${requestId}`)).length).toBe(before + 1);
    expect((await biller.get(`/api/requests/${requestId}`)).status).toBe(200);
    const rows = await auditRows('view-request', `request:${requestId}`);
    expect(rows.length).toBe(before + 2);
    expect(rows[rows.length - 1]).toEqual({ actor: biller.email, action: 'view-request', subject: `request:${requestId}`, ip: expect.stringMatching(/127\.0\.0\.1/) });
    const { rows: msg } = await service.db.query<{ id: string }>('SELECT inbound_message_id::text AS id FROM vob_request WHERE id = $1', [requestId]);
    expect((await biller.get(`/messages/${msg[0]!.id}/raw`)).status).toBe(200);
    expect((await auditRows('download-raw', `message:${msg[0]!.id}`)).length).toBe(1);
    // A request that does not exist shows nothing and records nothing.
    expect((await biller.get('/requests/999999')).status).toBe(404);
    expect((await auditRows('view-request', 'request:999999')).length).toBe(0);
  });

  test('GET /api/audit: newest first with at, actor, action, subject, ip; filters and pages', async () => {
    const res = await admin.get('/api/audit?limit=3');
    expect(res.status).toBe(200);
    const page1 = (await res.json()) as { events: { id: string; at: string; actor: string; action: string; subject: string | null; ip: string | null }[]; next: string };
    expect(page1.events).toHaveLength(3);
    expect(Object.keys(page1.events[0]!).sort()).toEqual(['action', 'actor', 'at', 'id', 'ip', 'subject']);
    expect(Number(page1.events[0]!.id)).toBeGreaterThan(Number(page1.events[2]!.id));
    const page2 = (await (await admin.get(`/api/audit?limit=3&before=${page1.next}`)).json()) as { events: { id: string }[] };
    expect(Number(page2.events[0]!.id)).toBeLessThan(Number(page1.events[2]!.id));
    const filtered = (await (await admin.get(`/api/audit?action=view-request&subject=request:${requestId}&actor=${encodeURIComponent(biller.email)}`)).json()) as { events: { action: string; subject: string }[] };
    expect(filtered.events.length).toBeGreaterThanOrEqual(2);
    expect(filtered.events.every((e) => e.action === 'view-request' && e.subject === `request:${requestId}`)).toBe(true);
    const kinds = (await (await admin.get('/api/audit?subject=request:')).json()) as { events: { subject: string }[] };
    expect(kinds.events.every((e) => e.subject.startsWith('request:'))).toBe(true);
    expect((await admin.get('/api/audit?since=yesterday')).status).toBe(400);
    expect((await admin.get('/api/audit?limit=0')).status).toBe(400);
    const page = await (await admin.get(`/admin/audit?action=view-request`)).text();
    expect(page).toContain(`request:${requestId}`);
    // The export: oldest first, CSV with a header.
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += c));
    const count = await exportAudit({ db: service.db, since: null, format: 'csv' }, out);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('id,at,actor,action,subject,ip');
    expect(lines).toHaveLength(count + 1);
    expect(text).not.toMatch(/Jane|W123456789/);
  });

  test('the audit table refuses UPDATE, DELETE and TRUNCATE, for the application role too', async () => {
    await expect(service.db.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(service.db.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(service.db.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    const { rows } = await service.db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_event');
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  test('two staff claiming one task at once: exactly one wins; the queue shows who holds it', async () => {
    const task = await newTask(1);
    const other = await newSignedIn(service, 'biller');
    const results = await Promise.all([biller.api('POST', `/api/tasks/${task}/claim`), other.api('POST', `/api/tasks/${task}/claim`)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0]!.status === 200 ? biller : other;
    const loser = winner === biller ? other : biller;
    const { tasks } = (await (await loser.get('/api/tasks?assignee=none')).json()) as { tasks: { id: string }[] };
    expect(tasks.map((t) => t.id)).not.toContain(task);
    const mine = (await (await winner.get('/api/tasks?assignee=me')).json()) as { tasks: { id: string; claimedBy: string }[] };
    expect(mine.tasks.find((t) => t.id === task)?.claimedBy).toBe(winner.email);
    // The loser cannot release it; the winner can; an admin can give it to someone.
    expect((await loser.api('POST', `/api/tasks/${task}/release`)).status).toBe(409);
    expect((await winner.api('POST', `/api/tasks/${task}/release`)).status).toBe(200);
    expect((await admin.api('POST', `/api/tasks/${task}/assign`, { userId: loser.userId })).status).toBe(200);
    expect((await admin.api('POST', `/api/tasks/${task}/assign`, { userId: 'me' })).status).toBe(400);
    const page = await (await winner.get('/')).text();
    expect(page).toContain(loser.email);
    expect(page).not.toContain(`action="/tasks/${task}/assign"`);
    expect((await auditRows('task-claim', `task:${task}`)).length).toBe(1);
    // An admin's queue page has an Assign form per task; it gives the task to whoever is picked.
    const adminPage = await (await admin.get('/')).text();
    expect(adminPage).toContain(`action="/tasks/${task}/assign"`);
    const assigned = await admin.post(`/tasks/${task}/assign`, { userId: winner.userId, back: '/' });
    expect(assigned.status).toBe(303);
    const { rows } = await service.db.query<{ claimed_by: string }>('SELECT claimed_by::text FROM staff_task WHERE id = $1', [task]);
    expect(rows[0]!.claimed_by).toBe(winner.userId);
    expect((await biller.post(`/tasks/${task}/assign`, { userId: biller.userId })).status).toBe(403);
  });

  test('"next task" claims the most urgent unclaimed open task; concurrent nexts get different tasks', async () => {
    const urgent = await newTask(0);
    const second = await newTask(0);
    const a = await newSignedIn(service, 'biller');
    const b = await newSignedIn(service, 'biller');
    const [ra, rb] = await Promise.all([a.api('POST', '/api/tasks/next'), b.api('POST', '/api/tasks/next')]);
    const ids = [((await ra.json()) as { task: { id: string } }).task.id, ((await rb.json()) as { task: { id: string } }).task.id];
    expect(ids.sort()).toEqual([urgent, second].sort());
    // The page's button opens the task's work (here a task without a request: back to the queue).
    const button = await a.post('/tasks/next');
    expect([200, 303]).toContain(button.status);
  });

  test('the queue: filters by status, assignee and center are checked; counts per status; paging', async () => {
    const q = (await (await biller.get('/api/tasks?status=all&assignee=any&page=1')).json()) as { countsByStatus: Record<string, number>; page: number; hasMore: boolean };
    expect(q.countsByStatus.open).toBeGreaterThan(0);
    expect(q.page).toBe(1);
    expect((await biller.get('/api/tasks?assignee=someone')).status).toBe(400);
    expect((await biller.get('/api/tasks?page=0')).status).toBe(400);
    const byCenter = (await (await biller.get('/api/tasks?center=%40nowhere.test')).json()) as { tasks: unknown[] };
    expect(byCenter.tasks).toEqual([]);
    const { rows } = await service.db.query<{ from_address: string }>('SELECT from_address FROM vob_request WHERE id = $1', [requestId]);
    const center = rows[0]!.from_address;
    const mine = (await (await biller.get(`/api/tasks?center=${encodeURIComponent(`@${center.split('@')[1]}`)}`)).json()) as { tasks: { requestId: string; memberIdMasked: string }[] };
    expect(mine.tasks.map((t) => t.requestId)).toContain(requestId);
    expect(mine.tasks.find((t) => t.requestId === requestId)!.memberIdMasked).toBe('••••••6789');
    const page = await (await biller.get('/')).text();
    expect(page).toContain('••••••6789');
    expect(page).not.toContain('W123456789');
  });

  test("correcting a field keeps the machine's value beside it, updates the missing list and the tasks, and is audited", async () => {
    const tasksOf = async () =>
      Object.fromEntries(
        (await service.db.query<{ kind: string; status: string }>('SELECT kind, status FROM staff_task WHERE request_id = $1', [requestId])).rows.map((r) => [r.kind, r.status]),
      );
    expect((await tasksOf())['awaiting-information']).toMatch(/open|paused/);
    expect((await biller.api('POST', `/api/requests/${requestId}/fields`, { field: 'client.address', value: 'nowhere' })).status).toBe(400);
    expect((await biller.api('POST', `/api/requests/${requestId}/fields`, { field: 'client.ssn', value: 'x' })).status).toBe(400);
    expect((await biller.api('POST', `/api/requests/${requestId}/fields`, { field: 'client.address', value: '12 Oak St, Columbus, OH 43215' }, { csrf: false })).status).toBe(403);
    const res = await biller.api('POST', `/api/requests/${requestId}/fields`, { field: 'client.address', value: '12 Oak St, Columbus, OH 43215' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { request: { missingFields: string[] } }).request.missingFields).toEqual(['card']);
    const { rows } = await service.db.query<{ status: string; missing_fields: string[] }>('SELECT status, missing_fields FROM vob_request WHERE id = $1', [requestId]);
    expect(rows[0]).toEqual({ status: 'ready', missing_fields: ['card'] });
    expect(await tasksOf()).toMatchObject({ 'awaiting-information': 'closed', 'verify-benefits': 'open' });
    expect(await auditRows('correct-field:client.address', `request:${requestId}`)).toEqual([{ actor: biller.email, action: 'correct-field:client.address', subject: `request:${requestId}`, ip: expect.any(String) }]);
    // The form, then the page shows the correction beside the value it replaced.
    const form = await biller.post(`/requests/${requestId}/correct`, { field: 'referredBy', value: 'Lakeside Recovery' });
    expect(form.status).toBe(303);
    const page = await (await biller.get(`/requests/${requestId}`)).text();
    expect(page).toMatch(/<h2>Corrections<\/h2>/);
    expect(page).toContain('Sunrise Recovery Center');
    expect(page).toContain('<strong>Lakeside Recovery</strong>');
    expect(page).toContain(biller.email);
    expect((await biller.post(`/requests/${requestId}/correct`, { field: 'client.dob', value: '31/31/1990' })).status).toBe(400);
  });

  test('logout: DELETE /api/session and the button end the session', async () => {
    const a = await signIn(service, biller.email);
    expect((await a.api('DELETE', '/api/session')).status).toBe(200);
    expect((await a.get('/api/tasks')).status).toBe(401);
    const b = await signIn(service, biller.email);
    const out = await b.post('/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(out.headers.getSetCookie()[0]).toMatch(/^vob_session=; .*Max-Age=0/);
    expect((await b.get('/')).headers.get('location')).toBe('/login');
    expect((await auditRows('logout')).length).toBeGreaterThanOrEqual(2);
  });

  test('GET /api/openapi.json describes the /api routes from their schemas', async () => {
    const doc = (await (await biller.get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/session', '/api/tasks', '/api/tasks/{id}/claim', '/api/audit', '/api/users']));
    expect(Object.keys(doc.paths['/api/users']!.post!.requestBody!.content['application/json']!.schema.properties)).toEqual(['email', 'role', 'password']);
  });

  test('too many failures from one IP refuse even a right password', async () => {
    for (let i = 0; i < 15; i++) await login(`nobody-${randomTag()}@staff.test`, 'wrong password');
    expect((await login(biller.email, TEST_PASSWORD)).status).toBe(401);
    expect((await auditRows('login-failed:ip-throttled')).length).toBeGreaterThanOrEqual(1);
  });
});

describe('session timeouts and Secure cookies (a service with short timeouts, behind TLS)', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url, { SESSION_IDLE_TIMEOUT_MS: '1500', SESSION_ABSOLUTE_TIMEOUT_MS: '4000', BEHIND_TLS: 'true' }), { workers: false, reconciler: false });
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test('behind TLS the session cookie is Secure', async () => {
    const { email } = await addStaff(service, 'biller');
    const res = await fetch(`${service.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    expect(res.headers.getSetCookie().find((c) => c.startsWith('vob_session='))).toMatch(/; HttpOnly; SameSite=Strict; Secure/);
  });

  test('a session unused for the idle timeout ends; used, it lasts until the absolute timeout', async () => {
    const idle = await newSignedIn(service, 'biller');
    expect((await idle.get('/api/tasks')).status).toBe(200);
    await sleep(1700);
    expect((await idle.get('/api/tasks')).status).toBe(401);

    const busy = await newSignedIn(service, 'biller');
    const started = Date.now();
    while (Date.now() - started < 3200) {
      expect((await busy.get('/api/tasks')).status).toBe(200);
      await sleep(500);
    }
    await sleep(Math.max(0, 4100 - (Date.now() - started)));
    expect((await busy.get('/api/tasks')).status).toBe(401);
  });
});

describe('the command line: vob serve refusing to start, vob user', () => {
  let db: { url: string; drop(): Promise<void> };
  let out = '';
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  /** Runs a command with its stdout and stderr kept in `out`. */
  const captured = async (run: () => Promise<number>): Promise<number> => {
    out = '';
    const spies = [process.stdout, process.stderr].map((stream) => jest.spyOn(stream, 'write').mockImplementation((chunk) => ((out += String(chunk)), true)));
    try {
      return await run();
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  };
  const serve = (args: string[], env: Record<string, string>) => captured(() => runServe(args, { DATABASE_URL: db.url, PORT: '0', LOG_LEVEL: 'silent', ...env }));
  const user = (args: string[], stdin = '') =>
    captured(() => runUser(args, { env: { DATABASE_URL: db.url, SESSION_SECRET: 'x'.repeat(32) }, stdin: Readable.from([Buffer.from(stdin)]) }));

  test('serve without SESSION_SECRET, without an admin, or --dev off loopback: exit 78 with the reason', async () => {
    expect(await serve([], {})).toBe(78);
    expect(out).toMatch(/refusing to start: SESSION_SECRET is not set/);
    expect(await serve([], { SESSION_SECRET: 'x'.repeat(32) })).toBe(78);
    expect(out).toMatch(/no enabled admin account/);
    expect(await serve(['--dev'], { HTTP_HOST: '0.0.0.0' })).toBe(78);
    expect(out).toMatch(/loopback/);
    expect(await serve([], { SESSION_SECRET: 'short' })).toBe(78);
    expect(out).toMatch(/SESSION_SECRET: at least 32 bytes/);
  });

  test('add reads the password from stdin; a short one, a bad role or a duplicate is refused; the last admin stays', async () => {
    expect(await user(['add', '--email', 'First@Admin.test', '--role', 'admin'], `${TEST_PASSWORD}\n`)).toBe(0);
    expect(out).toMatch(/added admin first@admin.test/);
    expect(await user(['add', '--email', 'b@staff.test', '--role', 'biller'], 'short\n')).toBe(65);
    expect(out).toMatch(/12 characters/);
    expect(await user(['add', '--email', 'b@staff.test', '--role', 'boss'], `${TEST_PASSWORD}\n`)).toBe(65);
    expect(await user(['add', '--email', 'first@admin.test', '--role', 'biller'], `${TEST_PASSWORD}\n`)).toBe(65);
    expect(await user(['disable', '--email', 'first@admin.test'])).toBe(65);
    expect(out).toMatch(/last enabled admin/);
    expect(await user(['token', 'create', '--email', 'first@admin.test'])).toBe(0);
    expect(out).toMatch(/vobt_[A-Za-z0-9_-]{43}/);
    expect(await user(['reset-password', '--email', 'first@admin.test'], 'another long password\n')).toBe(0);
    expect(await user(['frobnicate'])).toBe(64);
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query("SELECT actor, action FROM audit_event WHERE actor = 'cli' ORDER BY id");
    await c.end();
    expect(rows.map((r) => r.action)).toEqual(['user-add:admin', 'token-create', 'user-reset-password']);
  });
});
