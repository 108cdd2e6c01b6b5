// Heavy lifts that need little hip flexion, progressed over weeks (science.md §7): held back while
// symptoms are amber and in stages 0–3.
import type { Exercise } from './exercise.ts';

const LIFT_PAIN =
  'Mild discomfort that settles between sets is fine; a pinch at the front of the hip, or pain that builds or lingers, means a higher box, a shorter range or a lighter load next time.';

export const HEAVY_LIFTS: readonly Exercise[] = [
  {
    id: 'trap-bar-deadlift',
    name: 'Trap-bar deadlift',
    family: 'heavy_lift',
    description:
      'Stand inside a hexagonal bar, push the hips back and grip the handles with a long, flat back. Drive the floor away until standing tall, then lower the bar the same way. The bar at your sides keeps the hips higher than a straight-bar deadlift.',
    trains:
      'Hip and knee extension of the whole lower body (gluteus maximus, quadriceps, hamstrings)',
    perSide: false,
    levels: [
      {
        level: 1,
        name: 'High handles',
        how: 'The raised handles, which shorten the range.',
        dose: { sets: 3, reps: { min: 5, max: 8 }, loadKg: { start: 30, step: 5, max: 70 } },
        heavyHipFlexion: true,
      },
      {
        level: 2,
        name: 'Low handles',
        how: 'The flat handles, a little deeper.',
        dose: { sets: 3, reps: { min: 5, max: 8 }, loadKg: { start: 50, step: 5, max: 140 } },
        heavyHipFlexion: true,
      },
    ],
    loadGuidance:
      'A load you could lift two or three more times (RPE about 7); 5 kg more once every set reaches 8 reps.',
    painRule: LIFT_PAIN,
    fromStage: 4,
  },
  {
    id: 'rfe-split-squat',
    name: 'Rear-foot-elevated split squat',
    family: 'heavy_lift',
    description:
      'Stand a long stride in front of a bench and rest the top of the back foot on it. Lower the back knee toward the floor with the trunk upright, then push up through the front foot.',
    trains: 'Single-leg strength (quadriceps, gluteus maximus) with the back hip in extension',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Low step',
        how: 'Back foot on a low step, body weight.',
        dose: { sets: 3, reps: { min: 6, max: 10 } },
        heavyHipFlexion: true,
      },
      {
        level: 2,
        name: 'Bench',
        how: 'Back foot on a bench, body weight.',
        dose: { sets: 3, reps: { min: 6, max: 10 } },
        heavyHipFlexion: true,
      },
      {
        level: 3,
        name: 'Bench with dumbbells',
        how: 'A dumbbell in each hand; the load below is the two together.',
        dose: { sets: 3, reps: { min: 6, max: 8 }, loadKg: { start: 8, step: 4, max: 48 } },
        heavyHipFlexion: true,
      },
    ],
    loadGuidance: 'Body weight until 10 reps each side are easy; then dumbbells, 4 kg at a time.',
    painRule: LIFT_PAIN,
    fromStage: 4,
  },
  {
    id: 'box-squat',
    name: 'Box squat',
    family: 'heavy_lift',
    description:
      'Squat back until you sit lightly on a box, pause, and stand up without rocking. Choose a box high enough that the hip stays above the angle where it pinches.',
    trains:
      'Squat strength (quadriceps, gluteus maximus) with the depth kept above the provocative range',
    perSide: false,
    levels: [
      {
        level: 1,
        name: 'High box',
        how: 'Body weight to a box at knee height or higher.',
        dose: { sets: 3, reps: { min: 8, max: 12 } },
        heavyHipFlexion: true,
      },
      {
        level: 2,
        name: 'Goblet box squat',
        how: 'A kettlebell held at the chest.',
        dose: { sets: 3, reps: { min: 6, max: 10 }, loadKg: { start: 8, step: 4, max: 32 } },
        heavyHipFlexion: true,
      },
      {
        level: 3,
        name: 'Barbell box squat',
        how: 'A bar on the upper back, the same box.',
        dose: { sets: 3, reps: { min: 5, max: 8 }, loadKg: { start: 30, step: 5, max: 120 } },
        heavyHipFlexion: true,
      },
    ],
    loadGuidance: 'Keep the box height; add load in small steps rather than going lower.',
    painRule: LIFT_PAIN,
    fromStage: 4,
  },
];
