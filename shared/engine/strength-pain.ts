// A strength session with pain above mild counts like an amber run (science.md §7): the morning
// after, no run that day and the next run repeats the stage. The lift is not a run, so pain in the
// red zone during a lift is still read as amber here; today's own pain (check-in) decides the rest.
import type { LocalDate } from '../local-date.ts';
import type { CrossTraining, Reason, StageDefinition, Thresholds } from './types.ts';
import { formatDay } from './format-day.ts';
import { painZoneOf } from './pain-model.ts';
import type { SessionEvaluation } from './progression.ts';

/** The highest pain of each day's logged strength sessions (days without one are absent). */
export function strengthPainByDate(
  crossTraining: readonly CrossTraining[],
): Map<LocalDate, number> {
  const out = new Map<LocalDate, number>();
  for (const c of crossTraining) {
    if (c.pain == null) continue;
    const before = out.get(c.date);
    if (before === undefined || c.pain > before) out.set(c.date, c.pain);
  }
  return out;
}

/** The reason a painful strength session gives, or null when its pain was mild or less. */
export function strengthPainReasonOf(
  sessionDate: LocalDate,
  pain: number | undefined,
  stage: StageDefinition,
  t: Pick<Thresholds, 'painGreenMax' | 'painAmberMax'>,
): Reason | null {
  if (pain === undefined || painZoneOf(pain, t) === 'green') return null;
  return {
    code: 'strength_pain_amber',
    message: `Pain reached ${pain}/10 during {your} strength session on ${formatDay(sessionDate)}: above mild, so it counts like an amber run and the next run repeats stage ${stage.stage}.`,
    value: pain,
    rule: 'pain-zones',
  };
}

/**
 * This morning's evaluation with yesterday's painful strength session joined in: a session that
 * would have counted (or not been rated) becomes amber; an amber, red or not-back-to-baseline
 * evaluation keeps its outcome and also names the strength session.
 */
export function withStrengthPain(
  evaluation: SessionEvaluation | null,
  reason: Reason | null,
  sessionDate: LocalDate,
): SessionEvaluation | null {
  if (reason === null) return evaluation;
  const pain = reason.value as number;
  if (
    evaluation === null ||
    evaluation.outcome === 'completed' ||
    evaluation.outcome === 'unrated' ||
    evaluation.outcome === 'not_as_prescribed'
  )
    return {
      sessionDate,
      outcome: 'amber',
      painMax: pain,
      baselinePain: evaluation?.baselinePain ?? null,
      baselineStiffness: evaluation?.baselineStiffness ?? null,
      reasons: [reason],
    };
  // An amber session from an earlier day (decided by a late morning score) must still keep today
  // free of runs: yesterday's strength session is the one that speaks for today.
  return {
    ...evaluation,
    ...(evaluation.outcome === 'amber' ? { sessionDate } : {}),
    reasons: [...evaluation.reasons, reason],
  };
}
