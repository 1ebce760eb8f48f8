/**
 * An ingested message → contract document → requests, tasks and (at most) one reply row, all in
 * one transaction keyed by natural keys, so a job that runs twice does nothing twice. An answer
 * from the center completes its open request instead of opening a new one. Concurrent jobs
 * share that transaction (group commit), with multi-row statements.
 */
import { randomBytes } from 'node:crypto';
import type { VobDocument, VobRequest } from '../../schemas/vob-record';
import type { PhiCipher } from '../adapters/crypto/phi-cipher';
import { withTransaction, type Db } from '../adapters/db/db-pool';
import type { PoolClient } from 'pg';
import { createInboundMessageRepository, type InboundMessageRow } from '../adapters/db/inbound-message.repository';
import { createOutboundReplyRepository } from '../adapters/db/outbound-reply.repository';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createVobRequestRepository, type VobRequestRepository } from '../adapters/db/vob-request.repository';
import { indexRequests, nameKeysOf } from './search-requests';
import { MessageRejectedError } from '../adapters/message-rejected-error';
import { ExtractionError } from '../adapters/extraction/extraction-errors';
import { applyAnswer, candidatesFor, clientKeyMaterial, matchAnswers, replyAfterAnswers, type AnswerMatch } from '../domain/answer-matching';
import { domainOf } from '../domain/email-address';
import { namesClient, relatedMessageTask, type MessageRelation } from '../domain/related-mail';
import { buildMissingFieldsReply } from '../domain/reply-text';
import { isReviewCode, planRequestTasks, unlistedSenderTask, requestStatus, requestSubjectKey, reviewMessageTask, reviewReason, type ChaseState, type ReviewCode, type TaskSpec } from '../domain/tasks';
import { createMicroBatcher } from '../shared/micro-batcher';
import { enqueueBestEffort, noMetrics, silentLogger, type ExtractorPort, type LoggerPort, type MessageThread, type MetricsPort, type WorkQueuePort } from './ports';
import { senderAllowed, type ServiceSettings } from '../domain/service-settings';

