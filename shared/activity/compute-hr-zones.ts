// Time in heart-rate zones: five bands as fractions of the athlete's maximum heart rate, the
// scheme most watches use by default (zone 1 below 60 % HRmax, then 10-point bands, zone 5 from
// 90 %). Each interval between two samples counts at the first sample's heart rate; a gap longer
// than `maxGapS` is a pause (the watch stopped) and counts in no zone.

export interface HrZone {
  /** 1 … 5. */
  zone: number;
  /** Lowest heart rate of the zone, bpm (inclusive); 0 for zone 1. */
  fromBpm: number;
  /** Heart rate where the next zone starts, bpm (exclusive); null for zone 5. */
  toBpm: number | null;
  seconds: number;
}

/** Lower bounds of zones 2–5 as fractions of HRmax. */
export const HR_ZONE_FRACTIONS = [0.6, 0.7, 0.8, 0.9] as const;

/** Gaps longer than this between two samples are pauses, not time in a zone. */
export const HR_ZONE_MAX_GAP_S = 30;

/** Zone bounds, bpm, rounded to whole beats as a watch shows them. */
export function hrZoneBounds(hrMaxBpm: number): number[] {
  if (!(hrMaxBpm > 0)) throw new RangeError(`invalid hrMaxBpm: ${hrMaxBpm}`);
  return HR_ZONE_FRACTIONS.map((f) => Math.round(f * hrMaxBpm));
}

/** Seconds in each of the five zones (empty zones included, in order). */
export function computeHrZoneTimes(
  samples: ReadonlyArray<{ t: number; hrBpm?: number }>,
  hrMaxBpm: number,
  maxGapS = HR_ZONE_MAX_GAP_S,
): HrZone[] {
  const bounds = hrZoneBounds(hrMaxBpm);
  const zones: HrZone[] = [0, ...bounds].map((from, i) => ({
    zone: i + 1,
    fromBpm: from,
    toBpm: bounds[i] ?? null,
    seconds: 0,
  }));
  for (let i = 0; i + 1 < samples.length; i++) {
    const a = samples[i];
    const b = samples[i + 1];
    if (!a || !b || a.hrBpm === undefined) continue;
    const dt = (b.t - a.t) / 1000;
    if (!(dt > 0) || dt > maxGapS) continue;
    const index = bounds.filter((lo) => (a.hrBpm as number) >= lo).length;
    (zones[index] as HrZone).seconds += dt;
  }
  return zones;
}

/**
 * HRmax assumed when the athlete has not set one, said next to the zones: a round figure near the
 * middle of adult runners' measured maxima, only a placeholder until the athlete sets theirs.
 */
export const DEFAULT_HR_MAX_BPM = 190;
