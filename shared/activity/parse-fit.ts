// FIT activity → Activities, one per session: a multisport file (a triathlon, a brick) holds a
// session per leg, and each becomes its own activity (transitions are not training and are left
// out). Records become samples, laps stay as recorded, the session gives the sport and the device's
// totals. A session without a usable track (a pool swim: lengths, no GPS, often no per-record
// timestamps) is an activity of its session's totals. A damaged file (cut short, or failing its
// CRC) gives its sound records with a warning, unless too little is left to count.
import { BadInputError } from '../errors.ts';
import { isRunningSport, type Activity, type ActivityWarning, type Sport } from './activity.ts';
import { addFileWarning, buildActivity } from './build-activity.ts';
import type { FitDamage } from './decode-fit.ts';
import { buildSummaryActivity } from './build-summary-activity.ts';
import { createSampleCleaner, type CleanOptions } from './clean.ts';
import { formatClock } from './format-clock.ts';
import { normaliseCadence } from './normalise-cadence.ts';
import { SampleColumns } from './sample-columns.ts';
import { checkActivityTimes, type TimeRange } from './plausible-time.ts';
import {
  readFitMessages,
  type FitLap,
  type FitLength,
  type FitMessages,
  type FitRecord,
  type FitSession,
} from './read-fit-messages.ts';
import { maxSpeedMpsOf, sportOfFit } from './sport.ts';

export interface FitOptions {
  defaultSport?: Sport;
  clean?: Omit<CleanOptions, 'keepSamples'>;
  /** When a recorded session may be (plausible-time.ts): one outside it refuses the file. */
  timeRange?: TimeRange;
}

export interface FitActivities {
  /** In the order they happened. */
  activities: Activity[];
  /** About the file as a whole (transitions left out, records that fit no session). */
  warnings: ActivityWarning[];
}

/** A damaged file must keep at least this much recorded time, in seconds, to count at all. */
export const MIN_RECOVERED_S = 60;

const TRANSITION = 3;
/** Records outside a session but this close to one (ms) belong to it. */
const OUTSIDE_SESSION_MS = 60_000;

interface Leg {
  session?: FitSession;
  records: FitRecord[];
  laps: FitLap[];
  lengths: FitLength[];
}

/** Every activity of a FIT file, one per session. */
export function parseFitSessions(bytes: Uint8Array, options: FitOptions = {}): FitActivities {
  const m = readFitMessages(bytes, { recover: true });
  if (m.fileType !== undefined && m.fileType !== 4) {
    throw new BadInputError(
      'fit_not_activity',
      `this FIT file is of type ${m.fileType} (settings, course, ...), not an activity (type 4)`,
    );
  }
  const warnings: ActivityWarning[] = [];
  const transitions = m.sessions.filter((s) => s.sport === TRANSITION);
  const legs = legsOf(m, warnings);
  if (transitions.length > 0) {
    const s = transitions.reduce((sum, t) => sum + (t.elapsedS ?? 0), 0);
    warnings.push({
      code: 'fit_transitions_skipped',
      message: `${transitions.length} transition${transitions.length === 1 ? '' : 's'} between sports (${formatClock(s)} in all) not counted as training`,
    });
  }
  let activities: Activity[];
  try {
    activities = legs.map((leg) => activityOfLeg(leg, m, options));
  } catch (err) {
    // Too little before the damage to make an activity: the damage is the reason, not the rest.
    if (m.damage === undefined || !(err instanceof BadInputError)) throw err;
    throw refusal(m.damage, 'nothing usable was recorded before the damage');
  }
  activities.sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
  const range = options.timeRange;
  if (range !== undefined) {
    activities.forEach((a, i) =>
      checkActivityTimes(
        a,
        range,
        activities.length > 1 ? `session ${i + 1} (${a.sport})` : 'the activity',
      ),
    );
  }
  if (m.damage !== undefined) noteDamage(m.damage, activities);
  return { activities, warnings };
}

function refusal(damage: FitDamage, left: string): BadInputError {
  return new BadInputError(damage.error.reason, `${damage.error.message} (${left})`, {
    cause: damage.error,
  });
}

/** The file's main activity: its run (the first, if several), else its longest session. */
export function parseFit(bytes: Uint8Array, options: FitOptions = {}): Activity {
  const { activities } = parseFitSessions(bytes, options);
  return primaryActivityOf(activities);
}

/** The activity a one-activity caller gets from a multisport file, told what else the file holds. */
export function primaryActivityOf(activities: readonly Activity[]): Activity {
  const first = activities[0];
  if (first === undefined) throw new Error('primaryActivityOf() needs at least one activity');
  const primary =
    activities.find((a) => isRunningSport(a.sport)) ??
    activities.reduce((a, b) => (b.summary.movingS > a.summary.movingS ? b : a), first);
  if (activities.length > 1) {
    const others = activities
      .filter((a) => a !== primary)
      .map((a) => `${a.sport} ${formatClock(a.summary.movingS)}`);
    addFileWarning(primary, {
      code: 'multisport_other_sessions',
      message: `the file holds ${activities.length} sessions: only this ${primary.sport} is read here, not the ${others.join(', ')}`,
    });
  }
  return primary;
}

