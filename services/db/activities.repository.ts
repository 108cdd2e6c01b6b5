import type { Activity, ActivityWarning, Interval, Lap, Sample } from '#shared/activity/activity';
import pg from 'pg';
import { columnsOf } from '#shared/activity/sample-columns';
import { copySamples, strictlyIncreasing } from './copy-samples.ts';
import type { ActivityRow as ActivitySummaryRow } from '#shared/api/activities';
import type { Queryable } from './database.ts';

/** An activity of the list, as GET /api/activities answers it. */
export type { ActivitySummaryRow };

export interface ActivityDetail extends ActivitySummaryRow {
  laps: Lap[];
  intervals: Interval[];
  /** Notes on what cleaning changed or doubted. */
  warnings: string[];
  /** How the file was read (damage recovered from, points skipped), with codes; as stored. */
  fileWarnings: ActivityWarning[];
  samples: Sample[];
}

export interface ActivityRow {
  id: string;
  source: 'file' | 'strava';
  sport: string;
  name: string | null;
  start_at: Date;
  local_date: string;
  distance_m: number;
  moving_s: number;
  elapsed_s: number;
  elevation_gain_m: number;
  avg_hr_bpm: number | null;
  max_hr_bpm: number | null;
  device: string | null;
  format: string;
  sample_count: number;
}

export const SUMMARY_COLUMNS = `id, source, sport, name, start_at, local_date, distance_m, moving_s, elapsed_s,
  elevation_gain_m, avg_hr_bpm, max_hr_bpm, device, format, sample_count`;

export const toSummary = (r: ActivityRow): ActivitySummaryRow => ({
  id: r.id,
  source: r.source,
  sport: r.sport,
  name: r.name,
  startAt: r.start_at.toISOString(),
  localDate: r.local_date,
  distanceM: r.distance_m,
  movingS: r.moving_s,
  elapsedS: r.elapsed_s,
  elevationGainM: r.elevation_gain_m,
  avgHrBpm: r.avg_hr_bpm,
  maxHrBpm: r.max_hr_bpm,
  device: r.device,
  format: r.format,
  sampleCount: r.sample_count,
});

/**
 * The content columns of an activity row, in the order format, sport, name, device, start_at,
 * local_date, distance_m, moving_s, elapsed_s, elevation_gain_m, avg_hr_bpm, max_hr_bpm,
 * sample_count, laps, intervals, warnings (insert and rewrite share it).
 */
export function activityContentValues(a: Activity, localDate: string): unknown[] {
  const fileMessages = new Set((a.fileWarnings ?? []).map((w) => w.message));
  return [
    a.format,
    a.sport,
    a.name ?? null,
    a.device ?? null,
    a.startAt,
    localDate,
    a.summary.distanceM,
    a.summary.movingS,
    a.summary.elapsedS,
    a.summary.elevationGainM,
    a.summary.avgHrBpm ?? null,
    a.summary.maxHrBpm ?? null,
    columnsOf(a).length,
    JSON.stringify(a.laps),
    JSON.stringify(a.intervals),
    // File warnings are stored apart (file_warnings), with their codes: here only the rest.
    JSON.stringify(a.warnings.filter((w) => !fileMessages.has(w))),
  ];
}

/**
 * Insert an activity and all its samples (one statement for the samples). Returns undefined when
 * the athlete already has an activity from the same source id. Call inside a transaction so that
 * a crash leaves neither row.
 */
