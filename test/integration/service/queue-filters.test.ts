/**
 * The queue's payer and age filters on the real lab: the payer comes from a plain column (a known
 * payer's name, 'other', or none) written with the request and by the backfill, the age from
 * when the email arrived; both combine with the kind, status and center filters and with paging;
 * an unknown value is a 400; the URLs carry no client data.
 */
import type { VobService } from '../../../src/service/vob-service';
import { backfillSearchKeys } from '../../../src/use-cases/search-requests';
import { listQueue, parseQueueFilter } from '../../../src/use-cases/staff-views';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, newSignedIn, randomTag, requestMail, startTestService, testConfig, waitFor, type StaffClient } from './lab';

jest.setTimeout(120_000);

interface ApiTask {
  requestId: string | null;
  kind: string;
  payer: string | null;
  arrivedAt: string;
}

describe('queue filters by payer and age', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let biller: StaffClient;
  let uid = 0;
  const ids: Record<string, string> = {};

  const store = async (key: string, payer: string, name: string, daysAgo: number) => {
    const body = INCOMPLETE_BODY.replace('Insurance Name: Aetna', `Insurance Name: ${payer}`).replace(/Jane Q Doe/g, name);
    const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: ++uid, raw: requestMail({ from: newCenter(), messageId: `<q-${randomTag()}@x.test>`, body }) });
    ids[key] = await waitFor(
      async () => (await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id])).rows[0]?.id,
      { timeoutMs: 60_000, what: 'the request to be stored' },
    );
    await service.db.query(`UPDATE inbound_message SET received_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, daysAgo * 24]);
  };
  const requestIds = async (query: string): Promise<string[]> => {
    const res = await biller.get(`/api/tasks?status=all&${query}`);
    expect([query, res.status]).toEqual([query, 200]);
    const body = (await res.json()) as { tasks: ApiTask[] };
    return [...new Set(body.tasks.map((t) => t.requestId!))].sort();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url));
    biller = await newSignedIn(service, 'biller');
    await store('aetnaNew', 'Aetna', 'Jane Q Doe', 0);
    await store('aetnaOld', 'Aetna', 'Ann Sample', 5);
    await store('cignaMid', 'Cigna', 'Tom Fixture', 2);
    await store('unknownPayer', 'Zyxwv Mutual Plan', 'Mei Dummy', 0);
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('the payer is stored in clear only as a known payer, "other", or nothing', async () => {
    const { rows } = await service.db.query<{ id: string; payer: string | null }>('SELECT id::text, payer FROM vob_request ORDER BY id');
    expect(Object.fromEntries(rows.map((r) => [r.id, r.payer]))).toEqual({
      [ids.aetnaNew!]: 'Aetna',
      [ids.aetnaOld!]: 'Aetna',
      [ids.cignaMid!]: 'Cigna',
      [ids.unknownPayer!]: 'other',
    });
  });

  test('by payer, by age, combined with each other and with kind; each task says its payer and arrival', async () => {
    expect(await requestIds('payer=Aetna')).toEqual([ids.aetnaNew, ids.aetnaOld].sort());
    expect(await requestIds('payer=other')).toEqual([ids.unknownPayer]);
    expect(await requestIds('payer=none')).toEqual([]);
    expect(await requestIds('age=lt1d')).toEqual([ids.aetnaNew, ids.unknownPayer].sort());
    expect(await requestIds('age=1to3d')).toEqual([ids.cignaMid]);
    expect(await requestIds('age=gt3d')).toEqual([ids.aetnaOld]);
    expect(await requestIds('payer=Aetna&age=gt3d')).toEqual([ids.aetnaOld]);
    expect(await requestIds('payer=Cigna&age=lt1d')).toEqual([]);
    expect(await requestIds('payer=Aetna&kind=awaiting-information')).toEqual([ids.aetnaNew, ids.aetnaOld].sort());
    expect(await requestIds('payer=Aetna&kind=verify-benefits')).toEqual([]);
    const api = (await (await biller.get('/api/tasks?payer=Cigna')).json()) as { tasks: ApiTask[]; countsByKind: Record<string, number> };
    expect(api.tasks[0]).toEqual(expect.objectContaining({ payer: 'Cigna', arrivedAt: expect.any(String) }));
    expect(Date.now() - Date.parse(api.tasks[0]!.arrivedAt)).toBeGreaterThan(47 * 3_600_000);
    // The counts follow the payer filter too.
    expect(Object.values(api.countsByKind).reduce((a, b) => a + b, 0)).toBe(api.tasks.length);
  });

  test('paging keeps the filters; unknown values are a 400 naming the field', async () => {
    const page = await (await biller.get('/?payer=Aetna&age=gt3d')).text();
    expect(page).toContain('<option value="Aetna" selected>Aetna</option>');
    expect(page).toContain('<option value="gt3d" selected>');
    expect(page).toContain(`href="/requests/${ids.aetnaOld}"`);
    expect(page).not.toContain(`href="/requests/${ids.aetnaNew}"`);
    // Each row names its payer and when its email arrived.
    expect(page).toContain('<td>Aetna</td>');
    const other = await (await biller.get('/?payer=other')).text();
    expect(other).toContain('<td>Other (not recognised)</td>');
    expect(other).not.toContain('Zyxwv');
    // The kind links keep both filters (and reset the page).
    expect(page).toMatch(/href="\/\?kind=verify-benefits&amp;payer=Aetna&amp;age=gt3d"/);
    const second = (await (await biller.get('/api/tasks?payer=Aetna&page=2')).json()) as { tasks: unknown[]; page: number; hasMore: boolean };
    expect(second).toEqual(expect.objectContaining({ tasks: [], page: 2, hasMore: false }));
    // Pages of one: the filtered list pages through exactly its own tasks.
    const queue = listQueue({ db: service.db, cipher: service.cipher });
    const pageOf = (page: number) => queue(parseQueueFilter({ payer: 'Aetna', status: 'all', page: String(page) }), { pageSize: 1 });
    const [p1, p2, p3] = [await pageOf(1), await pageOf(2), await pageOf(3)];
    expect([p1.hasMore, p2.hasMore, p3.hasMore, p3.tasks.length]).toEqual([true, false, false, 0]);
    expect([p1.tasks[0]!.requestId, p2.tasks[0]!.requestId].sort()).toEqual([ids.aetnaNew, ids.aetnaOld].sort());
    const bad = await biller.get('/api/tasks?payer=Jane%20Doe');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/payer/);
    expect((await biller.get('/api/tasks?age=7d')).status).toBe(400);
    expect((await biller.get('/?age=7d')).status).toBe(400);
    expect((await fetch(`${service.url}/api/tasks?payer=Aetna`)).status).toBe(401);
  });

  test('a claim from a filtered queue comes back to the same filter', async () => {
    const { rows } = await service.db.query<{ id: string }>('SELECT id::text FROM staff_task WHERE request_id = $1', [ids.cignaMid]);
    const back = '/?payer=Blue+Cross+Blue+Shield+of+Texas&age=1to3d';
    const res = await biller.post(`/tasks/${rows[0]!.id}/claim`, { back });
    expect([res.status, res.headers.get('location')]).toEqual([303, back]);
  });

  test('a corrected insurance name moves the request to that payer', async () => {
    expect((await biller.api('POST', `/api/requests/${ids.unknownPayer}/fields`, { field: 'insurance.payerName', value: 'Cigna' })).status).toBe(200);
    expect(await requestIds('payer=Cigna')).toEqual([ids.cignaMid, ids.unknownPayer].sort());
    expect(await requestIds('payer=other')).toEqual([]);
  });

  test('requests stored before the payer column get it from the backfill', async () => {
    await service.db.query('UPDATE vob_request SET payer = NULL, search_indexed = false');
    expect(await requestIds('payer=Aetna')).toEqual([]);
    expect(await requestIds('payer=none')).toHaveLength(4);
    expect(await backfillSearchKeys({ db: service.db, cipher: service.cipher })).toBe(4);
    expect(await requestIds('payer=Aetna')).toEqual([ids.aetnaNew, ids.aetnaOld].sort());
    expect(await requestIds('payer=Cigna')).toEqual([ids.cignaMid, ids.unknownPayer].sort());
  });
});
