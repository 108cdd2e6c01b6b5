// A fake activity's streams as Strava serves them (GET /activities/:id/streams).
import type { FakeActivity, StreamPoint } from './activities.ts';
import { round } from './strava-format.ts';

export const STREAM_TYPES = [
  'time',
  'latlng',
  'distance',
  'altitude',
  'velocity_smooth',
  'heartrate',
  'cadence',
  'moving',
  'grade_smooth',
] as const;
export type FakeStreamType = (typeof STREAM_TYPES)[number];

function streamData(a: FakeActivity, type: FakeStreamType): unknown[] | undefined {
  const ps = a.points;
  // A stream exists when any point has the value; gaps take the last value before them (or the
  // first after them), as Strava's resampled streams have no holes.
  const all = <T>(f: (p: StreamPoint) => T | undefined): T[] | undefined => {
    const values = ps.map(f);
    let last = values.find((v) => v !== undefined);
    if (last === undefined) return undefined;
    const out: T[] = [];
    for (const v of values) {
      if (v !== undefined) last = v;
      out.push(last);
    }
    return out;
  };
  switch (type) {
    case 'time':
      return all((p) => p.s);
    case 'distance':
      return all((p) => p.distanceM);
    case 'latlng':
      return all((p) => (p.lat === undefined || p.lon === undefined ? undefined : [p.lat, p.lon]));
    case 'altitude':
      return all((p) => p.eleM);
    case 'velocity_smooth':
      return all((p) => p.speedMps);
    case 'heartrate':
      return all((p) => p.hrBpm);
    case 'cadence':
      return all((p) => p.cadence);
    case 'moving':
      return all((p) => p.moving);
    case 'grade_smooth':
      return all((p) => p.eleM)?.map((ele, i, eles) => {
        const prev = i > 0 ? (ps[i - 1]?.distanceM ?? 0) : 0;
        const d = (ps[i]?.distanceM ?? 0) - prev;
        const de = i > 0 ? ele - (eles[i - 1] ?? ele) : 0;
        return d > 0 ? round((100 * de) / d, 1) : 0;
      });
  }
}

/**
 * Strava's streams: the requested keys the activity has, plus `distance` (the series type), as an
 * object keyed by type (key_by_type=true) or an array of { type, … }.
 */
export function streamsJson(a: FakeActivity, keys: readonly string[], keyByType: boolean): unknown {
  const wanted = new Set<string>([...keys, 'distance']);
  const streams: [FakeStreamType, Record<string, unknown>][] = [];
  for (const type of STREAM_TYPES) {
    if (!wanted.has(type)) continue;
    const data = streamData(a, type);
    if (data === undefined) continue;
    streams.push([
      type,
      { data, series_type: 'distance', original_size: data.length, resolution: 'high' },
    ]);
  }
  if (keyByType) return Object.fromEntries(streams);
  return streams.map(([type, s]) => ({ type, ...s }));
}
