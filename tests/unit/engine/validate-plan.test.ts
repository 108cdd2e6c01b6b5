// A plan is checked whole (science.md §4: "a table of stages, each a prescription"): every stage
// numbered in order with a usable prescription, the first problem named by its field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { validatePlan } from '../../../shared/engine/validate-plan.ts';
import { BadInputError } from '../../../shared/errors.ts';

type Stage = Record<string, unknown>;
const plan = (): Stage[] => structuredClone(DEFAULT_PLAN) as unknown as Stage[];
const edit = (k: number, patch: Stage) => plan().map((s, j) => (j === k ? { ...s, ...patch } : s));

describe('validatePlan', () => {
  it('accepts the default plan and a one-stage walking plan', () => {
    expect(() => validatePlan(DEFAULT_PLAN)).not.toThrow();
    expect(() => validatePlan(plan().slice(0, 1))).not.toThrow();
  });

  it.each<[string, unknown, RegExp]>([
    ['not a list', { 0: DEFAULT_PLAN[0] }, /^plan: must be a list/],
    ['no stages', [], /^plan: .*no stages/],
    ['a stage that is not an object', [DEFAULT_PLAN[0], 'walk'], /^plan\[1\]: /],
    ['stage 1 numbered 2', edit(1, { stage: 2 }), /^plan\[1\]\.stage: must be 1/],
    ['no name', edit(2, { name: '' }), /^plan\[2\]\.name: /],
    ['an unknown mode', edit(2, { mode: 'sprint' }), /^plan\[2\]\.mode: /],
    ['negative run minutes', edit(3, { runMin: -1 }), /^plan\[3\]\.runMin: /],
    ['run minutes as text', edit(3, { runMin: '3' }), /^plan\[3\]\.runMin: /],
    ['0.5 repeats', edit(1, { repeats: 0.5 }), /^plan\[1\]\.repeats: /],
    ['a 0-minute session', edit(5, { totalMin: 0 }), /^plan\[5\]\.totalMin: /],
    ['8 sessions a week', edit(6, { perWeek: 8 }), /^plan\[6\]\.perWeek: /],
    [
      '"yes" for no consecutive days',
      edit(1, { noConsecutiveDays: 'yes' }),
      /^plan\[1\]\.noConsecutiveDays: /,
    ],
    ['0 completions to advance', edit(4, { minCompletions: 0 }), /^plan\[4\]\.minCompletions: /],
    ['a continuous stage without running', edit(5, { runMin: 0 }), /^plan\[5\]\.runMin: .*above 0/],
    [
      'a run bout longer than the session',
      edit(1, { runMin: 40 }),
      /^plan\[1\]\.runMin: .*totalMin/,
    ],
    ['no session text', edit(0, { text: undefined }), /^plan\[0\]\.text: /],
  ])('refuses %s', (_, p, message) => {
    expect(() => validatePlan(p)).toThrow(BadInputError);
    expect(() => validatePlan(p)).toThrow(message);
  });
});
