// Scenario stories of 8–12 weeks, checked day by day or at their key days for stage, flags and
// action. Runners are synthetic (tests/fixtures/engine-scenarios.ts); every expected date is worked
// out in the comments from the rules of science.md, not read from the engine's output.
// Clauses checked: §4 the stage table, "Advance only after … at least twice", "Runs never on
// consecutive days in stages 1–6", "Red, or not back to baseline next morning: drop one stage and
// wait at least 3 days", "Amber … the next run repeats the stage"; §2 single-run spike; §5 rule 1
// "A red flag holds until it is cleared", rule 4 (72 h after a spike), "at least one full rest day";
// §1 local days.
import { describe, expect, it } from 'vitest';
import type { DailyMetricsRow, TodayDecision } from '../../../shared/engine/run-engine.ts';
import { addDays, localDateOf, type LocalDate } from '../../../shared/local-date.ts';
import { followPlan, ScenarioBuilder, type FollowedDay } from '../../fixtures/engine-scenarios.ts';

const MON = '2026-01-05'; // a Monday
const day = (k: number): LocalDate => addDays(MON, k);
const isRun = (d: TodayDecision) =>
  d.recommendation.action === 'run' || d.recommendation.action === 'run_modified';
const NO_RUN = ['cross_train', 'strength', 'rest'];
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);
const byDate = (days: FollowedDay[]) => new Map(days.map((d) => [d.date, d.decision]));

describe('story 1: a clean progression over 12 weeks', () => {
  const { builder, days } = followPlan({ start: MON, days: 84 });
  const out = builder.engine(day(83));
  const at = byDate(days);

  it('walks twice at stage 0, then advances to stage 1 on the third morning', () => {
    // 01-05 and 01-06: stage 0 → walk. 01-07 morning: the 01-06 walk is the 2nd completed session
    // (green, back at the green zone with no baseline yet, 30 ≥ 27 min) and the entry questions
    // were answered → stage 1.
    expect(at.get(day(0))).toMatchObject({ stage: 0, recommendation: { action: 'walk' } });
    expect(at.get(day(0))?.recommendation.summary).toMatch(/^Walk as planned/);
    expect(at.get(day(1))).toMatchObject({ stage: 0, recommendation: { action: 'walk' } });
    expect(at.get(day(2))).toMatchObject({ stage: 1, recommendation: { action: 'run' } });
    expect(codes(at.get(day(2))?.flags ?? [])).toContain('stage_advanced');
  });

  it('spaces stage-1 runs and advances after the second one', () => {
    // 01-07 run (1st), 01-08 ran yesterday → cross-train or strength, 01-09 run (2nd), 01-10
    // morning → stage 2.
    expect(['cross_train', 'strength']).toContain(at.get(day(3))?.recommendation.action);
    expect(at.get(day(3))?.recommendation.reasons[0]?.code).toBe('no_consecutive_days');
    expect(at.get(day(4))).toMatchObject({ stage: 1, recommendation: { action: 'run' } });
    expect(at.get(day(5))?.stage).toBe(2);
  });

  it('never runs on consecutive days in stages 1–6, never goes back, never flags a red flag', () => {
    for (let k = 1; k < days.length; k++) {
      const prev = days[k - 1]?.decision as TodayDecision;
      const cur = days[k]?.decision as TodayDecision;
      expect(cur.stage).toBeGreaterThanOrEqual(prev.stage);
      // A stage-0 "run" is a walk: only runs at stage 1 or more count as running the day before.
      if (cur.stage >= 1 && cur.stage <= 6 && isRun(cur))
        expect(isRun(prev) && prev.stage >= 1).toBe(false);
      expect(cur.flags.some((f) => f.severity === 'red_flag' || f.severity === 'high')).toBe(false);
      expect(['walk', 'run', 'run_modified', 'cross_train', 'strength', 'rest']).toContain(
        cur.recommendation.action,
      );
    }
  });

  it('reaches stage 8, recording every advance with its date and reasons', () => {
    const advances = out.stageChanges.filter((c) => c.kind === 'advance');
    expect(advances.map((c) => [c.fromStage, c.toStage])).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((s) => [s, s + 1]),
    );
    for (const c of advances)
      expect(c.reasons.map((r) => r.code)).toEqual(['session_completed', 'advance']);
    expect(out.today.stage).toBe(8);
    // Stage 7 needs 8 completed sessions at up to 4 a week: at least 2 weeks between 7 and 8.
    const [to7, to8] = [advances[6]?.date as string, advances[7]?.date as string];
    expect(Date.parse(to8) - Date.parse(to7)).toBeGreaterThanOrEqual(13 * 86_400_000);
  });

  it('keeps a rest day in every 7 days once a week of history exists (§5 "The weekly view")', () => {
    // Days before the history count as rest, so the first window to check ends on day 8 (01-13).
    for (let k = 8; k < days.length; k++) {
      const week = days.slice(k - 6, k + 1).map((d) => d.decision.recommendation.action);
      expect(week).toContain('rest');
    }
  });
});

