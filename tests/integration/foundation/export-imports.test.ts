// Every export kind through the upload API and the workers, recognised by what the ZIP holds:
// Apple Health (workouts, and resting heart rate and HRV as wellness days), Garmin Connect (the FIT
// files of its nested ZIPs, a multisport file as one activity per session) and a plain ZIP of
// activity files. An export ZIP is capped by what it holds, not by the upload limit for one file.
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';
import { appleHealthExportZip, garminExportZip } from '../../fixtures/generate-exports.ts';
import { steadyPlan, toGpx, toTcx, track } from '../../fixtures/generate-activity.ts';
import { toCutFit } from '../../fixtures/generate-fit-files.ts';

interface FileJson {
  filename: string;
  kind: string;
  status: string;
  activityIds: string[];
  error: { code: string; message: string } | null;
  warnings: Array<{ code: string; message: string }>;
}

interface BatchJson {
  kind: string | null;
  state: string;
  error: { code: string; message: string } | null;
  total: number;
  finished: number;
  counts: Record<string, number>;
  warnings: string[];
  wellnessDays: number;
  files: FileJson[];
}

/** Upload one ZIP and wait until its batch is read and every file in it finished. */
async function importZip(client: TestClient, name: string, zip: Uint8Array): Promise<BatchJson> {
  const res = await client.upload([{ name, content: zip }]);
  expect(res.status).toBe(202);
  const batchId = (res.body as unknown as { batches: Array<{ id: string }> }).batches[0]?.id;
  let batch: BatchJson | undefined;
  await eventually(
    async () => {
      batch = (await client.get<BatchJson>(`/api/imports/${batchId}`)).body;
      return batch.state !== 'reading' && batch.finished === batch.total;
    },
    30_000,
    `${name} to be imported`,
  );
  return batch as BatchJson;
}

const UPLOAD_MAX_BYTES = 16 * 1024;

