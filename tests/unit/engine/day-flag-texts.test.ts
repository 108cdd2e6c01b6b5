// What each flag of a day says, word for word, from the rule that raises it: science.md §3 pain
// zones (green 0–2, amber 3–5, red ≥ 6, on waking or at rest as well as in a session), §4 stage
// events (advance, repeat, drop, break, surgery, clearance), §5 spikes of the last 72 h (the latest
// run's, once per kind), weekly change > 30 %, the ACWR above 1.3 (info) and from 1.5 (caution, never
// a red flag), monotony above 2 and a rising 7-day pain trend; and the runs made against the day's
// own rules. 10 March 2026 is a Tuesday.
import { describe, expect, it } from 'vitest';
import { detectDayFlags, type DayFlagFacts } from '../../../shared/engine/detect-day-flags.ts';
import { metricCautionsOf } from '../../../shared/engine/metric-cautions.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { Flag, StageChange } from '../../../shared/engine/types.ts';
import { dayFacts as facts, quietMeasures, type Measures } from '../../fixtures/day-facts.ts';

const t = DEFAULT_THRESHOLDS;
const quiet = quietMeasures;
const measures = (over: Record<string, unknown>): Measures =>
  ({ ...quiet, ...over }) as unknown as Measures;

const said = (flags: readonly Flag[]) => flags.map((f) => [f.code, f.severity, f.message, f.value]);

describe('stage events', () => {
  const change = (kind: StageChange['kind'], from: number, to: number, by = 'engine') =>
    ({ date: '2026-03-10', fromStage: from, toStage: to, kind, by, reasons: [] }) as StageChange;
  it.each([
    ['advance', 3, 4, 'engine', ['stage_advanced', 'info', 'Stage 3 → 4.', 4]],
    ['repeat', 3, 3, 'engine', ['stage_repeated', 'caution', 'Stage 3 repeats.', 3]],
    ['drop', 3, 2, 'engine', ['stage_dropped', 'high', 'Stage 3 → 2.', 2]],
    ['manual', 3, 5, 'coach', ['stage_set', 'info', 'Stage set to 5 by the coach.', 5]],
    [
      'break',
      4,
      2,
      'engine',
      ['stage_break', 'caution', 'Stage 4 → 2 after a break from running.', 2],
    ],
    ['hold', 4, 0, 'engine', ['stage_surgery', 'info', 'Stage 4 → 0 after surgery.', 0]],
    [
      'clearance',
      0,
      1,
      'coach',
      ['stage_cleared', 'info', 'Cleared by a clinician: restart at stage 1.', 1],
    ],
  ] as const)('%s %i → %i', (kind, from, to, by, flag) => {
    expect(said(detectDayFlags(facts({ changes: [change(kind, from, to, by)] }), t))).toEqual([
      flag,
    ]);
  });
});

describe('the morning after and the pain zones (§3)', () => {
  it('not back to baseline: the evaluation’s own reason and value', () => {
    const evaluation = {
      outcome: 'not_back_to_baseline',
      reasons: [{ code: 'x', message: 'Pain 4/10 the morning after, baseline 1.', value: 4 }],
    } as unknown as DayFlagFacts['evaluation'];
    expect(said(detectDayFlags(facts({ evaluation }), t))).toEqual([
      ['not_back_to_baseline', 'high', 'Pain 4/10 the morning after, baseline 1.', 4],
    ]);
  });
  it('not back to baseline without a reason: a plain sentence and no value', () => {
    const evaluation = {
      outcome: 'not_back_to_baseline',
      reasons: [],
    } as unknown as DayFlagFacts['evaluation'];
    const [flag] = detectDayFlags(facts({ evaluation }), t);
    expect(flag).toEqual({
      code: 'not_back_to_baseline',
      severity: 'high',
      message: 'Not back to baseline the morning after.',
    });
  });
  it('a completed session raises no flag of its own', () => {
    const evaluation = {
      outcome: 'completed',
      reasons: [],
    } as unknown as DayFlagFacts['evaluation'];
    expect(detectDayFlags(facts({ evaluation }), t)).toEqual([]);
  });
  it('session pain 2 is green (nothing), 3 amber, 6 red', () => {
    expect(detectDayFlags(facts({ sessionPain: 2 }), t)).toEqual([]);
    expect(said(detectDayFlags(facts({ sessionPain: 3 }), t))).toEqual([
      [
        'session_pain_amber',
        'caution',
        'Pain 3/10 during or after the session on Tue 10 Mar: amber zone.',
        3,
      ],
    ]);
    expect(said(detectDayFlags(facts({ sessionPain: 6 }), t))).toEqual([
      [
        'session_pain_red',
        'high',
        'Pain 6/10 during or after the session on Tue 10 Mar: red zone.',
        6,
      ],
    ]);
  });
  it('pain at rest 6 is red; on waking 2 is green', () => {
    expect(said(detectDayFlags(facts({ todayPain: { value: 6, source: 'rest' } }), t))).toEqual([
      ['rest_pain_red', 'high', 'Pain at rest 6/10 on Tue 10 Mar: red zone.', 6],
    ]);
    expect(detectDayFlags(facts({ todayPain: { value: 2, source: 'morning' } }), t)).toEqual([]);
    expect(said(detectDayFlags(facts({ todayPain: { value: 5, source: 'morning' } }), t))).toEqual([
      ['morning_pain_amber', 'caution', 'Pain on waking 5/10 on Tue 10 Mar: amber zone.', 5],
    ]);
  });
});

