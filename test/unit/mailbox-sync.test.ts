import {
  MAX_UID,
  advanceCursor,
  backoffDelayMs,
  chunk,
  chunkUidRange,
  decideSize,
  decideSync,
  destinationFor,
  hasUidValidityChanged,
  mailboxKey,
  planSourceBatches,
  rangeOf,
  toSequenceSet,
  type MailboxCursor,
} from '../../src/domain/mailbox-sync';

const box = 'verification@vob.test/INBOX';
const cursor = (uidValidity: bigint, lastUid: number): MailboxCursor => ({ mailbox: box, uidValidity, lastUid });

describe('decideSync', () => {
  it('first run: no cursor at all → rescan from UID 1', () => {
    expect(decideSync([], { uidValidity: 7n, uidNext: 5, exists: 4 })).toEqual({ type: 'rescan', reason: 'first-run' });
  });

  it('a cursor of another UIDVALIDITY only → rescan because the epoch changed', () => {
    const cursors = [cursor(7n, 40)];
    const status = { uidValidity: 8n, uidNext: 3, exists: 2 };
    expect(hasUidValidityChanged(cursors, status)).toBe(true);
    expect(decideSync(cursors, status)).toEqual({ type: 'rescan', reason: 'uidvalidity-changed' });
  });

  it('the current epoch is found among several stored ones', () => {
    const cursors = [cursor(7n, 40), cursor(8n, 2)];
    const status = { uidValidity: 8n, uidNext: 6, exists: 3 };
    expect(hasUidValidityChanged(cursors, status)).toBe(false);
    expect(decideSync(cursors, status)).toEqual({ type: 'fetch', fromUid: 3, toUid: 5, reason: 'new-mail' });
  });

  it('nothing assigned above the cursor and an empty mailbox → up to date', () => {
    expect(decideSync([cursor(7n, 10)], { uidValidity: 7n, uidNext: 11, exists: 0 })).toEqual({ type: 'up-to-date' });
  });

  it('an empty mailbox is up to date even when UIDs were assigned (messages moved away by others)', () => {
    expect(decideSync([cursor(7n, 10)], { uidValidity: 7n, uidNext: 30, exists: 0 })).toEqual({ type: 'up-to-date' });
  });

  it('messages left at or below the cursor (committed, not yet moved) → a leftover pass', () => {
    expect(decideSync([cursor(7n, 10)], { uidValidity: 7n, uidNext: 11, exists: 2 })).toEqual({
      type: 'fetch',
      fromUid: 1,
      toUid: 10,
      reason: 'leftover',
    });
  });

  it('without UIDNEXT the fetch is open-ended above the cursor', () => {
    expect(decideSync([cursor(7n, 10)], { uidValidity: 7n, uidNext: 0, exists: 1 })).toEqual({
      type: 'fetch',
      fromUid: 11,
      toUid: MAX_UID,
      reason: 'new-mail',
    });
  });

  it('a fresh cursor at 0 with messages but no new UIDs is up to date (nothing to re-read)', () => {
    expect(decideSync([cursor(7n, 0)], { uidValidity: 7n, uidNext: 1, exists: 1 })).toEqual({ type: 'up-to-date' });
  });
});

describe('rangeOf', () => {
  it('a rescan covers 1..uidNext-1', () => {
    expect(rangeOf({ type: 'rescan', reason: 'first-run' }, { uidNext: 51 })).toEqual({ fromUid: 1, toUid: 50 });
  });
  it('a rescan without UIDNEXT is open-ended', () => {
    expect(rangeOf({ type: 'rescan', reason: 'first-run' }, { uidNext: 0 })).toEqual({ fromUid: 1, toUid: MAX_UID });
  });
  it('up-to-date and empty ranges read nothing', () => {
    expect(rangeOf({ type: 'up-to-date' }, { uidNext: 9 })).toBeUndefined();
    expect(rangeOf({ type: 'fetch', fromUid: 5, toUid: 4, reason: 'new-mail' }, { uidNext: 9 })).toBeUndefined();
  });
});

