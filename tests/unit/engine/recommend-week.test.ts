// science.md §5 "The weekly view": "no-impact cardio days, a strength and mobility day, short flat
// runs, a pilates/yoga-type day, a rest day — with runs never on consecutive days while the plan
// says so. Every week of the plan holds at least two strength and mobility sessions …, one mobility
// or pilates-type day, and at least one full rest day"; §4 spacing, the pause after a drop, and §5
// rule 1 (no run while a red flag stands).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { recommendToday, type DayContext } from '../../../shared/engine/recommend-today.ts';
import { recommendWeek } from '../../../shared/engine/recommend-week.ts';
import { shapeWeek } from '../../../shared/engine/shape-week.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

function ctx(over: Partial<DayContext> = {}): DayContext {
  return {
    date: '2026-03-10',
    plan: DEFAULT_PLAN,
    progression: { stage: 3, completions: 0, stageSince: '2026-03-01', noRunBefore: null },
    evaluation: null,
    progressionReasons: [],
    redFlagHold: null,
    surgeryHold: null,
    waitingForBaseline: null,
    recentDays: ['rest', 'rest', 'rest', 'rest', 'rest', 'rest'],
    recentSpikes: [],
    cautions: [],
    weeklyRise: false,
    history: { longestRunMin30d: null, typicalRunMin30d: null },
    breakRef: { date: '2026-03-09', stage: 3 },
    breakDays: null,
    ...over,
  };
}
const week = (c: DayContext) => recommendWeek(c, recommendToday(c, t), t);
const RUNS = ['run', 'run_modified'];

describe('recommendWeek()', () => {
  it('starts with today and spaces stage-3 runs, with two strength days (one pilates) and a rest day', () => {
    const plan = week(ctx());
    expect(plan.map((d) => d.date)).toEqual([
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
      '2026-03-16',
    ]);
    // run, x, run, x, run (3 a week at stage 3), then days without running
    expect(plan.map((d) => RUNS.includes(d.action))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(plan.filter((d) => d.action === 'strength')).toHaveLength(2);
    expect(plan.filter((d) => d.prescription.startsWith('Mobility & pilates'))).toHaveLength(1);
    expect(plan.at(-1)?.action).toBe('rest');
    expect(plan[0]).toMatchObject({
      minutes: 30,
      prescription: expect.stringMatching(/^Walk-run 30 min/),
    });
  });

  it('keeps the pause after a drop', () => {
    const plan = week(
      ctx({
        progression: {
          stage: 2,
          completions: 0,
          stageSince: '2026-03-10',
          noRunBefore: '2026-03-13',
        },
      }),
    );
    expect(plan.slice(0, 3).filter((d) => RUNS.includes(d.action))).toEqual([]);
    expect(plan[3]?.action).toBe('run');
  });

  it('holds no run and no walk while a red flag stands; days without running wait for the clinician', () => {
    const plan = week(
      ctx({
        redFlagHold: {
          since: '2026-03-09',
          flags: [{ code: 'limp', date: '2026-03-09' }],
          restartStage: 2,
        },
      }),
    );
    expect(plan[0]?.action).toBe('see_clinician');
    expect(plan.filter((d) => [...RUNS, 'walk'].includes(d.action))).toEqual([]);
    for (const d of plan.slice(1).filter((x) => x.action !== 'rest'))
      expect(d.prescription).toMatch(
        /^[\w &-]+ \d+ min, only once a clinician has seen \{your\} hip: /,
      );
  });

  it('modifies runs inside 72 h of a high spike', () => {
    const plan = week(
      ctx({
        recentSpikes: [
          { date: '2026-03-09', band: 'high', value: 0.6, reference: 'longest_30d', stage: 3 },
        ],
        recentDays: ['rest', 'rest', 'rest', 'rest', 'rest', 'cardio'],
      }),
    );
    // spike 03-09: 03-10 and 03-12 are within 3 days → modified; 03-14 is 5 days later → as planned
    expect(plan.filter((d) => RUNS.includes(d.action)).map((d) => [d.date, d.action])).toEqual([
      ['2026-03-10', 'run_modified'],
      ['2026-03-12', 'run_modified'],
      ['2026-03-14', 'run'],
    ]);
  });

  it('at stage 8: at most two runs in a row, and the second one easy', () => {
    const plan = week(
      ctx({
        progression: { stage: 8, completions: 0, stageSince: '2026-03-01', noRunBefore: null },
      }),
    );
    const runs = plan.map((d) => RUNS.includes(d.action));
    for (let k = 2; k < 7; k++) expect(runs[k] && runs[k - 1] && runs[k - 2]).toBe(false);
    for (let k = 1; k < 7; k++)
      if (runs[k] && runs[k - 1]) expect(plan[k]?.action).toBe('run_modified');
  });
});

describe('shapeWeek()', () => {
  it('gives way with the last runs when the week has too few days without running', () => {
    // today a run, then six runs asked for: three of them become strength, pilates and rest
    const shaped = shapeWeek({ action: 'run', mobility: false }, [
      'run',
      'run',
      'run',
      'run',
      'run',
      'run',
    ]);
    expect(shaped).toEqual(['run', 'run', 'run', 'strength', 'mobility', 'rest']);
  });

  it('counts today: a strength day today needs only the pilates day and a rest day', () => {
    const shaped = shapeWeek({ action: 'strength', mobility: false }, [
      'run',
      'filler',
      'run',
      'filler',
      'run',
      'filler',
    ]);
    expect(shaped).toEqual(['run', 'mobility', 'run', 'cross_train', 'run', 'rest']);
  });
});
