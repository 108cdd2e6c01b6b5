import { describe, expect, it } from 'vitest';
import {
  clockDomain,
  clockTicks,
  widenedDomain,
} from '../../../dashboard/src/charts/clock-axis.ts';

const asClock = (min: number) => {
  const s = Math.round(min * 60);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

describe('a pace axis written as a clock', () => {
  it('widens a steady run (5:33.1 to 5:33.5 /km) to half a minute about its middle', () => {
    const [lo, hi] = clockDomain(5.552, 5.558);
    expect(lo).toBeCloseTo(5.305, 9);
    expect(hi).toBeCloseTo(5.805, 9);
  });

  it('keeps a span of half a minute or more as it is', () => {
    expect(clockDomain(4.5, 7.25)).toEqual([4.5, 7.25]);
  });

  it('ticks a steady run every 15 s: 5:30 and 5:45, never three "5:33"', () => {
    const ticks = clockTicks(5.305, 5.805).map(asClock);
    expect(ticks).toEqual(['5:30', '5:45']);
  });

  it('ticks 4:30–7:15 /km every minute (5:00, 6:00, 7:00), at most five ticks', () => {
    expect(clockTicks(4.5, 7.25).map(asClock)).toEqual(['5:00', '6:00', '7:00']);
  });

  it('ticks 5:10–5:50 every 15 s, 3:00–14:00 every 5 min', () => {
    expect(clockTicks(5 + 10 / 60, 5 + 50 / 60).map(asClock)).toEqual(['5:15', '5:30', '5:45']);
    expect(clockTicks(3, 14).map(asClock)).toEqual(['5:00', '10:00']);
  });
});

describe("any other stream's axis", () => {
  it('widens a steady heart rate (144 bpm throughout) to 10 bpm about it: 139 to 149', () => {
    expect(widenedDomain(144, 144, 10)).toEqual([139, 149]);
    expect(widenedDomain(140, 146, 10)).toEqual([138, 148]);
  });

  it('keeps a span of 10 bpm or more as it is', () => {
    expect(widenedDomain(120, 130, 10)).toEqual([120, 130]);
    expect(widenedDomain(110, 172, 10)).toEqual([110, 172]);
  });
});
