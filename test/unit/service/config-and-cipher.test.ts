import { ConfigError, LAB_STORAGE_KEY, loadConfig } from '../../../src/config';
import { createPhiCipher } from '../../../src/adapters/crypto/phi-cipher';

describe('loadConfig', () => {
  it('defaults to the lab', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://vob:vob@127.0.0.1:5432/vob');
    expect(config.IMAP_PORT).toBe(1143);
    expect(config.SMTP_PORT).toBe(2525);
    expect(config.SMTP_FROM).toBe('verification@vob.test');
    expect(config.PORT).toBe(8080);
    expect(config.QUEUE_PREFIX).toBe('vob');
    expect(config.STORAGE_KEY.equals(Buffer.from(LAB_STORAGE_KEY, 'hex'))).toBe(true);
    expect(config.ALLOWED_SENDER_DOMAINS).toEqual([]);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ IMAP_PORT: 'abc' })).toThrow(/IMAP_PORT/);
    expect(() => loadConfig({ IMAP_TLS: 'maybe' })).toThrow(/IMAP_TLS/);
    expect(() => loadConfig({ STORAGE_KEY: 'short' })).toThrow(/STORAGE_KEY/);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe('DATABASE_URL');
    }
  });

  const SECRET = 's'.repeat(32);

  it('refuses the lab key and a missing key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET })).toThrow(/STORAGE_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, STORAGE_KEY: LAB_STORAGE_KEY })).toThrow(/STORAGE_KEY/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, STORAGE_KEY: key }).STORAGE_KEY).toEqual(Buffer.alloc(32, 7));
  });

  it('requires SESSION_SECRET of 32+ bytes in production, and only there', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', STORAGE_KEY: key })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', STORAGE_KEY: key, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: at least 32 bytes/);
    expect(loadConfig({ NODE_ENV: 'production', STORAGE_KEY: key, SESSION_SECRET: SECRET }).SESSION_SECRET).toEqual(Buffer.from(SECRET));
    expect(loadConfig({}).SESSION_SECRET).toBeNull();
    expect(loadConfig({}).SESSION_IDLE_TIMEOUT_MS).toBe(15 * 60_000);
    expect(loadConfig({}).SESSION_ABSOLUTE_TIMEOUT_MS).toBe(12 * 3_600_000);
    expect(loadConfig({}).HTTP_HOST).toBe('127.0.0.1');
  });

  it('parses sender domains as a lower-case list', () => {
    expect(loadConfig({ ALLOWED_SENDER_DOMAINS: 'Center.test, other.test' }).ALLOWED_SENDER_DOMAINS).toEqual(['center.test', 'other.test']);
  });
});

describe('createPhiCipher', () => {
  const cipher = createPhiCipher({ key: Buffer.alloc(32, 1) });
  it('round-trips with a fresh IV and authenticates', () => {
    const a = cipher.encrypt(Buffer.from('Jane Doe 1990-01-02'));
    const b = cipher.encrypt(Buffer.from('Jane Doe 1990-01-02'));
    expect(a.equals(b)).toBe(false);
    expect(a.length).toBe(12 + 19 + 16);
    expect(cipher.decrypt(a).toString()).toBe('Jane Doe 1990-01-02');
    const tampered = Buffer.from(a);
    tampered[14]! ^= 1;
    expect(() => cipher.decrypt(tampered)).toThrow(/authentication/);
    expect(() => createPhiCipher({ key: Buffer.alloc(32, 2) }).decrypt(a)).toThrow();
  });
  it('lookup keys are stable and keyed', () => {
    expect(cipher.lookupKey('x')).toBe(cipher.lookupKey('x'));
    expect(createPhiCipher({ key: Buffer.alloc(32, 2) }).lookupKey('x')).not.toBe(cipher.lookupKey('x'));
    expect(cipher.decryptJson(cipher.encryptJson({ a: 1 }))).toEqual({ a: 1 });
  });
});
