/**
 * The demo's side of the mail lab: sending raw messages through Postfix (SMTP 2525), emptying
 * mailboxes and reading replies back over IMAP (Dovecot 1143; any *.test address logs in with
 * password `test`).
 */
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';

export const LAB = {
  imapHost: '127.0.0.1',
  imapPort: 1143,
  smtpHost: '127.0.0.1',
  smtpPort: 2525,
  password: 'test',
} as const;

function imapClient(address: string): ImapFlow {
  return new ImapFlow({
    host: LAB.imapHost,
    port: LAB.imapPort,
    secure: false,
    doSTARTTLS: false,
    auth: { user: address, pass: LAB.password },
    logger: false,
    connectionTimeout: 10_000,
  });
}

async function withImap<T>(address: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = imapClient(address);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** Deletes every message in every folder of a lab mailbox; returns how many were removed. */
export async function emptyMailbox(address: string): Promise<number> {
  return withImap(address, async (client) => {
    let removed = 0;
    for (const folder of await client.list()) {
      if (folder.flags.has('\\Noselect')) continue;
      const lock = await client.getMailboxLock(folder.path);
      try {
        const exists = client.mailbox ? client.mailbox.exists : 0;
        if (exists > 0) {
          await client.messageDelete('1:*');
          removed += exists;
        }
      } finally {
        lock.release();
      }
    }
    return removed;
  });
}

/** One SMTP session through Postfix for a batch of raw messages (envelope from the sender). */
export async function sendRaw(messages: readonly { sender: string; raw: Buffer }[], to: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: LAB.smtpHost,
    port: LAB.smtpPort,
    secure: false,
    // The lab's Postfix offers STARTTLS with a self-signed certificate; plain SMTP on loopback.
    ignoreTLS: true,
    connectionTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    for (const message of messages) {
      const info = await transport.sendMail({ envelope: { from: message.sender, to: [to] }, raw: message.raw });
      if (info.rejected.length > 0) throw new Error(`Postfix refused the message from ${message.sender}`);
    }
  } finally {
    transport.close();
  }
}

export interface ReadReply {
  uid: number;
  messageId: string | null;
  subject: string;
  from: string;
  inReplyTo: string | null;
  references: string[];
  autoSubmitted: string | null;
  date: Date;
  text: string;
  /** The "we still need" items, one list per client named in the reply. */
  missing: string[][];
}

/** The items listed under each "... we still need:" line of one of our replies. */
export function missingItems(text: string): string[][] {
  const groups: string[][] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/we still need:\s*$/i.test(line)) {
      current = [];
      groups.push(current);
      continue;
    }
    const item = /^\s+-\s+(.+?)\s*$/.exec(line);
    if (item && current) current.push(item[1]!);
    else if (line.trim() !== '') current = null;
  }
  return groups;
}

/** Every message in the INBOX of a lab mailbox, parsed. */
export async function readInbox(address: string): Promise<ReadReply[]> {
  return withImap(address, async (client) => {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const sources: { uid: number; source: Buffer }[] = [];
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const msg of client.fetch('1:*', { uid: true, source: true })) {
          if (msg.source) sources.push({ uid: msg.uid, source: msg.source });
        }
      }
      const out: ReadReply[] = [];
      for (const { uid, source } of sources) {
        const mail = await simpleParser(source, { skipHtmlToText: true, skipImageLinks: true, skipTextToHtml: true });
        const refs = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references];
        const auto = mail.headers.get('auto-submitted');
        const text = mail.text ?? '';
        out.push({
          uid,
          messageId: mail.messageId ?? null,
          subject: mail.subject ?? '',
          from: mail.from?.value[0]?.address ?? '',
          inReplyTo: mail.inReplyTo ?? null,
          references: refs,
          autoSubmitted: typeof auto === 'string' ? auto : null,
          date: mail.date ?? new Date(),
          text,
          missing: missingItems(text),
        });
      }
      return out;
    } finally {
      lock.release();
    }
  });
}
