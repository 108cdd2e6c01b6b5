// Changing an athlete's progression settings (the plan, the start stage, the thresholds and the
// surgery date): everything is checked as it will be stored — the whole plan, and the thresholds
// merged with the defaults — before anything is written, so settings the engine cannot use are
// never saved. Then one transaction writes them and every day is computed again.
import {
  DEFAULT_PLAN,
  resolveThresholds,
  validatePlan,
  checkOneVariable,
  type PlanWarning,
  type StageDefinition,
  type Thresholds,
} from '#shared/engine/index';
import { BadInputError } from '#shared/errors';
import type { LocalDate } from '#shared/local-date';
import { withTransaction, type Pool } from '#services/db/database';
import { updateAthlete, type Athlete } from '#services/db/athletes.repository';
import {
  findProgressionSettings,
  markStageChosen,
  upsertProgressionSettings,
} from '#services/db/progression.repository';
import type { JobQueue } from '#services/queue/jobs';
import { FROM_THE_START, recomputeFrom } from './request-recompute.ts';

export interface ProgressionChange {
  startStage?: number;
  /** null goes back to the default plan. */
  plan?: unknown[] | null;
  /** The athlete's overrides of the defaults (they replace the previous overrides). */
  thresholds?: Record<string, unknown>;
  /** The day of the hip surgery; null removes it. */
  surgeryDate?: LocalDate | null;
}

export interface ProgressionSaved {
  startStage: number;
  plan: readonly StageDefinition[];
  customPlan: boolean;
  thresholds: Thresholds;
  surgeryDate: LocalDate | null;
  /** Steps that change more than one of time, distance, pace and terrain: a warning, not a refusal. */
  planWarnings: PlanWarning[];
}

/** The message of a threshold problem with its field named ("thresholds.spikeCaution: …"). */
function thresholdsError(err: unknown): BadInputError {
  const message = err instanceof Error ? err.message : String(err);
  const named = /^(?:invalid threshold|unknown threshold:?) (\w+):?\s*(.*)$/.exec(message);
  return new BadInputError(
    'invalid_thresholds',
    named
      ? `thresholds.${named[1]}: ${named[2] ? `${named[2]} is not allowed` : 'unknown'}`
      : `thresholds: ${message}`,
  );
}

/**
 * The settings `change` leads to, checked whole: the plan (stored or new), the thresholds merged
 * with the defaults, the start stage within the plan. Throws a BadInputError naming the field.
 */
export function checkProgressionChange(
  current: { plan: unknown[] | null; thresholds: Record<string, unknown> },
  change: ProgressionChange,
): { plan: readonly StageDefinition[]; thresholds: Thresholds } {
  const plan = change.plan === undefined ? current.plan : change.plan;
  if (plan !== null) validatePlan(plan);
  const stages = (plan ?? DEFAULT_PLAN) as readonly StageDefinition[];
  if (change.startStage !== undefined && change.startStage >= stages.length)
    throw new BadInputError('invalid_stage', `startStage: must be from 0 to ${stages.length - 1}`);
  let thresholds: Thresholds;
  try {
    thresholds = resolveThresholds(change.thresholds ?? current.thresholds);
  } catch (err) {
    throw thresholdsError(err);
  }
  return { plan: stages, thresholds };
}

/** Checks, writes and asks for a recompute of every day; answers the settings as stored. */
export async function changeProgression(
  deps: { pool: Pool; queue: JobQueue },
  athlete: Athlete,
  change: ProgressionChange,
  userId: string,
): Promise<ProgressionSaved> {
  const current = await findProgressionSettings(deps.pool, athlete.id);
  const { plan, thresholds } = checkProgressionChange(current, change);
  const saved = await withTransaction(deps.pool, async (client) => {
    const s = await upsertProgressionSettings(
      client,
      athlete.id,
      {
        ...(change.startStage !== undefined ? { startStage: change.startStage } : {}),
        ...(change.plan !== undefined ? { plan: change.plan } : {}),
        ...(change.thresholds !== undefined ? { thresholds: change.thresholds } : {}),
      },
      userId,
    );
    if (change.startStage !== undefined) await markStageChosen(client, athlete.id, userId);
    const surgeryDate =
      change.surgeryDate === undefined
        ? athlete.surgeryDate
        : (await updateAthlete(client, athlete.id, { surgeryDate: change.surgeryDate }))
            .surgeryDate;
    return { ...s, surgeryDate };
  });
  await recomputeFrom({ db: deps.pool, queue: deps.queue }, athlete.id, FROM_THE_START);
  return {
    startStage: saved.startStage,
    plan,
    customPlan: saved.plan !== null,
    thresholds,
    surgeryDate: saved.surgeryDate,
    planWarnings: checkOneVariable(plan),
  };
}
