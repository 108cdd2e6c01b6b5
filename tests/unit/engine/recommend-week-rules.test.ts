// science.md §4–§5 in the week's sketch: after pain of 6 or more "the next run waits for a morning
// back at baseline" (amber keeps only today free of runs); a very high spike keeps running off for
// 72 h; "after a break … 7–13 days — one stage back" counted to the day of each sketched run; the
// stage's runs a week; after surgery, no jogging before the clearance and week 10.
import { describe, expect, it } from 'vitest';
import { recommendToday, type DayContext } from '../../../shared/engine/recommend-today.ts';
import { recommendWeek } from '../../../shared/engine/recommend-week.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import { atStage, dayContext, yesterday } from '../../fixtures/day-context.ts';

const t = DEFAULT_THRESHOLDS;
const RUNS = ['run', 'run_modified', 'walk'];
/** The week from Tue 10 March after 6 days of rest (the last run on Mon 9 March). */
function week(over: Partial<DayContext> = {}) {
  const c = dayContext({
    recentDays: ['rest', 'rest', 'rest', 'rest', 'rest', 'rest'],
    breakRef: { date: '2026-03-09', stage: 3 },
    ...over,
  });
  return recommendWeek(c, recommendToday(c, t), t);
}
const runDays = (plan: ReturnType<typeof week>) =>
  plan.filter((d) => RUNS.includes(d.action)).map((d) => d.date.slice(8));
const waiting = { waitingForBaseline: { since: '2026-03-09', baseline: 1 } };

describe('recommendWeek() — pain, spikes and the week’s count', () => {
  it('keeps tomorrow free of runs after pain of 6 today, not after pain of 4', () => {
    expect(runDays(week({ todayPain: { value: 6, source: 'morning' } }))[0]).toBe('12');
    expect(runDays(week({ todayPain: { value: 4, source: 'morning' } }))[0]).toBe('11');
    expect(runDays(week(waiting))[0]).toBe('12');
  });

  it('runs on none of the 3 days after a very high spike', () => {
    // spike on Mon 9: no running on 10, 11, 12; the first run on Fri 13
    const vh = { date: '2026-03-09', band: 'very_high', value: 1.2, reference: 'longest_30d' };
    const plan = week({ recentSpikes: [{ ...vh, stage: 3 } as DayContext['recentSpikes'][0]] });
    expect(runDays(plan)[0]).toBe('13');
  });

  it('counts the week’s runs over the 6 days before each day, sketched days included', () => {
    // runs on Sat 6 and Mon 8, today Tue 10: Thu 12 would be a 4th run in 6 days at stage 3
    const plan = week({ recentDays: ['rest', 'rest', 'session', 'rest', 'session', 'rest'] });
    expect(runDays(plan)).toEqual(['10', '13', '15']);
  });

  it('gives the stage’s session on a run day and a modified one inside 72 h of a high spike', () => {
    const high = { date: '2026-03-09', band: 'high', value: 0.5, reference: 'longest_30d' };
    const plan = week({ recentSpikes: [{ ...high, stage: 3 } as DayContext['recentSpikes'][0]] });
    const byDay = new Map(plan.map((d) => [d.date.slice(8), d]));
    expect(byDay.get('14')).toMatchObject({ action: 'run', minutes: 30 }); // 6 × (3 + 2) = 30
    expect(byDay.get('12')?.action).toBe('run_modified');
    expect(byDay.get('12')?.prescription).not.toBe(byDay.get('14')?.prescription);
  });
});

describe('recommendWeek() — the shape of the week', () => {
  it('counts today’s mobility and pilates session as the week’s one', () => {
    const c = dayContext({ recentDays: ['rest', 'rest', 'rest', 'rest', 'rest', 'rest'] });
    const mobility = {
      ...recommendToday(c, t),
      action: 'strength' as const,
      prescription:
        'Mobility & pilates 30 min: gentle mobility, pelvic control and core stability.',
    };
    const plan = recommendWeek(c, mobility, t);
    expect(plan.filter((d) => d.prescription.startsWith('Mobility'))).toHaveLength(1);
  });

  it('still plans a mobility and pilates day after a strength day today', () => {
    // amber yesterday after a week without strength: strength today
    const c = dayContext({
      evaluation: yesterday({ painAfter: 4 }),
      recentDays: ['rest', 'session', 'cardio', 'session', 'cardio', 'session'],
    });
    const today = recommendToday(c, t);
    expect(today.prescription).toMatch(/^Strength & mobility/);
    const plan = recommendWeek(c, today, t);
    expect(plan.filter((d) => d.prescription.startsWith('Mobility'))).toHaveLength(1);
  });
});

