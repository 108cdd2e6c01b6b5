// Logged strength, mobility and drill sessions (migration 028), and a coach's programme
// adjustments.
import type { Queryable } from './database.ts';

export interface LoggedExercise {
  id: string;
  sets: number;
  reps?: number;
  holdS?: number;
  loadKg?: number;
}

export type SessionKeyRow = 'warm_up' | 'strength_a' | 'strength_b' | 'mobility';

export interface StrengthSessionRow {
  id: string;
  date: string;
  sessionKey: SessionKeyRow | null;
  exercises: LoggedExercise[];
  rpe: number | null;
  pain: number | null;
  minutes: number;
  createdAt: string;
}

const COLUMNS = 'id, date, session_key, exercises, rpe, pain, minutes, created_at';

interface Raw {
  id: string;
  date: string;
  session_key: SessionKeyRow | null;
  exercises: LoggedExercise[];
  rpe: number | null;
  pain: number | null;
  minutes: number;
  created_at: Date;
}

const toRow = (r: Raw): StrengthSessionRow => ({
  id: r.id,
  date: r.date,
  sessionKey: r.session_key,
  exercises: r.exercises,
  rpe: r.rpe,
  pain: r.pain,
  minutes: r.minutes,
  createdAt: r.created_at.toISOString(),
});

export async function insertStrengthSession(
  db: Queryable,
  athleteId: string,
  s: Omit<StrengthSessionRow, 'id' | 'createdAt'>,
): Promise<StrengthSessionRow> {
  const { rows } = await db.query<Raw>(
    `INSERT INTO strength_sessions (athlete_id, date, session_key, exercises, rpe, pain, minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [athleteId, s.date, s.sessionKey, JSON.stringify(s.exercises), s.rpe, s.pain, s.minutes],
  );
  return toRow(rows[0] as Raw);
}

/** The athlete's sessions in date order (then the order they were logged), within the range. */
export async function listStrengthSessions(
  db: Queryable,
  athleteId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<StrengthSessionRow[]> {
  const { rows } = await db.query<Raw>(
    `SELECT ${COLUMNS} FROM strength_sessions
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR date >= $2::date)
        AND ($3::date IS NULL OR date <= $3::date)
      ORDER BY date, created_at`,
    [athleteId, range.from ?? null, range.to ?? null],
  );
  return rows.map(toRow);
}

export interface AdjustmentsRow {
  swaps: Array<{ exerciseId: string; replacementId: string }>;
  levelHolds: string[];
}

export async function findAdjustments(db: Queryable, athleteId: string): Promise<AdjustmentsRow> {
  const { rows } = await db.query<{
    kind: 'swap' | 'hold_level';
    exercise_id: string;
    replacement_id: string | null;
  }>(
    `SELECT kind, exercise_id, replacement_id FROM programme_adjustments
      WHERE athlete_id = $1 ORDER BY exercise_id`,
    [athleteId],
  );
  return {
    swaps: rows.flatMap((r) =>
      r.kind === 'swap' && r.replacement_id !== null
        ? [{ exerciseId: r.exercise_id, replacementId: r.replacement_id }]
        : [],
    ),
    levelHolds: rows.filter((r) => r.kind === 'hold_level').map((r) => r.exercise_id),
  };
}

/** Replace the athlete's adjustments with `next` (one transaction's worth of statements). */
export async function replaceAdjustments(
  db: Queryable,
  athleteId: string,
  next: AdjustmentsRow,
  byUserId: string,
): Promise<void> {
  await db.query('DELETE FROM programme_adjustments WHERE athlete_id = $1', [athleteId]);
  for (const s of next.swaps)
    await db.query(
      `INSERT INTO programme_adjustments (athlete_id, kind, exercise_id, replacement_id, by_user_id)
       VALUES ($1, 'swap', $2, $3, $4)`,
      [athleteId, s.exerciseId, s.replacementId, byUserId],
    );
  for (const id of next.levelHolds)
    await db.query(
      `INSERT INTO programme_adjustments (athlete_id, kind, exercise_id, by_user_id)
       VALUES ($1, 'hold_level', $2, $3)`,
      [athleteId, id, byUserId],
    );
}

/** The engine's stage and action per stored day in the range (days not computed yet are absent). */
export async function listStagesByDay(
  db: Queryable,
  athleteId: string,
  range: { from: string; to: string },
): Promise<Map<string, { stage: number; action: string | null }>> {
  const { rows } = await db.query<{ day: string; stage: number | null; action: string | null }>(
    `SELECT day, stage, action FROM daily_metrics
      WHERE athlete_id = $1 AND day BETWEEN $2::date AND $3::date AND stage IS NOT NULL`,
    [athleteId, range.from, range.to],
  );
  return new Map(rows.map((r) => [r.day, { stage: r.stage ?? 0, action: r.action }]));
}
