// science.md §4 "After a break" (Daniels): "up to 6 days — no change; 7–13 days — one stage back;
// 14–27 days — two stages back; 28 days or more — back to stage 1 … The reason names the break
// ('12 days without a run: one stage back')." Every edge of each step, worked from that text.
import { describe, expect, it } from 'vitest';
import { breakReasonOf, stageAfterBreak } from '../../../shared/engine/break-rule.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';

const t = DEFAULT_THRESHOLDS;

describe('stageAfterBreak()', () => {
  it.each([
    // days without a run, stage when the break began, stage after it
    [0, 6, 6],
    [6, 6, 6], // up to 6 days: no change
    [7, 6, 5], // 7–13: one stage back
    [13, 6, 5],
    [14, 6, 4], // 14–27: two stages back
    [27, 6, 4],
    [28, 6, 1], // 28 or more: back to stage 1
    [90, 8, 1],
  ] as const)('%d days without a run from stage %d: stage %d', (days, from, to) => {
    expect(stageAfterBreak(from, days, t)).toBe(to);
  });

  it('never steps a running stage below stage 1, and leaves walking (stage 0) as it is', () => {
    expect(stageAfterBreak(1, 10, t)).toBe(1);
    expect(stageAfterBreak(2, 20, t)).toBe(1);
    expect(stageAfterBreak(3, 20, t)).toBe(1);
    expect(stageAfterBreak(0, 40, t)).toBe(0);
  });
});

describe('breakReasonOf()', () => {
  it('names the break: "12 days without a run: one stage back"', () => {
    expect(breakReasonOf(12, 4, t)).toEqual({
      code: 'break',
      message: '12 days without a run: one stage back, to stage 4.',
      value: 12,
      rule: 'break',
    });
  });

  it.each([
    [7, 'one stage back'],
    [13, 'one stage back'],
    [14, 'two stages back'],
    [27, 'two stages back'],
    [28, 'back'],
  ] as const)('%d days: "%s"', (days, step) => {
    expect(breakReasonOf(days, 1, t).message).toBe(
      `${days} days without a run: ${step}, to stage 1.`,
    );
  });
});
