// A progression plan checked whole before it is used or stored: every stage present and numbered
// 0..n−1 in order, each field of the right type and in a sane range. The first problem is thrown as
// a BadInputError that names the field ("plan[2].runMin: …").
import { BadInputError } from '../errors.ts';
import type { StageDefinition, StageMode } from './types.ts';

const MODES: readonly StageMode[] = ['walk', 'walk_run', 'continuous', 'build_volume', 'intensity'];
/** More stages than any return-to-run table needs; a bound, not a rule. */
export const MAX_STAGES = 30;
/** Longest session a stage may prescribe, in minutes. */
const MAX_SESSION_MIN = 600;

type Check = [field: keyof StageDefinition, ok: (v: unknown) => boolean, rule: string];

const isNumberIn = (lo: number, hi: number) => (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
const isIntegerIn = (lo: number, hi: number) => (v: unknown) =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
const isText = (max: number) => (v: unknown) =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= max;

const CHECKS: readonly Check[] = [
  ['name', isText(80), 'must be a name of 1–80 characters'],
  ['mode', (v) => MODES.includes(v as StageMode), `must be one of ${MODES.join(', ')}`],
  ['runMin', isNumberIn(0, MAX_SESSION_MIN), `must be minutes from 0 to ${MAX_SESSION_MIN}`],
  ['walkMin', isNumberIn(0, MAX_SESSION_MIN), `must be minutes from 0 to ${MAX_SESSION_MIN}`],
  ['repeats', isIntegerIn(1, 100), 'must be a whole number from 1 to 100'],
  [
    'totalMin',
    (v) => isNumberIn(0, MAX_SESSION_MIN)(v) && (v as number) > 0,
    `must be minutes above 0, at most ${MAX_SESSION_MIN}`,
  ],
  ['perWeek', isIntegerIn(1, 7), 'must be a whole number from 1 to 7'],
  ['noConsecutiveDays', (v) => typeof v === 'boolean', 'must be true or false'],
  ['minCompletions', isIntegerIn(1, 20), 'must be a whole number from 1 to 20'],
  ['surface', isText(200), 'must be a text of 1–200 characters'],
  ['intensity', isText(200), 'must be a text of 1–200 characters'],
  ['text', isText(300), 'must be a text of 1–300 characters'],
];

const bad = (field: string, rule: string): BadInputError =>
  new BadInputError('plan_invalid', `${field}: ${rule}`);

/** Throws a BadInputError naming the first field of `plan` that cannot be used. */
export function validatePlan(plan: unknown): asserts plan is readonly StageDefinition[] {
  if (!Array.isArray(plan)) throw bad('plan', 'must be a list of stages');
  if (plan.length === 0) throw bad('plan', 'must have at least one stage (no stages given)');
  if (plan.length > MAX_STAGES) throw bad('plan', `must have at most ${MAX_STAGES} stages`);
  plan.forEach((s: unknown, k) => {
    const at = `plan[${k}]`;
    if (typeof s !== 'object' || s === null || Array.isArray(s))
      throw bad(at, 'must be a stage object');
    const stage = s as Record<string, unknown>;
    if (stage.stage !== k)
      throw bad(`${at}.stage`, `must be ${k}: stages are numbered 0, 1, 2 … in order`);
    for (const [field, ok, rule] of CHECKS)
      if (!ok(stage[field])) throw bad(`${at}.${field}`, rule);
    const mode = stage.mode as StageMode;
    if (mode !== 'walk' && !((stage.runMin as number) > 0))
      throw bad(`${at}.runMin`, `must be above 0 at a ${mode} stage`);
    if (mode === 'walk_run' && (stage.runMin as number) > (stage.totalMin as number))
      throw bad(`${at}.runMin`, 'must not be longer than the whole session (totalMin)');
  });
}
