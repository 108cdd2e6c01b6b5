// What the benchmark scripts share: medians and percentiles, and a synthetic run without samples
// (summary numbers only) for seeding large histories fast.
import { readdirSync, readFileSync } from 'node:fs';
import type { Activity } from '../shared/activity/activity.ts';

/** The value after `name` on the command line (`--runs 5`), if given. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The nearest-rank percentile `p` (0–100). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** A `km` kilometre run at 6:00/km starting 07:00 UTC on `day`, without samples. */
export function syntheticRun(day: string, km: number): Activity {
  const movingS = km * 360;
  return {
    format: 'gpx',
    sport: 'run',
    startAt: new Date(`${day}T07:00:00Z`),
    samples: [],
    laps: [],
    intervals: [],
    summary: { distanceM: km * 1000, movingS, elapsedS: movingS, elevationGainM: 0 },
    warnings: [],
  };
}

/**
 * CPU seconds every PostgreSQL process on this machine has used so far: the live processes' own
 * time plus what the postmaster has collected from the backends that have exited (a connection
 * closed during a timed step still counts). Read from /proc (Linux); the difference of two readings
 * is the server's CPU between them, whichever connection did the work.
 */
export function postgresCpuSeconds(): number {
  const ticksPerSecond = 100; // USER_HZ, `getconf CLK_TCK`, on every Linux build this runs on
  const procs: { pid: number; ppid: number; fields: string[] }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while being read
    }
    // pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    procs.push({ pid: Number(entry), ppid: Number(fields[1]), fields });
  }
  const pids = new Set(procs.map((p) => p.pid));
  let ticks = 0;
  for (const p of procs) {
    // fields from "state": utime 11, stime 12, cutime 13, cstime 14.
    ticks += Number(p.fields[11]) + Number(p.fields[12]);
    if (!pids.has(p.ppid)) ticks += Number(p.fields[13]) + Number(p.fields[14]);
  }
  return ticks / ticksPerSecond;
}
