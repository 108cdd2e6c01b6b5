// Export ZIPs told apart by what they hold, and read item by item: Garmin Connect data exports
// (nested ZIPs of uploaded FIT files), Strava exports and plain ZIPs of activity files.
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectExportKind } from '../../../shared/activity/detect-export-kind.ts';
import { readExport, type ExportItem } from '../../../shared/activity/read-export.ts';
import { zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { garminExportZip } from '../../fixtures/generate-exports.ts';
import { reasonOf } from '../../support/bad-input.ts';

const read = (zip: Uint8Array) => readExport(zipSourceOfBytes(zip));
const items = (zip: Uint8Array): ExportItem[] => [...read(zip).items()];

const UPLOADS = 'DI_CONNECT/DI-Connect-Uploaded-Files';

describe('detectExportKind()', () => {
  it('tells each export by the paths it holds, whatever the ZIP is called', () => {
    expect(
      detectExportKind(['apple_health_export/export.xml', 'apple_health_export/export_cda.xml']),
    ).toBe('apple_health');
    expect(detectExportKind(['export.xml', 'workout-routes/route_1.gpx'])).toBe('apple_health');
    expect(detectExportKind([`${UPLOADS}/UploadedFiles_0-_Part1.zip`])).toBe('garmin');
    expect(detectExportKind(['export_123/activities.csv', 'export_123/activities/1.gpx'])).toBe(
      'strava',
    );
    expect(detectExportKind(['runs/monday.gpx', 'runs/tuesday.fit.gz'])).toBe('activity_files');
    expect(detectExportKind(['readme.txt', 'photo.jpg'])).toBeUndefined();
  });
});

describe('readExport() on a Garmin Connect data export', () => {
  const reading = read(garminExportZip());
  const all = [...reading.items()];

  it('reads every uploaded file out of the nested ZIPs, with a result for each', () => {
    expect(reading.kind).toBe('garmin');
    expect(all.map((i) => [i.entry.replace(`${UPLOADS}/`, ''), i.result.ok])).toEqual([
      ['UploadedFiles_0-_Part1.zip/user@example.org_101.fit', true],
      ['UploadedFiles_0-_Part1.zip/user@example.org_102.fit', true],
      ['UploadedFiles_0-_Part1.zip/user@example.org_103.fit', true],
      ['UploadedFiles_0-_Part1.zip/user@example.org_104.fit', false],
      ['UploadedFiles_0-_Part2.zip/user@example.org_105.gpx', true],
    ]);
  });

  it('parses each file as an upload would: the run, the triathlon per sport, the pool swim', () => {
    const sports = all.map((i) => (i.result.ok ? i.result.activities.map((a) => a.sport) : []));
    expect(sports).toEqual([['run'], ['swim', 'ride', 'run'], ['swim'], [], ['walk']]);
    const run = all[0]?.result;
    expect(run?.ok && run.activities[0]?.summary.distanceM).toBe(3600); // 20 min at 3 m/s
    expect(all[3]?.result).toMatchObject({ ok: false, reason: 'fit_not_activity' });
  });

  it('fails a damaged nested ZIP alone, and does not open a ZIP nested deeper', () => {
    const part = zipSync({ 'x.fit': toFit(track(steadyPlan(120, 3))) });
    const damaged = part.slice(0, part.length - 10);
    const deeper = zipSync({ 'inner.zip': part });
    const result = items(
      zipSync({
        DI_CONNECT: {
          'DI-Connect-Uploaded-Files': { 'a.zip': damaged, 'b.zip': deeper, 'c.zip': part },
        },
      }),
    );
    expect(
      result.map((i) => [i.entry.replace(`${UPLOADS}/`, ''), i.result.ok ? 'ok' : i.result.reason]),
    ).toEqual([
      ['a.zip', 'zip_corrupt'],
      ['b.zip/inner.zip', 'zip_nested'],
      ['c.zip/x.fit', 'ok'],
    ]);
  });

  it('refuses the whole export when a nested ZIP is a bomb', () => {
    const bomb = zipSync({ 'zeros.fit': new Uint8Array(16 * 1024 * 1024) });
    const zip = zipSync({
      DI_CONNECT: { 'DI-Connect-Uploaded-Files': { 'p.zip': zipSync({ 'q.zip': bomb }) } },
    });
    expect(
      reasonOf(() =>
        items(zipSync({ DI_CONNECT: { 'DI-Connect-Uploaded-Files': { 'p.zip': bomb } } })),
      ),
    ).toBe('zip_ratio');
    expect(items(zip).map((i) => (i.result.ok ? 'ok' : i.result.reason))).toEqual(['zip_nested']);
  });
});

describe('readExport() on other ZIPs', () => {
  const points = track(steadyPlan(300, 3));

  it('reads a Strava export with its activities.csv names and sports', () => {
    const csv =
      'Activity ID,Activity Date,Activity Name,Activity Type,Filename\n7,"Mar 1, 2026",Lunch ride,Ride,activities/7.gpx.gz\n';
    const all = items(
      zipSync({
        'activities.csv': strToU8(csv),
        activities: { '7.gpx.gz': gzipSync(strToU8(toGpx(points))) },
      }),
    );
    expect(all).toHaveLength(1);
    const r = all[0]?.result;
    expect(r?.ok && [r.activities[0]?.sport, r.activities[0]?.name]).toEqual([
      'ride',
      'Lunch ride',
    ]);
  });

  it('reads a Strava export one file at a time, as the caller reaches each', () => {
    // Three GPX files stored uncompressed, so that the bytes read from the ZIP are the files' own.
    const gpx = strToU8(toGpx(points));
    const zip = zipSync({
      'activities.csv': strToU8(
        'Activity ID,Filename\n1,activities/1.gpx\n2,activities/2.gpx\n3,activities/3.gpx\n',
      ),
      activities: {
        '1.gpx': [gpx, { level: 0 }],
        '2.gpx': [gpx, { level: 0 }],
        '3.gpx': [gpx, { level: 0 }],
      },
    });
    const inner = zipSourceOfBytes(zip);
    let readBytes = 0;
    const source = {
      size: inner.size,
      read(offset: number, length: number) {
        const bytes = inner.read(offset, length);
        readBytes += bytes.length;
        return bytes;
      },
    };
    const reading = readExport(source);
    expect(readBytes).toBeLessThan(gpx.length); // the directory and activities.csv only
    const items = reading.items();
    items.next();
    expect(readBytes).toBeGreaterThan(gpx.length);
    expect(readBytes).toBeLessThan(2 * gpx.length);
    expect([...items]).toHaveLength(2);
  });

  it('reads a plain ZIP of activity files in any folder', () => {
    const reading = read(
      zipSync({ week: { 'mon.gpx': strToU8(toGpx(points)), 'notes.txt': strToU8('hi') } }),
    );
    expect(reading.kind).toBe('activity_files');
    expect([...reading.items()].map((i) => [i.entry, i.result.ok])).toEqual([
      ['week/mon.gpx', true],
    ]);
  });

  it('refuses a ZIP that holds no activity files', () => {
    expect(reasonOf(() => read(zipSync({ 'readme.txt': strToU8('hi') })))).toBe(
      'zip_unknown_export',
    );
  });
});
