/**
 * Group commit for concurrent callers: each call submits one item and gets its own result, while
 * the items that arrive during a run are handed to the next run together. At low load every run
 * holds one item (no added latency); under load runs grow up to `maxBatch`, so the fixed cost of a
 * run (a transaction's round trips) is shared. A run that fails is retried item by item, so one
 * bad item fails only its own caller.
 */
export interface MicroBatcherOptions<I, O> {
  /** Largest batch handed to one run. */
  maxBatch: number;
  /** Runs at once (default 1). */
  maxInFlight?: number;
  /** Results in the order of `items`, one per item. */
  run(items: readonly I[]): Promise<O[]>;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

export type MicroBatcher<I, O> = (item: I) => Promise<O>;

export function createMicroBatcher<I, O>({ maxBatch, maxInFlight = 1, run }: MicroBatcherOptions<I, O>): MicroBatcher<I, O> {
  if (!(maxBatch >= 1) || !(maxInFlight >= 1)) throw new RangeError('maxBatch and maxInFlight must be at least 1');
  const waiting: Waiting<I, O>[] = [];
  let inFlight = 0;

  const runOne = async (entry: Waiting<I, O>): Promise<void> => {
    try {
      const [result] = await run([entry.item]);
      entry.resolve(result as O);
    } catch (err) {
      entry.reject(err);
    }
  };

  const runBatch = async (batch: Waiting<I, O>[]): Promise<void> => {
    let results: O[];
    try {
      results = await run(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`batch run returned ${results.length} results for ${batch.length} items`);
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const entry of batch) await runOne(entry);
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i] as O));
  };

  const pump = (): void => {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      inFlight += 1;
      void runBatch(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}
