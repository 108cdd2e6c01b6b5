// Samples held column by column (sample-columns.ts): growth past the first capacity, absent fields
// as NaN and back, the samples property made from the columns once and replaced together with them.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../shared/activity/activity.ts';
import {
  attachColumns,
  columnsOf,
  SampleColumns,
} from '../../../shared/activity/sample-columns.ts';

const full: Sample = {
  t: 1000,
  lat: 47,
  lon: 8,
  eleM: 400,
  hrBpm: 120,
  cadenceSpm: 170,
  distanceM: 3,
  speedMps: 3,
};

describe('SampleColumns', () => {
  it('grows past its capacity, keeping every point', () => {
    const c = new SampleColumns(2);
    for (let i = 0; i < 5; i++) c.push({ t: i, hrBpm: 100 + i });
    expect(c.length).toBe(5);
    expect(c.t.length).toBeGreaterThanOrEqual(5);
    expect(c.trim().t.length).toBe(5);
    expect([...c.hrBpm]).toEqual([100, 101, 102, 103, 104]);
  });

  it('gives each point back as it came, absent fields left out', () => {
    const samples: Sample[] = [full, { t: 2000 }, { t: 3000, hrBpm: 0, distanceM: 0 }];
    const c = SampleColumns.fromSamples(samples);
    expect(Number.isNaN(c.lat[1] as number)).toBe(true);
    expect(c.toSamples()).toEqual(samples);
    expect(c.at(2)).toStrictEqual({ t: 3000, hrBpm: 0, distanceM: 0 });
  });

  it('makes columns of no samples at all', () => {
    const c = SampleColumns.fromSamples([]);
    expect(c.length).toBe(0);
    expect(c.toSamples()).toEqual([]);
  });
});

describe('attachColumns() and columnsOf()', () => {
  it('hides the columns from listings and makes the samples from them once', () => {
    const target = { samples: [] as Sample[] } as { samples: Sample[]; columns?: SampleColumns };
    const c = SampleColumns.fromSamples([full]);
    attachColumns(target, c);
    expect(Object.keys(target)).toEqual(['samples']);
    expect(target.columns).toBe(c);
    const first = target.samples;
    expect(first).toEqual([full]);
    expect(target.samples).toBe(first);
    expect(columnsOf(target)).toBe(c);
  });

  it('replaces the columns when the samples are replaced', () => {
    const target = { samples: [] as Sample[] } as { samples: Sample[]; columns?: SampleColumns };
    attachColumns(target, SampleColumns.fromSamples([full]));
    const next = [{ t: 5, hrBpm: 99 }];
    target.samples = next;
    expect(target.samples).toBe(next);
    expect(target.columns?.length).toBe(1);
    expect(target.columns?.hrBpm[0]).toBe(99);
  });

  it('makes columns from the sample objects of something without its own', () => {
    const c = columnsOf({ samples: [{ t: 1 }, { t: 2, hrBpm: 130 }] });
    expect(c.length).toBe(2);
    expect(c.hrBpm[1]).toBe(130);
  });
});
