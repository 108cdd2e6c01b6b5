import { describe, expect, it } from 'vitest';
import { createActivityFileReader } from '../../../shared/activity/parse-activity-file.ts';
import { parseGpx } from '../../../shared/activity/parse-gpx.ts';
import { SampleColumns } from '../../../shared/activity/sample-columns.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';

describe('samples held as columns', () => {
  it('a parsed GPX keeps its 601 points in typed arrays, and makes objects only when asked', () => {
    // 10 minutes at 1 Hz: 601 points, each with a time 1000 ms after the one before.
    const activity = parseGpx(new TextEncoder().encode(toGpx(track(steadyPlan(600, 3)))));
    const c = activity.columns;
    expect(c).toBeInstanceOf(SampleColumns);
    expect(c?.length).toBe(601);
    expect(c?.t).toBeInstanceOf(Float64Array);
    expect((c?.t[1] as number) - (c?.t[0] as number)).toBe(1000);
    // Not among the fields a comparison or a listing sees; the objects agree with the columns.
    expect(Object.keys(activity)).not.toContain('columns');
    expect(activity.samples).toHaveLength(601);
    expect(activity.samples[600]?.t).toBe(c?.t[600]);
    expect(activity.samples[600]?.lat).toBe(c?.lat[600]);
  });

  it('reads a file fed in chunks the same as whole', () => {
    const bytes = new TextEncoder().encode(toGpx(track(steadyPlan(600, 3))));
    const reader = createActivityFileReader('run.gpx');
    for (let i = 0; i < bytes.length; i += 1000) reader.push(bytes.subarray(i, i + 1000));
    const chunked = reader.end().activities[0];
    const whole = parseGpx(bytes);
    expect(chunked?.columns?.length).toBe(601);
    expect(chunked?.summary).toEqual(whole.summary);
    expect(chunked?.samples).toEqual(whole.samples);
  });
});
