/**
 * The staff pages in a real browser (Debian's headless Chromium driven by playwright-core, no
 * downloaded browser) against the service started in-process on a test database: sign in through
 * the form, the queue, "Next task" claims the most urgent task, a request page with its card
 * images (enlarged without script, the full image), where each field came from (body, card with
 * its OCR confidence, answer, correction), the search box, correcting a field, a verification of
 * two levels of care through to the CSV export, logging out, the generic answer after
 * repeated failed sign-ins, and the idle timeout sending the browser back to /login.
 * Screenshots go to .lab/screenshots/ (gitignored); docs/images/ holds the few the staff guide uses.
 * Every step waits for a selector or a URL with generous time-outs; nothing asserts wall time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import type { VobService } from '../../src/service/vob-service';
import {
  addStaff,
  createTestDatabase,
  INCOMPLETE_BODY,
  newCenter,
  randomTag,
  requestMail,
  signIn,
  startTestService,
  storeCompleteRequest,
  testConfig,
  waitFor,
  TEST_PASSWORD,
} from '../integration/service/lab';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures/emails');
const SHOTS = path.join(ROOT, '.lab/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STEP_MS = 30_000;

/** Headless Chromium from Debian: no sandbox (root in CI), no network of its own, no updates. */
function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium (npm test does as root), or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
}

/** The screenshots docs/staff-guide.md shows: copied there, as small palette PNGs, with UPDATE_GUIDE_IMAGES=1. */
const GUIDE_IMAGES = ['login', 'queue', 'request', 'request-sources', 'card', 'card-zoom', 'correction', 'verified', 'search', 'admin-users', 'admin-audit', 'admin-figures'];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function copyGuideImages(): Promise<void> {
  if (process.env.UPDATE_GUIDE_IMAGES !== '1') return;
  const dir = path.join(ROOT, 'docs/images');
  mkdirSync(dir, { recursive: true });
  for (const name of GUIDE_IMAGES) {
    const from = path.join(SHOTS, `${name}.png`);
    if (existsSync(from)) await sharp(from).resize({ width: name === 'card-zoom' ? 720 : 960, withoutEnlargement: true }).png({ palette: true, colours: 64, compressionLevel: 9 }).toFile(path.join(dir, `staff-${name}.png`));
  }
}

