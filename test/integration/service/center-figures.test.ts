/**
 * The admins' per-center figures on the real lab: requests per referring center (senders folded
 * into the allowlist's entry), the share incomplete on arrival (kept when a correction later
 * completes the request), the fields left out most, the median time from email to verified, a
 * date range; admin only, audited, a 400 naming a bad field, listed in the OpenAPI document.
 */
import type { VobService } from '../../../src/service/vob-service';
import type { FiguresView } from '../../../src/use-cases/center-figures';
import { COMPLETE_BODY, createTestDatabase, INCOMPLETE_BODY, newSignedIn, randomTag, requestMail, startTestService, testConfig, waitFor, type StaffClient } from './lab';

jest.setTimeout(120_000);

describe('center figures', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let admin: StaffClient;
  let biller: StaffClient;
  let uid = 0;
  const tag = randomTag();
  const sunrise = `sunrise-${tag}.test`;
  const lakeside = `lakeside-${tag}.test`;
  const ids: Record<string, string> = {};

  /** A request from `from`, its first email received `hoursAgo`; verified `verifiedAfterHours` after that when given. */
  const store = async (key: string, from: string, body: string, name: string, hoursAgo: number, verifiedAfterHours?: number) => {
    const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: ++uid, raw: requestMail({ from, messageId: `<f-${randomTag()}@x.test>`, body: body.replace(/Jane Q Doe/g, name) }) });
    ids[key] = await waitFor(
      async () => (await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id])).rows[0]?.id,
      { timeoutMs: 60_000, what: 'the request to be stored' },
    );
    await service.db.query(`UPDATE inbound_message SET received_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hoursAgo]);
    if (verifiedAfterHours !== undefined) {
      // A completed verification (the worksheet's bytes do not matter to the figures).
      await service.db.query(
        `INSERT INTO benefit_verification (request_id, status, worksheet_encrypted, completed_at)
         SELECT $1, 'complete', '\\x00'::bytea, m.received_at + make_interval(hours => $2)
         FROM vob_request r JOIN inbound_message m ON m.id = r.inbound_message_id WHERE r.id = $1`,
        [ids[key], verifiedAfterHours],
      );
    }
  };
  const figures = async (query = ''): Promise<FiguresView> => {
    const res = await admin.get(`/api/centers/figures${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as FiguresView;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url));
    admin = await newSignedIn(service, 'admin');
    biller = await newSignedIn(service, 'biller');
    expect((await admin.api('POST', '/api/settings', { allowedSenderDomains: [sunrise, lakeside], replySignature: 'Verification of Benefits team' })).status).toBe(200);
    await store('s1', `intake@${sunrise}`, INCOMPLETE_BODY, 'Ann Sample', 100);
    await store('s2', `billing@east.${sunrise}`, COMPLETE_BODY, 'Tom Fixture', 50, 2);
    await store('s3', `intake@${sunrise}`, INCOMPLETE_BODY.replace('Referred By: Sunrise Recovery Center\n', ''), 'Mei Dummy', 30, 10);
    await store('l1', `intake@${lakeside}`, COMPLETE_BODY, 'Sam Example', 10, 4);
    await store('o1', 'someone@elsewhere.test', COMPLETE_BODY, 'Olu Mockley', 5);
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('per center: requests, share incomplete on arrival, fields left out most, median hours to verified', async () => {
    const view = await figures();
    const byCenter = Object.fromEntries(view.centers.map((c) => [c.center, c]));
    expect(Object.keys(byCenter).sort()).toEqual(['elsewhere.test', lakeside, sunrise].sort());
    expect(byCenter[sunrise]).toEqual(
      expect.objectContaining({ requests: 3, arrivalKnown: 3, incompleteOnArrival: 2, verified: 2, medianHoursToVerified: 6 }),
    );
    expect(byCenter[sunrise]!.incompleteShare).toBeCloseTo(2 / 3);
    // No card with any of them (asked for "if available": alone it does not make a request incomplete).
    expect(byCenter[sunrise]!.topOmissions).toEqual([
      { field: 'card', askedAs: 'Copy of the Insurance Card', count: 3 },
      { field: 'client.address', askedAs: 'Client Address', count: 2 },
      { field: 'referredBy', askedAs: 'Referred By (Treatment Center)', count: 1 },
    ]);
    expect(byCenter[lakeside]).toEqual(expect.objectContaining({ requests: 1, incompleteOnArrival: 0, incompleteShare: 0, verified: 1, medianHoursToVerified: 4 }));
    expect(byCenter[lakeside]!.topOmissions).toEqual([{ field: 'card', askedAs: 'Copy of the Insurance Card', count: 1 }]);
    expect(byCenter['elsewhere.test']).toEqual(expect.objectContaining({ requests: 1, verified: 0, medianHoursToVerified: null }));
    expect(view.centers[0]!.center).toBe(sunrise);
    expect(view.total).toEqual(expect.objectContaining({ requests: 5, incompleteOnArrival: 2, verified: 3, medianHoursToVerified: 4 }));
  });

  test('a correction that completes a request later does not change what it lacked on arrival', async () => {
    expect((await admin.api('POST', `/api/requests/${ids.s1}/fields`, { field: 'client.address', value: '12 Main St, Fresno, CA 93701' })).status).toBe(200);
    const { rows } = await service.db.query<{ missing_fields: string[]; arrival_missing_fields: string[] }>('SELECT missing_fields, arrival_missing_fields FROM vob_request WHERE id = $1', [ids.s1]);
    expect(rows[0]!.missing_fields).not.toContain('client.address');
    expect(rows[0]!.arrival_missing_fields).toContain('client.address');
    const sunriseNow = (await figures()).centers.find((c) => c.center === sunrise)!;
    expect(sunriseNow.incompleteOnArrival).toBe(2);
  });

  test('a date range on the first email (UTC days, both ends included)', async () => {
    const day = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString().slice(0, 10);
    const recent = await figures(`?since=${day(0)}`);
    expect(recent.centers.reduce((n, c) => n + c.requests, 0)).toBeLessThanOrEqual(3);
    expect(recent.centers.some((c) => c.center === sunrise && c.requests === 3)).toBe(false);
    const old = await figures(`?until=${day(100)}`);
    expect(old.centers.map((c) => [c.center, c.requests])).toEqual([[sunrise, 1]]);
    expect((await figures(`?since=${day(-48)}`)).centers).toEqual([]);
  });

  test('admins only: 401 without a session, 403 for a biller; a bad range is a 400 naming the field; audited', async () => {
    expect((await fetch(`${service.url}/api/centers/figures`)).status).toBe(401);
    const anonymous = await fetch(`${service.url}/admin/figures`, { redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/login']);
    expect((await biller.get('/api/centers/figures')).status).toBe(403);
    expect((await biller.get('/admin/figures')).status).toBe(403);
    const bad = await admin.get('/api/centers/figures?since=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'invalid-input', issues: [expect.objectContaining({ field: 'since' })] });
    const reversed = await admin.get('/api/centers/figures?since=2026-02-01&until=2026-01-01');
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe('until');
    expect((await admin.get('/admin/figures?until=nope')).status).toBe(400);
    const { rows } = await service.db.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event WHERE action = 'view-center-figures' AND actor_id = $1", [admin.userId]);
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(5);
  });

  test('the page is linked from the admin bar and shows the figures; the route is in the OpenAPI document', async () => {
    const queue = await (await admin.get('/')).text();
    expect(queue).toContain('href="/admin/figures"');
    expect(await (await biller.get('/')).text()).not.toContain('href="/admin/figures"');
    const page = await (await admin.get('/admin/figures')).text();
    expect(page).toContain(sunrise);
    expect(page).toContain('Client Address');
    expect(page).toContain('All centers');
    expect(page).not.toMatch(/Ann Sample|Tom Fixture|W123456789/);
    const openapi = (await (await admin.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { description?: string; parameters?: { name: string }[] }>> };
    const route = openapi.paths['/api/centers/figures']!.get!;
    expect(route.description).toBe('Admins only.');
    expect(route.parameters!.map((p) => p.name).sort()).toEqual(['since', 'until']);
  });
});
