// The week's plan with its strength days named (science.md §7): each day the plan holds a strength
// or mobility session carries the programme's session for that day — "Strength B: trap-bar
// deadlift 3×5, …" — dosed from the logged sessions and limited by the day's stage and symptoms.
import type { PlanDay } from '#shared/engine/index';
import type { LocalDate } from '#shared/local-date';
import {
  heavyHipFlexionOf,
  nextStrengthSessionOf,
  recommendProgramme,
  weekSessionKeysOf,
  type ProgrammeSession,
} from '#shared/rehab/index';
import type { PlanSession } from '#shared/rehab/programme-wire';
import type { Queryable } from '#services/db/database';
import type { Athlete } from '#services/db/athletes.repository';
import { lastBefore, replayFor } from './build-programme.ts';

type StrengthKey = 'strength_a' | 'strength_b';
const isStrengthKey = (k: string | null): k is StrengthKey =>
  k === 'strength_a' || k === 'strength_b';

/** `decision.plan` with `session` on every day: the programme's session, or null. */
export async function withPlanSessions<
  T extends { date: LocalDate; stage: number; plan: PlanDay[] },
>(
  db: Queryable,
  athlete: Athlete,
  decision: T,
): Promise<Omit<T, 'plan'> & { plan: Array<PlanDay & { session: PlanSession | null }> }> {
  const today = decision.date;
  const { replay, sessions, pains, adjustments } = await replayFor(
    db,
    athlete,
    today,
    decision.stage,
  );
  const loggedToday = sessions.filter((s) => s.date === today).map((s) => s.sessionKey);
  const keys = weekSessionKeysOf(
    decision.plan,
    nextStrengthSessionOf(sessions.filter((s) => s.date < today)),
    loggedToday.filter(isStrengthKey).at(-1) ?? null,
  );
  const programmes = new Map<string, ProgrammeSession[]>();
  const plan = decision.plan.map((day, i) => {
    const key = keys[i] ?? null;
    if (key === null) return { ...day, session: null };
    const heavy = heavyHipFlexionOf({
      stage: day.stage,
      today: day.date,
      lastPainAboveGreen: lastBefore(pains, day.date),
    });
    const cacheKey = `${day.stage}:${heavy.allowed}`;
    let programme = programmes.get(cacheKey);
    if (!programme) {
      programme = recommendProgramme({ stage: day.stage, heavy, replay, adjustments });
      programmes.set(cacheKey, programme);
    }
    const session = programme.find((s) => s.key === key);
    return { ...day, session: session ? { key, title: session.title, text: session.text } : null };
  });
  return { ...decision, plan };
}
