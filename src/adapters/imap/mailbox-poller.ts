/**
 * The mailbox poller: turns what arrives in the IMAP mailbox into committed inbound messages,
 * exactly once, then moves each message out of the way (Processed / Needs-Review).
 *
 *   standby ──advisory lock──► active: connect ─► sync ─► IDLE / wait ─► sync ─► …
 *      ▲                              │ connection dropped: new client after a jittered backoff
 *      └──────── lease lost ──────────┘
 *
 * A sync asks the server for UIDVALIDITY/UIDNEXT/MESSAGES, lets src/domain/mailbox-sync.ts
 * decide (fetch above the cursor, rescan a new epoch, or re-read leftovers), lists the UIDs
 * with UID SEARCH, and walks them in bounded chunks: RFC822.SIZE first (no envelope: nothing
 * here needs it, and it is PHI), then the source only for messages under MAX_MESSAGE_BYTES and
 * only the header block for larger ones. Each message is committed by the sink before the cursor
 * moves past it; the MOVE comes last, so a crash anywhere re-reads rather than loses, and the
 * sink's deduplication turns the re-read into a no-op. IDLE ('exists') only wakes the loop
 * early; a reconcile runs every RECONCILE_INTERVAL_MS whatever IDLE said.
 *
 * Logs carry counts, UIDs and codes only: no addresses, subjects or bodies.
 */
import { randomInt } from 'node:crypto';
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import {
  DEFAULT_BACKOFF,
  MAX_UID,
  advanceCursor,
  backoffDelayMs,
  chunk,
  decideSize,
  decideSync,
  destinationFor,
  mailboxKey,
  planSourceBatches,
  rangeOf,
  toSequenceSet,
  type BackoffPolicy,
  type MessageOutcome,
} from '../../domain/mailbox-sync';
import { classifyImapFailure } from '../../domain/mail-auth';
import { createMailboxCursorRepository } from '../db/mailbox-cursor.repository';
import type { MailboxAuthStatus } from '../mail-auth/mailbox-auth-status';
import { MailAuthError, type TokenProvider } from '../mail-auth/token-provider';
import { createImapClient, describeImapRefusal, imapFailureFacts, type ImapClientTuning, type ImapConnectionConfig } from './imap-client';
import { tryAcquireMailboxLease, type MailboxLease } from './mailbox-lease';
import type { IngestOutcome, MailboxMessage, MessageBatchSink, MessageSink } from './message-sink';

/** The settings the poller reads, named as in src/config.ts (the service's Config fits). */
export interface PollerConfig extends ImapConnectionConfig {
  readonly IMAP_MAILBOX: string;
  readonly MAX_MESSAGE_BYTES: number;
  readonly RECONCILE_INTERVAL_MS: number;
}

export interface PollerOptions {
  readonly processedMailbox?: string;
  readonly reviewMailbox?: string;
  /** Messages per size FETCH (and at most per source FETCH). */
  readonly chunkSize?: number;
  /** Bytes of sources per FETCH (a larger single message goes alone). */
  readonly sourceBatchBytes?: number;
  /**
   * Committed messages gathered per UID MOVE (also sent at the end of each range). Each MOVE
   * makes Dovecot rewrite the source Maildir's index and UID list, whose size grows with the
   * mailbox: moving each chunk of 50 from a 20k-message backlog took 80% of the poller's time.
   */
  readonly moveBatch?: number;
  /** How often a standby instance tries the lock (ms, jittered ±25%). */
  readonly lockRetryMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Random source in [0, 1) for jitter; injectable for tests. */
  readonly random?: () => number;
  readonly imap?: ImapClientTuning;
  /** Handed the client of each new session (tests use it to cut the connection). */
  readonly onSession?: (client: ImapFlow) => void;
}

/** Destination folder → committed UIDs waiting for their MOVE. */
type PendingMoves = Map<string, number[]>;

