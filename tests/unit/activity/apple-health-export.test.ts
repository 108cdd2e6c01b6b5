// Apple Health exports: the fixture (tests/fixtures/generate-exports.ts) is built with the real
// layout and attribute shapes, and every expected number here follows from its construction.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../shared/activity/activity.ts';
import { parseAppleDate } from '../../../shared/activity/apple-health/parse-apple-date.ts';
import { createHealthXmlScanner } from '../../../shared/activity/apple-health/scan-health-xml.ts';
import { activityTimeRange } from '../../../shared/activity/plausible-time.ts';
import { readExport, type ExportItem } from '../../../shared/activity/read-export.ts';
import { zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';
import { appleHealthExportZip, APPLE_HEAD } from '../../fixtures/generate-exports.ts';
import { badInputOf } from '../../support/bad-input.ts';

describe('parseAppleDate()', () => {
  it('reads the wall-clock time with its offset, and keeps the local day', () => {
    expect(parseAppleDate('2019-05-01 07:12:33 +0200')).toEqual({
      ms: Date.UTC(2019, 4, 1, 5, 12, 33),
      localDate: '2019-05-01',
    });
    // 23:30 in California is 06:30 UTC the next day; the value belongs to the local day.
    expect(parseAppleDate('2019-05-01 23:30:00 -0700')).toEqual({
      ms: Date.UTC(2019, 4, 2, 6, 30, 0),
      localDate: '2019-05-01',
    });
  });

  it('refuses what is not an Apple date, and impossible ones', () => {
    for (const text of ['2019-05-01T07:12:33Z', '2019-02-31 07:00:00 +0000', 'yesterday', '']) {
      expect(parseAppleDate(text)).toBeUndefined();
    }
  });
});

describe('parseAppleDate(): limits', () => {
  it.each([
    ['2019-05-01 23:59:59 +1400', Date.UTC(2019, 4, 1, 9, 59, 59)],
    ['2019-05-01 00:00:00 -0559', Date.UTC(2019, 4, 1, 5, 59, 0)],
    ['  2019-05-01 07:00:00 +0000 ', Date.UTC(2019, 4, 1, 7, 0, 0)],
    ['2024-02-29 12:00:00 +0100', Date.UTC(2024, 1, 29, 11, 0, 0)],
  ])('reads %j', (text, ms) => {
    expect(parseAppleDate(text)?.ms).toBe(ms);
  });

  it.each([
    '2019-05-01 24:00:00 +0000',
    '2019-05-01 07:60:00 +0000',
    '2019-05-01 07:00:60 +0000',
    '2019-05-01 07:00:00 +1500',
    '2019-05-01 07:00:00 +0060',
    '2019-13-01 07:00:00 +0000',
    '2023-02-29 07:00:00 +0000',
  ])('refuses %j', (text) => {
    expect(parseAppleDate(text)).toBeUndefined();
  });

  it('is undefined for no text', () => {
    expect(parseAppleDate(undefined)).toBeUndefined();
  });
});

describe('readExport() on an Apple Health export', () => {
  const reading = readExport(zipSourceOfBytes(appleHealthExportZip()));
  const items: ExportItem[] = [...reading.items()];
  const activity = (i: number): Activity => {
    const r = items[i]?.result;
    if (r === undefined || !r.ok) throw new Error(`item ${i} failed`);
    return r.activities[0] as Activity;
  };

  it('recognises the export by its contents', () => {
    expect(reading.kind).toBe('apple_health');
  });

  it('gives each day its resting heart rate and HRV, averaged, on the local day', () => {
    expect(reading.wellness).toEqual([
      { date: '2026-03-02', restingHrBpm: 52, hrvSdnnMs: 43 }, // (40.5 + 45.5) / 2
      { date: '2026-03-03', restingHrBpm: 55 }, // (54 + 56) / 2; 54 was 23:30 UTC on 03-02
      { date: '2026-03-04', hrvSdnnMs: 50 },
    ]);
  });

  it('gives one result per workout, named by its type and local start', () => {
    expect(items.map((i) => i.entry)).toEqual([
      'Running, 2026-03-02 07:00',
      'Cycling, 2026-03-03 18:00',
      'Running, 2026-03-04 07:00',
      'Traditional Strength Training, 2026-03-05 18:00',
      'Walking, 2026-03-06 07:00',
      'Swimming, 2026-03-07 07:00',
      'workout 7 (HKWorkoutActivityTypeRunning, 2026-03-08 07:00:00 +0100)',
    ]);
    expect(reading.warnings).toEqual(['1 route file named by no workout: not read']);
  });

  it('reads a run with its route and puts the watch heart rate on every point', () => {
    const run = activity(0);
    expect(run.sport).toBe('run');
    expect(run.format).toBe('apple_health');
    expect(run.device).toBe('Apple Watch');
    expect(run.startAt.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(run.samples).toHaveLength(1801); // 1 Hz for 30 min
    expect(run.summary.elapsedS).toBe(1800);
    expect(run.summary.distanceM).toBe(5400); // the workout's 5.4 km
    // Readings every 5 s at 150; the background readings (60 at 05:00, 70 at 12:00) stay out.
    expect(run.samples.every((s) => s.hrBpm === 150)).toBe(true);
    expect(run.summary.maxHrBpm).toBe(150);
  });

  it('reads other sports as their duration, distance and heart rate, without a route', () => {
    const ride = activity(1);
    expect(ride.sport).toBe('ride');
    expect(ride.summary).toEqual({
      distanceM: 20_500, // iOS 16 shape: WorkoutStatistics DistanceCycling 20.5 km
      movingS: 3600,
      elapsedS: 3600,
      elevationGainM: 0,
      avgHrBpm: 140,
      maxHrBpm: 140,
    });
    expect(ride.samples).toHaveLength(61); // a reading a minute, 17:00 … 18:00
    const strength = activity(3);
    expect([strength.sport, strength.summary.movingS, strength.samples.length]).toEqual([
      'strength',
      2700,
      0,
    ]);
    const swim = activity(5);
    expect([
      swim.sport,
      swim.summary.movingS,
      swim.summary.elapsedS,
      swim.summary.distanceM,
    ]).toEqual(['swim', 38 * 60, 40 * 60, 1500]);
  });

  it('makes an indoor run a treadmill run, in miles converted to metres', () => {
    const treadmill = activity(2);
    expect(treadmill.sport).toBe('treadmill_run');
    expect(treadmill.summary.distanceM).toBeCloseTo(2.5 * 1609.344, 6);
    expect(treadmill.samples).toHaveLength(121); // every 10 s over 20 min, both ends
  });

  it('keeps a workout whose route is missing, from its own numbers, and says so', () => {
    const walk = activity(4);
    expect(walk.sport).toBe('walk');
    expect(walk.summary.distanceM).toBe(2700);
    expect(walk.fileWarnings?.map((w) => w.code)).toEqual(['apple_route_missing']);
  });

  it('fails a workout with an unreadable date, alone', () => {
    expect(items[6]?.result).toEqual({
      ok: false,
      reason: 'apple_workout_dates',
      message: 'its start and end dates are missing, unreadable or out of order',
    });
  });
});

describe('export.xml read as a stream', () => {
  const xml = strToU8(
    `${APPLE_HEAD} <Record type="HKQuantityTypeIdentifierRestingHeartRate" sourceName="W" unit="count/min" startDate="2026-03-02 08:00:00 +0100" endDate="2026-03-02 08:00:00 +0100" value="50"/>\n <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="20" durationUnit="min" totalDistance="4" totalDistanceUnit="km" sourceName="W" startDate="2026-03-02 07:00:00 +0100" endDate="2026-03-02 07:20:00 +0100"/>\n</HealthData>\n`,
  );

  it('gives the same result whatever the chunk size', () => {
    const results = [xml.length, 4096, 7, 1].map((size) => {
      const scanner = createHealthXmlScanner();
      for (let i = 0; i < xml.length; i += size) scanner.push(xml.subarray(i, i + size));
      scanner.end();
      return scanner.result();
    });
    expect(results[0]?.workouts).toHaveLength(1);
    expect(results[0]?.workouts[0]).toMatchObject({ durationS: 1200, distanceM: 4000 });
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('refuses an export.xml whose DTD declares entities (billion laughs), naming the file', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}">]><HealthData>&b;</HealthData>`;
    const zip = zipSync({ apple_health_export: { 'export.xml': strToU8(bomb) } });
    const err = badInputOf(() => readExport(zipSourceOfBytes(zip)));
    expect(err.reason).toBe('xml_entity');
    expect(err.message).toMatch(/^apple_health_export\/export\.xml: line 1: <!ENTITY>/);
  });

  it('refuses an export.xml that is not Apple Health data', () => {
    const zip = zipSync({ apple_health_export: { 'export.xml': strToU8('<gpx></gpx>') } });
    expect(badInputOf(() => readExport(zipSourceOfBytes(zip))).reason).toBe('apple_not_health');
  });
});

describe('readExport() on an Apple Health export read on an earlier day', () => {
  // "Now" is 2026-03-02 12:00 UTC in UTC: tomorrow, 2026-03-03, is the last plausible day
  // (plausible-time.ts), so the export's later days and workouts are a broken clock.
  const range = activityTimeRange(Date.UTC(2026, 2, 2, 12), 'UTC');
  const reading = readExport(zipSourceOfBytes(appleHealthExportZip()), {
    parse: { timeRange: range },
  });
  const items = [...reading.items()];

  it('leaves out the wellness days after tomorrow, and says how many', () => {
    expect(range.lastDay).toBe('2026-03-03');
    expect(reading.wellness.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(reading.warnings).toContain(
      '1 wellness day dated before 1990-01-01 or after tomorrow left out',
    );
    const dayEarlier = activityTimeRange(Date.UTC(2026, 2, 1, 12), 'UTC');
    const earlier = readExport(zipSourceOfBytes(appleHealthExportZip()), {
      parse: { timeRange: dayEarlier },
    });
    expect(earlier.wellness.map((d) => d.date)).toEqual(['2026-03-02']);
    expect(earlier.warnings).toContain(
      '2 wellness days dated before 1990-01-01 or after tomorrow left out',
    );
  });

  it('refuses each workout after tomorrow alone, with the reason, and keeps the others', () => {
    const results = items.map((i) => (i.result.ok ? 'ok' : i.result.reason));
    expect(results.slice(0, 2)).toEqual(['ok', 'ok']); // 03-02 and 03-03
    expect(results.slice(2, 6)).toEqual([
      'implausible_time',
      'implausible_time',
      'implausible_time',
      'implausible_time',
    ]);
    const third = items[2]?.result;
    expect(third?.ok === false && third.message).toMatch(/^Running, 2026-03-04 07:00/);
  });
});
