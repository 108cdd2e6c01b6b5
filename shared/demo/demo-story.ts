// The demo's data, as a function of "today": a runner's 12-week return from hip impingement that
// starts with the onboarding questions (running with symptoms now: walking first), walks, then
// walk-runs up the stages, spikes one long run in week 7, flares up in week 9 (amber, then red pain
// and not back to baseline: a stage drop and cross-training), takes 11 days off in weeks 10–11 (one
// stage back) and comes back; plus athletes for the demo coach in other states (a red flag, a red
// flag a clinician has cleared, a spike, amber pain, all well).
import type { Activity } from '#shared/activity/activity';
import type { OnboardingAnswers } from '#shared/engine/pick-start-stage';
import type { CheckIn, Clearance, CrossTraining } from '#shared/engine/types';
import { addDays, type LocalDate } from '#shared/local-date';
import {
  buildDemoActivity,
  easyRunSegments,
  walkRunSegments,
  walkSegments,
  type DemoSegment,
} from './build-demo-activity.ts';

export const DEMO_PASSWORD = 'hipcheck-demo';
export const DEMO_RUNNER_EMAIL = 'demo-runner@hipcheck.local';
/** What the demo coach reads for the demo runner. */
export const DEMO_RUNNER_NAME = 'Sam';
export const DEMO_COACH_EMAIL = 'demo-coach@hipcheck.local';

export interface DemoSession {
  localDate: LocalDate;
  sourceId: string;
  activity: Activity;
}

export interface DemoAthlete {
  email: string;
  /** The display name a coach reads (the email stands in without one). */
  name?: string;
  timezone: string;
  startStage: number;
  sessions: DemoSession[];
  checkIns: CheckIn[];
  crossTraining: CrossTraining[];
  /** The onboarding answers the runner gave on their first day. */
  onboarding?: { date: LocalDate; answers: OnboardingAnswers };
  /** A clinician's clearances, with who recorded them. */
  clearances?: Array<Clearance & { note: string }>;
  /** A note from the demo coach, shown to the athlete. */
  coachNote?: string;
}

export interface DemoStory {
  runner: DemoAthlete;
  others: DemoAthlete[];
}

const STORY_DAYS = 84;
/** Mon, Wed, Sat: never two days running (walk-run stages ask for a day between sessions). */
const SESSION_OFFSETS = [0, 2, 5];

function session(
  email: string,
  date: LocalDate,
  kind: 'walk' | 'run',
  segments: DemoSegment[],
  name: string,
  seed: number,
): DemoSession {
  return {
    localDate: date,
    sourceId: `demo:${email}:${date}`,
    activity: buildDemoActivity({
      startMs: Date.parse(`${date}T07:00:00Z`),
      sport: kind,
      name,
      segments,
      seed,
    }),
  };
}

/**
 * Segments for a session as stage `stage` of the default plan prescribes it: 90–110 % of its time,
 * counting the 3-minute walk each session starts with.
 */
function prescribed(stage: number, extraMin = 0): { segments: DemoSegment[]; name: string } {
  switch (stage) {
    case 0:
      return { segments: walkSegments(32), name: 'Brisk walk' };
    case 1:
      return { segments: walkRunSegments(1, 2, 10), name: 'Walk-run 1/2' };
    case 2:
      return { segments: walkRunSegments(2, 2, 8), name: 'Walk-run 2/2' };
    case 3:
      return { segments: walkRunSegments(3, 2, 6), name: 'Walk-run 3/2' };
    case 4:
      return { segments: walkRunSegments(4, 1, 5), name: 'Walk-run 4/1' };
    case 5:
      return { segments: easyRunSegments(19), name: 'Easy 20' };
    case 6:
      return { segments: easyRunSegments(28), name: 'Easy 30' };
    default:
      return { segments: easyRunSegments(32 + extraMin), name: 'Easy run' };
  }
}

const green = (date: LocalDate): CheckIn => ({
  date,
  painDuring: 1,
  painAfter: 1,
  painNextMorning: 0,
  stiffness: 1,
  rpe: 4,
});

