/**
 * nodemailer over SMTP (Postfix in the lab). A pooled transport; STARTTLS when offered. With
 * OAuth2 each pooled connection logs in with XOAUTH2; nodemailer asks `provisionCallback` for
 * the token, and again with renew=true when the server refused it, in the same session.
 */
import nodemailer from 'nodemailer';
import type XOAuth2 from 'nodemailer/lib/xoauth2';
import type { MailerPort } from '../../use-cases/ports';
import type { MailboxAuthStatus } from '../mail-auth/mailbox-auth-status';
import { MailAuthError, type TokenProvider } from '../mail-auth/token-provider';
import { classifySmtpError } from './smtp-send-error';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  user?: string | undefined;
  password?: string | undefined;
  /** Pooled SMTP connections (default 8). */
  maxConnections?: number;
  /** OAuth2: XOAUTH2 as `user` with tokens from here instead of the password. */
  tokens?: TokenProvider | null;
  /** Where refused and good logins are reported (/health's `mailbox`). */
  authStatus?: MailboxAuthStatus;
}

export interface SmtpMailer extends MailerPort {
  verify(): Promise<void>;
  close(): void;
}

const LOOPBACK = /^(127\.|::1$|localhost$)/;

const NO_TOKEN = 'no access token';

type ProvisionCallback = NonNullable<XOAuth2.Options['provisionCallback']>;

/** nodemailer's provisionCallback over the TokenProvider; a refusal is reported, never logged with a token. */
export function provisionFrom(tokens: TokenProvider, authStatus?: MailboxAuthStatus): ProvisionCallback {
  return (_user, renew, callback) => {
    tokens.getToken(renew).then(
      (token) => callback(null, token.accessToken, token.expiresAt),
      (err: unknown) => {
        const reason = err instanceof MailAuthError ? err.reason : 'token provider failed';
        authStatus?.refused('smtp', reason);
        callback(Object.assign(new Error(`${NO_TOKEN}: ${reason}`), { code: 'EAUTH' }), '', 0);
      },
    );
  };
}

function smtpAuth(options: SmtpMailerOptions) {
  if (options.tokens) {
    return { type: 'OAuth2' as const, user: options.user ?? '', provisionCallback: provisionFrom(options.tokens, options.authStatus) };
  }
  return options.user ? { user: options.user, pass: options.password ?? '' } : undefined;
}

export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.port === 465,
    pool: true,
    // Replies are sent by up to `maxConnections` concurrent jobs; a connection carries many
    // messages (a new SMTP session and STARTTLS handshake per 1000, not per 100).
    maxConnections: options.maxConnections ?? 8,
    maxMessages: 1000,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    auth: smtpAuth(options),
    // A token must never cross the wire in clear: OAuth2 sessions insist on TLS (587 STARTTLS).
    requireTLS: Boolean(options.tokens) && options.port !== 465 && !LOOPBACK.test(options.host),
    // The lab's Postfix offers STARTTLS with a self-signed certificate on loopback only.
    tls: { rejectUnauthorized: !LOOPBACK.test(options.host) },
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          inReplyTo: mail.inReplyTo ?? undefined,
          references: mail.references ?? undefined,
          headers: mail.headers,
          // Bounces of automatic mail go to the null sender's equivalent: our own address.
          envelope: { from: mail.from, to: [mail.to] },
        });
        if (options.tokens) options.authStatus?.loggedIn('smtp');
      } catch (err) {
        const failure = classifySmtpError(err);
        // A token the provider would not give was reported with its reason already.
        const providerRefused = err instanceof Error && err.message.startsWith(NO_TOKEN);
        if (options.tokens && failure.code.startsWith('EAUTH') && !providerRefused) options.authStatus?.refused('smtp', `SMTP login refused (${failure.code})`);
        throw failure;
      }
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}
