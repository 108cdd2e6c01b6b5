// The numbers of science.md that a coach may override (the thresholds table; §4 breaks of 7/14/28
// days rising; §5 spike bands rising, pain zones green ≤ 2 < amber ≤ 5), checked once: each refusal
// names the threshold, equal edges pass, and the look-back of a resume is worked out by hand.
import { describe, expect, it } from 'vitest';
import { lookbackDaysOf, resolveThresholds } from '../../../shared/engine/thresholds.ts';
import type { Thresholds } from '../../../shared/engine/types.ts';
import { refusalOf as refusal } from '../../support/bad-input.ts';

describe('resolveThresholds: the defaults of science.md, a coach’s overrides, checked once', () => {
  const refused = (over: Record<string, unknown>) =>
    refusal(() => resolveThresholds(over as Partial<Thresholds>));

  it('without overrides: the numbers of science.md', () => {
    expect(resolveThresholds()).toMatchObject({
      spikeCaution: 0.1,
      spikeHigh: 0.3,
      spikeVeryHigh: 1.0,
      spikeWindowDays: 30,
      painGreenMax: 2,
      painAmberMax: 5,
      acwrMinHistoryDays: 28,
      breakOneStageDays: 7,
      breakTwoStagesDays: 14,
      breakRestartDays: 28,
    });
  });
  it('an override replaces its default; empty ones and a retired one are ignored', () => {
    const t = resolveThresholds({
      spikeCaution: 0.15,
      spikeHigh: undefined,
      painAmberMax: null as never,
      redFlagDays: 3,
    } as Partial<Thresholds>);
    expect(t.spikeCaution).toBe(0.15);
    expect(t.spikeHigh).toBe(0.3);
    expect(t.painAmberMax).toBe(5);
    expect('redFlagDays' in t).toBe(false);
  });
  it('an unknown name is refused by name', () => {
    expect(refused({ spikeCautio: 0.2 })).toEqual({
      reason: 'threshold_unknown',
      message: 'unknown threshold: spikeCautio',
    });
  });
  it.each([
    ['spikeCaution', -0.1, 'invalid threshold spikeCaution: -0.1'],
    ['acwrHigh', Number.POSITIVE_INFINITY, 'invalid threshold acwrHigh: Infinity'],
    ['acwrHigh', Number.NaN, 'invalid threshold acwrHigh: NaN'],
    ['monotonyHigh', '2', 'invalid threshold monotonyHigh: 2'],
  ])('%s = %s is refused', (key, value, message) => {
    expect(refused({ [key]: value })).toEqual({ reason: 'threshold_invalid', message });
  });
  it('a ratio of 0 is allowed (a coach may ask to hear of every rise)', () => {
    expect(resolveThresholds({ spikeCaution: 0 }).spikeCaution).toBe(0);
  });
  it.each([
    'spikeWindowDays',
    'spikeRecentDays',
    'acwrMinHistoryDays',
    'ewmaAcuteDays',
    'ewmaChronicDays',
    'ctlDays',
    'atlDays',
    'pauseDaysAfterDrop',
    'baselineWindowDays',
    'baselineMinScores',
    'painTrendMinScores',
    'readinessValidDays',
    'surgeryNoJogWeeks',
    'stopMaxS',
  ])('%s counts whole days or items: 0 and 2.5 are refused, 1 is allowed', (key) => {
    expect(refused({ [key]: 0 })).toEqual({
      reason: 'threshold_invalid',
      message: `invalid threshold ${key}: 0`,
    });
    expect(refused({ [key]: 2.5 })).toEqual({
      reason: 'threshold_invalid',
      message: `invalid threshold ${key}: 2.5`,
    });
    expect(refused({ [key]: 1 })).toBeNull();
  });
  it.each(['srpe', 'trimp', 'rtss', 'minutes'])('load measure %s is one of the four', (m) => {
    expect(resolveThresholds({ loadMeasure: m as Thresholds['loadMeasure'] }).loadMeasure).toBe(m);
  });
  it('any other load measure is refused', () => {
    expect(refused({ loadMeasure: 'watts' })).toEqual({
      reason: 'threshold_invalid',
      message: 'invalid threshold loadMeasure: watts',
    });
  });

  const SPIKE = 'spike bands must rise: spikeCaution ≤ spikeHigh ≤ spikeVeryHigh';
  const BREAKS = 'break steps must rise: breakOneStageDays ≤ breakTwoStagesDays ≤ breakRestartDays';
  it.each([
    ['caution above high', { spikeCaution: 0.4 }, SPIKE],
    ['high above very high', { spikeHigh: 1.2 }, SPIKE],
    ['one stage back after more days than two', { breakOneStageDays: 15 }, BREAKS],
    ['two stages back after more days than a restart', { breakTwoStagesDays: 29 }, BREAKS],
    ['a bout tolerance of 100 %', { boutTolerance: 1 }, 'invalid threshold boutTolerance: 1'],
    ['green reaching amber', { painGreenMax: 5 }, 'painGreenMax must be below painAmberMax'],
    ['green above amber', { painGreenMax: 6 }, 'painGreenMax must be below painAmberMax'],
  ])('the bands must rise: %s is refused', (_n, over, message) => {
    expect(refused(over)).toEqual({ reason: 'threshold_invalid', message });
  });
  it.each([
    ['caution equal to high', { spikeCaution: 0.3 }],
    ['high equal to very high', { spikeHigh: 1.0 }],
    ['one and two stages back after the same break', { breakOneStageDays: 14 }],
    ['two stages back and a restart after the same break', { breakTwoStagesDays: 28 }],
    ['a bout tolerance of 99 %', { boutTolerance: 0.99 }],
    ['green one below amber', { painGreenMax: 4 }],
  ])('equal edges are allowed: %s', (_n, over) => {
    expect(refused(over)).toBeNull();
  });
});

describe('lookbackDaysOf: the days before a resume the longest window needs', () => {
  it('34 with the defaults: the 30-day spike window and its 3 recent days, and the day itself', () => {
    expect(lookbackDaysOf(resolveThresholds())).toBe(34);
  });
  it('a 40-day pain baseline needs 40 + 2 + 1 days', () => {
    expect(lookbackDaysOf(resolveThresholds({ baselineWindowDays: 40 }))).toBe(43);
  });
  it('a 60-day ACWR history needs 61 days', () => {
    expect(lookbackDaysOf(resolveThresholds({ acwrMinHistoryDays: 60 }))).toBe(61);
  });
});