/** The demo runner's 12 weeks, ending today. */
export function generateDemoRunner(today: LocalDate): DemoAthlete {
  const email = DEMO_RUNNER_EMAIL;
  const first = addDays(today, -(STORY_DAYS - 1));
  const sessions: DemoSession[] = [];
  const checkIns: CheckIn[] = [];
  const crossTraining: CrossTraining[] = [];
  // The stage the runner expects to be at: two green sessions as prescribed, then the next.
  let stage = 0;
  let completions = 0;
  let stage7Runs = 0;
  const complete = () => {
    completions += 1;
    if (completions >= 2 && stage < 7) {
      stage += 1;
      completions = 0;
    }
  };
  for (let week = 0; week < STORY_DAYS / 7; week++) {
    for (const offset of SESSION_OFFSETS) {
      const d = week * 7 + offset;
      const date = addDays(first, d);
      if (date > today) continue;
      const seed = d + 1;
      if (week === 0) {
        // Week 1: walking only, and the stage-1 entry questions answered yes.
        const s = prescribed(0);
        sessions.push(session(email, date, 'walk', s.segments, s.name, seed));
        checkIns.push({ ...green(date), readinessTestPassed: offset === 2 ? true : null });
        if (offset !== 5) complete();
        continue;
      }
      if (week === 6 && offset === 2) {
        // Week 7: one long run, more than twice the longest of the last 30 days.
        sessions.push(
          session(email, date, 'run', easyRunSegments(80), 'Long run (too long)', seed),
        );
        checkIns.push({ ...green(date), painDuring: 2, painAfter: 2, rpe: 6 });
        continue;
      }
      if (week === 8 && offset === 0) {
        // Week 9: the flare-up begins: amber pain during the run.
        const s = prescribed(stage, stage7Runs);
        sessions.push(session(email, date, 'run', s.segments, s.name, seed));
        checkIns.push({ ...green(date), painDuring: 4, painAfter: 3, rpe: 5, notes: 'Hip ached' });
        completions = 0;
        continue;
      }
      if (week === 8 && offset === 2) {
        // Red pain, not back to baseline the next morning: the engine drops a stage and pauses running.
        const s = prescribed(stage, stage7Runs);
        sessions.push(session(email, date, 'run', s.segments, s.name, seed));
        checkIns.push({
          date,
          painDuring: 5,
          painAfter: 7,
          painNextMorning: 5,
          stiffness: 5,
          rpe: 7,
          notes: 'Sharp pinch in the groin',
        });
        // Cross-training and easing symptoms through the pause.
        [
          { kind: 'ride', minutes: 40, rpe: 4 },
          { kind: 'swim', minutes: 30, rpe: 4 },
          { kind: 'ride', minutes: 45, rpe: 5 },
        ].forEach((c, i) => {
          const day = addDays(date, i + 1);
          crossTraining.push({ date: day, ...c });
          checkIns.push({ date: day, painAtRest: Math.max(0, 2 - i), stiffness: 3 - i });
        });
        stage = Math.max(0, stage - 1);
        completions = 0;
        continue;
      }
      if (week === 8 && offset === 5) continue; // still paused: no run before the 4th day
      if ((week === 9 && offset === 5) || week === 10) continue; // 11 days off: a holiday
      if (week === 11 && offset === 0) {
        // Back after 11 days without a run: one stage back (science.md §4 "After a break").
        stage = Math.max(1, stage - 1);
        completions = 0;
      }
      const s = prescribed(stage, stage7Runs);
      if (stage >= 7) stage7Runs = Math.min(stage7Runs + 1, 3);
      sessions.push(session(email, date, 'run', s.segments, s.name, seed));
      checkIns.push(green(date));
      // The week after the flare, the mornings are still higher than the week before (a rising
      // pain trend, science.md §3): green sessions count, but the stage holds.
      if (week === 9) completions += 1;
      else complete();
    }
  }
  return {
    email,
    timezone: 'UTC',
    startStage: 0,
    sessions,
    checkIns,
    crossTraining,
    // Running with symptoms now, 10-min runs that hurt: one stage below stage 1, walking first.
    onboarding: {
      date: first,
      answers: { situation: 'symptoms_now', typicalRunMin: 10, runsPerWeek: 2, painDuringRun: 4 },
    },
    coachNote:
      'Great comeback after the week-9 flare and the holiday. Keep the long run under 10 % longer than your longest this month.',
  };
}

