// A synthetic recorded session for the demo: 1 Hz samples around a 400 m-radius loop at the speeds
// of a list of segments (walk, run), heart rate following the effort. Deterministic: no clock, no
// randomness beyond a seeded generator, so the same story gives the same activities.
import type { Activity, Sample, Sport } from '#shared/activity/activity';
import { computeElevationGainM } from '#shared/activity/elevation';
import { detectIntervals } from '#shared/activity/intervals';

export interface DemoSegment {
  durationS: number;
  speedMps: number;
  hrBpm: number;
}

const EARTH_R = 6_371_008.8;
const DEG = 180 / Math.PI;
const LOOP_R = 400;

/** mulberry32: a small seeded generator, enough for believable heart-rate jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function buildDemoActivity(input: {
  startMs: number;
  sport: Sport;
  name: string;
  segments: readonly DemoSegment[];
  seed: number;
  lat0?: number;
  lon0?: number;
}): Activity {
  const random = seededRandom(input.seed);
  const lat0 = input.lat0 ?? 59.9139;
  const lon0 = input.lon0 ?? 10.7522;
  const samples: Sample[] = [];
  let distanceM = 0;
  let t = 0;
  let hr = input.segments[0]?.hrBpm ?? 100;
  let movingS = 0;
  for (const seg of input.segments) {
    for (let i = 0; i < seg.durationS; i++) {
      const speed = Math.max(0, seg.speedMps * (1 + (random() - 0.5) * 0.06));
      // Heart rate drifts toward the segment's level over ~30 s.
      hr += (seg.hrBpm - hr) / 30 + (random() - 0.5) * 1.5;
      const theta = distanceM / LOOP_R;
      samples.push({
        t: input.startMs + t * 1000,
        lat: lat0 + ((LOOP_R * Math.sin(theta)) / EARTH_R) * DEG,
        lon: lon0 + ((LOOP_R * (1 - Math.cos(theta))) / (EARTH_R * Math.cos(lat0 / DEG))) * DEG,
        eleM: 20 + 3 * Math.sin(theta),
        hrBpm: Math.round(hr),
        distanceM: Math.round(distanceM * 10) / 10,
        speedMps: Math.round(speed * 100) / 100,
      });
      if (speed > 0.5) movingS += 1;
      distanceM += speed;
      t += 1;
    }
  }
  const hrs = samples.map((s) => s.hrBpm ?? 0);
  const avgHr = hrs.reduce((a, b) => a + b, 0) / Math.max(1, hrs.length);
  return {
    format: 'gpx',
    sport: input.sport,
    name: input.name,
    device: 'Hipcheck demo',
    startAt: new Date(input.startMs),
    samples,
    laps: [],
    intervals: input.sport === 'walk' ? [] : detectIntervals(samples),
    summary: {
      distanceM: Math.round(distanceM),
      movingS,
      elapsedS: t,
      // The same count as an imported file's, from the loop's gentle hills.
      elevationGainM: Math.round(computeElevationGainM(samples.map((s) => s.eleM))),
      avgHrBpm: Math.round(avgHr),
      maxHrBpm: Math.max(...hrs),
    },
    warnings: [],
  };
}

const WALK = { speedMps: 1.5, hrBpm: 105 };
const EASY = { speedMps: 2.8, hrBpm: 145 };

/** A walk of `minutes`. */
export const walkSegments = (minutes: number): DemoSegment[] => [
  { durationS: minutes * 60, ...WALK },
];

/** `repeats` × (run `runMin` / walk `walkMin`), with a 3-minute walk to warm up. */
export function walkRunSegments(runMin: number, walkMin: number, repeats: number): DemoSegment[] {
  const out: DemoSegment[] = [{ durationS: 180, ...WALK }];
  for (let i = 0; i < repeats; i++) {
    out.push({ durationS: runMin * 60, ...EASY });
    if (walkMin > 0) out.push({ durationS: walkMin * 60, ...WALK });
  }
  return out;
}

/** A continuous easy run of `minutes`, after a 3-minute walk. */
export const easyRunSegments = (minutes: number, speedMps = EASY.speedMps): DemoSegment[] => [
  { durationS: 180, ...WALK },
  { durationS: minutes * 60, speedMps, hrBpm: EASY.hrBpm },
];
