// The pain-monitoring model (science.md §3): the zones, shared by every rule that reads a score.
// The baseline is in morning-baseline.ts, the week-over-week trend in pain-trend.ts.
import type { Thresholds } from './types.ts';

export type PainZone = 'green' | 'amber' | 'red';

/** 0–2 green, 3–5 amber, ≥6 red (Silbernagel 2007 AJSM 35:897; amber already means "do not progress" for the hip). */
export function painZoneOf(
  score: number,
  t: Pick<Thresholds, 'painGreenMax' | 'painAmberMax'>,
): PainZone {
  if (score <= t.painGreenMax) return 'green';
  if (score <= t.painAmberMax) return 'amber';
  return 'red';
}

export function medianOf(xs: readonly number[]): number {
  return medianInPlace([...xs]);
}

const ascending = (a: number, b: number): number => a - b;

/** Median that sorts its (scratch) argument in place. */
export function medianInPlace(s: number[]): number {
  s.sort(ascending);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
