// The words of each kind of day (science.md §5), shared by today's advice and the week's plan.
import type { Action, StageDefinition } from './types.ts';

export const CROSS_TRAIN_TEXT =
  'No-impact cardio 30–45 min: upright bike with a high saddle (hip under 90° of flexion), swimming without breaststroke kick, or pool running.';
export const STRENGTH_TEXT =
  'Strength & mobility ~45 min: hip-friendly lifts (trap-bar deadlift, split squats, box squats within a pain-free range) and hip drills.';
export const MOBILITY_TEXT =
  'Pilates/yoga-type session: gentle mobility, pelvic control and core stability; avoid deep hip flexion.';
export const REST_TEXT = 'Rest or active recovery: light stretching and foam rolling, no impact.';
export const CLINICIAN_TEXT =
  'No running until a clinician has assessed the hip. Gentle, pain-free movement only.';

const sessionTexts = new WeakMap<StageDefinition, string>();

/** The stage's session in words, with its surface and intensity. */
export function sessionTextOf(stage: StageDefinition): string {
  let text = sessionTexts.get(stage);
  if (text === undefined) {
    text = `${stage.text} — ${stage.surface}, ${stage.intensity}.`;
    sessionTexts.set(stage, text);
  }
  return text;
}

/**
 * "Run modified": the session of the stage below (shorter), flat or treadmill, no intervals.
 * Stage 1 keeps its shape with fewer repeats; stage 0 becomes a shorter walk.
 */
export function modifiedSessionTextOf(
  plan: readonly StageDefinition[],
  stage: StageDefinition,
): string {
  if (stage.mode === 'walk') return `Walk ${Math.round(stage.totalMin * (2 / 3))} min, easy, flat.`;
  const below = plan[stage.stage - 1];
  if (stage.stage <= 1 || !below || below.mode === 'walk') {
    const repeats = Math.max(1, Math.floor(stage.repeats * 0.6));
    return `${repeats} × (run ${stage.runMin} min / walk ${stage.walkMin} min), flat or treadmill, easy, no intervals.`;
  }
  return `${below.text} (the stage ${below.stage} session), flat or treadmill, easy, no intervals.`;
}

export function fillerTextOf(action: Action, mobility = false): string {
  switch (action) {
    case 'cross_train':
      return CROSS_TRAIN_TEXT;
    case 'strength':
      return mobility ? MOBILITY_TEXT : STRENGTH_TEXT;
    case 'rest':
      return REST_TEXT;
    case 'see_clinician':
      return CLINICIAN_TEXT;
    default:
      return '';
  }
}
