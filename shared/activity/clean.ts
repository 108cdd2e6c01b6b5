// Cleaning, one sample at a time so that a parser can stream a file of any size through it:
// - points without a time are dropped; when most have none the file is a route → 'no_timestamps';
// - zero and backward time steps are dropped (duplicates, clock hiccups);
// - GPS spikes, points reached at an impossible speed and left again at once, are dropped; a jump
//   that the following points confirm is a relocation: kept, but no distance counted across it;
// - heart rates of 0 or outside 25–250 bpm are removed (strap contact lost), other fields kept;
// - time gaps over `maxGapS` and slow steps count as paused, so moving time excludes them;
// - missing elevation or heart rate on some points stays missing: nothing is invented.
import { BadInputError } from '../errors.ts';
import type { ActivitySummary, Sample } from './activity.ts';
import { createElevationGain } from './elevation.ts';
import { haversineM } from './geo.ts';
import { attachColumns, SampleColumns } from './sample-columns.ts';

export interface CleanOptions {
  /** Keep the cleaned samples (false: summary only, constant memory). Default true. */
  keepSamples?: boolean;
  /** A step faster than this is a GPS spike. Default 12 m/s (on foot). */
  maxSpeedMps?: number;
  /** Slower than this counts as paused. Default 0.5 m/s. */
  pauseSpeedMps?: number;
  /** A step longer than this is a time jump and counts as paused. Default 60 s. */
  maxGapS?: number;
  /** Window over which GPS displacement is measured to tell moving from standing. Default 10 s. */
  movingWindowS?: number;
  elevationThresholdM?: number;
}

export interface CleanResult {
  /** The kept samples as objects, made from `columns` when first read. */
  samples: Sample[];
  /** The kept samples, column by column (empty when keepSamples is false). */
  columns?: SampleColumns;
  /** Points kept after cleaning. */
  points: number;
  startMs: number;
  endMs: number;
  /** Haversine length of the kept track, segments not joined. */
  trackDistanceM: number;
  /** Last device-recorded cumulative distance, where the samples carry one. */
  deviceDistanceM?: number;
  summary: ActivitySummary;
  warnings: string[];
}

export interface SampleCleaner {
  /**
   * Feed the next sample in file order (it may be modified). `newSegment`: no distance is measured
   * from the previous point (a new GPX <trkseg>, a resumed timer). `t` NaN marks a point with no time.
   */
  add(sample: Sample, newSegment?: boolean): void;
  finish(): CleanResult;
}

interface Counts {
  noTime: number;
  zeroSteps: number;
  backSteps: number;
  spikes: number;
  relocations: number;
  gaps: number;
  badHr: number;
  badEle: number;
  badCadence: number;
}