describe('story 2: a run more than 100 % longer than the longest of the last 30 days', () => {
  // Stage 8, runs of 5 km (30 min) on Mon/Wed/Fri for 5 weeks, then 11 km on Monday 02-09 (day 35).
  const b = new ScenarioBuilder(undefined, { startStage: 8 });
  for (let k = 0; k < 35; k++) {
    b.checkin(day(k), { painAtRest: 1, stiffness: 1 });
    if (k % 7 === 0 || k % 7 === 2 || k % 7 === 4) {
      b.run(day(k), { minutes: 30, distanceM: 5000, rpe: 4 });
      b.checkin(day(k), { painDuring: 1, painAfter: 1, painNextMorning: 1 });
    }
  }
  b.run(day(35), { minutes: 66, distanceM: 11000, rpe: 6 });
  b.checkin(day(35), {
    painAtRest: 1,
    stiffness: 1,
    painDuring: 2,
    painAfter: 2,
    painNextMorning: 1,
  });
  for (let k = 36; k < 60; k++) b.checkin(day(k), { painAtRest: 1, stiffness: 1 });
  const out = b.engine(day(59));
  const row = (k: number) => out.days[k] as DailyMetricsRow;

  it('rates the 11-km run a very high spike (Frandsen 2025)', () => {
    // 11000 / 5000 − 1 = 1.2 > 1.0 → very high
    expect(row(35).spike).toMatchObject({
      band: 'very_high',
      reference: 'longest_30d',
      referenceValue: 5000,
    });
    expect(row(35).spike?.value).toBeCloseTo(1.2, 12);
    expect(row(35).flags.find((f) => f.code === 'spike_very_high')?.severity).toBe('very_high');
  });

  it('also flags the weekly change, as a caution', () => {
    // days 29–35: runs on 30, 32, 35 = 5000 + 5000 + 11000 = 21000; days 22–28: 23, 25, 28 = 15000
    // 21000 / 15000 − 1 = 0.4 > 0.3
    expect(row(35).weeklyChange.value).toBeCloseTo(0.4, 12);
    expect(codes(row(35).flags)).toContain('weekly_change_high');
  });

  it('advises cross-training for the next 72 h, flagged every one of those days', () => {
    // Mornings 02-10, 02-11, 02-12 are within 3 days of the spike: cross-train (rule 4, very high),
    // and the spike is a flag on each of them, with the same value as its reason.
    for (const k of [36, 37, 38]) {
      expect(row(k).recommendation.action).toBe('cross_train');
      const reason = row(k).recommendation.reasons.find((r) => r.code === 'spike_very_high');
      const flag = row(k).flags.find((f) => f.code === 'spike_very_high');
      expect(reason?.value).toBeCloseTo(1.2, 12);
      expect(flag?.value).toBe(reason?.value);
    }
    expect(codes(row(39).flags)).not.toContain('spike_very_high');
    // 02-13 is 4 days later: the stage-8 session.
    expect(row(39).recommendation.action).toBe('run');
  });

  it('before the spike day the advice was the plain stage session', () => {
    expect(row(35).recommendation.action).toBe('run');
    expect(row(34).spike).toBeNull();
  });
});

