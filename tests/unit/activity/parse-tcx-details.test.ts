// TCX files written by hand, a few track points each, for what the generated files do not show:
// the messages a runner sees for a broken file, laps that disagree with the track, a second
// activity, a missing sport, cadence and heart rate read only from their own elements.
import { describe, expect, it } from 'vitest';
import { parseTcx } from '../../../shared/activity/parse-tcx.ts';
import { activityTimeRange } from '../../../shared/activity/plausible-time.ts';
import { badInputOf } from '../../support/bad-input.ts';

const enc = new TextEncoder();

/** A track point `s` seconds after 07:00, `d` metres along, with extra elements inside. */
function tp(s: number, d: number | undefined, inner = ''): string {
  const time = new Date(Date.UTC(2026, 2, 1, 7, 0, s)).toISOString();
  const dist = d === undefined ? '' : `<DistanceMeters>${d}</DistanceMeters>`;
  return `<Trackpoint><Time>${time}</Time>${dist}${inner}</Trackpoint>`;
}

/** Ten points 10 s apart at 3 m/s: 0–270 m over 90 s. */
const TEN = Array.from({ length: 10 }, (_, i) => tp(10 * i, 30 * i)).join('');

function lap(body: string, head = '', start = '2026-03-01T07:00:00Z'): string {
  return `<Lap StartTime="${start}">${head}<Track>${body}</Track></Lap>`;
}

function tcx(activities: string, extra = ''): Uint8Array {
  return enc.encode(
    `<TrainingCenterDatabase><Activities>${activities}</Activities>${extra}</TrainingCenterDatabase>`,
  );
}

const activity = (laps: string, sport = 'Running', creator = '') =>
  `<Activity Sport="${sport}"><Id>2026-03-01T07:00:00Z</Id>${laps}${creator}</Activity>`;

describe('parseTcx(): what a runner is told about a file it cannot read', () => {
  it.each([
    [
      'a <Time> that is not a time',
      tcx(activity(lap(`${TEN}<Trackpoint><Time>yesterday</Time></Trackpoint>`))),
      'tcx_bad_time',
      'line 1: <Time> "yesterday" is not a date and time',
    ],
    [
      'a lap start that is not a time',
      tcx(activity(lap(TEN, '', 'soon'))),
      'tcx_bad_time',
      'line 1: Lap StartTime "soon" is not a date and time',
    ],
    [
      'a latitude beyond 90°',
      tcx(activity(lap(tp(0, 0, '<Position><LatitudeDegrees>90.5</LatitudeDegrees></Position>')))),
      'tcx_bad_coordinate',
      'line 1: <LatitudeDegrees> is "90.5", not a latitude',
    ],
    [
      'a longitude beyond 180°',
      tcx(
        activity(lap(tp(0, 0, '<Position><LongitudeDegrees> -181 </LongitudeDegrees></Position>'))),
      ),
      'tcx_bad_coordinate',
      'line 1: <LongitudeDegrees> is "-181", not a longitude',
    ],
    [
      'an empty latitude',
      tcx(activity(lap(tp(0, 0, '<Position><LatitudeDegrees></LatitudeDegrees></Position>')))),
      'tcx_bad_coordinate',
      'line 1: <LatitudeDegrees> is "", not a latitude',
    ],
    ['no activity at all', tcx(''), 'tcx_no_activity', 'no <Activity> in this TCX file'],
    [
      'a course, not an activity',
      tcx('', '<Courses><Course><Name>Loop</Name></Course></Courses>'),
      'tcx_course',
      'this TCX file holds a course (a planned route), not a recorded activity',
    ],
    [
      'an activity without track points',
      tcx(activity(lap(''))),
      'tcx_no_track',
      'the activity has no <Trackpoint>',
    ],
    [
      'a file cut off in the middle',
      enc.encode('<TrainingCenterDatabase><Activities><Activity Sport="Running">'),
      'xml_truncated',
      'line 1: the file ends inside <Activity>: it is truncated',
    ],
  ])('%s', (_name, bytes, reason, message) => {
    const err = badInputOf(() => parseTcx(bytes));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(message);
  });

  it('accepts the poles and the date line themselves', () => {
    // Both points of each file stand on a pole (every longitude meets there): no distance at all.
    const pos = (lat: number, lon: number) =>
      `<Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>${lon}</LongitudeDegrees></Position>`;
    for (const lat of [90, -90]) {
      const a = parseTcx(tcx(activity(lap(tp(0, 0, pos(lat, 180)) + tp(10, 0, pos(lat, -180))))));
      expect(a.samples.map((s) => [s.lat, s.lon])).toEqual([
        [lat, 180],
        [lat, -180],
      ]);
    }
  });

  it('names a track point’s time before 1990 as a clock that was not set', () => {
    const range = activityTimeRange(Date.UTC(2026, 2, 2));
    const old = tcx(activity(lap(TEN.replace('2026-03-01T07:00:00', '1989-12-31T07:00:00'))));
    const err = badInputOf(() => parseTcx(old, { timeRange: range }));
    expect(err.reason).toBe('implausible_time');
    expect(err.message).toBe(
      "line 1: <Time> 1989-12-31T07:00:00.000Z is before 1990-01-01: the device's clock was not set",
    );
  });
});

