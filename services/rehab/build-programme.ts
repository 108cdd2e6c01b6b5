// The runner's programme on a day, from the database: the stage (the engine's stored day, or
// today's decision computed live), every pain score above green (check-ins and strength sessions),
// the logged sessions replayed for each exercise's dose, and a coach's adjustments.
import type { Action } from '#shared/engine/index';
import type { ProgrammeDay } from '#shared/rehab/programme-wire';
import { localDateOf, type LocalDate } from '#shared/local-date';
import {
  computeAdherence,
  heavyHipFlexionOf,
  nextStrengthSessionOf,
  recommendProgramme,
  replayProgression,
  type Adjustments,
  type Replay,
  type SessionKey,
} from '#shared/rehab/index';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { listPainAbove } from '#services/db/checkins.repository';
import {
  findAdjustments,
  listStagesByDay,
  listStrengthSessions,
  type StrengthSessionRow,
} from '#services/db/strength-sessions.repository';
import { computeToday } from '#services/engine/today-decision';

interface PainScore {
  date: LocalDate;
  pain: number;
}

const GREEN_MAX = 2;

/** Every score above green, from check-ins (any moment) and from strength sessions. */
async function painAboveGreen(
  db: Queryable,
  athleteId: string,
  sessions: readonly StrengthSessionRow[],
): Promise<PainScore[]> {
  const out: PainScore[] = await listPainAbove(db, athleteId, GREEN_MAX);
  for (const s of sessions)
    if (s.pain !== null && s.pain > GREEN_MAX) out.push({ date: s.date, pain: s.pain });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export const lastBefore = (scores: readonly PainScore[], date: LocalDate): PainScore | null =>
  [...scores].reverse().find((s) => s.date <= date) ?? null;

function plannedOf(
  action: Action | string | null,
  prescription: string | null,
  next: SessionKey,
): SessionKey | null {
  if (action === 'strength') return prescription?.startsWith('Mobility') ? 'mobility' : next;
  if (action === 'run' || action === 'run_modified' || action === 'walk') return 'warm_up';
  return null;
}

export interface ProgrammeState {
  replay: Replay;
  sessions: StrengthSessionRow[];
}

/** The logged sessions up to `date` replayed, with heavy hip flexion judged on each day. */
export async function replayFor(
  db: Queryable,
  athlete: Athlete,
  date: LocalDate,
  fallbackStage: number,
): Promise<
  ProgrammeState & { pains: PainScore[]; levelHolds: Set<string>; adjustments: Adjustments }
> {
  const sessions = await listStrengthSessions(db, athlete.id, { to: date });
  const adjustments = await findAdjustments(db, athlete.id);
  const pains = await painAboveGreen(db, athlete.id, sessions);
  const first = sessions[0]?.date ?? date;
  const stages = await listStagesByDay(db, athlete.id, { from: first, to: date });
  const levelHolds = new Set(adjustments.levelHolds);
  const replay = replayProgression(
    // A session on `date` itself already counts: the next session of the day steps from it.
    sessions.map((s) => ({ date: s.date, exercises: s.exercises, rpe: s.rpe, pain: s.pain })),
    {
      levelHolds,
      heavyAllowedOn: (d) =>
        heavyHipFlexionOf({
          stage: stages.get(d)?.stage ?? fallbackStage,
          today: d,
          lastPainAboveGreen: lastBefore(pains, d),
        }).allowed,
    },
  );
  const swaps = new Map(adjustments.swaps.map((s) => [s.exerciseId, s.replacementId]));
  return { replay, sessions, pains, levelHolds, adjustments: { swaps, levelHolds } };
}

export async function buildProgramme(
  db: Queryable,
  athlete: Athlete,
  date: LocalDate,
  now: Date,
): Promise<ProgrammeDay> {
  const today = localDateOf(now, athlete.timezone);
  const decision = await computeToday(db, athlete, now);
  let stage = decision.stage;
  let action: string | null = decision.recommendation.action;
  let prescription: string | null = decision.recommendation.prescription;
  if (date !== today) {
    const planDay = decision.plan.find((p) => p.date === date);
    const stored = (await listStagesByDay(db, athlete.id, { from: date, to: date })).get(date);
    stage = planDay?.stage ?? stored?.stage ?? stage;
    action = planDay?.action ?? stored?.action ?? null;
    prescription = planDay?.prescription ?? null;
  }
  const { replay, sessions, pains, adjustments } = await replayFor(db, athlete, date, stage);
  const heavy = heavyHipFlexionOf({
    stage,
    today: date,
    lastPainAboveGreen: lastBefore(pains, date),
  });
  const nextStrength = nextStrengthSessionOf(sessions.filter((s) => s.date < date));
  return {
    date,
    stage,
    heavyHipFlexion: heavy,
    planned: plannedOf(action, prescription, nextStrength),
    nextStrength,
    sessions: recommendProgramme({
      stage,
      heavy,
      replay,
      adjustments,
    }),
    adherence: computeAdherence(
      sessions.filter((s) => s.sessionKey !== 'warm_up').map((s) => s.date),
      date,
    ),
    logged: sessions
      .filter((s) => s.date === date)
      .map((s) => ({ id: s.id, sessionKey: s.sessionKey })),
  };
}