export async function insertActivity(
  db: Queryable,
  input: {
    athleteId: string;
    source: 'file' | 'strava';
    sourceId: string;
    uploadId: string | null;
    localDate: string;
    activity: Activity;
  },
): Promise<string | undefined> {
  const a = input.activity;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO activities (athlete_id, source, source_id, upload_id, format, sport, name, device,
       start_at, local_date, distance_m, moving_s, elapsed_s, elevation_gain_m, avg_hr_bpm,
       max_hr_bpm, sample_count, laps, intervals, warnings, file_warnings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
       $21)
     ON CONFLICT (athlete_id, source, source_id) DO NOTHING
     RETURNING id`,
    [
      input.athleteId,
      input.source,
      input.sourceId,
      input.uploadId,
      ...activityContentValues(a, input.localDate),
      JSON.stringify(a.fileWarnings ?? []),
    ],
  );
  const id = rows[0]?.id;
  if (id === undefined) return undefined;
  // COPY from the columns inside the caller's transaction; the statement below otherwise (a pool,
  // or times that repeat, which COPY cannot skip).
  const columns = columnsOf(a);
  if (db instanceof pg.Client && strictlyIncreasing(columns)) await copySamples(db, id, columns);
  else await insertSamples(db, id, a.samples);
  return id;
}

/** All samples of one activity in one statement: columns as arrays, unnested server-side. */
export async function insertSamples(
  db: Queryable,
  activityId: string,
  samples: Sample[],
): Promise<void> {
  if (samples.length === 0) return;
  const n = samples.length;
  const t = new Array<string>(n);
  const lat = new Array<number | null>(n);
  const lon = new Array<number | null>(n);
  const ele = new Array<number | null>(n);
  const hr = new Array<number | null>(n);
  const cad = new Array<number | null>(n);
  const dist = new Array<number | null>(n);
  const speed = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const s = samples[i] as Sample;
    t[i] = new Date(s.t).toISOString();
    lat[i] = s.lat ?? null;
    lon[i] = s.lon ?? null;
    ele[i] = s.eleM ?? null;
    hr[i] = s.hrBpm ?? null;
    cad[i] = s.cadenceSpm ?? null;
    dist[i] = s.distanceM ?? null;
    speed[i] = s.speedMps ?? null;
  }
  await db.query(
    `INSERT INTO samples (activity_id, t, lat, lon, ele_m, hr_bpm, cadence_spm, distance_m, speed_mps)
     SELECT $1, * FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::real[], $6::real[],
       $7::real[], $8::float8[], $9::real[])
     ON CONFLICT (activity_id, t) DO NOTHING`,
    [activityId, t, lat, lon, ele, hr, cad, dist, speed],
  );
}

export async function findActivityIdBySource(
  db: Queryable,
  athleteId: string,
  source: 'file' | 'strava',
  sourceId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM activities WHERE athlete_id = $1 AND source = $2 AND source_id = $3',
    [athleteId, source, sourceId],
  );
  return rows[0]?.id;
}

/**
 * An activity of the athlete that started within `toleranceS` of `startAt` (the same session),
 * leaving out those of `exceptUploadId` (the other sessions of one multisport file).
 */
export async function findActivityIdNear(
  db: Queryable,
  athleteId: string,
  startAt: Date,
  toleranceS: number,
  exceptUploadId: string | null = null,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM activities WHERE athlete_id = $1
        AND start_at BETWEEN $2::timestamptz - make_interval(secs => $3)
                         AND $2::timestamptz + make_interval(secs => $3)
        AND ($4::uuid IS NULL OR upload_id IS DISTINCT FROM $4::uuid)
      ORDER BY abs(extract(epoch FROM start_at - $2::timestamptz)) LIMIT 1`,
    [athleteId, startAt, toleranceS, exceptUploadId],
  );
  return rows[0]?.id;
}

/** The file warnings of the activities stored from these uploads, with each activity's start. */
export async function listFileWarningsOfUploads(
  db: Queryable,
  uploadIds: string[],
): Promise<Array<{ uploadId: string; startAt: Date; fileWarnings: ActivityWarning[] }>> {
  if (uploadIds.length === 0) return [];
  const { rows } = await db.query<{
    upload_id: string;
    start_at: Date;
    file_warnings: ActivityWarning[];
  }>(
    `SELECT upload_id, start_at, file_warnings FROM activities
      WHERE upload_id = ANY($1::uuid[]) AND file_warnings <> '[]'::jsonb ORDER BY start_at`,
    [uploadIds],
  );
  return rows.map((r) => ({
    uploadId: r.upload_id,
    startAt: r.start_at,
    fileWarnings: r.file_warnings,
  }));
}

