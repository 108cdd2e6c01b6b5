// science.md §4–§5: the spacing rules read the 6 days before today as sessions (a run, or at a
// walking stage a walk of at least half the session), no-impact cardio, strength work, or rest.
import { describe, expect, it } from 'vitest';
import { emptyDailyLoad } from '../../../shared/engine/compute-daily-series.ts';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import { recentDayKinds } from '../../../shared/engine/recent-day-kinds.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';
import { addDays } from '../../../shared/local-date.ts';

const walkStage = DEFAULT_PLAN[0] as StageDefinition; // walk 30 min
const runStage = DEFAULT_PLAN[3] as StageDefinition;

function week() {
  const s = Array.from({ length: 8 }, (_, i) => emptyDailyLoad(addDays('2026-03-01', i)));
  (s[1] as { runCount: number }).runCount = 1;
  Object.assign(s[2] as object, { crossTrainingMin: 40, strengthMin: 0 });
  Object.assign(s[3] as object, { crossTrainingMin: 30, strengthMin: 30 });
  Object.assign(s[4] as object, { longestWalkMin: 15, crossTrainingMin: 15 });
  Object.assign(s[5] as object, { longestWalkMin: 14, crossTrainingMin: 14 });
  return s;
}

describe('recentDayKinds', () => {
  it('days 1–6 before day 7, oldest first', () => {
    expect(recentDayKinds(week(), 7, 0, runStage)).toEqual([
      'session',
      'cardio',
      'strength',
      'cardio',
      'cardio',
      'rest',
    ]);
  });

  it('at the walking stage a walk of 15 of 30 min is a session, 14 min is not', () => {
    expect(recentDayKinds(week(), 7, 0, walkStage).slice(3, 5)).toEqual(['session', 'cardio']);
  });

  it('days before the history are rest', () => {
    expect(recentDayKinds(week(), 7, 3, runStage)).toEqual([
      'rest',
      'rest',
      'strength',
      'cardio',
      'cardio',
      'rest',
    ]);
  });
});
