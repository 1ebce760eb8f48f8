/**
 * A reminder to the center while a request still waits on it: one outbound_reply row per
 * (request, reminder number) — kind 'reminder', reply_key 'request-<id>-<n>' — then the normal
 * at-most-once send. After the last reminder the awaiting task is opened for staff to call.
 */
import { randomBytes } from 'node:crypto';
import type { VobDocument } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import { createInboundMessageRepository } from '../adapters/db/inbound-message.repository';
import { createOutboundReplyRepository } from '../adapters/db/outbound-reply.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { buildMissingFieldsReply } from '../domain/reply-text';
import { planRequestTasks } from '../domain/tasks';
import { DEFAULT_SIGNATURE } from './process-extraction';
import { enqueueBestEffort, silentLogger, type LoggerPort, type WorkQueuePort } from './ports';

export interface SendReminderDeps {
  db: Db;
  cipher: PhiCipher;
  queue: WorkQueuePort;
  ownDomain: string;
  reminderAfterHours: number;
  /** Reminders mailed before the task goes to staff. */
  maxReminders?: number;
  signature?: string;
  /** The admins' signature (cached briefly); holds over `signature` when given. */
  settings?: { current(): Promise<{ replySignature: string }> };
  logger?: LoggerPort;
  now?: () => Date;
}

export type SendReminderOutcome =
  | { outcome: 'skipped'; reason: 'not-found' | 'not-awaiting' | 'stale' | 'not-due' }
  | { outcome: 'queued'; replyId: string }
  | { outcome: 'handed-to-staff' };

export function sendReminder(deps: SendReminderDeps) {
  const { db, cipher, queue } = deps;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const maxReminders = deps.maxReminders ?? 2;
  const defaultSignature = deps.signature ?? DEFAULT_SIGNATURE;
  const intervalMs = deps.reminderAfterHours * 3_600_000;

  return async function run({ requestId, reminderNumber }: { requestId: string; reminderNumber: number }): Promise<SendReminderOutcome> {
    const signature = deps.settings ? (await deps.settings.current()).replySignature : defaultSignature;
    const result = await withTransaction(db, async (tx): Promise<SendReminderOutcome> => {
      const requests = createVobRequestRepository({ db: tx });
      const replies = createOutboundReplyRepository({ db: tx });
      const tasks = createStaffTaskRepository({ db: tx });
      const request = await requests.lockById(requestId);
      if (!request) return { outcome: 'skipped', reason: 'not-found' };
      if (request.status !== 'awaiting-information' || request.nextReminderAt === null) return { outcome: 'skipped', reason: 'not-awaiting' };
      if (request.reminderCount + 1 !== reminderNumber) return { outcome: 'skipped', reason: 'stale' };
      const at = now();
      if (request.nextReminderAt.getTime() > at.getTime() + 1000) return { outcome: 'skipped', reason: 'not-due' };

      const plan = planRequestTasks({
        requestId,
        inboundMessageId: request.inboundMessageId,
        request: { missingFields: request.missingFields, conflicts: [] },
        chase: reminderNumber > maxReminders ? { kind: 'reminders-exhausted', reminders: maxReminders } : { kind: 'replied' },
        now: at,
        reminderAfterHours: deps.reminderAfterHours,
      });
      const awaiting = plan.upsert.find((t) => t.kind === 'awaiting-information');
      if (reminderNumber > maxReminders || !request.fromAddress) {
        await requests.setReminder(requestId, request.reminderCount, null);
        if (awaiting) await tasks.upsert(awaiting);
        return { outcome: 'handed-to-staff' };
      }

      const inbound = await createInboundMessageRepository({ db: tx }).findById(request.inboundMessageId);
      const document = inbound?.documentEncrypted ? cipher.decryptJson<VobDocument>(inbound.documentEncrypted) : null;
      const earlier = await replies.listForMessage(request.inboundMessageId);
      const references = [
        ...(inbound?.messageId ? [inbound.messageId] : []),
        ...earlier.filter((r) => r.status === 'sent').map((r) => r.messageId),
      ];
      const reply = buildMissingFieldsReply(
        { messageId: references[references.length - 1] ?? null, references: references.slice(0, -1), subject: document?.subject ?? null, from: request.fromAddress },
        [request.missingFields],
        signature,
      );
      const stored = await replies.insertIfNew({
        inboundMessageId: request.inboundMessageId,
        requestId,
        kind: 'reminder',
        replyKey: `request-${requestId}-${reminderNumber}`,
        toAddress: reply.to,
        messageIdPrefix: '<reminder-',
        messageIdSuffix: `-${randomBytes(6).toString('hex')}@${deps.ownDomain}>`,
        subjectEncrypted: cipher.encrypt(Buffer.from(reply.subject, 'utf8')),
        bodyText: reply.text,
        inReplyTo: reply.inReplyTo,
        referencesHeader: reply.references.length > 0 ? reply.references.join(' ') : null,
      });
      await requests.setReminder(requestId, reminderNumber, new Date(at.getTime() + intervalMs));
      if (awaiting) await tasks.upsert(awaiting);
      return { outcome: 'queued', replyId: stored.id };
    });

    if (result.outcome === 'queued') {
      const replyId = result.replyId;
      // The next reminder (next_reminder_at, set above) is enqueued by the due-reminder scan.
      await enqueueBestEffort(logger, 'send-reply', replyId, () => queue.enqueueSendReply(replyId));
      logger.info({ requestId, reminderNumber, replyId }, 'reminder queued');
      return { outcome: 'queued', replyId };
    }
    if (result.outcome === 'handed-to-staff') logger.info({ requestId, reminderNumber }, 'reminders exhausted; task opened for staff');
    return result.outcome === 'handed-to-staff' ? { outcome: 'handed-to-staff' } : result;
  };
}

export type SendReminder = ReturnType<typeof sendReminder>;
