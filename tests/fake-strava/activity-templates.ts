// The tracks fake activities are made from: the team's real GPX/TCX files (../shared/data/activities;
// see the README beside this file for which ones), or a synthetic loop when that folder is absent.
import { readFileSync } from 'node:fs';
import { activityFile, hasSharedData } from '../support/shared-data.ts';
import { readTrack, type TrackPoint } from './track-reader.ts';

interface Template {
  source: string;
  timezone: string;
  kind: 'run' | 'ride';
  points: TrackPoint[];
}

const TEMPLATE_FILES: readonly [string, string, 'run' | 'ride'][] = [
  ['togeojson--run.gpx', 'America/New_York', 'run'],
  ['togeojson--Friday-Evening-Run.gpx', 'Europe/Amsterdam', 'run'],
  ['togeojson--run_gpxtpx.gpx', 'America/Los_Angeles', 'run'],
  ['togeojson--strava.gpx', 'Europe/Paris', 'run'],
  ['togeojson--sample.tcx', 'America/Los_Angeles', 'run'],
  ['togeojson--tour_hr.tcx', 'Europe/Zurich', 'ride'],
];

/** A 20-minute loop in Amsterdam at 3 m/s with heart rate, one point every 5 s. */
function syntheticTrack(kind: 'run' | 'ride'): TrackPoint[] {
  const speed = kind === 'run' ? 3 : 7;
  const n = 241;
  const r = (speed * 5 * (n - 1)) / (2 * Math.PI);
  const t0 = Date.UTC(2024, 0, 1, 7, 0, 0);
  const points: TrackPoint[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / (n - 1);
    points.push({
      t: t0 + i * 5000,
      lat: 52.37 + ((r * Math.sin(a)) / 6_371_000) * (180 / Math.PI),
      lon:
        4.89 +
        ((r * (1 - Math.cos(a))) / (6_371_000 * Math.cos((52.37 * Math.PI) / 180))) *
          (180 / Math.PI),
      eleM: 2 + 3 * Math.sin(3 * a),
      hrBpm: Math.round(120 + 35 * (i / (n - 1))),
      cadence: kind === 'run' ? 84 + (i % 4) : 80 + (i % 7),
    });
  }
  return points;
}

let templates: Template[] | undefined;

/** The real tracks when ../shared/data is present, a synthetic loop otherwise. */
export function loadTemplates(): Template[] {
  if (templates) return templates;
  const loaded: Template[] = [];
  if (hasSharedData) {
    for (const [file, timezone, kind] of TEMPLATE_FILES) {
      try {
        const track = readTrack(readFileSync(activityFile(file), 'utf8'));
        if (track.points.length >= 2)
          loaded.push({ source: file, timezone, kind, points: track.points });
      } catch {
        // A missing sample file only narrows the variety.
      }
    }
  }
  if (!loaded.some((t) => t.kind === 'run')) {
    loaded.push({
      source: 'synthetic',
      timezone: 'Europe/Amsterdam',
      kind: 'run',
      points: syntheticTrack('run'),
    });
  }
  if (!loaded.some((t) => t.kind === 'ride')) {
    loaded.push({
      source: 'synthetic',
      timezone: 'Europe/Amsterdam',
      kind: 'ride',
      points: syntheticTrack('ride'),
    });
  }
  templates = loaded;
  return loaded;
}

export function readTrackFile(file: string): TrackPoint[] {
  return readTrack(readFileSync(activityFile(file), 'utf8')).points;
}
