// `hipcheck inspect FILE… [--json]`: parse activity files without a database and print, per file,
// a summary or the error (design.md, "Interfaces others rely on"). Exit 0 when every file parsed.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Activity } from '#shared/activity/activity';
import { parseActivityFile } from '#shared/activity/parse-activity-file';
import { BadInputError } from '#shared/errors';

export interface InspectIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = 'usage: hipcheck inspect FILE… [--json]\n';

type Outcome =
  | { file: string; ok: true; activity: Activity }
  | { file: string; ok: false; code: string; message: string };

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function toJson(o: Outcome): Record<string, unknown> {
  if (!o.ok) return { file: o.file, ok: false, error: { code: o.code, message: o.message } };
  const a = o.activity;
  return {
    file: o.file,
    ok: true,
    sport: a.sport,
    startAt: a.startAt.toISOString(),
    points: a.samples.length,
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
  };
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function toText(o: Outcome): string {
  if (!o.ok) return `${o.file}: error ${o.code}: ${o.message}\n`;
  const a = o.activity;
  const s = a.summary;
  const work = a.intervals.filter((i) => i.kind === 'work').length;
  const parts = [
    `${(s.distanceM / 1000).toFixed(2)} km`,
    `moving ${clock(s.movingS)}`,
    `elapsed ${clock(s.elapsedS)}`,
    `gain ${Math.round(s.elevationGainM)} m`,
    s.avgHrBpm === undefined ? 'no heart rate' : `avg HR ${Math.round(s.avgHrBpm)} bpm`,
    `${a.laps.length} laps`,
    `${work} work bouts`,
  ];
  const lines = [
    `${o.file}: ${a.sport}${a.name ? ` "${a.name}"` : ''}, ${a.startAt.toISOString()}, ${a.samples.length} points${a.device ? `, ${a.device}` : ''}`,
    `  ${parts.join(' · ')}`,
    ...a.warnings.map((w) => `  note: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

async function inspectOne(file: string): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not_found' : 'unreadable';
    return { file, ok: false, code, message: `${file}: ${(err as Error).message}` };
  }
  try {
    return { file, ok: true, activity: parseActivityFile(basename(file), bytes) };
  } catch (err) {
    if (err instanceof BadInputError)
      return { file, ok: false, code: err.reason, message: err.message };
    throw err;
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
    if (tty) io.stderr.write(`\r\x1b[K[${i + 1}/${files.length}] parsing ${file}…`);
    const outcome = await inspectOne(file);
    if (tty) io.stderr.write('\r\x1b[K');
    if (!outcome.ok) failed++;
    io.stdout.write(json ? JSON.stringify(toJson(outcome)) + '\n' : toText(outcome));
  }
  return failed === 0 ? 0 : 1;
}
