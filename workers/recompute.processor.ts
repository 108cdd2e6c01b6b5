// Recompute: run the engine for one athlete from the earliest pending day to today and rewrite the
// daily rows (those that changed) and stage history from there. The pending request is cleared in
// the transaction that writes the rows, so a crash keeps it; a request with nothing pending does
// nothing, so duplicate jobs are harmless. Requests are never blocked by a running recompute: what
// arrives meanwhile is recomputed by the same job right after. Resuming from the stored state of
// the day before gives exactly the rows of a full recompute (tested).
import { runEngine, type DailyMetricsRow } from '#shared/engine/index';
import { localDateOf } from '#shared/local-date';
import type { Client, Pool } from '#services/db/database';
import { findAthleteById } from '#services/db/athletes.repository';
import {
  readStoredDigests,
  replaceEngineDays,
  type EngineDayRow,
} from '#services/db/daily-metrics.repository';
import { listStageChanges, replaceStageChanges } from '#services/db/stage-changes.repository';
import { claimPendingRecompute, finishPendingRecompute } from '#services/db/recompute.repository';
import { deleteTodayDecision, saveTodayDecision } from '#services/db/today-decisions.repository';
import { compactMetrics } from '#services/engine/compact-metrics';
import { LEAN_FORMAT, leanDay } from '#services/engine/lean-day';
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
  const totals = {
    day: row.date,
    runDistanceM: row.load.runDistanceM,
    runMovingS: row.load.runMovingS,
    runCount: row.load.runCount,
  };
  return {
    ...totals,
    stage: row.stage,
    action: row.recommendation.action,
    worstSeverity: row.flags[0]?.severity ?? null,
    metrics: compactMetrics(metrics),
    carry,
    lean: { format: LEAN_FORMAT, text: () => JSON.stringify(leanDay(totals, metrics)) },
  };
}

// Every recompute of one athlete runs under this advisory lock (keyed by the athlete), one at a time
// across processes; nothing else takes it, so a check-in never waits for a recompute.
const LOCK_SPACE = 1_202_611_30;

/** Run `fn` on one connection holding the athlete's recompute lock. */
async function underRecomputeLock<T>(
  pool: Pool,
  athleteId: string,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let healthy = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_SPACE, athleteId]);
    const result = await fn(client);
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, athleteId]);
    healthy = true;
    return result;
  } finally {
    // A connection that may still hold the lock is closed, never handed back to the pool.
    client.release(!healthy);
  }
}

/** One recompute of what is pending; true when more was requested while it ran. */
async function recomputeOnce(deps: RecomputeDeps, athleteId: string): Promise<boolean> {
  return underRecomputeLock(deps.pool, athleteId, async (client) => {
    const from = await claimPendingRecompute(client, athleteId);
    if (!from) return false; // nothing pending: another job did it
    await client.query('BEGIN');
    try {
      const more = await writeRecompute(deps, client, athleteId, from);
      await client.query('COMMIT');
      return more;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

/** Inside the transaction: compute from `from` to today and write the rows that changed. */
async function writeRecompute(
  deps: RecomputeDeps,
  client: Client,
  athleteId: string,
  from: string,
): Promise<boolean> {
  const athlete = await findAthleteById(client, athleteId);
  if (!athlete) return false;
  const today = localDateOf(deps.now(), athlete.timezone);
  // Only future days changed: they are computed when they come (today is computed live till then).
  if (from > today) {
    await deleteTodayDecision(client, athleteId);
    return finishPendingRecompute(client, athleteId);
  }
  // Reads go through the pool, side by side (the rows this recompute writes are written only under
  // its lock, so reading them on other connections sees what this transaction would).
  const prepared = await prepareEngineInput(client, athlete, from, today, {
    refreshLoads: true,
    reads: deps.pool,
  });
  if (!prepared) {
    await replaceEngineDays(client, athleteId, ALL_DAYS, []);
    await replaceStageChanges(client, athleteId, ALL_DAYS, []);
    await deleteTodayDecision(client, athleteId);
  } else {
    // What is stored (the days' digests, the stage changes) is read while the engine runs, and
    // awaited by the writes that compare with it (if the engine throws, the reads are dropped).
    const stored = readStoredDigests(deps.pool, athleteId, prepared.writeFrom);
    const storedChanges = listStageChanges(deps.pool, athleteId);
    stored.catch(() => undefined);
    storedChanges.catch(() => undefined);
    const out = runEngine(prepared.input);
    await saveTodayDecision(client, athleteId, today, out.today);
    await replaceEngineDays(
      client,
      athleteId,
      prepared.writeFrom,
      out.days.map(toEngineDayRow),
      stored,
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
      storedChanges,
    );
  }
  return finishPendingRecompute(client, athleteId);
}

/** Rounds one job runs while requests keep coming; then the next request's job takes over. */
const MAX_ROUNDS = 20;
/**
 * The pause before running again for requests that came during a round: a burst of writes is
 * recomputed together, and the API sharing the process keeps the CPU meanwhile. Today's decision
 * is computed live while a request is pending, so nobody reads a stale answer in the pause.
 */
const GATHER_MS = 200;

export function createRecomputeProcessor(deps: RecomputeDeps): Processor<'recompute'> {
  return async ({ athleteId }) => {
    // A request that arrives while this runs joins the job (its own is the same job): run again.
    for (let round = 0; round < MAX_ROUNDS && (await recomputeOnce(deps, athleteId)); round++)
      await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
    // After the rows are written (and on a retry, when nothing was pending): alerts are stored once
    // per event and mailed once, so running this again is harmless.
    if (deps.alerts) await raiseAlerts(deps.alerts, athleteId);
  };
}
