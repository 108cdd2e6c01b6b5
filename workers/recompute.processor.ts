// Recompute: run the engine for one athlete from the earliest pending day to today and rewrite the
// daily rows and stage history from there. The pending request is taken in the same transaction
// that writes the rows, so a crash keeps it; a request with nothing pending does nothing, so
// duplicate jobs are harmless. Resuming from the stored state of the day before gives exactly the
// rows of a full recompute (tested).
import { runEngine, type DailyMetricsRow } from '#shared/engine/index';
import { localDateOf } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import { replaceEngineDays, type EngineDayRow } from '#services/db/daily-metrics.repository';
import { replaceStageChanges } from '#services/db/stage-changes.repository';
import { clearPendingRecompute, lockPendingRecompute } from '#services/db/recompute.repository';
import { compactMetrics } from '#services/engine/compact-metrics';
import { ALL_DAYS, prepareEngineInput } from '#services/engine/engine-input';
import type { Processor } from '#services/queue/jobs';
import { raiseAlerts, type AlertDeps } from '#services/coaching/raise-alerts';

export interface RecomputeDeps {
  pool: Pool;
  now: () => Date;
  /** Coaches' alerts after each recompute (absent: none are raised, e.g. in some tests). */
  alerts?: AlertDeps | undefined;
}

export function toEngineDayRow(row: DailyMetricsRow): EngineDayRow {
  const { carry, ...metrics } = row;
  return {
    day: row.date,
    runDistanceM: row.load.runDistanceM,
    runMovingS: row.load.runMovingS,
    runCount: row.load.runCount,
    stage: row.stage,
    action: row.recommendation.action,
    worstSeverity: row.flags[0]?.severity ?? null,
    metrics: compactMetrics(metrics),
    carry,
  };
}

export function createRecomputeProcessor(deps: RecomputeDeps): Processor<'recompute'> {
  return async ({ athleteId }) => {
    await withTransaction(deps.pool, async (client) => {
      const from = await lockPendingRecompute(client, athleteId);
      if (!from) return; // nothing pending: another job did it
      const athlete = await findAthleteById(client, athleteId);
      if (!athlete) return;
      const today = localDateOf(deps.now(), athlete.timezone);
      if (from > today) {
        // Only future days changed: they are computed when they come.
        await clearPendingRecompute(client, athleteId);
        return;
      }
      const prepared = await prepareEngineInput(client, athlete, from, today, {
        refreshLoads: true,
      });
      if (!prepared) {
        await replaceEngineDays(client, athleteId, ALL_DAYS, []);
        await replaceStageChanges(client, athleteId, ALL_DAYS, []);
      } else {
        const out = runEngine(prepared.input);
        await replaceEngineDays(
          client,
          athleteId,
          prepared.writeFrom,
          out.days.map(toEngineDayRow),
        );
        await replaceStageChanges(
          client,
          athleteId,
          prepared.writeFrom,
          out.stageChanges.map((c) => ({
            date: c.date,
            fromStage: c.fromStage,
            toStage: c.toStage,
            kind: c.kind,
            by: c.by,
            reasons: c.reasons,
          })),
        );
      }
      await clearPendingRecompute(client, athleteId);
    });
    // After the rows are written (and on a retry, when nothing was pending): alerts are stored once
    // per event and mailed once, so running this again is harmless.
    if (deps.alerts) await raiseAlerts(deps.alerts, athleteId);
  };
}
