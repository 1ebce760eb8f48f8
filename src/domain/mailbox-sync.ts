/**
 * Pure decisions of the mailbox poller (EmailEngine-style): what to fetch, in which chunks,
 * whether a body may be downloaded at all, and how long to wait before reconnecting. No I/O
 * here; src/adapters/imap/mailbox-poller.ts carries these decisions out.
 *
 * UIDs are IMAP UIDs (32-bit unsigned, so a JS number is exact); UIDVALIDITY is a bigint as
 * imapflow reports it and as Postgres stores it (bigint column).
 */

/** Where the poller is in one (mailbox, UIDVALIDITY) epoch: every UID <= lastUid is committed. */
export interface MailboxCursor {
  readonly mailbox: string;
  readonly uidValidity: bigint;
  readonly lastUid: number;
}

/** What the server says about the mailbox now (SELECT or STATUS). */
export interface MailboxStatus {
  readonly uidValidity: bigint;
  /** The next UID the server will assign; 0 or less when the server did not say. */
  readonly uidNext: number;
  /** How many messages are in the mailbox. */
  readonly exists: number;
}

export type SyncDecision =
  | { readonly type: 'up-to-date' }
  /**
   * Fetch the UIDs in [fromUid, toUid]. `new-mail` is everything above the cursor;
   * `leftover` re-reads messages at or below the cursor that are still in the mailbox (committed,
   * then the process died before the MOVE): the ingest is idempotent, so they are only moved.
   */
  | { readonly type: 'fetch'; readonly fromUid: number; readonly toUid: number; readonly reason: 'new-mail' | 'leftover' }
  /** No cursor for this UIDVALIDITY: read every message from UID 1, deduplicated by the ingest. */
  | { readonly type: 'rescan'; readonly reason: 'uidvalidity-changed' | 'first-run' };

/** Highest UID IMAP can express (RFC 3501: nz-number is 32-bit). */
export const MAX_UID = 4_294_967_295;

/** The cursor of the server's current epoch, if there is one. */
export function currentCursor(cursors: readonly MailboxCursor[], status: Pick<MailboxStatus, 'uidValidity'>): MailboxCursor | undefined {
  return cursors.find((c) => c.uidValidity === status.uidValidity);
}

/**
 * True when we have been in this mailbox before, but under another UIDVALIDITY only: every UID
 * we remember is meaningless now.
 */
export function hasUidValidityChanged(cursors: readonly MailboxCursor[], status: Pick<MailboxStatus, 'uidValidity'>): boolean {
  return cursors.length > 0 && currentCursor(cursors, status) === undefined;
}

/**
 * What to do with the mailbox, given every stored cursor for it and the server's status.
 * An empty mailbox is up to date whatever the UIDs say; without UIDNEXT the fetch is open-ended
 * (toUid = MAX_UID), which is harmless because fetching by UID returns only what exists.
 */
export function decideSync(cursors: readonly MailboxCursor[], status: MailboxStatus): SyncDecision {
  const cursor = currentCursor(cursors, status);
  if (cursor === undefined) {
    return { type: 'rescan', reason: cursors.length === 0 ? 'first-run' : 'uidvalidity-changed' };
  }
  if (status.exists <= 0) return { type: 'up-to-date' };
  const lastAssigned = status.uidNext > 0 ? status.uidNext - 1 : MAX_UID;
  if (lastAssigned > cursor.lastUid) {
    return { type: 'fetch', fromUid: cursor.lastUid + 1, toUid: lastAssigned, reason: 'new-mail' };
  }
  // Nothing new was assigned, yet messages remain: they are at or below the cursor.
  if (cursor.lastUid >= 1) return { type: 'fetch', fromUid: 1, toUid: cursor.lastUid, reason: 'leftover' };
  return { type: 'up-to-date' };
}

/** The UID range a decision covers, or undefined when there is nothing to read. */
export function rangeOf(decision: SyncDecision, status: Pick<MailboxStatus, 'uidNext'>): { fromUid: number; toUid: number } | undefined {
  switch (decision.type) {
    case 'up-to-date':
      return undefined;
    case 'fetch':
      return decision.fromUid <= decision.toUid ? { fromUid: decision.fromUid, toUid: decision.toUid } : undefined;
    case 'rescan':
      return { fromUid: 1, toUid: status.uidNext > 1 ? status.uidNext - 1 : MAX_UID };
  }
}

