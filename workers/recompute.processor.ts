// Recompute: rewrite an athlete's daily metrics from the earliest pending day to today. The
// pending request is taken in the same transaction that writes the rows, so a crash keeps it.
import { computeDailyVolume } from '#shared/daily-volume';
import { localDateOf } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { runTotalsByDay } from '#services/db/activities.repository';
import { replaceDailyVolume } from '#services/db/metrics.repository';
import { clearPendingRecompute, lockPendingRecompute } from '#services/db/recompute.repository';
import type { Processor } from '#services/queue/jobs';

export const RUNNING_SPORTS = ['run', 'trail_run', 'treadmill_run'] as const;

export interface RecomputeDeps {
  pool: Pool;
  now: () => Date;
}

export function createRecomputeProcessor(deps: RecomputeDeps): Processor<'recompute'> {
  return async ({ athleteId }) => {
    await withTransaction(deps.pool, async (client) => {
      const from = await lockPendingRecompute(client, athleteId);
      if (!from) return; // nothing pending: another job did it
      const athlete = await findAthleteById(client, athleteId);
      if (!athlete) return;
      const totals = await runTotalsByDay(client, athleteId, from, RUNNING_SPORTS);
      const today = localDateOf(deps.now(), athlete.timezone);
      const lastRun = totals.at(-1)?.day;
      const to = lastRun !== undefined && lastRun > today ? lastRun : today;
      const rows = from <= to ? computeDailyVolume(from, to, totals) : [];
      await replaceDailyVolume(client, athleteId, from, rows);
      await clearPendingRecompute(client, athleteId);
    });
  };
}
