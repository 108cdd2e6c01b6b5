// Elevation gain with a hysteresis threshold: GPS altitude wanders by a few metres even on flat
// ground, so a climb counts only once the track has risen `thresholdM` above its last low point.
// Summing every positive step instead would report hundreds of metres for a flat run.

/** Default threshold, metres: above consumer-GPS vertical noise, below a short real climb. */
export const ELEVATION_THRESHOLD_M = 3;

export interface ElevationGain {
  add(eleM: number): void;
  readonly gainM: number;
}

/** A streaming elevation-gain accumulator (constant memory). */
export function createElevationGain(thresholdM = ELEVATION_THRESHOLD_M): ElevationGain {
  let anchor = Number.NaN;
  let gain = 0;
  return {
    add(eleM: number): void {
      if (!Number.isFinite(eleM)) return;
      if (Number.isNaN(anchor) || eleM < anchor) {
        anchor = eleM;
      } else if (eleM - anchor >= thresholdM) {
        gain += eleM - anchor;
        anchor = eleM;
      }
    },
    get gainM(): number {
      return gain;
    },
  };
}

/** Smoothed elevation gain, metres, of a series of elevations (missing values skipped). */
export function computeElevationGainM(
  elevationsM: readonly (number | undefined)[],
  thresholdM = ELEVATION_THRESHOLD_M,
): number {
  const acc = createElevationGain(thresholdM);
  for (const e of elevationsM) if (e !== undefined) acc.add(e);
  return acc.gainM;
}
