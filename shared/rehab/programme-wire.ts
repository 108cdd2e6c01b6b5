// The programme's requests and answers as they travel over HTTP (GET /api/programme, POST
// /api/strength-sessions, GET /api/programme/history, /api/programme/adjustments).
import type { LocalDate } from '../local-date.ts';
import type { Adherence } from './compute-adherence.ts';
import type { HeavyHipFlexion } from './heavy-hip-flexion.ts';
import type { StepChange, StepOutcome } from './progress-exercise.ts';
import type { ProgrammeSession } from './recommend-programme.ts';
import type { SessionKey } from './session-templates.ts';

export interface ProgrammeDay {
  date: LocalDate;
  stage: number;
  heavyHipFlexion: HeavyHipFlexion;
  /** The session the day's plan holds (null on a rest, cross-training or clinician day). */
  planned: SessionKey | null;
  nextStrength: 'strength_a' | 'strength_b';
  sessions: ProgrammeSession[];
  adherence: Adherence;
  /** Sessions already logged on the day. */
  logged: Array<{ id: string; sessionKey: SessionKey | null }>;
}

export interface StrengthSessionInput {
  date: LocalDate;
  sessionKey?: SessionKey | null;
  exercises: Array<{ id: string; sets: number; reps?: number; holdS?: number; loadKg?: number }>;
  rpe?: number | null;
  pain?: number | null;
  minutes?: number;
}

export interface LoggedStrengthSession {
  id: string;
  date: LocalDate;
  sessionKey: SessionKey | null;
  exercises: StrengthSessionInput['exercises'];
  rpe: number | null;
  pain: number | null;
  minutes: number;
  createdAt: string;
  /** What each exercise does next session (POST's answer only). */
  progression?: Array<{
    exerciseId: string;
    outcome: StepOutcome;
    change: StepChange;
    reason: string;
    next: {
      level: number;
      sets: number;
      reps?: number;
      holdS?: number;
      loadKg?: number;
      doseText: string;
    };
  }>;
}

export interface LiftHistoryPoint {
  date: LocalDate;
  level: number;
  sets: number;
  reps: number | null;
  holdS: number | null;
  loadKg: number | null;
  pain: number | null;
  rpe: number | null;
  outcome: StepOutcome;
}

export interface LiftHistory {
  exerciseId: string;
  name: string;
  points: LiftHistoryPoint[];
}

export interface ProgrammeAdjustments {
  swaps: Array<{ exerciseId: string; replacementId: string }>;
  levelHolds: string[];
}

/** A strength or mobility day of the week's plan (GET /api/today's `plan[].session`). */
export interface PlanSession {
  key: SessionKey;
  title: string;
  /** "Strength B: trap-bar deadlift 3×5, rear-foot-elevated split squat 3×6 each side, …". */
  text: string;
}
