// The fake Strava's activities: built from the team's real GPX/TCX files (../shared/data/activities)
// turned into Strava-style streams, or from a synthetic loop when that folder is absent, and
// rendered as Strava's JSON (SummaryActivity, DetailedActivity, Lap, streams).
import { readFileSync } from 'node:fs';
import type { SportType } from 'strava-v3';
import { activityFile, hasSharedData } from '../support/shared-data.ts';
import { readTrack, type TrackPoint } from './track-reader.ts';

export type { SportType };

/** One point of an activity, as the fake serves it. `s`: whole seconds from the start. */
export interface StreamPoint {
  s: number;
  lat?: number;
  lon?: number;
  eleM?: number;
  hrBpm?: number;
  cadence?: number;
  distanceM: number;
  speedMps: number;
  moving: boolean;
}

export interface FakeActivity {
  id: number;
  athleteId: number;
  name: string;
  sportType: SportType;
  startDate: Date;
  /** IANA zone, e.g. 'Europe/Amsterdam'. */
  timezone: string;
  deviceName?: string;
  description?: string;
  private: boolean;
  trainer: boolean;
  points: StreamPoint[];
  /** Which file (or 'synthetic') the points came from. */
  source: string;
  externalId: string;
}

export interface ActivityInput {
  name?: string;
  sportType?: SportType;
  /** Default: one hour ago. */
  startDate?: Date;
  timezone?: string;
  deviceName?: string;
  description?: string;
  private?: boolean;
  /** Absolute track points (shifted to startDate). Default: a template chosen by sport. */
  track?: TrackPoint[];
  /** A file name in ../shared/data/activities to take the track from. */
  file?: string;
}

// --- templates ---------------------------------------------------------------------------------

interface Template {
  source: string;
  timezone: string;
  kind: 'run' | 'ride';
  points: TrackPoint[];
}

const TEMPLATE_FILES: readonly [string, string, 'run' | 'ride'][] = [
  ['togeojson--run.gpx', 'America/New_York', 'run'],
  ['togeojson--Friday-Evening-Run.gpx', 'Europe/Amsterdam', 'run'],
  ['togeojson--run_gpxtpx.gpx', 'America/Los_Angeles', 'run'],
  ['togeojson--strava.gpx', 'Europe/Paris', 'run'],
  ['togeojson--sample.tcx', 'America/Los_Angeles', 'run'],
  ['togeojson--tour_hr.tcx', 'Europe/Zurich', 'ride'],
];

/** A 20-minute loop in Amsterdam at 3 m/s with heart rate, one point every 5 s. */
function syntheticTrack(kind: 'run' | 'ride'): TrackPoint[] {
  const speed = kind === 'run' ? 3 : 7;
  const n = 241;
  const r = (speed * 5 * (n - 1)) / (2 * Math.PI);
  const t0 = Date.UTC(2024, 0, 1, 7, 0, 0);
  const points: TrackPoint[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / (n - 1);
    points.push({
      t: t0 + i * 5000,
      lat: 52.37 + ((r * Math.sin(a)) / 6_371_000) * (180 / Math.PI),
      lon:
        4.89 +
        ((r * (1 - Math.cos(a))) / (6_371_000 * Math.cos((52.37 * Math.PI) / 180))) *
          (180 / Math.PI),
      eleM: 2 + 3 * Math.sin(3 * a),
      hrBpm: Math.round(120 + 35 * (i / (n - 1))),
      cadence: kind === 'run' ? 84 + (i % 4) : 80 + (i % 7),
    });
  }
  return points;
}

let templates: Template[] | undefined;

/** The real tracks when ../shared/data is present, a synthetic loop otherwise. */
export function loadTemplates(): Template[] {
  if (templates) return templates;
  const loaded: Template[] = [];
  if (hasSharedData) {
    for (const [file, timezone, kind] of TEMPLATE_FILES) {
      try {
        const track = readTrack(readFileSync(activityFile(file), 'utf8'));
        if (track.points.length >= 2)
          loaded.push({ source: file, timezone, kind, points: track.points });
      } catch {
        // A missing sample file only narrows the variety.
      }
    }
  }
  if (!loaded.some((t) => t.kind === 'run')) {
    loaded.push({
      source: 'synthetic',
      timezone: 'Europe/Amsterdam',
      kind: 'run',
      points: syntheticTrack('run'),
    });
  }
  if (!loaded.some((t) => t.kind === 'ride')) {
    loaded.push({
      source: 'synthetic',
      timezone: 'Europe/Amsterdam',
      kind: 'ride',
      points: syntheticTrack('ride'),
    });
  }
  templates = loaded;
  return loaded;
}

