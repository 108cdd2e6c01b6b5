// The canonical Activity: every source (GPX, TCX, FIT, Strava streams) is parsed into this one
// shape, so that cleaning, metrics and storage never care where a run came from.
import type { SampleColumns } from './sample-columns.ts';

/** Sports as Hipcheck groups them. Running sports feed the run pipeline; the rest is cross-training. */
export type Sport =
  | 'run'
  | 'trail_run'
  | 'treadmill_run'
  | 'walk'
  | 'hike'
  | 'ride'
  | 'swim'
  | 'elliptical'
  | 'rowing'
  | 'strength'
  | 'other';

export type SourceFormat = 'gpx' | 'tcx' | 'fit' | 'strava' | 'apple_health';

/** One recorded point. `t` is milliseconds since the Unix epoch (UTC). */
export interface Sample {
  t: number;
  lat?: number;
  lon?: number;
  eleM?: number;
  hrBpm?: number;
  /** Steps per minute (both feet), whatever the device recorded (FIT/TCX often store one foot). */
  cadenceSpm?: number;
  /** Cumulative distance from the start, metres. */
  distanceM?: number;
  speedMps?: number;
}

export interface Lap {
  /** Seconds from the activity start. */
  startS: number;
  durationS: number;
  distanceM: number;
  avgHrBpm?: number;
  trigger?: string;
}

export interface Interval {
  kind: 'work' | 'rest';
  /** Seconds from the activity start. */
  startS: number;
  durationS: number;
  distanceM: number;
}

/**
 * Something about how a file was read that the runner must see with the activity and in the import
 * results: damage recovered from, points skipped, a file split into several activities.
 */
export interface ActivityWarning {
  /** Machine-readable, e.g. 'fit_ends_early'. */
  code: string;
  message: string;
  /** Seconds from the activity's start the warning refers to (where a damaged file ends). */
  atS?: number;
}

export interface ActivitySummary {
  distanceM: number;
  movingS: number;
  elapsedS: number;
  elevationGainM: number;
  avgHrBpm?: number;
  maxHrBpm?: number;
}

export interface Activity {
  format: SourceFormat;
  sport: Sport;
  name?: string;
  device?: string;
  startAt: Date;
  /**
   * The samples as objects. A parsed file's activity makes them from `columns` only when something
   * reads them: storing, inspecting and the load metrics read the columns instead.
   */
  samples: Sample[];
  /** The same samples column by column (typed arrays), where a parser produced them so. */
  columns?: SampleColumns;
  laps: Lap[];
  intervals: Interval[];
  summary: ActivitySummary;
  /**
   * Everything to show with the activity, in words: what cleaning changed or doubted (dropped GPS
   * spikes, zero heart rates, ...) and the message of every file warning.
   */
  warnings: string[];
  /** The warnings about how the file was read, with codes (their messages are in `warnings` too). */
  fileWarnings?: ActivityWarning[];
}

const RUNNING: ReadonlySet<Sport> = new Set(['run', 'trail_run', 'treadmill_run']);

/** Whether a sport counts toward running distance (science.md §1: cross-training does not). */
export function isRunningSport(sport: Sport): boolean {
  return RUNNING.has(sport);
}
