// science.md §1 "Daily load series": "the athlete's local calendar days … Rest days are explicit
// zeros", "keep several load measures side by side; no single one is 'the' load", and
// "Cross-training … counts toward total load but not toward running distance".
import { describe, expect, it } from 'vitest';
import { computeDailySeries, type DatedRun } from '../../../shared/engine/compute-daily-series.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

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
