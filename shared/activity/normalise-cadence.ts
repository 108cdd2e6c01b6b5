// Activity files store on-foot cadence per foot (strides, "rpm"); Hipcheck uses steps per minute.
import type { Sample, Sport } from './activity.ts';
import { SampleColumns } from './sample-columns.ts';
import { isOnFootSport } from './sport.ts';

/**
 * Double per-foot cadence to steps per minute, in place, for on-foot sports. `perFoot: 'auto'`
 * (GPX, whose apps differ) doubles only when the median cadence is a per-foot value: below 120
 * for running (full step rates are 150–200) and below 80 for walking and hiking.
 */
export function normaliseCadence(
  samples: Sample[] | SampleColumns,
  sport: Sport,
  perFoot: true | 'auto',
): void {
  if (!isOnFootSport(sport)) return;
  if (samples instanceof SampleColumns) {
    normaliseColumns(samples, sport, perFoot);
    return;
  }
  if (perFoot === 'auto') {
    const values = samples.flatMap((s) => (s.cadenceSpm ? [s.cadenceSpm] : []));
    if (values.length === 0) return;
    values.sort((a, b) => a - b);
    const median = values[values.length >> 1] as number;
    const limit = sport === 'walk' || sport === 'hike' ? 80 : 120;
    if (median >= limit) return;
  }
  for (const s of samples) if (s.cadenceSpm !== undefined) s.cadenceSpm *= 2;
}

function normaliseColumns(c: SampleColumns, sport: Sport, perFoot: true | 'auto'): void {
  const cadence = c.cadenceSpm.subarray(0, c.length);
  if (perFoot === 'auto') {
    const values = cadence.filter((v) => v > 0);
    if (values.length === 0) return;
    values.sort();
    const median = values[values.length >> 1] as number;
    const limit = sport === 'walk' || sport === 'hike' ? 80 : 120;
    if (median >= limit) return;
  }
  for (let i = 0; i < cadence.length; i++) cadence[i] = (cadence[i] as number) * 2;
}
