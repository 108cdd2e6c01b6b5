// design.md: flags are listed most severe first (red flag, very high, high, caution, info) and the
// roster puts the athlete with the worst flag on top, athletes without a flag last.
import { describe, expect, it } from 'vitest';
import {
  compareSeverity,
  isSeverity,
  sortBySeverity,
  worstSeverity,
} from '../../../shared/engine/severity-rank.ts';
import type { Severity } from '../../../shared/engine/types.ts';

describe('severity rank', () => {
  it('orders red flag, very high, high, caution, info, then no flag', () => {
    const order: (Severity | null)[] = [null, 'info', 'high', 'red_flag', 'caution', 'very_high'];
    expect([...order].sort(compareSeverity)).toEqual([
      'red_flag',
      'very_high',
      'high',
      'caution',
      'info',
      null,
    ]);
    expect(compareSeverity('high', 'high')).toBe(0);
  });

  it('finds the worst of a list, null for none', () => {
    expect(
      worstSeverity([{ severity: 'info' }, { severity: 'high' }, { severity: 'caution' }]),
    ).toBe('high');
    expect(worstSeverity([])).toBeNull();
  });

  it('sorts most severe first and keeps the order within one severity', () => {
    const flags = [
      { code: 'a', severity: 'info' as const },
      { code: 'b', severity: 'caution' as const },
      { code: 'c', severity: 'red_flag' as const },
      { code: 'd', severity: 'caution' as const },
    ];
    expect(sortBySeverity(flags).map((f) => f.code)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('knows the five severities and nothing else', () => {
    expect(['info', 'caution', 'high', 'very_high', 'red_flag'].every(isSeverity)).toBe(true);
    expect(isSeverity('none')).toBe(false);
    expect(isSeverity('toString')).toBe(false);
    expect(isSeverity(2)).toBe(false);
  });
});
