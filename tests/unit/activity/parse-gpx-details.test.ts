// GPX files written by hand, a few track points each, for what the generated files do not show:
// the messages a runner sees for a file it cannot use, which <name> and <type> count, the other
// spellings of heart rate and cadence, and heart rate recorded apart from the track.
import { describe, expect, it } from 'vitest';
import { parseGpx } from '../../../shared/activity/parse-gpx.ts';
import { activityTimeRange } from '../../../shared/activity/plausible-time.ts';
import { badInputOf } from '../../support/bad-input.ts';

const enc = new TextEncoder();
const T0 = Date.UTC(2026, 2, 1, 7, 0, 0);

/** A track point `s` seconds after 07:00, 0.0001° of latitude (11.1 m) north per 10 s. */
function pt(s: number, inner = ''): string {
  const lat = (47 + (s / 10) * 0.0001).toFixed(4);
  return `<trkpt lat="${lat}" lon="8"><time>${new Date(T0 + s * 1000).toISOString()}</time>${inner}</trkpt>`;
}

const FOUR = [0, 10, 20, 30].map((s) => pt(s)).join('');

function gpx(body: string, head = '<gpx version="1.1" creator="Test">'): Uint8Array {
  return enc.encode(`${head}${body}</gpx>`);
}
const trk = (points: string, before = '') => `<trk>${before}<trkseg>${points}</trkseg></trk>`;

describe('parseGpx(): what a runner is told about a file it cannot use', () => {
  it.each([
    [
      'a KML file',
      enc.encode('<kml></kml>'),
      'gpx_not_gpx',
      'line 1: the document is <kml>, not <gpx>',
    ],
    [
      'a latitude beyond 90°',
      gpx(trk('<trkpt lat="90.5" lon="8"></trkpt>')),
      'gpx_bad_coordinate',
      'line 1: <trkpt> has lat="90.5", not a latitude',
    ],
    [
      'a longitude beyond 180°',
      gpx(trk('<trkpt lat="47" lon="-180.5"></trkpt>')),
      'gpx_bad_coordinate',
      'line 1: <trkpt> has lon="-180.5", not a longitude',
    ],
    [
      'an empty longitude',
      gpx(trk('<trkpt lat="47" lon=" "></trkpt>')),
      'gpx_bad_coordinate',
      'line 1: <trkpt> has lon=" ", not a longitude',
    ],
    [
      'a point with lat but no lon',
      gpx(trk('<trkpt lat="47"></trkpt>')),
      'gpx_no_coordinates',
      'line 1: <trkpt> has no lon',
    ],
    [
      'a track without points',
      gpx('<trk><trkseg></trkseg></trk>'),
      'gpx_no_track',
      'nothing was recorded: its tracks have no points (<trkpt>)',
    ],
    [
      'waypoints and a route only',
      gpx('<wpt lat="47" lon="8"/><rte><rtept lat="47" lon="8"/></rte>'),
      'gpx_no_track',
      'nothing was recorded: it has waypoints or a route but no recorded track (<trk>)',
    ],
    ['nothing at all', gpx(''), 'gpx_no_track', 'nothing was recorded: it has no track (<trk>)'],
  ])('%s', (_name, bytes, reason, message) => {
    const err = badInputOf(() => parseGpx(bytes));
    expect(err.reason).toBe(reason);
    expect(err.message).toBe(message);
  });

  it('names a <time> after tomorrow as a wrong clock, with the line', () => {
    // Uploaded at 06:00 UTC on 1 March 2026, 20:00 on 1 March at UTC+14 (the latest time zone):
    // the last day accepted is 2 March, tomorrow there.
    const range = activityTimeRange(Date.UTC(2026, 2, 1, 6));
    const late = '<trkpt lat="47" lon="8"><time>2026-03-05T07:00:00Z</time></trkpt>';
    const err = badInputOf(() => parseGpx(gpx(`\n${trk(FOUR + late)}`), { timeRange: range }));
    expect(err.reason).toBe('implausible_time');
    expect(err.message).toBe(
      "line 2: <time> 2026-03-05T07:00:00Z is after tomorrow (2026-03-02 in Pacific/Kiritimati): the device's clock is wrong",
    );
  });

  it('accepts the poles and the date line themselves', () => {
    const points = `<trkpt lat="90" lon="180"><time>2026-03-01T07:00:00Z</time></trkpt><trkpt lat="90" lon="-180"><time>2026-03-01T07:00:10Z</time></trkpt>`;
    expect(parseGpx(gpx(trk(points))).samples.map((s) => [s.lat, s.lon])).toEqual([
      [90, 180],
      [90, -180],
    ]);
  });

  it('treats an empty <time> as a point without time, not as a broken file', () => {
    const a = parseGpx(gpx(trk(FOUR + '<trkpt lat="47.0004" lon="8"><time> </time></trkpt>')));
    expect(a.samples).toHaveLength(4);
    expect(a.warnings).toContain('1 points without a time dropped');
  });
});

