/**
 * The composition root: config → pools, queues, extraction threads, mailer, use cases, workers,
 * reconciler, HTTP port and the mailbox poller. `vob serve`, the integration tests and the
 * ingest bench all start the service through here.
 */
import os from 'node:os';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { ConfigError, ownDomain, type Config } from '../config';
import { createPhiCipher, type PhiCipher } from '../adapters/crypto/phi-cipher';
import { createDbPool, type Db } from '../adapters/db/db-pool';
import { migrate } from '../adapters/db/migrate';
import { createStaffTaskRepository } from '../adapters/db/staff-task.repository';
import { createExtractionPool, type ExtractionPool } from '../adapters/extraction/extraction-pool';
import { buildHttpServer } from '../http/http-server';
import { startMailboxPoller, type MailboxPoller, type PollerOptions } from '../adapters/imap/mailbox-poller';
import { createTokenProvider } from '../adapters/mail-auth/create-token-provider';
import { createMailboxAuthStatus, type MailboxAuthStatus } from '../adapters/mail-auth/mailbox-auth-status';
import type { TokenProvider } from '../adapters/mail-auth/token-provider';
import { createSmtpMailer, type SmtpMailer } from '../adapters/mail/smtp-mailer';
import { createServiceMetrics, type ServiceMetrics } from '../adapters/metrics/service-metrics';
import { createJobQueue, type JobQueue } from '../adapters/queue/job-queue';
import { QUEUES } from '../adapters/queue/queue-names';
import { createProducerConnection, createWorkerConnection } from '../adapters/queue/redis-connection';
import { ingestMessage, ingestMessages, type IngestMessage } from '../use-cases/ingest-message';
import { DEFAULT_SIGNATURE, processExtraction, type ProcessExtraction } from '../use-cases/process-extraction';
import { serviceSettings } from '../use-cases/service-settings';
import { backfillSearchKeys } from '../use-cases/search-requests';
import { enqueueDueReminders, reconcilePending, reminderScanIntervalMs, startReconciler, type ReconcileCounts } from '../use-cases/reconcile-pending';
import { sendReminder, type SendReminder } from '../use-cases/send-reminder';
import { sendReply, type SendReply } from '../use-cases/send-reply';
import { staffAccounts, type StaffAccounts } from '../use-cases/staff-accounts';
import { DEFAULT_REPLY_PACING, replyConcurrency } from '../domain/reply-pacing';
import { createExtractWorker } from '../../workers/extract-worker';
import { createRemindWorker } from '../../workers/remind-worker';
import { createSendReplyWorker } from '../../workers/send-reply-worker';

/**
 * Reply jobs at once (DEFAULT_REPLY_PACING.full, fewer during an extraction backlog): a reply
 * is mostly waiting (two short transactions and an SMTP exchange, whose relay answers after
 * writing its queue file), so twice as many jobs as SMTP connections keep every pooled
 * connection busy. 8 connections capped replies at ~140/s on the lab; 24 reach ~200/s.
 */
const SMTP_CONNECTIONS = 24;
/** Postgres connections reply jobs may hold at once; more jobs wait for one (none holds it over SMTP). */
const REPLY_DB_CONNECTIONS = 16;
const REPLY_PACING_INTERVAL_MS = 250;

/**
 * Extraction threads (OCR): at most one per core, as the extraction pool caps them. Queue
 * "extract-ocr" runs that many jobs plus one, so a job is reading its row from Postgres while
 * the threads are busy; more would only hold jobs waiting for a thread.
 */
export function ocrThreads(extractConcurrency: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(extractConcurrency, cores));
}
const OCR_JOB_HEADROOM = 1;
const TEXT_EXTRACT_CONCURRENCY = 32;

export interface VobServiceOptions {
  config: Config;
  logger: Logger;
  /** Start the IMAP poller (default true). Tests that ingest directly turn it off. */
  poller?: boolean;
  /** Listen on config.PORT (default true); port 0 picks a free one. */
  http?: boolean;
  /** Run the BullMQ workers (default true). */
  workers?: boolean;
  /** Run the reconciler at start and every RECONCILE_INTERVAL_MS (default true). */
  reconciler?: boolean;
  /** The mailbox's OAuth2 tokens; default: the provider MAIL_AUTH names (tests inject one). */
  tokens?: TokenProvider | null;
  /** Poller timings (tests shorten them). */
  pollerOptions?: PollerOptions;
}

export interface VobService {
  readonly config: Config;
  readonly db: Db;
  readonly redis: Redis;
  readonly cipher: PhiCipher;
  readonly queue: JobQueue;
  readonly metrics: ServiceMetrics;
  readonly ingest: IngestMessage;
  readonly processExtraction: ProcessExtraction;
  readonly sendReply: SendReply;
  readonly sendReminder: SendReminder;
  readonly reconcile: () => Promise<ReconcileCounts>;
  readonly workers: Worker[];
  /** Staff accounts and sign-in (null without SESSION_SECRET, when HTTP is off). */
  readonly accounts: StaffAccounts | null;
  readonly http: FastifyInstance | null;
  /** http://127.0.0.1:PORT when listening. */
  readonly url: string | null;
  readonly poller: MailboxPoller | null;
  readonly mailboxAuth: MailboxAuthStatus;
  stop(): Promise<void>;
}

