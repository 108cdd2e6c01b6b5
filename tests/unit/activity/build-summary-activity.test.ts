// An activity known from its totals (build-summary-activity.ts): a pool swim's FIT session, an
// Apple Health workout without a route. Times and heart rates here are small round numbers, so the
// summary is worked by hand from the input.
import { describe, expect, it } from 'vitest';
import { buildSummaryActivity } from '../../../shared/activity/build-summary-activity.ts';

const START = Date.UTC(2026, 2, 1, 7, 0, 0);
const at = (s: number) => START + s * 1000;

describe('buildSummaryActivity()', () => {
  it('takes time and distance from the summary, with no track, laps or intervals of its own', () => {
    const a = buildSummaryActivity({
      format: 'fit',
      sport: 'swim',
      startMs: START,
      elapsedS: 1800,
      distanceM: 1500,
    });
    expect(a).toStrictEqual({
      format: 'fit',
      sport: 'swim',
      startAt: new Date(START),
      samples: [],
      laps: [],
      intervals: [],
      summary: { distanceM: 1500, movingS: 1800, elapsedS: 1800, elevationGainM: 0 },
      warnings: [],
    });
  });

  it('keeps the device’s moving time, never more than the elapsed time', () => {
    const base = { format: 'apple_health', sport: 'run', startMs: START, elapsedS: 1800 } as const;
    expect(buildSummaryActivity({ ...base, movingS: 1700 }).summary.movingS).toBe(1700);
    expect(buildSummaryActivity({ ...base, movingS: 1900 }).summary.movingS).toBe(1800);
    // No distance or climb recorded: 0, as a track without them would show.
    expect(buildSummaryActivity({ ...base, elevationGainM: 12 }).summary).toEqual({
      distanceM: 0,
      movingS: 1800,
      elapsedS: 1800,
      elevationGainM: 12,
    });
  });

  it('keeps heart-rate samples inside the activity, in time order, one per moment', () => {
    const a = buildSummaryActivity({
      format: 'apple_health',
      sport: 'run',
      startMs: START,
      elapsedS: 600,
      hrSamples: [
        { t: at(300), hrBpm: 150 },
        { t: at(-1), hrBpm: 100 }, // before the start
        { t: at(0), hrBpm: 110 }, // at the start: inside
        { t: at(300), hrBpm: 151 }, // a second reading of the same moment
        { t: at(600), hrBpm: 140 }, // at the end: inside
        { t: at(601), hrBpm: 100 }, // after the end
      ],
    });
    expect(a.samples).toEqual([
      { t: at(0), hrBpm: 110 },
      { t: at(300), hrBpm: 150 },
      { t: at(600), hrBpm: 140 },
    ]);
    // Mean of 110, 150 and 140 = 400 / 3; the highest 150.
    expect(a.summary.avgHrBpm).toBeCloseTo(400 / 3, 9);
    expect(a.summary.maxHrBpm).toBe(150);
    // The samples never stretch the duration.
    expect(a.summary.elapsedS).toBe(600);
  });

  it('drops heart rates outside 25–250 bpm (strap contact lost), keeping the limits themselves', () => {
    const a = buildSummaryActivity({
      format: 'apple_health',
      sport: 'run',
      startMs: START,
      elapsedS: 600,
      hrSamples: [24, 25, 250, 251, 0].map((hrBpm, i) => ({ t: at(i * 10), hrBpm })),
    });
    expect(a.samples.map((s) => s.hrBpm)).toEqual([25, 250]);
  });

  it('prefers the device’s average and maximum heart rate to the samples’', () => {
    const a = buildSummaryActivity({
      format: 'fit',
      sport: 'swim',
      startMs: START,
      elapsedS: 600,
      avgHrBpm: 120,
      maxHrBpm: 170,
      hrSamples: [
        { t: at(10), hrBpm: 100 },
        { t: at(20), hrBpm: 110 },
      ],
    });
    expect(a.summary.avgHrBpm).toBe(120);
    expect(a.summary.maxHrBpm).toBe(170);
  });

  it('has no heart rate at all without the device’s figures or samples', () => {
    const a = buildSummaryActivity({ format: 'fit', sport: 'swim', startMs: START, elapsedS: 60 });
    expect('avgHrBpm' in a.summary).toBe(false);
    expect('maxHrBpm' in a.summary).toBe(false);
  });

  it('keeps name, device, laps and warnings, with file warnings shown first', () => {
    const lap = { startS: 0, durationS: 600, distanceM: 500 };
    const a = buildSummaryActivity({
      format: 'fit',
      sport: 'swim',
      startMs: START,
      elapsedS: 600,
      name: 'Pool',
      device: 'Garmin fenix 7',
      laps: [lap],
      warnings: ['no heart rate in the file'],
      fileWarnings: [{ code: 'fit_ends_early', message: 'the file ends early', atS: 540 }],
    });
    expect(a.name).toBe('Pool');
    expect(a.device).toBe('Garmin fenix 7');
    expect(a.laps).toEqual([lap]);
    expect(a.fileWarnings).toEqual([
      { code: 'fit_ends_early', message: 'the file ends early', atS: 540 },
    ]);
    expect(a.warnings).toEqual(['the file ends early', 'no heart rate in the file']);
  });
});
