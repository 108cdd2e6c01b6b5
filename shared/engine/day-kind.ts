// A day as the week's shape sees it: a stage session (a run, or a walk at stage 0), no-impact
// cardio, strength and mobility, or rest.
import type { Action } from './types.ts';

export type DayKind = 'session' | 'cardio' | 'strength' | 'rest';

export function dayKindOf(action: Action): DayKind {
  if (action === 'run' || action === 'run_modified' || action === 'walk') return 'session';
  if (action === 'cross_train') return 'cardio';
  if (action === 'strength') return 'strength';
  return 'rest';
}
