// The windows of science.md §2, through runEngine(), at their edges:
// - single-run spike: "spike = distance(run) / max(distance of single runs in the previous 30 days)
//   − 1" — a run 30 days before today is in the window, one 31 days before is not;
// - ACWR: "No ratio before 28 days of history or when chronic = 0" — the 28th day of history has
//   a ratio (rolling and EWMA), the 27th has none.
// Every expected number is worked by hand from those sentences.
import { describe, expect, it } from 'vitest';
import type { DailyMetricsRow } from '../../../shared/engine/run-engine.ts';
import { addDays, type LocalDate } from '../../../shared/local-date.ts';
import { ScenarioBuilder, UTC_PROFILE } from '../../fixtures/engine-scenarios.ts';

const START = '2026-03-02';
const TODAY = addDays(START, 40);

function rowOn(b: ScenarioBuilder, date: LocalDate): DailyMetricsRow {
  const row = b.engine(date).days.find((r) => r.date === date);
  if (!row) throw new Error(`no row for ${date}`);
  return row;
}

/** A runner past the walk-run stages, so that no stage rule stands in the way of these runs. */
const runner = () => new ScenarioBuilder(UTC_PROFILE, { startStage: 8 });

describe('the single-run spike looks back exactly 30 days (science.md §2)', () => {
  it('counts a 10 km run 30 days before today: 11.5 km today is +15 % (caution)', () => {
    const b = runner();
    b.run(addDays(START, 0), { minutes: 30, distanceM: 5000 });
    b.run(addDays(TODAY, -30), { minutes: 60, distanceM: 10_000 });
    b.run(addDays(TODAY, -10), { minutes: 30, distanceM: 5000 });
    b.run(TODAY, { minutes: 69, distanceM: 11_500 });
    const spike = rowOn(b, TODAY).spike;
    // 11500 / 10000 − 1 = 0.15: >10–30 % is caution. Without the run of day −30 the reference
    // would be 5 km and the spike 11500/5000 − 1 = 1.3 (very high).
    expect(spike?.reference).toBe('longest_30d');
    expect(spike?.referenceValue).toBe(10_000);
    expect(spike?.value).toBeCloseTo(0.15, 9);
    expect(spike?.band).toBe('caution');
  });

  it('forgets a 10 km run 31 days before today: 6 km today is +20 % over the 5 km of day −10', () => {
    const b = runner();
    b.run(addDays(START, 0), { minutes: 30, distanceM: 5000 });
    b.run(addDays(TODAY, -31), { minutes: 60, distanceM: 10_000 });
    b.run(addDays(TODAY, -10), { minutes: 30, distanceM: 5000 });
    b.run(TODAY, { minutes: 36, distanceM: 6000 });
    const spike = rowOn(b, TODAY).spike;
    // 6000 / 5000 − 1 = 0.2 (caution); with the run of day −31 it would be 6000/10000 − 1 = −0.4.
    expect(spike?.reference).toBe('longest_30d');
    expect(spike?.referenceValue).toBe(5000);
    expect(spike?.value).toBeCloseTo(0.2, 9);
    expect(spike?.band).toBe('caution');
  });

  it('has no reference when the only earlier run is 31 days back: the stage is the reference', () => {
    const b = runner();
    b.run(addDays(TODAY, -31), { minutes: 60, distanceM: 10_000 });
    b.run(TODAY, { minutes: 36, distanceM: 6000 });
    // science.md §2: "No run in the previous 30 days: there is no reference; treat the run as a
    // spike against the progression stage's prescription instead."
    expect(rowOn(b, TODAY).spike?.reference).toBe('stage_prescription');
  });
});

describe('the ACWR has a ratio from the 28th day of history on (science.md §2)', () => {
  // A run every other day from START (day 1 of history): the chronic load is above 0 from day 1.
  const b = runner();
  for (let d = 0; d < 30; d += 2) b.run(addDays(START, d), { minutes: 40, rpe: 4 });
  const days = b.engine(addDays(START, 29)).days;
  const day = (n: number) => days[n - 1] as DailyMetricsRow;

  it('counts history from the first day: day 28 is START + 27', () => {
    expect(day(28).date).toBe(addDays(START, 27));
    expect(day(28).historyDays).toBe(28);
  });

  it('gives no ratio on day 27, rolling or EWMA', () => {
    expect(day(27).acwr.ewma.ratio).toBeNull();
    expect(day(27).acwr.rolling.coupled).toBeNull();
    expect(day(27).acwr.rolling.uncoupled).toBeNull();
  });

  it('gives a ratio on day 28, rolling and EWMA', () => {
    expect(day(28).acwr.ewma.ratio).toEqual(expect.any(Number));
    expect(day(28).acwr.rolling.coupled).toEqual(expect.any(Number));
    expect(day(28).acwr.rolling.uncoupled).toEqual(expect.any(Number));
    expect(day(29).acwr.ewma.ratio).toEqual(expect.any(Number));
  });
});
