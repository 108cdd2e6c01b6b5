import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAN,
  evaluateSession,
  type SessionFacts,
} from '../../../shared/engine/progression.ts';
import {
  fillerActionOf,
  recommendToday,
  type DayContext,
} from '../../../shared/engine/recommend-today.ts';
import { recommendWeek } from '../../../shared/engine/recommend-week.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';

const t = DEFAULT_THRESHOLDS;

function ev(over: Partial<SessionFacts>) {
  return evaluateSession(
    {
      sessionDate: '2026-03-09',
      stage: DEFAULT_PLAN[3] as StageDefinition,
      runCount: 1,
      longestRunMovingS: 1800,
      longestWalkMin: 0,
      spikeBand: 'ok',
      painDuring: 1,
      painAfter: 1,
      nextMorningPain: 1,
      nextMorningStiffness: 1,
      baselinePain: 1,
      baselineStiffness: 1,
      limp: false,
      ...over,
    },
    t,
  );
}

function ctx(over: Partial<DayContext> = {}): DayContext {
  return {
    date: '2026-03-10',
    plan: DEFAULT_PLAN,
    progression: { stage: 3, completions: 0, stageSince: '2026-03-01', noRunBefore: null },
    evaluation: null,
    progressionReasons: [],
    redFlags: [],
    recentDays: ['rest', 'session', 'cardio', 'session', 'strength', 'cardio'],
    recentSpikes: [],
    cautions: [],
    ...over,
  };
}

const nightPain = {
  code: 'night_pain',
  severity: 'red_flag' as const,
  message: 'Night pain reported.',
};

describe('recommendToday() order of precedence (science.md §5)', () => {
  it.each([
    ['5: the stage prescription', {}, 'run', 'stage_prescription'],
    [
      '1: a red flag beats everything',
      { redFlags: [nightPain], evaluation: ev({ painAfter: 8 }) },
      'see_clinician',
      'night_pain',
    ],
    ['2: red pain → cross-train', { evaluation: ev({ painAfter: 6 }) }, 'cross_train', 'pain_red'],
    [
      '2: red pain with pain at rest → rest',
      { evaluation: ev({ painAfter: 6 }), painAtRest: 3 },
      'rest',
      'pain_red',
    ],
    [
      '2: not back to baseline → cross-train',
      { evaluation: ev({ nextMorningPain: 4 }) },
      'cross_train',
      'not_back_to_baseline',
    ],
    ['2: red pain at rest → rest', { painAtRest: 7 }, 'rest', 'rest_pain_red'],
    [
      '2: inside the 3-day pause → cross-train',
      {
        progression: {
          stage: 2,
          completions: 0,
          stageSince: '2026-03-09',
          noRunBefore: '2026-03-12',
        },
      },
      'cross_train',
      'pause_running',
    ],
    [
      '3: a run yesterday at stage 3 → cross-train or strength',
      { recentDays: ['rest', 'cardio', 'session', 'cardio', 'rest', 'session'] },
      'cross_train',
      'no_consecutive_days',
    ],
    [
      '4: a very high spike in 72 h → cross-train',
      { recentSpikes: [{ date: '2026-03-08', band: 'very_high', value: 1.2 }] },
      'cross_train',
      'spike_very_high',
    ],
    [
      '4: a high spike in 72 h → run modified',
      { recentSpikes: [{ date: '2026-03-08', band: 'high', value: 0.5 }] },
      'run_modified',
      'spike_high',
    ],
    [
      '4: amber pain yesterday → run modified',
      { evaluation: ev({ painAfter: 4 }) },
      'run_modified',
      'pain_amber',
    ],
    ['4: amber pain at rest → run modified', { painAtRest: 3 }, 'run_modified', 'rest_pain_amber'],
    [
      '5: 3 sessions in 6 days at 3/week, none of them rest → rest',
      { recentDays: ['session', 'cardio', 'session', 'cardio', 'session', 'cardio'] },
      'rest',
      'weekly_sessions_done',
    ],
    [
      '5: 3 sessions in 6 days after cardio → strength',
      { recentDays: ['session', 'rest', 'session', 'cardio', 'session', 'cardio'] },
      'strength',
      'weekly_sessions_done',
    ],
  ] as const)('rule %s', (_title, over, action, firstReason) => {
    const r = recommendToday(ctx(over as Partial<DayContext>), t);
    expect(r.action).toBe(action);
    expect(r.reasons[0]?.code).toBe(firstReason);
    expect(r.summary.length).toBeGreaterThan(0);
    expect(r.prescription.length).toBeGreaterThan(0);
  });

  it('lets a run yesterday at stage 7 be followed by a run today', () => {
    const r = recommendToday(
      ctx({
        progression: { stage: 7, completions: 0, stageSince: '2026-03-01', noRunBefore: null },
        recentDays: ['rest', 'cardio', 'rest', 'cardio', 'rest', 'session'],
      }),
      t,
    );
    expect(r.action).toBe('run');
  });

  it('prescribes a walk at stage 0, and the stage below as the modified run', () => {
    const walk = recommendToday(
      ctx({
        progression: { stage: 0, completions: 0, stageSince: '2026-03-01', noRunBefore: null },
      }),
      t,
    );
    expect(walk.summary).toMatch(/^Walk as planned/);
    const mod = recommendToday(ctx({ painAtRest: 3 }), t);
    expect(mod.prescription).toMatch(/8 × \(run 2 min \/ walk 2 min\).*stage 2.*flat or treadmill/);
  });

  it('adds cautions after the reason for the action, and never uses ACWR as a red flag', () => {
    const r = recommendToday(
      ctx({ cautions: [{ code: 'acwr_high', message: 'ACWR 1.7', value: 1.7 }] }),
      t,
    );
    expect(r.action).toBe('run');
    expect(r.reasons.map((x) => x.code)).toEqual(['stage_prescription', 'acwr_high']);
  });

  it('speaks without diagnosing', () => {
    const r = recommendToday(ctx({ redFlags: [nightPain] }), t);
    expect(
      `${r.summary} ${r.prescription} ${r.reasons.map((x) => x.message).join(' ')}`,
    ).not.toMatch(/you have|diagnos/i);
  });
});

