// What one day of the engine writes in its row and carries to the next (science.md §2–§3): the pain
// scores of the day as logged, the first 3 mornings for the early baseline, the load metrics from
// the day before's values, a run's spike against the 30 days before (else the stage's session), and
// the high and very high spikes kept for 72 h. Days from Sun 1 March 2026
// (tests/fixtures/engine-days.ts); every run 30 min, 4 km unless a test says otherwise.
import { describe, expect, it } from 'vitest';
import type { RecentSpike } from '../../../shared/engine/recent-spikes.ts';
import { dayOf, runsOn, seriesOf, stepAll } from '../../fixtures/engine-days.ts';

describe('stepDay(): the day’s pain as logged', () => {
  it('reads each score of the day, null where none was given', () => {
    const [day0, day1] = stepAll(seriesOf(2, runsOn(0)), [
      {
        date: dayOf(0),
        painDuring: 1,
        painAfter: 2,
        painNextMorning: 1,
        painAtRest: 1,
        stiffness: 2,
      },
      { date: dayOf(1), painMorning: 1 },
    ]);
    expect(day0?.row.pain).toMatchObject({
      morning: 1,
      zone: 'green',
      painDuring: 1,
      painAfter: 2,
      painNextMorning: 1,
      painMorning: null,
      painAtRest: 1,
      stiffness: 2,
    });
    expect(day1?.row.pain).toMatchObject({
      morning: 1,
      zone: null,
      painDuring: null,
      painAfter: null,
      painNextMorning: null,
      painMorning: 1,
      painAtRest: null,
      stiffness: null,
    });
  });
});

describe('stepDay(): the first mornings of the history (the early baseline)', () => {
  it('keeps the first 3 pain scores, and stiffness on its own count', () => {
    const steps = stepAll(seriesOf(5), [
      ...[1, 2, 3, 4, 5].map((p, k) => ({ date: dayOf(k), painMorning: p })),
      { date: dayOf(0), stiffness: 2 },
      { date: dayOf(1), stiffness: 3 },
    ]);
    expect(steps[4]?.row.carry.firstMornings).toEqual({ pain: [1, 2, 3], stiffness: [2, 3] });
  });

  it('keeps adding pain scores while stiffness already has 3', () => {
    const steps = stepAll(seriesOf(5), [
      ...[0, 1, 2].map((k) => ({ date: dayOf(k), stiffness: 1 })),
      { date: dayOf(3), painMorning: 2 },
      { date: dayOf(4), painMorning: 0 },
    ]);
    expect(steps[4]?.row.carry.firstMornings).toEqual({ pain: [2, 0], stiffness: [1, 1, 1] });
  });

  it('keeps adding stiffness scores while pain already has 3', () => {
    const steps = stepAll(seriesOf(4), [
      ...[0, 1, 2].map((k) => ({ date: dayOf(k), painMorning: 1 })),
      { date: dayOf(3), painMorning: 4, stiffness: 2 },
    ]);
    expect(steps[3]?.row.carry.firstMornings).toEqual({ pain: [1, 1, 1], stiffness: [2] });
  });
});

describe('stepDay(): the load metrics, from the day before', () => {
  it('a day of no load after CTL 42, ATL 7, EWMA 8 and 29: 41, 6, 6 and 27, form 35', () => {
    // CTL 42 + (0 − 42)/42; ATL 7 + (0 − 7)/7; EWMA λ = 2/8 and 2/29 (science.md §2).
    const [day] = stepAll(seriesOf(1), [], {
      carry: { ctl: 42, atl: 7, ewmaAcute: 8, ewmaChronic: 29 },
    });
    expect(day?.row.fitness).toMatchObject({ ctl: 41, atl: 6, form: 35 });
    expect(day?.row.acwr.ewma.acute).toBeCloseTo(6, 12);
    expect(day?.row.acwr.ewma.chronic).toBeCloseTo(27, 12);
    expect(day?.row.carry).toMatchObject({ ctl: 41, atl: 6 });
    expect(day?.row.carry.ewmaAcute).toBeCloseTo(6, 12);
  });

  it('counts the days of history up to and including the day', () => {
    expect(stepAll(seriesOf(3)).map((s) => s.row.historyDays)).toEqual([1, 2, 3]);
  });
});

