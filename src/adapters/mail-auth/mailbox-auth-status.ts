/**
 * What /health says about the mailbox login: the poller and the mailer report each OAuth2 login
 * here, and a refused one shows as `mailbox: auth-failed` with the provider's reason until a
 * login succeeds again. The service keeps running meanwhile.
 */
export type MailboxAuthState = 'ok' | 'auth-failed' | 'unknown';

export interface MailboxAuthReport {
  readonly state: MailboxAuthState;
  /** The provider's or server's reason for the last refusal (no token, no secret). */
  readonly reason?: string;
  /** Which side saw it: 'imap' or 'smtp'. */
  readonly via?: 'imap' | 'smtp';
  readonly since?: string;
}

export interface MailboxAuthStatus {
  loggedIn(via: 'imap' | 'smtp'): void;
  refused(via: 'imap' | 'smtp', reason: string): void;
  report(): MailboxAuthReport;
}

export function createMailboxAuthStatus(now: () => Date = () => new Date()): MailboxAuthStatus {
  let current: MailboxAuthReport = { state: 'unknown' };
  return {
    loggedIn(via) {
      // A good SMTP login does not clear an IMAP refusal (or the reverse): only the same side does.
      if (current.state === 'auth-failed' && current.via !== via) return;
      if (current.state !== 'ok') current = { state: 'ok', via, since: now().toISOString() };
    },
    refused(via, reason) {
      if (current.state === 'auth-failed' && current.via === via && current.reason === reason) return;
      current = { state: 'auth-failed', via, reason, since: now().toISOString() };
    },
    report: () => current,
  };
}