describe('parseTcx(): laps, sport, device', () => {
  it('reads the first activity only, and says so', () => {
    // The second activity's points, laps and device are not read.
    const creator = '<Creator><Name>Other watch</Name></Creator>';
    const second = activity(lap(tp(600, 0) + tp(700, 500)), 'Running', creator);
    const a = parseTcx(tcx(activity(lap(TEN)) + second));
    expect(a.samples).toHaveLength(10);
    expect(a.laps).toHaveLength(1);
    expect(a.summary.distanceM).toBe(270);
    expect(a.device).toBeUndefined();
    expect(a.warnings).toContain('2 activities in the file: only the first was read');
  });

  it('takes a run, with a warning, when the activity names no sport; or the caller’s default', () => {
    const bytes = tcx(`<Activity><Id>x</Id>${lap(TEN)}</Activity>`);
    const a = parseTcx(bytes);
    expect(a.sport).toBe('run');
    expect(a.warnings).toContain('no sport in the file: taken as run');
    const w = parseTcx(bytes, { defaultSport: 'walk' });
    expect(w.sport).toBe('walk');
    expect(w.warnings).toContain('no sport in the file: taken as walk');
    const ride = parseTcx(tcx(activity(lap(TEN), 'Biking')));
    expect(ride.sport).toBe('ride');
    expect(ride.warnings.some((m) => m.startsWith('no sport'))).toBe(false);
    expect(ride.warnings.some((m) => m.includes('activities in the file'))).toBe(false);
  });

  it('takes the distance from the laps when the track points have none', () => {
    const noDist = Array.from({ length: 10 }, (_, i) => tp(10 * i, undefined)).join('');
    const a = parseTcx(tcx(activity(lap(noDist, '<DistanceMeters>250</DistanceMeters>'))));
    expect(a.summary.distanceM).toBe(250);
    expect(a.warnings.some((m) => m.startsWith('laps record'))).toBe(false);
  });

  it('warns when the laps record over 1 % more or less than the track points', () => {
    // The track ends at 270 m. Laps of 300 m: 30 m off, over 1 % (3 m): a trimmed file.
    const off = parseTcx(tcx(activity(lap(TEN, '<DistanceMeters>300</DistanceMeters>'))));
    expect(off.summary.distanceM).toBe(270);
    expect(off.warnings).toContain(
      'laps record 300 m but the track points end at 270 m: the file may be trimmed',
    );
    // 272 m: 2 m off, within 1 % (2.72 m): no warning.
    const close = parseTcx(tcx(activity(lap(TEN, '<DistanceMeters>272</DistanceMeters>'))));
    expect(close.warnings.some((m) => m.startsWith('laps record'))).toBe(false);
    // A track ending at 297 m against laps of 300 m: exactly 1 % (3 m) off, still no warning.
    const edge = parseTcx(
      tcx(activity(lap(TEN + tp(100, 297), '<DistanceMeters>300</DistanceMeters>'))),
    );
    expect(edge.summary.distanceM).toBe(297);
    expect(edge.warnings.some((m) => m.startsWith('laps record'))).toBe(false);
  });

  it('keeps each lap’s own numbers only, with 0 for what it does not record', () => {
    const head =
      '<TotalTimeSeconds>90</TotalTimeSeconds><DistanceMeters>270</DistanceMeters>' +
      '<AverageHeartRateBpm><Value>141</Value></AverageHeartRateBpm>' +
      '<MaximumHeartRateBpm><Value>160</Value></MaximumHeartRateBpm><TriggerMethod> Manual </TriggerMethod>';
    // A second lap starting before the first point (clock drift) starts at 0 s, and an empty
    // trigger is left out, as are blank numbers.
    const blank =
      '<TotalTimeSeconds></TotalTimeSeconds><DistanceMeters> </DistanceMeters>' +
      '<AverageHeartRateBpm><Value></Value></AverageHeartRateBpm><TriggerMethod></TriggerMethod>';
    const second = lap('', blank, '2026-03-01T06:59:00Z');
    const a = parseTcx(tcx(activity(lap(TEN, head) + second)));
    expect(a.laps).toEqual([
      { startS: 0, durationS: 90, distanceM: 270, avgHrBpm: 141, trigger: 'Manual' },
      { startS: 0, durationS: 0, distanceM: 0 },
    ]);
  });

  it('starts a lap at its own start time, in seconds from the first point', () => {
    const a = parseTcx(tcx(activity(lap(TEN) + lap(tp(100, 300), '', '2026-03-01T07:01:30Z'))));
    expect(a.laps.map((l) => l.startS)).toEqual([0, 90]);
  });

  it('reads the device from <Creator><Name>, not from other names', () => {
    const creator = '<Creator><Name> Forerunner 265 </Name></Creator>';
    const a = parseTcx(tcx(activity(`<Name>Morning</Name>${lap(TEN)}`, 'Running', creator)));
    expect(a.device).toBe('Forerunner 265');
  });
});

