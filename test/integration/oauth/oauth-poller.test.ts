/**
 * The poller logs in with XOAUTH2 tokens from the real Microsoft provider (MSAL in OIDC mode)
 * against the lab's OAuth2 server and Dovecot's oauth2 passdb. Run alone, against a lab:
 *   npx jest test/integration/oauth/oauth-poller.test.ts --selectProjects integration
 * (with DATABASE_URL, IMAP_PORT, SMTP_PORT, OAUTH_PORT for a lab on other ports).
 */
import type { ImapFlow } from 'imapflow';
import pino from 'pino';
import { createMailboxAuthStatus } from '../../../src/adapters/mail-auth/mailbox-auth-status';
import type { TokenProvider } from '../../../src/adapters/mail-auth/token-provider';
import { fastOptions, folderCount, makeMessage, newMailboxUser, openTestImap, pollerConfig, pollerTestHooks, realIngest, testLogger, waitFor } from '../poller.helpers';
import { startMailboxPoller, type PollerConfig } from '../../../src/adapters/imap/mailbox-poller';
import { startImapByeProxy } from './imap-bye-proxy';
import { IMAP_PORT, LAB_CA_FILE, labMicrosoftTokens, labOAuthControl } from './lab-oauth';

jest.setTimeout(60_000);

const hooks = pollerTestHooks();
const { open, rowsFor } = hooks;

function startOAuthPoller(user: string, tokens: TokenProvider, sessions: ImapFlow[] = [], config: Partial<PollerConfig> = {}, logger = testLogger) {
  const { sink, calls } = realIngest(hooks.db().pool);
  const authStatus = createMailboxAuthStatus();
  const poller = startMailboxPoller({
    // No password: the only way in is the token.
    config: { ...pollerConfig(user), IMAP_PASSWORD: undefined, IMAP_TLS_CA_FILE: LAB_CA_FILE, ...config },
    db: hooks.db().pool,
    ingest: sink,
    logger,
    tokens,
    authStatus,
    options: { ...fastOptions, onSession: (c) => sessions.push(c) },
  });
  return { poller, calls, authStatus };
}

it('reads the mailbox over XOAUTH2 (OAUTHBEARER when the lab offers it) with a token from MSAL', async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  for (let i = 0; i < 5; i++) await imap.append('INBOX', makeMessage({ subject: `oauth ${i}` }));
  const tokens = labMicrosoftTokens(user);
  const sessions: ImapFlow[] = [];
  const { poller, authStatus } = startOAuthPoller(user, tokens, sessions);
  open.push({ poller, imap });

  await waitFor('5 records', () => rowsFor(user), (n) => n === 5);
  await waitFor('5 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 5);
  expect(authStatus.report().state).toBe('ok');
  expect(tokens.fetches).toEqual([false]);
  // imapflow picks OAUTHBEARER when offered (lab: LAB_OAUTHBEARER=1), else XOAUTH2 (as on M365).
  const mechanism = process.env.LAB_OAUTHBEARER === '1' ? 'AUTH=OAUTHBEARER' : 'AUTH=XOAUTH2';
  expect((sessions[0] as unknown as { authCapabilities: Map<string, boolean> }).authCapabilities.get(mechanism)).toBe(true);
});

it("a token of another mailbox's app is refused: nothing is read and /health would say auth-failed", async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  await imap.append('INBOX', makeMessage());
  const tokens = labMicrosoftTokens(newMailboxUser());
  const logLines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) });
  const { poller, authStatus } = startOAuthPoller(user, tokens, [], {}, logger);
  open.push({ poller, imap });

  await waitFor('auth-failed', async () => authStatus.report().state, (s) => s === 'auth-failed');
  expect(authStatus.report().reason).toMatch(/IMAP login refused \[AUTHENTICATIONFAILED\]/);
  expect(await rowsFor(user)).toBe(0);
  expect(poller.state()).toBe('active');
  // The refusal is logged with its reason; the token never is.
  const logs = logLines.join('');
  expect(logs).toMatch(/mailbox login refused/);
  expect(logs).not.toContain((await tokens.getToken()).accessToken);
});

