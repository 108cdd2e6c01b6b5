// A new local day needs its row (rest days are explicit zeros, and the decision changes with the
// date): every athlete whose latest computed day is before their own today is recomputed from the
// day after it. Run by the reconciler every minute; a no-op for athletes already up to date.
import { addDays, localDateOf } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { listAthletesWithDays } from '#services/db/daily-metrics.repository';
import type { JobQueue } from '#services/queue/jobs';
import { recomputeFrom } from './request-recompute.ts';

export async function requestNewDays(deps: {
  pool: Pool;
  queue: JobQueue;
  now: () => Date;
}): Promise<number> {
  let requested = 0;
  for (const a of await listAthletesWithDays(deps.pool)) {
    if (a.lastDay === null) continue; // no data yet: the first input starts the series
    const today = localDateOf(deps.now(), a.timezone);
    if (a.lastDay < today) {
      await recomputeFrom({ db: deps.pool, queue: deps.queue }, a.athleteId, addDays(a.lastDay, 1));
      requested += 1;
    }
  }
  return requested;
}
