import { createMailboxAuthStatus } from '../../../src/adapters/mail-auth/mailbox-auth-status';
import { MailAuthError, type TokenProvider } from '../../../src/adapters/mail-auth/token-provider';
import { provisionFrom } from '../../../src/adapters/mail/smtp-mailer';

describe("SMTP: nodemailer's provisionCallback over the token provider", () => {
  it('renew=true forces a new token; a refusal reaches /health, not the log', async () => {
    const asked: boolean[] = [];
    let refuse = false;
    const tokens: TokenProvider = {
      async getToken(force = false) {
        asked.push(force);
        if (refuse) throw new MailAuthError('token-refused', 'invalid_client: secret expired');
        return { accessToken: `tok${asked.length}`, expiresAt: 42 };
      },
    };
    const status = createMailboxAuthStatus();
    const provision = provisionFrom(tokens, status);
    const call = (renew: boolean) => new Promise<[Error | null, string, number]>((r) => provision('v@x.example', renew, (...args) => r(args)));
    expect(await call(false)).toEqual([null, 'tok1', 42]);
    expect(await call(true)).toEqual([null, 'tok2', 42]);
    expect(asked).toEqual([false, true]);
    refuse = true;
    const [err] = await call(true);
    expect((err as Error & { code?: string }).code).toBe('EAUTH');
    expect(status.report()).toMatchObject({ state: 'auth-failed', via: 'smtp', reason: 'invalid_client: secret expired' });
  });
});
