// science.md §6 "Interval detection": "A walk-run session must come out as its run and walk bouts,
// so that the app can compare it with the stage's prescription (e.g. 'you ran 10 × 1:00 as planned'
// or 'you ran 6 × 3:00 instead of 4 × 3:00')", against the stage table of §4.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '#shared/engine/index';
import { compareSession } from '#shared/engine/compare-session';
import type { Interval } from '#shared/activity/activity';

const stage = (n: number) => DEFAULT_PLAN[n] as (typeof DEFAULT_PLAN)[number];

/** n run bouts of `runS` separated by walks of `walkS`. */
function walkRun(n: number, runS: number, walkS: number): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i < n; i++) {
    const start = i * (runS + walkS);
    out.push({ kind: 'work', startS: start, durationS: runS, distanceM: runS * 2.8 });
    out.push({ kind: 'rest', startS: start + runS, durationS: walkS, distanceM: walkS * 1.4 });
  }
  return out;
}

describe('compareSession()', () => {
  it('says a stage-1 session of 10 × 1:00 run bouts went as planned', () => {
    const c = compareSession(
      { intervals: walkRun(10, 62, 118), movingS: 1800, running: true },
      stage(1),
    );
    expect(c).toMatchObject({
      asPlanned: true,
      performed: '10 × 1:02',
      message: 'You ran 10 × 1:02 as planned.',
    });
  });

  it('says "6 × 3:00 instead of 5 × 4:00" when the bouts do not match stage 4', () => {
    const c = compareSession(
      { intervals: walkRun(6, 180, 120), movingS: 1800, running: true },
      stage(4),
    );
    expect(c.asPlanned).toBe(false);
    expect(c.message).toBe('You ran 6 × 3:00 instead of 5 × 4:00.');
  });

  it('counts a bout 11 s off the prescription as not as planned (tolerance 10 s)', () => {
    // stage 2 prescribes 2:00 bouts: 131 s is 11 s over.
    expect(
      compareSession({ intervals: walkRun(8, 131, 120), movingS: 2000, running: true }, stage(2))
        .asPlanned,
    ).toBe(false);
    expect(
      compareSession({ intervals: walkRun(8, 130, 120), movingS: 2000, running: true }, stage(2))
        .asPlanned,
    ).toBe(true);
  });

  it('flags a continuous run in a walk-run stage', () => {
    const c = compareSession({ intervals: [], movingS: 1500, running: true }, stage(3));
    expect(c.asPlanned).toBe(false);
    expect(c.message).toBe(
      'No run/walk bouts were found: 25 min without walk breaks instead of 6 × (run 3 min / walk 2 min).',
    );
  });

  it('judges a continuous stage by running time within 10 %', () => {
    // stage 5 prescribes 20 min: 22 min is +10 % (as planned), 23 min is +15 % (not).
    expect(
      compareSession({ intervals: [], movingS: 22 * 60, running: true }, stage(5)).asPlanned,
    ).toBe(true);
    const over = compareSession({ intervals: [], movingS: 23 * 60, running: true }, stage(5));
    expect(over).toMatchObject({ asPlanned: false, message: 'You ran 23 min instead of 20 min.' });
  });

  it('says a run in the walking-only stage is off the plan', () => {
    expect(compareSession({ intervals: [], movingS: 900, running: true }, stage(0)).asPlanned).toBe(
      false,
    );
    expect(
      compareSession({ intervals: [], movingS: 1800, running: false }, stage(0)).asPlanned,
    ).toBe(true);
  });
});
