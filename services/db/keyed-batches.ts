// Writes of one key (a row) done one batch at a time: those that arrive while a batch of their key
// is committing wait, and go together in the next. A commit holds the row's lock while the
// write-ahead log reaches the disk, so writes of one row sent at once would otherwise queue on
// that lock and pay a flush each; batched, they share one.

export interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(err: unknown): void;
}

/** `run` writes a batch (in arrival order) and settles every one of its waiters. */
export function createKeyedBatches<T, R>(
  run: (batch: Array<Waiting<T, R>>) => Promise<void>,
): (key: string, item: T) => Promise<R> {
  // Per key: what waits for the batch under way. A key is present exactly while one is under way.
  const next = new Map<string, Array<Waiting<T, R>>>();

  async function runWhileWaiting(key: string, first: Waiting<T, R>): Promise<void> {
    let batch = [first];
    while (batch.length > 0) {
      next.set(key, []);
      await run(batch).catch((err: unknown) => {
        for (const w of batch) w.reject(err);
      });
      batch = next.get(key) ?? [];
    }
    next.delete(key);
  }

  return (key, item) =>
    new Promise<R>((resolve, reject) => {
      const waiting = next.get(key);
      if (waiting) waiting.push({ item, resolve, reject });
      else void runWhileWaiting(key, { item, resolve, reject });
    });
}
