import { headerBlock } from '../../src/adapters/imap/mailbox-poller';
import { imapLoggerBridge, imapTlsOptions, type ImapConnectionConfig } from '../../src/adapters/imap/imap-client';

const base: ImapConnectionConfig = {
  IMAP_HOST: '127.0.0.1',
  IMAP_PORT: 1143,
  IMAP_USER: 'verification@vob.test',
  IMAP_PASSWORD: 'test',
  IMAP_TLS: 'off',
};
const ca = Buffer.from('-----BEGIN CERTIFICATE-----\n...');
const readCa = (path: string) => {
  expect(path).toBe('/etc/ca.pem');
  return ca;
};

describe('imapTlsOptions', () => {
  it('off: cleartext, and no opportunistic STARTTLS either', () => {
    expect(imapTlsOptions(base)).toEqual({ secure: false, doSTARTTLS: false });
  });
  it('starttls: upgrade required, certificate verified against the CA file', () => {
    const opts = imapTlsOptions({ ...base, IMAP_TLS: 'starttls', IMAP_TLS_CA_FILE: '/etc/ca.pem' }, readCa);
    expect(opts.secure).toBe(false);
    expect(opts.doSTARTTLS).toBe(true);
    expect(opts.tls).toMatchObject({ rejectUnauthorized: true, ca });
  });
  it('tls: implicit TLS, system trust store without a CA file', () => {
    const opts = imapTlsOptions({ ...base, IMAP_TLS: 'tls' });
    expect(opts.secure).toBe(true);
    expect(opts.tls).toMatchObject({ rejectUnauthorized: true });
    expect(opts.tls).not.toHaveProperty('ca');
  });
});

describe('imapLoggerBridge', () => {
  const calls: Array<[string, unknown, unknown]> = [];
  const fake = {
    warn: (obj: unknown, msg: unknown) => calls.push(['warn', obj, msg]),
    error: (obj: unknown, msg: unknown) => calls.push(['error', obj, msg]),
  };
  beforeEach(() => calls.splice(0));

  it('drops debug/info (protocol lines carry envelopes and addresses)', () => {
    const bridge = imapLoggerBridge(fake as never);
    if (!bridge) throw new Error('expected a logger');
    bridge.debug({ msg: 'S: * 1 FETCH (ENVELOPE ("jane.roe@center.test"))' });
    bridge.info({ msg: 'anything' });
    bridge.trace?.({ msg: 'anything' });
    expect(calls).toHaveLength(0);
  });

  it('keeps only codes from warnings and errors, never the message text', () => {
    const bridge = imapLoggerBridge(fake as never);
    if (!bridge) throw new Error('expected a logger');
    bridge.warn({ msg: 'Failed for jane.roe@center.test', cid: 'abc', err: { code: 'NoConnection', message: 'jane.roe@center.test' } });
    bridge.error({ msg: 'x', code: 'ETIMEDOUT', subject: 'Jane Roe DOB 01/02/1980' });
    expect(JSON.stringify(calls)).not.toMatch(/jane|roe|1980/i);
    expect(calls[0]![1]).toEqual({ component: 'imapflow', cid: 'abc', errCode: 'NoConnection' });
    expect(calls[1]![1]).toEqual({ component: 'imapflow', code: 'ETIMEDOUT' });
  });

  it('false stays false (imapflow logging off)', () => {
    expect(imapLoggerBridge(false)).toBe(false);
  });
});

describe('headerBlock', () => {
  it('cuts at the first blank line (CRLF or LF)', () => {
    expect(headerBlock(Buffer.from('A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore')).toString()).toBe('A: 1\r\nB: 2\r\n\r\n');
    expect(headerBlock(Buffer.from('A: 1\n\nbody')).toString()).toBe('A: 1\n\n');
  });
  it('is the whole when there is no body', () => {
    expect(headerBlock(Buffer.from('A: 1\r\n')).toString()).toBe('A: 1\r\n');
  });
});