/** Splits [fromUid, toUid] into consecutive ranges of at most `size` UIDs. */
export function chunkUidRange(fromUid: number, toUid: number, size: number): Array<{ fromUid: number; toUid: number }> {
  assertPositiveInt(size, 'size');
  const out: Array<{ fromUid: number; toUid: number }> = [];
  for (let from = Math.max(1, fromUid); from <= toUid; from += size) {
    out.push({ fromUid: from, toUid: Math.min(toUid, from + size - 1) });
  }
  return out;
}

/** Splits a list into consecutive groups of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  assertPositiveInt(size, 'size');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Sorted, de-duplicated UIDs as an IMAP sequence set: [1,2,3,7,9,10] → "1:3,7,9:10". */
export function toSequenceSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError('an empty UID set has no sequence-set form');
  const parts: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  for (const uid of sorted.slice(1)) {
    if (uid === prev + 1) {
      prev = uid;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}:${prev}`);
    start = prev = uid;
  }
  parts.push(start === prev ? String(start) : `${start}:${prev}`);
  return parts.join(',');
}

/** The size gate: decided from the server's RFC822.SIZE before any body byte is downloaded. */
export type SizeDecision =
  | { readonly type: 'download' }
  | { readonly type: 'oversized'; readonly sizeBytes: number; readonly limitBytes: number };

export function decideSize(sizeBytes: number | undefined, maxMessageBytes: number): SizeDecision {
  if (sizeBytes !== undefined && sizeBytes > maxMessageBytes) {
    return { type: 'oversized', sizeBytes, limitBytes: maxMessageBytes };
  }
  return { type: 'download' };
}

/**
 * Groups messages for source downloads so that one FETCH carries at most `maxMessages`
 * messages and about `maxBytes` bytes (a single message larger than maxBytes goes alone).
 * Order is kept, so the cursor can advance through a batch in UID order.
 */
export function planSourceBatches<T extends { readonly uid: number; readonly sizeBytes: number | undefined }>(
  items: readonly T[],
  limits: { readonly maxMessages: number; readonly maxBytes: number },
): T[][] {
  assertPositiveInt(limits.maxMessages, 'maxMessages');
  assertPositiveInt(limits.maxBytes, 'maxBytes');
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = item.sizeBytes ?? 0;
    if (current.length > 0 && (current.length >= limits.maxMessages || bytes + size > limits.maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** How a message read from the mailbox ends: which folder it is moved to after the commit. */
export type MessageOutcome = 'ingested' | 'duplicate' | 'oversized' | 'unreadable';

export function destinationFor(outcome: MessageOutcome, folders: { readonly processed: string; readonly review: string }): string {
  return outcome === 'oversized' || outcome === 'unreadable' ? folders.review : folders.processed;
}

/**
 * The cursor after a batch processed in UID order: the highest UID such that it and every UID
 * before it in `ordered` is committed. Messages are committed in order, so this is the last of
 * the committed prefix; an uncommitted UID stops the advance even if later ones committed.
 */
export function advanceCursor(lastUid: number, ordered: readonly number[], committed: ReadonlySet<number>): number {
  let cursor = lastUid;
  for (const uid of ordered) {
    if (!committed.has(uid)) break;
    if (uid > cursor) cursor = uid;
  }
  return cursor;
}

export interface BackoffPolicy {
  /** Delay of the first retry, in ms. */
  readonly baseMs: number;
  /** Upper bound of any delay, in ms. */
  readonly maxMs: number;
  /** Growth per attempt. */
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, factor: 2 };

/**
 * Capped exponential backoff with "equal jitter": for attempt n (0-based) the ceiling is
 * min(maxMs, baseMs·factorⁿ) and the delay is uniform in [ceiling/2, ceiling], so reconnecting
 * instances spread out but none retries sooner than half the ceiling. `random` is in [0, 1).
 */
export function backoffDelayMs(attempt: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const n = Math.max(0, Math.floor(attempt));
  const r = Math.min(Math.max(random, 0), 1);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * Math.pow(policy.factor, n));
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/**
 * The advisory-lock and cursor identity of a mailbox: the account and the folder, since any
 * number of accounts may be polled into the same database. Not logged (it holds an address).
 */
export function mailboxKey(user: string, path: string): string {
  return `${user.toLowerCase()}/${path}`;
}

function assertPositiveInt(value: number, name: string): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
}
