// science.md §5: "Each [action] comes with the reasons that produced it, ranked, and the numbers
// behind each reason", "says one thing once"; §3 "Today's pain decides today"; §4's pause after a
// drop, spacing and "after a break"; and the week's full rest day. Dates: today is Tue 10 March
// 2026; a spike on Sun 8 March holds for 72 h, until Wed 11 March.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { stepProgression } from '../../../shared/engine/progression.ts';
import {
  fillerActionOf,
  recommendToday,
  worstSpike,
  type DayContext,
} from '../../../shared/engine/recommend-today.ts';
import { sessionShapesOf } from '../../../shared/engine/session-shape.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { RecentSpike } from '../../../shared/engine/recent-spikes.ts';
import type { Reason } from '../../../shared/engine/types.ts';
import { atStage, dayContext, yesterday } from '../../fixtures/day-context.ts';
import { walkRun } from '../../fixtures/session-intervals.ts';

const t = DEFAULT_THRESHOLDS;
const today = (over: Partial<DayContext>) => recommendToday(dayContext(over), t);
const codes = (over: Partial<DayContext>) => today(over).reasons.map((r) => r.code);
const ranYesterday = ['rest', 'cardio', 'session', 'strength', 'rest', 'session'] as const;
const noStrength = ['rest', 'session', 'cardio', 'session', 'cardio', 'cardio'] as const;
const spike = (over: Partial<RecentSpike>): RecentSpike => ({
  date: '2026-03-08',
  band: 'high',
  value: 0.5,
  reference: 'longest_30d',
  stage: 3,
  ...over,
});

describe('fillerActionOf() and worstSpike()', () => {
  it('looks at the last 6 days only, and asks for no rest day before 6 days are known', () => {
    expect(fillerActionOf(['rest', ...Array(6).fill('cardio')], true)).toBe('rest');
    expect(fillerActionOf(['cardio', 'cardio'], true)).toBe('strength');
  });

  it('takes the very high spike before a later high one, and the later of two of a band', () => {
    const vh = spike({ band: 'very_high', date: '2026-03-08' });
    const high = spike({ date: '2026-03-09' });
    expect(worstSpike([high, vh])).toBe(vh);
    expect(worstSpike([vh, high])).toBe(vh);
    const earlier = spike({ date: '2026-03-08' });
    expect(worstSpike([earlier, high])).toBe(high);
    expect(worstSpike([high, earlier])).toBe(high);
    const vhLater = spike({ band: 'very_high', date: '2026-03-09' });
    expect(worstSpike([vhLater, vh])).toBe(vhLater);
    // of two spikes of one band on one day (30-day and stage), the first listed speaks
    const stageHigh = spike({ date: '2026-03-09', reference: 'stage_prescription' });
    expect(worstSpike([high, stageHigh])).toBe(high);
  });
});