describe('fillerActionOf()', () => {
  it('rests after 6 days without rest, strength after cardio, cardio otherwise', () => {
    expect(
      fillerActionOf(['session', 'cardio', 'session', 'strength', 'session', 'cardio'], true),
    ).toBe('rest');
    expect(
      fillerActionOf(['session', 'cardio', 'session', 'strength', 'session', 'cardio'], false),
    ).toBe('strength');
    expect(
      fillerActionOf(['rest', 'cardio', 'session', 'strength', 'session', 'session'], true),
    ).toBe('cross_train');
  });
});

describe('recommendWeek()', () => {
  it('starts with today, never puts runs on consecutive days at stages 1–6, at most 3 a week, with a rest day', () => {
    const c = ctx({ recentDays: ['rest', 'rest', 'rest', 'rest', 'rest', 'rest'] });
    const today = recommendToday(c, t);
    const plan = recommendWeek(c, today, t);
    expect(plan.map((d) => d.date)).toEqual([
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
    ]);
    expect(plan[0]?.action).toBe(today.action);
    // run, x, run, x, run, then the 3/week cap
    expect(plan.map((d) => d.action)).toEqual([
      'run',
      'cross_train',
      'run',
      'cross_train',
      'run',
      'cross_train',
      'rest',
    ]);
    expect(plan.every((d) => d.prescription.length > 0)).toBe(true);
  });

  it('keeps the pause after a drop and no runs at all after a red flag', () => {
    const paused = ctx({
      progression: {
        stage: 2,
        completions: 0,
        stageSince: '2026-03-10',
        noRunBefore: '2026-03-13',
      },
    });
    const plan = recommendWeek(paused, recommendToday(paused, t), t);
    expect(plan.slice(0, 3).every((d) => d.action !== 'run' && d.action !== 'run_modified')).toBe(
      true,
    );
    expect(plan[3]?.action).toBe('run');
    const red = ctx({ redFlags: [nightPain] });
    const rp = recommendWeek(red, recommendToday(red, t), t);
    expect(rp[0]?.action).toBe('see_clinician');
    expect(rp.some((d) => d.action === 'run' || d.action === 'run_modified')).toBe(false);
    expect(rp[1]?.prescription).toMatch(/clinician has cleared you/);
  });

  it('modifies runs inside 72 h of a high spike', () => {
    const c = ctx({
      recentSpikes: [{ date: '2026-03-09', band: 'high', value: 0.6 }],
      recentDays: ['rest', 'rest', 'rest', 'rest', 'rest', 'cardio'],
    });
    const plan = recommendWeek(c, recommendToday(c, t), t);
    // spike 03-09: 03-10 and 03-12 are within 3 days → modified; 03-14 is 5 days later → as planned
    expect(plan.filter((d) => d.action.startsWith('run')).map((d) => [d.date, d.action])).toEqual([
      ['2026-03-10', 'run_modified'],
      ['2026-03-12', 'run_modified'],
      ['2026-03-14', 'run'],
    ]);
  });
});