function windowOf(s: FitSession): [number, number] | undefined {
  if (s.startMs === undefined) return undefined;
  const end = s.endMs ?? (s.elapsedS === undefined ? undefined : s.startMs + s.elapsedS * 1000);
  return end === undefined ? undefined : [s.startMs, Math.max(end, s.startMs)];
}

/**
 * Group records, laps and lengths by the session whose time they fall in; transitions take theirs
 * along and are left out.
 */
function legsOf(m: FitMessages, warnings: ActivityWarning[]): Leg[] {
  const sessions = m.sessions;
  const windowed = sessions.flatMap((s) => {
    const w = windowOf(s);
    return w === undefined ? [] : [{ s, w }];
  });
  const sports = sessions.filter((s) => s.sport !== TRANSITION);
  if (sports.length === 0 || sessions.length === 1 || windowed.length !== sessions.length) {
    // One session (or sessions without times to tell them apart): everything belongs to the
    // first sport's. A sport and a transition are told apart, so the transition's time stays out.
    const session = sports[0];
    return [
      {
        ...(session === undefined ? {} : { session }),
        records: m.records,
        laps: m.laps,
        lengths: m.lengths,
      },
    ];
  }
  const legs: Leg[] = windowed.map(({ s }) => ({ session: s, records: [], laps: [], lengths: [] }));
  const inside = (t: number): number | undefined => {
    const i = windowed.findIndex(({ w }) => t >= w[0] && t <= w[1]);
    return i === -1 ? undefined : i;
  };
  /** The nearest leg within OUTSIDE_SESSION_MS; `sportsOnly` leaves transitions out. */
  const nearest = (t: number, sportsOnly = false): number | undefined => {
    let best: number | undefined;
    let bestMs = OUTSIDE_SESSION_MS;
    windowed.forEach(({ s, w }, i) => {
      if (sportsOnly && s.sport === TRANSITION) return;
      const d = t < w[0] ? w[0] - t : t > w[1] ? t - w[1] : 0;
      if (d <= bestMs) {
        best = i;
        bestMs = d;
      }
    });
    return best;
  };
  let untimed = 0;
  // Records outside every session, in runs of consecutive ones.
  const outside: FitRecord[][] = [];
  let previousOutside = false;
  for (const r of m.records) {
    if (!Number.isFinite(r.sample.t)) {
      untimed++;
      continue;
    }
    const i = inside(r.sample.t);
    if (i !== undefined) (legs[i] as Leg).records.push(r);
    else if (previousOutside) (outside[outside.length - 1] as FitRecord[]).push(r);
    else outside.push([r]);
    previousOutside = i === undefined;
  }
  let dropped = 0;
  for (const run of outside) {
    const first = (run[0] as FitRecord).sample.t;
    const last = (run[run.length - 1] as FitRecord).sample.t;
    if (last - first >= MIN_RECOVERED_S * 1000) {
      // A leg of its own whose session message is missing (a file cut in its last leg).
      legs.push({ records: run, laps: [], lengths: [] });
      continue;
    }
    // A few records just before or after a session belong to it; others are dropped, and said so.
    for (const r of run) {
      const i = nearest(r.sample.t, true);
      if (i === undefined) dropped++;
      else (legs[i] as Leg).records.push(r);
    }
  }
  for (const leg of legs) leg.records.sort((a, b) => a.sample.t - b.sample.t);
  for (const lap of m.laps) legs[nearest(lap.startMs) ?? -1]?.laps.push(lap);
  for (const length of m.lengths) legs[nearest(length.startMs) ?? -1]?.lengths.push(length);
  if (untimed + dropped > 0) {
    warnings.push({
      code: 'fit_records_outside_sessions',
      message: `${untimed + dropped} records without a time or outside every session were skipped`,
    });
  }
  return legs.filter((leg) => leg.session?.sport !== TRANSITION);
}

function sportOfLeg(leg: Leg, m: FitMessages, options: FitOptions): Sport | undefined {
  const s = leg.session;
  if (s?.sport !== undefined) return sportOfFit(s.sport, s.subSport);
  if (m.sport?.sport !== undefined) return sportOfFit(m.sport.sport, m.sport.subSport);
  return options.defaultSport === undefined ? undefined : options.defaultSport;
}