describe('recommendToday() — each reason with its number', () => {
  it('says until when a spike keeps runs short or off', () => {
    expect(today({ recentSpikes: [spike({})] }).reasons[0]).toEqual({
      code: 'spike_high',
      message:
        'The run on Sun 8 Mar was 50 % longer than the longest of the 30 days before: shorter, flat runs until Wed 11 Mar.',
      value: 0.5,
      rule: 'spike',
    });
    // a run at a walking stage has no ratio to show
    const walking = spike({ band: 'very_high', value: null, reference: 'stage_prescription' });
    expect(today({ recentSpikes: [{ ...walking, stage: 0 }] }).reasons[0]).toEqual({
      code: 'stage_beyond_very_high',
      message: 'A run on Sun 8 Mar at stage 0, a walking stage: no running until Wed 11 Mar.',
      rule: 'stage-beyond',
    });
  });

  it('names the moment of today’s pain and what it means', () => {
    expect(today({ todayPain: { value: 4, source: 'morning' } }).reasons[0]).toEqual({
      code: 'morning_pain_amber',
      message: '{Your} pain this morning is 4/10: no running today.',
      value: 4,
      rule: 'morning-pain',
    });
    expect(today({ todayPain: { value: 7, source: 'rest' } }).reasons[0]?.message).toBe(
      '{Your} pain at rest is 7/10: rest today, and the next run waits for a morning back at {your} usual level.',
    );
  });

  it('says which level a morning must come back to after pain of 6 or more', () => {
    const learning = today({ waitingForBaseline: { since: '2026-03-08', baseline: null } });
    expect(learning.reasons[0]).toEqual({
      code: 'waiting_for_baseline',
      message:
        'No running until a morning back at {your} usual level (green, 0–2) after the pain of Sun 8 Mar.',
      rule: 'morning-pain',
    });
    const own = today({ waitingForBaseline: { since: '2026-03-08', baseline: 1 } });
    expect(own.reasons[0]?.message).toMatch(/usual level \(1\/10\) after the pain of Sun 8 Mar\.$/);
  });

  it('names the end of the pause after a drop, and runs on its last day', () => {
    const paused = {
      stage: 2,
      completions: 0,
      stageSince: '2026-03-09',
      noRunBefore: '2026-03-12',
    };
    expect(today({ progression: paused }).reasons[0]).toEqual({
      code: 'pause_running',
      message: 'No running until Thu 12 Mar, 3 days after the last stage drop.',
      value: '2026-03-12',
      rule: 'progression',
    });
    const over = { ...paused, noRunBefore: '2026-03-10' };
    expect(today({ progression: over }).action).toBe('run');
  });

  it('counts the week’s sessions against the stage’s', () => {
    const three = ['session', 'cardio', 'session', 'strength', 'session', 'cardio'] as const;
    expect(today({ recentDays: [...three] }).reasons[0]).toEqual({
      code: 'weekly_sessions_done',
      message: '3 sessions in the last 6 days: stage 3 plans at most 3 a week.',
      value: 3,
      rule: 'spacing',
    });
  });

  it('rests on a day after 6 days without a full rest day', () => {
    const r = today({
      recentDays: ['cardio', 'session', 'strength', 'cardio', 'session', 'strength'],
    });
    expect(r.action).toBe('rest');
    expect(r.reasons[0]).toEqual({
      code: 'rest_day',
      message: 'No rest day in the last 6 days: rest today.',
      rule: 'week-shape',
    });
  });

  it('says how far the stage is from the next, or that it is the last', () => {
    expect(today({}).reasons[0]).toEqual({
      code: 'stage_prescription',
      message: 'Stage 3 (walk-run 3/2): 0 of 2 completed sessions needed to move on.',
      value: 3,
      rule: 'progression',
    });
    expect(today(atStage(8)).reasons[0]?.message).toBe(
      'Stage 8 (intensity returns), the last stage of the plan.',
    );
  });

  it('names a break on the card, but not while a red flag stands', () => {
    expect(codes({ breakDays: 12 })).toContain('break');
    const flag = {
      since: '2026-03-08',
      flags: [{ code: 'limp', date: '2026-03-08' }],
      restartStage: 2,
    };
    expect(codes({ breakDays: 12, redFlagHold: flag })).toEqual(['limp', 'clearance_needed']);
  });
});

