// The demo runner’s last nine weeks of the rehab programme: Strength A and B on Tuesdays and
// Fridays and a mobility day on Sundays, each logged as prescribed so the doses climb week by
// week — except in the flare-up week (week 9 of the story), when the Tuesday session hurt (4/10)
// and held its doses, and the days after it and the holiday of week 11 had no session.
import { addDays, type LocalDate } from '#shared/local-date';
import {
  doseFrom,
  replayProgression,
  type SessionKey,
  type StrengthSessionLog,
} from '#shared/rehab/index';

export interface DemoStrengthSession extends StrengthSessionLog {
  sessionKey: SessionKey;
  minutes: number;
}

const STORY_DAYS = 84;
/** The story's weeks (0-based) with strength sessions: the last eight. */
const FIRST_WEEK = 3;
const FLARE_WEEK = 8;
const HOLIDAY_WEEK = 10;

/** The exercises as done at stages 2–4 with heavy hip flexion held back (science.md §7). */
const EXERCISES: Record<SessionKey, string[]> = {
  warm_up: [],
  strength_a: [
    'bridge',
    'copenhagen-plank',
    'lateral-band-walk',
    'hip-flexor-capacity',
    'dead-bug',
    'single-leg-balance',
  ],
  strength_b: ['single-leg-bridge', 'hip-hike', 'three-way-step-down', 'side-plank', 'bird-dog'],
  mobility: [
    'kneeling-hip-rock',
    'hip-flexor-stretch',
    'piriformis-stretch',
    'butterfly-stretch',
    'bird-dog',
    'front-plank',
  ],
};

export function generateDemoStrength(today: LocalDate): DemoStrengthSession[] {
  const first = addDays(today, -(STORY_DAYS - 1));
  const out: DemoStrengthSession[] = [];
  let nextStrength: SessionKey = 'strength_a';
  for (let week = FIRST_WEEK; week < STORY_DAYS / 7; week++) {
    if (week === HOLIDAY_WEEK) continue;
    for (const offset of [1, 4, 6]) {
      const date = addDays(first, week * 7 + offset);
      if (date > today) continue;
      if (week === FLARE_WEEK && offset === 4) continue; // the pause after the red run
      const key: SessionKey = offset === 6 ? 'mobility' : nextStrength;
      if (key !== 'mobility') nextStrength = key === 'strength_a' ? 'strength_b' : 'strength_a';
      // Each exercise done exactly as prescribed by the sessions before it.
      const replay = replayProgression(out, { heavyAllowedOn: () => false });
      const exercises = EXERCISES[key].flatMap((id) => {
        const d = doseFrom(replay, id);
        if (!d) return [];
        return [
          {
            id,
            sets: d.sets,
            ...(d.reps !== undefined ? { reps: d.reps } : {}),
            ...(d.holdS !== undefined ? { holdS: d.holdS } : {}),
            ...(d.loadKg !== undefined ? { loadKg: d.loadKg } : {}),
          },
        ];
      });
      const hurt = week === FLARE_WEEK && offset === 1;
      out.push({
        date,
        sessionKey: key,
        exercises,
        rpe: key === 'mobility' ? 3 : hurt ? 6 : 5 + (week % 2),
        pain: hurt ? 4 : key === 'mobility' ? 0 : 1,
        minutes: key === 'mobility' ? 30 : 40,
      });
    }
  }
  return out;
}
