// science.md §4: "Only one variable changes at a time (time, then distance, then pace, then
// hills)". The default plan changes one per step; a custom step that changes two is warned about
// (naming both), never refused.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '#shared/engine/index';
import { checkOneVariable, variablesChanged } from '#shared/engine/check-one-variable';
import type { StageDefinition } from '#shared/engine/types';

const stage = (n: number) => DEFAULT_PLAN[n] as StageDefinition;
const with_ = (n: number, over: Partial<StageDefinition>): StageDefinition => ({
  ...stage(n),
  ...over,
});

describe('variablesChanged()', () => {
  it.each([
    ['0 → 1: walking to walk-run', stage(0), stage(1), ['time']],
    ['1 → 2: 10 × 1 to 8 × 2', stage(1), stage(2), ['time']],
    ['4 → 5: walk-run to 20 min continuous', stage(4), stage(5), ['time']],
    ['5 → 6: 20 to 30 min', stage(5), stage(6), ['time']],
    ['6 → 7: volume builds (30 min stays)', stage(6), stage(7), ['distance']],
    ['7 → 8: strides (flat first, hills last)', stage(7), stage(8), ['pace']],
    [
      '5 → 6 on hills: time and terrain',
      stage(5),
      with_(6, { surface: 'hills' }),
      ['time', 'terrain'],
    ],
    [
      '5 → 5b with strides: pace only',
      stage(5),
      with_(5, { stage: 6, intensity: 'easy with 4 strides' }),
      ['pace'],
    ],
    [
      '6 → 7 with strides: distance and pace',
      stage(6),
      with_(7, { intensity: 'easy, then 6 × 20 s strides' }),
      ['distance', 'pace'],
    ],
    [
      '3 → 4 on trails with intervals: time, pace and terrain',
      stage(3),
      with_(4, { surface: 'trail', intensity: 'short intervals' }),
      ['time', 'pace', 'terrain'],
    ],
    ['the same stage twice: nothing', stage(2), stage(2), []],
  ] as const)('%s', (_name, from, to, expected) => {
    expect(variablesChanged(from, to)).toEqual(expected);
  });
});

describe('checkOneVariable()', () => {
  it('has nothing to say about the default plan', () => {
    expect(checkOneVariable(DEFAULT_PLAN)).toEqual([]);
  });

  it('warns about a coach’s step to 30 min on hills, naming time and terrain', () => {
    const plan = [...DEFAULT_PLAN.slice(0, 6), with_(6, { surface: 'hills, then flat' })];
    expect(checkOneVariable(plan)).toEqual([
      {
        code: 'several_variables',
        fromStage: 5,
        toStage: 6,
        variables: ['time', 'terrain'],
        message:
          'Stage 5 → 6 changes time and terrain at once: one variable at a time is safer for the hip.',
      },
    ]);
  });

  it('lists three variables with commas', () => {
    const plan = [stage(3), with_(4, { surface: 'trail', intensity: 'short intervals' })];
    expect(checkOneVariable(plan)[0]?.message).toBe(
      'Stage 3 → 4 changes time, pace and terrain at once: one variable at a time is safer for the hip.',
    );
  });
});