export interface ProcessExtractionDeps {
  db: Db;
  cipher: PhiCipher;
  extractor: ExtractorPort;
  queue: WorkQueuePort;
  /** The domain of our own address, for reply Message-IDs. */
  ownDomain: string;
  /** Closing line of automatic replies (the settings' signature holds when settings are given). */
  signature?: string;
  /** The admins' sender allowlist and signature (cached briefly); without it, deps.signature and no allowlist here. */
  settings?: { current(): Promise<ServiceSettings> };
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

/** An extracted message waiting to be stored. */
interface StoreItem {
  inboundMessageId: string;
  document: VobDocument;
  thread: MessageThread;
  /** The sender is not on the allowlist: no reply, a review task. */
  unlistedSender?: boolean;
}

/** Decisions that already say no reply, before the sender is looked at (RFC 3834 care, our own addresses). */
const NOT_ANSWERED_ANYWAY: ReadonlySet<string> = new Set(['auto-submitted', 'bulk-or-list', 'sender-not-allowed']);

type StoreResult =
  | { outcome: 'skipped'; reason: 'not-found' | 'not-pending' }
  | { outcome: 'extracted'; requestIds: string[]; answeredRequestIds: string[]; replyId: string | null };

/** A request's final state: `requestId` set when the message answers that open request. */
interface Final {
  requestId: string | null;
  index: number;
  request: VobRequest;
  clientKey: string | null;
}

/**
 * Concurrent jobs share claims and stores (group commit): up to BATCH_SIZE messages per
 * transaction, BATCHES_IN_FLIGHT transactions at once, so a backlog costs a few round trips per
 * batch instead of nine per message, while a lone message is stored at once.
 */
const BATCH_SIZE = 32;
const BATCHES_IN_FLIGHT = 2;

/** A message naming a client joins a request of the same center from at most this many days ago. */
const RELATED_WITHIN_DAYS = 90;

export const DEFAULT_SIGNATURE = 'Verification of Benefits team\n(This is an automatic message.)';

export function processExtraction(deps: ProcessExtractionDeps) {
  const { db, cipher, extractor, queue } = deps;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? noMetrics;
  const now = deps.now ?? (() => new Date());
  const maxAttempts = deps.maxAttempts ?? 5;
  const defaultSignature = deps.signature ?? DEFAULT_SIGNATURE;

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

  const claimBatch = createMicroBatcher<string, InboundMessageRow | null>({
    maxBatch: BATCH_SIZE,
    maxInFlight: BATCHES_IN_FLIGHT,
    async run(ids) {
      // The same id twice in a batch (a job run twice at once) is claimed once; both get the row.
      const rows = await createInboundMessageRepository({ db }).claimForExtraction([...new Set(ids)]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  });
  const storeBatch = createMicroBatcher<StoreItem, StoreResult | 'deferred'>({
    maxBatch: BATCH_SIZE,
    maxInFlight: BATCHES_IN_FLIGHT,
    run: (items) => withTransaction(db, (tx) => storeGroup(tx, items)),
  });

  return async function run({ inboundMessageId }: { inboundMessageId: string }): Promise<ProcessExtractionOutcome> {
    // The row and its attempt count (with other jobs' claims in one round trip); a second look
    // only to name the skip.
    const row = await claimBatch(inboundMessageId);
    if (!row) {
      const existing = await createInboundMessageRepository({ db }).findById(inboundMessageId);
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

    // The allowlist admins set: a sender not on it gets no automatic reply but a review task.
    const allowlist = deps.settings ? (await deps.settings.current()).allowedSenderDomains : [];
    const unlistedSender = !NOT_ANSWERED_ANYWAY.has(extracted.document.reply.reason) && !senderAllowed(extracted.document.from, allowlist);
    if (unlistedSender) extracted = { ...extracted, document: { ...extracted.document, reply: { send: false, reason: 'sender-not-allowed' } } };

    // A message that may answer another of its batch waits for a later batch, which sees that
    // one's requests; every batch stores its first message, so this ends.
    let result: StoreResult | 'deferred';
    do result = await storeBatch({ inboundMessageId, ...extracted, unlistedSender });
    while (result === 'deferred');
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
    return result;
  };

  /** One transaction for a batch; never defers the first message it stores. */
  async function storeGroup(tx: PoolClient, items: readonly StoreItem[]): Promise<(StoreResult | 'deferred')[]> {
    const messages = createInboundMessageRepository({ db: tx });
    const requests = createVobRequestRepository({ db: tx });
    const replies = createOutboundReplyRepository({ db: tx });
    const tasks = createStaffTaskRepository({ db: tx });
    const at = now();
    const signature = deps.settings ? (await deps.settings.current()).replySignature : defaultSignature;
    const out: (StoreResult | 'deferred')[] = new Array<StoreResult | 'deferred'>(items.length);

    // The statuses only (the stored bytes were read by the claim), the rows locked until commit.
    const statuses = await messages.lockStatuses(items.map((item) => item.inboundMessageId));

    interface Active {
      slot: number;
      item: StoreItem;
      clientKeys: (string | null)[];
      threadIds: string[];
    }
    const active: Active[] = [];
    const seenIds = new Set<string>();
    const seenMessageIds = new Set<string>();
    const seenClientKeys = new Set<string>();
    items.forEach((item, slot) => {
      const status = statuses.get(item.inboundMessageId);
      if (!status) return void (out[slot] = { outcome: 'skipped', reason: 'not-found' });
      if (status !== 'received') return void (out[slot] = { outcome: 'skipped', reason: 'not-pending' });
      const clientKeys = item.document.requests.map((r) => {
        const material = clientKeyMaterial(r.client.name, r.client.dob);
        return material === null ? null : cipher.lookupKey(material);
      });
      const threadIds = [...new Set([item.thread.inReplyTo, ...item.thread.references].filter((v): v is string => !!v))];
      const dependent =
        seenIds.has(item.inboundMessageId) ||
        threadIds.some((id) => seenMessageIds.has(id)) ||
        clientKeys.some((k) => k !== null && seenClientKeys.has(k));
      if (dependent) return void (out[slot] = 'deferred');
      active.push({ slot, item, clientKeys, threadIds });
      seenIds.add(item.inboundMessageId);
      if (item.thread.messageId) seenMessageIds.add(item.thread.messageId);
      for (const k of clientKeys) if (k !== null) seenClientKeys.add(k);
    });

    const asking = active.filter((a) => a.item.document.requests.length > 0);
    const openRows =
      asking.length > 0
        ? await requests.findAnswerCandidates(
            [...new Set(asking.flatMap((a) => a.threadIds))],
            [...new Set(asking.flatMap((a) => a.clientKeys.filter((k): k is string => k !== null)))],
          )
        : [];
    const matched = new Set<string>();
    const storing: (Active & { matches: AnswerMatch[] })[] = [];
    for (const a of active) {
      const matches = matchAnswers({
        from: a.item.document.from,
        requests: a.item.document.requests.map((_, index) => ({ index, clientKey: a.clientKeys[index] ?? null })),
        candidates: candidatesFor(a, openRows),
      });
      // Two answers to one open request in one batch: the later waits and sees the first's result.
      if (storing.length > 0 && matches.some((m) => matched.has(m.requestId))) {
        out[a.slot] = 'deferred';
        continue;
      }
      for (const m of matches) matched.add(m.requestId);
      storing.push({ ...a, matches });
    }
    const locked = new Map((await requests.lockMany([...matched])).map((r) => [r.id, r]));

    // The final state of every request each message speaks about, in message order.
    const reminderAt = new Date(at.getTime() + deps.reminderAfterHours * 3_600_000);
    const plans = storing.map((a) => {
      const { document } = a.item;
      const finals: Final[] = document.requests.map((request, index) => {
        const match = a.matches.find((m) => m.index === index);
        const open = match ? locked.get(match.requestId) : undefined;
        if (match && open && open.status === 'awaiting-information') {
          const merged = applyAnswer(cipher.decryptJson<VobRequest>(open.requestEncrypted), request);
          const material = clientKeyMaterial(merged.client.name, merged.client.dob);
          return { requestId: open.id, index, request: merged, clientKey: material ? cipher.lookupKey(material) : null };
        }
        return { requestId: null, index, request, clientKey: a.clientKeys[index] ?? null };
      });
      const decision = replyAfterAnswers(document.reply, finals.map((f) => f.request));
      const willReply = decision.send && document.from !== null;
      // A held reply tells staff what was uncertain (field names and line numbers, no values).
      const notReplied = decision.review ? `held for review: ${decision.review.join('; ')}` : decision.reason;
      const chase: ChaseState = willReply ? { kind: 'replied' } : { kind: 'not-replied', reason: notReplied };
      const states = finals.map((f) => {
        const status = requestStatus(f.request);
        return {
          status,
          requestEncrypted: cipher.encryptJson(f.request),
          clientKey: f.clientKey,
          missingFields: f.request.missingFields,
          conflictCount: f.request.conflicts.length,
          nextReminderAt: status === 'awaiting-information' && willReply ? reminderAt : null,
        };
      });
      return { ...a, finals, states, decision, willReply, chase };
    });

    // Answers update their open requests (rare: a row at a time); new requests in one statement.
    for (const plan of plans) {
      for (const [k, f] of plan.finals.entries()) {
        if (!f.requestId) continue;
        await requests.update(f.requestId, plan.states[k]!);
        await requests.addAnswer(f.requestId, plan.item.inboundMessageId);
      }
    }
    const newRows = plans.flatMap((plan) =>
      plan.finals.flatMap((f, k) =>
        f.requestId
          ? []
          : [{ ...plan.states[k]!, inboundMessageId: plan.item.inboundMessageId, requestIndex: f.index, fromAddress: plan.item.document.from }],
      ),
    );
    const inserted = await requests.insertOrFind(newRows);
    let next = 0;
    const stored = plans.map((plan) =>
      plan.finals.map((f) => {
        // A request row this transaction created has no tasks yet: nothing to close.
        if (f.requestId) return { requestId: f.requestId, fresh: false, answered: true };
        const row = inserted[next++]!;
        return { requestId: row.id, fresh: row.inserted, answered: false };
      }),
    );
    // Search keys for every request this transaction wrote (new rows and answered ones).
    await indexRequests(
      tx,
      cipher,
      plans.flatMap((plan, p) =>
        plan.finals.flatMap((f, k) => {
          const { requestId, fresh, answered } = stored[p]![k]!;
          return fresh || answered ? [{ requestId, request: f.request }] : [];
        }),
      ),
    );

    const taskSpecs = new Map<string, TaskSpec>();
    const closes: { kind: TaskSpec['kind']; subjectKey: string }[] = [];
    plans.forEach((plan, p) => {
      plan.finals.forEach((f, k) => {
        const { requestId, fresh } = stored[p]![k]!;
        const taskPlan = planRequestTasks({
          requestId,
          inboundMessageId: plan.item.inboundMessageId,
          request: f.request,
          chase: plan.chase,
          now: at,
          reminderAfterHours: deps.reminderAfterHours,
        });
        for (const spec of taskPlan.upsert) taskSpecs.set(`${spec.kind}\u0000${spec.subjectKey}`, spec);
        if (!fresh) for (const kind of taskPlan.close) closes.push({ kind, subjectKey: requestSubjectKey(requestId) });
      });
      if (plan.item.unlistedSender) {
        const spec = unlistedSenderTask({ inboundMessageId: plan.item.inboundMessageId, now: at });
        taskSpecs.set(`${spec.kind}\u0000${spec.subjectKey}`, spec);
      }
    });
    // Mail about a request that is not one joins the thread of the request it belongs to, and
    // asks staff for what it wants (an unlisted sender's review task stays the one task).
    for (const plan of plans) {
      const relation = plan.item.thread.relation;
      if (!relation || plan.item.document.requests.length > 0) continue;
      const joined = await relatedRequests(requests, plan, relation);
      for (const j of joined) await requests.addRelated(j.requestId, plan.item.inboundMessageId, relation.intent, j.matchedBy);
      const spec = relatedMessageTask({ inboundMessageId: plan.item.inboundMessageId, requestId: joined[0]?.requestId ?? null, intent: relation.intent, now: at });
      if (spec && !taskSpecs.has(`${spec.kind}\u0000${spec.subjectKey}`)) taskSpecs.set(`${spec.kind}\u0000${spec.subjectKey}`, spec);
    }
    await tasks.upsertMany([...taskSpecs.values()]);
    for (const c of closes) await tasks.close(c.kind, c.subjectKey, 'system:answer');

    const replying = plans.flatMap((plan, p) => (plan.willReply ? [{ plan, requestIds: stored[p]!.map((s) => s.requestId) }] : []));
    const replyRows = await replies.insertManyIfNew(
      replying.map(({ plan, requestIds }) => {
        const { document, thread } = plan.item;
        const reply = buildMissingFieldsReply(
          { messageId: thread.messageId, references: thread.references, subject: thread.subject, from: document.from! },
          plan.finals.map((f) => f.request.missingFields),
          signature,
        );
        return {
          inboundMessageId: plan.item.inboundMessageId,
          requestId: requestIds.length === 1 ? requestIds[0]! : null,
          kind: 'missing-fields' as const,
          replyKey: '',
          toAddress: reply.to,
          messageIdPrefix: '<reply-',
          messageIdSuffix: `-${randomBytes(6).toString('hex')}@${deps.ownDomain}>`,
          subjectEncrypted: cipher.encrypt(Buffer.from(reply.subject, 'utf8')),
          bodyText: reply.text,
          inReplyTo: reply.inReplyTo,
          referencesHeader: reply.references.length > 0 ? reply.references.join(' ') : null,
        };
      }),
    );
    const replyIdBySlot = new Map(replying.map(({ plan }, i) => [plan.slot, replyRows[i]!.id]));

    await messages.markExtracted(
      plans.map((plan) => ({
        id: plan.item.inboundMessageId,
        documentEncrypted: cipher.encryptJson(plan.item.document),
        replySend: plan.willReply,
        replyReason: plan.decision.reason,
      })),
    );

    plans.forEach((plan, p) => {
      const ids = stored[p]!;
      out[plan.slot] = {
        outcome: 'extracted',
        requestIds: ids.map((s) => s.requestId),
        answeredRequestIds: ids.filter((s) => s.answered).map((s) => s.requestId),
        replyId: replyIdBySlot.get(plan.slot) ?? null,
      };
    });
    return out;
  }

  /**
   * The open requests a non-request message belongs to: those its thread headers reach, else
   * those of the sender's center whose client it names (first and last name).
   */
  async function relatedRequests(
    requests: VobRequestRepository,
    plan: { item: StoreItem; threadIds: string[] },
    relation: MessageRelation,
  ): Promise<{ requestId: string; matchedBy: 'thread' | 'name' }[]> {
    const rows = await requests.findRelated({
      threadIds: plan.threadIds,
      nameKeys: nameKeysOf(cipher, relation.nameTokens),
      senderDomain: domainOf(plan.item.document.from),
      days: RELATED_WITHIN_DAYS,
    });
    const byThread = rows.filter((r) => r.byThread);
    if (byThread.length > 0) return byThread.map((r) => ({ requestId: r.requestId, matchedBy: 'thread' as const }));
    const mentioned = new Set(relation.nameTokens);
    return rows
      .filter((r) => namesClient(cipher.decryptJson<VobRequest>(r.requestEncrypted).client.name, mentioned))
      .map((r) => ({ requestId: r.requestId, matchedBy: 'name' as const }));
  }
}

export type ProcessExtraction = ReturnType<typeof processExtraction>;
