import { describe, expect, it } from 'vitest';
import { computeDailyVolume } from '#shared/daily-volume';

describe('computeDailyVolume()', () => {
  it('writes rest days as explicit zeros between runs', () => {
    const rows = computeDailyVolume('2026-11-01', '2026-11-04', [
      { day: '2026-11-01', distanceM: 5000, movingS: 1800, count: 1 },
      { day: '2026-11-03', distanceM: 8000, movingS: 2900, count: 2 },
    ]);
    expect(rows).toEqual([
      { day: '2026-11-01', runDistanceM: 5000, runMovingS: 1800, runCount: 1 },
      { day: '2026-11-02', runDistanceM: 0, runMovingS: 0, runCount: 0 },
      { day: '2026-11-03', runDistanceM: 8000, runMovingS: 2900, runCount: 2 },
      { day: '2026-11-04', runDistanceM: 0, runMovingS: 0, runCount: 0 },
    ]);
  });

  it('is empty when the range is empty', () => {
    expect(computeDailyVolume('2026-11-05', '2026-11-04', [])).toEqual([]);
  });
});