describe('spikes of the last 72 h (§5)', () => {
  it('one flag per kind: the latest of the earlier runs, whatever the order they come in', () => {
    const older = {
      date: '2026-03-07',
      band: 'high',
      value: 0.4,
      reference: 'longest_30d',
      stage: 3,
    } as const;
    const newer = { ...older, date: '2026-03-09', value: 0.35 } as const;
    for (const recentSpikes of [
      [older, newer],
      [newer, older],
    ])
      expect(said(detectDayFlags(facts({ recentSpikes }), t))).toEqual([
        [
          'spike_high',
          'high',
          'The run on Mon 9 Mar was 35 % longer than the longest of the 30 days before.',
          0.35,
        ],
      ]);
  });
  it('today’s own run, against the 30 days and against the stage, each a flag', () => {
    const spike = { value: 0.2, band: 'caution', reference: 'longest_30d', referenceValue: 5000 };
    const stageBeyond = {
      value: 0.5,
      band: 'high',
      reference: 'stage_prescription',
      referenceValue: 1200,
      note: 'ran through the walk breaks',
    };
    expect(
      said(
        detectDayFlags(
          facts({
            spike: spike as DayFlagFacts['spike'],
            stageBeyond: stageBeyond as DayFlagFacts['stageBeyond'],
          }),
          t,
        ),
      ),
    ).toEqual([
      [
        'stage_beyond_high',
        'high',
        'The run on Tue 10 Mar ran through the walk breaks (50 % more running than prescribed).',
        0.5,
      ],
      [
        'spike_caution',
        'caution',
        'The run on Tue 10 Mar was 20 % longer than the longest of the 30 days before.',
        0.2,
      ],
    ]);
  });
  it('a run in the band "ok" is no flag; a run at a walking stage has no percentage', () => {
    const ok = { value: 0.05, band: 'ok', reference: 'longest_30d', referenceValue: 5000 };
    expect(detectDayFlags(facts({ spike: ok as DayFlagFacts['spike'] }), t)).toEqual([]);
    const walking = {
      value: null,
      band: 'very_high',
      reference: 'stage_prescription',
      referenceValue: 0,
    };
    expect(
      detectDayFlags(facts({ stage: 0, stageBeyond: walking as DayFlagFacts['stageBeyond'] }), t),
    ).toEqual([
      {
        code: 'stage_beyond_very_high',
        severity: 'very_high',
        message: 'A run on Tue 10 Mar at stage 0, a walking stage.',
      },
    ]);
  });
  it('a stage spike of an earlier run names the stage whose session it was measured against', () => {
    const s = {
      date: '2026-03-08',
      band: 'caution',
      value: 0.15,
      reference: 'stage_prescription',
      stage: 2,
    } as const;
    expect(detectDayFlags(facts({ recentSpikes: [s] }), t)[0]?.message).toBe(
      'The run on Sun 8 Mar was 15 % longer than the stage 2 session.',
    );
  });
});

describe('runs against the day’s rules, and clicking', () => {
  const everything = {
    spacingBroken: true,
    intensity: { words: '4 fast surges', surges: 4, stageIntensity: 'easy running only' },
    pausedToday: true,
    surgeryHeld: true,
    clicking: true,
  };
  it('each rule a run broke today, most severe first', () => {
    expect(said(detectDayFlags(facts({ ...everything, ranToday: true }), t))).toEqual([
      [
        'ran_before_clearance',
        'high',
        'A run on Tue 10 Mar before the clearance after surgery.',
        undefined,
      ],
      [
        'run_spacing_broken',
        'caution',
        'A run on Tue 10 Mar against the stage 3 spacing of runs.',
        undefined,
      ],
      [
        'intensity_beyond_stage',
        'caution',
        'The run on Tue 10 Mar held 4 fast surges; stage 3 is easy running only.',
        4,
      ],
      [
        'ran_during_pause',
        'caution',
        'A run on Tue 10 Mar during the pause after a stage drop.',
        undefined,
      ],
      ['clicking', 'info', 'Clicking reported: on its own, not a reason to stop.', undefined],
    ]);
  });
  it('without a run today, none of them but clicking', () => {
    expect(detectDayFlags(facts({ ...everything, ranToday: false }), t).map((f) => f.code)).toEqual(
      ['clicking'],
    );
  });
});