/** One CSV record (RFC 4180: quoted cells, doubled quotes) into its cells. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) && m[0] !== '') {
    cells.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
    if (m[2] === '') break;
  }
  return cells;
}

async function logIn(page: Page, base: string, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]', { hasText: 'Sign in' }).click();
}

describe('staff pages in a browser', () => {
  let db: { url: string; drop(): Promise<void> };
  let service: VobService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let biller: { id: string; email: string };
  let cardRequestId: string;
  let cardFilledRequestId: string;
  let uid = 0;

  const ingest = (raw: Buffer) => service.ingest({ mailbox: 'INBOX', uidValidity: 1, uid: ++uid, raw });
  const requestOf = (messageId: string) =>
    waitFor(
      async () => {
        const { rows } = await service.db.query<{ id: string }>('SELECT id::text FROM vob_request WHERE inbound_message_id = $1 ORDER BY id LIMIT 1', [messageId]);
        return rows[0]?.id ?? null;
      },
      { timeoutMs: 180_000, what: 'the request to be stored' },
    );

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    db = await createTestDatabase();
    service = await startTestService(testConfig(db.url));
    biller = await addStaff(service, 'biller', `billing-${randomTag()}@staff.test`);
    // Two text requests from centers of their own, and a card with front and back.
    for (const [name, dob] of [['Jane Q Doe', '01/02/1990'], ['Marcus T Example', '07/14/1984']] as const) {
      const body = INCOMPLETE_BODY.replace('Jane Q Doe', name).replace('Jane Q Doe', name).replace('01/02/1990', dob);
      await requestOf((await ingest(requestMail({ from: newCenter(), messageId: `<e2e-${randomTag()}@x.test>`, body }))).id);
    }
    const raw = readFileSync(path.join(FIXTURES, 'card-conflict.eml'), 'latin1')
      .replace('<card-conflict@lakeside-recovery.test>', `<card-${randomTag()}@x.test>`)
      .replace('intake@lakeside-recovery.test', newCenter());
    cardRequestId = await requestOf((await ingest(Buffer.from(raw, 'latin1'))).id);
    // A message lacking the member ID, group and phone, which the card fills.
    const filled = readFileSync(path.join(FIXTURES, 'card-fills-missing.eml'), 'latin1').replace(/^Message-ID: .*$/m, `Message-ID: <card-fills-${randomTag()}@x.test>`).replace(/^From: .*$/m, `From: ${newCenter()}`);
    cardFilledRequestId = await requestOf((await ingest(Buffer.from(filled, 'latin1'))).id);
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    context.setDefaultTimeout(STEP_MS);
    context.setDefaultNavigationTimeout(STEP_MS);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await copyGuideImages();
    await browser?.close();
    await service?.stop();
    await db?.drop();
  });

  test('sign in through the form, see the queue, and "Next task" claims the most urgent open task and opens it', async () => {
    await page.goto(`${service.url}/`);
    await page.waitForURL(/\/login$/);
    await page.locator('input[name="email"]').waitFor();
    await shot(page, 'login');

    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.getByRole('heading', { name: 'VOB staff queue' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('header .who').textContent()).toContain(biller.email);
    await shot(page, 'queue');

    // Most urgent open unclaimed task, as the API orders the queue.
    const client = await signIn(service, biller.email);
    const { tasks } = (await (await client.get('/api/tasks?status=open&assignee=none')).json()) as { tasks: { id: string; requestId: string | null }[] };
    const first = tasks[0]!;
    await page.getByRole('button', { name: 'Next task' }).click();
    await page.waitForURL(`${service.url}/requests/${first.requestId}`);
    await page.getByRole('heading', { name: new RegExp(`^Request ${first.requestId}`) }).waitFor();
    const api = (await (await client.get(`/api/requests/${first.requestId}`)).json()) as { tasks: { id: string; claimedById: string | null }[] };
    expect(api.tasks.find((t) => t.id === first.id)?.claimedById).toBe(biller.id);
    // Back on the queue, the row shows the task as "you".
    await page.goto(`${service.url}/?assignee=me`);
    await page.locator('table tbody tr .badge.claimed').first().waitFor();
    expect(await page.locator('table tbody tr .badge.claimed').first().textContent()).toBe('you');
  });

  test('a request page shows its fields and the card images; a card opens full size', async () => {
    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.goto(`${service.url}/requests/${cardRequestId}`);
    await page.getByRole('heading', { name: new RegExp(`^Request ${cardRequestId}`) }).waitFor();
    expect(await page.locator('body').textContent()).toContain('David K Placeholder');
    // Both card images load (decrypted, same origin, under the CSP).
    const images = page.locator(`section#card-images img[src^="/requests/${cardRequestId}/card/"]`);
    await images.first().waitFor();
    await waitFor(async () => (await images.evaluateAll((imgs) => imgs.every((i) => (i as unknown as { complete: boolean; naturalWidth: number }).complete && (i as unknown as { naturalWidth: number }).naturalWidth > 0))) || null, {
      timeoutMs: STEP_MS,
      what: 'card images to load',
    });
    expect(await images.count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'request');
    await page.locator('section#card-images').screenshot({ path: path.join(SHOTS, 'card.png') });

    // Enlarged without script: the thumbnail links to #card-0, shown by CSS :target.
    const zoom = page.locator('#card-0');
    expect(await zoom.isVisible()).toBe(false);
    await page.locator('section#card-images a[href="#card-0"]').click();
    await page.waitForURL(/#card-0$/);
    await zoom.locator('img').waitFor({ state: 'visible' });
    await waitFor(async () => (await zoom.locator('img').evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth)) > 0 || null, { timeoutMs: STEP_MS, what: 'the enlarged image' });
    await shot(page, 'card-zoom');
    await zoom.getByRole('link', { name: 'Close' }).click();
    await page.waitForURL(/#card-images$/);
    await zoom.waitFor({ state: 'hidden' });

    // The full image on its own (served only to a session, audited).
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/requests/${cardRequestId}/card/0`)),
      page.locator('section#card-images').getByRole('link', { name: 'full image' }).first().click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/jpeg');
  });

  test('a request page labels each field with where it came from: body, or card with its OCR confidence', async () => {
    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.goto(`${service.url}/requests/${cardFilledRequestId}`);
    await page.getByRole('heading', { name: new RegExp(`^Request ${cardFilledRequestId}`) }).waitFor();
    const source = (field: string) => page.locator(`.source[data-field="${field}"]`).textContent();
    expect(await source('client.name')).toBe('body');
    expect(await source('referredBy')).toBe('body');
    // The message gave no member ID or phone: the card's, with how sure OCR was of each.
    expect(await source('insurance.memberId')).toMatch(/^card · OCR \d{1,3}%$/);
    expect(await source('insurance.phone')).toMatch(/^card · OCR \d{1,3}%$/);
    // The card's own fields list their confidence too.
    expect(await page.locator('section', { has: page.getByRole('heading', { name: 'Insurance card (read by OCR)' }) }).textContent()).toMatch(/OCR \d{1,3}%/);
    // The client and insurance with their sources at the top of the picture.
    await page.getByRole('heading', { name: 'Client', exact: true }).evaluate((h) => (h as unknown as { scrollIntoView(): void }).scrollIntoView());
    await shot(page, 'request-sources');
  });

  test('a biller verifies two levels of care: the request becomes verified, its task closes, the CSV row holds both levels', async () => {
    const requestId = await storeCompleteRequest(service, 'Priya N Sample');
    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.goto(`${service.url}/requests/${requestId}`);
    await page.getByRole('heading', { name: new RegExp(`^Request ${requestId}`) }).waitFor();
    const tasks = page.locator('section', { has: page.getByRole('heading', { name: 'Tasks' }) });
    const verifyTask = tasks.locator('tr', { hasText: 'Verify benefits' });
    // Take the task (unless an earlier "Next task" already gave it to this biller).
    const claim = verifyTask.getByRole('button', { name: 'Claim' });
    if (await claim.count()) {
      await claim.click();
      await page.waitForURL(`${service.url}/requests/${requestId}`);
    }
    expect(await verifyTask.locator('.badge.claimed').textContent()).toBe('you');

    const form = page.locator(`form[action="/requests/${requestId}/verifications"]`);
    await form.locator('input[name="call.representative"]').fill('Dana at the payer');
    await form.locator('input[name="call.referenceNumber"]').fill('REF-555-0142');
    await form.locator('select[name="planType"]').selectOption('ppo');
    const level = async (l: string, v: { covered: string; copay: string; coins: string; auth: string; authNumber?: string }) => {
      await form.locator(`select[name="levels.${l}.covered"]`).selectOption(v.covered);
      await form.locator(`input[name="levels.${l}.copay"]`).fill(v.copay);
      await form.locator(`input[name="levels.${l}.coinsurancePercent"]`).fill(v.coins);
      await form.locator(`select[name="levels.${l}.authRequired"]`).selectOption(v.auth);
      if (v.authNumber) await form.locator(`input[name="levels.${l}.authNumber"]`).fill(v.authNumber);
    };
    await level('residential', { covered: 'yes', copay: '250', coins: '20', auth: 'yes', authNumber: 'AUTH-RES-555' });
    await level('iop', { covered: 'yes', copay: '40', coins: '10', auth: 'no' });
    await form.getByRole('button', { name: 'Complete the verification' }).click();
    await page.waitForURL(`${service.url}/requests/${requestId}`);

    // Verified, the verify-benefits task closed by the biller, the worksheet in the history.
    expect(await page.locator('h1 .badge').textContent()).toBe('Verified');
    await page.locator('h1 .badge.verified').waitFor();
    expect(await verifyTask.locator('.badge').first().textContent()).toBe('closed');
    expect(await verifyTask.textContent()).toContain(biller.email);
    const history = page.locator('details', { has: page.locator('summary', { hasText: /^Verification \d+ · completed/ }) });
    expect(await history.count()).toBe(1);
    await history.locator('summary').click();
    const levels = history.locator('table', { has: page.getByRole('columnheader', { name: 'Level' }) }).locator('tbody tr');
    expect(await levels.allTextContents()).toEqual([expect.stringMatching(/^Residential\s*yes\s*\$250\s*20%/), expect.stringMatching(/^IOP\s*yes\s*\$40\s*10%/)]);
    await page.locator('section', { has: page.getByRole('heading', { name: 'Verification of benefits' }) }).screenshot({ path: path.join(SHOTS, 'verified.png') });

    // The export from the queue: the request's row holds both levels' benefits.
    await page.goto(`${service.url}/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download verified requests (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^verified-requests-.*\.csv$/);
    const lines = readFileSync((await download.path())!, 'utf8').split('\r\n').filter((l) => l.length > 0);
    const header = csvCells(lines[0]!);
    const row = lines.map(csvCells).find((cells) => cells[header.indexOf('request_id')] === requestId);
    expect(row).toBeDefined();
    const cell = (name: string) => {
      expect(header).toContain(name);
      return row![header.indexOf(name)];
    };
    expect(cell('client_name')).toBe('Priya N Sample');
    expect(cell('call_reference')).toBe('REF-555-0142');
    expect([cell('residential_covered'), cell('residential_copay'), cell('residential_coinsurance_pct'), cell('residential_auth_required'), cell('residential_auth_number')]).toEqual(['yes', '250', '20', 'yes', 'AUTH-RES-555']);
    expect([cell('iop_covered'), cell('iop_copay'), cell('iop_coinsurance_pct'), cell('iop_auth_required')]).toEqual(['yes', '40', '10', 'no']);
    // A level not verified stays empty.
    expect(cell('detox_covered')).toBe('');
  });

  test('the search box finds a request by name and birth year, member IDs masked, the words never in the URL', async () => {
    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.getByRole('searchbox', { name: 'Search requests' }).fill('David Placeholder 1995');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${service.url}/search`);
    expect(page.url()).not.toMatch(/David|Placeholder|1995|\?/);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    expect(row).toContain(`Request ${cardRequestId}`);
    expect(row).toContain('••••8776');
    expect(row).not.toContain('U9988776');
    await shot(page, 'search');
    await rows.first().getByRole('link', { name: `Request ${cardRequestId}` }).click();
    await page.waitForURL(`${service.url}/requests/${cardRequestId}`);
  });

  test('correcting a field: the record takes the new value and lists the old one beside it', async () => {
    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.goto(`${service.url}/requests/${cardRequestId}`);
    const form = page.locator(`form[action="/requests/${cardRequestId}/correct"]`);
    await form.locator('select[name="field"]').selectOption('insurance.groupNumber');
    await form.locator('input[name="value"]').fill('GRP-77001');
    await form.getByRole('button', { name: 'Correct' }).click();
    await page.waitForURL(`${service.url}/requests/${cardRequestId}`);
    const corrections = page.locator('section', { has: page.getByRole('heading', { name: 'Corrections' }) });
    await corrections.locator('table tbody tr').first().waitFor();
    const row = await corrections.locator('table tbody tr').first().textContent();
    expect(row).toContain('Group number');
    expect(row).toContain('GRP-77001');
    expect(row).toContain(biller.email);
    // The group number's source is now the correction, with who made it.
    expect(await page.locator('.source[data-field="insurance.groupNumber"]').textContent()).toMatch(new RegExp(`^correction · ${biller.email.replace(/[.]/g, '\\.')}, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}Z$`));
    await corrections.scrollIntoViewIfNeeded();
    await shot(page, 'correction');
  });

  test('logging out ends the session: the queue sends the browser back to /login', async () => {
    await logIn(page, service.url!, biller.email);
    await page.waitForURL(`${service.url}/`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${service.url}/`);
    await page.waitForURL(/\/login$/);
    await page.locator('input[name="email"]').waitFor();
  });

  test('an admin sees the Users, Audit log and Center figures pages; a biller is refused them', async () => {
    const admin = await addStaff(service, 'admin');
    await logIn(page, service.url!, admin.email);
    await page.waitForURL(`${service.url}/`);
    await page.locator('header.top').getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(`${service.url}/admin/users`);
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('body').textContent()).toContain(biller.email);
    await shot(page, 'admin-users');
    await page.locator('header.top').getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/admin\/audit/);
    await page.locator('table tbody tr').first().waitFor();
    await shot(page, 'admin-audit');
    await page.locator('header.top').getByRole('link', { name: 'Center figures' }).click();
    await page.waitForURL(`${service.url}/admin/figures`);
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('body').textContent()).toContain('All centers');
    await shot(page, 'admin-figures');
    const client = await signIn(service, biller.email);
    expect((await client.get('/admin/users')).status).toBe(403);
    expect((await client.get('/admin/figures')).status).toBe(403);
  });

  test('after repeated failed sign-ins even the right password gets the same generic message', async () => {
    const victim = await addStaff(service, 'biller');
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      await logIn(page, service.url!, victim.email, 'not the password at all');
      messages.push((await page.locator('p.error[role="alert"]').textContent({ timeout: STEP_MS })) ?? '');
    }
    await logIn(page, service.url!, victim.email);
    const locked = (await page.locator('p.error[role="alert"]').textContent({ timeout: STEP_MS })) ?? '';
    await shot(page, 'login-refused');
    expect(new Set([...messages, locked]).size).toBe(1);
    expect(locked).toMatch(/not accepted/);
    expect(page.url()).toMatch(/\/login$/);
  });

  test('a session unused for longer than SESSION_IDLE_TIMEOUT_MS sends the browser back to /login', async () => {
    // A second service on the same database with a short idle timeout (HTTP only).
    const shortLived = await startTestService(testConfig(db.url, { SESSION_IDLE_TIMEOUT_MS: '4000' }), { workers: false, reconciler: false });
    try {
      await logIn(page, shortLived.url!, biller.email);
      await page.waitForURL(`${shortLived.url}/`);
      await page.getByRole('heading', { name: 'VOB staff queue' }).waitFor();
      await new Promise((r) => setTimeout(r, 6_000));
      await page.goto(`${shortLived.url}/requests/${cardRequestId}`);
      await page.waitForURL(/\/login$/);
      await page.locator('input[name="email"]').waitFor();
    } finally {
      await shortLived.stop();
    }
  });
});
