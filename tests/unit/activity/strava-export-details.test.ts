// A Strava bulk export (strava-export.ts) beyond the common case: an export inside a folder, one
// without activities.csv, the limits of each activities.csv field at their edges, and the messages
// for a ZIP that is not an export or expands too far.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readStravaExport, shortened } from '../../../shared/activity/strava-export.ts';
import { badInputOf } from '../../support/bad-input.ts';

const gpx = strToU8('<gpx></gpx>');
const HEAD = 'Activity ID,Activity Date,Activity Name,Activity Type,Filename\n';

describe('readStravaExport(): layouts', () => {
  it('reads an export inside a folder, with filenames written with a leading slash', () => {
    const zip = zipSync({
      export_123: {
        'activities.csv': strToU8(`${HEAD}1,d,Easy,Run,/activities/1.gpx\n`),
        activities: { '1.gpx': gpx },
      },
    });
    const { entries, warnings } = readStravaExport(zip);
    expect(entries).toEqual([
      {
        filename: 'export_123/activities/1.gpx',
        activityId: '1',
        date: 'd',
        name: 'Easy',
        activityType: 'Run',
        sport: 'run',
        bytes: gpx,
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads the activity files of an export without activities.csv, saying what is unknown', () => {
    const zip = zipSync({ activities: { '1.gpx': gpx, '2.gpx': gpx } });
    const { entries, warnings } = readStravaExport(zip);
    expect(entries.map((e) => e.filename)).toEqual(['activities/1.gpx', 'activities/2.gpx']);
    expect(warnings).toEqual(['no activities.csv: activity names and types are unknown']);
  });

  it('finds the columns by title, whatever their case, spaces or order', () => {
    const csv = ' FILENAME ,activity type,ACTIVITY ID\nactivities/1.gpx,Hike,7\n';
    const zip = zipSync({ 'activities.csv': strToU8(csv), activities: { '1.gpx': gpx } });
    expect(readStravaExport(zip).entries[0]).toMatchObject({
      filename: 'activities/1.gpx',
      activityId: '7',
      activityType: 'Hike',
      sport: 'hike',
    });
  });

  it('skips blank rows silently, and counts rows without a file', () => {
    const csv = `${HEAD}1,d,Gym,Weight Training,\n,,,,\n2,d,Yoga,Yoga,\n3,d,Run,Run,activities/3.gpx\n`;
    const zip = zipSync({ 'activities.csv': strToU8(csv), activities: { '3.gpx': gpx } });
    const { entries, warnings } = readStravaExport(zip);
    expect(entries.map((e) => e.filename)).toEqual(['activities/3.gpx']);
    expect(warnings).toEqual(['2 activities without a file (manual entries) skipped']);
  });

  it('names a file the CSV lists but the ZIP lacks', () => {
    const zip = zipSync({
      'activities.csv': strToU8(`${HEAD}4,d,Lost,Ride,activities/4.tcx\n`),
      activities: { '1.gpx': gpx },
    });
    const lost = readStravaExport(zip).entries[0];
    expect(lost).toEqual({
      filename: 'activities/4.tcx',
      activityId: '4',
      date: 'd',
      name: 'Lost',
      activityType: 'Ride',
      sport: 'ride',
      problem: {
        reason: 'missing_file',
        message: 'activities/4.tcx: listed in activities.csv but not in the ZIP',
      },
    });
  });
});

describe('readStravaExport(): activities.csv field limits', () => {
  function entriesOf(rows: string[]) {
    const files = Object.fromEntries(rows.map((_, i) => [`${i}.gpx`, gpx]));
    const csv = HEAD + rows.map((r, i) => `${r},activities/${i}.gpx\n`).join('');
    return readStravaExport(zipSync({ 'activities.csv': strToU8(csv), activities: files }));
  }

  it('keeps an id of 32, a date and a type of 64 and a name of 200 characters whole', () => {
    const r = entriesOf([
      `${'1'.repeat(32)},${'d'.repeat(64)},${'N'.repeat(200)},${'T'.repeat(64)}`,
    ]);
    expect(r.entries[0]).toMatchObject({
      activityId: '1'.repeat(32),
      date: 'd'.repeat(64),
      name: 'N'.repeat(200),
      activityType: 'T'.repeat(64),
    });
    expect(r.warnings).toEqual([]);
  });

  it('leaves out an id of 33 and a date of 65 characters, and shortens names, counting each', () => {
    const r = entriesOf([
      `${'1'.repeat(33)},${'d'.repeat(65)},${'N'.repeat(201)},Run`,
      `2,d,${'M'.repeat(300)},Run`,
    ]);
    expect(r.entries[0]?.activityId).toBeUndefined();
    expect(r.entries[0]?.date).toBeUndefined();
    expect(r.entries[0]?.name).toBe(`${'N'.repeat(199)}…`);
    expect(r.warnings).toEqual([
      '2 activity names longer than 200 characters shortened',
      '2 over-long activity id, date or type fields in activities.csv left out',
    ]);
  });

  it('keeps a filename of 1024 characters', () => {
    const name = `${'a'.repeat(1020)}.gpx`;
    const csv = `${HEAD}1,d,Run,Run,${name}\n`;
    const zip = zipSync({ 'activities.csv': strToU8(csv), [name]: gpx });
    // Outside activities/, so not in the ZIP as an activity file: listed, but missing.
    expect(readStravaExport(zip).entries[0]?.problem?.reason).toBe('missing_file');
  });
});

describe('readStravaExport(): refusals', () => {
  it('refuses a ZIP with neither activities.csv nor activities/', () => {
    const err = badInputOf(() => readStravaExport(zipSync({ 'a.txt': gpx })));
    expect(err.reason).toBe('strava_export_empty');
    expect(err.message).toBe(
      'no activities.csv and no activities/ folder: this is not a Strava bulk export',
    );
  });

  it('refuses an activities.csv without a Filename column', () => {
    const zip = zipSync({ 'activities.csv': strToU8('Activity ID,Activity Name\n1,Run\n') });
    const err = badInputOf(() => readStravaExport(zip));
    expect(err.reason).toBe('strava_export_csv');
    expect(err.message).toBe(
      'activities.csv has no "Filename" column: this is not a Strava bulk export',
    );
  });

  it('refuses an activity file declared larger than one entry may be, counting only export files', () => {
    const big = new Uint8Array(2000);
    const zip = zipSync({ activities: { '1.gpx': big }, media: { 'p.jpg': big } });
    const err = badInputOf(() => readStravaExport(zip, { maxEntryBytes: 1999 }));
    expect(err.reason).toBe('zip_too_large');
    expect(err.message).toContain(
      'activities/1.gpx expands to 2000 bytes, more than the 1999 allowed',
    );
    // 2000 bytes of photo and 2000 of activity: within a total of 3000, as the photo is not read.
    expect(readStravaExport(zip, { maxTotalBytes: 3000 }).entries).toHaveLength(1);
    expect(readStravaExport(zip, { maxEntryBytes: 2000 }).entries).toHaveLength(1);
  });

  it('refuses an export declared larger in all than allowed', () => {
    const zip = zipSync({
      activities: { '1.gpx': new Uint8Array(600), '2.gpx': new Uint8Array(600) },
    });
    const err = badInputOf(() => readStravaExport(zip, { maxTotalBytes: 1199 }));
    expect(err.reason).toBe('zip_too_large');
    expect(err.message).toContain('the export expands to more than 1199 bytes');
    expect(readStravaExport(zip, { maxTotalBytes: 1200 }).entries).toHaveLength(2);
  });
});

describe('shortened()', () => {
  it('keeps a text of the limit whole and cuts a longer one to it, ellipsis included', () => {
    expect(shortened('abcdef', 6)).toBe('abcdef');
    expect(shortened('abcdef', 5)).toBe('abcd…');
  });
});