describe('story 2b: a first run with no run in the previous 30 days is measured against the stage', () => {
  it('rates a 60-min run at stage 5 (20 min) a very high spike', () => {
    // A clinician sets stage 5 on day 38 (a stage set by hand also ends any break step-back).
    const b = new ScenarioBuilder(undefined, {
      manualStages: [{ date: day(38), stage: 5, by: 'clinician' }],
    });
    for (let k = 0; k < 40; k++) b.checkin(day(k), { painAtRest: 1 });
    b.run(day(40), { minutes: 60 });
    const out = b.engine(day(41));
    // 3600 s / 1200 s − 1 = 2.0 → very high against the prescription
    expect(out.days[40]?.spike).toMatchObject({
      reference: 'stage_prescription',
      band: 'very_high',
      value: 2,
    });
    expect(out.days[41]?.recommendation.action).not.toBe('run');
  });
});

describe('story 3: pain that does not settle by the next morning', () => {
  // Stage 4 from the start; every session green, except the run of 01-09 (the 3rd run), whose next
  // morning scores 4 against a baseline of 1.
  const { builder, days } = followPlan({
    start: MON,
    days: 70,
    builder: new ScenarioBuilder(undefined, { startStage: 4 }),
    session: (date) =>
      date === day(4)
        ? { painDuring: 1, painAfter: 2, painNextMorning: 4 }
        : { painDuring: 1, painAfter: 1, painNextMorning: 1 },
  });
  const at = byDate(days);
  const out = builder.engine(day(69));

  it('runs the stage-4 session on 01-05, 01-07 and 01-09', () => {
    // 01-05 run; 01-06 ran yesterday; 01-07 run; 01-08 morning: 2nd completion → stage 5!
    // So the runs are at stage 4 on 01-05 and 01-07, and at stage 5 on 01-09.
    expect(
      [0, 2, 4].map((k) => [at.get(day(k))?.stage, at.get(day(k))?.recommendation.action]),
    ).toEqual([
      [4, 'run'],
      [4, 'run'],
      [5, 'run'],
    ]);
  });

  it('drops one stage the morning after and pauses running for 3 days', () => {
    // 01-10 morning: 4 > baseline 1 → not back to baseline → stage 5 → 4, no running 01-10…01-12.
    // This morning's 4/10 is amber, so the day is rest, not cross-training (§5 rule 2).
    const d10 = at.get(day(5)) as TodayDecision;
    expect(d10.stage).toBe(4);
    expect(d10.recommendation.action).toBe('rest');
    expect(d10.recommendation.reasons[0]?.code).toBe('not_back_to_baseline');
    // the 4/10 of this morning is said once
    expect(d10.recommendation.reasons.filter((r) => r.message.includes('4/10'))).toHaveLength(1);
    expect(codes(d10.flags)).toEqual(
      expect.arrayContaining(['not_back_to_baseline', 'stage_dropped']),
    );
    for (const k of [6, 7]) {
      expect(at.get(day(k))?.recommendation.action).not.toMatch(/^run/);
      expect(at.get(day(k))?.recommendation.reasons[0]?.code).toBe('pause_running');
    }
    // 01-13: the pause is over → the stage-4 session.
    expect(at.get(day(8))).toMatchObject({ stage: 4, recommendation: { action: 'run' } });
  });

  it('records the drop with its date and reasons', () => {
    const drop = out.stageChanges.find((c) => c.kind === 'drop');
    expect(drop).toMatchObject({ date: day(5), fromStage: 5, toStage: 4, by: 'engine' });
    expect(drop?.reasons.map((r) => r.code)).toEqual(['not_back_to_baseline', 'pause_running']);
    expect(drop?.reasons[1]?.value).toBe(day(8));
  });

  it('climbs again afterwards, and the runner never ran during the pause', () => {
    expect(
      builder.runs.filter((r) => [day(5), day(6), day(7)].includes(localDateOf(r.startAt, 'UTC'))),
    ).toEqual([]);
    expect(out.today.stage).toBe(8);
  });
});

