import { gzipSync, strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readStravaExport } from '../../../shared/activity/strava-export.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { toFit } from '../../fixtures/generate-fit.ts';
import { reasonOf } from '../../support/bad-input.ts';

const points = track(steadyPlan(120, 3));
const gpx = strToU8(toGpx(points));
const csv =
  'Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename\n' +
  '101,"Mar 1, 2026, 7:00:00 AM",Easy run,Run,"two lines,\nwith a comma",120,0.36,activities/101.gpx\n' +
  '102,"Mar 2, 2026, 7:00:00 AM",Track day,Run,,120,0.36,activities/102.fit.gz\n' +
  '103,"Mar 3, 2026, 7:00:00 AM",Gym,Weight Training,,3600,0,\n' +
  '104,"Mar 4, 2026, 7:00:00 AM",Lost,Ride,,60,1.0,activities/104.tcx\n';

function exportZip(extra: Zippable = {}): Uint8Array {
  return zipSync({
    'activities.csv': strToU8(csv),
    activities: { '101.gpx': gpx, '102.fit.gz': gzipSync(toFit(points)) },
    media: { 'photo.jpg': new Uint8Array(10) },
    ...extra,
  });
}

/** Overwrite the uncompressed size of every entry, in local headers and the central directory. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('readStravaExport()', () => {
  it('returns one entry per activity file, with the CSV name and type, without parsing it', () => {
    const { entries, warnings } = readStravaExport(exportZip());
    expect(entries.map((e) => e.filename)).toEqual([
      'activities/101.gpx',
      'activities/102.fit.gz',
      'activities/104.tcx',
    ]);
    expect(entries[0]).toMatchObject({
      activityId: '101',
      name: 'Easy run',
      activityType: 'Run',
      sport: 'run',
    });
    expect(entries[0]?.bytes).toEqual(gpx);
    expect(warnings).toContain('1 activities without a file (manual entries) skipped');
  });

  it('marks a file that activities.csv names but the ZIP lacks, so the rest still import', () => {
    const lost = readStravaExport(exportZip()).entries.find((e) => e.activityId === '104');
    expect(lost?.bytes).toBeUndefined();
    expect(lost?.problem?.reason).toBe('missing_file');
  });

  it('keeps activity files that activities.csv does not list', () => {
    const { entries } = readStravaExport(
      exportZip({
        activities: { '101.gpx': gpx, '102.fit.gz': gzipSync(toFit(points)), '999.gpx': gpx },
      }),
    );
    expect(entries.map((e) => e.filename)).toContain('activities/999.gpx');
  });

  it('rejects a ZIP with more entries than allowed', () => {
    expect(reasonOf(() => readStravaExport(exportZip(), { maxEntries: 3 }))).toBe(
      'zip_too_many_entries',
    );
  });

  it('rejects a zip bomb by the sizes it declares', () => {
    const bomb = zipSync({
      'activities.csv': strToU8(csv),
      activities: { '1.gpx': new Uint8Array(8 * 1024 * 1024) },
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(reasonOf(() => readStravaExport(bomb, { maxTotalBytes: 1024 * 1024 }))).toBe(
      'zip_too_large',
    );
  });

  it('rejects a zip bomb that lies about its sizes, by the bytes that actually come out', () => {
    const bomb = zipSync({
      'activities.csv': strToU8(csv),
      activities: { '1.gpx': new Uint8Array(8 * 1024 * 1024) },
    });
    // zip.test.ts shows the reader stops within one input step of the declared size.
    expect(reasonOf(() => readStravaExport(lieAboutSizes(bomb, 100)))).toBe('zip_size_mismatch');
  });

  it('rejects something that is not a ZIP, and a ZIP that is not a Strava export', () => {
    expect(reasonOf(() => readStravaExport(strToU8('hello')))).toBe('zip_corrupt');
    expect(reasonOf(() => readStravaExport(zipSync({ 'readme.txt': strToU8('hi') })))).toBe(
      'strava_export_empty',
    );
  });

  it('keeps activities.csv fields within their limits: a filename of 2.5 million characters is refused, a long name shortened', () => {
    const hugeFilename = `activities/${'a'.repeat(2_500_000)}.gpx`;
    const longName = 'N'.repeat(300);
    const longType = 'T'.repeat(100);
    const zip = zipSync({
      // Stored, not deflated: 2.5 million repeated letters would be refused as a ZIP bomb first.
      'activities.csv': [
        strToU8(
          'Activity ID,Activity Date,Activity Name,Activity Type,Filename\n' +
            `1,"Mar 1, 2026, 7:00:00 AM",Fine,Run,${hugeFilename}\n` +
            `2,"Mar 2, 2026, 7:00:00 AM",${longName},${longType},activities/2.gpx\n`,
        ),
        { level: 0 },
      ],
      activities: { '2.gpx': gpx },
    });
    const { entries, warnings } = readStravaExport(zip);
    const [huge, named] = entries;
    // Refused, and never carried whole: the name shown is cut to 100 characters.
    expect(huge?.problem?.reason).toBe('csv_field_too_long');
    expect(huge?.problem?.message).toContain('a file of 2500015 characters (at most 1024)');
    expect(huge?.filename.length).toBe(100);
    expect(huge?.bytes).toBeUndefined();
    // 200 characters kept: 199 of the name and an ellipsis; the type, over 64, is left out.
    expect(named?.name).toBe(`${'N'.repeat(199)}…`);
    expect(named?.activityType).toBeUndefined();
    expect(named?.bytes).toBeDefined();
    expect(warnings).toEqual([
      '1 activity name longer than 200 characters shortened',
      '1 over-long activity id, date or type field in activities.csv left out',
    ]);
  });
});
