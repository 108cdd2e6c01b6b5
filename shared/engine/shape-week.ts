// The shape of a 7-day plan (science.md §5 "The weekly view"): at least two strength and mobility
// days — one of them a mobility/pilates-type day — and at least one full rest day, with runs spread
// by the spacing rules. The pilates-type day counts as one of the two strength and mobility days
// (science.md lists mobility and pilates as strength and mobility work; with four runs a week a
// third day besides rest would not fit). When the days without running are too few, the last runs
// of the week give way: fewer runs is always the safe side.
import type { FillerKind } from './prescriptions.ts';
import type { Action } from './types.ts';

export type PlanSlot = 'run' | 'modified' | FillerKind;

/** `slots[k]` for days 1–6 ('filler' = a day without running, still to be shaped). */
export function shapeWeek(
  today: { action: Action; mobility: boolean },
  slots: ReadonlyArray<'run' | 'modified' | 'filler'>,
): PlanSlot[] {
  const required: FillerKind[] = [];
  if (today.action === 'strength' && !today.mobility) required.push('mobility');
  else if (today.action === 'strength') required.push('strength');
  else required.push('strength', 'mobility');
  if (today.action !== 'rest') required.push('rest');
  const out: Array<'run' | 'modified' | 'filler' | FillerKind> = [...slots];
  const fillers = (): number[] =>
    out.flatMap((s, k) => (s === 'filler' || s === 'cross_train' ? [k] : []));
  for (let k = out.length - 1; k >= 0 && fillers().length < required.length; k--)
    if (out[k] === 'run' || out[k] === 'modified') out[k] = 'filler';
  const free = fillers();
  // The rest day takes the last free day; the others spread over the free days before it.
  const rest = required.includes('rest');
  const others = required.filter((r) => r !== 'rest');
  if (rest) out[free[free.length - 1] as number] = 'rest';
  const room = rest ? free.length - 1 : free.length;
  others.forEach((kind, j) => {
    out[free[Math.floor((j * room) / others.length)] as number] = kind;
  });
  return out.map((s) => (s === 'filler' ? 'cross_train' : s));
}
