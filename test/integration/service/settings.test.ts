/**
 * The admins' settings on the real lab: the page and API are for admins only (401, 403, CSRF,
 * 400 naming the field), a change is audited, and the pipeline follows it: with an allowlist,
 * mail from a sender not on it gets no automatic reply but a review task, while a listed
 * sender's reply carries the signature set here.
 */
import type { VobService } from '../../../src/service/vob-service';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, newSignedIn, randomTag, requestMail, startTestService, testConfig, waitFor, type StaffClient } from './lab';

jest.setTimeout(120_000);

describe('service settings', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let admin: StaffClient;
  let biller: StaffClient;
  const q = async <T extends object>(sql: string, params: unknown[] = []) => (await service.db.query<T & Record<string, unknown>>(sql, params)).rows;
  const ingest = async (from: string) => {
    const { id } = await service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: Number.parseInt(randomTag().slice(0, 6), 16), raw: requestMail({ from, messageId: `<s-${randomTag()}@x.test>`, body: INCOMPLETE_BODY.replace(/Jane Q Doe/g, `Pat ${randomTag()} Doe`) }) });
    await waitFor(async () => (await q<{ status: string }>('SELECT status FROM inbound_message WHERE id = $1', [id]))[0]?.status === 'extracted', { timeoutMs: 60_000, what: 'extraction' });
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url, { ALLOWED_SENDER_DOMAINS: 'env-default.test' }));
    admin = await newSignedIn(service, 'admin');
    biller = await newSignedIn(service, 'biller');
  });
  afterAll(async () => {
    await service?.stop();
    await db?.drop();
  });

  test('admins only: 401 without a session, 403 for a biller, 403 without CSRF; the page shows the environment default', async () => {
    expect((await fetch(`${service.url}/api/settings`)).status).toBe(401);
    expect((await fetch(`${service.url}/admin/settings`, { redirect: 'manual' })).status).toBe(303);
    expect((await biller.get('/admin/settings')).status).toBe(403);
    expect((await biller.api('GET', '/api/settings')).status).toBe(403);
    expect((await biller.api('POST', '/api/settings', { allowedSenderDomains: [], replySignature: 'x' })).status).toBe(403);
    expect((await biller.post('/admin/settings', { allowedSenderDomains: '', replySignature: 'x' })).status).toBe(403);
    expect((await admin.post('/admin/settings', { allowedSenderDomains: 'a.test', replySignature: 'x' }, { csrf: false })).status).toBe(403);
    const page = await (await admin.get('/admin/settings')).text();
    expect(page).toMatch(/<textarea name="allowedSenderDomains"[^>]*>env-default\.test<\/textarea>/);
    expect(page).toMatch(/the default from the environment/);
    expect(page).not.toMatch(/<script/i);
    expect(await q('SELECT 1 FROM service_setting')).toHaveLength(0);
  });

  test('400 naming the field: a bad domain, an empty signature, unknown keys', async () => {
    const bad = async (body: unknown) => {
      const res = await admin.api('POST', '/api/settings', body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { issues: { field: string }[] }).issues.map((i) => i.field);
    };
    expect(await bad({ allowedSenderDomains: ['not a domain'], replySignature: 'x' })).toEqual(['allowedSenderDomains.0']);
    expect(await bad({ allowedSenderDomains: [], replySignature: '   ' })).toEqual(['replySignature']);
    expect(await bad({ allowedSenderDomains: [], replySignature: 'x', other: 1 })).toEqual(['(body)']);
    const form = await admin.post('/admin/settings', { allowedSenderDomains: 'ok.test\nbad domain!', replySignature: '' });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/allowedSenderDomains/);
  });

  test('with an allowlist, an unknown sender gets no reply and a review task; a listed one gets the signature set here', async () => {
    const listed = `c${randomTag()}.test`;
    const saved = await admin.post('/admin/settings', { allowedSenderDomains: `${listed}\r\nOther.Test`, replySignature: 'Sunrise VOB desk\r\nCall 555-0100' });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toMatch(/Saved\./);
    const view = (await (await admin.api('GET', '/api/settings')).json()) as { settings: { allowedSenderDomains: string[]; replySignature: string }; stored: string[] };
    expect(view.settings).toEqual({ allowedSenderDomains: [listed, 'other.test'], replySignature: 'Sunrise VOB desk\nCall 555-0100' });
    expect(view.stored.sort()).toEqual(['allowedSenderDomains', 'replySignature']);
    const audit = await q<{ action: string; actor: string }>("SELECT action, actor FROM audit_event WHERE action LIKE 'change-setting:%' ORDER BY id");
    expect(audit).toEqual([
      { action: 'change-setting:allowed-sender-domains', actor: admin.email },
      { action: 'change-setting:reply-signature', actor: admin.email },
    ]);

    const unknown = await ingest(newCenter());
    expect(await q('SELECT 1 FROM outbound_reply WHERE inbound_message_id = $1', [unknown])).toHaveLength(0);
    expect(await q('SELECT reply_send, reply_reason FROM inbound_message WHERE id = $1', [unknown])).toEqual([{ reply_send: false, reply_reason: 'sender-not-allowed' }]);
    const review = await q<{ reason: string; status: string }>("SELECT reason, status FROM staff_task WHERE kind = 'review-message' AND inbound_message_id = $1", [unknown]);
    expect(review).toEqual([{ status: 'open', reason: expect.stringMatching(/not on the allowlist/) }]);

    const known = await ingest(`intake@east.${listed}`);
    const [reply] = await q<{ body_text: string }>('SELECT body_text FROM outbound_reply WHERE inbound_message_id = $1', [known]);
    expect(reply!.body_text).toContain('Sunrise VOB desk\nCall 555-0100');
    expect(await q("SELECT 1 FROM staff_task WHERE kind = 'review-message' AND inbound_message_id = $1", [known])).toHaveLength(0);
  });

  test('an empty allowlist answers every sender again (the environment default is replaced, not merged)', async () => {
    const res = await admin.api('POST', '/api/settings', { allowedSenderDomains: [], replySignature: 'Sunrise VOB desk' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changed: string[] }).changed.sort()).toEqual(['allowedSenderDomains', 'replySignature']);
    const id = await ingest(newCenter());
    expect(await q('SELECT 1 FROM outbound_reply WHERE inbound_message_id = $1', [id])).toHaveLength(1);
  });
});
