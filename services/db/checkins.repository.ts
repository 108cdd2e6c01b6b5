// Hip check-ins: one row per athlete and local day (science.md §3). A later entry for the same day
// either merges into the row (the fields it carries replace the stored ones) or replaces it whole.
import type { CheckInFields, CheckInRow } from '#shared/api/checkins';
import type { Queryable } from './database.ts';

export type { CheckInFields, CheckInRow };

// camelCase field → column, in one place.
const CHECKIN_FIELDS = {
  painDuring: 'pain_during',
  painAfter: 'pain_after',
  painNextMorning: 'pain_next_morning',
  painMorning: 'pain_morning',
  painAtRest: 'pain_at_rest',
  stiffness: 'stiffness',
  clicking: 'clicking',
  catchingOrLocking: 'catching_or_locking',
  givingWay: 'giving_way',
  nightPain: 'night_pain',
  painWalking: 'pain_walking',
  limp: 'limp',
  painHopping: 'pain_hopping',
  deepGroinPain: 'deep_groin_pain',
  readinessTestPassed: 'readiness_test_passed',
  activityId: 'activity_id',
  rpe: 'rpe',
  notes: 'notes',
} as const satisfies Record<keyof CheckInFields, string>;

const FIELDS = Object.entries(CHECKIN_FIELDS) as Array<[keyof CheckInFields, string]>;
const CHECKIN_COLUMNS = `id, date, logged_at, updated_at, ${FIELDS.map(([, c]) => c).join(', ')}`;

function toCheckIn(r: Record<string, unknown>): CheckInRow {
  const out: Record<string, unknown> = {
    id: r.id,
    date: r.date,
    loggedAt: (r.logged_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
  for (const [field, column] of FIELDS) out[field] = r[column] ?? null;
  return out as unknown as CheckInRow;
}

/**
 * Write the day's check-in. 'merge': a stored row keeps the fields `fields` does not carry (an
 * explicit null clears one); 'replace': every field not in `fields` becomes null. `created` tells
 * whether the day had no row before; `previousActivityId` is the run the row named before.
 */
export async function saveCheckIn(
  db: Queryable,
  athleteId: string,
  date: string,
  fields: Partial<CheckInFields>,
  mode: 'merge' | 'replace',
): Promise<{ row: CheckInRow; created: boolean; previousActivityId: string | null }> {
  const set = FIELDS.filter(([field]) => mode === 'replace' || field in fields).map(
    ([, column]) => `${column} = excluded.${column}`,
  );
  const { rows } = await db.query(
    `WITH previous AS (SELECT activity_id FROM checkins WHERE athlete_id = $1 AND date = $2)
     INSERT INTO checkins (athlete_id, date, ${FIELDS.map(([, c]) => c).join(', ')})
     VALUES ($1, $2, ${FIELDS.map((_, i) => `$${i + 3}`).join(', ')})
     ON CONFLICT (athlete_id, date) DO UPDATE SET ${[...set, 'updated_at = now()'].join(', ')}
     RETURNING ${CHECKIN_COLUMNS}, (xmax = 0) AS created,
       (SELECT activity_id FROM previous) AS previous_activity_id`,
    [athleteId, date, ...FIELDS.map(([field]) => fields[field] ?? null)],
  );
  const r = rows[0] as Record<string, unknown>;
  return {
    row: toCheckIn(r),
    created: r.created === true,
    previousActivityId: (r.previous_activity_id as string | null) ?? null,
  };
}

export async function findCheckIn(
  db: Queryable,
  athleteId: string,
  date: string,
): Promise<CheckInRow | undefined> {
  const { rows } = await db.query(
    `SELECT ${CHECKIN_COLUMNS} FROM checkins WHERE athlete_id = $1 AND date = $2`,
    [athleteId, date],
  );
  const r = rows[0];
  return r ? toCheckIn(r as Record<string, unknown>) : undefined;
}

export async function listCheckIns(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<CheckInRow[]> {
  const { rows } = await db.query(
    `SELECT ${CHECKIN_COLUMNS} FROM checkins
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR date >= $2::date)
        AND ($3::date IS NULL OR date <= $3::date)
      ORDER BY date`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map((r) => toCheckIn(r as Record<string, unknown>));
}

/**
 * The days whose highest pain score (during, after, next morning, on waking or at rest) is above
 * `greenMax`, with that score, oldest first: what the strength programme looks back on, without
 * reading every check-in of the history.
 */
export async function listPainAbove(
  db: Queryable,
  athleteId: string,
  greenMax: number,
): Promise<Array<{ date: string; pain: number }>> {
  const { rows } = await db.query<{ date: string; pain: number }>(
    `SELECT date, pain FROM (
       SELECT date, GREATEST(pain_during, pain_after, pain_next_morning, pain_morning, pain_at_rest)
                AS pain
         FROM checkins WHERE athlete_id = $1) AS c
      WHERE pain > $2
      ORDER BY date`,
    [athleteId, greenMax],
  );
  return rows;
}
