// Activities as GET /api/activities and GET /api/activities/:id answer them.
import type { Interval, Lap, Sample } from '../activity/activity.ts';
import type { SessionComparison } from '../engine/compare-session.ts';

export type { Interval, Lap, Sample };

/** One activity of the list (GET /api/activities). */
export interface ActivityRow {
  id: string;
  source: 'file' | 'strava';
  sport: string;
  name: string | null;
  startAt: string;
  localDate: string;
  distanceM: number;
  movingS: number;
  elapsedS: number;
  elevationGainM: number;
  avgHrBpm: number | null;
  maxHrBpm: number | null;
  device: string | null;
  format: string;
  sampleCount: number;
}

/** A problem met while reading a file, in words for the athlete. */
export interface FileWarning {
  code: string;
  message: string;
}

/** GET /api/activities/:id. */
export interface ActivityDetail extends ActivityRow {
  laps: Lap[];
  intervals: Interval[];
  /** What cleaning changed or doubted. */
  warnings: string[];
  /** How the file was read (damage recovered from, points skipped), in the athlete's local time. */
  fileWarnings: FileWarning[];
  samples: Sample[];
  /** How the session compared with the stage's prescription of its day. */
  comparison: SessionComparison | null;
  /** The athlete's HRmax setting, for the time in heart-rate zones; null while not set. */
  athleteHrMaxBpm: number | null;
}

/** GET /api/metrics/weekly: running per Monday–Sunday week. */
export interface WeeklyRow {
  weekStart: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}
