// What the benchmark scripts share: medians and percentiles, and a synthetic run without samples
// (summary numbers only) for seeding large histories fast.
import type { Activity } from '../shared/activity/activity.ts';

/** The value after `name` on the command line (`--runs 5`), if given. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The nearest-rank percentile `p` (0–100). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** A `km` kilometre run at 6:00/km starting 07:00 UTC on `day`, without samples. */
export function syntheticRun(day: string, km: number): Activity {
  const movingS = km * 360;
  return {
    format: 'gpx',
    sport: 'run',
    startAt: new Date(`${day}T07:00:00Z`),
    samples: [],
    laps: [],
    intervals: [],
    summary: { distanceM: km * 1000, movingS, elapsedS: movingS, elevationGainM: 0 },
    warnings: [],
  };
}