export async function startVobService(options: VobServiceOptions): Promise<VobService> {
  const { config, logger } = options;
  const migrated = await migrate({ databaseUrl: config.DATABASE_URL });
  logger.info({ applied: migrated.applied, alreadyApplied: migrated.alreadyApplied }, 'migrations checked');

  // Text-only extract jobs are read in the main thread (no thread to wait for) and mostly wait
  // for their shared transaction, so many run at once and batches form; OCR jobs get the
  // extraction threads plus a little headroom.
  const textConcurrency = TEXT_EXTRACT_CONCURRENCY;
  const ocrConcurrency = ocrThreads(config.EXTRACT_CONCURRENCY) + OCR_JOB_HEADROOM;
  // Extract jobs share batched claims and stores (two of each at once), a few set messages aside
  // on their own; reply jobs share a few, plus the poller's lock session, its ingest, the
  // reconcile scans and HTTP.
  const db = createDbPool({ connectionString: config.DATABASE_URL, max: 4 + ocrConcurrency + REPLY_DB_CONNECTIONS + 6 });
  const cipher = createPhiCipher({ key: config.STORAGE_KEY });
  const redis = createProducerConnection(config.REDIS_URL);
  const workerConnection = createWorkerConnection(config.REDIS_URL);
  const queue = createJobQueue({ connection: redis, prefix: config.QUEUE_PREFIX });
  const metrics = createServiceMetrics({ openTaskCounts: () => createStaffTaskRepository({ db }).countOpenByKind() });
  const domain = ownDomain(config);
  // The allowlist and signature admins set, else these environment defaults.
  const settings = serviceSettings({ db, defaults: { allowedSenderDomains: config.ALLOWED_SENDER_DOMAINS, replySignature: DEFAULT_SIGNATURE } });
  // The allowlist is judged when a message is stored (from the settings), not in the extraction threads.
  const replyPolicy = { ownAddresses: [config.SMTP_FROM.toLowerCase(), config.IMAP_USER.toLowerCase()], allowedSenderDomains: [] };
  const extractor: ExtractionPool = createExtractionPool({
    size: config.EXTRACT_CONCURRENCY,
    timeoutMs: config.OCR_TIMEOUT_MS,
    cardReader: { textDetector: config.CARD_TEXT_DETECTOR === 'on' },
    replyPolicy,
    mimeLimits: { maxMessageBytes: config.MAX_MESSAGE_BYTES, maxParts: 300, maxMultipartDepth: 20, maxForwardDepth: 3 },
  });
  // OAuth2 (MAIL_AUTH=oauth2-*): one token provider for IMAP and SMTP, one status for /health.
  const tokens = options.tokens !== undefined ? options.tokens : createTokenProvider(config);
  const authStatus = createMailboxAuthStatus();
  const mailer: SmtpMailer = createSmtpMailer({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    // XOAUTH2 logs in as the mailbox unless SMTP_USER names another.
    user: tokens ? (config.SMTP_USER ?? config.IMAP_USER) : config.SMTP_USER,
    password: config.SMTP_PASSWORD,
    maxConnections: SMTP_CONNECTIONS,
    tokens,
    authStatus,
  });

  const ingest = ingestMessage({ db, cipher, queue, maxMessageBytes: config.MAX_MESSAGE_BYTES, logger, metrics });
  const ingestBatch = ingestMessages({ db, cipher, queue, maxMessageBytes: config.MAX_MESSAGE_BYTES, logger, metrics });
  const extraction = processExtraction({ db, cipher, extractor, queue, ownDomain: domain, reminderAfterHours: config.REMINDER_AFTER_HOURS, settings, logger, metrics });
  const reply = sendReply({ db, cipher, mailer, from: config.SMTP_FROM, ratePerHour: config.REPLY_RATE_PER_HOUR, logger, metrics });
  const reminder = sendReminder({ db, cipher, queue, ownDomain: domain, reminderAfterHours: config.REMINDER_AFTER_HOURS, settings, logger });
  const reconcile = reconcilePending({ db, queue, logger });
  // Requests stored before search keys existed (migration 0008), or before the payer column (0010), get them now; search and the
  // payer filter work meanwhile, only miss those.
  await backfillSearchKeys({ db, cipher }).then(
    (indexed) => indexed > 0 && logger.info({ indexed }, 'search keys written for stored requests'),
    (err: Error) => logger.warn({ err: err.name }, 'search keys could not be written for some stored requests'),
  );

  const workers: Worker[] = [];
  let replyPacing: { stop(): Promise<void> } | null = null;
  if (options.workers !== false) {
    const prefix = config.QUEUE_PREFIX;
    const replyWorker = createSendReplyWorker({ connection: workerConnection, prefix, concurrency: DEFAULT_REPLY_PACING.full, sendReply: reply, logger });
    workers.push(
      createExtractWorker({ queue: QUEUES.extract, connection: workerConnection, prefix, concurrency: textConcurrency, processExtraction: extraction, logger }),
      createExtractWorker({ queue: QUEUES.extractOcr, connection: workerConnection, prefix, concurrency: ocrConcurrency, processExtraction: extraction, logger }),
      replyWorker,
      createRemindWorker({ connection: workerConnection, prefix, sendReminder: reminder, logger }),
    );
    for (const w of workers) void w.run().catch((err: { code?: string }) => logger.error({ queue: w.name, code: err?.code ?? 'worker-stopped' }, 'worker stopped'));
    replyPacing = startReconciler({
      // Redis unreachable: keep the last setting (the workers are waiting for Redis anyway).
      reconcile: async () => {
        const waiting = await queue.textExtractWaiting().catch(() => null);
        if (waiting !== null) replyWorker.concurrency = replyConcurrency(waiting);
      },
      intervalMs: REPLY_PACING_INTERVAL_MS,
      logger,
    });
  }

  const reconciler = options.reconciler !== false ? startReconciler({ reconcile, intervalMs: config.RECONCILE_INTERVAL_MS, logger }) : null;
  // Reminders are scheduled by this scan of next_reminder_at, not by a delayed job per request.
  const reminderScan =
    options.reconciler !== false
      ? startReconciler({
          reconcile: enqueueDueReminders({ db, queue }),
          intervalMs: reminderScanIntervalMs(config.REMINDER_AFTER_HOURS, config.RECONCILE_INTERVAL_MS),
          logger,
        })
      : null;

  const accounts = config.SESSION_SECRET
    ? staffAccounts({
        db,
        serverSecret: config.SESSION_SECRET,
        timeouts: { idleMs: config.SESSION_IDLE_TIMEOUT_MS, absoluteMs: config.SESSION_ABSOLUTE_TIMEOUT_MS },
        lockout: { maxAccountFailures: config.LOGIN_MAX_FAILURES, maxIpFailures: config.LOGIN_MAX_IP_FAILURES, windowMs: config.LOGIN_LOCK_MS, lockMs: config.LOGIN_LOCK_MS },
      })
    : null;
  let http: FastifyInstance | null = null;
  let url: string | null = null;
  if (options.http !== false) {
    // `vob serve` refuses to start without a secret (or makes one in --dev); this is the last guard.
    if (!config.SESSION_SECRET || !accounts) throw new ConfigError('SESSION_SECRET', 'required to serve the staff pages');
    http = buildHttpServer({
      db,
      redis,
      registry: metrics.registry,
      cipher,
      accounts,
      serverSecret: config.SESSION_SECRET,
      behindTls: config.BEHIND_TLS,
      reminderAfterHours: config.REMINDER_AFTER_HOURS,
      settings,
      mailboxAuth: authStatus.report,
      // The request page's 270 download needs who sends it; without it the page says so.
      eligibility:
        config.PROVIDER_NPI && config.PROVIDER_NAME
          ? {
              provider: { npi: config.PROVIDER_NPI, name: config.PROVIDER_NAME },
              envelope: { senderId: config.X12_SENDER_ID ?? config.PROVIDER_NPI, receiverId: config.X12_RECEIVER_ID, usage: config.X12_USAGE },
            }
          : null,
    });
    const address = await http.listen({ port: config.PORT, host: config.HTTP_HOST });
    url = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
    logger.info({ url }, 'http listening');
  }

  const poller = options.poller !== false ? startMailboxPoller({ config, db, ingest, ingestBatch, logger, tokens, authStatus, ...(options.pollerOptions ? { options: options.pollerOptions } : {}) }) : null;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      logger.info({}, 'shutting down');
      await poller?.stop().catch(() => undefined);
      await http?.close().catch(() => undefined);
      await reconciler?.stop();
      await reminderScan?.stop();
      await replyPacing?.stop();
      // Waits for active jobs to finish (their results commit) before closing connections.
      await Promise.all(workers.map((w) => w.close().catch(() => undefined)));
      await extractor.close();
      await queue.close().catch(() => undefined);
      mailer.close();
      await Promise.all([redis.quit().catch(() => undefined), workerConnection.quit().catch(() => undefined)]);
      await db.end().catch(() => undefined);
      logger.info({}, 'stopped');
    })();
    return stopping;
  };

  return {
    config,
    db,
    redis,
    cipher,
    queue,
    metrics,
    ingest,
    processExtraction: extraction,
    sendReply: reply,
    sendReminder: reminder,
    reconcile,
    workers,
    accounts,
    http,
    url,
    poller,
    mailboxAuth: authStatus,
    stop,
  };
}
