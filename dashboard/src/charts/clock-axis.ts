// A pace axis written as a clock (m:ss per km or mile), never as decimal minutes: 5.5 min/km is
// read "5:30", and a runner would read "5.5" as 5:05. Its ticks fall on whole steps of the clock
// (5 s, 15 s, 30 s, 1, 2, 5 or 10 min), and a steady run's axis spans at least half a minute, so
// the ticks differ once written m:ss (a span of a few seconds would give "5:33" three times).

const STEPS_MIN = [1 / 12, 0.25, 0.5, 1, 2, 5, 10];
/** The narrowest span a clock axis shows, in minutes. */
export const MIN_CLOCK_SPAN = 0.5;

/** [lo, hi] widened about its middle to at least `span`: a steady stream's axis still has ticks. */
export function widenedDomain(lo: number, hi: number, span: number): [number, number] {
  if (hi - lo >= span) return [lo, hi];
  const mid = (lo + hi) / 2;
  return [mid - span / 2, mid + span / 2];
}

/** The axis's domain: [lo, hi] widened about its middle to at least MIN_CLOCK_SPAN. */
export function clockDomain(lo: number, hi: number): [number, number] {
  return widenedDomain(lo, hi, MIN_CLOCK_SPAN);
}

/** Ticks within [lo, hi] on the smallest clock step that gives at most `max` of them. */
export function clockTicks(lo: number, hi: number, max = 5): number[] {
  const step = STEPS_MIN.find((s) => Math.floor(hi / s + 1e-9) - Math.ceil(lo / s - 1e-9) < max);
  const s = step ?? 10 * Math.ceil((hi - lo) / (10 * (max - 1)));
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / s - 1e-9); k * s <= hi + 1e-9; k++) ticks.push(k * s);
  return ticks;
}