function activityOfLeg(leg: Leg, m: FitMessages, options: FitOptions): Activity {
  const fileSport = sportOfLeg(leg, m, options);
  const sport: Sport = fileSport ?? 'run';
  const warnings = fileSport === undefined ? [`no sport in the file: taken as ${sport}`] : [];
  const timed = leg.records.filter((r) => Number.isFinite(r.sample.t));
  const positioned = leg.records.some((r) => r.sample.lat !== undefined);
  // Records that cannot make a track: none with a time, or (without positions, so not a route)
  // mostly without one, as pool swims write them.
  const noTrack = timed.length < 2 || (!positioned && timed.length * 2 <= leg.records.length);
  const s = leg.session;
  if (noTrack && s?.startMs !== undefined && (s.elapsedS ?? s.timerS) !== undefined) {
    return summaryActivityOf(leg, s, s.startMs, sport, m, warnings);
  }
  if (leg.records.length === 0) {
    throw new BadInputError(
      'fit_no_records',
      'the FIT file has no record messages: nothing was recorded',
    );
  }
  const cleaner = createSampleCleaner(cleanOptionsOf(sport, options));
  for (const r of leg.records) cleaner.add(r.sample, r.newSegment);
  const clean = cleaner.finish();
  normaliseCadence(clean.columns ?? clean.samples, sport, true);
  const activity = buildActivity(clean, {
    format: 'fit',
    sport,
    name: m.sport?.name,
    device: m.device,
    distanceM: s?.distanceM ?? clean.deviceDistanceM,
    warnings,
    laps: lapsOf(leg.laps, clean.startMs),
  });
  // Without positions, distance or speed the cleaner cannot tell moving from standing: the
  // device's timer (which stops at a pause) knows better.
  const blind = !hasPositionOrSpeed(clean.columns ?? SampleColumns.fromSamples(clean.samples));
  if (blind && s?.timerS !== undefined && s.timerS <= activity.summary.elapsedS) {
    activity.summary.movingS = s.timerS;
  }
  return activity;
}

function cleanOptionsOf(sport: Sport, options: FitOptions): CleanOptions {
  return { maxSpeedMps: maxSpeedMpsOf(sport), ...options.clean };
}

function summaryActivityOf(
  leg: Leg,
  s: FitSession,
  startMs: number,
  sport: Sport,
  m: FitMessages,
  warnings: string[],
): Activity {
  const elapsedS = s.elapsedS ?? (s.timerS as number);
  const activeLengths = leg.lengths.filter((l) => l.active).length;
  const distanceM =
    s.distanceM ??
    (s.poolLengthM !== undefined && activeLengths > 0 ? activeLengths * s.poolLengthM : undefined);
  const hrSamples = leg.records.flatMap((r) =>
    Number.isFinite(r.sample.t) && r.sample.hrBpm !== undefined
      ? [{ t: r.sample.t, hrBpm: r.sample.hrBpm }]
      : [],
  );
  const lengths = activeLengths > 0 ? ` (${activeLengths} pool lengths)` : '';
  const what =
    s.distanceM === undefined && distanceM !== undefined
      ? `${activeLengths} pool lengths of ${s.poolLengthM} m`
      : `the session summary${lengths}`;
  return buildSummaryActivity({
    format: 'fit',
    sport,
    startMs,
    elapsedS,
    movingS: s.timerS ?? elapsedS,
    distanceM,
    elevationGainM: s.ascentM,
    avgHrBpm: s.avgHrBpm,
    maxHrBpm: s.maxHrBpm,
    hrSamples,
    laps: lapsOf(leg.laps, startMs),
    name: m.sport?.name,
    device: m.device,
    warnings: [...warnings, `no track in the file: time and distance come from ${what}`],
  });
}

function lapsOf(laps: readonly FitLap[], startMs: number) {
  return laps.map(({ startMs: lapStart, ...lap }) => ({
    ...lap,
    startS: Math.max(0, (lapStart - startMs) / 1000),
  }));
}

/** Attach the damage to the activities, or refuse the file when too little is left to count. */
function noteDamage(damage: FitDamage, activities: Activity[]): void {
  const keptS = activities.reduce((sum, a) => sum + a.summary.elapsedS, 0);
  if (keptS < MIN_RECOVERED_S) {
    throw refusal(
      damage,
      `only ${formatClock(keptS)} was recorded before the damage, and a damaged file must keep at least ${MIN_RECOVERED_S} s to count`,
    );
  }
  if (damage.kind === 'crc') {
    for (const a of activities) {
      addFileWarning(a, {
        code: 'fit_crc_mismatch',
        message:
          'the file fails its CRC check, but every record in it reads cleanly: kept, though a damaged value may have slipped through',
      });
    }
    return;
  }
  const last = activities[activities.length - 1] as Activity;
  const atS = last.summary.elapsedS;
  addFileWarning(last, {
    code: 'fit_ends_early',
    message: `the file ends early, ${formatClock(atS)} into the activity: anything recorded after that is missing`,
    atS,
  });
}

function hasPositionOrSpeed(c: SampleColumns): boolean {
  for (let i = 0; i < c.length; i++) {
    if (!Number.isNaN(c.lat[i] as number) || !Number.isNaN(c.speedMps[i] as number)) return true;
  }
  return false;
}
