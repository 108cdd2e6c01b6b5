// A deliberately small GPX/TCX reader for the fake Strava's seed data: regular expressions over
// well-formed files, enough for the team's sample files (togeojson--run.gpx, --Friday-Evening-Run.gpx,
// --run_gpxtpx.gpx, --strava.gpx, --sample.tcx, --tour_hr.tcx). It is NOT the production parser
// (shared/activity/ is), and must not become one: the fake only needs plausible streams.

export interface TrackPoint {
  /** Milliseconds since the epoch. */
  t: number;
  lat?: number;
  lon?: number;
  eleM?: number;
  hrBpm?: number;
  /** As recorded (per foot for running watches, rpm for bikes). */
  cadence?: number;
  /** Cumulative, when the file records it (TCX). */
  distanceM?: number;
}

export interface Track {
  name?: string;
  /** GPX <type> or TCX Sport="…", as written. */
  sportHint?: string;
  points: TrackPoint[];
}

function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : undefined;
}

function inner(xml: string, tag: string): string | undefined {
  // Matches <tag>, <ns:tag>; first occurrence only.
  const m = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>`).exec(
    xml,
  );
  return m?.[1];
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1];
}

function point(p: Partial<TrackPoint> & { t: number }): TrackPoint {
  const out: TrackPoint = { t: p.t };
  for (const key of ['lat', 'lon', 'eleM', 'hrBpm', 'cadence', 'distanceM'] as const) {
    const v = p[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function readGpx(xml: string): Track {
  const points: TrackPoint[] = [];
  for (const m of xml.matchAll(/<trkpt\b([^>]*)>([\s\S]*?)<\/trkpt>/g)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    const time = inner(body, 'time');
    const t = time === undefined ? NaN : Date.parse(time.trim());
    if (!Number.isFinite(t)) continue;
    points.push(
      point({
        t,
        lat: num(attr(attrs, 'lat')),
        lon: num(attr(attrs, 'lon')),
        eleM: num(inner(body, 'ele')),
        hrBpm: num(inner(body, 'hr')),
        cadence: num(inner(body, 'cad')),
      }),
    );
  }
  const trk = inner(xml, 'trk') ?? '';
  const name = inner(trk.replace(/<trkseg[\s\S]*$/, ''), 'name')?.trim();
  const type = inner(trk.replace(/<trkseg[\s\S]*$/, ''), 'type')?.trim();
  return { ...(name ? { name } : {}), ...(type ? { sportHint: type } : {}), points };
}

export function readTcx(xml: string): Track {
  const points: TrackPoint[] = [];
  for (const m of xml.matchAll(/<Trackpoint>([\s\S]*?)<\/Trackpoint>/g)) {
    const body = m[1] ?? '';
    const time = inner(body, 'Time');
    const t = time === undefined ? NaN : Date.parse(time.trim());
    if (!Number.isFinite(t)) continue;
    const hr = inner(body, 'HeartRateBpm');
    points.push(
      point({
        t,
        lat: num(inner(body, 'LatitudeDegrees')),
        lon: num(inner(body, 'LongitudeDegrees')),
        eleM: num(inner(body, 'AltitudeMeters')),
        hrBpm: hr === undefined ? undefined : num(inner(hr, 'Value')),
        cadence: num(inner(body, 'Cadence') ?? inner(body, 'RunCadence')),
        distanceM: num(inner(body, 'DistanceMeters')),
      }),
    );
  }
  const sportHint = /<Activity\s+Sport="([^"]+)"/.exec(xml)?.[1];
  return { ...(sportHint ? { sportHint } : {}), points };
}

/** GPX or TCX, told apart by the root element. */
export function readTrack(xml: string): Track {
  return /<TrainingCenterDatabase\b/.test(xml) ? readTcx(xml) : readGpx(xml);
}
