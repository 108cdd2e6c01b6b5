// "Only one variable changes at a time (time, then distance, then pace, then hills)" (science.md
// §4). Each step from one stage to the next should change one of them; a custom plan whose step
// changes two or more gets a warning naming them — never a refusal: a coach may have a reason.
import type { StageDefinition } from './types.ts';

export type PlanVariable = 'time' | 'distance' | 'pace' | 'terrain';

export interface PlanWarning {
  code: 'several_variables';
  fromStage: number;
  toStage: number;
  variables: PlanVariable[];
  message: string;
}

type Stage = Pick<
  StageDefinition,
  'stage' | 'mode' | 'runMin' | 'walkMin' | 'repeats' | 'totalMin' | 'surface' | 'intensity'
>;

/** Stages 7–8 let the distance grow with the runner's own 30 days; earlier stages fix the session. */
const distanceOf = (s: Stage): string =>
  s.mode === 'build_volume' || s.mode === 'intensity' ? 'builds' : 'fixed';

/** The session's minutes: the walk/run pattern, else the minutes of continuous running. */
const timeOf = (s: Stage): string =>
  s.mode === 'walk' || s.mode === 'walk_run'
    ? `${s.mode}|${s.runMin}|${s.walkMin}|${s.repeats}|${s.totalMin}`
    : `run|${s.totalMin}`;

const FAST = /stride|interval|tempo|threshold|fast|hill repeat|sprint|race/i;
/** Easy, or faster running in the prescription (the intensity stage, or words naming it). */
const paceOf = (s: Stage): string =>
  s.mode === 'intensity' || FAST.test(s.intensity) ? 'fast' : 'easy';

/**
 * The terrain a stage starts on: its surface's first clause ("flat first, hills last" starts
 * flat: the hills come later within the stage, one change at a time).
 */
function terrainOf(s: Stage): string {
  const first = s.surface.split(/[,;]/)[0] ?? '';
  if (/hill|incline|slope/i.test(first)) return 'hills';
  if (/trail|off-road|grass/i.test(first)) return 'trail';
  return 'flat';
}

const WORDS: Record<PlanVariable, string> = {
  time: 'time',
  distance: 'distance',
  pace: 'pace',
  terrain: 'terrain',
};

/** The variables one step changes, in science.md's order. */
export function variablesChanged(from: Stage, to: Stage): PlanVariable[] {
  const out: PlanVariable[] = [];
  if (timeOf(from) !== timeOf(to)) out.push('time');
  if (distanceOf(from) !== distanceOf(to)) out.push('distance');
  if (paceOf(from) !== paceOf(to)) out.push('pace');
  if (terrainOf(from) !== terrainOf(to)) out.push('terrain');
  return out;
}

/** A warning for every step of `plan` that changes two or more variables at once. */
export function checkOneVariable(plan: readonly Stage[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (let i = 1; i < plan.length; i++) {
    const from = plan[i - 1] as Stage;
    const to = plan[i] as Stage;
    const variables = variablesChanged(from, to);
    if (variables.length < 2) continue;
    const names = variables.map((v) => WORDS[v]);
    const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    warnings.push({
      code: 'several_variables',
      fromStage: from.stage,
      toStage: to.stage,
      variables,
      message: `Stage ${from.stage} → ${to.stage} changes ${list} at once: one variable at a time is safer for the hip.`,
    });
  }
  return warnings;
}
