// Check-ins of one athlete's day written by this process go one transaction at a time, and those
// that arrive while one is committing are written together in the next (keyed-batches.ts). Each
// write is still its own statement, in arrival order, and each caller gets the row as its write
// left it.
import { withTransaction, type Pool, type Queryable } from './database.ts';
import { saveCheckIn, type CheckInFields } from './checkins.repository.ts';
import { createKeyedBatches } from './keyed-batches.ts';

export interface CheckInWrite {
  athleteId: string;
  date: string;
  fields: Partial<CheckInFields>;
  mode: 'merge' | 'replace';
}

export type CheckInWritten = Awaited<ReturnType<typeof saveCheckIn>>;

export function createCheckInWriter(pool: Pool): (write: CheckInWrite) => Promise<CheckInWritten> {
  const save = (db: Queryable, w: CheckInWrite) =>
    saveCheckIn(db, w.athleteId, w.date, w.fields, w.mode);
  const batches = createKeyedBatches<CheckInWrite, CheckInWritten>(async (batch) => {
    const [only] = batch;
    // Alone: one statement, committed by itself (BEGIN and COMMIT would be two more round trips).
    if (only && batch.length === 1) return save(pool, only.item).then(only.resolve, only.reject);
    try {
      const written = await withTransaction(pool, async (client) => {
        const out: CheckInWritten[] = [];
        for (const w of batch) out.push(await save(client, w.item));
        return out;
      });
      batch.forEach((w, i) => w.resolve(written[i] as CheckInWritten));
    } catch {
      // One bad write (its run deleted meanwhile) must not fail the others: each on its own.
      for (const w of batch) await save(pool, w.item).then(w.resolve, w.reject);
    }
  });
  return (write) => batches(`${write.athleteId}|${write.date}`, write);
}
