// Hip drills for a warm-up before runs or lifting, or after a run once 5–10 min of walking have
// cooled the legs down (science.md §7: dynamic hip extension and flexion, two sets of 5).
import { PAIN_RULE, type Exercise } from './exercise.ts';

const drill = { sets: 2, reps: { min: 5, max: 5 } } as const;
const FEW_REPS =
  'No load: the aim is to get used to the position, so keep to 5 slow reps and do not add more.';

export const HIP_DRILLS: readonly Exercise[] = [
  {
    id: 'kneeling-hip-rock',
    name: 'Half-kneeling hip rock',
    family: 'hip_drill',
    description:
      'Kneel on one knee with the other foot flat in front. Rock the body forward until the front of the kneeling hip opens, letting the pelvis tip forward with it, then rock back. Move slowly and stay short of any pinch.',
    trains: 'Hip extension with the pelvis moving freely (hip flexors, pelvic control)',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Rock',
        how: 'Small rocks, hands on the hips.',
        dose: drill,
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Rock and reach',
        how: 'Reach the arm of the kneeling side up and over as you rock.',
        dose: drill,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: FEW_REPS,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'leg-swing-front-back',
    name: 'Front-to-back leg swing',
    family: 'hip_drill',
    description:
      'Hold a wall or rail with one hand and swing the outside leg forward and back like a pendulum. Let the swing grow a little each time, staying tall through the trunk. Keep the forward swing below the height that pinches the front of the hip.',
    trains: 'Dynamic hip flexion and extension',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Small swings',
        how: 'Swings about knee height.',
        dose: drill,
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Full swings',
        how: 'Let the swing reach its easy, pain-free end range.',
        dose: drill,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: FEW_REPS,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'leg-swing-side',
    name: 'Side-to-side leg swing',
    family: 'hip_drill',
    description:
      'Face a wall with both hands on it and swing one leg across the front of the body and out to the side. Keep the pelvis facing the wall and the standing knee soft.',
    trains: 'Hip abduction and adduction through range',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Side swings',
        how: 'Easy swings across and out.',
        dose: drill,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: FEW_REPS,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'lunge-reach',
    name: 'Lunge with overhead reach',
    family: 'hip_drill',
    description:
      'Step forward into a short lunge and reach both arms up as the back hip opens. Hold one breath, then step back to standing. Keep the front knee over the foot and the step short enough to stay comfortable.',
    trains: 'Hip extension of the back leg under body weight, trunk control',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'Short lunge',
        how: 'A short step, hands reaching up.',
        dose: drill,
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Lunge and rotate',
        how: 'Add a turn of the trunk toward the front leg.',
        dose: drill,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: FEW_REPS,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
  {
    id: 'standing-march',
    name: 'Standing march',
    family: 'hip_drill',
    description:
      'Stand tall and lift one knee toward hip height, swapping legs at a steady rhythm with the arms moving as when running. Move on to a skip only when marching is easy.',
    trains: 'Active hip flexion with the pelvis level; running rhythm',
    perSide: true,
    levels: [
      {
        level: 1,
        name: 'March',
        how: 'March on the spot, knee below hip height.',
        dose: drill,
        heavyHipFlexion: false,
      },
      {
        level: 2,
        name: 'Walking march',
        how: 'March forward with a brief pause at the top.',
        dose: drill,
        heavyHipFlexion: false,
      },
      {
        level: 3,
        name: 'A-skip',
        how: 'A light skip with the same knee drive.',
        dose: drill,
        heavyHipFlexion: false,
      },
    ],
    loadGuidance: FEW_REPS,
    painRule: PAIN_RULE,
    fromStage: 0,
  },
];
