// `hipcheck inspect FILE… [--json]`: parse activity files and export ZIPs without a database and
// print, per activity, a summary or the error (design.md, "Interfaces others rely on"). A file
// holding several activities (a multisport FIT) prints one per session; an export ZIP (Strava,
// Apple Health, Garmin, or a plain ZIP of activity files) one per file or workout it holds, then a
// summary of the export. Exit 0 when everything parsed.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Activity, ActivityWarning } from '#shared/activity/activity';
import type { WellnessDay } from '#shared/activity/apple-health/scan-health-xml';
import { formatClock } from '#shared/activity/format-clock';
import { createActivityFileReader } from '#shared/activity/parse-activity-file';
import { readExport, type ExportItemResult } from '#shared/activity/read-export';
import { activityTimeRange } from '#shared/activity/plausible-time';
import { isZip } from '#shared/activity/zip/zip-source';
import { zipSourceOfFile } from '#services/ingest/zip-source-of-file';
import { BadInputError } from '#shared/errors';

/** Points of an activity, without making an object of each when the parser kept columns. */
const sampleCount = (a: Activity) => a.columns?.length ?? a.samples.length;

export interface InspectIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: hipcheck inspect FILE… [--json]\n';

const EXPORT_NAMES = {
  apple_health: 'Apple Health export',
  garmin: 'Garmin Connect export',
  strava: 'Strava export',
  activity_files: 'ZIP of activity files',
} as const;

/** Where an activity sits: the file, the entry inside an export, the session of a multisport file. */
interface Place {
  file: string;
  entry?: string;
  session?: number;
  sessions?: number;
}

type Line =
  | { place: Place; ok: true; activity: Activity; warnings: ActivityWarning[] }
  | { place: Place; ok: false; code: string; message: string };

