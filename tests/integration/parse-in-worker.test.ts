// The parsing threads of a bulk import give what parseActivities() gives on the calling thread: the
// same activities with the same sample columns, and the same refusal (reason and message) for a
// file that is not an activity.
import { afterAll, describe, expect, it } from 'vitest';
import { parseActivities } from '#shared/activity/parse-activity-file';
import { activityTimeRange } from '#shared/activity/plausible-time';
import { SAMPLE_FIELDS } from '#shared/activity/sample-columns';
import { BadInputError } from '#shared/errors';
import { loadsAtIngestOf } from '#services/engine/activity-loads';
import { createParsePool } from '#services/ingest/parse-in-worker';
import { planPoints, steadyPlan, toGpx, toTcx } from '../fixtures/generate-activity.ts';

const options = { timeRange: activityTimeRange(Date.UTC(2026, 10, 30), 'Europe/Zurich') };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('parsing in worker threads', () => {
  const pool = createParsePool(2);
  afterAll(() => pool.close());

  it('gives the same activities, columns and summary as parsing on this thread', async () => {
    const points = [...planPoints(steadyPlan(1800, 3), { eleSwingM: 4 })];
    const files = [
      { name: 'run.gpx', content: bytes(toGpx(points, { type: 'running' })) },
      { name: 'run.tcx', content: bytes(toTcx(points)) },
    ];
    const [gpx, tcx] = await Promise.all(files.map((f) => pool.parse(f.name, f.content, options)));
    for (const [i, parsed] of [gpx, tcx].entries()) {
      const file = files[i] as { name: string; content: Uint8Array };
      const here = parseActivities(file.name, file.content, options);
      expect(parsed?.format).toBe(here.format);
      expect(parsed?.activities).toHaveLength(1);
      const a = parsed?.activities[0];
      const b = here.activities[0];
      expect(a?.startAt).toEqual(b?.startAt);
      expect([a?.sport, a?.summary, a?.intervals, a?.warnings]).toEqual([
        b?.sport,
        b?.summary,
        b?.intervals,
        b?.warnings,
      ]);
      expect(a?.columns?.length).toBe(1801);
      for (const f of SAMPLE_FIELDS) expect(a?.columns?.[f]).toEqual(b?.columns?.[f]);
      // The samples as objects are still made from the columns when something reads them.
      expect(a?.samples[100]).toEqual(b?.samples[100]);
    }
  });

  it('computes the loads asked for, as the store computes them on this thread', async () => {
    // Half an hour at 3 m/s with a heart rate: TRIMP, rTSS and the intensity reading all apply.
    const points = [...planPoints(steadyPlan(1800, 3), { eleSwingM: 4 })].map((p, i) => ({
      ...p,
      hrBpm: 140 + (i % 20),
    }));
    const content = bytes(toGpx(points, { type: 'running' }));
    const profile = {
      timezone: 'Europe/Zurich',
      sex: 'female' as const,
      hrMaxBpm: 185,
      hrRestBpm: 55,
      thresholdPaceSPerKm: 300,
      units: 'metric' as const,
    };
    const parsed = await pool.parse('run.gpx', content, options, { profile, key: 'k1' });
    const here = parseActivities('run.gpx', content, options).activities[0];
    expect(here).toBeDefined();
    const expected = loadsAtIngestOf(here!, profile);
    expect(expected.trimp).toBeGreaterThan(0);
    expect(expected.rtss).toBeGreaterThan(0);
    expect(parsed.loads).toEqual([{ key: 'k1', sport: 'run', loads: expected }]);
    // Not asked for: none computed.
    expect((await pool.parse('run.gpx', content, options)).loads).toBeUndefined();
  });

  it('refuses a broken file with the reason and message parsing on this thread gives', async () => {
    const broken = bytes('<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="x"');
    let here: unknown;
    try {
      parseActivities('broken.gpx', broken, options);
    } catch (err) {
      here = err;
    }
    const there = await pool.parse('broken.gpx', broken, options).catch((err: unknown) => err);
    expect(there).toBeInstanceOf(BadInputError);
    expect(here).toBeInstanceOf(BadInputError);
    const [a, b] = [there as BadInputError, here as BadInputError];
    expect([a.reason, a.message]).toEqual([b.reason, b.message]);
    expect(a.message).toMatch(/^broken\.gpx: /);
  });
});
