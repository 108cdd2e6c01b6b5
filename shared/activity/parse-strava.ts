// Strava API v3 → Activity: a DetailedActivity, its laps, and its streams fetched with
// key_by_type=true. Strava's own summary numbers (distance, moving time, elevation gain) are kept,
// since they are what the runner sees in Strava; the streams become samples.
import { z } from 'zod';
import { BadInputError } from '../errors.ts';
import type { Activity, Lap, Sample } from './activity.ts';
import { createSampleCleaner } from './clean.ts';
import { detectIntervals } from './intervals.ts';
import { isOnFootSport, maxSpeedMpsOf, sportOfName } from './sport.ts';

const detailSchema = z.object({
  id: z.union([z.number(), z.string()]),
  name: z.string().optional(),
  sport_type: z.string().optional(),
  type: z.string().optional(),
  start_date: z.string(),
  elapsed_time: z.number(),
  moving_time: z.number().optional(),
  distance: z.number().optional(),
  total_elevation_gain: z.number().optional(),
  average_heartrate: z.number().optional(),
  max_heartrate: z.number().optional(),
  device_name: z.string().nullable().optional(),
});

const lapSchema = z.object({
  start_date: z.string().optional(),
  start_index: z.number().optional(),
  elapsed_time: z.number(),
  distance: z.number().optional(),
  average_heartrate: z.number().optional(),
});

const stream = <T extends z.ZodTypeAny>(item: T) => z.object({ data: z.array(item) }).optional();

const streamsSchema = z.object({
  time: stream(z.number()),
  latlng: stream(z.tuple([z.number(), z.number()])),
  distance: stream(z.number()),
  altitude: stream(z.number()),
  heartrate: stream(z.number()),
  cadence: stream(z.number()),
  velocity_smooth: stream(z.number()),
  moving: stream(z.boolean()),
});

export type StravaDetailedActivity = z.input<typeof detailSchema>;
export type StravaLap = z.input<typeof lapSchema>;
export type StravaStreams = z.input<typeof streamsSchema>;

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where =
      issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
    throw new BadInputError('strava_bad_payload', `unexpected Strava ${what}${where}`);
  }
  return r.data;
}

export function parseStravaActivity(detail: unknown, laps: unknown, streams: unknown): Activity {
  const d = parseOrThrow(detailSchema, detail, 'activity');
  const ls = parseOrThrow(z.array(lapSchema), laps ?? [], 'laps');
  const st = parseOrThrow(streamsSchema, streams ?? {}, 'streams');
  const startMs = Date.parse(d.start_date);
  if (Number.isNaN(startMs)) {
    throw new BadInputError('strava_bad_payload', `start_date "${d.start_date}" is not a date`);
  }
  const sport = sportOfName(d.sport_type ?? d.type) ?? 'other';
  const time = st.time?.data ?? [];
  const samples: Sample[] = [];
  const warnings: string[] = [];
  if (time.length > 0) {
    const cleaner = createSampleCleaner({ maxSpeedMps: maxSpeedMpsOf(sport) });
    // Strava's run cadence is per foot; Hipcheck counts both feet.
    const cadenceFactor = isOnFootSport(sport) ? 2 : 1;
    time.forEach((offsetS, i) => {
      const s: Sample = { t: startMs + offsetS * 1000 };
      const ll = st.latlng?.data[i];
      if (ll !== undefined) {
        s.lat = ll[0];
        s.lon = ll[1];
      }
      const ele = st.altitude?.data[i];
      if (ele !== undefined) s.eleM = ele;
      const hr = st.heartrate?.data[i];
      if (hr !== undefined) s.hrBpm = hr;
      const cad = st.cadence?.data[i];
      if (cad !== undefined) s.cadenceSpm = cad * cadenceFactor;
      const dist = st.distance?.data[i];
      if (dist !== undefined) s.distanceM = dist;
      const v = st.velocity_smooth?.data[i];
      if (v !== undefined) s.speedMps = v;
      cleaner.add(s);
    });
    try {
      const clean = cleaner.finish();
      samples.push(...clean.samples);
      warnings.push(...clean.warnings);
    } catch (err) {
      // Too few points to make a track: Strava's summary numbers still stand.
      if (!(err instanceof BadInputError)) throw err;
      warnings.push(`streams not used: ${err.message}`);
    }
  }
  const hrs = samples.flatMap((s) => (s.hrBpm === undefined ? [] : [s.hrBpm]));
  const activity: Activity = {
    format: 'strava',
    sport,
    startAt: new Date(startMs),
    samples,
    laps: ls.map((l) => stravaLap(l, startMs, time)),
    intervals: isOnFootSport(sport) ? detectIntervals(samples) : [],
    summary: {
      distanceM: d.distance ?? 0,
      movingS: d.moving_time ?? d.elapsed_time,
      elapsedS: d.elapsed_time,
      elevationGainM: d.total_elevation_gain ?? 0,
    },
    warnings,
  };
  const avgHr =
    d.average_heartrate ??
    (hrs.length > 0 ? hrs.reduce((a, b) => a + b, 0) / hrs.length : undefined);
  const maxHr = d.max_heartrate ?? (hrs.length > 0 ? Math.max(...hrs) : undefined);
  if (avgHr !== undefined) activity.summary.avgHrBpm = avgHr;
  if (maxHr !== undefined) activity.summary.maxHrBpm = maxHr;
  if (d.name !== undefined) activity.name = d.name;
  if (d.device_name) activity.device = d.device_name;
  return activity;
}

function stravaLap(l: z.output<typeof lapSchema>, startMs: number, time: readonly number[]): Lap {
  const lapStart = l.start_date === undefined ? Number.NaN : Date.parse(l.start_date);
  const fromIndex = l.start_index === undefined ? undefined : time[l.start_index];
  const startS = Number.isNaN(lapStart) ? (fromIndex ?? 0) : (lapStart - startMs) / 1000;
  const lap: Lap = {
    startS: Math.max(0, startS),
    durationS: l.elapsed_time,
    distanceM: l.distance ?? 0,
  };
  if (l.average_heartrate !== undefined) lap.avgHrBpm = l.average_heartrate;
  return lap;
}