function countMoves(moves: PendingMoves): number {
  let n = 0;
  for (const list of moves.values()) n += list.length;
  return n;
}

export type PollerState = 'starting' | 'standby' | 'active' | 'stopping' | 'stopped';

export interface MailboxPoller {
  /** Finishes the message in hand, commits the cursor, releases the lock and logs out. */
  stop(): Promise<void>;
  state(): PollerState;
  /** Ask for a sync now (as an 'exists' notification would). */
  poke(): void;
}

export interface StartMailboxPollerDeps {
  readonly config: PollerConfig;
  /** The service's pool: one connection is held as the lease while active. */
  readonly db: Pool;
  readonly ingest: MessageSink;
  /**
   * When given, each source batch is committed with one call (one transaction) instead of one
   * `ingest` per message: the cursor still moves only past what that call committed.
   */
  readonly ingestBatch?: MessageBatchSink;
  readonly logger: Logger;
  readonly options?: PollerOptions;
  /**
   * OAuth2 (MAIL_AUTH=oauth2-*): each session logs in with a token from here; a refused login or
   * a session the server ended over an expired token gets a fresh one on the next session.
   */
  readonly tokens?: TokenProvider | null;
  /** Where refused and good logins are reported (/health's `mailbox`). */
  readonly authStatus?: MailboxAuthStatus;
}

/** A wake-up signal: notify() ends the current (or the next) wait early. */
class Signal {
  private pending = false;
  private wake: (() => void) | undefined;

