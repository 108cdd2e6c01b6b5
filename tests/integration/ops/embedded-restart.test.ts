// The embedded PostgreSQL stops (killed here with SIGKILL, as the OOM killer would): Hipcheck starts
// it again once and goes on with the same data; when it cannot be started again, the process says
// so in plain words and exits non-zero instead of failing every request with a raw pg error.
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHipcheckProcess } from '../../support/hipcheck-process.ts';
import { TestClient } from '../../support/http-client.ts';
import { eventually } from '../../support/pipeline.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hipcheck-restart-'));
const pgDir = join(dataDir, 'postgres');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = () =>
  startHipcheckProcess({ DATA_DIR: dataDir, DATABASE_URL: undefined, REDIS_URL: undefined });

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
