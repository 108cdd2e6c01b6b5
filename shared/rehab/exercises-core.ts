// Core and balance, and gentle stretches held 15–30 s that stop on intense pain (science.md §7).
import { PAIN_RULE, STRETCH_PAIN_RULE, type Exercise } from './exercise.ts';

const BODYWEIGHT =
  'Body weight; a longer hold or the next level when the last set is still steady.';
const stretchDose = { sets: 3, holdS: { min: 15, max: 30, step: 5 } } as const;

export const CORE_BALANCE: readonly Exercise[] = [
  {
    id: 'front-plank',
    name: 'Front plank',
    family: 'core_balance',
    description:
      'Rest on the forearms and toes with the body in one straight line from head to heels. Breathe steadily and stop the set when the hips start to sag.',
    trains: 'Trunk stiffness against extension (abdominals)',
    perSide: false,
    levels: [
      {
        level: 1,
        name: 'Knee plank',
        how: 'On the knees.',
        dose: { sets: 3, holdS: { min: 20, max: 45, step: 5 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Front plank',
        how: 'On the toes.',
        dose: { sets: 3, holdS: { min: 20, max: 60, step: 5 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'side-plank',
    name: 'Side plank',
    family: 'core_balance',
    description:
      'Lie on one side propped on the forearm and lift the hips so the body forms a straight line. Keep the top hip stacked over the bottom one.',
    trains: 'Lateral trunk and hip abductors of the bottom leg',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Bent-knee side plank',
        how: 'Knees bent, resting on the bottom knee.',
        dose: { sets: 3, holdS: { min: 15, max: 40, step: 5 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Side plank',
        how: 'Legs straight, resting on the bottom foot.',
        dose: { sets: 3, holdS: { min: 20, max: 45, step: 5 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'bird-dog',
    name: 'Bird dog',
    family: 'core_balance',
    description:
      'On hands and knees, reach one arm forward and the opposite leg back until both are level with the trunk. Hold a breath without the back arching, then return and switch sides.',
    trains: 'Trunk control with hip extension (back extensors, gluteus maximus)',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Bird dog',
        how: 'Slow reaches.',
        dose: { sets: 3, reps: { min: 6, max: 10 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Bird dog with hold',
        how: 'A 3 s hold at full reach.',
        dose: { sets: 3, reps: { min: 6, max: 10 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'dead-bug',
    name: 'Dead bug',
    family: 'core_balance',
    description:
      'Lie on the back with arms up and hips and knees bent to a right angle. Lower one arm and the opposite leg toward the floor while the low back stays down, then return and switch.',
    trains: 'Deep abdominals with the pelvis held still',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Heel taps',
        how: 'Tap one heel down with the knee bent.',
        dose: { sets: 3, reps: { min: 6, max: 10 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Dead bug',
        how: 'Straighten the leg as it lowers, with the opposite arm.',
        dose: { sets: 3, reps: { min: 6, max: 10 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'single-leg-balance',
    name: 'Single-leg balance',
    family: 'core_balance',
    description:
      'Stand on one leg with the knee soft and the pelvis level. Hold still, then make it harder by closing the eyes or standing on a cushion.',
    trains: 'Balance and the small stabilising muscles of hip and ankle',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Eyes open',
        how: 'On the floor.',
        dose: { sets: 2, holdS: { min: 30, max: 60, step: 10 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Eyes closed',
        how: 'On the floor, eyes closed.',
        dose: { sets: 2, holdS: { min: 20, max: 45, step: 5 } },
        heavyHipFlexion: false,
      },
      {
        level: 3,
        name: 'Unstable surface',
        how: 'On a cushion or folded mat.',
        dose: { sets: 2, holdS: { min: 20, max: 45, step: 5 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
];

export const STRETCHES: readonly Exercise[] = [
  {
    id: 'hip-flexor-stretch',
    name: 'Half-kneeling hip-flexor stretch',
    family: 'stretch',
    description:
      'Kneel on the side to be stretched with the other foot flat in front. Tuck the pelvis under by tightening the buttocks and belly, then shift the body forward until a gentle pull is felt at the front of the hip.',
    trains: 'Length of the hip flexors of the kneeling side',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Hip-flexor stretch',
        how: 'Upright trunk.',
        dose: stretchDose,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: 'No load; hold, breathe, release.',
    painRule: STRETCH_PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'piriformis-stretch',
    name: 'Piriformis stretch',
    family: 'stretch',
    description:
      'Lie on the back and cross one ankle over the other knee. Draw the lower leg gently toward you until the back of the hip of the crossed leg feels a pull, and stop before any pinch at the front.',
    trains: 'Deep external rotators at the back of the hip',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Figure-four stretch',
        how: 'Ankle over the knee.',
        dose: stretchDose,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: 'No load; hold, breathe, release.',
    painRule: STRETCH_PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'butterfly-stretch',
    name: 'Butterfly groin stretch',
    family: 'stretch',
    description:
      'Sit tall with the soles of the feet together and the knees bent out to the sides. Let the knees sink toward the floor until the inner thighs feel a pull.',
    trains: 'Length of the adductors (groin)',
    perSide: false,
    levels: [
      {
        level: 1,
        name: 'Butterfly stretch',
        how: 'Trunk upright.',
        dose: stretchDose,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: 'No load; hold, breathe, release.',
    painRule: STRETCH_PAIN_RULE,
    fromStage: 0,
  },
];
