import { describe, expect, it } from 'vitest';
import { generateDemoStrength } from '#shared/demo/demo-strength';
import { replayProgression } from '#shared/rehab/index';
import { daysBetween } from '#shared/local-date';

// The story's 84 days run from 2026-09-08 to 2026-11-30; its weeks start on the first day.
const today = '2026-11-30';
const weekOf = (date: string): number => Math.floor(daysBetween('2026-09-08', date) / 7);

describe('generateDemoStrength()', () => {
  const sessions = generateDemoStrength(today);
  const replay = replayProgression(sessions, { heavyAllowedOn: () => false });

  it('logs strength sessions in eight different weeks, two strength and one mobility in a full week', () => {
    const weeks = new Set(sessions.map((s) => weekOf(s.date)));
    expect(weeks.size).toBe(8);
    const full = sessions.filter((s) => weekOf(s.date) === 5);
    expect(full.map((s) => s.sessionKey)).toEqual(['strength_a', 'strength_b', 'mobility']);
    expect(sessions.every((s) => s.date <= today)).toBe(true);
  });

  it('progresses: the bridge climbs from 3×10 through 15 reps to the banded bridge', () => {
    const bridge = replay.steps.filter((s) => s.exerciseId === 'bridge');
    expect(bridge.map((s) => s.prescribed.reps).slice(0, 6)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(bridge.find((s) => s.change === 'level')?.next).toMatchObject({ level: 2, reps: 10 });
    expect(replay.steps.filter((s) => s.outcome === 'step_up').length).toBeGreaterThan(40);
  });

  it('holds every exercise of the one session that hurt (pain 4/10 in the flare-up week)', () => {
    const hurt = sessions.filter((s) => (s.pain ?? 0) > 2);
    expect(hurt).toHaveLength(1);
    const steps = replay.steps.filter((s) => s.date === hurt[0]?.date);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s.outcome === 'hold' && s.reason.includes('Pain 4/10'))).toBe(true);
  });
});
