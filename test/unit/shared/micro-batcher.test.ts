import { createMicroBatcher } from '../../../src/shared/micro-batcher';

/** A run the test releases by hand, recording the batches it was given. */
function controlledRun() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const run = (items: readonly number[]): Promise<string[]> => {
    batches.push([...items]);
    return new Promise((resolve, reject) => {
      releases.push(() => (items.includes(13) ? reject(new Error('unlucky')) : resolve(items.map((i) => `done ${i}`))));
    });
  };
  const releaseNext = async (): Promise<void> => {
    for (let tries = 0; releases.length === 0 && tries < 100; tries++) await new Promise((r) => setImmediate(r));
    releases.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, run, releaseNext };
}

describe('createMicroBatcher', () => {
  it('runs a lone item at once, and groups the items that arrive while a run is in flight', async () => {
    const { batches, run, releaseNext } = controlledRun();
    const submit = createMicroBatcher({ maxBatch: 10, run });
    const first = submit(1);
    const rest = [2, 3, 4].map((i) => submit(i));
    expect(batches).toEqual([[1]]);
    await releaseNext();
    expect(await first).toBe('done 1');
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await releaseNext();
    expect(await Promise.all(rest)).toEqual(['done 2', 'done 3', 'done 4']);
  });

  it('caps a batch at maxBatch and runs up to maxInFlight batches at once', async () => {
    const { batches, run, releaseNext } = controlledRun();
    const submit = createMicroBatcher({ maxBatch: 2, maxInFlight: 2, run });
    const all = [1, 2, 3, 4, 5, 6].map((i) => submit(i));
    expect(batches).toEqual([[1], [2]]);
    await releaseNext();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    for (let i = 0; i < 3; i++) await releaseNext(); // [2], [3, 4], [5, 6]
    expect(batches).toEqual([[1], [2], [3, 4], [5, 6]]);
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `done ${i}`));
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const { batches, run, releaseNext } = controlledRun();
    const submit = createMicroBatcher({ maxBatch: 10, run });
    const lead = submit(1);
    const group = [12, 13, 14].map((i) => submit(i).catch((err: Error) => err.message));
    await releaseNext(); // [1]
    await releaseNext(); // [12, 13, 14] fails
    await releaseNext(); // [12]
    await releaseNext(); // [13] fails
    await releaseNext(); // [14]
    expect(await lead).toBe('done 1');
    expect(await Promise.all(group)).toEqual(['done 12', 'unlucky', 'done 14']);
    expect(batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });

  it('fails every caller of a batch whose run answers the wrong number of results, one by one', async () => {
    let calls = 0;
    const submit = createMicroBatcher<number, number>({
      maxBatch: 10,
      run: async (items) => {
        calls += 1;
        return items.length > 1 ? [0] : items.map((i) => i * 2);
      },
    });
    const results = await Promise.all([submit(1), submit(2), submit(3)]);
    expect(results).toEqual([2, 4, 6]);
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('refuses a batch size below one', () => {
    expect(() => createMicroBatcher({ maxBatch: 0, run: async () => [] })).toThrow(RangeError);
  });
});
