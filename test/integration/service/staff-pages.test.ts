/**
 * The staff pages on the real lab: the queue links each task to its request or message, a
 * request's page shows its fields, missing items, conflicts, card reading and card images, Done
 * closes a task and comes back, a review-message page shows why the message was set aside, a
 * session is needed everywhere, and a hostile subject or name is shown as text, never as markup.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VobService } from '../../../src/service/vob-service';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, newSignedIn, randomTag, requestMail, startTestService, testConfig, waitFor, type StaffClient } from './lab';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '../../../fixtures/emails');

describe('staff pages', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let biller: StaffClient;
  let uid = 0;
  let cardRequestId: string;
  let cardMessageId: string;

  const get = (p: string, headers?: Record<string, string>) =>
    headers ? fetch(`${service.url}${p}`, { headers, redirect: 'manual' }) : biller.get(p);
  const ingest = (raw: Buffer) => service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: ++uid, raw });
  const requestsOf = (messageId: string) =>
    waitFor(
      async () => {
        const { rows } = await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1 ORDER BY id', [messageId]);
        return rows.length > 0 ? rows.map((r) => r.id) : null;
      },
      { timeoutMs: 60_000, what: 'the request to be stored' },
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url));
    biller = await newSignedIn(service, 'biller');
    // A card with front and back whose member ID and group disagree with the body.
    const center = newCenter();
    const raw = readFileSync(path.join(FIXTURES, 'card-conflict.eml'), 'latin1')
      .replace('<card-conflict@lakeside-recovery.test>', `<card-${randomTag()}@x.test>`)
      .replace('intake@lakeside-recovery.test', center);
    cardMessageId = (await ingest(Buffer.from(raw, 'latin1'))).id;
    [cardRequestId] = (await requestsOf(cardMessageId)) as [string];
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('every staff route needs a session (pages go to /login, the API answers 401); /staff.css and /health do not', async () => {
    const routes = ['/', '/api/tasks', `/requests/${cardRequestId}`, `/api/requests/${cardRequestId}`, `/requests/${cardRequestId}/card/0`,
      `/messages/${cardMessageId}`, `/api/messages/${cardMessageId}`, `/messages/${cardMessageId}/raw`];
    for (const route of routes) {
      const anonymous = await get(route, {});
      if (route.startsWith('/api/')) expect([route, anonymous.status]).toEqual([route, 401]);
      else expect([route, anonymous.status, anonymous.headers.get('location')]).toEqual([route, 303, '/login']);
      expect([route, (await get(route, { authorization: 'Bearer nope' })).status]).toEqual([route, 401]);
      expect([route, (await get(route, { cookie: 'vob_session=forged' })).status]).toEqual([route, route.startsWith('/api/') ? 401 : 303]);
    }
    const post = await fetch(`${service.url}/tasks/1/done`, { method: 'POST', redirect: 'manual' });
    expect(post.status).toBe(401);
    expect((await get('/staff.css', {})).status).toBe(200);
    expect((await get('/health', {})).status).toBe(200);
  });

  test("a request's page shows its fields, missing items, conflicts side by side, the card reading, thread and tasks", async () => {
    const res = await get(`/requests/${cardRequestId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|script-src/);
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/ style=/i);
    for (const text of ['David K Placeholder', '1995-03-03', '19 Birch Ln', 'Columbus, OH 43215', 'Cigna', 'U9988776', '3345678', '(800) 997-1654',
      'Rosa Placeholder', 'child of the subscriber', 'Lakeside Recovery']) {
      expect(page).toContain(text);
    }
    // Body vs card, side by side, and what OCR read (the card's own member ID, Rx fields, phones).
    expect(page).toMatch(/Body and card disagree/);
    expect(page).toMatch(/Member ID<\/td><td><strong>U9988776<\/strong><\/td><td><strong>U3901842701<\/strong>/);
    expect(page).toMatch(/Rx BIN<\/dt><dd>017010/);
    expect(page).toMatch(/Behavioral Health<\/td><td class="num">\(800\) 926-2273/);
    expect(page).toMatch(/front and back/);
    // Thread: the original message's subject; the card images.
    expect(page).toMatch(/VOB request/);
    expect(page).toContain(`src="/requests/${cardRequestId}/card/0"`);
    expect(page).toContain(`src="/requests/${cardRequestId}/card/1"`);
    // The complete request's tasks, with a Done button coming back here.
    expect(page).toMatch(/Verify benefits/);
    expect(page).toMatch(/Review conflicts/);
    expect(page).toContain(`name="back" value="/requests/${cardRequestId}"`);
    expect(page).toContain(`name="_csrf" value="${biller.csrf}"`);

    const api = (await (await get(`/api/requests/${cardRequestId}`)).json()) as {
      request: { insurance: { memberId: string }; conflicts: unknown[] };
      attachments: { n: number; format: string; url: string }[];
      thread: { role: string; subject: string }[];
      tasks: { kind: string }[];
    };
    expect(api.request.insurance.memberId).toBe('U9988776');
    expect(api.request.conflicts.length).toBeGreaterThan(0);
    expect(api.attachments.map((a) => a.format)).toEqual(['jpeg', 'jpeg']);
    expect(api.thread).toEqual([expect.objectContaining({ role: 'original', subject: 'VOB request' })]);
    expect(api.tasks.map((t) => t.kind).sort()).toEqual(['review-conflicts', 'verify-benefits']);
  });

  test('a card image is served decrypted with its type and no-store; an unknown one is 404', async () => {
    const res = await get(`/requests/${cardRequestId}/card/0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="request-\d+-attachment-0\.jpg"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(bytes.length).toBeGreaterThan(10_000);
    expect((await get(`/requests/${cardRequestId}/card/9`)).status).toBe(404);
    expect((await get(`/requests/999999/card/0`)).status).toBe(404);
    expect((await get(`/requests/abc`)).status).toBe(404);
  });

  test('the queue links each task to its request, filters by kind and status, and counts per kind', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain(`href="/requests/${cardRequestId}"`);
    expect(page).toMatch(/Verify benefits<span class="n">1<\/span>/);
    expect(page).toMatch(/Review conflicts<span class="n">1<\/span>/);
    expect(page).not.toMatch(/David|U9988776/);
    const filtered = await (await get('/?kind=review-conflicts')).text();
    expect(filtered).toMatch(/<strong>Review conflicts<\/strong>/);
    expect(filtered).not.toMatch(/<strong>Verify benefits<\/strong>/);
    const api = (await (await get('/api/tasks?kind=verify-benefits&status=open')).json()) as { tasks: { kind: string }[]; countsByKind: Record<string, number> };
    expect(api.tasks.map((t) => t.kind)).toEqual(['verify-benefits']);
    expect(api.countsByKind['review-conflicts']).toBe(1);
    expect((await get('/?kind=nonsense')).status).toBe(400);
    expect((await get('/api/tasks?status=nonsense')).status).toBe(400);
  });

  test('Done closes a task and redirects back to the request; a post without the CSRF token is refused', async () => {
    const api = (await (await get(`/api/requests/${cardRequestId}`)).json()) as { tasks: { id: string; kind: string; status: string }[] };
    const task = api.tasks.find((t) => t.kind === 'review-conflicts')!;
    expect(task.status).toBe('open');
    const evil = await biller.post(`/tasks/${task.id}/done`, { back: '/' }, { csrf: false, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(evil.status).toBe(403);
    const wrong = await biller.post(`/tasks/${task.id}/done`, { back: '/', _csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const res = await biller.post(`/tasks/${task.id}/done`, { back: `/requests/${cardRequestId}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/requests/${cardRequestId}`);
    const after = (await (await get(`/api/requests/${cardRequestId}`)).json()) as { tasks: { id: string; status: string }[] };
    expect(after.tasks.find((t) => t.id === task.id)!.status).toBe('done');
    // A back address not of ours goes to the queue instead.
    const other = api.tasks.find((t) => t.kind === 'verify-benefits')!;
    const offsite = await biller.post(`/tasks/${other.id}/done`, { back: 'https://evil.example/' });
    expect(offsite.headers.get('location')).toBe('/');
  });

  test('a review-message page shows the reason, headers, and offers the raw .eml', async () => {
    // A MIME bomb (too many parts) with a hostile subject: set aside with a review-message task.
    const parts = Array.from({ length: 400 }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}\r\n`).join('');
    const raw = Buffer.from(
      `From: Bomb <bomb@${randomTag()}.test>\r\nTo: verification@vob.test\r\nSubject: <script>alert("subject")</script> VOB\r\n` +
        `Message-ID: <bomb-${randomTag()}@x.test>\r\nDate: Mon, 05 Jan 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`,
    );
    const { id } = await ingest(raw);
    const taskId = await waitFor(async () => {
      const { rows } = await service.db.query<{ id: string }>("SELECT id::text FROM staff_task WHERE inbound_message_id = $1 AND kind = 'review-message'", [id]);
      return rows[0]?.id ?? null;
    }, { what: 'the review-message task' });
    const queue = await (await get('/?kind=review-message')).text();
    expect(queue).toContain(`href="/messages/${id}"`);
    const res = await get(`/messages/${id}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/Set aside: too-many-parts/);
    expect(page).toMatch(/too many MIME parts/);
    expect(page).toContain('&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; VOB');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain(`href="/messages/${id}/raw"`);
    expect(page).toContain(`name="back" value="/messages/${id}"`);
    expect(page).toContain(`/tasks/${taskId}/done`);
    const eml = await get(`/messages/${id}/raw`);
    expect(eml.headers.get('content-type')).toBe('message/rfc822');
    expect(eml.headers.get('content-disposition')).toBe(`attachment; filename="message-${id}.eml"`);
    expect(Buffer.from(await eml.arrayBuffer()).equals(raw)).toBe(true);
    const api = (await (await get(`/api/messages/${id}`)).json()) as { reviewCode: string; rawUrl: string };
    expect(api).toMatchObject({ reviewCode: 'too-many-parts', rawUrl: `/messages/${id}/raw` });
  });

  test('a hostile subject and client name are shown as text on the request and message pages', async () => {
    const hostile = INCOMPLETE_BODY.replace(/Jane Q Doe/g, 'Eve <img src=x onerror=alert(1)> Smith').replace(
      'Referred By: Sunrise Recovery Center',
      'Referred By: <script>alert("ref")</script> Center',
    );
    const { id } = await ingest(requestMail({ from: newCenter(), messageId: `<h-${randomTag()}@x.test>`, subject: '<script>alert("s")</script> & "VOB"', body: hostile }));
    const [requestId] = (await requestsOf(id)) as [string];
    const stored = (await (await get(`/api/requests/${requestId}`)).json()) as { request: { client: { name: string | null }; referredBy: string | null } };
    for (const p of [`/requests/${requestId}`, `/messages/${id}`]) {
      const page = await (await get(p)).text();
      expect(page).not.toMatch(/<script|<img src=x/i);
      expect(page).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt; &amp; &quot;VOB&quot;');
    }
    const requestPage = await (await get(`/requests/${requestId}`)).text();
    // Whatever the extractor kept of the hostile values is on the page, escaped.
    for (const v of [stored.request.client.name, stored.request.referredBy]) {
      if (v) expect(requestPage).toContain(v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    }
    const messagePage = await (await get(`/messages/${id}`)).text();
    expect(messagePage).toContain('Eve &lt;img src=x onerror=alert(1)&gt; Smith');
    expect(messagePage).toContain(`href="/requests/${requestId}"`);
  });
});