describe('stepDay(): a run’s spike (science.md §2)', () => {
  it('a day without a run has no spike', () => {
    const [day] = stepAll(seriesOf(1));
    expect(day?.row.spike).toBeNull();
    expect(day?.row.stageBeyond).toBeNull();
  });

  it('the first run is measured against the stage’s session, and only once', () => {
    const [day] = stepAll(seriesOf(1, runsOn(0)));
    expect(day?.row.spike?.reference).toBe('stage_prescription');
    expect(day?.row.stageBeyond).toBeNull();
  });

  it('a run with one in the 30 days before is measured against it, and against the stage too', () => {
    const steps = stepAll(seriesOf(3, runsOn(0, 2)));
    expect(steps[2]?.row.spike).toMatchObject({ reference: 'longest_30d', band: 'ok' });
    expect(steps[2]?.row.stageBeyond?.reference).toBe('stage_prescription');
  });
});

describe('stepDay(): spikes kept for 72 h (science.md §5 rule 4)', () => {
  /** Stage 7 (volume builds, no spacing rule): 4 km on day 0, then `m` metres on day 2. */
  const spikeOnDay2 = (m: number, n = 6) =>
    stepAll(seriesOf(n, { 0: {}, 2: { longestRunM: m } }), [], { stage: 7 }).map(
      (s) => s.row.carry.recentSpikes,
    );

  it('6 km after 4 km (+50 %, high) is carried on days 2, 3 and 4, not on day 5', () => {
    const high: RecentSpike = {
      date: dayOf(2),
      band: 'high',
      value: 0.5,
      reference: 'longest_30d',
      stage: 7,
    };
    expect(spikeOnDay2(6000)).toEqual([[], [], [high], [high], [high], []]);
  });

  it('9 km after 4 km (+125 %, very high) is carried too', () => {
    expect(spikeOnDay2(9000, 3)[2]).toMatchObject([{ band: 'very_high', date: dayOf(2) }]);
  });

  it('4.6 km after 4 km (+15 %, a caution) is not', () => {
    expect(spikeOnDay2(4600, 3)[2]).toEqual([]);
  });

  it('45 min at stage 3, whose session is 30 min (+50 %), is carried as beyond the stage', () => {
    const steps = stepAll(seriesOf(3, { 0: {}, 2: { longestRunMovingS: 2700 } }));
    expect(steps[2]?.row.spike?.band).toBe('ok');
    expect(steps[2]?.row.carry.recentSpikes).toMatchObject([
      { date: dayOf(2), band: 'high', reference: 'stage_prescription', stage: 3 },
    ]);
  });

  describe('a stage set by hand', () => {
    const yesterday = '2026-02-28';
    const prior: RecentSpike[] = [
      { date: yesterday, band: 'high', value: 0.5, reference: 'stage_prescription', stage: 3 },
      { date: yesterday, band: 'high', value: 0.4, reference: 'longest_30d', stage: 3 },
    ];

    it('ends the spikes measured against the old stage, and keeps those against the 30 days', () => {
      const [day] = stepAll(seriesOf(1), [], {
        carry: { recentSpikes: prior },
        rules: { manual: new Map([[dayOf(0), { date: dayOf(0), stage: 5, by: 'coach' }]]) },
      });
      expect(day?.ctx.recentSpikes).toEqual([prior[1]]);
      expect(day?.row.carry.recentSpikes).toEqual([prior[1]]);
    });

    it('a stage change of the engine’s own (a break) keeps both', () => {
      // The last run on 20 Feb: 8 days without a run by 1 Mar, one stage back.
      const [day] = stepAll(seriesOf(1), [], {
        carry: { recentSpikes: prior, breakRef: { date: '2026-02-20', stage: 3 } },
      });
      expect(day?.row.progression.changes.map((c) => c.kind)).toEqual(['break']);
      expect(day?.ctx.recentSpikes).toEqual(prior);
    });

    it('without one, both are kept', () => {
      const [day] = stepAll(seriesOf(1), [], { carry: { recentSpikes: prior } });
      expect(day?.ctx.recentSpikes).toEqual(prior);
      expect(day?.row.carry.recentSpikes).toEqual(prior);
    });
  });
});

describe('stepDay(): where a break is counted from', () => {
  it('a run day carries itself and its stage; a day without a run carries the last run on', () => {
    const steps = stepAll(seriesOf(2, runsOn(0)));
    expect(steps[0]?.row.carry.breakRef).toEqual({ date: dayOf(0), stage: 3 });
    expect(steps[1]?.row.carry.breakRef).toEqual({ date: dayOf(0), stage: 3 });
  });
});
