// Per-foot cadence to steps per minute (normalise-cadence.ts): runners' full step rates are about
// 150–200 per minute and walkers' 100–130, so a median under 120 (running) or under 80 (walking,
// hiking) can only be per foot. Each case runs on sample objects and on columns alike.
import { describe, expect, it } from 'vitest';
import type { Sample, Sport } from '../../../shared/activity/activity.ts';
import { normaliseCadence } from '../../../shared/activity/normalise-cadence.ts';
import { SampleColumns } from '../../../shared/activity/sample-columns.ts';

function both(cadences: (number | undefined)[], sport: Sport, perFoot: true | 'auto') {
  const samples: Sample[] = cadences.map((c, i) =>
    c === undefined ? { t: i } : { t: i, cadenceSpm: c },
  );
  const columns = SampleColumns.fromSamples(samples);
  normaliseCadence(samples, sport, perFoot);
  normaliseCadence(columns, sport, perFoot);
  const fromColumns = [...columns.cadenceSpm].map((v) => (Number.isNaN(v) ? undefined : v));
  return { objects: samples.map((s) => s.cadenceSpm), columns: fromColumns };
}

describe('normaliseCadence()', () => {
  it.each([
    ['a run at 85 per foot', [84, 85, 86], 'run', [168, 170, 172]],
    ['a run at 170 steps', [168, 170, 172], 'run', [168, 170, 172]],
    // Median 119 (of 100, 119, 150): per foot; 120 is already steps.
    ['a run whose median is 119', [150, 100, 119], 'run', [300, 200, 238]],
    ['a run whose median is 120', [150, 100, 120], 'run', [150, 100, 120]],
    ['a walk whose median is 79', [79, 60, 90], 'walk', [158, 120, 180]],
    ['a walk whose median is 80', [80, 60, 90], 'walk', [80, 60, 90]],
    ['a hike whose median is 79', [79, 60, 90], 'hike', [158, 120, 180]],
    ['a hike whose median is 80', [80, 60, 90], 'hike', [80, 60, 90]],
    // A trail run is running: 100 is per foot.
    ['a trail run at 100', [100, 100, 100], 'trail_run', [200, 200, 200]],
    ['a ride (pedal strokes, never doubled)', [85, 85, 85], 'ride', [85, 85, 85]],
  ] as const)('auto: %s', (_name, cadences, sport, expected) => {
    const r = both([...cadences], sport, 'auto');
    expect(r.objects).toEqual(expected);
    expect(r.columns).toEqual(expected);
  });

  it('takes the median of the cadences recorded, ignoring points without one or at 0', () => {
    // Recorded: 0, 0, 0, 100, 130 → without the zeros, median 130: steps, kept.
    const r = both([0, 0, 0, 100, 130, undefined], 'run', 'auto');
    expect(r.objects).toEqual([0, 0, 0, 100, 130, undefined]);
    expect(r.columns).toEqual([0, 0, 0, 100, 130, undefined]);
  });

  it('sorts cadences as numbers: 90, 100 and 1000 have the median 100, not 1000', () => {
    const r = both([1000, 90, 100], 'run', 'auto');
    expect(r.objects).toEqual([2000, 180, 200]);
    expect(r.columns).toEqual([2000, 180, 200]);
  });

  it('doubles every on-foot cadence when the source is known to write it per foot', () => {
    const r = both([150, undefined, 0], 'run', true);
    expect(r.objects).toEqual([300, undefined, 0]);
    expect(r.columns).toEqual([300, undefined, 0]);
    expect(both([90], 'swim', true).objects).toEqual([90]);
  });

  it('leaves a track without cadence as it is', () => {
    const r = both([undefined, undefined], 'run', 'auto');
    expect(r.objects).toEqual([undefined, undefined]);
    expect(r.columns).toEqual([undefined, undefined]);
  });
});
