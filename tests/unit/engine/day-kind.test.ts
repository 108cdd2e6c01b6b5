// science.md §5, the weekly view: a week is shaped from stage sessions, no-impact cardio days,
// strength and mobility days and rest days; §4: stage 0 is "walking only", so its walk is that
// stage's session, and "run modified" (§5: shorter, flat, treadmill) is still a run. "See a
// clinician" (§5.1) holds every training, so the day counts as rest.
import { describe, expect, it } from 'vitest';
import { dayKindOf } from '../../../shared/engine/day-kind.ts';
import type { Action } from '../../../shared/engine/types.ts';

describe('dayKindOf', () => {
  it.each<[Action, string]>([
    ['run', 'session'],
    ['run_modified', 'session'],
    ['walk', 'session'],
    ['cross_train', 'cardio'],
    ['strength', 'strength'],
    ['rest', 'rest'],
    ['see_clinician', 'rest'],
  ])('a day of %s is a %s day of the week', (action, kind) => {
    expect(dayKindOf(action)).toBe(kind);
  });
});