it('a token that expired mid-session: the next session gets a new one; nothing lost or read twice', async () => {
  const user = newMailboxUser();
  await labOAuthControl(user, { ttlSeconds: 2 });
  const imap = await openTestImap(user);
  for (let i = 0; i < 4; i++) await imap.append('INBOX', makeMessage({ subject: `before ${i}` }));
  const tokens = labMicrosoftTokens(user);
  const sessions: ImapFlow[] = [];
  const { poller, calls } = startOAuthPoller(user, tokens, sessions);
  open.push({ poller, imap });
  await waitFor('4 records', () => rowsFor(user), (n) => n === 4);

  // The token is past its life and gone from the issuer; the session still open on it ends.
  await new Promise((r) => setTimeout(r, 2_500));
  await labOAuthControl(user, { revoke: true });
  for (let i = 0; i < 4; i++) await imap.append('INBOX', makeMessage({ subject: `after ${i}` }));
  sessions.at(-1)!.close();

  await waitFor('8 records', () => rowsFor(user), (n) => n === 8, 30_000);
  await waitFor('8 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 8, 30_000);
  expect(sessions.length).toBeGreaterThanOrEqual(2);
  expect(tokens.fetches.length).toBeGreaterThanOrEqual(2);
  expect(calls.filter((c) => c.duplicate)).toHaveLength(0);
  expect(new Set(calls.map((c) => c.uid)).size).toBe(calls.length);
  await labOAuthControl(user, { ttlSeconds: null });
});

it('a revoked token the cache still trusts: the login is refused, a new token is forced, the poller recovers', async () => {
  const user = newMailboxUser();
  const imap = await openTestImap(user);
  await imap.append('INBOX', makeMessage({ subject: 'first' }));
  const tokens = labMicrosoftTokens(user);
  const sessions: ImapFlow[] = [];
  const { poller, authStatus } = startOAuthPoller(user, tokens, sessions);
  open.push({ poller, imap });
  await waitFor('1 record', () => rowsFor(user), (n) => n === 1);

  await labOAuthControl(user, { revoke: true });
  await imap.append('INBOX', makeMessage({ subject: 'second' }));
  sessions.at(-1)!.close();

  await waitFor('2 records', () => rowsFor(user), (n) => n === 2, 30_000);
  // The cached (revoked) token was tried, refused, and then a fresh one forced.
  expect(tokens.fetches).toContain(true);
  expect(authStatus.report().state).toBe('ok');
});

it("Microsoft's BYE AccessTokenExpired: a new session with a forced new token, nothing lost or read twice", async () => {
  const user = newMailboxUser();
  const proxy = await startImapByeProxy(IMAP_PORT);
  try {
    const imap = await openTestImap(user);
    for (let i = 0; i < 3; i++) await imap.append('INBOX', makeMessage({ subject: `before ${i}` }));
    const tokens = labMicrosoftTokens(user);
    const sessions: ImapFlow[] = [];
    // Plain IMAP through the relay, so it can end the session as the server would.
    const { poller, calls } = startOAuthPoller(user, tokens, sessions, { IMAP_PORT: proxy.port, IMAP_TLS: 'off' });
    open.push({ poller, imap });
    await waitFor('3 records', () => rowsFor(user), (n) => n === 3);

    await labOAuthControl(user, { revoke: true });
    expect(proxy.byeAll('Session invalidated - AccessTokenExpired')).toBe(1);
    for (let i = 0; i < 3; i++) await imap.append('INBOX', makeMessage({ subject: `after ${i}` }));

    await waitFor('6 records', () => rowsFor(user), (n) => n === 6, 30_000);
    await waitFor('6 in Processed', () => folderCount(imap, 'Processed'), (n) => n === 6, 30_000);
    // The cached token was still "valid" by its lifetime: the BYE alone forced the new one.
    expect(tokens.fetches).toEqual([false, true]);
    expect(sessions.length).toBe(2);
    expect(calls.filter((c) => c.duplicate)).toHaveLength(0);
    expect(new Set(calls.map((c) => c.uid)).size).toBe(6);
  } finally {
    await proxy.close();
  }
});
