// A Strava bulk-export ZIP over HTTP and `hipcheck import` on the command line: the API stores the
// ZIP and answers, a worker reads it into a batch, and every file ends as done, duplicate or failed
// with its reason; a bad file never stops the rest.
import { readFileSync } from 'node:fs';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';
import { startPipeline, waitForUpload, eventually, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';
import { runCli } from '../../support/run-node.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appleHealthExportZip, garminExportZip } from '../../fixtures/generate-exports.ts';

interface BatchJson {
  state: 'reading' | 'done' | 'failed';
  kind: string | null;
  error: { code: string; message: string } | null;
  warnings: string[];
  total: number;
  finished: number;
  counts: Record<string, number>;
  files: Array<{
    filename: string;
    status: string;
    error: { code: string; message: string } | null;
  }>;
}

describeWithSharedData('bulk imports', () => {
  let p: Pipeline;
  let runner: TestClient;

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('bulk@example.com');
  });
  afterAll(async () => {
    await p.close();
  });

  it('imports a Strava export ZIP as one batch: each file done, duplicate or failed with its reason', async () => {
    const run = readFileSync(activityFile('togeojson--run.gpx'));
    const csv = [
      'Activity ID,Activity Date,Activity Name,Activity Type,Filename',
      '1,"Oct 24, 2012, 5:00:00 PM",Morning Run,Run,activities/1.gpx',
      '2,"Jun 1, 2014, 6:00:00 PM",Friday ride,Ride,activities/2.gpx.gz',
      '3,"Jun 2, 2014, 6:00:00 PM",Broken,Run,activities/3.gpx',
      '4,"Oct 24, 2012, 5:00:00 PM",Same run again,Run,activities/4.gpx',
      '5,"Jun 3, 2014, 6:00:00 PM",Lost,Run,activities/5.fit',
      '6,"Jun 4, 2014, 6:00:00 PM",Manual entry,Run,',
    ].join('\n');
    const zip = zipSync({
      'activities.csv': strToU8(csv),
      'activities/1.gpx': new Uint8Array(run),
      'activities/2.gpx.gz': gzipSync(
        new Uint8Array(readFileSync(activityFile('togeojson--Friday-Evening-Run.gpx'))),
      ),
      'activities/3.gpx': new Uint8Array(readFileSync(activityFile('togeojson--bad.gpx'))),
      'activities/4.gpx': new Uint8Array(run),
    });
    const res = await runner.upload([{ name: 'export_123.zip', content: zip }]);
    expect(res.status).toBe(202);
    const body = res.body as unknown as {
      uploads: Array<{ id: string; kind: string; status: string }>;
      batches: Array<{ id: string; filename: string; uploadId: string }>;
    };
    // The ZIP is one stored upload; reading it is the workers' job.
    expect(body.uploads).toEqual([expect.objectContaining({ kind: 'export', status: 'queued' })]);
    expect(body.batches).toEqual([
      { id: expect.any(String), filename: 'export_123.zip', uploadId: body.uploads[0]?.id },
    ]);
    const batch = body.batches[0];

    let final: BatchJson | undefined;
    await eventually(
      async () => {
        final = (await runner.get<BatchJson>(`/api/imports/${batch?.id}`)).body;
        return final.state === 'done' && final.finished === final.total;
      },
      30_000,
      'the batch to finish',
    );
    expect([final?.kind, final?.total]).toEqual(['strava', 5]);
    expect(final?.warnings.join(' ')).toContain('1 activities without a file');
    const byName = new Map(final?.files.map((f) => [f.filename, f]));
    expect(byName.get('activities/1.gpx')?.status).toBe('done');
    expect(byName.get('activities/2.gpx.gz')?.status).toBe('done');
    expect(byName.get('activities/3.gpx')?.status).toBe('failed');
    expect(byName.get('activities/3.gpx')?.error?.message).toContain('activities/3.gpx');
    expect(byName.get('activities/4.gpx')?.status).toBe('duplicate');
    expect(byName.get('activities/5.fit')?.status).toBe('failed');
    expect(byName.get('activities/5.fit')?.error?.code).toBe('missing_file');
    expect(final?.counts).toEqual({ queued: 0, processing: 0, done: 2, duplicate: 1, failed: 2 });

    // The CSV's type and name win over the file's guess: the ride is cross-training, named.
    const list = await runner.get<Array<{ sport: string; name: string | null }>>(
      '/api/activities?from=1990-01-01',
    );
    expect(list.body.map((a) => [a.sport, a.name]).sort()).toEqual([
      ['ride', 'Friday ride'],
      ['run', 'Morning Run'],
    ]);
  });

  it('reports an unreadable ZIP as a failed import that names it', async () => {
    const res = await runner.upload([
      { name: 'broken.zip', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
    ]);
    expect(res.status).toBe(202);
    const u = res.body.uploads[0];
    const detail = await waitForUpload(runner, u?.id ?? '');
    expect(detail.status).toBe('failed');
    expect(detail.error?.message).toContain('broken.zip');
    const batchId = (res.body as unknown as { batches: Array<{ id: string }> }).batches[0]?.id;
    const batch = (await runner.get<BatchJson>(`/api/imports/${batchId}`)).body;
    expect([batch.state, batch.error?.code, batch.total]).toEqual(['failed', 'zip_corrupt', 0]);
  });

  it("answers 404 for another runner's import", async () => {
    const zip = zipSync({
      'activities/9.gpx': new Uint8Array(readFileSync(activityFile('togeojson--strava.gpx'))),
    });
    const res = await runner.upload([{ name: 'mine.zip', content: zip }]);
    const id = (res.body as unknown as { batches: Array<{ id: string }> }).batches[0]?.id;
    const other = p.client();
    await other.signup('bulk-other@example.com');
    expect((await other.get(`/api/imports/${id}`)).status).toBe(404);
    expect((await runner.get(`/api/imports/${id}`)).status).toBe(200);
  });

  it('imports files for a runner from the command line and says what happened to each', async () => {
    const result = await runCli(
      [
        'import',
        '--email',
        'bulk@example.com',
        activityFile('togeojson--run_gpxtpx.gpx'),
        activityFile('togeojson--run.gpx'),
        activityFile('togeojson--empty_trk.gpx'),
      ],
      { ...process.env, DATABASE_URL: p.db.url, REDIS_URL: '', LOG_LEVEL: 'silent' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^done\s+togeojson--run_gpxtpx\.gpx$/m);
    expect(result.stdout).toMatch(/^duplicate\s+togeojson--run\.gpx$/m);
    expect(result.stdout).toMatch(
      /^failed\s+togeojson--empty_trk\.gpx — togeojson--empty_trk\.gpx: /m,
    );
    expect(result.stdout).toContain('1 imported, 1 duplicate, 1 failed');
    expect(result.status).toBe(1);
  });

  it('imports Apple Health and Garmin exports from the command line, a line per file or workout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hc-cli-exports-'));
    try {
      await writeFile(join(dir, 'export.zip'), appleHealthExportZip());
      await writeFile(join(dir, 'garmin.zip'), garminExportZip());
      const result = await runCli(
        ['import', '--email', 'bulk@example.com', join(dir, 'export.zip'), join(dir, 'garmin.zip')],
        {
          ...process.env,
          DATABASE_URL: p.db.url,
          REDIS_URL: '',
          LOG_LEVEL: 'silent',
          DATA_DIR: dir,
        },
      );
      expect(result.stderr).toBe('');
      const lines = result.stdout.trim().split('\n');
      // Seven Apple workouts and five Garmin files, then the summary.
      expect(lines).toHaveLength(13);
      expect(lines).toContain('done      export.zip › Running, 2026-03-02 07:00');
      expect(result.stdout).toMatch(/^failed {4}export\.zip › workout 7 .+ — .+$/m);
      // The multisport file's line says what its import left out.
      expect(result.stdout).toMatch(
        /^done {6}garmin\.zip › .+user@example\.org_102\.fit \(3 activities\) — warning: 2 transitions between sports \(3:00 in all\) not counted as training$/m,
      );
      expect(result.stdout).toMatch(/^failed {4}garmin\.zip › .+_104\.fit — .+not an activity/m);
      expect(lines.at(-1)).toBe('10 imported, 0 duplicate, 2 failed');
      expect(result.status).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an import for an unknown email', async () => {
    const result = await runCli(
      ['import', '--email', 'nobody@example.com', activityFile('togeojson--run.gpx')],
      {
        ...process.env,
        DATABASE_URL: p.db.url,
        REDIS_URL: '',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no runner account with the email nobody@example.com');
  });
});
