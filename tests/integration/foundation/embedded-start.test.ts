// `hipcheck start` with nothing configured: the embedded PostgreSQL under DATA_DIR and in-process
// jobs. Sign up and upload over HTTP, stop, start again: the data is still there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { TestClient } from '../../support/http-client.ts';
import { eventually, waitForUpload } from '../../support/pipeline.ts';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';

function startHipcheck(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['bin/hipcheck.js', 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hipcheck start did not come up:\n${out}`)),
      90_000,
    );
    child.once('exit', (code) => reject(new Error(`hipcheck start exited with ${code}:\n${out}`)));
    const check = setInterval(() => {
      const m = /running at (http:\/\/[^\s"]+)/.exec(out);
      if (m?.[1]) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, url: m[1].replace('localhost', '127.0.0.1'), output: () => out });
      }
    }, 100);
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

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
    expect(await stop(first.child)).toBe(0);

    const second = await startHipcheck(dataDir);
    try {
      const again = new TestClient(second.url);
      const login = await again.post('/api/auth/login', {
        email: 'embedded@example.com',
        password: 'correct horse battery',
      });
      expect(login.status).toBe(200);
      const list = await again.get<unknown[]>('/api/activities');
      expect(list.body).toHaveLength(1);
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 180_000);
});
