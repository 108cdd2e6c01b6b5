// What one upload request may carry, and what files may say: a total cap per request (a 413 naming
// the limit, and nothing kept: no row, no file in the spool), whether the request declares its
// length or streams it in chunks; activities.csv fields of absurd length; timestamps no device can
// have recorded; a gzip bomb. Through the real upload API and workers.
import http from 'node:http';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';

const KiB = 1024;

// 300 MiB of zeros in about 300 KB, made before any request (a long synchronous step between two
// requests would let the client reuse a connection the server has just closed as idle).
const bomb = gzipSync(new Uint8Array(300 * 1024 * KiB));
const IMPORT_MAX_BYTES = 4 * 1024 * KiB;

/** 30 files of 150 KiB: each under the 400 KiB limit for one file, together over 4 MiB. */
const thirtyFiles = () =>
  Array.from({ length: 30 }, (_, i) => ({
    name: `f${i + 1}.gpx`,
    content: new Uint8Array(150 * KiB),
  }));

/** POST multipart `files` in chunks, without a Content-Length: the API sees the size only as it reads. */
function postChunked(
  url: string,
  cookie: string,
  files: Array<{ name: string; content: Uint8Array }>,
): Promise<{ status: number; body: unknown }> {
  const boundary = 'hipcheck-test-boundary';
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/uploads`,
      {
        method: 'POST',
        headers: {
          cookie,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    for (const f of files) {
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      for (let at = 0; at < f.content.length; at += 16 * KiB) {
        req.write(f.content.subarray(at, at + 16 * KiB));
      }
      req.write('\r\n');
    }
    req.end(`--${boundary}--\r\n`);
  });
}

async function count(p: Pipeline, table: string): Promise<number> {
  const { rows } = await p.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

describe('upload limits and what files may say', () => {
  let p: Pipeline;
  let runner: TestClient;

  beforeAll(async () => {
    p = await startPipeline({ uploadMaxBytes: 400 * KiB, importMaxBytes: IMPORT_MAX_BYTES });
    runner = p.client();
    await runner.signup('limits@example.com', 'runner', 'Europe/Zurich');
  });
  afterAll(async () => {
    await p.close();
  });

  it('refuses a request declaring more than the total cap with a 413, before reading it', async () => {
    const res = await runner.upload(thirtyFiles());
    expect(res.status).toBe(413);
    // 30 × 150 KiB = 4,500 KiB (4.39 MiB) and the multipart headers: 4.4 MB.
    expect(res.body).toEqual({
      error: {
        code: 'too_large',
        message: 'the request is 4.4 MB, more than the 4 MB limit for one request',
        requestId: expect.any(String),
      },
    });
    expect(await count(p, 'uploads')).toBe(0);
  });

  it('stops a streamed request at the total cap with a 413 naming it, keeping nothing', async () => {
    const res = await postChunked(p.server.url, runner.cookieHeader(), thirtyFiles());
    expect(res).toEqual({
      status: 413,
      body: {
        error: {
          code: 'too_large',
          message:
            // 27 files hold 4,050 KiB; the 28th passes 4,096 KiB.
            'the files sent together are larger than the 4 MB limit for one request (reached while receiving f28.gpx)',
          requestId: expect.any(String),
        },
      },
    });
    expect(await count(p, 'uploads')).toBe(0);
    // The files complete in the spool were deleted with the refusal; so was the partial one.
    await eventually(async () => (await p.spooledFiles()).length === 0, 5000, 'an empty spool');
  });

  it('refuses an activities.csv filename of 2.5 million characters and stores a short name', async () => {
    const gpx = strToU8(toGpx(track(steadyPlan(120, 3), { startMs: Date.UTC(2026, 4, 1, 6) })));
    const csv =
      'Activity ID,Activity Date,Activity Name,Activity Type,Filename\n' +
      `1,"May 1, 2026, 6:00:00 AM",Huge,Run,activities/${'x'.repeat(2_500_000)}.gpx\n` +
      `2,"May 1, 2026, 6:00:00 AM",Fine,Run,activities/2.gpx\n`;
    const zip = zipSync({
      'activities.csv': [strToU8(csv), { level: 0 }],
      activities: { '2.gpx': gpx },
    });
    const res = await runner.upload([{ name: 'strava.zip', content: zip }]);
    const batchId = (res.body as unknown as { batches: Array<{ id: string }> }).batches[0]?.id;
    let files: Array<{ filename: string; status: string; error: { code: string } | null }> = [];
    await eventually(async () => {
      const b = await runner.get<{
        state: string;
        finished: number;
        total: number;
        files: typeof files;
      }>(`/api/imports/${batchId}`);
      files = b.body.files;
      return b.body.state === 'done' && b.body.finished === b.body.total;
    });
    expect(files.map((f) => [f.status, f.error?.code ?? null])).toEqual([
      ['failed', 'csv_field_too_long'],
      ['done', null],
    ]);
    const { rows } = await p.db.pool.query<{ n: number }>(
      'SELECT max(length(filename))::int AS n FROM uploads',
    );
    expect(rows[0]?.n).toBeLessThanOrEqual(255);
  });

  it('refuses a file recorded in year 9999 and one whose clock reads 0099, naming the line', async () => {
    const gpx = (year: string) =>
      toGpx(track(steadyPlan(60, 3))).replace(
        /<time>2026-03-01T07:00:02/,
        `<time>${year}-03-01T07:00:02`,
      );
    const res = await runner.upload([
      { name: 'future.gpx', content: gpx('9999') },
      { name: 'ancient.gpx', content: gpx('0099') },
    ]);
    const [future, ancient] = await Promise.all(
      res.body.uploads.map((u) => waitForUpload(runner, u.id)),
    );
    expect(future?.status).toBe('failed');
    expect(future?.error?.code).toBe('implausible_time');
    // Line 6: the third point (the XML declaration, <gpx>, <trk><trkseg>, then a line per point).
    expect(future?.error?.message).toMatch(
      /^future\.gpx: line 6: <time> 9999-03-01T07:00:02\.000Z is after tomorrow \(\d{4}-\d{2}-\d{2} in Europe\/Zurich\)/,
    );
    expect(ancient?.error?.message).toMatch(
      /^ancient\.gpx: line 6: <time> 0099-03-01T07:00:02\.000Z is before 1990-01-01/,
    );
    expect(await count(p, 'activities')).toBe(1); // the fine file of the export above
  });

  it('refuses a gzip bomb sent as an activity file', async () => {
    const res = await runner.upload([{ name: 'bomb.gpx.gz', content: bomb }]);
    expect(res.status).toBe(202);
    const done = await waitForUpload(runner, res.body.uploads[0]?.id ?? '', 60_000);
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(/^bomb\.gpx\.gz: /);
  });
});
