// An Apple Health export (export.zip: apple_health_export/export.xml and workout-routes/*.gpx) →
// its workouts as activities, and its daily resting heart rate and HRV. export.xml is streamed out
// of the ZIP twice (workouts and wellness first, then the heart rate inside each workout), so memory
// is bounded by what is kept, never by the file's size. Routes are read one workout at a time, as
// the caller iterates.
import { BadInputError } from '../../errors.ts';
import type { Activity } from '../activity.ts';
import type { ZipEntry } from '../zip/read-zip-directory.ts';
import { readZipEntry, streamZipEntry } from '../zip/read-zip-entry.ts';
import type { ZipBudget } from '../zip/zip-limits.ts';
import type { ZipSource } from '../zip/zip-source.ts';
import { appleWorkoutActivity, appleWorkoutLabel } from './apple-workout-activity.ts';
import { createHeartRateCollector, type HeartRateSeries } from './collect-heart-rates.ts';
import {
  createHealthXmlScanner,
  type AppleWorkout,
  type WellnessDay,
  type XmlStream,
} from './scan-health-xml.ts';

export interface AppleWorkoutResult {
  /** How the workout is named in results: its type and local start, e.g. "Running, 2019-05-01 07:12". */
  label: string;
  activity?: Activity;
  /** Why the workout could not be read, instead of an activity. */
  problem?: { reason: string; message: string };
}

export interface AppleHealthExport {
  /** Days with a resting heart rate or HRV, in date order. */
  wellness: WellnessDay[];
  warnings: string[];
  /** Workouts in export.xml, readable or not: what workouts() will yield. */
  workoutCount: number;
  /** One result per workout, in the file's order, each built (its route read) when reached. */
  workouts(): Generator<AppleWorkoutResult>;
}

/** The export.xml of an Apple Health export among a ZIP's entries, if there is one. */
export function findAppleHealthXml(entries: readonly ZipEntry[]): ZipEntry | undefined {
  return (
    entries.find((e) => /(^|\/)apple_health_export\/export\.xml$/i.test(e.name)) ??
    entries.find((e) => /^export\.xml$/i.test(e.name))
  );
}

function streamInto(source: ZipSource, entry: ZipEntry, budget: ZipBudget, xml: XmlStream): void {
  streamZipEntry(source, entry, budget, (chunk) => xml.push(chunk));
  xml.end();
}

export function readAppleHealthExport(
  source: ZipSource,
  entries: readonly ZipEntry[],
  budget: ZipBudget,
): AppleHealthExport {
  const xmlEntry = findAppleHealthXml(entries);
  if (xmlEntry === undefined) {
    throw new BadInputError('apple_no_export_xml', 'no apple_health_export/export.xml in the ZIP');
  }
  const withName = (err: unknown): never => {
    if (err instanceof BadInputError) {
      throw new BadInputError(err.reason, `${xmlEntry.name}: ${err.message}`, { cause: err });
    }
    throw err;
  };
  const scanner = createHealthXmlScanner();
  try {
    streamInto(source, xmlEntry, budget, scanner);
  } catch (err) {
    withName(err);
  }
  const scan = scanner.result();
  let heartRates: HeartRateSeries[] = [];
  if (scan.workouts.length > 0) {
    const collector = createHeartRateCollector(scan.workouts);
    try {
      streamInto(source, xmlEntry, budget, collector);
    } catch (err) {
      withName(err);
    }
    heartRates = collector.result();
  }

  // Routes are named relative to the folder that holds export.xml: "/workout-routes/x.gpx".
  const dir = xmlEntry.name.slice(0, xmlEntry.name.length - 'export.xml'.length);
  const routes = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (e.name.startsWith(dir) && /^workout-routes\/[^/]+\.gpx$/i.test(e.name.slice(dir.length))) {
      routes.set(`/${e.name.slice(dir.length)}`, e);
    }
  }
  const used = new Set(
    scan.workouts.flatMap((w) => (w.routePath === undefined ? [] : [w.routePath])),
  );
  const unused = [...routes.keys()].filter((p) => !used.has(p)).length;
  const warnings =
    unused > 0
      ? [`${unused} route file${unused === 1 ? '' : 's'} named by no workout: not read`]
      : [];

  function* workouts(): Generator<AppleWorkoutResult> {
    const byIndex = new Map<number, { w: AppleWorkout; hr: HeartRateSeries }>();
    scan.workouts.forEach((w, i) =>
      byIndex.set(w.index, { w, hr: heartRates[i] ?? { t: [], bpm: [] } }),
    );
    const skipped = new Map(scan.skipped.map((s) => [s.index, s]));
    for (let index = 0; index < byIndex.size + skipped.size; index++) {
      const bad = skipped.get(index);
      if (bad !== undefined) {
        yield { label: bad.label, problem: { reason: bad.reason, message: bad.message } };
        continue;
      }
      const { w, hr } = byIndex.get(index) as { w: AppleWorkout; hr: HeartRateSeries };
      yield workoutResult(w, hr);
    }
  }

  function workoutResult(w: AppleWorkout, hr: HeartRateSeries): AppleWorkoutResult {
    const label = appleWorkoutLabel(w);
    const routeEntry = w.routePath === undefined ? undefined : routes.get(w.routePath);
    try {
      let route: Uint8Array | undefined;
      let routeProblem: BadInputError | undefined;
      if (routeEntry !== undefined) {
        try {
          route = readZipEntry(source, routeEntry, budget);
        } catch (err) {
          // A damaged route file costs the track, not the workout; a broken cap stops the export.
          if (!(err instanceof BadInputError) || err.reason !== 'zip_corrupt') throw err;
          routeProblem = err;
        }
      }
      return { label, activity: appleWorkoutActivity(w, hr, route, routeProblem) };
    } catch (err) {
      if (!(err instanceof BadInputError) || err.reason.startsWith('zip_')) throw err;
      return { label, problem: { reason: err.reason, message: err.message } };
    }
  }

  return {
    wellness: scan.wellness,
    warnings,
    workoutCount: scan.workouts.length + scan.skipped.length,
    workouts,
  };
}