describe('chunking', () => {
  it('chunkUidRange splits into bounded consecutive ranges', () => {
    expect(chunkUidRange(1, 120, 50)).toEqual([
      { fromUid: 1, toUid: 50 },
      { fromUid: 51, toUid: 100 },
      { fromUid: 101, toUid: 120 },
    ]);
    expect(chunkUidRange(7, 7, 50)).toEqual([{ fromUid: 7, toUid: 7 }]);
    expect(chunkUidRange(8, 7, 50)).toEqual([]);
    expect(() => chunkUidRange(1, 2, 0)).toThrow(RangeError);
  });

  it('chunk keeps order and bounds each group', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 50)).toEqual([]);
  });

  it('toSequenceSet compresses runs, sorts and de-duplicates', () => {
    expect(toSequenceSet([9, 1, 2, 3, 7, 10, 3])).toBe('1:3,7,9:10');
    expect(toSequenceSet([42])).toBe('42');
    expect(() => toSequenceSet([])).toThrow(RangeError);
  });

  it('planSourceBatches bounds messages and bytes per FETCH; a huge one goes alone', () => {
    const items = [
      { uid: 1, sizeBytes: 400 },
      { uid: 2, sizeBytes: 400 },
      { uid: 3, sizeBytes: 400 },
      { uid: 4, sizeBytes: 5000 },
      { uid: 5, sizeBytes: undefined },
      { uid: 6, sizeBytes: 10 },
    ];
    const batches = planSourceBatches(items, { maxMessages: 50, maxBytes: 1000 });
    expect(batches.map((b) => b.map((i) => i.uid))).toEqual([[1, 2], [3], [4], [5, 6]]);
    const byCount = planSourceBatches(items, { maxMessages: 2, maxBytes: 1_000_000 });
    expect(byCount.map((b) => b.map((i) => i.uid))).toEqual([[1, 2], [3, 4], [5, 6]]);
  });
});

describe('size gate', () => {
  it('over the limit → oversized, decided from the size alone', () => {
    expect(decideSize(2_000_001, 2_000_000)).toEqual({ type: 'oversized', sizeBytes: 2_000_001, limitBytes: 2_000_000 });
  });
  it('at the limit, under it, or unknown → download (the download itself is capped)', () => {
    expect(decideSize(2_000_000, 2_000_000)).toEqual({ type: 'download' });
    expect(decideSize(10, 2_000_000)).toEqual({ type: 'download' });
    expect(decideSize(undefined, 2_000_000)).toEqual({ type: 'download' });
  });
});

describe('outcomes and the cursor', () => {
  const folders = { processed: 'Processed', review: 'Needs-Review' };
  it('oversized and unreadable go to review; ingested and duplicates to Processed', () => {
    expect(destinationFor('ingested', folders)).toBe('Processed');
    expect(destinationFor('duplicate', folders)).toBe('Processed');
    expect(destinationFor('oversized', folders)).toBe('Needs-Review');
    expect(destinationFor('unreadable', folders)).toBe('Needs-Review');
  });

  it('advanceCursor stops at the first uncommitted UID', () => {
    expect(advanceCursor(10, [11, 12, 13], new Set([11, 12, 13]))).toBe(13);
    expect(advanceCursor(10, [11, 12, 13], new Set([11, 13]))).toBe(11);
    expect(advanceCursor(10, [11, 12, 13], new Set())).toBe(10);
  });

  it('advanceCursor never moves backwards (a leftover pass re-reads UIDs below it)', () => {
    expect(advanceCursor(10, [3, 4], new Set([3, 4]))).toBe(10);
  });
});

describe('backoffDelayMs', () => {
  const policy = { baseMs: 1000, maxMs: 30_000, factor: 2 };
  it('grows exponentially with equal jitter in [ceiling/2, ceiling]', () => {
    expect(backoffDelayMs(0, 0, policy)).toBe(500);
    expect(backoffDelayMs(0, 1, policy)).toBe(1000);
    expect(backoffDelayMs(1, 0, policy)).toBe(1000);
    expect(backoffDelayMs(3, 0.5, policy)).toBe(6000);
  });
  it('is capped at maxMs whatever the attempt', () => {
    expect(backoffDelayMs(20, 1, policy)).toBe(30_000);
    expect(backoffDelayMs(1000, 0, policy)).toBe(15_000);
  });
  it('clamps nonsense inputs', () => {
    expect(backoffDelayMs(-3, -1, policy)).toBe(500);
    expect(backoffDelayMs(0, 7, policy)).toBe(1000);
  });
  it('stays within bounds for every attempt and random value', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      for (const r of [0, 0.25, 0.5, 0.999]) {
        const d = backoffDelayMs(attempt, r, policy);
        expect(d).toBeGreaterThanOrEqual(500);
        expect(d).toBeLessThanOrEqual(30_000);
      }
    }
  });
});

describe('mailboxKey', () => {
  it('names account and folder, case-folding the account only', () => {
    expect(mailboxKey('Verification@VOB.test', 'INBOX')).toBe('verification@vob.test/INBOX');
  });
});