describe('recommendWeek() — breaks', () => {
  // Stage 5 on the morning of Tue 10, no run today or tomorrow (waiting for the baseline).
  const atFive = (lastRun: string) =>
    week({ ...atStage(5), ...waiting, breakRef: { date: lastRun, stage: 5 } });

  it('steps a run back once 7 days have gone by without one, and not at 6', () => {
    // last run Wed 4: Thu 12 comes after 7 days without a run (5…11) → stage 4
    expect(atFive('2026-03-04').find((d) => d.date === '2026-03-12')).toMatchObject({
      action: 'run',
      stage: 4,
    });
    // last run Thu 5: 6 days (6…11) → stage 5 unchanged
    expect(atFive('2026-03-05').find((d) => d.date === '2026-03-12')?.stage).toBe(5);
  });

  it('keeps the later runs of the week at the stage the break stepped back to', () => {
    // one run at stage 4 does not complete it (science.md §4: at least twice), so no sketched run
    // after Thu 12 is back at stage 5
    const runs = atFive('2026-03-04').filter((d) => d.action === 'run' && d.date >= '2026-03-12');
    expect(runs.map((d) => d.stage)).toEqual(runs.map(() => 4));
  });

  it('keeps a day without running between runs once a break has stepped stage 7 back to 6', () => {
    // Stage 7 allows runs on two days in a row; stage 6 does not (science.md §4: stages 1–6 keep a
    // day between runs). The last run on Sun 1 March: every run of the week is after 7 days
    // without one, at stage 6, so no two sketched runs are on consecutive days.
    const plan = week({ ...atStage(7), ...waiting, breakRef: { date: '2026-03-01', stage: 7 } });
    const runs = plan.filter((d) => RUNS.includes(d.action));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.map((d) => d.stage)).toEqual(runs.map(() => 6));
    for (let k = 1; k < plan.length; k++)
      expect(
        RUNS.includes(plan[k - 1]?.action ?? '') && RUNS.includes(plan[k]?.action ?? ''),
        `${plan[k - 1]?.date} and ${plan[k]?.date}`,
      ).toBe(false);
  });

  it('counts a break from today’s run when today is a run day', () => {
    // last run long ago (Sun 1), but today is a run: Thu 12 follows it after one day
    const plan = week({ breakRef: { date: '2026-03-01', stage: 3 } });
    expect(plan[0]?.action).toBe('run');
    expect(plan.find((d) => d.date === '2026-03-12')).toMatchObject({ action: 'run', stage: 3 });
  });
});

describe('recommendWeek() — after surgery', () => {
  const hold = {
    surgeryDate: '2026-01-05',
    weeksSince: 9,
    noJogBefore: '2026-03-13',
    clearedOn: null as string | null,
  };

  it('walks at stage 0, and holds every run at a running stage', () => {
    const walks = week({ ...atStage(0), surgeryHold: hold });
    expect(walks.slice(1).filter((d) => d.action === 'walk').length).toBeGreaterThan(0);
    expect(walks.filter((d) => d.action === 'run' || d.action === 'run_modified')).toEqual([]);
    expect(runDays(week({ surgeryHold: hold }))).toEqual([]);
  });

  it('offers cycling and rehab until week 10 once cleared, the usual days after', () => {
    const plan = week({ surgeryHold: { ...hold, clearedOn: '2026-03-09' } });
    const before = plan.filter((d) => d.date < '2026-03-13' && d.action !== 'rest');
    const after = plan.filter((d) => d.date >= '2026-03-13' && d.action !== 'rest');
    expect(before.every((d) => /^(Cycle|Rehab|Mobility)/.test(d.prescription))).toBe(true);
    expect(
      after.some((d) => /^(Cross-train|Strength & mobility) 40 min/.test(d.prescription)),
    ).toBe(true);
    // Fri 13 is the first day of week 10: the usual cross-training
    expect(plan.find((d) => d.date === '2026-03-13')?.prescription).toMatch(/^Cross-train 40 min/);
    // without the clearance, cycling and rehab go on after week 10 too
    const held = week({ surgeryHold: hold }).filter((d) => d.date >= '2026-03-13');
    const rehab = (p: string) => /^(Cycle|Rehab|Mobility|Rest)/.test(p);
    expect(held.every((d) => rehab(d.prescription))).toBe(true);
  });
});
