import { effectiveSettings, senderAllowed, settingsFromForm, settingsSchema } from '../../../src/domain/service-settings';

const defaults = { allowedSenderDomains: ['env.test'], replySignature: 'Default team' };

describe('service settings', () => {
  it('the stored value holds where an admin set one, else the default', () => {
    expect(effectiveSettings({ allowedSenderDomains: null, replySignature: null }, defaults)).toEqual(defaults);
    expect(effectiveSettings({ allowedSenderDomains: [], replySignature: 'Ours' }, defaults)).toEqual({ allowedSenderDomains: [], replySignature: 'Ours' });
  });

  it('reads the form: domains by line or comma, lower-cased; an empty signature is the default', () => {
    const parsed = settingsSchema.parse(settingsFromForm({ allowedSenderDomains: 'A.test\r\nb.test, c.test\n\n', replySignature: '  ' }, defaults));
    expect(parsed).toEqual({ allowedSenderDomains: ['a.test', 'b.test', 'c.test'], replySignature: 'Default team' });
    expect(settingsSchema.parse(settingsFromForm({ allowedSenderDomains: '', replySignature: 'Line 1\r\nLine 2' }, defaults)).replySignature).toBe('Line 1\nLine 2');
  });

  it('refuses what is not a domain name', () => {
    for (const d of ['a b.test', 'http://x.test', '@x.test', 'x', '-x.test']) expect(settingsSchema.safeParse({ allowedSenderDomains: [d], replySignature: 'x' }).success).toBe(false);
  });

  it('an empty allowlist allows everyone; else the domain or its subdomains only', () => {
    expect(senderAllowed('a@any.test', [])).toBe(true);
    expect(senderAllowed('a@center.test', ['center.test'])).toBe(true);
    expect(senderAllowed('a@East.Center.test', ['center.test'])).toBe(true);
    expect(senderAllowed('a@evilcenter.test', ['center.test'])).toBe(false);
    expect(senderAllowed('a@center.test.evil', ['center.test'])).toBe(false);
    expect(senderAllowed(null, ['center.test'])).toBe(false);
  });
});