describe('parseTcx(): track point fields', () => {
  it('reads heart rate only from <HeartRateBpm>, and skips values that are not numbers', () => {
    const inner =
      '<AltitudeMeters></AltitudeMeters><HeartRateBpm><Value>150</Value></HeartRateBpm>' +
      '<Extensions><Other><Value>99</Value></Other></Extensions>';
    const a = parseTcx(tcx(activity(lap(tp(0, 0, inner) + tp(10, 30, inner)))));
    expect(a.samples.map((s) => [s.hrBpm, s.eleM])).toEqual([
      [150, undefined],
      [150, undefined],
    ]);
  });

  it('doubles a run’s per-foot <Cadence> when its median is under 120, as RunCadence always is', () => {
    const cad = (v: number) => `<Cadence>${v}</Cadence>`;
    const perFoot = parseTcx(tcx(activity(lap(tp(0, 0, cad(84)) + tp(10, 30, cad(86))))));
    expect(perFoot.samples.map((s) => s.cadenceSpm)).toEqual([168, 172]);
    // Already steps per minute: kept.
    const full = parseTcx(tcx(activity(lap(tp(0, 0, cad(168)) + tp(10, 30, cad(172))))));
    expect(full.samples.map((s) => s.cadenceSpm)).toEqual([168, 172]);
    // RunCadence is per foot whatever its value, and wins over a <Cadence> beside it.
    const run = (v: number) => `<Extensions><TPX><RunCadence>${v}</RunCadence></TPX></Extensions>`;
    const both = parseTcx(tcx(activity(lap(tp(0, 0, run(130) + cad(60)) + tp(10, 30, run(130))))));
    expect(both.samples.map((s) => s.cadenceSpm)).toEqual([260, 260]);
  });

  it('reads the device’s speed', () => {
    const speed = '<Extensions><TPX><Speed>3.5</Speed></TPX></Extensions>';
    const a = parseTcx(tcx(activity(lap(tp(0, 0, speed) + tp(10, 30, speed)))));
    expect(a.samples.map((s) => s.speedMps)).toEqual([3.5, 3.5]);
  });
});
