/**
 * An ingested message → contract document → requests, tasks and (at most) one reply row, all in
 * one transaction keyed by natural keys, so a job that runs twice does nothing twice. An answer
 * from the center completes its open request instead of opening a new one.
 */
import { randomBytes } from 'node:crypto';
import type { VobDocument, VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import type { PoolClient } from 'pg';
import { createInboundMessageRepository } from '../adapters/db/inbound-message.repository';
import { createOutboundReplyRepository } from '../adapters/db/outbound-reply.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createVobRequestRepository } from '../adapters/db/vob-request.repository';
import { MessageRejectedError } from '../adapters/message-rejected-error';
import { ExtractionError } from '../adapters/extraction/extraction-errors';
import { applyAnswer, clientKeyMaterial, matchAnswers, replyAfterAnswers } from '../domain/answer-matching';
import { buildMissingFieldsReply } from '../domain/reply-text';
import { isReviewCode, planRequestTasks, requestStatus, requestSubjectKey, reviewMessageTask, reviewReason, type ChaseState, type ReviewCode } from '../domain/tasks';
import { enqueueBestEffort, noMetrics, silentLogger, type ExtractorPort, type LoggerPort, type MessageThread, type MetricsPort, type WorkQueuePort } from './ports';

export interface ProcessExtractionDeps {
  db: Db;
  cipher: PhiCipher;
  extractor: ExtractorPort;
  queue: WorkQueuePort;
  /** The domain of our own address, for reply Message-IDs. */
  ownDomain: string;
  /** Closing line of automatic replies. */
  signature?: string;
  reminderAfterHours: number;
  /** Extraction attempts (across crashes and retries) before the message is set aside. */
  maxAttempts?: number;
  logger?: LoggerPort;
  metrics?: MetricsPort;
  now?: () => Date;
}

export type ProcessExtractionOutcome =
  | { outcome: 'skipped'; reason: 'not-found' | 'not-pending' }
  | { outcome: 'needs-review'; code: ReviewCode }
  | { outcome: 'extracted'; requestIds: string[]; answeredRequestIds: string[]; replyId: string | null };

export const DEFAULT_SIGNATURE = 'Verification of Benefits team\n(This is an automatic message.)';

export function processExtraction(deps: ProcessExtractionDeps) {
  const { db, cipher, extractor, queue } = deps;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());
  const maxAttempts = deps.maxAttempts ?? 5;
  const signature = deps.signature ?? DEFAULT_SIGNATURE;

  const setAside = async (id: string, code: ReviewCode): Promise<ProcessExtractionOutcome> => {
    const changed = await withTransaction(db, async (tx) => {
      const messages = createInboundMessageRepository({ db: tx });
      const row = await messages.lockById(id);
      if (!row || row.status !== 'received') return false;
      await messages.markNeedsReview(id, code, reviewReason(code));
      await createStaffTaskRepository({ db: tx }).upsert(reviewMessageTask({ inboundMessageId: id, code, now: now() }));
      return true;
    });
    logger.warn({ inboundMessageId: id, code, changed }, 'message set aside for staff review');
    return changed ? { outcome: 'needs-review', code } : { outcome: 'skipped', reason: 'not-pending' };
  };

  return async function run({ inboundMessageId }: { inboundMessageId: string }): Promise<ProcessExtractionOutcome> {
    const messages = createInboundMessageRepository({ db });
    // The row and its attempt count in one round trip; a second look only to name the skip.
    const row = await messages.claimForExtraction(inboundMessageId);
    if (!row) {
      const existing = await messages.findById(inboundMessageId);
      return { outcome: 'skipped', reason: existing ? 'not-pending' : 'not-found' };
    }
    if (row.attempts > maxAttempts) return setAside(inboundMessageId, 'extraction-failed');

    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let extracted: { document: VobDocument; thread: MessageThread };
    try {
      if (!row.rawEncrypted) throw new MessageRejectedError('not-a-message', 'no stored message bytes');
      extracted = await extractor.extract(cipher.decrypt(row.rawEncrypted));
    } catch (err) {
      if ((err instanceof MessageRejectedError || err instanceof ExtractionError) && isReviewCode(err.code)) {
        metrics.extractionObserved(seconds(), 'needs-review');
        return setAside(inboundMessageId, err.code);
      }
      metrics.extractionObserved(seconds(), 'retry');
      throw err;
    }

    // The card reader refuses an image bomb before decoding it and extraction carries on, but
    // the message is hostile: set it aside for staff like a MIME bomb, never answered.
    if (extracted.document.attachmentErrors.some((e) => e.code === 'image-too-large')) {
      metrics.extractionObserved(seconds(), 'needs-review');
      return setAside(inboundMessageId, 'image-too-large');
    }

    const result = await withTransaction(db, (tx) => store(tx, inboundMessageId, extracted));
    metrics.extractionObserved(seconds(), 'extracted');
    if (result.outcome !== 'extracted') return result;
    logger.info(
      {
        inboundMessageId,
        requests: result.requestIds.length,
        answered: result.answeredRequestIds.length,
        replyId: result.replyId,
      },
      'message extracted',
    );
    if (result.replyId) {
      const replyId = result.replyId;
      await enqueueBestEffort(logger, 'send-reply', replyId, () => queue.enqueueSendReply(replyId));
    }
    return { outcome: 'extracted', requestIds: result.requestIds, answeredRequestIds: result.answeredRequestIds, replyId: result.replyId };
  };

  async function store(
    tx: PoolClient,
    inboundMessageId: string,
    { document, thread }: { document: VobDocument; thread: MessageThread },
  ): Promise<
    | { outcome: 'skipped'; reason: 'not-found' | 'not-pending' }
    | { outcome: 'extracted'; requestIds: string[]; answeredRequestIds: string[]; replyId: string | null }
  > {
    const messages = createInboundMessageRepository({ db: tx });
    const requests = createVobRequestRepository({ db: tx });
    const replies = createOutboundReplyRepository({ db: tx });
    const tasks = createStaffTaskRepository({ db: tx });
    const at = now();

    // The status only (the stored bytes were read by the claim), the row locked until commit.
    const status = await messages.lockStatus(inboundMessageId);
    if (!status) return { outcome: 'skipped', reason: 'not-found' };
    if (status !== 'received') return { outcome: 'skipped', reason: 'not-pending' };

    const clientKeys = document.requests.map((r) => {
      const material = clientKeyMaterial(r.client.name, r.client.dob);
      return material === null ? null : cipher.lookupKey(material);
    });
    const threadIds = [...new Set([thread.inReplyTo, ...thread.references].filter((v): v is string => !!v))];
    const candidates =
      document.requests.length > 0
        ? await requests.findAnswerCandidates(threadIds, clientKeys.filter((k): k is string => k !== null))
        : [];
    const matches = matchAnswers({
      from: document.from,
      requests: document.requests.map((_, index) => ({ index, clientKey: clientKeys[index] ?? null })),
      candidates,
    });
    const openRows = new Map((await requests.lockMany(matches.map((m) => m.requestId))).map((r) => [r.id, r]));

    // The final state of every request this message speaks about, in message order.
    const finals: { requestId: string | null; index: number; request: VobRequest; clientKey: string | null; answered: boolean }[] = [];
    document.requests.forEach((request, index) => {
      const match = matches.find((m) => m.index === index);
      const open = match ? openRows.get(match.requestId) : undefined;
      if (match && open && open.status === 'awaiting-information') {
        const merged = applyAnswer(cipher.decryptJson<VobRequest>(open.requestEncrypted), request);
        const material = clientKeyMaterial(merged.client.name, merged.client.dob);
        finals.push({ requestId: open.id, index, request: merged, clientKey: material ? cipher.lookupKey(material) : null, answered: true });
      } else {
        finals.push({ requestId: null, index, request, clientKey: clientKeys[index] ?? null, answered: false });
      }
    });

    const decision = replyAfterAnswers(document.reply, finals.map((f) => f.request));
    const willReply = decision.send && document.from !== null;
    const chase: ChaseState = willReply ? { kind: 'replied' } : { kind: 'not-replied', reason: decision.reason };
    const reminderAt = new Date(at.getTime() + deps.reminderAfterHours * 3_600_000);

    const requestIds: string[] = [];
    const answeredRequestIds: string[] = [];
    for (const final of finals) {
      const status = requestStatus(final.request);
      const state = {
        status,
        requestEncrypted: cipher.encryptJson(final.request),
        clientKey: final.clientKey,
        missingFields: final.request.missingFields,
        conflictCount: final.request.conflicts.length,
        nextReminderAt: status === 'awaiting-information' && willReply ? reminderAt : null,
      };
      let requestId: string;
      // A request row this transaction created has no tasks yet: nothing to close.
      let fresh = false;
      if (final.requestId) {
        requestId = final.requestId;
        await requests.update(requestId, state);
        await requests.addAnswer(requestId, inboundMessageId);
        answeredRequestIds.push(requestId);
      } else {
        const stored = await requests.insertOrFind({ ...state, inboundMessageId, requestIndex: final.index, fromAddress: document.from });
        requestId = stored.id;
        fresh = stored.inserted;
      }
      requestIds.push(requestId);
      const plan = planRequestTasks({
        requestId,
        inboundMessageId,
        request: final.request,
        chase,
        now: at,
        reminderAfterHours: deps.reminderAfterHours,
      });
      for (const spec of plan.upsert) await tasks.upsert(spec);
      if (!fresh) for (const kind of plan.close) await tasks.close(kind, requestSubjectKey(requestId), 'system:answer');
    }

    let replyId: string | null = null;
    if (willReply) {
      const reply = buildMissingFieldsReply(
        { messageId: thread.messageId, references: thread.references, subject: thread.subject, from: document.from! },
        finals.map((f) => f.request.missingFields),
        signature,
      );
      const stored = await replies.insertIfNew({
        inboundMessageId,
        requestId: finals.length === 1 ? (requestIds[0] ?? null) : null,
        kind: 'missing-fields',
        replyKey: '',
        toAddress: reply.to,
        messageIdPrefix: '<reply-',
        messageIdSuffix: `-${randomBytes(6).toString('hex')}@${deps.ownDomain}>`,
        subjectEncrypted: cipher.encrypt(Buffer.from(reply.subject, 'utf8')),
        bodyText: reply.text,
        inReplyTo: reply.inReplyTo,
        referencesHeader: reply.references.length > 0 ? reply.references.join(' ') : null,
      });
      replyId = stored.id;
    }

    await messages.markExtracted(inboundMessageId, {
      documentEncrypted: cipher.encryptJson(document),
      replySend: willReply,
      replyReason: decision.reason,
    });
    return { outcome: 'extracted', requestIds, answeredRequestIds, replyId };
  }
}

export type ProcessExtraction = ReturnType<typeof processExtraction>;
