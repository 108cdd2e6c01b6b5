// science.md §1 "Daily load series": "the athlete's local calendar days … Rest days are explicit
// zeros", "keep several load measures side by side; no single one is 'the' load", and
// "Cross-training … counts toward total load but not toward running distance".
import { describe, expect, it } from 'vitest';
import { computeDailySeries, type DatedRun } from '../../../shared/engine/compute-daily-series.ts';
import { sessionShapesOf } from '../../../shared/engine/session-shape.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import type { CrossTraining } from '../../../shared/engine/types.ts';

const t = DEFAULT_THRESHOLDS;

function run(id: string, localDate: string, over: Partial<DatedRun> = {}): DatedRun {
  return {
    id,
    localDate,
    running: true,
    walking: false,
    kind: 'run',
    distanceM: 5000,
    movingS: 1800,
    trimp: null,
    rtss: null,
    rpe: null,
    ...over,
  };
}

describe('computeDailySeries()', () => {
  it('has one row per local day with explicit zeros on rest days', () => {
    const days = computeDailySeries(
      '2026-03-01',
      '2026-03-05',
      [run('a', '2026-03-02'), run('b', '2026-03-04')],
      [],
      t,
    );
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
    ]);
    expect(days.map((d) => d.runDistanceM)).toEqual([0, 5000, 0, 5000, 0]);
    expect(days.map((d) => d.totalLoad)).toEqual([0, 90, 0, 90, 0]); // 30 min × default RPE 3 = 90
  });

  it('sums two runs on a day and keeps the longest for the spike', () => {
    const [d] = computeDailySeries(
      '2026-03-01',
      '2026-03-01',
      [
        run('a', '2026-03-01', { distanceM: 3000, movingS: 1000 }),
        run('b', '2026-03-01', { distanceM: 8000, movingS: 2800 }),
      ],
      [],
      t,
    );
    expect(d?.runCount).toBe(2);
    expect(d?.runDistanceM).toBe(11000);
    expect(d?.runMovingS).toBe(3800);
    expect(d?.longestRunM).toBe(8000);
    expect(d?.longestRunMovingS).toBe(2800);
  });

  it('counts cross-training toward the total load but never toward running distance', () => {
    // ride 60 min at RPE 4 = 240 AU (Foster); swim 30 min without RPE → 30 × 3 = 90 in the total only
    const [d] = computeDailySeries(
      '2026-03-01',
      '2026-03-01',
      [],
      [
        { date: '2026-03-01', kind: 'ride', minutes: 60, rpe: 4 },
        { date: '2026-03-01', kind: 'swim', minutes: 30 },
      ],
      t,
    );
    expect(d?.runDistanceM).toBe(0);
    expect(d?.crossTrainingMin).toBe(90);
    expect(d?.crossTrainingLoad).toBe(240);
    expect(d?.srpeLoad).toBe(240);
    expect(d?.ratedSessions).toBe(1);
    expect(d?.unratedSessions).toBe(1);
    expect(d?.totalLoad).toBe(330); // 240 + 90
  });

  it('keeps sRPE, TRIMP and rTSS side by side', () => {
    // run: 45 min × RPE 5 = 225 AU, TRIMP 80, rTSS 55
    const [d] = computeDailySeries(
      '2026-03-01',
      '2026-03-01',
      [run('a', '2026-03-01', { movingS: 2700, rpe: 5, trimp: 80, rtss: 55 })],
      [],
      t,
    );
    expect(d?.srpeLoad).toBe(225);
    expect(d?.trimp).toBe(80);
    expect(d?.rtss).toBe(55);
    expect(d?.totalLoad).toBe(225);
  });

  it('uses the chosen primary load measure', () => {
    const r = [run('a', '2026-03-01', { movingS: 2700, rpe: 5, trimp: 80, rtss: 55 })];
    const cross = [{ date: '2026-03-01', kind: 'ride', minutes: 30 }];
    expect(
      computeDailySeries('2026-03-01', '2026-03-01', r, cross, { ...t, loadMeasure: 'trimp' })[0]
        ?.totalLoad,
    ).toBe(80);
    expect(
      computeDailySeries('2026-03-01', '2026-03-01', r, cross, { ...t, loadMeasure: 'rtss' })[0]
        ?.totalLoad,
    ).toBe(55);
    expect(
      computeDailySeries('2026-03-01', '2026-03-01', r, cross, { ...t, loadMeasure: 'minutes' })[0]
        ?.totalLoad,
    ).toBe(75); // 45 + 30
  });

  it('counts walks as stage-0 sessions and cross-training, and strength kinds apart', () => {
    const [d] = computeDailySeries(
      '2026-03-01',
      '2026-03-01',
      [
        run('w', '2026-03-01', {
          running: false,
          walking: true,
          kind: 'walk',
          distanceM: 3000,
          movingS: 1800,
        }),
      ],
      [{ date: '2026-03-01', kind: 'strength', minutes: 45, rpe: 4 }],
      t,
    );
    expect(d?.runDistanceM).toBe(0);
    expect(d?.longestWalkMin).toBe(30);
    expect(d?.crossTrainingMin).toBe(75);
    expect(d?.strengthMin).toBe(45);
  });

  it('ignores inputs outside the range', () => {
    const days = computeDailySeries(
      '2026-03-02',
      '2026-03-03',
      [run('a', '2026-03-01'), run('b', '2026-03-04')],
      [{ date: '2026-03-05', kind: 'ride', minutes: 10 }],
      t,
    );
    expect(days.every((d) => d.totalLoad === 0)).toBe(true);
  });
});

