// The fake Strava's activities: what one is (a Strava activity with its points) and what a test
// may give to make one. Built by build-points.ts from the team's real GPX/TCX files
// (../shared/data/activities, activity-templates.ts) or a synthetic loop, shaped per sport
// (sport-shapes.ts), and rendered as Strava's JSON by activity-json.ts and streams-json.ts.
import type { SportType } from 'strava-v3';
import type { TrackPoint } from './track-reader.ts';

export type { SportType };

/** One point of an activity, as the fake serves it. `s`: whole seconds from the start. */
export interface StreamPoint {
  s: number;
  lat?: number;
  lon?: number;
  eleM?: number;
  hrBpm?: number;
  cadence?: number;
  distanceM: number;
  speedMps: number;
  moving: boolean;
}

export interface FakeActivity {
  id: number;
  athleteId: number;
  name: string;
  sportType: SportType;
  startDate: Date;
  /** IANA zone, e.g. 'Europe/Amsterdam'. */
  timezone: string;
  deviceName?: string;
  description?: string;
  private: boolean;
  trainer: boolean;
  /** A manual entry: no recording (no points, no streams), only these summary numbers. */
  manual?: { distanceM: number; elapsedS: number };
  points: StreamPoint[];
  /** Which file (or 'synthetic') the points came from. */
  source: string;
  externalId: string;
}

export interface ActivityInput {
  name?: string;
  sportType?: SportType;
  /** Default: one hour ago. */
  startDate?: Date;
  timezone?: string;
  deviceName?: string;
  description?: string;
  private?: boolean;
  /** Absolute track points (shifted to startDate). Default: a template chosen by sport. */
  track?: TrackPoint[];
  /** A file name in ../shared/data/activities to take the track from. */
  file?: string;
  /** On a trainer or treadmill (Strava's `trainer`): no GPS. Default: by sport (VirtualRun). */
  trainer?: boolean;
  /** Entered by hand on Strava: no recording, only a distance and a time. */
  manual?: { distanceM: number; elapsedS: number };
}