describe('recommendToday() — which rule decides the day off', () => {
  it('a pause after a drop asks for cross-training even while waiting for the baseline', () => {
    const paused = {
      stage: 2,
      completions: 0,
      stageSince: '2026-03-09',
      noRunBefore: '2026-03-12',
    };
    const r = today({
      progression: paused,
      waitingForBaseline: { since: '2026-03-08', baseline: 1 },
      recentDays: [...noStrength],
    });
    expect(r.action).toBe('cross_train');
  });

  it('amber yesterday is a day off of either kind: strength when the week has none', () => {
    const r = today({ evaluation: yesterday({ painAfter: 4 }), recentDays: [...noStrength] });
    expect(r.action).toBe('strength');
  });

  it('an amber run two days ago no longer keeps today free of runs', () => {
    const r = today({
      evaluation: yesterday({ sessionDate: '2026-03-08', painAfter: 4 }),
      recentDays: ['rest', 'session', 'strength', 'cardio', 'session', 'strength'],
    });
    expect(r.action).toBe('run');
  });

  it('says a morning score once when it is the missed baseline, and a score at rest apart', () => {
    const ev = yesterday({ nextMorningPain: 4 }); // above the usual 1
    const same = codes({ evaluation: ev, todayPain: { value: 4, source: 'morning' } });
    expect(same).toContain('not_back_to_baseline');
    expect(same).not.toContain('morning_pain_amber');
    expect(codes({ evaluation: ev, todayPain: { value: 4, source: 'rest' } })).toContain(
      'rest_pain_amber',
    );
    // a morning score other than the one the evaluation read is said on its own
    expect(codes({ evaluation: ev, todayPain: { value: 5, source: 'morning' } })).toContain(
      'morning_pain_amber',
    );
  });

  it('leaves out spacing and the weekly count when pain already keeps today off', () => {
    const red = { value: 6, source: 'morning' } as const;
    expect(codes({ todayPain: red, recentDays: [...ranYesterday] })).toEqual(['morning_pain_red']);
    const three = ['session', 'rest', 'session', 'strength', 'session', 'cardio'] as const;
    expect(codes({ todayPain: red, recentDays: [...three] })).toEqual(['morning_pain_red']);
  });

  it('prescribes cycling, not the usual cross-training, during a surgery hold', () => {
    const hold = {
      surgeryDate: '2026-02-02',
      weeksSince: 5,
      noJogBefore: '2026-04-13',
      clearedOn: null,
    };
    const r = today({ ...atStage(0), surgeryHold: hold, todayPain: { value: 4, source: 'rest' } });
    expect(r.action).toBe('cross_train');
    expect(r.prescription).toMatch(/^Cycle 30 min/);
  });
});

describe('recommendToday() — what this morning made of the session', () => {
  // stage 3: 6 × (run 3 / walk 2); 4 bouts and a walk home is partly done
  const shapes = (n: number) =>
    sessionShapesOf({
      intervals: walkRun(n, 180, 120, n < 6 ? 600 : 120),
      laps: [],
      movingS: 1800,
      distanceM: 5400,
    });
  const after = (over: Parameters<typeof yesterday>[0]) =>
    codes({ evaluation: yesterday(over), recentDays: [...ranYesterday] });

  it('shows the verdict on a completed or partly done session, not on an unrated one', () => {
    expect(after({ shapes: shapes(6) })).toContain('session_completed');
    expect(after({ shapes: shapes(4) })).toContain('session_partly_done');
    expect(after({})).not.toContain('session_completed');
    const unrated = after({ shapes: shapes(6), painDuring: undefined, painAfter: undefined });
    expect(unrated).not.toContain('symptoms_not_logged');
  });

  it('says each reason once when this morning’s drop repeats it', () => {
    const ev = yesterday({ painAfter: 6 });
    const s3 = atStage(3).progression;
    const drop = stepProgression(
      s3,
      '2026-03-10',
      ev,
      undefined,
      {
        readinessPassed: true,
        painTrendRising: false,
        redFlagHold: false,
        surgeryHold: false,
      },
      DEFAULT_PLAN,
      t,
    );
    const c = codes({
      evaluation: ev,
      progression: drop.state,
      progressionReasons: drop.changes[0]?.reasons ?? [],
      recentDays: [...ranYesterday],
    });
    expect(c).toEqual(['pain_red', 'pause_running']);
  });

  it('drops the rising-trend caution when the hold already says it, and keeps the others', () => {
    const caution = (code: string): Reason => ({ code, message: `${code}.`, rule: 'pain-trend' });
    const cautions = [caution('pain_trend_rising'), caution('weekly_change_caution')];
    const hold: Reason = { code: 'hold_pain_trend', message: 'Stage 3 holds.', rule: 'pain-trend' };
    expect(codes({ cautions, progressionReasons: [hold] })).toEqual([
      'stage_prescription',
      'hold_pain_trend',
      'weekly_change_caution',
    ]);
    expect(codes({ cautions })).toEqual([
      'stage_prescription',
      'pain_trend_rising',
      'weekly_change_caution',
    ]);
  });
});
