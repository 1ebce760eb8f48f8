/**
 * The service with MAIL_AUTH=oauth2-microsoft against the lab: /health shows a refused mailbox
 * login as `mailbox: auth-failed` while the service keeps running, and recovers; SMTP renews a
 * rejected token inside the session and sends once. Run alone:
 *   npx jest test/integration/oauth/oauth-service.test.ts --selectProjects integration
 */
import { createMailboxAuthStatus } from '../../../src/adapters/mail-auth/mailbox-auth-status';
import type { TokenProvider } from '../../../src/adapters/mail-auth/token-provider';
import { createSmtpMailer } from '../../../src/adapters/mail/smtp-mailer';
import { SmtpSendError } from '../../../src/adapters/mail/smtp-send-error';
import { mailboxKey } from '../../../src/domain/mailbox-sync';
import type { VobService } from '../../../src/service/vob-service';
import { countRows, fastOptions, folderCount, makeMessage, newMailboxUser, openTestImap, waitFor } from '../poller.helpers';
import { createTestDatabase, INCOMPLETE_BODY, newCenter, randomTag, requestMail, startTestService, testConfig } from '../service/lab';
import { SMTP_PORT, labMicrosoftTokens, labOAuthControl, microsoftLabEnv } from './lab-oauth';

jest.setTimeout(60_000);

/** A database of the describe's own, and the service a test starts on it (stopped after). */
function serviceOnOwnDatabase() {
  let database: { url: string; drop(): Promise<void> } | undefined;
  let service: VobService | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });
  return {
    /** MAIL_AUTH=oauth2-microsoft on `mailbox`, the poller on; `workers: false` for the poller alone. */
    async start(mailbox: string, tokens: TokenProvider, { workers = true }: { workers?: boolean } = {}): Promise<VobService> {
      const config = testConfig(database!.url, { ...microsoftLabEnv(mailbox), REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
      service = await startTestService(config, { poller: true, tokens, pollerOptions: fastOptions, workers, reconciler: workers });
      return service;
    },
  };
}

describe('/health and the mailbox login', () => {
  const lab = serviceOnOwnDatabase();

  it('a refused grant shows as mailbox: auth-failed with the reason; the service keeps running and recovers', async () => {
    const user = newMailboxUser();
    await labOAuthControl(user, { refuse: true });
    const service = await lab.start(user, labMicrosoftTokens(user), { workers: false });
    const imap = await openTestImap(user);
    await imap.append('INBOX', makeMessage({ subject: 'while refused' }));
    const health = async () => {
      const res = await fetch(`${service.url}/health`);
      return { code: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    const refused = await waitFor('auth-failed on /health', health, (h) => h.body['mailbox'] === 'auth-failed');
    expect(refused.code).toBe(503);
    expect(String(refused.body['mailboxReason'])).toMatch(/invalid_client/);
    expect(JSON.stringify(refused.body)).not.toMatch(/access_token|Bearer/);
    expect(service.poller!.state()).toBe('active');

    await labOAuthControl(user, { refuse: false });
    const rows = () => countRows(service.db, 'SELECT 1 FROM inbound_message WHERE mailbox = $1', [mailboxKey(user, 'INBOX')]);
    await waitFor('the message read after recovery', rows, (n) => n === 1, 30_000);
    await waitFor('1 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 1);
    const healthy = await waitFor('mailbox ok', health, (h) => h.body['mailbox'] === 'ok');
    expect(healthy.code).toBe(200);
    await imap.logout();
  });
});

describe('the whole service on OAuth2', () => {
  const lab = serviceOnOwnDatabase();

  it('a request read over XOAUTH2 is answered over XOAUTH2: one reply in the center mailbox', async () => {
    const user = newMailboxUser();
    const center = newCenter();
    const tokens = labMicrosoftTokens(user);
    const service = await lab.start(user, tokens);
    const imap = await openTestImap(user);
    await imap.append('INBOX', requestMail({ from: center, messageId: `<oauth-${randomTag()}@center.test>`, subject: 'VOB request', body: INCOMPLETE_BODY }));
    await waitFor('moved to Processed', () => folderCount(imap, 'Processed'), (n) => n === 1, 30_000);

    const centerBox = await openTestImap(center);
    await waitFor('the reply delivered', () => folderCount(centerBox, 'INBOX'), (n) => n >= 1, 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await folderCount(centerBox, 'INBOX')).toBe(1);
    const { rows } = await service.db.query<{ status: string }>('SELECT status FROM outbound_reply');
    expect(rows.map((r) => r.status)).toEqual(['sent']);
    expect(service.mailboxAuth.report().state).toBe('ok');
    // One token served both IMAP and SMTP.
    expect(tokens.fetches.filter((f) => f)).toEqual([]);
    await centerBox.logout();
    await imap.logout();
  });
});

describe('SMTP over XOAUTH2 (Postfix AUTH through Dovecot)', () => {
  it('a rejected token is renewed in the same session and the mail is sent once', async () => {
    const sender = newMailboxUser();
    const recipient = newMailboxUser();
    const real = labMicrosoftTokens(sender);
    let handedStale = false;
    const asked: boolean[] = [];
    const tokens: TokenProvider = {
      async getToken(force = false) {
        asked.push(force);
        if (!force && !handedStale) {
          handedStale = true;
          return { accessToken: 'stale-token-the-server-refuses', expiresAt: Date.now() + 60_000 };
        }
        return real.getToken(force);
      },
    };
    const authStatus = createMailboxAuthStatus();
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: SMTP_PORT, user: sender, tokens, authStatus, maxConnections: 1 });
    try {
      await mailer.send({ from: sender, to: recipient, subject: 'renewed token', text: 'sent once', messageId: `<${Date.now()}@vob.test>`, inReplyTo: null, references: null, headers: {} });
    } finally {
      mailer.close();
    }
    expect(asked).toEqual([false, true]);
    expect(authStatus.report().state).toBe('ok');
    const imap = await openTestImap(recipient);
    await waitFor('delivered', () => folderCount(imap, 'INBOX'), (n) => n >= 1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await folderCount(imap, 'INBOX')).toBe(1);
    await imap.logout();
  });

  it('a refused grant fails the send as not sent (retry is safe) and reports smtp auth-failed', async () => {
    const sender = newMailboxUser();
    await labOAuthControl(sender, { refuse: true });
    const authStatus = createMailboxAuthStatus();
    const mailer = createSmtpMailer({ host: '127.0.0.1', port: SMTP_PORT, user: sender, tokens: labMicrosoftTokens(sender), authStatus, maxConnections: 1 });
    try {
      const err = await mailer.send({ from: sender, to: newMailboxUser(), subject: 'x', text: 'x', messageId: `<${Date.now()}r@vob.test>`, inReplyTo: null, references: null, headers: {} }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SmtpSendError);
      expect((err as SmtpSendError).outcome).toBe('not-sent-retry');
    } finally {
      mailer.close();
    }
    expect(authStatus.report()).toMatchObject({ state: 'auth-failed', via: 'smtp' });
    expect(authStatus.report().reason).toMatch(/invalid_client/);
  });
});
