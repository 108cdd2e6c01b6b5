// Running volume per local day with rest days as explicit zeros (science.md §1).
import { addDays, type LocalDate } from './local-date.ts';

export interface DayTotals {
  day: LocalDate;
  distanceM: number;
  movingS: number;
  count: number;
}

export interface DailyVolume {
  day: LocalDate;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}

/** One row per day from `from` to `to` inclusive; days without a run are zeros. */
export function computeDailyVolume(
  from: LocalDate,
  to: LocalDate,
  totals: readonly DayTotals[],
): DailyVolume[] {
  const byDay = new Map(totals.map((t) => [t.day, t]));
  const out: DailyVolume[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const t = byDay.get(day);
    out.push({
      day,
      runDistanceM: t?.distanceM ?? 0,
      runMovingS: t?.movingS ?? 0,
      runCount: t?.count ?? 0,
    });
  }
  return out;
}