export function readTrackFile(file: string): TrackPoint[] {
  return readTrack(readFileSync(activityFile(file), 'utf8')).points;
}

// --- sports ------------------------------------------------------------------------------------

interface SportShape {
  template: 'run' | 'ride' | 'none';
  /** Time stretch applied to the template: 2 = half as fast. */
  timeScale: number;
  gps: boolean;
  /** For activities without a template: duration and speed. */
  durationS?: number;
  speedMps?: number;
  hrShift: number;
  lapEveryM?: number;
  trainer?: boolean;
}

const SHAPES: Partial<Record<SportType, SportShape>> = {
  Run: { template: 'run', timeScale: 1, gps: true, hrShift: 0, lapEveryM: 1000 },
  TrailRun: { template: 'run', timeScale: 1.3, gps: true, hrShift: 5, lapEveryM: 1000 },
  VirtualRun: {
    template: 'run',
    timeScale: 1,
    gps: false,
    hrShift: 0,
    lapEveryM: 1000,
    trainer: true,
  },
  Walk: { template: 'run', timeScale: 2.2, gps: true, hrShift: -35, lapEveryM: 1000 },
  Hike: { template: 'run', timeScale: 2.8, gps: true, hrShift: -25, lapEveryM: 1000 },
  Ride: { template: 'ride', timeScale: 1, gps: true, hrShift: -5 },
  VirtualRide: { template: 'ride', timeScale: 1, gps: false, hrShift: 0, trainer: true },
  Swim: {
    template: 'none',
    timeScale: 1,
    gps: false,
    durationS: 2400,
    speedMps: 1.1,
    hrShift: -10,
  },
  WeightTraining: {
    template: 'none',
    timeScale: 1,
    gps: false,
    durationS: 2700,
    speedMps: 0,
    hrShift: -30,
  },
  Workout: {
    template: 'none',
    timeScale: 1,
    gps: false,
    durationS: 1800,
    speedMps: 0,
    hrShift: -20,
  },
};

const DEFAULT_SHAPE: SportShape = { template: 'run', timeScale: 1, gps: true, hrShift: 0 };

/** The sports generateActivities() cycles through: mostly runs, and cross-training. */
export const GENERATED_SPORTS: readonly SportType[] = [
  'Run',
  'Run',
  'Ride',
  'Run',
  'TrailRun',
  'Walk',
  'Run',
  'Swim',
  'Run',
  'Hike',
  'VirtualRide',
  'WeightTraining',
];

const SPORT_LABEL: Partial<Record<SportType, string>> = {
  Run: 'Run',
  TrailRun: 'Trail Run',
  VirtualRun: 'Virtual Run',
  Walk: 'Walk',
  Hike: 'Hike',
  Ride: 'Ride',
  VirtualRide: 'Zwift Ride',
  Swim: 'Swim',
  WeightTraining: 'Weight Training',
  Workout: 'Workout',
};

/** Strava's legacy `type` for a sport_type. */
export function legacyType(sport: SportType): string {
  if (sport === 'TrailRun') return 'Run';
  if (sport === 'MountainBikeRide' || sport === 'GravelRide' || sport === 'EMountainBikeRide')
    return 'Ride';
  return sport;
}

// --- building ----------------------------------------------------------------------------------

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

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
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
): { points: StreamPoint[]; source: string; timezone: string } {
  const shape = SHAPES[sport] ?? DEFAULT_SHAPE;
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

export function isTrainer(sport: SportType): boolean {
  return SHAPES[sport]?.trainer === true;
}

// --- rendering as Strava JSON ------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetSeconds(zone: string, at: Date): number {
  try {
    let format = formatters.get(zone);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      formatters.set(zone, format);
    }
    const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  } catch {
    return 0;
  }
}

