// The programme's sessions (science.md §5 "The weekly view" and §7): hip drills as a warm-up before
// runs, two strength sessions a week (A and B, alternating), and a mobility/pilates-type day. Each
// slot lists exercises in order of preference; the first the stage and symptoms allow is used, so
// a heavy lift gives way to a hip-friendly one while heavy hip flexion is held back.

export type SessionKey = 'warm_up' | 'strength_a' | 'strength_b' | 'mobility';

export interface SessionTemplate {
  key: SessionKey;
  title: string;
  /** Where the session fits in the week, in one sentence. */
  when: string;
  slots: ReadonlyArray<readonly string[]>;
}

export const SESSION_TEMPLATES: readonly SessionTemplate[] = [
  {
    key: 'warm_up',
    title: 'Hip warm-up',
    when: 'Before each run, or after it once 5–10 minutes of walking have cooled the legs down.',
    slots: [
      ['kneeling-hip-rock'],
      ['leg-swing-front-back'],
      ['leg-swing-side'],
      ['lunge-reach'],
      ['standing-march'],
    ],
  },
  {
    key: 'strength_a',
    title: 'Strength A',
    when: 'One of the two strength days of the week, not the day before a run when it can be helped.',
    slots: [
      ['box-squat', 'bridge'],
      ['copenhagen-plank', 'side-lying-abduction'],
      ['lateral-band-walk', 'clamshell'],
      ['hip-flexor-capacity'],
      ['dead-bug'],
      ['single-leg-balance'],
    ],
  },
  {
    key: 'strength_b',
    title: 'Strength B',
    when: 'The other strength day, at least a day away from Strength A.',
    slots: [
      ['trap-bar-deadlift', 'single-leg-bridge'],
      ['rfe-split-squat', 'hip-hike'],
      ['three-way-step-down', 'banded-hip-rotation'],
      ['side-plank'],
      ['bird-dog'],
    ],
  },
  {
    key: 'mobility',
    title: 'Mobility & pilates',
    when: 'Once a week: gentle range, pelvic control and core, on a day without a run.',
    slots: [
      ['kneeling-hip-rock'],
      ['hip-flexor-stretch'],
      ['piriformis-stretch'],
      ['butterfly-stretch'],
      ['bird-dog'],
      ['front-plank'],
    ],
  },
];

export const STRENGTH_KEYS: readonly SessionKey[] = ['strength_a', 'strength_b'];

/** Sessions a week the programme plans: two strength sessions and one mobility day (science.md §5). */
export const PLANNED_PER_WEEK = 3;
