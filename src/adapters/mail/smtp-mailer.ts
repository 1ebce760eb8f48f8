/** nodemailer over SMTP (Postfix in the lab). A pooled transport; STARTTLS when offered. */
import nodemailer from 'nodemailer';
import type { MailerPort } from '../../use-cases/ports';
import { classifySmtpError } from './smtp-send-error';

export interface SmtpMailerOptions {
  host: string;
  port: number;
  user?: string | undefined;
  password?: string | undefined;
  /** Pooled SMTP connections (default 8). */
  maxConnections?: number;
}

export interface SmtpMailer extends MailerPort {
  verify(): Promise<void>;
  close(): void;
}

const LOOPBACK = /^(127\.|::1$|localhost$)/;

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
    auth: options.user ? { user: options.user, pass: options.password ?? '' } : undefined,
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
      } catch (err) {
        throw classifySmtpError(err);
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
