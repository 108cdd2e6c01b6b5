// The heart-rate pass over an Apple Health export.xml (collect-heart-rates.ts): records are written
// here by hand, at UTC (+0000) so each time is read straight off the text, and the expected series
// listed from which workout window each record falls in.
import { describe, expect, it } from 'vitest';
import {
  createHeartRateCollector,
  heartRateNear,
} from '../../../shared/activity/apple-health/collect-heart-rates.ts';
import type { AppleWorkout } from '../../../shared/activity/apple-health/scan-health-xml.ts';

const at = (hhmm: string) => Date.UTC(2019, 4, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3)));

function workout(index: number, from: string, to: string): AppleWorkout {
  return {
    index,
    type: 'HKWorkoutActivityTypeRunning',
    startMs: at(from),
    endMs: at(to),
    startText: `2019-05-01 ${from}:00 +0000`,
    indoor: false,
  };
}

function record(hhmm: string, value: string, more = ''): string {
  return `<Record type="HKQuantityTypeIdentifierHeartRate" unit="count/min" startDate="2019-05-01 ${hhmm}:00 +0000" value="${value}"${more}/>`;
}

function collect(workouts: AppleWorkout[], body: string) {
  const c = createHeartRateCollector(workouts);
  c.push(new TextEncoder().encode(`<HealthData>${body}</HealthData>`));
  c.end();
  return c.result();
}

describe('createHeartRateCollector()', () => {
  it('keeps each record inside a workout, its start and end included, for every workout holding it', () => {
    // Workout 0: 07:00–08:00; workout 1: 07:30–07:45, inside it; workout 2: 09:00–09:30.
    const ws = [
      workout(0, '07:00', '08:00'),
      workout(1, '07:30', '07:45'),
      workout(2, '09:00', '09:30'),
    ];
    const body = ['06:59', '07:00', '07:40', '08:00', '08:01', '09:15']
      .map((t, i) => record(t, `${120 + i}`))
      .join('');
    expect(collect(ws, body)).toEqual([
      { t: [at('07:00'), at('07:40'), at('08:00')], bpm: [121, 122, 123] },
      { t: [at('07:40')], bpm: [122] },
      { t: [at('09:15')], bpm: [125] },
    ]);
  });

  it('finds a record in a long workout that started before a shorter, later one ended', () => {
    // Sorted by start: A 06:00–10:00, B 07:00–07:10. A record at 09:00 is after B's end but in A.
    const ws = [workout(0, '07:00', '07:10'), workout(1, '06:00', '10:00')];
    expect(collect(ws, record('09:00', '130'))).toEqual([
      { t: [], bpm: [] },
      { t: [at('09:00')], bpm: [130] },
    ]);
  });

  it('reads only top-level heart-rate records in beats per minute, with a number and a date', () => {
    const ws = [workout(0, '07:00', '08:00')];
    const body =
      record('07:01', '120') +
      record('07:02', '121').replace('count/min', 'count/s') +
      record('07:03', 'n/a') +
      '<Record type="HKQuantityTypeIdentifierHeartRate" unit="count/min" startDate="soon" value="123"/>' +
      record('07:05', '124').replace('HeartRate"', 'RestingHeartRate"') +
      `<Workout>${record('07:06', '125')}</Workout>` +
      record('07:07', '126').replace('<Record', '<Other');
    expect(collect(ws, body)).toEqual([{ t: [at('07:01')], bpm: [120] }]);
  });

  it('finds the workout holding a record whatever order the workouts are listed in', () => {
    // Listed latest first: 09:00–09:30, then 07:00–08:00. A record at 07:30 is in the second only.
    const ws = [workout(0, '09:00', '09:30'), workout(1, '07:00', '08:00')];
    expect(collect(ws, record('07:30', '130'))).toEqual([
      { t: [], bpm: [] },
      { t: [at('07:30')], bpm: [130] },
    ]);
  });

  it('sorts readings written newest first', () => {
    const ws = [workout(0, '07:00', '08:00')];
    const body = record('07:20', '140') + record('07:10', '130') + record('07:05', '125');
    expect(collect(ws, body)).toEqual([
      { t: [at('07:05'), at('07:10'), at('07:20')], bpm: [125, 130, 140] },
    ]);
  });

  it('refuses an export.xml cut off in the middle', () => {
    const c = createHeartRateCollector([workout(0, '07:00', '08:00')]);
    c.push(new TextEncoder().encode(`<HealthData>${record('07:10', '130')}`));
    expect(() => c.end()).toThrow('the file ends inside <HealthData>: it is truncated');
  });

  it('sorts a workout’s readings by time when sources interleave', () => {
    const ws = [workout(0, '07:00', '08:00')];
    const body = record('07:10', '130') + record('07:05', '125') + record('07:20', '140');
    expect(collect(ws, body)).toEqual([
      { t: [at('07:05'), at('07:10'), at('07:20')], bpm: [125, 130, 140] },
    ]);
  });
});

describe('heartRateNear()', () => {
  const series = { t: [0, 10_000, 20_000], bpm: [100, 110, 120] };

  it.each([
    [10_000, 5_000, 110],
    [14_000, 5_000, 110],
    [16_000, 5_000, 120],
    // Exactly halfway between two readings: the later one (a tie goes to the reading after).
    [15_000, 5_000, 120],
    // At the edge of the window, and beyond it.
    [25_000, 5_000, 120],
    [25_001, 5_000, undefined],
    [-5_000, 5_000, 100],
    [-5_001, 5_000, undefined],
  ])('at %i ms within %i ms: %s', (t, within, bpm) => {
    expect(heartRateNear(series, t, within)).toBe(bpm);
  });

  it('is undefined for an empty series', () => {
    expect(heartRateNear({ t: [], bpm: [] }, 0, 60_000)).toBeUndefined();
  });
});