describe('parseGpx(): names, sport and device', () => {
  it('takes the name from <metadata> or <trk>, the first that is not blank, and never a waypoint’s', () => {
    const wpt = '<wpt lat="47" lon="8"><name>Fountain</name></wpt>';
    const a = parseGpx(gpx(wpt + trk(FOUR, '<name> </name>') + trk(pt(40), '<name> Loop </name>')));
    expect(a.name).toBe('Loop');
    const m = parseGpx(
      gpx('<metadata><name>Morning</name></metadata>' + trk(FOUR, '<name>Loop</name>')),
    );
    expect(m.name).toBe('Morning');
    expect(parseGpx(gpx(wpt + trk(FOUR))).name).toBeUndefined();
  });

  it('takes the sport from the track’s <type> only, the first one', () => {
    const a = parseGpx(gpx(trk(FOUR, '<type>hiking</type>') + trk(pt(40), '<type>cycling</type>')));
    expect(a.sport).toBe('hike');
    expect(a.warnings.some((w) => w.startsWith('no sport'))).toBe(false);
    const wptType = parseGpx(gpx('<wpt lat="47" lon="8"><type>cycling</type></wpt>' + trk(FOUR)));
    expect(wptType.sport).toBe('run');
  });

  it('takes the caller’s default sport when the file names none', () => {
    const a = parseGpx(gpx(trk(FOUR)), { defaultSport: 'walk' });
    expect(a.sport).toBe('walk');
    expect(a.warnings).toContain('no sport in the file: taken as walk');
  });

  it('takes the device from the creator attribute', () => {
    expect(parseGpx(gpx(trk(FOUR))).device).toBe('Test');
    expect(parseGpx(gpx(trk(FOUR), '<gpx>')).device).toBeUndefined();
  });
});

describe('parseGpx(): point fields', () => {
  it('reads <heartrate>, <cadence> and <speed> as well as <hr> and <cad>', () => {
    // Cadence 170 is already steps per minute (a run's median over 120): kept as it is.
    const inner =
      '<extensions><heartrate>140</heartrate><cadence>170</cadence><speed>1.2</speed></extensions>';
    const a = parseGpx(gpx(trk([0, 10].map((s) => pt(s, inner)).join(''))));
    expect(a.samples.map((s) => [s.hrBpm, s.cadenceSpm, s.speedMps])).toEqual([
      [140, 170, 1.2],
      [140, 170, 1.2],
    ]);
  });

  it('counts unreadable elevations, and keeps the readable ones', () => {
    const a = parseGpx(
      gpx(trk(pt(0, '<ele>n/a</ele>') + pt(10, '<ele>412.5</ele>') + pt(20, '<ele>?</ele>'))),
    );
    expect(a.samples.map((s) => s.eleM)).toEqual([undefined, 412.5, undefined]);
    expect(a.warnings).toContain('2 unreadable elevations treated as missing');
  });

  it('fills heart rate from a separate recording for points that carry none', () => {
    // The recording knows 150 bpm at 10 s only; the point at 20 s keeps its own 130.
    const heartRateAt = (t: number) => (t === T0 + 10_000 ? 150 : undefined);
    const points = pt(0) + pt(10) + pt(20, '<extensions><hr>130</hr></extensions>');
    const a = parseGpx(gpx(trk(points)), { heartRateAt });
    expect(a.samples.map((s) => s.hrBpm)).toEqual([undefined, 150, 130]);
  });

  it('says when points without a position came later, not before the first fix', () => {
    const noFix = '<trkpt><time>2026-03-01T07:00:15Z</time></trkpt>';
    const a = parseGpx(gpx(trk(pt(0) + pt(10) + noFix + noFix + pt(20))));
    expect(a.fileWarnings).toEqual([
      { code: 'gpx_points_without_position', message: '2 track points without a position skipped' },
    ]);
  });
});
