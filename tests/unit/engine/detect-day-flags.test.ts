// science.md §3 pain zones (0–2 green, 3–5 amber, ≥6 red), §5 "a spike in the last 72 h is a flag
// today", and design.md's order of flags (most severe first).
import { describe, expect, it } from 'vitest';
import { detectDayFlags } from '../../../shared/engine/detect-day-flags.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/engine/thresholds.ts';
import { dayFacts as facts } from '../../fixtures/day-facts.ts';

const t = DEFAULT_THRESHOLDS;

describe('detectDayFlags', () => {
  it('a quiet day has no flag', () => {
    expect(detectDayFlags(facts(), t)).toEqual([]);
  });

  it('pain 4/10 during the session is amber (a caution), 6/10 on waking is red (high)', () => {
    const flags = detectDayFlags(
      facts({ sessionPain: 4, todayPain: { value: 6, source: 'morning' } }),
      t,
    );
    expect(flags.map((f) => [f.code, f.severity, f.value])).toEqual([
      ['morning_pain_red', 'high', 6],
      ['session_pain_amber', 'caution', 4],
    ]);
  });

  it('a very high spike two days ago is still a flag today, listed before a caution', () => {
    const flags = detectDayFlags(
      facts({
        clicking: true,
        recentSpikes: [
          { date: '2026-03-08', band: 'very_high', value: 1.5, reference: 'longest_30d', stage: 3 },
        ],
        ranToday: true,
        spacingBroken: true,
      }),
      t,
    );
    expect(flags.map((f) => f.code)).toEqual(['spike_very_high', 'run_spacing_broken', 'clicking']);
    expect(flags[0]?.message).toContain('150 %');
  });

  it('a run while a red flag stands is flagged after the red flag itself', () => {
    const flags = detectDayFlags(
      facts({
        ranToday: true,
        redFlagHold: {
          since: '2026-03-09',
          flags: [{ code: 'giving_way', date: '2026-03-09' }],
          restartStage: 2,
        },
      }),
      t,
    );
    expect(flags.map((f) => [f.code, f.severity])).toEqual([
      ['giving_way', 'red_flag'],
      ['ran_with_red_flag', 'high'],
    ]);
  });
});
