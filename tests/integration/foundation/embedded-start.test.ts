// `hipcheck start` with nothing configured: the embedded PostgreSQL under DATA_DIR and in-process
// jobs. Sign up and upload over HTTP, stop, start again: the data is still there.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startHipcheckProcess, stopHipcheckProcess } from '../../support/hipcheck-process.ts';
import { TestClient } from '../../support/http-client.ts';
import { eventually, waitForUpload } from '../../support/pipeline.ts';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';

const startHipcheck = (dataDir: string) =>
  startHipcheckProcess({ DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined });

describeWithSharedData('hipcheck start with the embedded default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hipcheck-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the API on an embedded PostgreSQL, runs jobs in-process, and keeps the data across restarts', async () => {
    const first = await startHipcheck(dataDir);
    expect(first.output()).toContain('no REDIS_URL: jobs run in this process');
    const runner = new TestClient(first.url);
    await runner.signup('embedded@example.com');
    const res = await runner.upload([
      { name: 'run.gpx', content: readFileSync(activityFile('togeojson--run.gpx')) },
    ]);
    expect(res.status).toBe(202);
    const done = await waitForUpload(runner, res.body.uploads[0]?.id ?? '', 30_000);
    expect(done.status).toBe('done');
    await eventually(
      async () => (await runner.get<unknown[]>('/api/metrics/weekly')).body.length > 0,
      20_000,
      'weekly volume',
    );
    const page = await fetch(first.url);
    expect(await page.text()).toContain('<title>Hipcheck</title>');
    expect(await stopHipcheckProcess(first)).toBe(0);

    const second = await startHipcheck(dataDir);
    try {
      const again = new TestClient(second.url);
      const login = await again.post('/api/auth/login', {
        email: 'embedded@example.com',
        password: 'correct horse battery',
      });
      expect(login.status).toBe(200);
      const list = await again.get<unknown[]>('/api/activities?from=1990-01-01');
      expect(list.body).toHaveLength(1);
    } finally {
      expect(await stopHipcheckProcess(second)).toBe(0);
    }
  }, 180_000);
});