function gmtLabel(offsetS: number): string {
  const sign = offsetS < 0 ? '-' : '+';
  const abs = Math.abs(offsetS);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `(GMT${sign}${hh}:${mm})`;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Strava's start_date_local: local wall time written with a (misleading) Z. */
function localIso(d: Date, zone: string): string {
  return iso(new Date(d.getTime() + offsetSeconds(zone, d) * 1000));
}

/** Google's encoded polyline (precision 5), as in Strava's map.summary_polyline. */
export function encodePolyline(points: readonly [number, number][]): string {
  let out = '';
  let prevLat = 0;
  let prevLon = 0;
  const enc = (v: number): void => {
    let n = v < 0 ? ~(v << 1) : v << 1;
    while (n >= 0x20) {
      out += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
      n >>= 5;
    }
    out += String.fromCharCode(n + 63);
  };
  for (const [lat, lon] of points) {
    const la = Math.round(lat * 1e5);
    const lo = Math.round(lon * 1e5);
    enc(la - prevLat);
    enc(lo - prevLon);
    prevLat = la;
    prevLon = lo;
  }
  return out;
}

interface Summary {
  distance: number;
  movingTime: number;
  elapsedTime: number;
  elevationGain: number;
  elevHigh?: number;
  elevLow?: number;
  avgHr?: number;
  maxHr?: number;
  avgCadence?: number;
  maxSpeed: number;
}

function summarize(points: readonly StreamPoint[], from = 0, to = points.length - 1): Summary {
  let moving = 0;
  let gain = 0;
  let hrSum = 0;
  let hrN = 0;
  let maxHr: number | undefined;
  let cadSum = 0;
  let cadN = 0;
  let maxSpeed = 0;
  let elevHigh: number | undefined;
  let elevLow: number | undefined;
  for (let i = from; i <= to; i++) {
    const p = points[i];
    if (p === undefined) continue;
    const prev = i > from ? points[i - 1] : undefined;
    if (prev !== undefined && p.moving) moving += p.s - prev.s;
    if (prev?.eleM !== undefined && p.eleM !== undefined && p.eleM > prev.eleM)
      gain += p.eleM - prev.eleM;
    if (p.eleM !== undefined) {
      elevHigh = Math.max(elevHigh ?? p.eleM, p.eleM);
      elevLow = Math.min(elevLow ?? p.eleM, p.eleM);
    }
    if (p.hrBpm !== undefined) {
      hrSum += p.hrBpm;
      hrN++;
      maxHr = Math.max(maxHr ?? p.hrBpm, p.hrBpm);
    }
    if (p.cadence !== undefined) {
      cadSum += p.cadence;
      cadN++;
    }
    maxSpeed = Math.max(maxSpeed, p.speedMps);
  }
  const first = points[from];
  const last = points[to];
  const out: Summary = {
    distance: round((last?.distanceM ?? 0) - (first?.distanceM ?? 0), 1),
    movingTime: moving,
    elapsedTime: (last?.s ?? 0) - (first?.s ?? 0),
    elevationGain: round(gain, 1),
    maxSpeed: round(maxSpeed, 3),
  };
  if (elevHigh !== undefined) out.elevHigh = elevHigh;
  if (elevLow !== undefined) out.elevLow = elevLow;
  if (hrN > 0) out.avgHr = round(hrSum / hrN, 1);
  if (maxHr !== undefined) out.maxHr = maxHr;
  if (cadN > 0) out.avgCadence = round(cadSum / cadN, 1);
  return out;
}

export function summaryJson(a: FakeActivity): Record<string, unknown> {
  const sum = summarize(a.points);
  const latlng = a.points
    .filter((p) => p.lat !== undefined && p.lon !== undefined)
    .map((p): [number, number] => [p.lat ?? 0, p.lon ?? 0]);
  const step = Math.max(1, Math.floor(latlng.length / 100));
  const offset = offsetSeconds(a.timezone, a.startDate);
  const json: Record<string, unknown> = {
    resource_state: 2,
    athlete: { id: a.athleteId, resource_state: 1 },
    name: a.name,
    distance: sum.distance,
    moving_time: sum.movingTime,
    elapsed_time: sum.elapsedTime,
    total_elevation_gain: sum.elevationGain,
    type: legacyType(a.sportType),
    sport_type: a.sportType,
    workout_type: null,
    id: a.id,
    start_date: iso(a.startDate),
    start_date_local: localIso(a.startDate, a.timezone),
    timezone: `${gmtLabel(offsetSeconds(a.timezone, new Date(Date.UTC(a.startDate.getUTCFullYear(), 0, 1))))} ${a.timezone}`,
    utc_offset: offset,
    location_city: null,
    location_state: null,
    location_country: null,
    achievement_count: 0,
    kudos_count: 0,
    comment_count: 0,
    athlete_count: 1,
    photo_count: 0,
    map: {
      id: `a${a.id}`,
      summary_polyline: encodePolyline(latlng.filter((_, i) => i % step === 0)),
      resource_state: 2,
    },
    trainer: a.trainer,
    commute: false,
    manual: false,
    private: a.private,
    visibility: a.private ? 'only_me' : 'everyone',
    flagged: false,
    gear_id: null,
    start_latlng: latlng[0] ?? [],
    end_latlng: latlng[latlng.length - 1] ?? [],
    average_speed: sum.movingTime > 0 ? round(sum.distance / sum.movingTime, 3) : 0,
    max_speed: sum.maxSpeed,
    has_heartrate: sum.avgHr !== undefined,
    heartrate_opt_out: false,
    display_hide_heartrate_option: sum.avgHr !== undefined,
    elev_high: sum.elevHigh,
    elev_low: sum.elevLow,
    upload_id: a.id + 1_000_000_000,
    upload_id_str: String(a.id + 1_000_000_000),
    external_id: a.externalId,
    from_accepted_tag: false,
    pr_count: 0,
    total_photo_count: 0,
    has_kudoed: false,
  };
  if (sum.avgHr !== undefined) json.average_heartrate = sum.avgHr;
  if (sum.maxHr !== undefined) json.max_heartrate = sum.maxHr;
  if (sum.avgCadence !== undefined) json.average_cadence = sum.avgCadence;
  return json;
}

interface LapRange {
  from: number;
  to: number;
}

function lapRanges(a: FakeActivity): LapRange[] {
  const every = SHAPES[a.sportType]?.lapEveryM;
  const last = a.points.length - 1;
  if (every === undefined || last < 1) return [{ from: 0, to: Math.max(0, last) }];
  const ranges: LapRange[] = [];
  let from = 0;
  let next = every;
  for (let i = 1; i <= last; i++) {
    const p = a.points[i];
    if (p !== undefined && p.distanceM >= next && i < last) {
      ranges.push({ from, to: i });
      from = i;
      while (next <= p.distanceM) next += every;
    }
  }
  ranges.push({ from, to: last });
  return ranges;
}

export function lapsJson(a: FakeActivity): Record<string, unknown>[] {
  return lapRanges(a).map((r, i) => {
    const sum = summarize(a.points, r.from, r.to);
    const startS = a.points[r.from]?.s ?? 0;
    const start = new Date(a.startDate.getTime() + startS * 1000);
    const lap: Record<string, unknown> = {
      id: a.id * 100 + i + 1,
      resource_state: 2,
      name: `Lap ${i + 1}`,
      activity: { id: a.id, resource_state: 1 },
      athlete: { id: a.athleteId, resource_state: 1 },
      elapsed_time: sum.elapsedTime,
      moving_time: sum.movingTime,
      start_date: iso(start),
      start_date_local: localIso(start, a.timezone),
      distance: sum.distance,
      start_index: r.from,
      end_index: r.to,
      total_elevation_gain: sum.elevationGain,
      average_speed: sum.movingTime > 0 ? round(sum.distance / sum.movingTime, 3) : 0,
      max_speed: sum.maxSpeed,
      device_watts: false,
      lap_index: i + 1,
      split: i + 1,
      pace_zone: 0,
    };
    if (sum.avgHr !== undefined) lap.average_heartrate = sum.avgHr;
    if (sum.maxHr !== undefined) lap.max_heartrate = sum.maxHr;
    if (sum.avgCadence !== undefined) lap.average_cadence = sum.avgCadence;
    return lap;
  });
}

export function detailJson(a: FakeActivity): Record<string, unknown> {
  const summary = summaryJson(a);
  const latlng = a.points
    .filter((p) => p.lat !== undefined && p.lon !== undefined)
    .map((p): [number, number] => [p.lat ?? 0, p.lon ?? 0]);
  return {
    ...summary,
    resource_state: 3,
    description: a.description ?? null,
    calories: Math.round(((summary.moving_time as number) / 60) * 10),
    device_name: a.deviceName ?? null,
    embed_token: `embed${a.id}`,
    map: {
      ...(summary.map as Record<string, unknown>),
      polyline: encodePolyline(latlng),
      resource_state: 3,
    },
    laps: lapsJson(a),
    segment_efforts: [],
    splits_metric: [],
    best_efforts: [],
    photos: { primary: null, count: 0 },
    gear: null,
    hide_from_home: false,
  };
}

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

export function defaultName(sport: SportType, start: Date, timezone: string): string {
  const hour = new Date(start.getTime() + offsetSeconds(timezone, start) * 1000).getUTCHours();
  const part =
    hour < 5
      ? 'Night'
      : hour < 12
        ? 'Morning'
        : hour < 14
          ? 'Lunch'
          : hour < 18
            ? 'Afternoon'
            : hour < 22
              ? 'Evening'
              : 'Night';
  return `${part} ${SPORT_LABEL[sport] ?? sport}`;
}
