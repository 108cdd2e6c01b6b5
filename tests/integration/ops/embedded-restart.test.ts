// The embedded PostgreSQL stops (killed here with SIGKILL, as the OOM killer would): Hipcheck starts
// it again once and goes on with the same data; when it cannot be started again, the process says
// so in plain words and exits non-zero instead of failing every request with a raw pg error.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../support/http-client.ts';
import { eventually } from '../../support/pipeline.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hipcheck-restart-'));
const pgDir = join(dataDir, 'postgres');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function start(): Promise<Started> {
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    void exited.then((code) => reject(new Error(`hipcheck start exited with ${code}:\n${out}`)));
    const check = setInterval(() => {
      const m = /running at (http:\/\/[^\s"]+)/.exec(out);
      if (m?.[1]) {
        clearInterval(check);
        resolve({ child, url: m[1].replace('localhost', '127.0.0.1'), output: () => out, exited });
      }
    }, 100);
  });
}

/** SIGKILL the embedded postmaster (its pid is the first line of postmaster.pid). */
function killPostgres(): void {
  const pid = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGKILL');
}

describe('the embedded PostgreSQL stopping', () => {
  it('is started again once, and the data is still there', async () => {
    const s = await start();
    try {
      const runner = new TestClient(s.url);
      await runner.signup('survivor@example.com');
      killPostgres();
      await eventually(
        async () => s.output().includes('the embedded PostgreSQL is running again'),
        60_000,
        'the restart',
      );
      expect(s.output()).toContain(
        'the embedded PostgreSQL stopped unexpectedly (killed by SIGKILL); starting it again',
      );
      await eventually(
        async () => (await runner.get('/api/me')).status === 200,
        10_000,
        'the API answering from the restarted database',
      );
      const again = new TestClient(s.url);
      const login = await again.post('/api/auth/login', {
        email: 'survivor@example.com',
        password: 'correct horse battery',
      });
      expect(login.status).toBe(200);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
  }, 120_000);

  it('when it cannot be started again, says what happened and exits non-zero', async () => {
    const s = await start();
    // The data directory goes away under the running server: a restart cannot work.
    const moved = `${pgDir}-moved`;
    renameSync(pgDir, moved);
    try {
      const pid = Number(readFileSync(join(moved, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      const code = await s.exited;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(s.output()).toMatch(
        /hipcheck: the embedded PostgreSQL stopped \(killed by SIGKILL\) and could not be started again: .+\. Hipcheck cannot run without it and stops\./,
      );
    } finally {
      renameSync(moved, pgDir);
    }
  }, 120_000);
});
