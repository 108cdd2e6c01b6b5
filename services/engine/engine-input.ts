// Builds the engine's input for one athlete from the database: the profile, the progression
// settings, and the activities, check-ins and cross-training the engine needs (from `since` on).
import type { Sport } from '#shared/activity/activity';
import type {
  CheckIn,
  Clearance,
  CrossTraining,
  EngineCarry,
  EngineInput,
  EngineRun,
  ProgressionSettings,
  StageDefinition,
  Thresholds,
} from '#shared/engine/index';
import { lookbackDaysOf, resolveThresholds } from '#shared/engine/index';
import { activityLoadsOf, loadsProfileKey, profileOf } from './activity-loads.ts';
import { addDays, type LocalDate } from '#shared/local-date';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { listActivitySamples } from '#services/db/activities.repository';
import { listCheckIns } from '#services/db/checkins.repository';
import { listClearances } from '#services/db/clearances.repository';
import {
  earliestInputDate,
  listEngineActivities,
  updateActivityLoads,
  type EngineActivityRow,
} from '#services/db/engine-inputs.repository';
import { findCarry } from '#services/db/daily-metrics.repository';
import { listCrossTraining } from '#services/db/cross-training.repository';
import { findProgressionSettings, listManualStages } from '#services/db/progression.repository';
import { listStrengthSessions } from '#services/db/strength-sessions.repository';

export { activityLoadsOf, loadsProfileKey, profileOf } from './activity-loads.ts';

export async function progressionOf(db: Queryable, athlete: Athlete): Promise<ProgressionSettings> {
  const [settings, manual] = await Promise.all([
    findProgressionSettings(db, athlete.id),
    listManualStages(db, athlete.id),
  ]);
  return {
    startStage: settings.startStage,
    surgeryDate: athlete.surgeryDate,
    ...(settings.plan ? { plan: settings.plan as StageDefinition[] } : {}),
    thresholds: settings.thresholds as Partial<Thresholds>,
    manualStages: manual.map((m) => ({ date: m.date, stage: m.stage, by: m.by, note: m.note })),
  };
}

/**
 * Bring the cached TRIMP/rTSS of these activities up to date with the athlete's profile (computed
 * per sample from the stored samples). Returns the rows with current loads.
 */
export async function refreshLoads(
  db: Queryable,
  athlete: Athlete,
  rows: EngineActivityRow[],
): Promise<EngineActivityRow[]> {
  const key = loadsProfileKey(athlete);
  const profile = profileOf(athlete);
  const out: EngineActivityRow[] = [];
  for (const r of rows) {
    if (r.loadsProfile === key) {
      out.push(r);
      continue;
    }
    const samples = await listActivitySamples(db, r.id);
    const loads = activityLoadsOf(
      samples,
      { ...r, intervals: r.shape?.intervals ?? null },
      profile,
    );
    await updateActivityLoads(db, r.id, { ...loads, profile: key });
    out.push({ ...r, ...loads, loadsProfile: key });
  }
  return out;
}

/** Every clearance of the athlete, as the engine reads them. */
export async function clearancesOf(db: Queryable, athleteId: string): Promise<Clearance[]> {
  return (await listClearances(db, athleteId)).map((c) => ({
    date: c.date,
    stage: c.stage,
    by: c.by,
  }));
}

const runOf = (r: EngineActivityRow): EngineRun => ({
  id: r.id,
  startAt: r.startAt,
  sport: r.sport as Sport,
  distanceM: r.distanceM,
  movingS: r.movingS,
  trimp: r.trimp,
  rtss: r.rtss,
  ...(r.shape ? { intervals: r.shape.intervals, laps: r.shape.laps } : {}),
  ...(r.intensity
    ? { strides: r.intensity.strides, hillRepeats: r.intensity.hillRepeats.length }
    : {}),
});

/** A day before any data: replacing rows from it replaces them all. */
export const ALL_DAYS = '0001-01-01';

export interface PreparedInput {
  input: EngineInput;
  /** The first day whose stored rows the output replaces (every row, on a full recompute). */
  writeFrom: LocalDate;
}

/**
 * The engine input to compute from `from` to `today`: resumed from the stored state of the day
 * before when there is one, otherwise the whole history. Undefined when the athlete has no data.
 * Reads that do not depend on each other are issued together: on the pool (`reads`, default `db`)
 * they run side by side on several connections, so the input costs three round trips instead of
 * ten; loads brought up to date are written through `db` (the caller's transaction).
 */
export async function prepareEngineInput(
  db: Queryable,
  athlete: Athlete,
  from: LocalDate,
  today: LocalDate,
  options: { refreshLoads: boolean; reads?: Queryable },
): Promise<PreparedInput | undefined> {
  const reads = options.reads ?? db;
  const [first, progression] = await Promise.all([
    earliestInputDate(reads, athlete.id),
    progressionOf(reads, athlete),
  ]);
  if (first === undefined) return undefined;
  let resume: EngineInput['resume'];
  if (from > first) {
    const carry = (await findCarry(reads, athlete.id, addDays(from, -1))) as
      EngineCarry | undefined;
    if (carry && carry.firstDate === first) resume = { from, carry };
  }
  const since = resume
    ? addDays(from, -lookbackDaysOf(resolveThresholds(progression.thresholds)))
    : undefined;
  const [listed, checkins, crossTraining, strength, clearances] = await Promise.all([
    listEngineActivities(reads, athlete.id, since),
    listCheckIns(reads, athlete.id, { from: since }),
    listCrossTraining(reads, athlete.id, { from: since }),
    // Logged strength sessions are strength cross-training: session-RPE load, no running distance.
    listStrengthSessions(reads, athlete.id, { from: since }),
    clearancesOf(reads, athlete.id),
  ]);
  const activities = options.refreshLoads ? await refreshLoads(db, athlete, listed) : listed;
  const input: EngineInput = {
    profile: profileOf(athlete),
    runs: activities.map(runOf),
    checkins: checkins.map(
      ({ id: _id, loggedAt: _loggedAt, updatedAt: _updatedAt, ...c }) => c as CheckIn,
    ),
    crossTraining: [
      ...crossTraining.map(({ id: _id, ...c }) => c as CrossTraining),
      ...strength.map((s) => ({
        date: s.date,
        kind: 'strength',
        minutes: s.minutes,
        rpe: s.rpe,
        pain: s.pain,
      })),
    ],
    progression,
    clearances,
    today,
    ...(resume ? { resume } : {}),
  };
  return { input, writeFrom: resume ? from : ALL_DAYS };
}