/** The earliest local day among the activities stored from a batch's uploads. */
export async function findEarliestDayOfBatch(
  db: Queryable,
  batchId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ d: string | null }>(
    `SELECT min(a.local_date)::text AS d FROM activities a JOIN uploads u ON u.id = a.upload_id
      WHERE u.batch_id = $1`,
    [batchId],
  );
  return rows[0]?.d ?? undefined;
}

export async function listActivities(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<ActivitySummaryRow[]> {
  const { rows } = await db.query<ActivityRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM activities
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR local_date >= $2::date)
        AND ($3::date IS NULL OR local_date <= $3::date)
      ORDER BY start_at DESC`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map(toSummary);
}

export async function findActivity(
  db: Queryable,
  athleteId: string,
  id: string,
): Promise<ActivityDetail | undefined> {
  const { rows } = await db.query<
    ActivityRow & {
      laps: Lap[];
      intervals: Interval[];
      warnings: string[];
      file_warnings: ActivityWarning[];
    }
  >(
    `SELECT ${SUMMARY_COLUMNS}, laps, intervals, warnings, file_warnings FROM activities
      WHERE id = $1 AND athlete_id = $2`,
    [id, athleteId],
  );
  const r = rows[0];
  if (!r) return undefined;
  const samples = await db.query<{
    t: Date;
    lat: number | null;
    lon: number | null;
    ele_m: number | null;
    hr_bpm: number | null;
    cadence_spm: number | null;
    distance_m: number | null;
    speed_mps: number | null;
  }>(
    `SELECT t, lat, lon, ele_m, hr_bpm, cadence_spm, distance_m, speed_mps
       FROM samples WHERE activity_id = $1 ORDER BY t`,
    [id],
  );
  return {
    ...toSummary(r),
    laps: r.laps,
    intervals: r.intervals,
    warnings: r.warnings,
    fileWarnings: r.file_warnings,
    samples: samples.rows.map((s) => {
      const out: Sample = { t: s.t.getTime() };
      if (s.lat !== null) out.lat = s.lat;
      if (s.lon !== null) out.lon = s.lon;
      if (s.ele_m !== null) out.eleM = s.ele_m;
      if (s.hr_bpm !== null) out.hrBpm = s.hr_bpm;
      if (s.cadence_spm !== null) out.cadenceSpm = s.cadence_spm;
      if (s.distance_m !== null) out.distanceM = s.distance_m;
      if (s.speed_mps !== null) out.speedMps = s.speed_mps;
      return out;
    }),
  };
}

/**
 * Move every activity to its local day in `timezone`; returns the earliest day touched (old or
 * new), from which metrics must be recomputed.
 */
export async function relocalizeActivities(
  db: Queryable,
  athleteId: string,
  timezone: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ d: string | null }>(
    `WITH moved AS (
       UPDATE activities a SET local_date = (a.start_at AT TIME ZONE $2)::date, updated_at = now()
         FROM activities old
        WHERE a.id = old.id AND a.athlete_id = $1
       RETURNING least(old.local_date, (a.start_at AT TIME ZONE $2)::date) AS d)
     SELECT min(d) AS d FROM moved`,
    [athleteId, timezone],
  );
  return rows[0]?.d ?? undefined;
}

/** The samples of one activity (already scoped by the caller), in time order. */
export async function listActivitySamples(db: Queryable, activityId: string): Promise<Sample[]> {
  const { rows } = await db.query<{
    t: Date;
    hr_bpm: number | null;
    speed_mps: number | null;
    ele_m: number | null;
    distance_m: number | null;
  }>(
    'SELECT t, hr_bpm, speed_mps, ele_m, distance_m FROM samples WHERE activity_id = $1 ORDER BY t',
    [activityId],
  );
  return rows.map((s) => {
    const out: Sample = { t: s.t.getTime() };
    if (s.hr_bpm !== null) out.hrBpm = s.hr_bpm;
    if (s.speed_mps !== null) out.speedMps = s.speed_mps;
    if (s.ele_m !== null) out.eleM = s.ele_m;
    if (s.distance_m !== null) out.distanceM = s.distance_m;
    return out;
  });
}
