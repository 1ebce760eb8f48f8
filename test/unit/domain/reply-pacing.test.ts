import { DEFAULT_REPLY_PACING, replyConcurrency } from '../../../src/domain/reply-pacing';

describe('replyConcurrency', () => {
  const pacing = { full: 48, throttled: 2, backlogAbove: 500 };

  it('runs replies at full concurrency while text extraction is caught up', () => {
    expect(replyConcurrency(0, pacing)).toBe(48);
    expect(replyConcurrency(500, pacing)).toBe(48);
  });

  it('lets replies trickle, never stop, while extraction has a backlog', () => {
    expect(replyConcurrency(501, pacing)).toBe(2);
    expect(replyConcurrency(50_000, pacing)).toBe(2);
  });

  it('defaults to a throttled setting of at least one job', () => {
    expect(DEFAULT_REPLY_PACING.throttled).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_REPLY_PACING.full).toBeGreaterThan(DEFAULT_REPLY_PACING.throttled);
  });
});
