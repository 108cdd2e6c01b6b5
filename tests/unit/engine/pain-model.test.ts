// science.md §3 "Hip symptoms: the pain-monitoring model": the zones, which day a score belongs to,
// and "Today's pain decides today" (the score read, not yet the decision: recommend-today.test.ts).
import { describe, expect, it } from 'vitest';
import { morningScoreOf, todayPainOf } from '../../../shared/engine/morning-pain.ts';
import { medianOf, painZoneOf } from '../../../shared/engine/pain-model.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

describe('painZoneOf() — §3: "0–2 green, 3–5 amber, ≥6 red"', () => {
  it.each([
    [0, 'green'],
    [2, 'green'],
    [3, 'amber'],
    [5, 'amber'],
    [6, 'red'],
    [10, 'red'],
  ] as const)('%d/10 is %s', (score, zone) => {
    expect(painZoneOf(score, t)).toBe(zone);
  });
});

describe('morningScoreOf() — §3 "Which day a score belongs to"', () => {
  it('reads "pain this morning" logged on D as the morning of D', () => {
    expect(morningScoreOf({ painMorning: 6 }, undefined)).toBe(6);
  });

  it('reads "the morning after" the run of D−1 as the same morning, taking the higher score', () => {
    expect(morningScoreOf(undefined, { painNextMorning: 4 })).toBe(4);
    expect(morningScoreOf({ painMorning: 2 }, { painNextMorning: 5 })).toBe(5);
  });

  it('falls back on pain at rest only when the morning has no score of its own', () => {
    expect(morningScoreOf({ painAtRest: 3 }, undefined)).toBe(3);
    expect(morningScoreOf({ painAtRest: 3, painMorning: 1 }, undefined)).toBe(1);
    expect(morningScoreOf(undefined, undefined)).toBeUndefined();
  });
});

describe('todayPainOf() — §3 "Pain at rest or this morning … decides today"', () => {
  it('is the higher of this morning and pain at rest, naming which', () => {
    expect(todayPainOf({ painMorning: 6, painAtRest: 2 }, undefined)).toEqual({
      value: 6,
      source: 'morning',
    });
    expect(todayPainOf({ painMorning: 1, painAtRest: 4 }, undefined)).toEqual({
      value: 4,
      source: 'rest',
    });
  });

  it('never ignores a score logged without a run', () => {
    // a morning score with no run before it still counts as today's pain
    expect(todayPainOf({ painMorning: 7 }, undefined)?.value).toBe(7);
  });

  it('is undefined without any score', () => {
    expect(todayPainOf({ stiffness: 3 }, undefined)).toBeUndefined();
  });
});

describe('medianOf()', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(medianOf([5])).toBe(5);
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([1, 2, 3, 4])).toBe(2.5); // (2 + 3) / 2
  });
});
