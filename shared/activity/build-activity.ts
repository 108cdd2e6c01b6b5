// The last step shared by the file parsers: cleaned samples and file metadata → one Activity.
import type { Activity, ActivityWarning, Lap, SourceFormat, Sport } from './activity.ts';
import type { CleanResult } from './clean.ts';
import { detectIntervals } from './intervals.ts';
import { attachColumns, SampleColumns } from './sample-columns.ts';
import { isOnFootSport } from './sport.ts';

export interface ActivityMeta {
  format: SourceFormat;
  sport: Sport;
  name?: string;
  device?: string;
  laps?: Lap[];
  /** Overrides the cleaned track's numbers where the device recorded better ones. */
  distanceM?: number;
  warnings?: string[];
  fileWarnings?: ActivityWarning[];
}

export function buildActivity(clean: CleanResult, meta: ActivityMeta): Activity {
  // The cleaner's columns when it kept them; else the samples as they are.
  const columns = clean.columns ?? SampleColumns.fromSamples(clean.samples);
  const activity = {
    format: meta.format,
    sport: meta.sport,
    startAt: new Date(clean.startMs),
    laps: meta.laps ?? [],
    // Work/rest bouts are a running concept (science.md §6); rides and swims keep their laps only.
    intervals: isOnFootSport(meta.sport) ? detectIntervals(columns) : [],
    summary: { ...clean.summary },
    warnings: [...(meta.warnings ?? []), ...clean.warnings],
  } as Activity;
  attachColumns(activity, columns);
  if (meta.distanceM !== undefined) activity.summary.distanceM = meta.distanceM;
  if (meta.name !== undefined) activity.name = meta.name;
  if (meta.device !== undefined) activity.device = meta.device;
  for (const w of meta.fileWarnings ?? []) addFileWarning(activity, w);
  return activity;
}

/** Attach a file warning to an activity: with its code, and its message among the warnings shown. */
export function addFileWarning(activity: Activity, warning: ActivityWarning): void {
  const list = (activity.fileWarnings ??= []);
  list.push(warning);
  // File warnings come first, in the order they were found: they matter more than cleaning notes.
  activity.warnings.splice(list.length - 1, 0, warning.message);
}
