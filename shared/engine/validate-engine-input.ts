// Checks of the engine's input, once at its entry: bad input is a BadInputError naming what is wrong.
import { BadInputError } from '../errors.ts';
import { addDays, isTimeZone, type LocalDate } from '../local-date.ts';
import { isValidLocalDate } from './day-number.ts';
import { validateCheckIn } from './merge-check-ins.ts';
import type { EngineInput } from './engine-types.ts';
import type { ManualStageSetting, StageDefinition } from './types.ts';

function fail(reason: string, message: string): never {
  throw new BadInputError(reason, message);
}

export function validateInput(input: EngineInput, plan: readonly StageDefinition[]): void {
  const { profile, today } = input;
  if (!isValidLocalDate(today)) fail('today_invalid', `invalid today: ${today}`);
  if (!isTimeZone(profile.timezone))
    fail('timezone_invalid', `invalid timezone: ${profile.timezone}`);
  if (!['male', 'female', 'unknown'].includes(profile.sex))
    fail('sex_invalid', `invalid sex: ${String(profile.sex)}`);
  const ids = new Set<string>();
  for (const r of input.runs) {
    if (ids.has(r.id)) fail('run_duplicate', `duplicate run id: ${r.id}`);
    ids.add(r.id);
    if (!(r.startAt instanceof Date) || Number.isNaN(r.startAt.getTime()))
      fail('run_start_invalid', `run ${r.id}: invalid startAt`);
    if (
      !(r.distanceM >= 0) ||
      !(r.movingS >= 0) ||
      !Number.isFinite(r.distanceM) ||
      !Number.isFinite(r.movingS)
    ) {
      fail('run_numbers_invalid', `run ${r.id}: distanceM and movingS must be ≥ 0`);
    }
  }
  for (const c of input.checkins) validateCheckIn(c);
  for (const c of input.crossTraining) {
    if (!isValidLocalDate(c.date))
      fail('cross_training_date_invalid', `invalid cross-training date: ${c.date}`);
    if (!(c.minutes >= 0) || !Number.isFinite(c.minutes))
      fail(
        'cross_training_minutes_invalid',
        `cross-training ${c.date}: invalid minutes: ${c.minutes}`,
      );
    if (c.pain != null && !(Number.isFinite(c.pain) && c.pain >= 0 && c.pain <= 10))
      fail('cross_training_pain_invalid', `cross-training ${c.date}: invalid pain: ${c.pain}`);
  }
  const startStage = input.progression?.startStage ?? 0;
  const inPlan = (s: number): boolean => Number.isInteger(s) && s >= 0 && s < plan.length;
  if (!inPlan(startStage)) fail('stage_invalid', `invalid startStage: ${startStage}`);
  for (const m of input.progression?.manualStages ?? []) {
    if (!isValidLocalDate(m.date)) fail('stage_date_invalid', `invalid stage date: ${m.date}`);
    if (!inPlan(m.stage)) fail('stage_invalid', `invalid stage: ${m.stage} (0–${plan.length - 1})`);
  }
  for (const c of input.clearances ?? []) {
    if (!isValidLocalDate(c.date))
      fail('clearance_date_invalid', `invalid clearance date: ${c.date}`);
    if (c.stage != null && !inPlan(c.stage))
      fail('stage_invalid', `invalid clearance stage: ${c.stage} (0–${plan.length - 1})`);
  }
  const surgery = input.progression?.surgeryDate;
  if (surgery != null && !isValidLocalDate(surgery))
    fail('surgery_date_invalid', `invalid surgeryDate: ${surgery}`);
  if (input.resume) {
    const { from, carry } = input.resume;
    if (!isValidLocalDate(from) || from > today)
      fail('resume_invalid', `invalid resume.from: ${from}`);
    if (carry.date !== addDays(from, -1))
      fail('resume_invalid', `resume carry closes ${carry.date}, expected ${addDays(from, -1)}`);
    if (!inPlan(carry.progression.stage))
      fail('resume_invalid', `resume carry has stage ${carry.progression.stage}, not in the plan`);
  }
}

export function manualByDate(
  settings: readonly ManualStageSetting[],
): Map<LocalDate, ManualStageSetting> {
  // Several settings on one day: a fixed order (by, stage, note) picks the last, whatever the input order.
  const sorted = [...settings].sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.by !== b.by
        ? a.by < b.by
          ? -1
          : 1
        : a.stage !== b.stage
          ? a.stage - b.stage
          : (a.note ?? '') < (b.note ?? '')
            ? -1
            : 1,
  );
  const m = new Map<LocalDate, ManualStageSetting>();
  for (const s of sorted) m.set(s.date, s);
  return m;
}