describe('story 3b: red pain during a run and amber pain after one', () => {
  it('drops a stage on red pain and repeats it on amber', () => {
    const { builder, days } = followPlan({
      start: MON,
      days: 56,
      builder: new ScenarioBuilder(undefined, { startStage: 3 }),
      // 1st run (01-05): amber after (4); 3rd run onward green; 2nd run (01-07): red during (7)
      session: (date) =>
        date === day(0)
          ? { painDuring: 2, painAfter: 4, painNextMorning: 1 }
          : date === day(2)
            ? { painDuring: 7, painAfter: 5, painNextMorning: 1 }
            : { painDuring: 1, painAfter: 1, painNextMorning: 1 },
    });
    const at = byDate(days);
    // 01-06 morning: amber → repeat stage 3 and no run the next day (§4)
    expect(at.get(day(1))?.stage).toBe(3);
    expect(codes(at.get(day(1))?.flags ?? [])).toContain('stage_repeated');
    expect(NO_RUN).toContain(at.get(day(1))?.recommendation.action);
    expect(at.get(day(1))?.recommendation.reasons[0]?.code).toBe('pain_amber');
    // 01-07: the next run repeats stage 3
    expect(at.get(day(2))).toMatchObject({ stage: 3, recommendation: { action: 'run' } });
    // 01-08 morning: red during the 01-07 run → stage 2, no running 01-08…01-10
    expect(at.get(day(3))).toMatchObject({ stage: 2, recommendation: { action: 'cross_train' } });
    expect(at.get(day(3))?.recommendation.reasons[0]?.code).toBe('pain_red');
    for (const k of [4, 5]) expect(NO_RUN).toContain(at.get(day(k))?.recommendation.action);
    // 01-11: the pause is over, but 01-05…01-10 had no rest day: rest (§5); 01-12: the session.
    expect(at.get(day(6))?.recommendation.action).toBe('rest');
    expect(at.get(day(7))).toMatchObject({ stage: 2, recommendation: { action: 'run' } });
    const kinds = builder.engine(day(55)).stageChanges.map((c) => [c.date, c.kind, c.toStage]);
    expect(kinds.slice(0, 3)).toEqual([
      [day(0), 'start', 3],
      [day(1), 'repeat', 3],
      [day(3), 'drop', 2],
    ]);
  });
});

describe('story 4: night pain holds until a clinician clears running (§5 rule 1)', () => {
  // Stage 3, green sessions; on 02-02 (day 28) the morning check-in reports night pain.
  const run = (day29: Partial<Record<'nightPain', boolean>>, clearOn?: number) =>
    followPlan({
      start: MON,
      days: 63,
      builder: new ScenarioBuilder(undefined, { startStage: 3 }),
      morning: (_date, k) => {
        if (k === 28) return { painAtRest: 1, stiffness: 1, nightPain: true };
        if (k === 29) return { painAtRest: 1, stiffness: 1, ...day29 };
        return { painAtRest: 1, stiffness: 1, readinessTestPassed: true };
      },
      before: (date, k, b) => {
        if (k === clearOn) b.clearances.push({ date, by: 'runner' });
      },
    });

  it('sends the runner to a clinician at once, with no running in the week sketched', () => {
    const at = byDate(run({}).days);
    const d = at.get(day(28)) as TodayDecision;
    expect(d.recommendation.action).toBe('see_clinician');
    expect(d.recommendation.reasons[0]?.code).toBe('night_pain');
    expect(d.flags[0]).toMatchObject({ code: 'night_pain', severity: 'red_flag' });
    expect(d.plan.some((p) => ['run', 'run_modified', 'walk'].includes(p.action))).toBe(false);
    expect(d.recommendation.summary).toBe('See a clinician before running again');
    expect(d.hold).toMatchObject({ kind: 'red_flag', since: day(28) });
  });

  // This replaces a test that required the flag to lapse after 3 days: science.md §5 says "it never
  // lapses by itself", and a later "no" does not clear it either.
  it('never lapses: every day to the end of the story is "see a clinician"', () => {
    for (const story of [run({}), run({ nightPain: false })]) {
      const at = byDate(story.days);
      for (let k = 28; k < 63; k++) {
        const d = at.get(day(k)) as TodayDecision;
        expect(d.recommendation.action, day(k)).toBe('see_clinician');
        expect(d.flags.some((f) => f.severity === 'red_flag')).toBe(true);
        expect(d.plan.some((p) => ['run', 'run_modified', 'walk'].includes(p.action))).toBe(false);
      }
    }
  });

  it('ends with a clearance, restarting one stage below the stage before the flag', () => {
    // cleared on 02-09 (day 35); the stage before the flag was 3, or more if the runner advanced
    const story = run({}, 35);
    const at = byDate(story.days);
    const before = (at.get(day(27)) as TodayDecision).stage;
    expect(at.get(day(34))?.recommendation.action).toBe('see_clinician');
    const cleared = at.get(day(35)) as TodayDecision;
    expect(cleared.hold).toBeNull();
    expect(cleared.stage).toBe(Math.max(1, before - 1));
    expect(cleared.recommendation.action).not.toBe('see_clinician');
    const change = story.builder.engine(day(35)).stageChanges.at(-1);
    expect(change).toMatchObject({ date: day(35), kind: 'clearance', by: 'runner' });
  });

  it.each([
    'painWalking',
    'limp',
    'painHopping',
    'deepGroinPain',
    'catchingOrLocking',
    'givingWay',
  ] as const)('treats %s the same way', (field) => {
    const b = new ScenarioBuilder(undefined, { startStage: 5 });
    for (let k = 0; k < 56; k++) b.checkin(day(k), { painAtRest: 1 });
    b.checkin(day(50), { [field]: true });
    expect(b.engine(day(55)).today.recommendation.action).toBe('see_clinician');
  });
});

