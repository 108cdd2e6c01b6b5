// Hand-worked from the library's doses: trap-bar deadlift level 1 is 3 sets of 5–8 reps from
// 30 kg to 70 kg in 5 kg steps, level 2 from 50 kg; side plank level 1 holds 15–40 s in 5 s steps.
import { describe, expect, it } from 'vitest';
import {
  exerciseOf,
  progressExercise,
  type Exercise,
  type ExerciseDose,
} from '#shared/rehab/index';

const ex = (id: string): Exercise => {
  const e = exerciseOf(id);
  if (!e) throw new Error(id);
  return e;
};
const deadlift = ex('trap-bar-deadlift');
const dl = (reps: number, loadKg: number, level = 1): ExerciseDose => ({
  exerciseId: 'trap-bar-deadlift',
  level,
  sets: 3,
  reps,
  loadKg,
});
const asDone = (d: ExerciseDose) => ({
  id: d.exerciseId,
  sets: d.sets,
  reps: d.reps,
  loadKg: d.loadKg,
});
const easy = { rpe: 6, pain: 1 };

describe('progressExercise()', () => {
  it('adds a rep when 3×5 at 30 kg was done with RPE 6 and pain 1', () => {
    const r = progressExercise(deadlift, dl(5, 30), asDone(dl(5, 30)), easy);
    expect(r).toMatchObject({ outcome: 'step_up', change: 'reps', next: dl(6, 30) });
  });

  it('adds 5 kg and goes back to 5 reps once 8 reps are done', () => {
    const r = progressExercise(deadlift, dl(8, 30), asDone(dl(8, 30)), easy);
    expect(r).toMatchObject({ change: 'load', next: dl(5, 35) });
  });

  it('moves to the next level at its start once the level’s top load is done for 8', () => {
    const r = progressExercise(deadlift, dl(8, 70), asDone(dl(8, 70)), easy);
    expect(r).toMatchObject({ change: 'level', next: dl(5, 50, 2) });
  });

  it.each([
    [7, 'step_up'],
    [8, 'hold'],
  ])('with RPE %i the dose %s (≤ 7 steps up)', (rpe, outcome) => {
    expect(progressExercise(deadlift, dl(5, 30), asDone(dl(5, 30)), { rpe, pain: 0 }).outcome).toBe(
      outcome,
    );
  });

  it.each([
    [2, 'step_up', dl(6, 30)],
    [3, 'hold', dl(5, 30)],
    [5, 'hold', dl(5, 30)],
  ])('pain %i/10: %s (mild is 0–2, the green zone)', (pain, outcome, next) => {
    const r = progressExercise(deadlift, dl(5, 30), asDone(dl(5, 30)), { rpe: 6, pain });
    expect(r).toMatchObject({ outcome, next });
  });

  it('steps back one load step on red pain (6/10): 8 × 70 kg becomes 8 × 65 kg', () => {
    const r = progressExercise(deadlift, dl(8, 70), asDone(dl(8, 70)), { rpe: 6, pain: 6 });
    expect(r).toMatchObject({ outcome: 'step_back', next: dl(8, 65) });
  });

  it('steps back to the level below when the load is at its start', () => {
    const r = progressExercise(deadlift, dl(5, 50, 2), asDone(dl(5, 50, 2)), { rpe: 6, pain: 7 });
    expect(r.next).toEqual(dl(5, 30, 1));
  });

  it('holds when fewer sets or reps were done than prescribed', () => {
    const r = progressExercise(
      deadlift,
      dl(6, 30),
      { id: 'trap-bar-deadlift', sets: 3, reps: 4 },
      easy,
    );
    expect(r).toMatchObject({ outcome: 'hold', next: dl(6, 30) });
    const fewer = progressExercise(
      deadlift,
      dl(6, 30),
      { id: 'trap-bar-deadlift', sets: 2, reps: 6 },
      easy,
    );
    expect(fewer.outcome).toBe('hold');
  });

  it('holds without an RPE or a pain score: completion cannot be judged', () => {
    expect(progressExercise(deadlift, dl(5, 30), asDone(dl(5, 30)), { pain: 0 }).outcome).toBe(
      'hold',
    );
    expect(progressExercise(deadlift, dl(5, 30), asDone(dl(5, 30)), { rpe: 5 }).outcome).toBe(
      'hold',
    );
  });

  it('starts the next step from a heavier load the runner chose: 3×5 at 40 kg → 3×6 at 40 kg', () => {
    const r = progressExercise(deadlift, dl(5, 30), { ...asDone(dl(5, 30)), loadKg: 40 }, easy);
    expect(r.next).toEqual(dl(6, 40));
  });

  it('lengthens a hold by its step, then moves to the next level: side plank 15 s → 20 s; 40 s → level 2 at 20 s', () => {
    const plank = ex('side-plank');
    const at = (holdS: number, level = 1): ExerciseDose => ({
      exerciseId: 'side-plank',
      level,
      sets: 3,
      holdS,
    });
    const done = (d: ExerciseDose) => ({ id: 'side-plank', sets: 3, holdS: d.holdS });
    expect(progressExercise(plank, at(15), done(at(15)), easy).next).toEqual(at(20));
    expect(progressExercise(plank, at(40), done(at(40)), easy).next).toEqual(at(20, 2));
  });

  it('keeps hip-flexor capacity at level II while heavy hip flexion is held back, and goes to III when allowed', () => {
    const hf = ex('hip-flexor-capacity');
    const top: ExerciseDose = { exerciseId: 'hip-flexor-capacity', level: 2, sets: 3, reps: 12 };
    const log = { id: 'hip-flexor-capacity', sets: 3, reps: 12 };
    expect(progressExercise(hf, top, log, easy, { heavyAllowed: false })).toMatchObject({
      outcome: 'hold',
      next: top,
    });
    expect(progressExercise(hf, top, log, easy, { heavyAllowed: true }).next).toEqual({
      exerciseId: 'hip-flexor-capacity',
      level: 3,
      sets: 3,
      reps: 8,
      loadKg: 1,
    });
  });

  it('keeps the level a coach holds, while reps still step up', () => {
    const clam = ex('clamshell');
    const at = (reps: number): ExerciseDose => ({
      exerciseId: 'clamshell',
      level: 1,
      sets: 3,
      reps,
    });
    expect(
      progressExercise(clam, at(14), { id: 'clamshell', sets: 3, reps: 14 }, easy, {
        levelHeld: true,
      }).next,
    ).toEqual(at(15));
    expect(
      progressExercise(clam, at(15), { id: 'clamshell', sets: 3, reps: 15 }, easy, {
        levelHeld: true,
      }),
    ).toMatchObject({ outcome: 'hold', next: at(15) });
  });
});
