// A fake activity as Strava's JSON: SummaryActivity (lists), DetailedActivity (with its laps and
// the full polyline) and Lap.
import type { FakeActivity, StreamPoint } from './activities.ts';
import { legacyType, SHAPES } from './sport-shapes.ts';
import { encodePolyline, gmtLabel, iso, localIso, offsetSeconds, round } from './strava-format.ts';

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

function manualSummary(m: { distanceM: number; elapsedS: number }): Summary {
  return {
    distance: m.distanceM,
    movingTime: m.elapsedS,
    elapsedTime: m.elapsedS,
    elevationGain: 0,
    maxSpeed: 0,
  };
}

export function summaryJson(a: FakeActivity): Record<string, unknown> {
  const sum = a.manual ? manualSummary(a.manual) : summarize(a.points);
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
    manual: a.manual !== undefined,
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
    laps: a.manual ? [] : lapsJson(a),
    segment_efforts: [],
    splits_metric: [],
    best_efforts: [],
    photos: { primary: null, count: 0 },
    gear: null,
    hide_from_home: false,
  };
}