describe('story 5: a runner in Denver whose evening runs cross midnight UTC', () => {
  const DENVER = { timezone: 'America/Denver', sex: 'male' as const, units: 'metric' as const };
  // 19:30 MST (UTC−7) is 02:30 UTC the next day; every other run at 23:30 MST = 06:30 UTC next day.
  // Jan 5 – Mar 1 2026 is before the switch to MDT (Mar 8), so −07:00 holds throughout.
  let n = 0;
  const runAt = (date: LocalDate) =>
    new Date(`${date}T${n++ % 2 === 0 ? '19:30' : '23:30'}:00-07:00`);
  const { builder, days } = followPlan({
    start: MON,
    days: 56,
    builder: new ScenarioBuilder(DENVER),
    runAt,
  });
  const out = builder.engine(day(55));
  const utcRunner = followPlan({ start: MON, days: 56 });

  it('puts every run on the Denver day it was run, not on the UTC day', () => {
    const denverRunDays = new Set<LocalDate>();
    for (const r of builder.runs) {
      const denverDay = localDateOf(r.startAt, 'America/Denver');
      // every instant is the next day in UTC
      expect(localDateOf(r.startAt, 'UTC')).toBe(addDays(denverDay, 1));
      if (r.sport === 'run') denverRunDays.add(denverDay);
    }
    const rowRunDays = out.days.filter((d) => d.load.runCount > 0).map((d) => d.date);
    expect(rowRunDays).toEqual([...denverRunDays].sort());
    // and the days the runner was told to run are the days with a run
    expect(
      days.filter((d) => d.decision.stage >= 1 && isRun(d.decision)).map((d) => d.date),
    ).toEqual(rowRunDays);
  });

  it('takes the same decisions, day by day, as a runner whose runs sit mid-day UTC', () => {
    expect(days.map((d) => [d.date, d.decision.stage, d.decision.recommendation.action])).toEqual(
      utcRunner.days.map((d) => [d.date, d.decision.stage, d.decision.recommendation.action]),
    );
    expect(out.days.some((d) => codes(d.flags).includes('consecutive_run_days'))).toBe(false);
  });

  it('would see runs on consecutive days if the days were UTC days', () => {
    // The same instants read in UTC land one day later; a walk-run on the evening of a cross-training
    // day then looks like two days in a row whenever the runner also ran the next evening.
    const asUtc = new ScenarioBuilder({ ...DENVER, timezone: 'UTC' });
    for (const r of builder.runs) asUtc.runs.push(r);
    for (const c of builder.checkins) asUtc.checkins.push(c);
    for (const c of builder.crossTraining) asUtc.crossTraining.push(c);
    const shifted = asUtc.engine(day(55));
    const runDays = (o: typeof out) => o.days.filter((d) => d.load.runCount > 0).map((d) => d.date);
    expect(runDays(shifted)).toEqual(
      runDays(out)
        .map((d) => addDays(d, 1))
        .filter((d) => d <= day(55)),
    );
    expect(shifted.days.map((d) => d.recommendation.action)).not.toEqual(
      out.days.map((d) => d.recommendation.action),
    );
  });
});