describe('metricCautionsOf: one number for the flag and the reason (§5)', () => {
  it('a quiet week: nothing, and the ACWR peak kept', () => {
    expect(metricCautionsOf(quiet, t)).toEqual({ flags: [], reasons: [], acwrPeak: 1 });
  });
  it('distance up 35 % on the week before: a caution and a reason with the same words', () => {
    const c = metricCautionsOf(measures({ weeklyChange: { value: 0.35, caution: true } }), t);
    const message = 'Running distance is up 35 % on the 7 days before.';
    expect(c.flags).toEqual([
      { code: 'weekly_change_high', severity: 'caution', message, value: 0.35 },
    ]);
    expect(c.reasons).toEqual([
      { code: 'weekly_change_high', message, value: 0.35, rule: 'weekly-change' },
    ]);
  });
  it('an ACWR of 1.6 (coupled) is a caution and a reason; never a red flag', () => {
    const c = metricCautionsOf(measures({ rolling: { coupled: 1.6, uncoupled: 1.5 } }), t);
    const message = "The last 7 days' load is 1.60 times the 4-week average: load rose fast.";
    expect(c.flags).toEqual([{ code: 'acwr_high', severity: 'caution', message, value: 1.6 }]);
    expect(c.reasons).toEqual([{ code: 'acwr_high', message, value: 1.6, rule: 'acwr' }]);
    expect(c.acwrPeak).toBe(1.6);
  });
  it('exactly 1.5 is already the caution', () => {
    expect(metricCautionsOf(measures({ ewma: { ratio: 1.5 } }), t).flags[0]?.code).toBe(
      'acwr_high',
    );
  });
  it('the larger of the two ratios counts: EWMA 1.4 above a coupled 0.9 is above the range (info only)', () => {
    const c = metricCautionsOf(
      measures({ rolling: { coupled: 0.9, uncoupled: 0.9 }, ewma: { ratio: 1.4 } }),
      t,
    );
    expect(c.flags).toEqual([
      {
        code: 'acwr_above_range',
        severity: 'info',
        message: "The last 7 days' load is 1.40 times the 4-week average.",
        value: 1.4,
      },
    ]);
    expect(c.reasons).toEqual([]);
    expect(c.acwrPeak).toBe(1.4);
  });
  it('exactly 1.3 is inside the range: nothing', () => {
    expect(metricCautionsOf(measures({ ewma: { ratio: 1.3 } }), t).flags).toEqual([]);
  });
  it('monotony 2.5: an info flag with two decimals', () => {
    expect(
      metricCautionsOf(measures({ monotony: { monotony: 2.5, high: true } }), t).flags,
    ).toEqual([
      {
        code: 'monotony_high',
        severity: 'info',
        message: 'Training has varied little from day to day this week (monotony 2.50).',
        value: 2.5,
      },
    ]);
  });
  it.each([
    ['morning', 'morning pain'],
    ['session', 'pain during and after sessions'],
    ['rest', 'pain at rest'],
  ])('a rising %s trend names the pain and both weeks’ means', (moment, words) => {
    const c = metricCautionsOf(
      measures({
        trend: { rising: true, change: 1.66, moment, mean7: 2.857, meanPrevious7: 1.2 },
      }),
      t,
    );
    const message = `{Your} average ${words} rose by 1.7 points on the week before (1.2 → 2.9).`;
    expect(c.flags).toEqual([
      { code: 'pain_trend_rising', severity: 'caution', message, value: 1.7 },
    ]);
    expect(c.reasons).toEqual([
      { code: 'pain_trend_rising', message, value: 1.7, rule: 'pain-trend' },
    ]);
  });
  it('a trend without a change or a moment says nothing, beside another caution', () => {
    const c = metricCautionsOf(
      measures({
        weeklyChange: { value: 0.4, caution: true },
        trend: { rising: false, change: null, moment: 'morning', mean7: null, meanPrevious7: null },
      }),
      t,
    );
    expect(c.flags.map((f) => f.code)).toEqual(['weekly_change_high']);
  });
});
