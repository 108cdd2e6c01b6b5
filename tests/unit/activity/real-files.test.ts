// The team's real activity files (../shared/data/activities): the good ones parse with the numbers
// the device or a plain haversine gives, and every broken one fails with a reason and the file name.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Activity } from '../../../shared/activity/activity.ts';
import { parseActivityFile } from '../../../shared/activity/parse-activity-file.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';

function parse(name: string): Activity {
  return parseActivityFile(name, readFileSync(activityFile(name)));
}

function errorOf(name: string): BadInputError {
  try {
    parse(name);
  } catch (err) {
    if (err instanceof BadInputError) return err;
    throw err;
  }
  throw new Error(`${name} parsed, but it should have failed`);
}

/** Plain haversine length of a GPX file's <trkseg>s, not joined: the reference for GPX distance. */
function referenceGpxLengthM(name: string): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const text = readFileSync(activityFile(name), 'utf8');
  let total = 0;
  for (const segment of text.split(/<trkseg\b/).slice(1)) {
    const points = [...segment.matchAll(/<trkpt\b([^>]*)>/g)].map((m) => {
      const attrs = m[1] as string;
      return [Number(/lat="([^"]+)"/.exec(attrs)?.[1]), Number(/lon="([^"]+)"/.exec(attrs)?.[1])];
    });
    for (let i = 1; i < points.length; i++) {
      const [lat1, lon1] = points[i - 1] as number[];
      const [lat2, lon2] = points[i] as number[];
      const a =
        Math.sin(((lat2! - lat1!) * rad) / 2) ** 2 +
        Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(((lon2! - lon1!) * rad) / 2) ** 2;
      total += 2 * R * Math.asin(Math.sqrt(a));
    }
  }
  return total;
}

/** The device's distance in a TCX file: the last track point's DistanceMeters. */
function lastTcxDistanceM(name: string): number {
  const text = readFileSync(activityFile(name), 'utf8');
  const last = text.split('<Trackpoint>').at(-1) as string;
  return Number(/<DistanceMeters>([^<]+)</.exec(last)?.[1]);
}

interface CsvRecord {
  t: number;
  hr?: number;
  cadence?: number;
  speed: number;
  distance: number;
  lat?: number;
  lon?: number;
  alt?: number;
}

