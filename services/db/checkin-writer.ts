// Check-ins of one athlete's day written by this process go one transaction at a time, and those
// that arrive while one is committing are written together in the next: each commit waits for the
// write-ahead log to reach the disk while holding the row's lock, so writes of the same row that
// queued on that lock would each pay a flush in turn; written together they share one. Each write
// is still its own statement, in arrival order, and each caller gets the row as its write left it.
import { withTransaction, type Pool, type Queryable } from './database.ts';
import { saveCheckIn, type CheckInFields } from './checkins.repository.ts';

export interface CheckInWrite {
  athleteId: string;
  date: string;
  fields: Partial<CheckInFields>;
  mode: 'merge' | 'replace';
}

export type CheckInWritten = Awaited<ReturnType<typeof saveCheckIn>>;

interface Waiting {
  write: CheckInWrite;
  resolve(written: CheckInWritten): void;
  reject(err: unknown): void;
}

export function createCheckInWriter(pool: Pool): (write: CheckInWrite) => Promise<CheckInWritten> {
  // Per athlete and day: the writes waiting for the transaction under way to end. A key is present
  // exactly while a transaction of it is under way.
  const next = new Map<string, Waiting[]>();

  const save = (db: Queryable, w: CheckInWrite) =>
    saveCheckIn(db, w.athleteId, w.date, w.fields, w.mode);

  async function writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const written = await withTransaction(pool, async (client) => {
        const out: CheckInWritten[] = [];
        for (const w of batch) out.push(await save(client, w.write));
        return out;
      });
      batch.forEach((w, i) => w.resolve(written[i] as CheckInWritten));
    } catch (err) {
      // One bad write (its run deleted meanwhile) must not fail the others: each on its own.
      if (batch.length === 1) batch[0]?.reject(err);
      else for (const w of batch) await save(pool, w.write).then(w.resolve, w.reject);
    }
  }

  async function writeWhileWaiting(key: string, first: Waiting): Promise<void> {
    let batch = [first];
    while (batch.length > 0) {
      next.set(key, []);
      await writeBatch(batch);
      batch = next.get(key) ?? [];
    }
    next.delete(key);
  }

  return (write) =>
    new Promise<CheckInWritten>((resolve, reject) => {
      const key = `${write.athleteId}|${write.date}`;
      const waiting = next.get(key);
      if (waiting) {
        waiting.push({ write, resolve, reject });
        return;
      }
      void writeWhileWaiting(key, { write, resolve, reject });
    });
}