interface ExportSummary {
  file: string;
  kind: keyof typeof EXPORT_NAMES;
  items: number;
  activities: number;
  failed: number;
  warnings: string[];
  wellness: WellnessDay[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function placeJson(p: Place): Record<string, unknown> {
  const o: Record<string, unknown> = { file: p.file };
  if (p.entry !== undefined) o.entry = p.entry;
  if (p.sessions !== undefined && p.sessions > 1) {
    o.session = p.session;
    o.sessions = p.sessions;
  }
  return o;
}

function lineJson(l: Line): Record<string, unknown> {
  if (!l.ok)
    return { ...placeJson(l.place), ok: false, error: { code: l.code, message: l.message } };
  const a = l.activity;
  return {
    ...placeJson(l.place),
    ok: true,
    sport: a.sport,
    startAt: a.startAt.toISOString(),
    points: sampleCount(a),
    distanceM: round1(a.summary.distanceM),
    movingS: round1(a.summary.movingS),
    elapsedS: round1(a.summary.elapsedS),
    elevationGainM: round1(a.summary.elevationGainM),
    avgHrBpm: a.summary.avgHrBpm === undefined ? null : round1(a.summary.avgHrBpm),
    laps: a.laps.length,
    intervals: a.intervals.map((i) => ({
      kind: i.kind,
      startS: round1(i.startS),
      durationS: round1(i.durationS),
      distanceM: round1(i.distanceM),
    })),
    warnings: l.warnings,
  };
}

function placeText(p: Place): string {
  const entry = p.entry === undefined ? '' : ` › ${p.entry}`;
  const session = p.sessions !== undefined && p.sessions > 1 ? ` [${p.session}/${p.sessions}]` : '';
  return `${p.file}${entry}${session}`;
}

function lineText(l: Line): string {
  if (!l.ok) return `${placeText(l.place)}: error ${l.code}: ${l.message}\n`;
  const a = l.activity;
  const s = a.summary;
  const work = a.intervals.filter((i) => i.kind === 'work').length;
  const parts = [
    `${(s.distanceM / 1000).toFixed(2)} km`,
    `moving ${formatClock(s.movingS)}`,
    `elapsed ${formatClock(s.elapsedS)}`,
    `gain ${Math.round(s.elevationGainM)} m`,
    s.avgHrBpm === undefined ? 'no heart rate' : `avg HR ${Math.round(s.avgHrBpm)} bpm`,
    `${a.laps.length} laps`,
    `${work} work bouts`,
  ];
  // The file's warnings first, with their codes; then what cleaning noted.
  const fileMessages = new Set(l.warnings.map((w) => w.message));
  const lines = [
    `${placeText(l.place)}: ${a.sport}${a.name ? ` "${a.name}"` : ''}, ${a.startAt.toISOString()}, ${sampleCount(a)} points${a.device ? `, ${a.device}` : ''}`,
    `  ${parts.join(' · ')}`,
    ...l.warnings.map((w) => `  warning ${w.code}: ${w.message}`),
    ...a.warnings.filter((w) => !fileMessages.has(w)).map((w) => `  note: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

function range(values: number[], unit: string): string {
  const lo = Math.round(Math.min(...values));
  const hi = Math.round(Math.max(...values));
  return lo === hi ? `${lo} ${unit}` : `${lo}–${hi} ${unit}`;
}

function summaryText(x: ExportSummary): string {
  const lines = [
    `${x.file}: ${EXPORT_NAMES[x.kind]}: ${x.activities} activities from ${x.items} ${x.kind === 'apple_health' ? 'workouts' : 'files'}, ${x.failed} failed`,
    ...x.warnings.map((w) => `  note: ${w}`),
  ];
  if (x.wellness.length > 0) {
    const hr = x.wellness.flatMap((d) => (d.restingHrBpm === undefined ? [] : [d.restingHrBpm]));
    const hrv = x.wellness.flatMap((d) => (d.hrvSdnnMs === undefined ? [] : [d.hrvSdnnMs]));
    const first = x.wellness[0]?.date;
    const last = x.wellness[x.wellness.length - 1]?.date;
    const what = [
      hr.length > 0 ? `resting HR on ${hr.length} (${range(hr, 'bpm')})` : undefined,
      hrv.length > 0 ? `HRV (SDNN) on ${hrv.length} (${range(hrv, 'ms')})` : undefined,
    ].filter((w) => w !== undefined);
    lines.push(`  wellness: ${x.wellness.length} days, ${first} to ${last}: ${what.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

function summaryJson(x: ExportSummary): Record<string, unknown> {
  return {
    file: x.file,
    ok: x.failed === 0,
    export: x.kind,
    items: x.items,
    activities: x.activities,
    failed: x.failed,
    warnings: x.warnings,
    wellness: x.wellness.map((d) => ({
      date: d.date,
      restingHrBpm: d.restingHrBpm === undefined ? null : round1(d.restingHrBpm),
      hrvSdnnMs: d.hrvSdnnMs === undefined ? null : round1(d.hrvSdnnMs),
    })),
  };
}

function linesOf(place: Place, r: ExportItemResult): Line[] {
  if (!r.ok) return [{ place, ok: false, code: r.reason, message: r.message }];
  return r.activities.map((activity, i) => ({
    place: { ...place, session: i + 1, sessions: r.activities.length },
    ok: true,
    activity,
    // The file's own warnings once, with its first activity.
    warnings: [...(i === 0 ? r.warnings : []), ...(activity.fileWarnings ?? [])],
  }));
}

/** No athlete here: any time up to the end of tomorrow in the latest time zone (UTC+14). */
const timeRangeNow = () => activityTimeRange(Date.now());

interface Printer {
  line(l: Line): void;
  summary(x: ExportSummary): void;
  progress(text: string): void;
}

function failure(file: string, err: unknown): Line {
  if (err instanceof BadInputError) {
    return { place: { file }, ok: false, code: err.reason, message: err.message };
  }
  throw err;
}

function inspectExport(file: string, fd: number, out: Printer): boolean {
  const reading = readExport(zipSourceOfFile(fd), { parse: { timeRange: timeRangeNow() } });
  const summary: ExportSummary = {
    file,
    kind: reading.kind,
    items: 0,
    activities: 0,
    failed: 0,
    warnings: reading.warnings,
    wellness: reading.wellness,
  };
  for (const item of reading.items()) {
    summary.items++;
    out.progress(`${file} › ${item.entry}`);
    if (item.result.ok) summary.activities += item.result.activities.length;
    else summary.failed++;
    for (const l of linesOf({ file, entry: item.entry }, item.result)) out.line(l);
  }
  out.summary(summary);
  return summary.failed === 0;
}

async function inspectOne(file: string, out: Printer): Promise<boolean> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not_found' : 'unreadable';
    out.line({ place: { file }, ok: false, code, message: `${file}: ${(err as Error).message}` });
    return false;
  }
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    if (isZip(head)) return inspectExport(file, fd, out);
    // Read in chunks straight into the parser: a large GPX never sits in memory whole.
    const reader = createActivityFileReader(basename(file), { timeRange: timeRangeNow() });
    const chunk = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      reader.push(chunk.subarray(0, n));
    }
    const parsed = reader.end();
    for (const l of linesOf({ file }, { ok: true, ...parsed })) out.line(l);
    return true;
  } catch (err) {
    out.line(failure(file, err));
    return false;
  } finally {
    closeSync(fd);
  }
}

export async function inspectCommand(args: string[], io: InspectIo): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || files.length === 0) {
    io.stderr.write(unknown.length > 0 ? `unknown option: ${unknown.join(' ')}\n${USAGE}` : USAGE);
    return 1;
  }
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let failed = 0;
  for (const [i, file] of files.entries()) {
    const counter = `[${i + 1}/${files.length}]`;
    const printer: Printer = {
      line: (l) => io.stdout.write(json ? JSON.stringify(lineJson(l)) + '\n' : lineText(l)),
      summary: (x) =>
        io.stdout.write(json ? JSON.stringify(summaryJson(x)) + '\n' : summaryText(x)),
      progress: (text) => {
        if (tty) io.stderr.write(`\r\x1b[K${counter} parsing ${text}…`);
      },
    };
    printer.progress(file);
    if (!(await inspectOne(file, printer))) failed++;
    if (tty) io.stderr.write('\r\x1b[K');
  }
  return failed === 0 ? 0 : 1;
}
