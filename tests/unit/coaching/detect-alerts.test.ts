// detectAlerts(): which of today's facts alert a coach (issue 12 item 8), and what makes two
// sightings the same event. Days worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { detectAlerts, type AlertFacts } from '../../../shared/coaching/detect-alerts.ts';

const base: AlertFacts = {
  today: '2026-11-30',
  flags: [],
  lastCheckIn: '2026-11-29',
  firstDay: '2026-11-01',
  missedCheckInDays: 3,
  name: 'Maja',
};
const red = {
  code: 'night_pain',
  severity: 'red_flag',
  message: 'Night pain reported on Mon 30 Nov.',
} as const;
const spike = {
  code: 'spike_very_high',
  severity: 'very_high',
  message: 'The run on Sun 29 Nov was 120 % longer than the longest of the 30 days before.',
} as const;

describe('detectAlerts()', () => {
  it('a red flag and a very high spike alert; a high spike, a caution and red pain do not', () => {
    const out = detectAlerts({
      ...base,
      flags: [
        red,
        spike,
        { code: 'spike_high', severity: 'high', message: 'high' },
        { code: 'pain_trend_rising', severity: 'caution', message: 'trend' },
        { code: 'session_pain_red', severity: 'very_high', message: 'not a spike' },
      ],
    });
    expect(out.map((a) => [a.kind, a.eventKey])).toEqual([
      ['red_flag', `night_pain:${red.message}`],
      ['very_high_spike', `spike_very_high:${spike.message}`],
    ]);
    expect(out[0]?.message).toBe('Red flag for Maja: Night pain reported on Mon 30 Nov.');
  });

  it.each([
    // last check-in 29 Nov → 1 day on 30 Nov; 27 Nov → 3 days (= the setting: alert); 28 Nov → 2
    ['2026-11-29', 3, false],
    ['2026-11-28', 3, false],
    ['2026-11-27', 3, true],
    ['2026-11-28', 2, true],
  ] as const)('last check-in %s with the setting %d days → alert %s', (last, days, alerts) => {
    const out = detectAlerts({ ...base, lastCheckIn: last, missedCheckInDays: days });
    expect(out.some((a) => a.kind === 'missed_check_ins')).toBe(alerts);
  });

  it('one missed-check-in event per gap: the key is the last check-in, the same every day after', () => {
    const on = (today: string) =>
      detectAlerts({ ...base, today, lastCheckIn: '2026-11-25' }).find(
        (a) => a.kind === 'missed_check_ins',
      );
    expect(on('2026-11-28')?.eventKey).toBe('missed:2026-11-25');
    expect(on('2026-11-30')?.eventKey).toBe('missed:2026-11-25');
    expect(on('2026-11-30')?.message).toBe(
      'Maja has not checked in for 5 days (last check-in on Wed 25 Nov).',
    );
  });

  it('never checked in: counted from the first day of data, and nothing before any data', () => {
    expect(
      detectAlerts({ ...base, lastCheckIn: null, firstDay: '2026-11-26' }).map((a) => a.message),
    ).toEqual(['Maja has not checked in yet, 4 days after starting.']);
    expect(detectAlerts({ ...base, lastCheckIn: null, firstDay: null })).toEqual([]);
  });
});
