/**
 * Request search on the real lab: by name parts, date of birth or year, member ID and sender;
 * every word must match; keys follow a correction; requests stored before search keys existed
 * are indexed by the backfill; the page and the API need a session; the audit row carries the
 * number of results, never the query; only keyed hashes are stored.
 */
import type { VobService } from '../../../src/service/vob-service';
import { backfillSearchKeys } from '../../../src/use-cases/search-requests';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, newSignedIn, randomTag, requestMail, startTestService, testConfig, waitFor, type StaffClient } from './lab';

jest.setTimeout(120_000);

describe('request search', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let biller: StaffClient;
  let uid = 0;
  const ids: Record<string, string> = {};
  const centers: Record<string, string> = {};

  const store = async (key: string, name: string, dob: string, memberId: string) => {
    centers[key] = newCenter();
    const body = INCOMPLETE_BODY.replace(/Jane Q Doe/g, name).replace('01/02/1990', dob).replace('W123456789', memberId);
    const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: ++uid, raw: requestMail({ from: centers[key], messageId: `<s-${randomTag()}@x.test>`, body }) });
    ids[key] = await waitFor(
      async () => (await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1', [id])).rows[0]?.id,
      { timeoutMs: 60_000, what: 'the request to be stored' },
    );
  };
  const find = async (q: string): Promise<string[]> => {
    const res = await biller.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { requests: { id: string }[] }).requests.map((r) => r.id).sort();
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url));
    biller = await newSignedIn(service, 'biller');
    await store('jane90', 'Jane Q Doe', '01/02/1990', 'W123456789');
    await store('jane85', 'Jane Roe', '03/04/1985', 'X555000111');
    await store('john90', 'John Doe', '05/06/1990', 'Y777888999');
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('by name parts, date of birth or year, member ID and sender; every word must match', async () => {
    expect(await find('the VOB for Jane Doe, born 1990')).toEqual([ids.jane90]);
    expect(await find('doe')).toEqual([ids.jane90, ids.john90].sort());
    expect(await find('jane')).toEqual([ids.jane90, ids.jane85].sort());
    expect(await find('1990')).toEqual([ids.jane90, ids.john90].sort());
    expect(await find('01/02/1990')).toEqual([ids.jane90]);
    expect(await find('1985-03-04')).toEqual([ids.jane85]);
    expect(await find('y777-888-999')).toEqual([ids.john90]);
    expect(await find(centers.jane85!)).toEqual([ids.jane85]);
    expect(await find('JANE doe 1985')).toEqual([]);
    expect(await find('')).toEqual([]);
  });

  test('the page lists matches with the member ID masked; the API says the same; both need a session', async () => {
    const page = await (await biller.get(`/search?q=${encodeURIComponent('jane doe 1990')}`)).text();
    expect(page).toContain(`href="/requests/${ids.jane90}"`);
    expect(page).toContain('••••••6789');
    expect(page).not.toContain('W123456789');
    expect(page).not.toContain(`/requests/${ids.jane85}"`);
    const api = (await (await biller.get('/api/search?q=roe')).json()) as { requests: { memberIdMasked: string; clientName: string; url: string }[] };
    expect(api.requests).toEqual([expect.objectContaining({ clientName: 'Jane Roe', memberIdMasked: '••••••0111', url: `/requests/${ids.jane85}` })]);
    expect((await fetch(`${service.url}/api/search?q=doe`)).status).toBe(401);
    const anonymous = await fetch(`${service.url}/search?q=doe`, { redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/login']);
    // The queue page carries the search box.
    expect(await (await biller.get('/')).text()).toContain('action="/search"');
  });

  test('the audit trail records that a search happened and how many it found, never the words', async () => {
    await find('Marcus 1971');
    const { rows } = await service.db.query<{ action: string; subject: string }>(
      "SELECT action, subject FROM audit_event WHERE action = 'search-requests' AND actor_id = $1 ORDER BY id",
      [biller.userId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.at(-1)).toEqual({ action: 'search-requests', subject: 'results:0' });
    expect(JSON.stringify(rows)).not.toMatch(/jane|doe|1990|marcus|W123/i);
  });

  test('only keyed hashes are stored; a correction moves the keys', async () => {
    const { rows } = await service.db.query<{ kind: string; key_hash: string }>('SELECT kind, key_hash FROM request_search_key WHERE request_id = $1', [ids.john90]);
    expect(rows.map((r) => r.kind).sort()).toEqual(['dob', 'dob-year', 'member-id', 'name-part', 'name-part']);
    for (const r of rows) expect(r.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await biller.api('POST', `/api/requests/${ids.john90}/fields`, { field: 'client.name', value: 'Jonathan Q Public' })).status).toBe(200);
    expect(await find('john doe')).toEqual([]);
    expect(await find('jonathan public 1990')).toEqual([ids.john90]);
  });

  test('requests stored without keys (before migration 0008) are indexed by the backfill', async () => {
    await service.db.query('DELETE FROM request_search_key');
    await service.db.query('UPDATE vob_request SET search_indexed = false');
    expect(await find('jane')).toEqual([]);
    expect(await backfillSearchKeys({ db: service.db, cipher: service.cipher })).toBe(3);
    expect(await find('jane')).toEqual([ids.jane90, ids.jane85].sort());
    expect(await backfillSearchKeys({ db: service.db, cipher: service.cipher })).toBe(0);
  });
});
