// FIT files into activities (parse-fit.ts) beyond the generated runs: files encoded message by
// message (FIT profile numbers: file_id 0 with type 4 = activity; record 20: 253 timestamp,
// 3 heart rate, 5 distance in cm; session 18: 2 start, 5 sport, 7 elapsed and 8 timer in ms,
// 9 distance in cm; sport 12), and the choice of one activity among a file's sessions.
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../shared/activity/activity.ts';
import { buildSummaryActivity } from '../../../shared/activity/build-summary-activity.ts';
import { parseFit, primaryActivityOf } from '../../../shared/activity/parse-fit.ts';
import { encodeFit, FIT, fitTime, type FitPart } from '../../fixtures/generate-fit.ts';
import { badInputOf } from '../../support/bad-input.ts';

const T0 = Date.UTC(2026, 2, 1, 7, 0, 0);
const ts = (s: number) => fitTime(T0 + s * 1000);

const fileId = (type: number): FitPart[] => [
  { kind: 'def', local: 0, global: 0, fields: [[0, 1, FIT.enum]] },
  { kind: 'data', local: 0, values: [type] },
];
const REC: FitPart = {
  kind: 'def',
  local: 1,
  global: 20,
  fields: [
    [253, 4, FIT.uint32],
    [3, 1, FIT.uint8],
    [5, 4, FIT.uint32],
  ],
};
/** Records every 10 s for `n` × 10 s at 3 m/s, heart rate 130: no position, no speed. */
function records(n: number): FitPart[] {
  return Array.from({ length: n + 1 }, (_, i) => ({
    kind: 'data' as const,
    local: 1,
    values: [ts(10 * i), 130, 3000 * i],
  }));
}
function session(values: { sport: number; elapsedMs: number; timerMs: number; cm: number }) {
  return [
    {
      kind: 'def',
      local: 2,
      global: 18,
      fields: [
        [2, 4, FIT.uint32],
        [5, 1, FIT.enum],
        [7, 4, FIT.uint32],
        [8, 4, FIT.uint32],
        [9, 4, FIT.uint32],
      ],
    },
    {
      kind: 'data',
      local: 2,
      values: [ts(0), values.sport, values.elapsedMs, values.timerMs, values.cm],
    },
  ] as FitPart[];
}

describe('parseFit(): refusals', () => {
  it('refuses a FIT file that is not an activity, naming its type', () => {
    const err = badInputOf(() => parseFit(encodeFit([...fileId(2), REC, ...records(3)])));
    expect(err.reason).toBe('fit_not_activity');
    expect(err.message).toBe(
      'this FIT file is of type 2 (settings, course, ...), not an activity (type 4)',
    );
  });

  it('refuses an activity file with neither records nor a session to stand for them', () => {
    const err = badInputOf(() => parseFit(encodeFit(fileId(4))));
    expect(err.reason).toBe('fit_no_records');
    expect(err.message).toBe('the FIT file has no record messages: nothing was recorded');
  });
});

describe('parseFit(): sport', () => {
  it('takes a run, with a warning, when the file names no sport; or the caller’s default', () => {
    const bytes = encodeFit([...fileId(4), REC, ...records(12)]);
    const a = parseFit(bytes);
    expect(a.sport).toBe('run');
    expect(a.warnings).toContain('no sport in the file: taken as run');
    const w = parseFit(bytes, { defaultSport: 'walk' });
    expect(w.sport).toBe('walk');
    expect(w.warnings.some((m) => m.startsWith('no sport'))).toBe(false);
  });

  it('takes the sport message when there is no session: sport 2 is cycling', () => {
    const sport: FitPart[] = [
      {
        kind: 'def',
        local: 3,
        global: 12,
        fields: [
          [0, 1, FIT.enum],
          [1, 1, FIT.enum],
          [3, 8, FIT.string],
        ],
      },
      { kind: 'data', local: 3, values: [2, 0, 'Commute'] },
    ];
    const a = parseFit(encodeFit([...fileId(4), ...sport, REC, ...records(12)]));
    expect(a.sport).toBe('ride');
    expect(a.name).toBe('Commute');
  });
});

describe('parseFit(): time and distance', () => {
  it('takes the timer’s moving time for a track without position or speed', () => {
    // 120 s of records; the watch's timer ran 100 s of them (a 20-s pause it knows of).
    const s = session({ sport: 1, elapsedMs: 120_000, timerMs: 100_000, cm: 36_000 });
    const a = parseFit(encodeFit([...fileId(4), REC, ...records(12), ...s]));
    expect(a.summary.movingS).toBe(100);
    expect(a.summary.elapsedS).toBe(120);
    expect(a.summary.distanceM).toBe(360);
  });

  it('keeps the track’s own moving time when the timer says more than the elapsed time', () => {
    const s = session({ sport: 1, elapsedMs: 120_000, timerMs: 130_000, cm: 36_000 });
    expect(parseFit(encodeFit([...fileId(4), REC, ...records(12), ...s])).summary.movingS).toBe(
      120,
    );
  });

  it('makes an activity of the session’s totals when there are no records, and says so', () => {
    const s = session({ sport: 5, elapsedMs: 1_800_000, timerMs: 1_700_000, cm: 150_000 });
    const a = parseFit(encodeFit([...fileId(4), ...s]));
    expect(a.sport).toBe('swim');
    expect(a.summary).toEqual({
      distanceM: 1500,
      movingS: 1700,
      elapsedS: 1800,
      elevationGainM: 0,
    });
    expect(a.warnings).toContain(
      'no track in the file: time and distance come from the session summary',
    );
  });
});

describe('primaryActivityOf()', () => {
  const act = (sport: Activity['sport'], movingS: number) =>
    buildSummaryActivity({ format: 'fit', sport, startMs: T0, elapsedS: movingS, movingS });

  it('picks the run, however short, and names the other sessions on it', () => {
    const run = act('run', 600);
    const picked = primaryActivityOf([act('ride', 3600), run, act('swim', 1800)]);
    expect(picked).toBe(run);
    expect(picked.warnings).toEqual([
      'the file holds 3 sessions: only this run is read here, not the ride 1:00:00, swim 30:00',
    ]);
    expect(picked.fileWarnings?.[0]?.code).toBe('multisport_other_sessions');
  });

  it('picks the longest session without a run, the first of equals', () => {
    const ride = act('ride', 3600);
    expect(primaryActivityOf([act('swim', 1800), ride, act('rowing', 3600)])).toBe(ride);
  });

  it('leaves a single activity as it is', () => {
    const only = act('swim', 600);
    expect(primaryActivityOf([only]).warnings).toEqual([]);
  });

  it('needs an activity', () => {
    expect(() => primaryActivityOf([])).toThrow('primaryActivityOf() needs at least one activity');
  });
});
