// GPX files for the parse benchmarks, written in chunks so that a 100 MB file never sits in memory:
// a steady run at 1 Hz with heart rate, cadence and a gentle elevation swing.
import { appendFileSync, writeFileSync } from 'node:fs';
import { gpxChunks, planPoints, steadyPlan } from '../tests/fixtures/generate-activity.ts';

/** A day (86,400 s) at 1 Hz: about 20 MB. */
export const DAY_S = 86_400;
/** About 221 bytes a point: 460,000 points make a little over 100 MB. */
export const HUNDRED_MB_S = 460_000;

export function writeGpx(path: string, durationS: number): void {
  writeFileSync(path, '');
  for (const chunk of gpxChunks(planPoints(steadyPlan(durationS, 3), { eleSwingM: 4 }), {
    type: 'running',
  })) {
    appendFileSync(path, chunk);
  }
}
