import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGpxParser, parseGpx } from '../../../shared/activity/parse-gpx.ts';
import { BadInputError } from '../../../shared/errors.ts';
import { toGpx, track, steadyPlan } from '../../fixtures/generate-activity.ts';

const enc = new TextEncoder();
const points = track(steadyPlan(120, 3), { eleSwingM: 0 });

function errorOf(xml: string): BadInputError {
  try {
    parseGpx(enc.encode(xml));
  } catch (err) {
    if (err instanceof BadInputError) return err;
    throw err;
  }
  throw new Error('expected a BadInputError');
}

function trkpt(lat: string, lon: string, time = '2026-03-01T07:00:00Z'): string {
  return `<trkpt lat="${lat}" lon="${lon}"><time>${time}</time></trkpt>`;
}

describe('parseGpx()', () => {
  it.each(['gpxtpx', 'ns3', 'tp1', ''])(
    'reads heart rate and cadence from TrackPointExtension under the prefix "%s"',
    (prefix) => {
      const a = parseGpx(enc.encode(toGpx(points, { prefix })));
      expect(a.samples[0]?.hrBpm).toBe(points[0]?.hrBpm);
      expect(a.samples[0]?.cadenceSpm).toBe(170); // 85 per foot
    },
  );

  it('reads GPX 1.0 as well as 1.1', () => {
    const a = parseGpx(enc.encode(toGpx(points, { version: '1.0' })));
    expect(a.samples).toHaveLength(points.length);
    expect(a.summary.elapsedS).toBe(120);
  });

  it('reads every track and segment, measuring no distance between them', () => {
    // Three segments of 40 s at 3 m/s: 3 × 39 steps of 3 m; the two joins are not counted.
    const a = parseGpx(
      enc.encode(toGpx(points.slice(0, 120), { segmentEvery: 40, trackEvery: 80 })),
    );
    expect(a.samples).toHaveLength(120);
    expect(a.summary.distanceM).toBeCloseTo(3 * 39 * 3, 0);
  });

  it('takes the sport from <type> and the name from the track', () => {
    const a = parseGpx(
      enc.encode(toGpx(points, { type: 'trail_running', name: 'Üetliberg loop' })),
    );
    expect(a.sport).toBe('trail_run');
    expect(a.name).toBe('Üetliberg loop');
  });

  it('assumes a run, with a warning, when the file names no sport', () => {
    const a = parseGpx(enc.encode(toGpx(points)));
    expect(a.sport).toBe('run');
    expect(a.warnings).toContain('no sport in the file: taken as run');
  });

  it('reads a UTF-8 file with a byte-order mark', () => {
    const bytes = enc.encode(toGpx(points, { name: 'Zürich' }));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(parseGpx(withBom).name).toBe('Zürich');
  });

  it('reads a file declared ISO-8859-1', () => {
    const xml = toGpx(points.slice(0, 5), { name: 'Zürich' }).replace(
      'encoding="UTF-8"',
      'encoding="ISO-8859-1"',
    );
    const latin1 = Uint8Array.from([...xml].map((c) => c.charCodeAt(0)));
    expect(latin1.includes(0xfc)).toBe(true);
    expect(parseGpx(latin1).name).toBe('Zürich');
  });

  it('treats an empty <ele> as missing elevation, not as 0 m', () => {
    const xml = toGpx(points.slice(0, 3)).replace(/<ele>[^<]*<\/ele>/g, '<ele></ele>');
    const a = parseGpx(enc.encode(xml));
    expect(a.samples.every((s) => s.eleM === undefined)).toBe(true);
  });

  it('names the line of a track point without lat', () => {
    const err = errorOf(
      `<gpx version="1.1">\n<trk><trkseg>\n<trkpt lon="8"><time>2026-03-01T07:00:00Z</time></trkpt>\n</trkseg></trk></gpx>`,
    );
    expect(err.reason).toBe('gpx_no_coordinates');
    expect(err.message).toBe('line 3: <trkpt> has no lat');
  });

  it('skips track points written before the GPS fix, and says how many', () => {
    // tests/fixtures/files/gpx-first-points-without-fix.gpx: 3 points without lat/lon, then 11
    // points 0.0001° of latitude apart every 5 s: 10 × 11.1195 m = 111.195 m in 50 s.
    const a = parseGpx(
      readFileSync(
        new URL('../../fixtures/files/gpx-first-points-without-fix.gpx', import.meta.url),
      ),
    );
    expect(a.samples).toHaveLength(11);
    expect(a.startAt.toISOString()).toBe('2026-03-01T07:00:15.000Z');
    expect(a.summary.elapsedS).toBe(50);
    expect(a.summary.distanceM).toBeCloseTo(111.195, 2);
    expect(a.summary.avgHrBpm).toBe(125); // 120 … 130: the skipped points' 90–92 are not counted
    expect(a.fileWarnings).toEqual([
      {
        code: 'gpx_points_without_position',
        message: '3 track points without a position (recorded before the GPS had a fix) skipped',
      },
    ]);
    expect(a.warnings[0]).toBe(a.fileWarnings?.[0]?.message);
  });

  it('skips a track point without a position later in the track too, and counts it', () => {
    const xml = `<gpx><trk><trkseg>${trkpt('47', '8', '2026-03-01T07:00:00Z')}<trkpt><time>2026-03-01T07:00:05Z</time></trkpt>${trkpt('47.0001', '8', '2026-03-01T07:00:10Z')}</trkseg></trk></gpx>`;
    const a = parseGpx(enc.encode(xml));
    expect(a.samples).toHaveLength(2);
    expect(a.fileWarnings?.[0]?.message).toBe('1 track point without a position skipped');
  });

  it('refuses a track none of whose points has a position', () => {
    const err = errorOf(
      `<gpx><trk><trkseg><trkpt><time>2026-03-01T07:00:00Z</time></trkpt><trkpt><time>2026-03-01T07:00:05Z</time></trkpt></trkseg></trk></gpx>`,
    );
    expect(err.reason).toBe('gpx_no_coordinates');
    expect(err.message).toBe('none of its 2 track points has a position (lat and lon)');
  });

  it('names the line of an unreadable time', () => {
    const err = errorOf(
      `<gpx>\n<trk><trkseg>\n${trkpt('47', '8', 'yesterday')}</trkseg></trk></gpx>`,
    );
    expect(err.reason).toBe('gpx_bad_time');
    expect(err.message).toMatch(/^line 3: <time> "yesterday"/);
  });

  it('rejects a document that is not GPX', () => {
    expect(errorOf('<kml></kml>').reason).toBe('gpx_not_gpx');
  });

  it('rejects a truncated file instead of returning a shorter run', () => {
    const xml = toGpx(points);
    expect(errorOf(xml.slice(0, Math.floor(xml.length * 0.6))).reason).toBe('xml_truncated');
  });

  it('rejects a billion-laughs file at its DOCTYPE (xml-tokenizer.test.ts: before any entity)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}">]><gpx>&b;</gpx>`;
    expect(errorOf(xml).reason).toBe('xml_doctype');
  });

  it('rejects an external entity (XXE) file', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><gpx><trk><name>&xxe;</name></trk></gpx>`;
    expect(errorOf(xml).reason).toBe('xml_doctype');
  });
});

describe('createGpxParser()', () => {
  const xml = enc.encode(toGpx(track(steadyPlan(600, 3)), { segmentEvery: 250 }));

  it('gives the same activity whatever the chunk size', () => {
    const whole = createGpxParser();
    whole.push(xml);
    const expected = whole.end();
    for (const size of [1, 7, 4096]) {
      const p = createGpxParser();
      for (let i = 0; i < xml.length; i += size) p.push(xml.subarray(i, i + size));
      expect(p.end().clean.summary).toEqual(expected.clean.summary);
    }
  });

  it('keeps only a running summary, without samples, when keepSamples is false', () => {
    const p = createGpxParser({ keepSamples: false });
    p.push(xml);
    const r = p.end();
    expect(r.clean.samples).toEqual([]);
    expect(r.clean.points).toBe(601);
    expect(r.clean.summary.elapsedS).toBe(600);
  });
});