type Twist = 'night_pain' | 'cleared' | 'spike' | 'amber' | 'none';

/** Six weeks at one stage, three green sessions a week, then a twist in the last days. */
function rosterAthlete(
  email: string,
  today: LocalDate,
  startStage: number,
  twist: Twist,
  seedBase: number,
): DemoAthlete {
  const first = addDays(today, -41);
  const sessions: DemoSession[] = [];
  const checkIns: CheckIn[] = [];
  // Green sessions as prescribed move the athlete on: two per stage, eight at stage 7.
  let stage = startStage;
  let completions = 0;
  for (let d = 0; d < 42; d++) {
    if (!SESSION_OFFSETS.includes(d % 7)) continue;
    const date = addDays(first, d);
    if (date >= addDays(today, -1)) continue; // the twist owns yesterday and today
    const s = prescribed(stage);
    sessions.push(session(email, date, 'run', s.segments, s.name, seedBase + d));
    checkIns.push(green(date));
    if (++completions >= (stage === 7 ? 8 : 2) && stage < 8) {
      stage += 1;
      completions = 0;
    }
  }
  const yesterday = addDays(today, -1);
  const clearances: DemoAthlete['clearances'] = [];
  if (twist === 'cleared') {
    // The hip gave way 12 days ago; a physio saw it 8 days ago and cleared running (coach records it).
    // No run while the flag stood.
    const flagDay = addDays(today, -12);
    const held = (d: LocalDate) => d >= flagDay && d < addDays(today, -8);
    sessions.splice(0, sessions.length, ...sessions.filter((x) => !held(x.localDate)));
    checkIns.splice(0, checkIns.length, ...checkIns.filter((c) => !held(c.date)));
    checkIns.push({ date: flagDay, givingWay: true, painAtRest: 2, stiffness: 2 });
    checkIns.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    clearances.push({
      date: addDays(today, -8),
      by: 'coach',
      note: 'Seen by the physio: no structural concern, restart one stage lower.',
    });
  }
  if (twist === 'night_pain') {
    checkIns.push({ date: yesterday, nightPain: true, painAtRest: 3, stiffness: 3 });
  } else if (twist === 'spike') {
    sessions.push(session(email, yesterday, 'run', easyRunSegments(52), 'Long run', seedBase + 99));
    checkIns.push({ ...green(yesterday), painDuring: 2, painAfter: 2 });
  } else if (twist === 'amber') {
    // Amber during and after yesterday's run: no run today, and the next run repeats the stage.
    const s = prescribed(stage);
    sessions.push(session(email, yesterday, 'run', s.segments, s.name, seedBase + 99));
    checkIns.push({ ...green(yesterday), painDuring: 4, painAfter: 5 });
  }
  return {
    email,
    timezone: 'UTC',
    startStage,
    sessions,
    checkIns,
    crossTraining: [],
    clearances,
  };
}

/** The whole demo for a given local "today". */
export function generateDemoStory(today: LocalDate): DemoStory {
  return {
    runner: { ...generateDemoRunner(today), name: DEMO_RUNNER_NAME },
    others: [
      {
        ...rosterAthlete('demo-athlete-nightpain@hipcheck.local', today, 5, 'night_pain', 1000),
        name: 'Maja',
      },
      {
        ...rosterAthlete('demo-athlete-cleared@hipcheck.local', today, 6, 'cleared', 5000),
        name: 'Jonas',
      },
      {
        ...rosterAthlete('demo-athlete-spike@hipcheck.local', today, 7, 'spike', 2000),
        name: 'Priya',
      },
      {
        ...rosterAthlete('demo-athlete-amber@hipcheck.local', today, 3, 'amber', 3000),
        name: 'Leo',
      },
      {
        ...rosterAthlete('demo-athlete-steady@hipcheck.local', today, 6, 'none', 4000),
        name: 'Ana',
      },
    ],
  };
}
