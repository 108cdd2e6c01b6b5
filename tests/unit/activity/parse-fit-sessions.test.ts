// Multisport and pool-swim FIT files, and damaged ones recovered: the fixtures are built message by
// message (tests/fixtures/generate-fit-files.ts), so every expected number follows from them.
import { describe, expect, it } from 'vitest';
import { parseActivityFile } from '../../../shared/activity/parse-activity-file.ts';
import { parseFit, parseFitSessions } from '../../../shared/activity/parse-fit.ts';
import { activityTimeRange } from '../../../shared/activity/plausible-time.ts';
import { steadyPlan, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import type { GenPoint } from '../../fixtures/generate-activity.ts';
import {
  FIT_SPORT,
  toCutFit,
  toMultisportFit,
  toPoolSwimFit,
  toSessionsFit,
  TRIATHLON,
  withBadCrc,
} from '../../fixtures/generate-fit-files.ts';
import { badInputOf } from '../../support/bad-input.ts';

describe('parseFitSessions() on a multisport file', () => {
  // Swim 900 s at 1 m/s, transition 120 s, ride 1800 s at 8 m/s, transition 60 s, run 1200 s at 3 m/s.
  const { activities, warnings } = parseFitSessions(toMultisportFit(TRIATHLON));

  it('gives one activity per session, transitions left out', () => {
    expect(activities.map((a) => a.sport)).toEqual(['swim', 'ride', 'run']);
    expect(warnings).toEqual([
      {
        code: 'fit_transitions_skipped',
        message: '2 transitions between sports (3:00 in all) not counted as training',
      },
    ]);
  });

  it('gives each leg its own time, distance, samples and lap', () => {
    expect(activities.map((a) => a.summary.elapsedS)).toEqual([900, 1800, 1200]);
    // 900 × 1 m/s, 1800 × 8 m/s, 1200 × 3 m/s.
    expect(activities.map((a) => a.summary.distanceM)).toEqual([900, 14_400, 3_600]);
    // One point a second plus the end point.
    expect(activities.map((a) => a.samples.length)).toEqual([901, 1801, 1201]);
    expect(activities.map((a) => a.laps.map((l) => [l.startS, l.durationS]))).toEqual([
      [[0, 900]],
      [[0, 1800]],
      [[0, 1200]],
    ]);
  });

  it('starts each leg where the file says: the ride after the swim and the first transition', () => {
    const start = Date.UTC(2026, 5, 7, 6, 0, 0);
    // Swim 0–900 s, T1 901–1021 s, ride from 1022 s, T2 2823–2883 s, run from 2884 s.
    expect(activities.map((a) => (a.startAt.getTime() - start) / 1000)).toEqual([0, 1022, 2884]);
  });

  it('keeps the legs before a cut in the last one, and the cut leg from its own records', () => {
    // From the end: CRC (2), the run's session (27) and lap (17), its last 100 records (23 bytes
    // each: 1 header + 4 timestamp + 18 of fields), and 12 bytes of record 1100: records 0 … 1099 of
    // the run survive, 1,099 s at 3 m/s; its session, with the sport, is lost.
    const whole = toMultisportFit(TRIATHLON);
    const cut = whole.slice(0, whole.length - (2 + 27 + 17 + 23 * 100 + 12));
    const legs = parseFitSessions(cut).activities;
    expect(legs.map((a) => [a.sport, a.summary.elapsedS, a.summary.distanceM])).toEqual([
      ['swim', 900, 900],
      ['ride', 1800, 14_400],
      ['run', 1099, 3297],
    ]);
    expect(legs[2]?.warnings).toContain('no sport in the file: taken as run');
    expect(legs[2]?.fileWarnings).toEqual([
      expect.objectContaining({ code: 'fit_ends_early', atS: 1099 }),
    ]);
    expect(legs[0]?.fileWarnings).toBeUndefined();
  });

  it('hands a one-activity caller the run, saying what else the file holds', () => {
    const run = parseFit(toMultisportFit(TRIATHLON));
    expect(run.sport).toBe('run');
    expect(run.summary.distanceM).toBe(3600);
    expect(run.fileWarnings?.map((w) => w.code)).toEqual(['multisport_other_sessions']);
    expect(run.warnings[0]).toBe(
      'the file holds 3 sessions: only this run is read here, not the swim 14:59, ride 29:59',
    );
    expect(parseActivityFile('tri.fit', toMultisportFit(TRIATHLON)).sport).toBe('run');
  });
});

describe('parseFitSessions() on a pool swim', () => {
  // 4 sets of 8 × 30 s lengths in a 25 m pool, 60 s rests, the timer stopped 60 s before the end.
  const [swim] = parseFitSessions(toPoolSwimFit()).activities;

  it('is a swim timed by its session, not a route without times', () => {
    expect(swim?.sport).toBe('swim');
    expect(swim?.samples).toEqual([]);
    expect(swim?.summary).toEqual({
      distanceM: 800,
      movingS: 1140, // 32 × 30 s swum + 3 × 60 s rest, timer running
      elapsedS: 1200, // and the 60 s the timer was stopped
      elevationGainM: 0,
      avgHrBpm: 128,
      maxHrBpm: 151,
    });
    expect(swim?.startAt.toISOString()).toBe('2026-06-09T06:00:00.000Z');
  });

  it('keeps one lap per set, each 8 lengths of 25 m', () => {
    expect(swim?.laps.map((l) => [l.startS, l.durationS, l.distanceM])).toEqual([
      [0, 240, 200],
      [300, 240, 200],
      [600, 240, 200],
      [900, 240, 200],
    ]);
  });

  it('counts the active lengths when the session leaves its distance out', () => {
    const [a] = parseFitSessions(toPoolSwimFit({ withDistance: false })).activities;
    expect(a?.summary.distanceM).toBe(32 * 25);
    expect(a?.warnings).toContain(
      'no track in the file: time and distance come from 32 pool lengths of 25 m',
    );
  });
});

describe('parseFitSessions() on a damaged file', () => {
  const plan = [{ durationS: 2700, speedMps: 3 }]; // 45:00 planned

  it('keeps the records before a cut inside the last one, and says where the file ends', () => {
    // Cut inside the record at 42:11: records 0 … 2530 (0:00 … 42:10) survive.
    const [a] = parseFitSessions(toCutFit(plan, 2531)).activities;
    expect(a?.samples).toHaveLength(2531);
    expect(a?.summary.elapsedS).toBe(2530);
    expect(a?.summary.distanceM).toBe(7590); // 2530 s × 3 m/s
    expect(a?.fileWarnings).toEqual([
      {
        code: 'fit_ends_early',
        message:
          'the file ends early, 42:10 into the activity: anything recorded after that is missing',
        atS: 2530,
      },
    ]);
    expect(a?.warnings[0]).toContain('42:10 into the activity');
  });

  it('recovers a minute of records but refuses less than a minute, as before', () => {
    // Cut inside record 61: 0 … 60 s survive (60 s). Inside record 60: 0 … 59 s (59 s).
    expect(parseFitSessions(toCutFit(plan, 61)).activities[0]?.summary.elapsedS).toBe(60);
    const err = badInputOf(() => parseFitSessions(toCutFit(plan, 60)));
    expect(err.reason).toBe('fit_truncated');
    expect(err.message).toContain('it is truncated');
    expect(err.message).toContain('only 0:59 was recorded');
    // Cut inside the first record: nothing at all survives, and the cut is the reason given.
    const none = badInputOf(() => parseFitSessions(toCutFit(plan, 0)));
    expect(none.reason).toBe('fit_truncated');
    expect(none.message).toContain('nothing usable was recorded before the damage');
    // The reader's own error about the damage stays behind it, as its cause.
    expect((none.cause as { reason?: string } | undefined)?.reason).toBe('fit_truncated');
  });

  it('reads to the end of a file whose header never got its size (a watch that crashed)', () => {
    const fit = toCutFit(plan, 2531);
    fit.set([0, 0, 0, 0], 4); // data size
    fit.set([0, 0], 12); // header CRC: 0 means "not computed"
    const [a] = parseFitSessions(fit).activities;
    expect(a?.summary.elapsedS).toBe(2530);
    expect(a?.fileWarnings?.[0]?.code).toBe('fit_ends_early');
  });

  it('imports a file whose CRC fails but whose records all decode, with a warning', () => {
    const points = track(steadyPlan(600, 3));
    const [a] = parseFitSessions(withBadCrc(toFit(points))).activities;
    expect(a?.samples).toHaveLength(601);
    expect(a?.summary.distanceM).toBe(1800);
    expect(a?.fileWarnings?.map((w) => w.code)).toEqual(['fit_crc_mismatch']);
  });
});

describe('parseFitSessions(): a clock set days ahead', () => {
  // The triathlon starts 2026-06-07 06:00 UTC; read on 2026-06-04, tomorrow is the 5th, so every
  // session is after tomorrow (plausible-time.ts). The message names the session it found first.
  const range = activityTimeRange(Date.UTC(2026, 5, 4, 12), 'UTC');

  it('names the session by its number and sport in a multisport file', () => {
    const err = badInputOf(() =>
      parseFitSessions(toMultisportFit(TRIATHLON), { timeRange: range }),
    );
    expect(err.reason).toBe('implausible_time');
    expect(err.message).toMatch(/^session 1 \(swim\) starts at 2026-06-07/);
  });

  it('calls a one-session file "the activity"', () => {
    const run = toFit(track(steadyPlan(600, 3), { startMs: Date.UTC(2026, 5, 7, 6) }));
    const err = badInputOf(() => parseFitSessions(run, { timeRange: range }));
    expect(err.message).toMatch(/^the activity starts at 2026-06-07/);
  });
});

describe('parseFitSessions(): records outside every session', () => {
  // One point a second at 3 m/s from `start`; the sessions' windows are chosen around them.
  const start = Date.UTC(2026, 5, 7, 6, 0, 0);
  const at = (s: number) => start + s * 1000;
  const points = (keep: (s: number) => boolean): GenPoint[] =>
    track(steadyPlan(1500, 3), { startMs: start }).filter((p) => keep((p.t - start) / 1000));
  const seconds = (a: { startAt: Date; samples: { t: number }[] }) => {
    const first = a.samples[0]?.t ?? NaN;
    return [(a.startAt.getTime() - start) / 1000, ((a.samples.at(-1)?.t ?? NaN) - first) / 1000];
  };
  const ride = { startMs: at(0), endMs: at(600), sport: FIT_SPORT.cycling, elapsedS: 600 };
  const run = { startMs: at(700), endMs: at(1400), sport: FIT_SPORT.running, elapsedS: 700 };

  it('gives records up to a minute after a session to it, and drops and counts those farther off', () => {
    // 601–630 s: after the ride, 1–30 s from its end (70–99 s before the run). 1460 s: exactly a
    // minute after the run. 1470–1480 s: 70–80 s after the run, nearer no session: 11 dropped.
    const fit = toSessionsFit(
      points((s) => s <= 630 || (s >= 700 && s <= 1400) || s === 1460 || (s >= 1470 && s <= 1480)),
      [ride, run],
    );
    const { activities, warnings } = parseFitSessions(fit);
    expect(activities.map((a) => a.sport)).toEqual(['ride', 'run']);
    expect(activities.map(seconds)).toEqual([
      [0, 630],
      [700, 760],
    ]);
    expect(warnings).toEqual([
      {
        code: 'fit_records_outside_sessions',
        message: '11 records without a time or outside every session were skipped',
      },
    ]);
  });

  it('gives a record between two sessions to the nearer one', () => {
    // 640 s is 40 s after the ride and 60 s before the run; 660 s is 60 s after the ride, 40 s
    // before the run.
    const fit = toSessionsFit(
      points((s) => s <= 600 || s === 640 || s === 660 || (s >= 700 && s <= 1400)),
      [ride, run],
    );
    const { activities, warnings } = parseFitSessions(fit);
    expect(activities.map(seconds)).toEqual([
      [0, 640],
      [660, 740],
    ]);
    expect(warnings).toEqual([]);
  });

  it('leaves out the records of a single transition too, and says "1 transition"', () => {
    // A run, then a transition of 99 s: only the run is training.
    const transition = {
      startMs: at(601),
      endMs: at(700),
      sport: FIT_SPORT.transition,
      elapsedS: 99,
    };
    const fit = toSessionsFit(
      points((s) => s <= 700),
      [{ ...run, startMs: at(0), endMs: at(600), elapsedS: 600 }, transition],
    );
    const { activities, warnings } = parseFitSessions(fit);
    expect(activities.map((a) => [a.sport, a.summary.elapsedS, a.summary.distanceM])).toEqual([
      ['run', 600, 1800],
    ]);
    expect(warnings).toEqual([
      {
        code: 'fit_transitions_skipped',
        message: '1 transition between sports (1:39 in all) not counted as training',
      },
    ]);
  });
});
