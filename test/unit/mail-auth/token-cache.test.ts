import { classifyImapFailure, needsRefresh, parseTokenOutput, refreshAt } from '../../../src/domain/mail-auth';
import { cachedTokenProvider, MailAuthError, safeReason } from '../../../src/adapters/mail-auth/token-provider';
import { createMailboxAuthStatus } from '../../../src/adapters/mail-auth/mailbox-auth-status';

describe('when a cached token is renewed', () => {
  it('five minutes before expiry for an hour-long token, at three quarters of a short one', () => {
    expect(refreshAt({ accessToken: 'a', obtainedAt: 0, expiresAt: 3_600_000 })).toBe(3_300_000);
    expect(refreshAt({ accessToken: 'a', obtainedAt: 0, expiresAt: 60_000 })).toBe(45_000);
    expect(needsRefresh(undefined, 0)).toBe(true);
    expect(needsRefresh({ accessToken: 'a', obtainedAt: 0, expiresAt: 60_000 }, 44_999)).toBe(false);
    expect(needsRefresh({ accessToken: 'a', obtainedAt: 0, expiresAt: 60_000 }, 45_000)).toBe(true);
  });
});

describe('cachedTokenProvider', () => {
  function fakeProvider(lifetimeMs: number) {
    let clock = 1_000_000;
    const calls: boolean[] = [];
    let release: (() => void) | undefined;
    let hold = false;
    const provider = cachedTokenProvider(
      async (force) => {
        calls.push(force);
        if (hold) await new Promise<void>((r) => (release = r));
        return { accessToken: `t${calls.length}`, expiresAt: clock + lifetimeMs };
      },
      { now: () => clock },
    );
    return {
      provider,
      calls,
      advance: (ms: number) => (clock += ms),
      holdNext: () => (hold = true),
      releaseHeld: () => {
        hold = false;
        release?.();
      },
    };
  }

  it('keeps the token until shortly before expiry, then fetches a new one', async () => {
    const f = fakeProvider(3_600_000);
    expect((await f.provider.getToken()).accessToken).toBe('t1');
    f.advance(3_299_000);
    expect((await f.provider.getToken()).accessToken).toBe('t1');
    f.advance(1_000);
    expect((await f.provider.getToken()).accessToken).toBe('t2');
    expect(f.calls).toEqual([false, false]);
  });

  it('forceRefresh drops the cached token (the server refused it)', async () => {
    const f = fakeProvider(3_600_000);
    await f.provider.getToken();
    expect((await f.provider.getToken(true)).accessToken).toBe('t2');
    expect(f.calls).toEqual([false, true]);
    expect((await f.provider.getToken()).accessToken).toBe('t2');
  });

  it('concurrent callers share one refresh', async () => {
    const f = fakeProvider(3_600_000);
    f.holdNext();
    const waiting = Promise.all([f.provider.getToken(), f.provider.getToken(), f.provider.getToken(true)]);
    await new Promise((r) => setImmediate(r));
    f.releaseHeld();
    const tokens = await waiting;
    expect(tokens.map((t) => t.accessToken)).toEqual(['t1', 't1', 't1']);
    expect(f.calls).toHaveLength(1);
  });

  it('a failed fetch is not cached: the next call asks again', async () => {
    let n = 0;
    const provider = cachedTokenProvider(async () => {
      n += 1;
      if (n === 1) throw new MailAuthError('token-refused', 'invalid_client');
      return { accessToken: 'ok', expiresAt: Date.now() + 3_600_000 };
    });
    await expect(provider.getToken()).rejects.toThrow(/invalid_client/);
    expect((await provider.getToken()).accessToken).toBe('ok');
  });
});

describe('parseTokenOutput', () => {
  it('a bare token lasts five minutes', () => {
    expect(parseTokenOutput('abc.def-ghi\n', 1000)).toEqual({ ok: true, token: { accessToken: 'abc.def-ghi', expiresAt: 301_000 } });
  });
  it('JSON with expires_in or expires_at', () => {
    expect(parseTokenOutput('{"access_token":"x1","expires_in":3599}', 0)).toEqual({ ok: true, token: { accessToken: 'x1', expiresAt: 3_599_000 } });
    expect(parseTokenOutput('{"accessToken":"x2","expires_at":2000}', 0)).toEqual({ ok: true, token: { accessToken: 'x2', expiresAt: 2_000_000 } });
  });
  it('refuses what is not one token, without quoting it', () => {
    for (const bad of ['', 'two\ntokens', '{"token":"x"}', '{not json', 'has space']) {
      const r = parseTokenOutput(bad, 0);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).not.toContain('x"');
    }
  });
});

describe('classifyImapFailure: is this IMAP failure about the token?', () => {
  it("Microsoft 365's BYE AccessTokenExpired ends the session over an expired token", () => {
    expect(classifyImapFailure({ byeReason: 'Session invalidated - AccessTokenExpired' })).toBe('token-expired');
    expect(classifyImapFailure({ byeReason: 'Access token expired' })).toBe('token-expired');
  });
  it('a refused login is an auth refusal', () => {
    expect(classifyImapFailure({ authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED' })).toBe('auth-refused');
    expect(classifyImapFailure({ serverResponseCode: 'AUTHENTICATIONFAILED' })).toBe('auth-refused');
    expect(classifyImapFailure({ oauthStatus: '401' })).toBe('auth-refused');
  });
  it('anything else is a connection problem', () => {
    expect(classifyImapFailure({})).toBeNull();
    expect(classifyImapFailure({ byeReason: 'Disconnected for inactivity.' })).toBeNull();
    expect(classifyImapFailure({ serverResponseCode: 'UNAVAILABLE' })).toBeNull();
  });
});

describe('safeReason', () => {
  it('cuts JWTs and Google tokens out of a reason, on one line', () => {
    expect(safeReason('bad eyJhbGciOi.eyJzdWIiOi.sig\nnext ya29.a0AfH6SM')).toBe('bad [token] next [token]');
  });
});

describe('mailbox auth status', () => {
  it('refused until the same side logs in again', () => {
    const status = createMailboxAuthStatus(() => new Date(0));
    expect(status.report().state).toBe('unknown');
    status.refused('imap', 'IMAP login refused [AUTHENTICATIONFAILED]');
    status.loggedIn('smtp');
    expect(status.report()).toMatchObject({ state: 'auth-failed', via: 'imap' });
    status.loggedIn('imap');
    expect(status.report().state).toBe('ok');
  });
});
