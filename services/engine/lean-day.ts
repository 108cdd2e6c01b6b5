// GET /api/metrics/daily sends each day's numbers and the per-day codes the charts draw (bands,
// zones, flags), and no texts: each metric's method, source and caveat are the same
// every day and come once from GET /api/metrics/info, and the sentences of a day's reasons are read
// from GET /api/today. A year of days is then a few hundred kilobytes instead of nearly two
// megabytes. Measured values (distances, durations, minutes, scores) are sent exactly as stored;
// only the models' ratios and loads are rounded, to far below what the dashboard shows.
import type { DailyMetrics } from '#shared/api/metrics';
import type { DailyMetricsRow } from '#shared/engine/index';

/**
 * The shape of the days this module makes: stored with each day's digest, so that a change here
 * (raise it with any change to leanDay) has the next recompute write every day again.
 */
export const LEAN_FORMAT = 1;

/** A stored day's metrics (the engine's row without its carry and without the info texts). */
type StoredDay = Partial<Omit<DailyMetricsRow, 'carry'>>;

/** Ratios to 4 decimals (0.1 % of a spike), loads to 2: the dashboard shows fewer. */
const ratio = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);
const load = (x: number): number => Math.round(x * 100) / 100;

const PAIN_SCORES = [
  'morning',
  'painDuring',
  'painAfter',
  'painNextMorning',
  'painMorning',
  'painAtRest',
  'stiffness',
] as const;

const withNote = <T extends object>(value: T, note: string | undefined): T =>
  note === undefined ? value : { ...value, note };

/** One day of GET /api/metrics/daily from the stored row and the day's running totals. */
export function leanDay(
  totals: { day: string; runDistanceM: number; runMovingS: number; runCount: number },
  stored: StoredDay | null,
): DailyMetrics {
  const out: DailyMetrics = { ...totals };
  if (!stored) return out;
  if (stored.stage !== undefined) out.stage = stored.stage;
  const l = stored.load;
  if (l)
    out.load = {
      longestRunM: l.longestRunM,
      crossTrainingMin: l.crossTrainingMin,
      strengthMin: l.strengthMin,
      srpeLoad: l.srpeLoad,
      totalLoad: l.totalLoad,
    };
  const s = stored.spike;
  if (s !== undefined)
    out.spike =
      s === null
        ? null
        : withNote(
            {
              value: ratio(s.value),
              band: s.band,
              reference: s.reference,
              referenceValue: s.referenceValue,
            },
            s.note,
          );
  const w = stored.weeklyChange;
  if (w) out.weeklyChange = { value: ratio(w.value), caution: w.caution };
  const a = stored.acwr;
  if (a)
    out.acwr = {
      rolling: withNote(
        { coupled: ratio(a.rolling.coupled), uncoupled: ratio(a.rolling.uncoupled) },
        a.rolling.note,
      ),
      ewma: withNote(
        { ratio: ratio(a.ewma.ratio), acute: load(a.ewma.acute), chronic: load(a.ewma.chronic) },
        a.ewma.note,
      ),
    };
  const f = stored.fitness;
  if (f) out.fitness = { ctl: load(f.ctl), atl: load(f.atl), form: load(f.form) };
  const m = stored.monotony;
  if (m) out.monotony = withNote({ monotony: ratio(m.monotony), high: m.high }, m.note);
  const p = stored.pain;
  if (p) {
    // Only the scores given (most days have few): an absent score is one not logged.
    const pain: NonNullable<DailyMetrics['pain']> = p.trend?.rising ? { rising: true } : {};
    for (const key of PAIN_SCORES) {
      const v = p[key];
      if (v !== null && v !== undefined) pain[key] = v;
    }
    if (p.zone) pain.zone = p.zone;
    out.pain = pain;
  }
  const pr = stored.progression;
  if (pr)
    out.progression = {
      stageName: pr.stageName,
      completions: pr.completions,
      completionsNeeded: pr.completionsNeeded,
      ...(pr.evaluation
        ? {
            evaluation: {
              sessionDate: pr.evaluation.sessionDate,
              outcome: pr.evaluation.outcome,
              verdict: pr.evaluation.verdict
                ? {
                    completion: pr.evaluation.verdict.completion,
                    reason: pr.evaluation.verdict.reason,
                  }
                : null,
            },
          }
        : {}),
    };
  if (stored.flags)
    out.flags = stored.flags.map((fl) =>
      fl.value === undefined
        ? { code: fl.code, severity: fl.severity }
        : { code: fl.code, severity: fl.severity, value: fl.value },
    );
  return out;
}
