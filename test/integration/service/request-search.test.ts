/**
 * Request search on the real lab: by name parts, date of birth or year, member ID and sender;
 * every word must match; keys follow a correction; requests stored before search keys existed
 * are indexed by the backfill; the words go in a POST body (the page's form with its CSRF token,
 * the API), never in a URL, and GET /api/search?q= still answers for tools; the page and the API
 * need a session; the audit row carries the number of results, never the query; only keyed
 * hashes are stored.
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
    const res = await biller.api('POST', '/api/search', { q });
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

  test('the page posts the words and lists matches with the member ID masked; nothing carries them in a URL', async () => {
    const res = await biller.post('/search', { q: 'jane doe 1990' });
    expect([res.status, res.headers.get('location')]).toEqual([200, null]);
    const page = await res.text();
    expect(page).toContain(`href="/requests/${ids.jane90}"`);
    expect(page).toContain('••••••6789');
    expect(page).not.toContain('W123456789');
    expect(page).not.toContain(`/requests/${ids.jane85}"`);
    expect(page).not.toMatch(/href="[^"]*(jane|doe|1990)/i);
    // The box on the queue and results pages posts, with the CSRF token.
    for (const p of [page, await (await biller.get('/')).text(), await (await biller.get('/search')).text()]) {
      expect(p).toMatch(/<form method="post" action="\/search"[^>]*><input type="hidden" name="_csrf" value="[^"]+">/);
    }
    // Words in a URL (an old bookmark) are not searched for.
    const bookmarked = await (await biller.get('/search?q=doe')).text();
    expect(bookmarked).not.toContain(`href="/requests/${ids.jane90}"`);
    expect(bookmarked).not.toMatch(/value="doe"/);
  });

  test('the API takes the words in a POST body; GET /api/search?q= still answers for existing tools', async () => {
    const api = (await (await biller.api('POST', '/api/search', { q: 'roe' })).json()) as { requests: { memberIdMasked: string; clientName: string; url: string }[] };
    expect(api.requests).toEqual([expect.objectContaining({ clientName: 'Jane Roe', memberIdMasked: '••••••0111', url: `/requests/${ids.jane85}` })]);
    const legacy = (await (await biller.get('/api/search?q=roe')).json()) as typeof api;
    expect(legacy).toEqual(api);
    const tooLong = await biller.api('POST', '/api/search', { q: 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ error: 'invalid-input', issues: [expect.objectContaining({ field: 'q' })] });
    expect((await biller.api('POST', '/api/search', { q: 42 })).status).toBe(400);
    expect((await biller.post('/search', { q: 'x'.repeat(201) })).status).toBe(400);
  });

  test('search needs a session (401, or /login for the empty page) and, with a session cookie, the CSRF token', async () => {
    expect((await fetch(`${service.url}/api/search?q=doe`)).status).toBe(401);
    const json = { 'content-type': 'application/json' };
    expect((await fetch(`${service.url}/api/search`, { method: 'POST', headers: json, body: JSON.stringify({ q: 'doe' }) })).status).toBe(401);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await fetch(`${service.url}/search`, { method: 'POST', headers: form, body: 'q=doe', redirect: 'manual' })).status).toBe(401);
    const anonymous = await fetch(`${service.url}/search`, { redirect: 'manual' });
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([303, '/login']);
    expect((await biller.post('/search', { q: 'doe' }, { csrf: false })).status).toBe(403);
    expect((await biller.api('POST', '/api/search', { q: 'doe' }, { csrf: false })).status).toBe(403);
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
