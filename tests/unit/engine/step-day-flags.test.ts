// The flags of a run day that stepDay() raises from the day's facts (science.md §4–§5): a run
// against the stage's spacing of runs (stages 1–6 never on consecutive days; stage 8 only an easy
// run the day after another), a run during the 3-day pause after a stage drop, a run before the
// clearance after surgery, fast running at a stage whose session holds none, and clicking, which on
// its own is only named. Days from Sun 1 March 2026 (tests/fixtures/engine-days.ts).
import { describe, expect, it } from 'vitest';
import type { SessionShape } from '../../../shared/engine/session-shape.ts';
import type { CheckIn } from '../../../shared/engine/types.ts';
import { dayOf, runsOn, seriesOf, stepAll, type RunDay } from '../../fixtures/engine-days.ts';

const codes = (steps: ReturnType<typeof stepAll>, k: number): string[] =>
  steps[k]?.row.flags.map((f) => f.code) ?? [];

describe('stepDay(): the spacing of runs', () => {
  it('stage 3, runs on days 0, 1 and 3: only the run of day 1 breaks the spacing', () => {
    const steps = stepAll(seriesOf(4, runsOn(0, 1, 3)));
    expect(codes(steps, 1)).toContain('run_spacing_broken');
    // Day 2 has no run, though the rule forbids running that day too.
    expect(codes(steps, 2)).not.toContain('run_spacing_broken');
    expect(codes(steps, 3)).not.toContain('run_spacing_broken');
  });

  it('stage 8, runs on days 0 and 1: an easy run the day after is allowed', () => {
    const steps = stepAll(seriesOf(2, runsOn(0, 1)), [], { stage: 8 });
    expect(codes(steps, 1)).not.toContain('run_spacing_broken');
  });
});

describe('stepDay(): a run during the pause after a stage drop', () => {
  // Red pain (6/10) on day 0: on day 1 the stage drops and running waits 3 days, until day 4.
  const paused = () => stepAll(seriesOf(5, runsOn(0, 2, 4)), [{ date: dayOf(0), painDuring: 6 }]);

  it('the run of day 2 is flagged', () => {
    const steps = paused();
    expect(steps[1]?.row.progression.noRunBefore).toBe(dayOf(4));
    expect(codes(steps, 2)).toContain('ran_during_pause');
  });

  it('the run of day 4, the first day allowed, is not', () => {
    expect(codes(paused(), 4)).not.toContain('ran_during_pause');
  });

  it('a run without a drop before it is not', () => {
    expect(codes(stepAll(seriesOf(1, runsOn(0))), 0)).not.toContain('ran_during_pause');
  });
});

describe('stepDay(): a run before the clearance after surgery', () => {
  it('is flagged while the surgery holds', () => {
    const steps = stepAll(seriesOf(2, runsOn(1)), [], { rules: { surgeryDate: dayOf(0) } });
    expect(codes(steps, 1)).toContain('ran_before_clearance');
  });

  it('is not without a surgery', () => {
    expect(codes(stepAll(seriesOf(2, runsOn(1))), 1)).not.toContain('ran_before_clearance');
  });
});

describe('stepDay(): clicking', () => {
  it('is named on the day it is reported, and only then', () => {
    const checkins: CheckIn[] = [
      { date: dayOf(0), clicking: true },
      { date: dayOf(1), clicking: false },
    ];
    const steps = stepAll(seriesOf(2), checkins);
    expect(steps[0]?.row.flags).toContainEqual(
      expect.objectContaining({ code: 'clicking', severity: 'info' }),
    );
    expect(codes(steps, 1)).not.toContain('clicking');
  });
});

describe('stepDay(): fast running at a stage without intensity (issue 18)', () => {
  /** 30 min of steady running with two 20-s strides. */
  const shape: SessionShape = {
    source: 'steady',
    runs: [{ startS: 0, durationS: 1800, distanceM: 5400 }],
    breaksS: [],
    walkedAfterS: 0,
    surges: [
      { startS: 600, durationS: 20, distanceM: 110 },
      { startS: 1200, durationS: 20, distanceM: 110 },
    ],
  };
  const run: RunDay = { longestRunShapes: [shape] };
  const flagsAt = (stage: number) =>
    stepAll(seriesOf(1, { 0: run }), [], { stage })[0]?.row.flags ?? [];

  it('stage 6 (easy, conversational): two strides are flagged', () => {
    const flag = flagsAt(6).find((f) => f.code === 'intensity_beyond_stage');
    expect(flag?.value).toBe(2);
    expect(flag?.message).toContain('2 strides');
    expect(flag?.message).toContain('easy, conversational');
  });

  it('stage 8 (intensity returns): strides are the session', () => {
    expect(flagsAt(8).map((f) => f.code)).not.toContain('intensity_beyond_stage');
  });

  it('stage 0 (walking): the run is judged by its length, not its shape', () => {
    expect(flagsAt(0).map((f) => f.code)).not.toContain('intensity_beyond_stage');
  });
});
