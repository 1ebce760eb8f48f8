/** The pure rules of staff sign-in, and the password hash format. */
import { decoyPasswordHash, hashPassword, newApiToken, PASSWORD_PARAMS, verifyPassword } from '../../../src/adapters/crypto/staff-secrets';
import {
  checkPasswordStrength,
  csrfToken,
  csrfTokenValid,
  DEFAULT_LOCKOUT,
  lockAfterFailure,
  loginRefused,
  maskMemberId,
  secretHash,
  sessionState,
} from '../../../src/domain/staff-auth';
import { isLoopback, serveRefusal } from '../../../src/cli/serve-command';
import { safeBack } from '../../../src/http/http-server';
import { cookieHeader, parseCookies } from '../../../src/http/staff-auth';
import { csvCell } from '../../../src/cli/audit-command';

describe('password hashing', () => {
  it('uses memory-hard scrypt parameters (N=2^15, r=8: 32 MiB) and a 16-byte salt per hash', async () => {
    expect(PASSWORD_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(128 * PASSWORD_PARAMS.N * PASSWORD_PARAMS.r).toBeGreaterThanOrEqual(32 * 1024 * 1024);
    const a = await hashPassword('a long test password 1');
    const b = await hashPassword('a long test password 1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only, and refuses a malformed stored value', async () => {
    const stored = await hashPassword('a long test password 1');
    expect(await verifyPassword('a long test password 1', stored)).toBe(true);
    expect(await verifyPassword('a long test password 2', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$a$b$c$d$')).toBe(false);
    expect(await verifyPassword('x', await decoyPasswordHash())).toBe(false);
  });

  it('a hash made with other parameters still verifies (they are stored with it)', async () => {
    const cheap = await hashPassword('another long password', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('another long password', cheap)).toBe(true);
  });

  it('asks for 12 characters at least', () => {
    expect(() => checkPasswordStrength('short')).toThrow(/12 characters/);
    expect(() => checkPasswordStrength('twelve chars')).not.toThrow();
  });
});

describe('sessions', () => {
  const timeouts = { idleMs: 15 * 60_000, absoluteMs: 12 * 3_600_000 };
  const t0 = new Date('2026-01-05T08:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('is valid while used within the idle timeout, until the absolute timeout', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(14 * 60_000), timeouts)).toBe('valid');
    expect(sessionState({ createdAt: t0, lastSeenAt: at(11 * 3_600_000) }, at(11 * 3_600_000 + 10 * 60_000), timeouts)).toBe('valid');
  });

  it('ends after the idle timeout without use', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0 }, at(15 * 60_000), timeouts)).toBe('idle-expired');
  });

  it('ends at the absolute timeout however recently used', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(12 * 3_600_000 - 1000) }, at(12 * 3_600_000), timeouts)).toBe('absolute-expired');
  });

  it('stores a keyed hash of a session id, never the id', () => {
    const secret = Buffer.alloc(32, 1);
    expect(secretHash(secret, 'abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(secretHash(secret, 'abc')).not.toBe(secretHash(Buffer.alloc(32, 2), 'abc'));
    expect(newApiToken()).toMatch(/^vobt_[A-Za-z0-9_-]{43}$/);
  });
});

describe('CSRF tokens', () => {
  const secret = Buffer.alloc(32, 9);
  it('accept the token of this session only', () => {
    const token = csrfToken(secret, 'session-a');
    expect(csrfTokenValid(secret, 'session-a', token)).toBe(true);
    expect(csrfTokenValid(secret, 'session-b', token)).toBe(false);
    expect(csrfTokenValid(Buffer.alloc(32, 8), 'session-a', token)).toBe(false);
    expect(csrfTokenValid(secret, 'session-a', `${token}x`)).toBe(false);
    expect(csrfTokenValid(secret, 'session-a', undefined)).toBe(false);
    expect(csrfTokenValid(secret, 'session-a', '')).toBe(false);
    expect(csrfTokenValid(secret, 'session-a', ['x'])).toBe(false);
  });
});

describe('lockout', () => {
  const now = new Date('2026-01-05T08:00:00Z');
  it('locks an account at the fifth failure for 15 minutes', () => {
    expect(lockAfterFailure(4, now, DEFAULT_LOCKOUT)).toBeNull();
    expect(lockAfterFailure(5, now, DEFAULT_LOCKOUT)).toEqual(new Date(now.getTime() + 15 * 60_000));
  });
  it('refuses a locked account until the lock ends, and an IP past its limit', () => {
    const until = new Date(now.getTime() + 60_000);
    expect(loginRefused({ lockedUntil: until, ipFailures: 0, now }, DEFAULT_LOCKOUT)).toBe('account-locked');
    expect(loginRefused({ lockedUntil: until, ipFailures: 0, now: new Date(until.getTime() + 1) }, DEFAULT_LOCKOUT)).toBeNull();
    expect(loginRefused({ lockedUntil: null, ipFailures: DEFAULT_LOCKOUT.maxIpFailures, now }, DEFAULT_LOCKOUT)).toBe('ip-throttled');
    expect(loginRefused({ lockedUntil: null, ipFailures: DEFAULT_LOCKOUT.maxIpFailures - 1, now }, DEFAULT_LOCKOUT)).toBeNull();
  });
});

describe('masking and small helpers', () => {
  it('shows only the last four of a member ID', () => {
    expect(maskMemberId('W123456789')).toBe('••••••6789');
    expect(maskMemberId('U9988776')).toBe('••••8776');
    expect(maskMemberId('12345')).toBe('••••45');
    expect(maskMemberId('123')).toBe('••••');
    expect(maskMemberId(null)).toBeNull();
  });

  it('sends a button back only to a path of ours', () => {
    expect(safeBack('/requests/12')).toBe('/requests/12');
    expect(safeBack('/?kind=review-message&center=%40x.test')).toBe('/?kind=review-message&center=%40x.test');
    expect(safeBack('https://evil.example/')).toBe('/');
    expect(safeBack('//evil.example')).toBe('/');
    expect(safeBack(undefined)).toBe('/');
  });

  it('reads cookies and writes them HttpOnly, SameSite=Strict, Secure when asked', () => {
    expect(parseCookies('a=1; vob_session=abc_-9; bad name=x')).toEqual({ a: '1', vob_session: 'abc_-9' });
    expect(cookieHeader('vob_session', 'v', { secure: true })).toBe('vob_session=v; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(cookieHeader('vob_session', '', { secure: false, maxAgeSeconds: 0 })).toBe('vob_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });

  it('defuses spreadsheet formulas and quotes CSV cells', () => {
    expect(csvCell('=cmd')).toBe("'=cmd");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
  });
});

describe('serve refuses to start when misconfigured', () => {
  const ok = { dev: false, production: true, host: '0.0.0.0', hasSecret: true, enabledAdmins: 1 };
  it('needs SESSION_SECRET and an enabled admin', () => {
    expect(serveRefusal(ok)).toBeNull();
    expect(serveRefusal({ ...ok, hasSecret: false })).toMatch(/SESSION_SECRET/);
    expect(serveRefusal({ ...ok, enabledAdmins: 0 })).toMatch(/no enabled admin/);
  });
  it('--dev runs without either, on loopback only and never in production', () => {
    const dev = { ...ok, dev: true, production: false, host: '127.0.0.1', hasSecret: false, enabledAdmins: 0 };
    expect(serveRefusal(dev)).toBeNull();
    expect(serveRefusal({ ...dev, host: '0.0.0.0' })).toMatch(/loopback/);
    expect(serveRefusal({ ...dev, production: true })).toMatch(/production/);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });
});