describe('computeDailySeries() — every session in its place', () => {
  const one = (runs: DatedRun[], cross: CrossTraining[] = [], over: Partial<typeof t> = {}) =>
    computeDailySeries('2026-03-01', '2026-03-01', runs, cross, { ...t, ...over })[0];

  it('is empty when the range ends before it starts', () => {
    expect(computeDailySeries('2026-03-05', '2026-03-01', [], [], t)).toEqual([]);
  });

  it('keeps the shapes of the longest run, and the first by id of two equally long', () => {
    const shapes = sessionShapesOf({ intervals: [], laps: [], movingS: 1800, distanceM: 5400 });
    const d = one([
      run('b', '2026-03-01', { distanceM: 5000, movingS: 2000 }),
      run('a', '2026-03-01', { distanceM: 5000, movingS: 1900, shapes }),
    ]);
    expect(d?.longestRunMovingS).toBe(1900);
    expect(d?.longestRunShapes).toBe(shapes);
  });

  it('counts a rated walk’s load, its minutes as a walk only when it is one, and yoga as strength', () => {
    const walk = { running: false, walking: true, kind: 'walk', distanceM: 2000 };
    const d = one([
      run('a', '2026-03-01', { ...walk, movingS: 2400, rpe: 4 }), // 40 min × RPE 4 = 160
      run('b', '2026-03-01', { ...walk, movingS: 1200 }), // 20 min: shorter than the first
      run('c', '2026-03-01', { running: false, kind: 'ride', distanceM: 20000, movingS: 3600 }),
      run('d', '2026-03-01', { running: false, kind: 'yoga', distanceM: 0, movingS: 1800 }),
    ]);
    expect(d).toMatchObject({
      crossTrainingLoad: 160,
      longestWalkMin: 40,
      strengthMin: 30,
      crossTrainingMin: 150, // 40 + 20 + 60 + 30
    });
  });

  it('takes logged hikes as walks and rides as neither walks nor strength', () => {
    const d = one(
      [],
      [
        { date: '2026-03-01', kind: 'hike', minutes: 50 },
        { date: '2026-03-01', kind: 'walk', minutes: 20 },
        { date: '2026-03-01', kind: 'ride', minutes: 90 },
      ],
    );
    expect(d).toMatchObject({ longestWalkMin: 50, strengthMin: 0 });
  });

  it('counts the sessions that carry a TRIMP or an rTSS, and only those', () => {
    const d = one(
      [run('a', '2026-03-01', { trimp: 80, rtss: 55 }), run('b', '2026-03-01')],
      [{ date: '2026-03-01', kind: 'ride', minutes: 30 }],
    );
    expect(d).toMatchObject({ trimpSessions: 1, rtssSessions: 1, trimp: 80, rtss: 55 });
  });

  it('treats an RPE outside 0–10 as no RPE', () => {
    const d = one([], [{ date: '2026-03-01', kind: 'ride', minutes: 30, rpe: 12 }]);
    expect(d).toMatchObject({ ratedSessions: 0, unratedSessions: 1, crossTrainingLoad: 0 });
  });
});

