// An activity's points, as the fake serves them: a template track (or the test's own, or a file)
// shifted to whole seconds from the start, stretched for the sport, with distance, speed and the
// moving flag worked out; synthetic points for sports without GPS.
import type { SportType } from 'strava-v3';
import type { ActivityInput, StreamPoint } from './activities.ts';
import { loadTemplates, readTrackFile } from './activity-templates.ts';
import { DEFAULT_SHAPE, SHAPES, type SportShape } from './sport-shapes.ts';
import { round } from './strava-format.ts';
import type { TrackPoint } from './track-reader.ts';

function haversineM(a: TrackPoint, b: TrackPoint): number {
  if (a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined)
    return 0;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function fromTrack(track: TrackPoint[], shape: SportShape): StreamPoint[] {
  const first = track[0];
  if (first === undefined) return [];
  const out: StreamPoint[] = [];
  let distance = 0;
  let prev: TrackPoint | undefined;
  let lastS = -1;
  for (const p of track) {
    let s = Math.round(((p.t - first.t) / 1000) * shape.timeScale);
    if (s <= lastS) s = lastS + 1;
    if (prev !== undefined) {
      distance =
        p.distanceM !== undefined && prev.distanceM !== undefined
          ? distance + Math.max(0, p.distanceM - prev.distanceM)
          : distance + haversineM(prev, p);
    }
    const sp: StreamPoint = { s, distanceM: round(distance, 1), speedMps: 0, moving: true };
    if (shape.gps && p.lat !== undefined && p.lon !== undefined) {
      sp.lat = round(p.lat, 6);
      sp.lon = round(p.lon, 6);
    }
    if (p.eleM !== undefined && shape.gps) sp.eleM = round(p.eleM, 1);
    if (p.hrBpm !== undefined) sp.hrBpm = Math.max(60, Math.round(p.hrBpm + shape.hrShift));
    if (p.cadence !== undefined)
      sp.cadence = Math.round(
        shape.template === 'run' ? p.cadence / Math.sqrt(shape.timeScale) : p.cadence,
      );
    out.push(sp);
    prev = p;
    lastS = s;
  }
  // velocity_smooth: distance over the neighbouring points; moving when faster than 0.5 m/s.
  for (let i = 0; i < out.length; i++) {
    const a = out[Math.max(0, i - 2)];
    const b = out[Math.min(out.length - 1, i + 2)];
    const p = out[i];
    if (a === undefined || b === undefined || p === undefined) continue;
    const dt = b.s - a.s;
    p.speedMps = dt > 0 ? round((b.distanceM - a.distanceM) / dt, 3) : 0;
    p.moving = p.speedMps > 0.5;
  }
  return out;
}

function synthetic(shape: SportShape, seed: number): StreamPoint[] {
  const duration = shape.durationS ?? 1800;
  const speed = shape.speedMps ?? 0;
  const out: StreamPoint[] = [];
  for (let s = 0; s <= duration; s += 10) {
    const phase = Math.sin((s / duration) * Math.PI * 6 + seed);
    out.push({
      s,
      distanceM: round(s * speed, 1),
      speedMps: speed,
      moving: speed > 0 || phase > -0.3,
      hrBpm: Math.round(125 + shape.hrShift + 20 * phase),
    });
  }
  return out;
}

export function buildPoints(
  sport: SportType,
  input: ActivityInput,
  seed: number,
  trainer = false,
): { points: StreamPoint[]; source: string; timezone: string } {
  const base = SHAPES[sport] ?? DEFAULT_SHAPE;
  // Indoors (a treadmill, a trainer): the watch records no position.
  const shape = trainer ? { ...base, gps: false } : base;
  if (input.track !== undefined) {
    return {
      points: fromTrack(input.track, { ...shape, timeScale: 1 }),
      source: 'input',
      timezone: input.timezone ?? 'UTC',
    };
  }
  if (input.file !== undefined) {
    return {
      points: fromTrack(readTrackFile(input.file), { ...shape, timeScale: 1 }),
      source: input.file,
      timezone: input.timezone ?? 'UTC',
    };
  }
  if (shape.template === 'none') {
    return {
      points: synthetic(shape, seed),
      source: 'synthetic',
      timezone: input.timezone ?? 'Europe/Amsterdam',
    };
  }
  const candidates = loadTemplates().filter((t) => t.kind === shape.template);
  const template = candidates[Math.abs(seed) % candidates.length] ?? loadTemplates()[0];
  if (template === undefined) throw new Error('no activity template');
  return {
    points: fromTrack(template.points, shape),
    source: template.source,
    timezone: input.timezone ?? template.timezone,
  };
}
