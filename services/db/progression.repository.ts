// The progression an athlete's runner or coach set: the plan, the start stage, threshold overrides,
// whether the stage was chosen (and the onboarding answers), and the stages set by hand.
import type { Queryable } from './database.ts';

export interface ProgressionSettingsRow {
  startStage: number;
  plan: unknown[] | null;
  thresholds: Record<string, unknown>;
  /** When the runner (onboarding, a stage of their own) or a coach chose the stage; null until then. */
  stageChosenAt: string | null;
  /** The onboarding answers, as given. */
  onboarding: unknown;
}

export async function findProgressionSettings(
  db: Queryable,
  athleteId: string,
): Promise<ProgressionSettingsRow> {
  const { rows } = await db.query<{
    start_stage: number;
    plan: unknown[] | null;
    thresholds: Record<string, unknown>;
    stage_chosen_at: Date | null;
    onboarding: unknown;
  }>(
    'SELECT start_stage, plan, thresholds, stage_chosen_at, onboarding FROM progression_settings WHERE athlete_id = $1',
    [athleteId],
  );
  const r = rows[0];
  return r
    ? {
        startStage: r.start_stage,
        plan: r.plan,
        thresholds: r.thresholds,
        stageChosenAt: r.stage_chosen_at?.toISOString() ?? null,
        onboarding: r.onboarding,
      }
    : { startStage: 0, plan: null, thresholds: {}, stageChosenAt: null, onboarding: null };
}

export async function upsertProgressionSettings(
  db: Queryable,
  athleteId: string,
  patch: { startStage?: number; plan?: unknown[] | null; thresholds?: Record<string, unknown> },
  updatedBy: string,
): Promise<ProgressionSettingsRow> {
  const current = await findProgressionSettings(db, athleteId);
  const next = {
    ...current,
    startStage: patch.startStage ?? current.startStage,
    plan: patch.plan === undefined ? current.plan : patch.plan,
    thresholds: patch.thresholds ?? current.thresholds,
  };
  await db.query(
    `INSERT INTO progression_settings (athlete_id, start_stage, plan, thresholds, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (athlete_id) DO UPDATE SET start_stage = excluded.start_stage, plan = excluded.plan,
       thresholds = excluded.thresholds, updated_by = excluded.updated_by, updated_at = now()`,
    [
      athleteId,
      next.startStage,
      next.plan === null ? null : JSON.stringify(next.plan),
      JSON.stringify(next.thresholds),
      updatedBy,
    ],
  );
  return next;
}

/** Record that the stage was chosen (by onboarding, the runner or a coach), with the onboarding answers if any. */
export async function markStageChosen(
  db: Queryable,
  athleteId: string,
  updatedBy: string,
  onboarding?: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO progression_settings (athlete_id, updated_by, stage_chosen_at, onboarding)
     VALUES ($1, $2, now(), $3)
     ON CONFLICT (athlete_id) DO UPDATE SET stage_chosen_at = now(), updated_by = excluded.updated_by,
       onboarding = COALESCE(excluded.onboarding, progression_settings.onboarding)`,
    [athleteId, updatedBy, onboarding === undefined ? null : JSON.stringify(onboarding)],
  );
}

export interface ManualStageRow {
  date: string;
  stage: number;
  by: 'runner' | 'coach' | 'clinician';
  note: string | null;
}

export async function insertManualStage(
  db: Queryable,
  athleteId: string,
  m: ManualStageRow,
): Promise<void> {
  await db.query(
    'INSERT INTO manual_stages (athlete_id, date, stage, set_by, note) VALUES ($1, $2, $3, $4, $5)',
    [athleteId, m.date, m.stage, m.by, m.note],
  );
}

export async function listManualStages(
  db: Queryable,
  athleteId: string,
): Promise<ManualStageRow[]> {
  const { rows } = await db.query<{
    date: string;
    stage: number;
    set_by: ManualStageRow['by'];
    note: string | null;
  }>(
    'SELECT date, stage, set_by, note FROM manual_stages WHERE athlete_id = $1 ORDER BY date, created_at',
    [athleteId],
  );
  return rows.map((r) => ({ date: r.date, stage: r.stage, by: r.set_by, note: r.note }));
}