describe('computeDailySeries() — the same numbers whatever the order of the inputs', () => {
  const perms = <T>(xs: readonly T[]): T[][] =>
    xs.length < 2
      ? [[...xs]]
      : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  // Binary floating point does not add in any order to the same number: 10.1 + 10.2 + 10.4 is
  // 30.699999999999996 added in that order, 30.7 as (10.1 + 10.4) + 10.2 and 30.700000000000003 as
  // (10.2 + 10.4) + 10.1. Sums in a fixed order (runs by id; cross-training by kind, then minutes,
  // then RPE) give one number for every order of the inputs, and that order decides which one.

  it('sums a day’s runs by id', () => {
    // minutes 606/60 = 10.1, 612/60 = 10.2, 624/60 = 10.4 for ids a, c, e on both days
    const runs = ['2026-03-01', '2026-03-02'].flatMap((date, k) =>
      [606, 612, 624].map((movingS, i) => run(`${'ace'[i]}${k}`, date, { movingS })),
    );
    const byId = 10.1 + 10.2 + 10.4;
    for (const p of perms(runs)) {
      const days = computeDailySeries('2026-03-01', '2026-03-02', p, [], {
        ...t,
        loadMeasure: 'minutes',
      });
      expect(days.map((d) => d.totalLoad)).toEqual([byId, byId]);
    }
  });

  it('sums a day’s cross-training by kind, then minutes, then RPE', () => {
    const cross: CrossTraining[] = [
      { date: '2026-03-01', kind: 'swim', minutes: 10.1 },
      { date: '2026-03-01', kind: 'ride', minutes: 10.4 },
      { date: '2026-03-01', kind: 'ride', minutes: 10.2 },
      { date: '2026-03-02', kind: 'ride', minutes: 14.4, rpe: 7 },
      { date: '2026-03-02', kind: 'ride', minutes: 14.4, rpe: 6 },
      { date: '2026-03-02', kind: 'ride', minutes: 14.4 },
    ];
    const rides: CrossTraining[] = [10.4, 10.1, 10.2].map((minutes) => ({
      date: '2026-03-03',
      kind: 'ride',
      minutes,
    }));
    // 1 March: ride 10.2, ride 10.4, then swim 10.1
    const byKind = 10.2 + 10.4 + 10.1;
    // 2 March: unrated (the default RPE 3), then RPE 6 and 7: (3 × 14.4 + 6 × 14.4) + 7 × 14.4,
    // 230.40000000000003 (230.4 and 230.39999999999998 in the other orders)
    const byRpe = 3 * 14.4 + 6 * 14.4 + 7 * 14.4;
    // 3 March: three rides by minutes, 10.1, 10.2, 10.4
    const byMinutes = 10.1 + 10.2 + 10.4;
    for (const p of perms(cross)) {
      const days = computeDailySeries('2026-03-01', '2026-03-02', [], p, t);
      expect(days[0]?.crossTrainingMin).toBe(byKind);
      expect(days[1]?.totalLoad).toBe(byRpe);
    }
    for (const p of perms(rides))
      expect(computeDailySeries('2026-03-03', '2026-03-03', [], p, t)[0]?.crossTrainingMin).toBe(
        byMinutes,
      );
  });
});
