// science.md §7: "a strength session with pain above mild counts like an amber run" — and §4 says
// what an amber run does: "no run the next day, and the next run repeats the stage". Each story is
// worked out day by day in its comments.
import { describe, expect, it } from 'vitest';
import type { TodayDecision } from '../../../shared/engine/run-engine.ts';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import {
  strengthPainByDate,
  strengthPainReasonOf,
  withStrengthPain,
} from '../../../shared/engine/strength-pain.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';
import type { SessionEvaluation } from '../../../shared/engine/progression.ts';
import { addDays, type LocalDate } from '../../../shared/local-date.ts';
import { ScenarioBuilder } from '../../fixtures/engine-scenarios.ts';

const MON = '2026-03-02'; // a Monday
const day = (k: number): LocalDate => addDays(MON, k);
const NO_RUN = ['cross_train', 'strength', 'rest'];
const STAGE_5 = DEFAULT_PLAN[5] as StageDefinition;

/**
 * Stage 5 (continuous 20 min, 2 completed sessions to move on, never two run days in a row).
 * Mornings 1/10 every day. Mon: a green run (1 during, 1 after). Tue: the run counts (1 of 2).
 * Wed: a strength session with `pain`. Thu: the decision under test. Fri: a green run. Sat: the
 * Fri run's morning — the second completion (advance to 6) unless Wed's session reset the count.
 */
function story(pain: number | null): ScenarioBuilder {
  const b = new ScenarioBuilder(undefined, { startStage: 5 });
  for (let k = 0; k <= 5; k++) b.checkin(day(k), { painMorning: 1 });
  b.run(day(0), { minutes: 20 });
  b.checkin(day(0), { painDuring: 1, painAfter: 1 });
  b.crossTraining.push({ date: day(2), kind: 'strength', minutes: 45, rpe: 6, pain });
  b.run(day(4), { minutes: 20 });
  b.checkin(day(4), { painDuring: 1, painAfter: 1 });
  return b;
}
const on = (b: ScenarioBuilder, k: number): TodayDecision => b.engine(day(k)).today;

describe('a strength session with pain above mild, the morning after', () => {
  it('4/10 on Wed: no run on Thu, and the reason names the strength session and its pain', () => {
    const thu = on(story(4), 3);
    expect(NO_RUN).toContain(thu.recommendation.action);
    expect(thu.recommendation.reasons[0]).toMatchObject({
      code: 'strength_pain_amber',
      value: 4,
      rule: 'pain-zones',
      message:
        'Pain reached 4/10 during {your} strength session on Wed 4 Mar: above mild, so it counts like an amber run and the next run repeats stage 5.',
    });
    expect(thu.stage).toBe(5); // amber repeats the stage, it does not drop it
  });

  it('2/10 (mild) on Wed: Thu is the stage-5 run', () => {
    const thu = on(story(2), 3);
    expect(thu.recommendation.action).toBe('run');
    expect(thu.recommendation.reasons.map((r) => r.code)).not.toContain('strength_pain_amber');
  });

  it('no pain logged on Wed: Thu is the stage-5 run', () => {
    expect(on(story(null), 3).recommendation.action).toBe('run');
  });

  it('the next run repeats the stage: Fri’s green run is 1 of 2 completions, not the second', () => {
    // Without the painful session: Tue 1 completion, Sat 2 → stage 6 on Sat.
    expect(on(story(1), 5).stage).toBe(6);
    // With it: Thu resets to 0, Sat 1 of 2 → still stage 5.
    const out = story(4).engine(day(5));
    expect(out.today.stage).toBe(5);
    expect(out.days.at(-1)?.progression.completions).toBe(1);
    expect(out.stageChanges.find((c) => c.date === day(3))).toMatchObject({
      kind: 'repeat',
      fromStage: 5,
      toStage: 5,
    });
  });

  it('7/10 (red zone) counts as amber too: no run on Thu, no stage drop and no 3-day pause', () => {
    const out = story(7).engine(day(3));
    expect(NO_RUN).toContain(out.today.recommendation.action);
    expect(out.today.stage).toBe(5);
    expect(out.days.at(-1)?.progression.noRunBefore).toBeNull();
  });

  it('only speaks for the next day: Fri, two days after, is a run again', () => {
    expect(on(story(4), 4).recommendation.action).toBe('run');
  });
});

describe('strengthPainReasonOf()', () => {
  it.each([
    [undefined, null],
    [0, null],
    [2, null], // green: mild discomfort is allowed
    [3, 3], // the first amber score
    [5, 5],
    [6, 6], // red pain in a lift still reads as amber here
  ] as const)('pain %s → reason value %s', (pain, value) => {
    const r = strengthPainReasonOf('2026-03-04', pain, STAGE_5, DEFAULT_THRESHOLDS);
    if (value === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ code: 'strength_pain_amber', value });
  });
});

describe('withStrengthPain()', () => {
  const reason = strengthPainReasonOf('2026-03-04', 4, STAGE_5, DEFAULT_THRESHOLDS);
  const ev = (outcome: SessionEvaluation['outcome'], sessionDate = '2026-03-04') =>
    ({
      sessionDate,
      outcome,
      baselinePain: 1,
      baselineStiffness: null,
      reasons: [{ code: outcome, message: outcome, rule: 'progression' }],
    }) as SessionEvaluation;

  it('leaves the evaluation alone without a reason', () => {
    const e = ev('completed');
    expect(withStrengthPain(e, null, '2026-03-04')).toBe(e);
  });

  it.each(['completed', 'unrated', 'not_as_prescribed'] as const)(
    'turns a %s session into amber, with the strength reason only',
    (outcome) => {
      const out = withStrengthPain(ev(outcome), reason, '2026-03-04');
      expect(out).toMatchObject({ outcome: 'amber', painMax: 4, baselinePain: 1 });
      expect(out?.reasons.map((r) => r.code)).toEqual(['strength_pain_amber']);
    },
  );

  it('makes an amber day out of a day with no session to evaluate', () => {
    expect(withStrengthPain(null, reason, '2026-03-04')).toMatchObject({
      outcome: 'amber',
      sessionDate: '2026-03-04',
    });
  });

  it.each(['red', 'not_back_to_baseline'] as const)(
    'keeps a %s outcome (worse than amber) and adds the reason',
    (outcome) => {
      const out = withStrengthPain(ev(outcome, '2026-03-02'), reason, '2026-03-04');
      expect(out).toMatchObject({ outcome, sessionDate: '2026-03-02' });
      expect(out?.reasons.map((r) => r.code)).toEqual([outcome, 'strength_pain_amber']);
    },
  );

  it('an amber run decided late takes the strength session’s date, so today stays free of runs', () => {
    const out = withStrengthPain(ev('amber', '2026-03-01'), reason, '2026-03-04');
    expect(out).toMatchObject({ outcome: 'amber', sessionDate: '2026-03-04' });
  });
});

describe('strengthPainByDate()', () => {
  it('keeps the highest pain of each day and skips sessions without one', () => {
    const m = strengthPainByDate([
      { date: '2026-03-02', kind: 'strength', minutes: 30, pain: 1 },
      { date: '2026-03-02', kind: 'strength', minutes: 20, pain: 4 },
      { date: '2026-03-03', kind: 'ride', minutes: 40 },
      { date: '2026-03-04', kind: 'strength', minutes: 30, pain: null },
    ]);
    expect([...m]).toEqual([['2026-03-02', 4]]);
  });
});
