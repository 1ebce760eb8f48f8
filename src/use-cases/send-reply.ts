/**
 * Sends one recorded reply, at most once:
 *   1. in its own committed transaction, `pending` → `sending` (after the own-address check and
 *      the per-recipient hourly rate limit, which may make it `suppressed`);
 *   2. SMTP;
 *   3. `sent`, or back to `pending` when SMTP certainly did not accept it (retried later),
 *      `failed` when refused for good, `uncertain` when it may have gone.
 * A job that finds `sending` (the process died between 1 and 3) marks it `uncertain` and never
 * sends: staff see it, the center is not mailed twice.
 */
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createOutboundReplyRepository, type OutboundReplyRow, type ReplyStatus } from '../adapters/db/outbound-reply.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { SmtpSendError } from '../adapters/mail/smtp-send-error';
import { requestSubjectKey } from '../domain/tasks';
import { noMetrics, silentLogger, type LoggerPort, type MailerPort, type MetricsPort } from './ports';

export interface SendReplyDeps {
  db: Db;
  cipher: PhiCipher;
  mailer: MailerPort;
  /** SMTP_FROM: the From of every reply, and an address never replied to. */
  from: string;
  ratePerHour: number;
  logger?: LoggerPort;
  metrics?: MetricsPort;
  now?: () => Date;
}

/** SMTP did not take the message and it is safe to try again: the job retries. */
export class ReplyRetryError extends Error {
  override readonly name = 'ReplyRetryError';
  readonly code = 'smtp-retry';
  readonly transient = true;
}

export type SendReplyOutcome = { replyId: string; status: ReplyStatus; sentNow: boolean };

export function sendReply(deps: SendReplyDeps) {
  const { db, cipher, mailer } = deps;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());
  const own = deps.from.toLowerCase();

  return async function run({ replyId }: { replyId: string }): Promise<SendReplyOutcome> {
    // BEGIN, the row with its recipient's lock, the conditional claim (rate limit counted in
    // it), COMMIT: every status change below is conditional on the status read, so a concurrent
    // job for the same row changes nothing twice.
    const claim = await withTransaction(db, async (tx) => {
      const replies = createOutboundReplyRepository({ db: tx });
      const row = await replies.readLockingAddress(replyId);
      if (!row) return { kind: 'gone' as const };
      const moved = async () => ({ kind: 'done' as const, status: (await replies.findById(replyId))?.status ?? ('failed' as const), changed: false });
      if (row.status === 'sending') {
        if (!(await replies.setStatusIf(replyId, 'sending', 'uncertain', 'interrupted-mid-send'))) return moved();
        return { kind: 'done' as const, status: 'uncertain' as const, changed: true };
      }
      if (row.status !== 'pending') return { kind: 'done' as const, status: row.status, changed: false };
      if (row.toAddress.toLowerCase() === own) {
        if (!(await replies.setStatusIf(replyId, 'pending', 'suppressed', 'own-address'))) return moved();
        return { kind: 'done' as const, status: 'suppressed' as const, changed: true };
      }
      const claimed = await replies.claimForSending(replyId, row.toAddress, new Date(now().getTime() - 3_600_000), deps.ratePerHour);
      if (claimed === null) return moved();
      if (claimed === 'suppressed') {
        await flagSuppressed(tx, row);
        return { kind: 'done' as const, status: 'suppressed' as const, changed: true };
      }
      return { kind: 'send' as const, row };
    });

    if (claim.kind === 'gone') return { replyId, status: 'failed', sentNow: false };
    if (claim.kind === 'done') {
      if (claim.changed && (claim.status === 'uncertain' || claim.status === 'suppressed')) metrics.replyFinished(claim.status);
      if (claim.changed) logger.warn({ replyId, status: claim.status }, 'reply not sent');
      return { replyId, status: claim.status, sentNow: false };
    }

    const row = claim.row;
    const replies = createOutboundReplyRepository({ db });
    try {
      await mailer.send({
        from: deps.from,
        to: row.toAddress,
        subject: row.subjectEncrypted ? cipher.decrypt(row.subjectEncrypted).toString('utf8') : 'Re: Verification of benefits request',
        text: row.bodyText,
        messageId: row.messageId,
        inReplyTo: row.inReplyTo,
        references: row.referencesHeader,
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', Precedence: 'auto_reply' },
      });
    } catch (err) {
      const smtp = err instanceof SmtpSendError ? err : new SmtpSendError('unknown', 'ESEND');
      if (smtp.outcome === 'not-sent-retry') {
        await replies.setStatus(replyId, 'pending', smtp.code);
        logger.warn({ replyId, code: smtp.code }, 'SMTP did not accept the reply; will retry');
        throw new ReplyRetryError(smtp.code);
      }
      const status = smtp.outcome === 'refused' ? 'failed' : 'uncertain';
      await replies.setStatus(replyId, status, smtp.code);
      metrics.replyFinished(status);
      logger.error({ replyId, code: smtp.code, status }, 'reply not sent');
      return { replyId, status, sentNow: false };
    }
    await replies.setStatus(replyId, 'sent', null);
    metrics.replyFinished('sent');
    logger.info({ replyId, kind: row.kind }, 'reply sent');
    return { replyId, status: 'sent', sentNow: true };
  };
}

/** The center was not asked: the awaiting task (if any) is opened for staff to call instead. */
async function flagSuppressed(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], row: OutboundReplyRow): Promise<void> {
  const tasks = createStaffTaskRepository({ db: tx });
  const requests = createVobRequestRepository({ db: tx });
  const ids = row.requestId ? [row.requestId] : (await requests.listForMessage(row.inboundMessageId)).map((r) => r.id);
  for (const id of ids) {
    await tasks.reopenWithReason(
      'awaiting-information',
      requestSubjectKey(id),
      'Automatic reply suppressed (per-sender rate limit); contact the center for the missing items',
      2,
      new Date(Date.now() + 4 * 3_600_000),
    );
  }
}

export type SendReply = ReturnType<typeof sendReply>;