function readCsv(name: string): string[][] {
  return readFileSync(activityFile(name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

function opt(v: string | undefined): number | undefined {
  return v === undefined || v === 'null' || v === '' ? undefined : Number(v);
}

function expectWithin1Percent(actual: number, reference: number): void {
  expect(Math.abs(actual - reference)).toBeLessThanOrEqual(0.01 * reference);
}

describeWithSharedData('real activity files', () => {
  it.each([
    ['togeojson--bad.gpx', 'gpx_bad_coordinate', 'line 5: <trkpt> has lat="undefined"'],
    ['togeojson--bad.tcx', 'tcx_bad_coordinate', 'line 50: <LatitudeDegrees> is "no"'],
    ['togeojson--empty_trk.gpx', 'gpx_no_track', 'its tracks have no points'],
    ['togeojson--empty_ele.gpx', 'too_short', 'all points share one time'],
    ['togeojson--garmin_extensions.gpx', 'no_timestamps', 'a route, not a recorded activity'],
    ['gpxpy--cerknicko-without-times.gpx', 'no_timestamps', '291 of 296 points have no time'],
    ['gpxpy--track-with-extremes.gpx', 'no_timestamps', 'a route, not a recorded activity'],
    [
      'gpxpy--gpx_with_garmin_extension.gpx',
      'gpx_no_track',
      'waypoints or a route but no recorded track',
    ],
    ['gpxpy--unicode_with_bom.gpx', 'gpx_no_track', 'waypoints or a route but no recorded track'],
    ['fitparse--activity-unexpected-eof.fit', 'fit_truncated', 'it is truncated'],
    [
      'fitparse--activity-settings-corruptheader.fit',
      'fit_bad_header',
      'chained FIT file at byte 771 has a corrupt FIT header',
    ],
    [
      'fitparse--activity-settings-nodata.fit',
      'fit_truncated',
      'chained FIT file at byte 771 declares 68 bytes',
    ],
  ])('%s fails with reason %s, naming the file and the problem', (name, reason, text) => {
    const err = errorOf(name);
    expect(err.reason).toBe(reason);
    expect(err.message.startsWith(`${name}: `)).toBe(true);
    expect(err.message).toContain(text);
  });

  it.each([
    'togeojson--run.gpx',
    'togeojson--run_gpxtpx.gpx',
    'togeojson--Friday-Evening-Run.gpx',
    'togeojson--missing_hr.gpx',
    'togeojson--multitrackgpx.gpx',
    'togeojson--strava.gpx',
    'gpxpy--track-with-empty-segment.gpx',
  ])('%s: distance is within 1 percent of a plain haversine length of its segments', (name) => {
    expectWithin1Percent(parse(name).summary.distanceM, referenceGpxLengthM(name));
  });

  it('togeojson--run.gpx is a 3.1 km Garmin run with heart rate on every point', () => {
    const a = parse('togeojson--run.gpx');
    expect(a.format).toBe('gpx');
    expect(a.startAt.toISOString()).toBe('2012-10-24T23:29:40.000Z');
    expect(a.samples).toHaveLength(205); // 206 points, one repeating its predecessor's time
    expect(a.samples.every((s) => s.hrBpm !== undefined)).toBe(true);
    expect(a.summary.distanceM).toBeGreaterThan(3000);
    expect(a.summary.distanceM).toBeLessThan(3200);
    expect(a.summary.elapsedS).toBe(948);
    expect(a.summary.movingS).toBeLessThanOrEqual(a.summary.elapsedS);
    expect(a.summary.maxHrBpm).toBe(203);
    expect(a.device).toBe('Garmin Connect');
  });

  it('togeojson--Friday-Evening-Run.gpx reads its sport from <type> and cadence from the gpxtpx extension, in steps per minute', () => {
    const a = parse('togeojson--Friday-Evening-Run.gpx');
    expect(a.sport).toBe('run');
    expect(a.name).toBe('Friday Evening Run');
    expect(a.samples[0]?.cadenceSpm).toBe(128); // 64 per foot
  });

  it('togeojson--missing_hr.gpx keeps its three segments and heart rate on only some points', () => {
    const a = parse('togeojson--missing_hr.gpx');
    expect(a.samples).toHaveLength(16);
    expect(a.samples.filter((s) => s.hrBpm !== undefined)).toHaveLength(9);
    expect(a.warnings).toContain('heart rate on 9 of 16 points');
  });

  it('togeojson--multitrackgpx.gpx reads all three tracks as one activity', () => {
    const a = parse('togeojson--multitrackgpx.gpx');
    expect(a.samples).toHaveLength(117);
    expect(a.summary.avgHrBpm).toBeUndefined();
  });

  it('togeojson--strava.gpx reads hr and cad among other extension fields', () => {
    const a = parse('togeojson--strava.gpx');
    expect(a.samples.map((s) => s.hrBpm)).toEqual([117, 154, 160]);
    expect(a.samples.map((s) => s.cadenceSpm)).toEqual([170, 158, 170]);
  });

  it('gpxpy--track-with-empty-segment.gpx ignores the empty segment', () => {
    expect(parse('gpxpy--track-with-empty-segment.gpx').samples).toHaveLength(9);
  });

  it.each(['togeojson--garmin_connect.tcx', 'togeojson--tour_hr.tcx', 'togeojson--sample.tcx'])(
    '%s: distance is within 1 percent of the last DistanceMeters the device recorded',
    (name) => {
      expectWithin1Percent(parse(name).summary.distanceM, lastTcxDistanceM(name));
    },
  );

  it('togeojson--garmin_connect.tcx is an Edge 520 ride of one lap with its recorded distance', () => {
    const a = parse('togeojson--garmin_connect.tcx');
    expect(a.sport).toBe('ride');
    expect(a.device).toBe('Edge 520');
    expect(a.samples).toHaveLength(317);
    expect(a.laps).toEqual([{ startS: 0, durationS: 4352, distanceM: 1691.68, trigger: 'Manual' }]);
    expect(a.samples[0]?.speedMps).toBeCloseTo(4.441, 3);
    expect(a.samples[0]?.cadenceSpm).toBe(63); // bike cadence stays in rpm
  });

  it('togeojson--tour_hr.tcx reads heart rate from every track point', () => {
    const a = parse('togeojson--tour_hr.tcx');
    expect(a.samples).toHaveLength(465);
    expect(a.samples.every((s) => s.hrBpm !== undefined)).toBe(true);
    expect(a.device).toBe('Fitbit Versa');
  });

  it('togeojson--sample.tcx is a run and warns that its laps outrun its trimmed track', () => {
    const a = parse('togeojson--sample.tcx');
    expect(a.sport).toBe('run');
    expect(a.laps[0]?.distanceM).toBeCloseTo(8348.5, 1);
    expect(a.warnings.some((w) => w.includes('may be trimmed'))).toBe(true);
  });

  it('fitparse--garmin-fenix-5-walk.fit agrees with its reference records (time, distance, speed, HR, position)', () => {
    const a = parse('fitparse--garmin-fenix-5-walk.fit');
    expect(a.sport).toBe('walk');
    const rows = readCsv('fitparse--garmin-fenix-5-walk-records.csv');
    const expected: CsvRecord[] = rows.map((r) => {
      // "Sun Jun 11 07:32:51 PDT 2017": Pacific Daylight Time is UTC−7.
      const m = /^\w+ (\w+) (\d+) (\d\d):(\d\d):(\d\d) PDT (\d{4})$/.exec(r[0] as string);
      if (m === null) throw new Error(`unexpected timestamp ${r[0]}`);
      const month = [
        'Jan',
        'Feb',
        'Mar',
        'Apr',
        'May',
        'Jun',
        'Jul',
        'Aug',
        'Sep',
        'Oct',
        'Nov',
        'Dec',
      ].indexOf(m[1] as string);
      const t = Date.UTC(
        Number(m[6]),
        month,
        Number(m[2]),
        Number(m[3]) + 7,
        Number(m[4]),
        Number(m[5]),
      );
      return {
        t,
        hr: opt(r[1]),
        cadence: opt(r[2]),
        speed: Number(r[3]),
        distance: Number(r[4]),
        lat: opt(r[5]),
        lon: opt(r[6]),
        alt: opt(r[7]),
      };
    });
    expect(a.samples).toHaveLength(expected.length);
    const semicircle = 180 / 2 ** 31;
    expected.forEach((e, i) => {
      const s = a.samples[i]!;
      expect(s.t).toBe(e.t);
      expect(s.hrBpm).toBe(e.hr);
      // Per foot in FIT plus fractional_cadence (which the reference leaves out); steps per minute here.
      expect(Math.floor((s.cadenceSpm as number) / 2)).toBe(e.cadence);
      expect(s.speedMps).toBeCloseTo(e.speed, 3);
      expect(s.distanceM).toBeCloseTo(e.distance, 2);
      expect(s.lat).toBeCloseTo((e.lat as number) * semicircle, 9);
      expect(s.lon).toBeCloseTo((e.lon as number) * semicircle, 9);
      expect(s.eleM).toBeCloseTo(e.alt as number, 6);
    });
    expectWithin1Percent(a.summary.distanceM, expected.at(-1)!.distance);
  });

  it('fitparse--compressed-speed-distance.fit agrees with its reference records, accumulating the 12-bit distance', () => {
    const a = parse('fitparse--compressed-speed-distance.fit');
    const rows = readCsv('fitparse--compressed-speed-distance-records.csv');
    const fitEpochS = 631_065_600;
    const byTime = new Map(a.samples.map((s) => [s.t, s]));
    expect(a.samples).toHaveLength(rows.length);
    for (const r of rows) {
      const s = byTime.get((Number(r[0]) + fitEpochS) * 1000);
      expect(s, `record at ${r[0]}`).toBeDefined();
      expect(s?.hrBpm).toBe(opt(r[1]));
      expect(s?.speedMps).toBeCloseTo(Number(r[2]), 2);
      expect(s?.distanceM).toBeCloseTo(Number(r[3]), 3);
      const cadence = opt(r[4]);
      expect(s?.cadenceSpm).toBe(cadence === undefined ? undefined : cadence * 2);
    }
    expectWithin1Percent(a.summary.distanceM, Number(rows.at(-1)![3]));
  });

  it('fitparse--activity-small-fenix2-run.fit is a 9 km run with four laps, distance within 1% of the device odometer', () => {
    const a = parse('fitparse--activity-small-fenix2-run.fit');
    expect(a.sport).toBe('run');
    expect(a.laps).toHaveLength(4);
    expect(a.summary.distanceM).toBeCloseTo(9008.22, 2);
    expectWithin1Percent(a.summary.distanceM, a.samples.at(-1)!.distanceM!);
    expect(a.summary.maxHrBpm).toBe(178);
  });

  it('fit-parser--example.fit is a ride of 24.8 km', () => {
    const a = parse('fit-parser--example.fit');
    expect(a.sport).toBe('ride');
    expect(a.summary.distanceM).toBeCloseTo(24786.26, 2);
    expectWithin1Percent(a.summary.distanceM, a.samples.at(-1)!.distanceM!);
    expect(a.intervals).toEqual([]); // work/rest bouts are for runs
  });
});