describe('export ZIPs of every kind', () => {
  let p: Pipeline;
  let runner: TestClient;

  beforeAll(async () => {
    // One activity file may be 16 KiB here; the exports below are larger and still accepted.
    p = await startPipeline({ uploadMaxBytes: UPLOAD_MAX_BYTES });
    runner = p.client();
    await runner.signup('exports@example.com', 'runner', 'Europe/Zurich');
  });
  afterAll(async () => {
    await p.close();
  });

  it('imports an Apple Health export: each workout with its result, and the wellness days', async () => {
    const zip = appleHealthExportZip();
    expect(zip.length).toBeGreaterThan(UPLOAD_MAX_BYTES);
    const batch = await importZip(runner, 'export.zip', zip);
    expect([batch.kind, batch.state, batch.wellnessDays]).toEqual(['apple_health', 'done', 3]);
    // The fixture's seven workouts (generate-exports.ts): six read, one with an unreadable end.
    expect(batch.files.map((f) => [f.filename, f.kind, f.status])).toEqual([
      ['Running, 2026-03-02 07:00', 'item', 'done'],
      ['Cycling, 2026-03-03 18:00', 'item', 'done'],
      ['Running, 2026-03-04 07:00', 'item', 'done'],
      ['Traditional Strength Training, 2026-03-05 18:00', 'item', 'done'],
      ['Walking, 2026-03-06 07:00', 'item', 'done'],
      ['Swimming, 2026-03-07 07:00', 'item', 'done'],
      [expect.stringMatching(/^workout 7 /), 'item', 'failed'],
    ]);
    const list = await runner.get<Array<{ sport: string; localDate: string; distanceM: number }>>(
      '/api/activities?from=2026-03-01&to=2026-03-08',
    );
    expect(list.body.map((a) => [a.localDate, a.sport, a.distanceM]).sort()).toEqual([
      ['2026-03-02', 'run', 5400], // 5.4 km
      ['2026-03-03', 'ride', 20_500], // 20.5 km
      ['2026-03-04', 'treadmill_run', 4023.36], // 2.5 mi × 1,609.344 m
      ['2026-03-05', 'strength', 0],
      ['2026-03-06', 'walk', expect.any(Number)],
      ['2026-03-07', 'swim', 1500],
    ]);
    // Resting heart rate and HRV per local day, as the fixture states them.
    const wellness = await runner.get('/api/wellness?from=2026-03-01&to=2026-03-31');
    expect(wellness.body).toEqual([
      { day: '2026-03-02', restingHrBpm: 52, hrvSdnnMs: 43, source: 'apple_health' },
      { day: '2026-03-03', restingHrBpm: 55, hrvSdnnMs: null, source: 'apple_health' },
      { day: '2026-03-04', restingHrBpm: null, hrvSdnnMs: 50, source: 'apple_health' },
    ]);
    expect((await runner.get('/api/wellness?from=2026-03-03&to=2026-03-03')).body).toHaveLength(1);
    // The export's bytes are gone from the spool once read.
    expect(await p.spooledFiles()).toEqual([]);
  });

  it('imports the same Apple Health export again as duplicates: one activity per workout', async () => {
    const batch = await importZip(runner, 'export-again.zip', appleHealthExportZip());
    expect(batch.counts).toEqual({ queued: 0, processing: 0, done: 0, duplicate: 6, failed: 1 });
    const list = await runner.get<unknown[]>('/api/activities?from=2026-03-01&to=2026-03-08');
    expect(list.body).toHaveLength(6);
  });

  it('imports a Garmin Connect export: the files of its nested ZIPs, a triathlon as three activities', async () => {
    const batch = await importZip(runner, 'garmin.zip', garminExportZip());
    expect(batch.kind).toBe('garmin');
    const byName = new Map(batch.files.map((f) => [f.filename.split('/').pop(), f]));
    expect(byName.get('user@example.org_101.fit')?.status).toBe('done');
    expect(byName.get('user@example.org_102.fit')?.activityIds).toHaveLength(3);
    expect(byName.get('user@example.org_103.fit')?.status).toBe('done');
    expect(byName.get('user@example.org_104.fit')?.error?.code).toBe('fit_not_activity');
    expect(byName.get('user@example.org_105.gpx')?.status).toBe('done');
    const sports = await runner.get<Array<{ sport: string }>>(
      '/api/activities?from=2026-05-01&to=2026-06-09',
    );
    // The 20-min run, the swim, ride and run of the triathlon, the pool swim, the walk.
    expect(sports.body.map((a) => a.sport).sort()).toEqual([
      'ride',
      'run',
      'run',
      'swim',
      'swim',
      'walk',
    ]);
  });

  it('imports a plain ZIP of activity files, with the warning of a recovered file in its result', async () => {
    const zip = zipSync({
      'runs/tempo.tcx': strToU8(
        toTcx(track(steadyPlan(600, 3.5), { startMs: Date.UTC(2026, 6, 1, 6) })),
      ),
      'runs/easy.gpx': strToU8(
        toGpx(track(steadyPlan(900, 2.8), { startMs: Date.UTC(2026, 6, 2, 6) })),
      ),
      'runs/cut.fit': toCutFit([{ durationS: 1200, speedMps: 3 }], 601, Date.UTC(2026, 6, 3, 6)),
      'notes.txt': strToU8('not an activity'),
    });
    const batch = await importZip(runner, 'my-runs.zip', zip);
    expect(batch.kind).toBe('activity_files');
    expect(batch.files.map((f) => [f.filename, f.status])).toEqual([
      ['runs/tempo.tcx', 'done'],
      ['runs/easy.gpx', 'done'],
      ['runs/cut.fit', 'done'],
    ]);
    // 600 s after 06:00 UTC is 06:10 UTC, 08:10 in Zurich (CEST, UTC+2, in July).
    expect(batch.files[2]?.warnings).toEqual([
      {
        code: 'fit_ends_early',
        message:
          'the file ends early at 08:10 (10:00 into the activity): anything recorded after that is missing',
      },
    ]);
  });

  it('refuses a ZIP bomb by what it holds, however small the upload', async () => {
    const bomb = zipSync({ 'activities/1.gpx': new Uint8Array(8 * 1024 * 1024) });
    // About 8 KB for 8 MiB: 1,000:1, far beyond the 100:1 a real export reaches.
    expect(bomb.length).toBeLessThan(UPLOAD_MAX_BYTES);
    const res = await runner.upload([{ name: 'small.zip', content: bomb }]);
    const done = await waitForUpload(runner, res.body.uploads[0]?.id ?? '');
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('zip_ratio');
    expect(done.error?.message).toMatch(/^small\.zip: /);
  });

  it('still caps one activity file by the upload limit, with a 413 naming it', async () => {
    const big = toGpx(track(steadyPlan(1200, 3)));
    expect(big.length).toBeGreaterThan(UPLOAD_MAX_BYTES);
    const res = await runner.upload([{ name: 'long.gpx', content: big }]);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: {
        code: 'too_large',
        message: 'long.gpx is larger than the 16 KB limit for one file',
        requestId: expect.any(String),
      },
    });
  });
});