export function createSampleCleaner(options: CleanOptions = {}): SampleCleaner {
  const keep = options.keepSamples ?? true;
  const maxSpeed = options.maxSpeedMps ?? 12;
  const pauseSpeed = options.pauseSpeedMps ?? 0.5;
  const maxGapMs = (options.maxGapS ?? 60) * 1000;
  const windowMs = (options.movingWindowS ?? 10) * 1000;
  const gain = createElevationGain(options.elevationThresholdM);
  const columns = new SampleColumns(keep ? 1024 : 1);
  const c: Counts = {
    noTime: 0,
    zeroSteps: 0,
    backSteps: 0,
    spikes: 0,
    relocations: 0,
    gaps: 0,
    badHr: 0,
    badEle: 0,
    badCadence: 0,
  };
  let raw = 0;
  let kept = 0;
  let first: Sample | undefined;
  let last: Sample | undefined;
  let pending: Sample | undefined;
  let trackM = 0;
  let movingMs = 0;
  let deviceM: number | undefined;
  let eleCount = 0;
  let hrCount = 0;
  let hrSum = 0;
  let hrMax = 0;
  // Recent positions, to measure displacement over the moving window.
  let wT: number[] = [];
  let wLat: number[] = [];
  let wLon: number[] = [];
  let wHead = 0;

  // The step from the last point to a new one is measured when it is checked for a spike and again
  // when it is accepted: the second time reads the first's result.
  let stepFrom: Sample | undefined;
  let stepTo: Sample | undefined;
  let stepM = 0;
  function stepDistanceM(a: Sample, b: Sample): number {
    if (a !== stepFrom || b !== stepTo) {
      stepFrom = a;
      stepTo = b;
      stepM = haversineM(a.lat as number, a.lon as number, b.lat as number, b.lon as number);
    }
    return stepM;
  }

  function isFast(a: Sample, b: Sample): boolean {
    if (a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined) {
      return false;
    }
    return stepDistanceM(a, b) > (maxSpeed * (b.t - a.t)) / 1000;
  }

  function sanitise(s: Sample): void {
    if (s.hrBpm !== undefined && !(s.hrBpm >= 25 && s.hrBpm <= 250)) {
      delete s.hrBpm;
      c.badHr++;
    }
    if (s.eleM !== undefined && !(s.eleM >= -500 && s.eleM <= 9000)) {
      delete s.eleM;
      c.badEle++;
    }
    if (s.cadenceSpm !== undefined && !(s.cadenceSpm >= 0 && s.cadenceSpm <= 400)) {
      delete s.cadenceSpm;
      c.badCadence++;
    }
    if (s.speedMps !== undefined && !(s.speedMps >= 0)) delete s.speedMps;
    if (s.distanceM !== undefined && !(s.distanceM >= 0)) delete s.distanceM;
  }

  function windowSpeed(s: Sample): number | undefined {
    if (s.lat === undefined || s.lon === undefined) return undefined;
    wT.push(s.t);
    wLat.push(s.lat);
    wLon.push(s.lon);
    const from = s.t - windowMs;
    while (wHead + 1 < wT.length - 1 && (wT[wHead + 1] as number) <= from) wHead++;
    if (wHead > 4096) {
      wT = wT.slice(wHead);
      wLat = wLat.slice(wHead);
      wLon = wLon.slice(wHead);
      wHead = 0;
    }
    const n = wT.length - 1;
    if (wHead >= n) return undefined;
    const spanMs = s.t - (wT[wHead] as number);
    const d = haversineM(wLat[wHead] as number, wLon[wHead] as number, s.lat, s.lon);
    return (d * 1000) / spanMs;
  }

  function resetWindow(): void {
    wT = [];
    wLat = [];
    wLon = [];
    wHead = 0;
  }

  function accept(s: Sample, noDistance: boolean): void {
    const deviceSpeed = s.speedMps;
    if (first === undefined) first = s;
    if (noDistance || (last !== undefined && s.t - last.t > maxGapMs)) resetWindow();
    const vWindow = windowSpeed(s);
    if (last !== undefined) {
      const dtMs = s.t - last.t;
      let d = 0;
      const positioned =
        s.lat !== undefined &&
        s.lon !== undefined &&
        last.lat !== undefined &&
        last.lon !== undefined;
      if (!noDistance && positioned) {
        d = stepDistanceM(last, s);
        trackM += d;
      }
      if (dtMs > maxGapMs) c.gaps++;
      if (!noDistance && dtMs <= maxGapMs) {
        // Device speed when recorded; else the step's speed, confirmed by the displacement over the
        // window so that GPS jitter while standing still does not count as moving.
        let moving: boolean;
        if (deviceSpeed !== undefined) moving = deviceSpeed >= pauseSpeed;
        else if (positioned)
          moving = (d * 1000) / dtMs >= pauseSpeed && (vWindow ?? pauseSpeed) >= pauseSpeed;
        else if (s.distanceM !== undefined && last.distanceM !== undefined) {
          moving = ((s.distanceM - last.distanceM) * 1000) / dtMs >= pauseSpeed;
        } else moving = true;
        if (moving) movingMs += dtMs;
      }
      if (s.speedMps === undefined && positioned && !noDistance) s.speedMps = (d * 1000) / dtMs;
    }
    if (s.distanceM !== undefined) deviceM = s.distanceM;
    else s.distanceM = deviceM ?? trackM;
    if (s.eleM !== undefined) {
      gain.add(s.eleM);
      eleCount++;
    }
    if (s.hrBpm !== undefined) {
      hrCount++;
      hrSum += s.hrBpm;
      if (s.hrBpm > hrMax) hrMax = s.hrBpm;
    }
    kept++;
    last = s;
    if (keep) columns.push(s);
  }

  function add(s: Sample, newSegment = false): void {
    raw++;
    if (!Number.isFinite(s.t)) {
      c.noTime++;
      return;
    }
    sanitise(s);
    const latest = pending ?? last;
    if (latest !== undefined && s.t <= latest.t) {
      if (s.t === latest.t) c.zeroSteps++;
      else c.backSteps++;
      return;
    }
    if (pending !== undefined) {
      const p = pending;
      pending = undefined;
      if (newSegment || last === undefined || !isFast(last, s)) {
        c.spikes++; // p stood alone: s is back where the track was
      } else if (!isFast(p, s)) {
        c.relocations++; // the track really moved on: keep p, but no distance across the jump
        accept(p, true);
      } else {
        c.spikes++;
      }
    }
    if (last !== undefined && !newSegment && isFast(last, s)) {
      pending = s;
      return;
    }
    accept(s, newSegment);
  }

  function finish(): CleanResult {
    if (pending !== undefined) {
      c.spikes++;
      pending = undefined;
    }
    if (c.noTime > 0 && c.noTime * 2 >= raw) {
      throw new BadInputError(
        'no_timestamps',
        `${c.noTime} of ${raw} points have no time: this is a route, not a recorded activity, so it cannot count as training`,
      );
    }
    if (first === undefined || last === undefined) {
      throw new BadInputError('no_points', 'no recorded points with a time and a place');
    }
    if (last.t === first.t) {
      throw new BadInputError(
        'too_short',
        'all points share one time: there is no recorded movement to measure',
      );
    }
    const warnings: string[] = [];
    const note = (n: number, text: string) => {
      if (n > 0) warnings.push(`${n} ${text}`);
    };
    note(c.noTime, 'points without a time dropped');
    note(c.zeroSteps, 'points repeating the previous time dropped (zero time step)');
    note(c.backSteps, 'points going back in time dropped');
    note(c.spikes, `GPS spikes faster than ${maxSpeed} m/s dropped`);
    note(c.relocations, 'GPS jumps kept without counting distance across them');
    note(c.gaps, `time gaps longer than ${maxGapMs / 1000} s counted as paused`);
    note(c.badHr, 'heart-rate readings of 0 or outside 25–250 bpm removed');
    note(c.badEle, 'elevations outside −500…9000 m removed');
    note(c.badCadence, 'cadences outside 0–400 removed');
    if (eleCount === 0) warnings.push('no elevation data: elevation gain is 0');
    if (hrCount > 0 && hrCount < kept) warnings.push(`heart rate on ${hrCount} of ${kept} points`);
    const summary: ActivitySummary = {
      distanceM: deviceM ?? trackM,
      movingS: movingMs / 1000,
      elapsedS: (last.t - first.t) / 1000,
      elevationGainM: gain.gainM,
    };
    if (hrCount > 0) {
      summary.avgHrBpm = hrSum / hrCount;
      summary.maxHrBpm = hrMax;
    }
    const result = {
      points: kept,
      startMs: first.t,
      endMs: last.t,
      trackDistanceM: trackM,
      summary,
      warnings,
    } as CleanResult;
    if (deviceM !== undefined) result.deviceDistanceM = deviceM;
    attachColumns(result, columns.trim());
    return result;
  }

  return { add, finish };
}

/** Clean a whole array of samples at once (see createSampleCleaner). */
export function cleanSamples(samples: readonly Sample[], options?: CleanOptions): CleanResult {
  const cleaner = createSampleCleaner(options);
  for (const s of samples) cleaner.add({ ...s });
  return cleaner.finish();
}
