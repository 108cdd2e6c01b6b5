// Any export ZIP read item by item (read-export.ts), beyond the common case: a plain ZIP of
// activity files, a file that cannot be read among good ones, the hints of a Strava listing, and
// the message for a ZIP that is no export.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../shared/activity/activity.ts';
import { buildSummaryActivity } from '../../../shared/activity/build-summary-activity.ts';
import { applyExportHints, readExport } from '../../../shared/activity/read-export.ts';
import { zipSourceOfBytes } from '../../../shared/activity/zip/zip-source.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { badInputOf } from '../../support/bad-input.ts';

const gpx = strToU8(toGpx(track(steadyPlan(120, 3))));

describe('readExport()', () => {
  it('reads a plain ZIP of activity files, one item per file, a broken one among them', () => {
    const zip = zipSync({ runs: { 'a.gpx': gpx, 'b.gpx': strToU8('<gpx></gpx>') } });
    const reading = readExport(zipSourceOfBytes(zip));
    expect(reading.kind).toBe('activity_files');
    expect(reading.warnings).toEqual([]);
    expect(reading.wellness).toEqual([]);
    const [a, b] = [...reading.items()];
    expect(a?.entry).toBe('runs/a.gpx');
    expect(a?.result.ok && a.result.activities[0]?.summary.elapsedS).toBe(120);
    expect(b).toEqual({
      entry: 'runs/b.gpx',
      result: {
        ok: false,
        reason: 'gpx_no_track',
        // Named by the file's own name, not its path in the ZIP.
        message: 'b.gpx: nothing was recorded: it has no track (<trk>)',
      },
    });
  });

  it('gives a Strava file the name and sport its activities.csv lists, and a missing one its problem', () => {
    const csv =
      'Activity ID,Activity Name,Activity Type,Filename\n' +
      '1,Hill reps,Trail Run,activities/1.gpx\n2,Lost,Run,activities/2.gpx\n';
    const zip = zipSync({ 'activities.csv': strToU8(csv), activities: { '1.gpx': gpx } });
    const [found, lost] = [...readExport(zipSourceOfBytes(zip)).items()];
    const activity = found?.result.ok ? found.result.activities[0] : undefined;
    expect([activity?.name, activity?.sport]).toEqual(['Hill reps', 'trail_run']);
    expect(lost).toEqual({
      entry: 'activities/2.gpx',
      result: {
        ok: false,
        reason: 'missing_file',
        message: 'activities/2.gpx: listed in activities.csv but not in the ZIP',
      },
    });
  });

  it('refuses a ZIP that holds no activity files', () => {
    const zip = zipSync({ 'notes.txt': strToU8('hello') });
    const err = badInputOf(() => readExport(zipSourceOfBytes(zip)));
    expect(err.reason).toBe('zip_unknown_export');
    expect(err.message).toBe(
      'the ZIP holds no activity files: not a Strava, Apple Health or Garmin export',
    );
  });

  it('applies the caller’s ZIP limits', () => {
    const zip = zipSync({ runs: { 'a.gpx': gpx, 'b.gpx': gpx } });
    // Three entries: the folder and its two files.
    const err = badInputOf(() => readExport(zipSourceOfBytes(zip), { limits: { maxEntries: 2 } }));
    expect(err.reason).toBe('zip_too_many_entries');
  });
});

describe('applyExportHints()', () => {
  const activity = (): Activity =>
    buildSummaryActivity({ format: 'gpx', sport: 'run', startMs: 0, elapsedS: 60, name: 'File' });

  it('overrides the sport and name of a file’s only activity, keeping what the listing lacks', () => {
    const a = activity();
    applyExportHints([a], { filename: 'x.gpx', sport: 'hike' });
    expect([a.sport, a.name]).toEqual(['hike', 'File']);
    applyExportHints([a], { filename: 'x.gpx', name: 'Listed' });
    expect([a.sport, a.name]).toEqual(['hike', 'Listed']);
  });

  it('leaves the activities of a multisport file as they are', () => {
    const [a, b] = [activity(), activity()];
    applyExportHints([a, b], { filename: 'x.fit', sport: 'ride', name: 'Listed' });
    expect([a.sport, a.name, b.sport, b.name]).toEqual(['run', 'File', 'run', 'File']);
  });
});
