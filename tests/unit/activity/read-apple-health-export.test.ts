// An Apple Health export ZIP (read-apple-health-export.ts) written by hand: where export.xml may
// sit, routes named by no workout, workouts left out kept in the file's order, a damaged route
// costing the track but not the workout, and the messages, named after export.xml.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  findAppleHealthXml,
  readAppleHealthExport,
} from '../../../shared/activity/apple-health/read-apple-health-export.ts';
import { readZipDirectory } from '../../../shared/activity/zip/read-zip-directory.ts';
import { createZipBudget } from '../../../shared/activity/zip/zip-limits.ts';
import { zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { badInputOf } from '../../support/bad-input.ts';

const route = strToU8(toGpx(track(steadyPlan(600, 3))));

function workout(start: string, end: string, inner = '', type = 'Running'): string {
  return `<Workout workoutActivityType="HKWorkoutActivityType${type}" startDate="2026-03-01 ${start}:00 +0000" endDate="2026-03-01 ${end}:00 +0000">${inner}</Workout>`;
}
const withRoute = (path: string) => `<WorkoutRoute><FileReference path="${path}"/></WorkoutRoute>`;

function open(files: Zippable) {
  const source = zipSourceOfBytes(zipSync(files));
  const budget = createZipBudget();
  return readAppleHealthExport(source, readZipDirectory(source, budget.limits), budget);
}

describe('readAppleHealthExport()', () => {
  it('reads workouts in the file’s order, the ones left out among them', () => {
    const xml = `<HealthData>${workout('07:00', '07:10')}${workout('08:00', '07:00')}${workout('09:00', '09:30', '', 'Cycling')}</HealthData>`;
    const r = open({ apple_health_export: { 'export.xml': strToU8(xml) } });
    expect(r.workoutCount).toBe(3);
    const items = [...r.workouts()];
    expect(items.map((w) => w.label)).toEqual([
      'Running, 2026-03-01 07:00',
      'workout 2 (HKWorkoutActivityTypeRunning, 2026-03-01 08:00:00 +0000)',
      'Cycling, 2026-03-01 09:00',
    ]);
    expect(items.map((w) => w.activity?.sport ?? w.problem?.reason)).toEqual([
      'run',
      'apple_workout_dates',
      'ride',
    ]);
  });

  it('reads a route next to an export.xml at the ZIP’s root, and counts routes no workout names', () => {
    const xml = `<HealthData>${workout('07:00', '07:10', withRoute('/workout-routes/a.gpx'))}</HealthData>`;
    const r = open({
      'export.xml': strToU8(xml),
      'workout-routes': { 'a.gpx': route, 'b.gpx': route, 'c.gpx': route },
    });
    expect(r.warnings).toEqual(['2 route files named by no workout: not read']);
    const [run] = [...r.workouts()];
    expect(run?.activity?.summary.distanceM).toBeCloseTo(1800, 0);
    const one = open({
      'export.xml': strToU8(xml),
      'workout-routes': { 'a.gpx': route, 'b.gpx': route },
    });
    expect(one.warnings).toEqual(['1 route file named by no workout: not read']);
  });

  it('keeps the workout, without its track, when its route file is damaged', () => {
    const xml = `<HealthData>${workout('07:00', '07:10', withRoute('/workout-routes/a.gpx'))}</HealthData>`;
    const zip = zipSync({
      apple_health_export: {
        'export.xml': strToU8(xml),
        'workout-routes': { 'a.gpx': [route, { level: 0 }] },
      },
    }).slice();
    // Flip a byte inside the stored route's data (after its local header and name).
    const at = zip.indexOf(0x3c, zip.length / 2);
    zip[at] = (zip[at] as number) ^ 0xff;
    const source = zipSourceOfBytes(zip);
    const budget = createZipBudget();
    const r = readAppleHealthExport(source, readZipDirectory(source, budget.limits), budget);
    const [run] = [...r.workouts()];
    expect(run?.activity?.fileWarnings?.[0]?.code).toBe('apple_route_unreadable');
    expect(run?.activity?.summary.elapsedS).toBe(600);
  });

  it('stops the export when a route breaks a cap: only a damaged route costs just its track', () => {
    const xml = `<HealthData>${workout('07:00', '07:10', withRoute('/workout-routes/a.gpx'))}</HealthData>`;
    const source = zipSourceOfBytes(
      zipSync({
        apple_health_export: { 'export.xml': strToU8(xml), 'workout-routes': { 'a.gpx': route } },
      }),
    );
    // The route is larger than one entry may be: a cap on the whole upload, not a damaged file.
    const budget = createZipBudget({ maxEntryBytes: 1000 });
    const r = readAppleHealthExport(source, readZipDirectory(source, budget.limits), budget);
    const err = badInputOf(() => [...r.workouts()]);
    expect(err.reason).toBe('zip_too_large');
    expect(err.message).toMatch(
      /^apple_health_export\/workout-routes\/a\.gpx expands to \d+ bytes, more than the 1000 allowed$/,
    );
  });

  it('warns of no route when every route is named by a workout', () => {
    const xml = `<HealthData>${workout('07:00', '07:10', withRoute('/workout-routes/a.gpx'))}</HealthData>`;
    const r = open({
      apple_health_export: { 'export.xml': strToU8(xml), 'workout-routes': { 'a.gpx': route } },
    });
    expect(r.warnings).toEqual([]);
  });

  it('refuses a ZIP without export.xml, and names export.xml in its errors', () => {
    const none = badInputOf(() => open({ 'a.txt': strToU8('x') }));
    expect(none.reason).toBe('apple_no_export_xml');
    expect(none.message).toBe('no apple_health_export/export.xml in the ZIP');
    const bad = badInputOf(() =>
      open({ apple_health_export: { 'export.xml': strToU8('<gpx/>') } }),
    );
    expect(bad.message).toBe(
      'apple_health_export/export.xml: export.xml holds <gpx>, not <HealthData>',
    );
    // The scanner's own error stays behind it, as its cause.
    expect(bad.cause).toBeInstanceOf(Error);
    expect((bad.cause as Error).message).toBe('export.xml holds <gpx>, not <HealthData>');
  });
});

describe('findAppleHealthXml()', () => {
  const entry = (name: string) => ({
    name,
    method: 0,
    compressedSize: 0,
    size: 0,
    crc32: 0,
    localHeaderOffset: 0,
    encrypted: false,
    isDirectory: false,
  });

  it('prefers apple_health_export/export.xml, in any folder, to a bare export.xml', () => {
    const names = ['export.xml', 'x/apple_health_export/export.xml'];
    expect(findAppleHealthXml(names.map(entry))?.name).toBe('x/apple_health_export/export.xml');
    expect(findAppleHealthXml([entry('EXPORT.XML')])?.name).toBe('EXPORT.XML');
    // A copy kept beside it under another name is not the export.
    expect(findAppleHealthXml([entry('export.xml.bak')])).toBeUndefined();
    expect(
      findAppleHealthXml([entry('x/export.xml'), entry('my_apple_health_export/export.xml')]),
    ).toBeUndefined();
  });
});
