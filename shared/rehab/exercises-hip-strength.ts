// Hip-flexor capacity in three levels and multi-planar hip strength: extension, abduction,
// adduction and rotation (science.md §7).
import { PAIN_RULE, type Exercise } from './exercise.ts';

const BAND =
  'Start with the lightest band that lets every rep look the same; a stronger band or more reps when the last rep is still easy.';
const BODYWEIGHT = 'Body weight until the reps top out; then the next level.';

export const HIP_FLEXOR: readonly Exercise[] = [
  {
    id: 'hip-flexor-capacity',
    name: 'Hip-flexor capacity',
    family: 'hip_flexor',
    description:
      'Build the strength and endurance of the muscles that lift the thigh, a little more range at each level. Level I pushes the thigh into a still resistance, level II lifts it without load, level III lifts against a band or ankle weight. Stay below the angle where the front of the hip pinches.',
    trains: 'Hip flexors (iliopsoas, rectus femoris) for knee drive',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Level I: supported isometric',
        how: 'Lying on the back, one knee bent, push the thigh up into your own hands and hold without moving.',
        dose: { sets: 3, holdS: { min: 10, max: 30, step: 5 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Level II: standing knee lift',
        how: 'Standing with a hand on a wall, lift the knee to just below hip height and lower it slowly.',
        dose: { sets: 3, reps: { min: 8, max: 12 } },
        heavyHipFlexion: false,
      },
      {
        level: 3,
        name: 'Level III: loaded knee drive',
        how: 'The same lift against a band around the foot or an ankle weight.',
        dose: { sets: 3, reps: { min: 8, max: 12 }, loadKg: { start: 1, step: 1, max: 5 } },
        heavyHipFlexion: true,
      },
    ],
    loadGuidance:
      'No load before level III; then a light ankle weight, 1 kg more when 12 reps feel easy.',
    painRule: PAIN_RULE,
    fromStage: 0,
  },
];

export const MULTI_PLANAR: readonly Exercise[] = [
  {
    id: 'bridge',
    name: 'Bridge',
    family: 'multi_planar',
    description:
      'Lie on the back with knees bent and feet flat. Squeeze the buttocks and lift the hips until knees, hips and shoulders line up, then lower slowly.',
    trains: 'Hip extension (gluteus maximus, hamstrings)',
    perSide: false,
    levels: [
      {
        level: 1,
        name: 'Bridge',
        how: 'Both feet down, no load.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Banded bridge',
        how: 'A band above the knees, pressed apart all the way up.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 3,
        name: 'Loaded hip thrust',
        how: 'Shoulders on a bench, a weight across the hips.',
        dose: { sets: 3, reps: { min: 8, max: 12 }, loadKg: { start: 10, step: 5, max: 60 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance:
      'Body weight, then a band; a weight across the hips only at level 3, 5 kg at a time.',
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'single-leg-bridge',
    name: 'Single-leg bridge',
    family: 'multi_planar',
    description:
      'A bridge on one foot, the other leg held straight or bent in the air. Keep the pelvis level as the hips rise and lower.',
    trains: 'Hip extension and pelvic control on one leg',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Single-leg bridge',
        how: 'Feet on the floor.',
        dose: { sets: 3, reps: { min: 8, max: 12 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Elevated single-leg bridge',
        how: 'Foot on a step or bench.',
        dose: { sets: 3, reps: { min: 8, max: 12 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'clamshell',
    name: 'Clamshell',
    family: 'multi_planar',
    description:
      'Lie on one side with hips and knees bent and heels together. Open the top knee like a shell without rolling the pelvis back, then close it slowly.',
    trains: 'Hip external rotation and abduction (deep rotators, gluteus medius)',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Clamshell',
        how: 'No band.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Banded clamshell',
        how: 'A band just above the knees.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BAND,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'side-lying-abduction',
    name: 'Side-lying leg raise',
    family: 'multi_planar',
    description:
      'Lie on one side with the bottom knee bent and the top leg straight in line with the body. Lift the top leg a little behind you, heel leading, and lower it under control.',
    trains: 'Hip abduction (gluteus medius)',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Leg raise',
        how: 'No load.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Leg raise with ankle weight',
        how: 'A light ankle weight.',
        dose: { sets: 3, reps: { min: 10, max: 15 }, loadKg: { start: 1, step: 0.5, max: 3 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: 'An ankle weight from level 2, half a kilogram at a time.',
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'lateral-band-walk',
    name: 'Lateral band walk',
    family: 'multi_planar',
    description:
      'With a band around the legs and the knees slightly bent, step sideways keeping the band taut. Keep the toes forward and the trunk still.',
    trains: 'Hip abduction in standing, pelvic stability',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Band above the knees',
        how: 'Short, slow steps.',
        dose: { sets: 2, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Band at the ankles',
        how: 'A longer lever, same steps.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BAND,
    painRule: PAIN_RULE,
    fromStage: 1,
  },
  {
    id: 'copenhagen-plank',
    name: 'Copenhagen side plank',
    family: 'multi_planar',
    description:
      'Lie on one side propped on the forearm with the top leg resting on a bench. Lift the hips so the body makes a straight line and the inner thigh of the top leg carries the weight.',
    trains: 'Hip adduction (adductors) and lateral trunk',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Short lever',
        how: 'The knee on the bench.',
        dose: { sets: 3, holdS: { min: 10, max: 30, step: 5 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Long lever',
        how: 'The ankle on the bench.',
        dose: { sets: 3, holdS: { min: 10, max: 30, step: 5 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 1,
  },
  {
    id: 'hip-hike',
    name: 'Hip hike',
    family: 'multi_planar',
    description:
      'Stand side-on on a step with one foot hanging off the edge. Let the free side of the pelvis drop a little, then lift it above level using the standing hip, knees straight.',
    trains: 'Hip abduction of the standing leg (gluteus medius)',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Hip hike',
        how: 'Hand on a wall.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Hip hike with hold',
        how: 'No hand support, 2 s at the top.',
        dose: { sets: 3, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BODYWEIGHT,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'banded-hip-rotation',
    name: 'Banded hip rotation',
    family: 'multi_planar',
    description:
      'Sit tall on a chair with a band tied around one ankle from the side. Keep the thigh still and turn the lower leg out, then in, so the hip rotates, within the comfortable range.',
    trains: 'Hip internal and external rotation',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Seated rotation',
        how: 'Seated, light band.',
        dose: { sets: 2, reps: { min: 10, max: 15 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Standing rotation',
        how: 'Standing on the leg, turning the pelvis over the fixed foot.',
        dose: { sets: 3, reps: { min: 8, max: 12 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: BAND,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'three-way-step-down',
    name: 'Three-way step-down',
    family: 'multi_planar',
    description:
      'Stand on one leg on a low step. Lower the other heel to tap the floor in front, then to the side, then behind, rising fully between taps. The standing knee stays over the middle toes.',
    trains: 'Single-leg control of the hip in all three planes',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Low step',
        how: 'A 10–15 cm step.',
        dose: { sets: 2, reps: { min: 6, max: 10 } },
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'High step',
        how: 'A 20 cm step.',
        dose: { sets: 2, reps: { min: 6, max: 10 } },
        heavyHipFlexion: false,
      },
      {
        level: 3,
        name: 'Weight vest',
        how: 'The high step wearing a weight vest.',
        dose: { sets: 3, reps: { min: 6, max: 10 }, loadKg: { start: 4, step: 2, max: 16 } },
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: 'Height first, then a weight vest 2 kg at a time.',
    painRule: PAIN_RULE,
    fromStage: 1,
  },
];
