// The one entry of the engine: inputs in, one row per local day, the stage changes and today's
// decision out. Deterministic and replayable: a recompute from day d with the carry of day d−1
// gives exactly the rows of a full recompute (tests/unit/engine/run-engine.test.ts).
import { isRunningSport } from '../activity/activity.ts';
import { BadInputError } from '../errors.ts';
import { addDays, daysBetween, localDateOf, type LocalDate } from '../local-date.ts';

import { computeDailySeries, isWalkingKind, type DatedRun } from './compute-daily-series.ts';
import { isRpe } from './compute-srpe.ts';
import { DEFAULT_PLAN } from './default-plan.ts';
import { engineDaysOf } from './engine-days.ts';
import type { DailyMetricsRow, EngineCarry, EngineInput, EngineOutput } from './engine-types.ts';
import { holdOf } from './hold-of.ts';
import { mergeCheckIns } from './merge-check-ins.ts';
import { validatePlan } from './validate-plan.ts';
import type { DayContext, Recommendation } from './recommend-today.ts';
import { recommendWeek } from './recommend-week.ts';
import { sessionShapesOf } from './session-shape.ts';
import { stepDay, type EngineRules } from './step-day.ts';
import { strengthPainByDate } from './strength-pain.ts';
import { lookbackDaysOf, resolveThresholds } from './thresholds.ts';
import { manualByDate, validateInput } from './validate-engine-input.ts';
import type { AthleteProfile, EngineRun, StageChange } from './types.ts';

export type {
  AwaitingSession,
  DailyMetricsRow,
  EngineCarry,
  EngineInput,
  EngineOutput,
  Hold,
  PainSummary,
  ProgressionSummary,
  TodayDecision,
} from './engine-types.ts';

/** The carry of the day before the history's first day. */
export function initialCarry(
  firstDate: LocalDate,
  profile: AthleteProfile,
  startStage: number,
): EngineCarry {
  return {
    date: addDays(firstDate, -1),
    firstDate,
    ewmaAcute: 0,
    ewmaChronic: 0,
    ctl: profile.ctlStart ?? 0,
    atl: profile.atlStart ?? 0,
    progression: { stage: startStage, completions: 0, stageSince: firstDate, noRunBefore: null },
    recentSpikes: [],
    painTrendRising: false,
    redFlagHold: null,
    waitingForBaseline: null,
    breakRef: { date: addDays(firstDate, -1), stage: startStage },
    firstMornings: { pain: [], stiffness: [] },
    awaiting: null,
  };
}

function startChange(firstDate: LocalDate, startStage: number): StageChange {
  return {
    date: firstDate,
    fromStage: startStage,
    toStage: startStage,
    kind: 'start',
    by: 'engine',
    reasons: [
      {
        code: 'start',
        message: `History starts at stage ${startStage}.`,
        value: startStage,
        rule: 'progression',
      },
    ],
  };
}

/** Runs the whole engine for one athlete. Throws BadInputError on input it cannot use. */
export function runEngine(input: EngineInput): EngineOutput {
  const plan = input.progression?.plan ?? DEFAULT_PLAN;
  validatePlan(plan);
  validateInput(input, plan);
  const t = resolveThresholds(input.progression?.thresholds);
  const { profile, today } = input;
  const rules: EngineRules = {
    plan,
    t,
    clearances: (input.clearances ?? []).filter((c) => c.date <= today),
    surgeryDate: input.progression?.surgeryDate ?? null,
    manual: manualByDate((input.progression?.manualStages ?? []).filter((m) => m.date <= today)),
  };

  // Place every activity on its local day (science.md §1).
  const runDateById = new Map<string, LocalDate>();
  const placed: { run: EngineRun; localDate: LocalDate }[] = [];
  for (const run of input.runs) {
    const localDate = localDateOf(run.startAt, profile.timezone);
    runDateById.set(run.id, localDate);
    if (localDate <= today) placed.push({ run, localDate });
  }
  const checkins = input.checkins.filter((c) => c.date <= today);
  const merged = mergeCheckIns(checkins, runDateById);
  const crossTraining = input.crossTraining.filter((c) => c.date <= today);

  let earliest: LocalDate = today;
  for (const p of placed) if (p.localDate < earliest) earliest = p.localDate;
  for (const c of checkins) if (c.date < earliest) earliest = c.date;
  for (const c of crossTraining) if (c.date < earliest) earliest = c.date;
  for (const d of rules.manual.keys()) if (d < earliest) earliest = d;

  const startStage = input.progression?.startStage ?? 0;
  let carry: EngineCarry;
  let startDay: LocalDate;
  if (input.resume) {
    carry = input.resume.carry;
    startDay = input.resume.from;
    if (earliest < carry.firstDate)
      throw new BadInputError(
        'resume_before_history',
        `input on ${earliest} is before the first day ${carry.firstDate}: recompute from scratch`,
      );
  } else {
    carry = initialCarry(earliest, profile, startStage);
    startDay = earliest;
  }
  const firstDate = carry.firstDate;
  const lookback = lookbackDaysOf(t);
  const rangeStart =
    addDays(startDay, -lookback) > firstDate ? addDays(startDay, -lookback) : firstDate;

  const datedRuns: DatedRun[] = placed.map(({ run, localDate }) => {
    const sessionRpe = merged.session.get(localDate)?.rpe;
    const rpe = isRpe(run.rpe) ? run.rpe : (merged.rpeByRunId.get(run.id) ?? sessionRpe ?? null);
    return {
      id: run.id,
      localDate,
      running: isRunningSport(run.sport),
      walking: isWalkingKind(run.sport),
      kind: run.sport,
      distanceM: run.distanceM,
      movingS: run.movingS,
      trimp: run.trimp ?? null,
      rtss: run.rtss ?? null,
      rpe,
      shapes:
        run.intervals !== undefined && isRunningSport(run.sport)
          ? sessionShapesOf({
              intervals: run.intervals,
              laps: run.laps ?? [],
              movingS: run.movingS,
              distanceM: run.distanceM,
              strides: run.strides ?? [],
              hillRepeats: run.hillRepeats ?? 0,
            })
          : null,
    };
  });
  const series = computeDailySeries(rangeStart, today, datedRuns, crossTraining, t);
  // Days of history before index 0 of the series (0 unless resuming).
  const days = engineDaysOf(
    series,
    merged,
    daysBetween(firstDate, rangeStart),
    carry.firstMornings,
    t,
    strengthPainByDate(crossTraining),
  );

  const rows: DailyMetricsRow[] = [];
  const stageChanges: StageChange[] = input.resume ? [] : [startChange(firstDate, startStage)];
  let ctx: DayContext | undefined;
  let rec: Recommendation | undefined;
  for (let i = daysBetween(rangeStart, startDay); i < series.length; i++) {
    const step = stepDay(days, i, carry, rules);
    rows.push(step.row);
    stageChanges.push(...step.row.progression.changes);
    carry = step.row.carry;
    ctx = step.ctx;
    rec = step.recommendation;
  }

  const lastRow = rows[rows.length - 1] as DailyMetricsRow;
  const lastCtx = ctx as DayContext;
  const last = rec as Recommendation;
  return {
    firstDate,
    days: rows,
    stageChanges,
    today: {
      date: lastRow.date,
      stage: lastRow.stage,
      stageName: lastRow.progression.stageName,
      recommendation: {
        action: last.action,
        summary: last.summary,
        reasons: last.reasons,
        prescription: last.prescription,
        minutes: last.minutes,
      },
      flags: lastRow.flags,
      plan: recommendWeek(lastCtx, last, t),
      hold: holdOf(lastCtx),
    },
  };
}
