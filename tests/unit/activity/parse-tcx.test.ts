import { describe, expect, it } from 'vitest';
import { parseTcx } from '../../../shared/activity/parse-tcx.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { steadyPlan, toTcx, track } from '../../fixtures/generate-activity.ts';

const enc = new TextEncoder();

function reasonOf(xml: string): string {
  try {
    parseTcx(enc.encode(xml));
  } catch (err) {
    if (err instanceof BadInputError) return err.reason;
    throw err;
  }
  throw new Error('expected a BadInputError');
}

describe('parseTcx()', () => {
  // 600 points, one a second at 3 m/s, in laps of 200 points: the last lap ends on the last point,
  // 199 s and 597 m after it began; the device's distance at that point is 599 × 3 = 1,797 m.
  const points = track(steadyPlan(600, 3), { eleSwingM: 2 }).slice(0, 600);
  const a = parseTcx(enc.encode(toTcx(points, { lapEvery: 200 })));

  it('keeps the laps as recorded, with their distance, duration, heart rate and trigger', () => {
    expect(a.laps).toHaveLength(3);
    expect(a.laps.map((l) => l.startS)).toEqual([0, 200, 400]);
    expect(a.laps.map((l) => l.durationS)).toEqual([200, 200, 199]);
    expect(a.laps.map((l) => l.distanceM)).toEqual([600, 600, 597]);
    expect(a.laps[0]?.avgHrBpm).toBe(144);
    expect(a.laps[0]?.trigger).toBe('Distance');
  });

  it('takes the distance the device recorded: the last DistanceMeters', () => {
    expect(a.summary.distanceM).toBe(1797);
  });

  it('reads heart rate, speed and RunCadence (per foot) as steps per minute', () => {
    expect(a.samples[1]).toMatchObject({ hrBpm: 144, speedMps: 3, cadenceSpm: 170, distanceM: 3 });
  });

  it('reads the sport and the device', () => {
    expect(a.sport).toBe('run');
    expect(a.device).toBe('Test Watch');
  });

  it('rejects a course (a planned route) as not a recorded activity', () => {
    expect(
      reasonOf(
        '<TrainingCenterDatabase><Courses><Course><Name>x</Name></Course></Courses></TrainingCenterDatabase>',
      ),
    ).toBe('tcx_course');
  });

  it('rejects an activity without track points', () => {
    expect(
      reasonOf(
        '<TrainingCenterDatabase><Activities><Activity Sport="Running"><Id>2026-03-01T07:00:00Z</Id></Activity></Activities></TrainingCenterDatabase>',
      ),
    ).toBe('tcx_no_track');
  });

  it('rejects a truncated file', () => {
    const xml = toTcx(points);
    expect(reasonOf(xml.slice(0, xml.length - 200))).toBe('xml_truncated');
  });
});
