/**
 * Records before replies when mail floods in. Reply jobs and text extraction share the service's
 * main thread (and, on a small host, the cores with Postgres and the SMTP relay): at full reply
 * concurrency a backlog of 3000 messages became records at 198/s instead of ~400/s. While the
 * text extraction queue holds more than a few seconds of work, replies trickle; once it is
 * caught up they run at full concurrency again. Pure: the service applies it to its worker.
 */
export interface ReplyPacing {
  /** Reply jobs at once when extraction is caught up. */
  full: number;
  /** Reply jobs at once during a backlog (never 0: replies keep moving). */
  throttled: number;
  /** Waiting text extract jobs above which replies are throttled. */
  backlogAbove: number;
}

export const DEFAULT_REPLY_PACING: ReplyPacing = { full: 48, throttled: 2, backlogAbove: 500 };

export function replyConcurrency(extractWaiting: number, pacing: ReplyPacing = DEFAULT_REPLY_PACING): number {
  return extractWaiting > pacing.backlogAbove ? pacing.throttled : pacing.full;
}