  notify(): void {
    this.pending = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Waits up to `ms`; returns true when notified (now or before), false on timeout. */
  async wait(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const notified = await new Promise<boolean>((resolve) => {
      this.wake = () => resolve(true);
      timer = setTimeout(() => resolve(false), Math.max(0, ms));
    });
    clearTimeout(timer);
    this.wake = undefined;
    if (notified) this.pending = false;
    return notified;
  }
}

class SessionEnded extends Error {
  constructor(
    readonly reason: 'connection-closed' | 'lease-lost' | 'epoch-changed' | 'stopping' | 'token-expired' | 'auth-refused',
    /** For auth-refused: the server's or provider's reason (no token). */
    readonly detail?: string,
  ) {
    super(reason);
  }
}

interface MessageMeta {
  readonly uid: number;
  readonly sizeBytes: number | undefined;
}

export function startMailboxPoller({ config, db, ingest, ingestBatch, logger, options = {}, tokens = null, authStatus }: StartMailboxPollerDeps): MailboxPoller {
  const path = config.IMAP_MAILBOX;
  const key = mailboxKey(config.IMAP_USER, path);
  const folders = { processed: options.processedMailbox ?? 'Processed', review: options.reviewMailbox ?? 'Needs-Review' };
  const chunkSize = options.chunkSize ?? 50;
  const sourceBatchBytes = options.sourceBatchBytes ?? 16 * 1024 * 1024;
  const moveBatch = options.moveBatch ?? 500;
  const lockRetryMs = options.lockRetryMs ?? 5_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  const log = logger.child({ component: 'mailbox-poller', mailbox: path });

  let state: PollerState = 'starting';
  let stopping = false;
  /** The client of a session still connecting: stop() need not wait out a connect timeout. */
  let connecting: ImapFlow | undefined;
  const signal = new Signal();

  async function run(): Promise<void> {
    while (!stopping) {
      let lease: MailboxLease | null = null;
      try {
        lease = await tryAcquireMailboxLease(db, key);
      } catch (err) {
        log.warn({ errCode: errorCode(err) }, 'lock attempt failed (database unreachable?)');
      }
      if (!lease) {
        if (state !== 'standby') log.info('standby: another instance polls this mailbox');
        state = 'standby';
        await signal.wait(lockRetryMs * (0.75 + random() / 2));
        continue;
      }
      state = 'active';
      log.info('active: mailbox lock acquired');
      const onLeaseEnded = (): void => signal.notify();
      void lease.ended.then(onLeaseEnded);
      try {
        await runActive(lease);
      } finally {
        await lease.release();
        log.info('mailbox lock released');
      }
    }
  }

  /** Sessions with reconnect backoff, for as long as the lease holds. */
  async function runActive(lease: MailboxLease): Promise<void> {
    let attempt = 0;
    // After a refused login or an expired token the next session asks for a new token.
    let forceRefresh = false;
    while (!stopping && lease.isHeld()) {
      let synced = false;
      try {
        await runSession(lease, forceRefresh, () => {
          synced = true;
          attempt = 0;
          forceRefresh = false;
        });
      } catch (err) {
        if (stopping || !lease.isHeld()) break;
        const refusal = err instanceof MailAuthError ? err.reason : err instanceof SessionEnded && err.reason === 'auth-refused' ? err.detail : undefined;
        if (refusal !== undefined) {
          // The service keeps running: /health says auth-failed until a login succeeds.
          authStatus?.refused('imap', refusal);
          log.error({ reason: refusal, code: err instanceof MailAuthError ? err.code : 'auth-refused' }, tokens ? 'mailbox login refused; retrying with a new token' : 'mailbox login refused; retrying');
        }
        if (refusal !== undefined || (err instanceof SessionEnded && err.reason === 'token-expired')) forceRefresh = true;
        const reason = err instanceof SessionEnded ? err.reason : errorCode(err);
        const delay = backoffDelayMs(attempt, random(), backoff);
        attempt += 1;
        log.warn({ reason, attempt, delayMs: delay, synced }, 'imap session ended; reconnecting');
        await interruptibleSleep(delay, lease);
      }
    }
  }

  async function interruptibleSleep(ms: number, lease: MailboxLease): Promise<void> {
    const until = Date.now() + ms;
    while (!stopping && lease.isHeld() && Date.now() < until) {
      await signal.wait(until - Date.now());
    }
  }

  async function runSession(lease: MailboxLease, forceRefresh: boolean, onSynced: () => void): Promise<void> {
    const accessToken = tokens ? (await tokens.getToken(forceRefresh)).accessToken : undefined;
    // A new ImapFlow per session: an instance cannot reconnect, and this one carries the new token.
    const client = createImapClient(config, { logger: log, tuning: options.imap, accessToken });
    let closed = false;
    client.on('error', (err: Error) => log.warn({ errCode: errorCode(err) }, 'imap connection error'));
    client.on('close', () => {
      closed = true;
      signal.notify();
    });
    client.on('exists', () => signal.notify());
    options.onSession?.(client);
    const ensureLive = (): void => {
      if (stopping) throw new SessionEnded('stopping');
      if (!lease.isHeld()) throw new SessionEnded('lease-lost');
      if (closed) throw new SessionEnded('connection-closed');
    };
    try {
      connecting = client;
      await client.connect();
      authStatus?.loggedIn('imap');
      for (const folder of [folders.processed, folders.review]) {
        await client.mailboxCreate(folder);
      }
      await client.mailboxOpen(path);
      connecting = undefined;
      let leftoverDue = true;
      let nextReconcile = Date.now() + config.RECONCILE_INTERVAL_MS;
      for (;;) {
        ensureLive();
        await syncMailbox(client, lease, ensureLive, leftoverDue);
        onSynced();
        leftoverDue = false;
        // IDLE ('exists') wakes this early; the reconcile comes on time even under steady mail.
        await signal.wait(nextReconcile - Date.now());
        if (stopping || closed || !lease.isHeld()) continue;
        if (Date.now() >= nextReconcile) {
          // The periodic reconcile: also re-read leftovers, and check the lease is real.
          nextReconcile = Date.now() + config.RECONCILE_INTERVAL_MS;
          leftoverDue = true;
          if (!(await lease.verify())) throw new SessionEnded('lease-lost');
        }
      }
    } catch (err) {
      if (stopping) return;
      const facts = imapFailureFacts(err, client);
      const verdict = classifyImapFailure(facts);
      if (verdict === 'token-expired') throw new SessionEnded('token-expired');
      if (verdict === 'auth-refused') throw new SessionEnded('auth-refused', describeImapRefusal(facts));
      throw err;
    } finally {
      connecting = undefined;
      await closeClient(client, closed);
    }
  }

  async function closeClient(client: ImapFlow, closed: boolean): Promise<void> {
    if (closed) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.logout(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 5_000);
        }),
      ]);
    } catch {
      // logout on a broken connection: close below
    } finally {
      clearTimeout(timer);
      client.close();
    }
  }

  /** Brings the cursor up to the server, repeating while new mail keeps arriving. */
  async function syncMailbox(client: ImapFlow, lease: MailboxLease, ensureLive: () => void, leftoverDue: boolean): Promise<void> {
    const cursors = createMailboxCursorRepository(lease.client);
    let leftoverDone = !leftoverDue;
    for (;;) {
      ensureLive();
      const status = await client.status(path, { uidNext: true, uidValidity: true, messages: true });
      if (!status || status.uidValidity === undefined) throw new Error('STATUS gave no UIDVALIDITY');
      const selected = client.mailbox;
      if (!selected || selected.uidValidity !== status.uidValidity) {
        log.warn('UIDVALIDITY changed under the open mailbox; reopening');
        await client.mailboxOpen(path);
        continue;
      }
      const server = { uidValidity: status.uidValidity, uidNext: status.uidNext ?? 0, exists: status.messages ?? 0 };
      const decision = decideSync(await cursors.list(key), server);
      if (decision.type === 'up-to-date') return;
      const leftover = decision.type === 'fetch' && decision.reason === 'leftover';
      if (leftover) {
        if (leftoverDone) return;
        leftoverDone = true;
      }
      if (decision.type === 'rescan') {
        log.warn({ reason: decision.reason }, 'new UIDVALIDITY epoch: reading the whole mailbox (deduplicated by the ingest)');
        await cursors.ensure(key, server.uidValidity);
      }
      const range = rangeOf(decision, server);
      if (!range) return;
      const complete = await processRange(client, lease, server.uidValidity, range.fromUid, range.toUid);
      ensureLive();
      if (!complete) continue;
      // Every existing UID of the range is committed; UIDs assigned but gone (moved or expunged
      // by others) have nothing to commit, so the cursor may pass the whole range.
      if (!leftover && range.toUid < MAX_UID) await cursors.advance(key, server.uidValidity, range.toUid);
      if (leftover) return;
    }
  }

  /**
   * Reads the UIDs in [fromUid, toUid] that exist, in chunks. Returns true when every one of
   * them was committed (the cursor may then pass the whole range), false when it stopped early
   * (stopping, or the lease was lost) with the cursor at the last committed message.
   */
  async function processRange(
    client: ImapFlow,
    lease: MailboxLease,
    uidValidity: bigint,
    fromUid: number,
    toUid: number,
  ): Promise<boolean> {
    const found = await client.search({ uid: `${fromUid}:${toUid}` }, { uid: true });
    if (found === false || found === undefined) throw new Error('UID SEARCH failed');
    // "n:*" also matches the highest UID when it is below n: keep only the asked range.
    const uids = found.filter((u) => u >= fromUid && u <= toUid).sort((a, b) => a - b);
    if (uids.length > 0) log.info({ count: uids.length, fromUid, toUid }, 'reading messages');
    // Committed (the cursor already past them) and waiting to be moved; a session that ends
    // before the MOVE leaves them in place for the next reconcile's leftover pass.
    const moves: PendingMoves = new Map();
    try {
      for (const part of chunk(uids, chunkSize)) {
        if (stopping || !lease.isHeld()) return false;
        if (client.mailbox === false || client.mailbox.uidValidity !== uidValidity) throw new SessionEnded('epoch-changed');
        const complete = await processChunk(client, lease, uidValidity, part, moves);
        if (countMoves(moves) >= moveBatch) await moveCommitted(client, moves);
        if (!complete) return false;
      }
      return true;
    } finally {
      if (countMoves(moves) > 0 && client.usable) await moveCommitted(client, moves).catch((err) => log.warn({ errCode: errorCode(err) }, 'MOVE failed; retried by the next reconcile'));
    }
  }

  /** One chunk: sizes, sources in byte-bounded batches, commit in UID order. */
  async function processChunk(client: ImapFlow, lease: MailboxLease, uidValidity: bigint, uids: number[], moves: PendingMoves): Promise<boolean> {
    const cursors = createMailboxCursorRepository(lease.client);
    const metas = (await client.fetchAll(toSequenceSet(uids), { uid: true, size: true }, { uid: true }))
      .map(toMeta)
      .sort((a, b) => a.uid - b.uid);
    // UIDs searched but no longer there were moved or expunged meanwhile: nothing to commit.
    const present = new Set(metas.map((m) => m.uid));
    const committed = new Set(uids.filter((u) => !present.has(u)));
    const outcomes = new Map<number, MessageOutcome>();
    let failure: unknown;
    let complete = true;

    const planned = metas.map((meta) => {
      const download = decideSize(meta.sizeBytes, config.MAX_MESSAGE_BYTES).type === 'download';
      // Oversized messages cost nothing in a batch: their body is never fetched.
      return { meta, download, uid: meta.uid, sizeBytes: download ? meta.sizeBytes : 0 };
    });
    outer: for (const batch of planSourceBatches(planned, { maxMessages: chunkSize, maxBytes: sourceBatchBytes })) {
      const wanted = batch.filter((p) => p.download).map((p) => p.uid);
      const tooBig = batch.filter((p) => !p.download).map((p) => p.uid);
      const sources = new Map<number, Buffer>();
      if (wanted.length > 0) {
        for (const msg of await client.fetchAll(toSequenceSet(wanted), { uid: true, source: true }, { uid: true })) {
          if (msg.source) sources.set(msg.uid, msg.source);
        }
      }
      if (tooBig.length > 0) {
        for (const msg of await client.fetchAll(toSequenceSet(tooBig), { uid: true, headers: true }, { uid: true })) {
          if (msg.headers) sources.set(msg.uid, msg.headers);
        }
      }
      const ready: { item: (typeof batch)[number]; source: Buffer; oversized: boolean }[] = [];
      for (const item of batch) {
        let source = sources.get(item.uid);
        // A source larger than the server announced is refused all the same.
        let oversized = !item.download;
        if (source !== undefined && !oversized && source.length > config.MAX_MESSAGE_BYTES) {
          oversized = true;
          source = headerBlock(source);
        }
        if (source === undefined) {
          // Listed a moment ago, gone now (moved or expunged by someone else): nothing to
          // commit. Were it still there, the leftover pass of the next reconcile reads it.
          committed.add(item.uid);
          continue;
        }
        ready.push({ item, source, oversized });
      }
      if (ingestBatch && ready.length > 0) {
        // The whole batch in one transaction: all of it committed, or none of it.
        if (stopping || !lease.isHeld()) {
          complete = false;
          break outer;
        }
        try {
          const inputs = ready.map(({ item, source, oversized }) => toInput(item.meta, source, oversized, uidValidity));
          const results = await ingestBatch(inputs);
          ready.forEach(({ item, oversized }, i) => {
            outcomes.set(item.uid, outcomeOf(item.meta, inputs[i]!, results[i]!, oversized));
            committed.add(item.uid);
          });
        } catch (err) {
          failure = err;
          break outer;
        }
        continue;
      }
      for (const { item, source, oversized } of ready) {
        // Finish the message in hand, never start another one when stopping or fenced off.
        if (stopping || !lease.isHeld()) {
          complete = false;
          break outer;
        }
        try {
          const input = toInput(item.meta, source, oversized, uidValidity);
          outcomes.set(item.uid, outcomeOf(item.meta, input, await ingest(input), oversized));
          committed.add(item.uid);
        } catch (err) {
          failure = err;
          break outer;
        }
      }
    }

    // The cursor moves past what is committed (in UID order), then the messages move (in
    // batches: see moveBatch).
    const before = (await cursors.list(key)).find((c) => c.uidValidity === uidValidity)?.lastUid ?? 0;
    const next = advanceCursor(before, uids, committed);
    if (next > before) await cursors.advance(key, uidValidity, next);
    for (const [uid, outcome] of outcomes) {
      const folder = destinationFor(outcome, folders);
      moves.set(folder, [...(moves.get(folder) ?? []), uid]);
    }
    if (outcomes.size > 0) log.info({ ...countOutcomes(outcomes), cursor: next }, 'chunk committed');
    if (failure !== undefined) {
      log.error({ errCode: errorCode(failure) }, 'ingest failed; the message stays in the mailbox and is retried');
      throw failure;
    }
    return complete;
  }

  /**
   * What the sink gets for one message. `source` is the whole message, or for an oversized one
   * only its header block (the body is never downloaded); the sink then stores it for review.
   */
  function toInput(meta: MessageMeta, source: Buffer, oversized: boolean, uidValidity: bigint): MailboxMessage {
    const sizeBytes = Math.max(meta.sizeBytes ?? 0, oversized ? 0 : source.length);
    return { mailbox: key, uidValidity: Number(uidValidity), uid: meta.uid, raw: source, sizeBytes };
  }

  function outcomeOf(meta: MessageMeta, input: MailboxMessage, result: IngestOutcome, oversized: boolean): MessageOutcome {
    if (oversized) {
      log.warn({ uid: meta.uid, sizeBytes: input.sizeBytes, limitBytes: config.MAX_MESSAGE_BYTES, duplicate: result.duplicate }, 'oversized message set aside for review');
      return 'oversized';
    }
    if (result.status === 'needs-review') return 'unreadable';
    return result.duplicate ? 'duplicate' : 'ingested';
  }

  /** MOVEs the gathered messages, one command per folder, and forgets them. */
  async function moveCommitted(client: ImapFlow, moves: PendingMoves): Promise<void> {
    const batches = [...moves];
    moves.clear();
    for (const [folder, list] of batches) {
      // A failed MOVE leaves the message in place: the next reconcile's leftover pass retries it,
      // and the ingest reports it as a duplicate.
      const moved = await client.messageMove(toSequenceSet(list), folder, { uid: true });
      if (moved === false) log.warn({ count: list.length, folder }, 'MOVE refused; retried by the next reconcile');
    }
  }

  const running = run()
    .catch((err) => log.error({ errCode: errorCode(err) }, 'poller stopped by an unexpected error'))
    .finally(() => {
      state = 'stopped';
    });

  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        if (state !== 'stopped') state = 'stopping';
        signal.notify();
        connecting?.close();
      }
      await running;
    },
    state: () => state,
    poke: () => signal.notify(),
  };

  function toMeta(msg: FetchMessageObject): MessageMeta {
    return { uid: msg.uid, sizeBytes: msg.size };
  }

  function countOutcomes(outcomes: ReadonlyMap<number, MessageOutcome>): Record<MessageOutcome, number> {
    const counts: Record<MessageOutcome, number> = { ingested: 0, duplicate: 0, oversized: 0, unreadable: 0 };
    for (const o of outcomes.values()) counts[o] += 1;
    return counts;
  }

}

/** The header block of a message (through the blank line), or the whole when it has none. */
export function headerBlock(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf >= 0 ? crlf + 4 : -1, lf >= 0 ? lf + 2 : -1].filter((n) => n >= 0);
  return ends.length > 0 ? raw.subarray(0, Math.min(...ends)) : raw;
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; name?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.name === 'string') return e.name;
  }
  return 'error';
}
