// Where walking ends and running begins, by speed alone.

/**
 * Slower than this a stretch is walking or standing; faster, it is running. 2.0 m/s (7.2 km/h) is
 * about where people change from walking to running (the preferred walk-run transition speed,
 * ~1.9–2.1 m/s: Hreljac, J Biomech 1993;26:1081).
 */
export const WALK_MAX_MPS = 2.0;
