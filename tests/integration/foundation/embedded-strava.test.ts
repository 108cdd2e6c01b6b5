// The default install (`hipcheck start`: embedded PostgreSQL, in-process jobs) with Strava set up
// as a runner's operator would: PUBLIC_URL and the Strava settings, nothing else. The app makes the
// push subscription its own once it listens; a runner connects; a run saved on Strava arrives by
// webhook. Beside it, commands that would open the same DATA_DIR say in one line that it is in
// use, and `hipcheck strava subscription` reads the running app's database.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#services/db/embedded-postgres';
import { generateTokenKey } from '#services/strava/token-vault';
import { startFakeStrava, type FakeStrava } from '../../fake-strava/fake-strava.ts';
import { TestClient } from '../../support/http-client.ts';
import { eventually } from '../../support/pipeline.ts';
import { runCli } from '../../support/run-node.ts';
import { connectStrava, waitForBackfill } from '../../support/strava-pipeline.ts';

let fake: FakeStrava;
let child: ChildProcess;
let output = '';
let url = '';
let env: NodeJS.ProcessEnv;
const dataDir = mkdtempSync(join(tmpdir(), 'hipcheck-embedded-strava-'));

beforeAll(async () => {
  fake = await startFakeStrava();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    STRAVA_CLIENT_ID: fake.clientId,
    STRAVA_CLIENT_SECRET: fake.clientSecret,
    STRAVA_API_URL: fake.apiUrl,
    STRAVA_OAUTH_URL: fake.oauthUrl,
    TOKEN_ENCRYPTION_KEY: generateTokenKey(),
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.STRAVA_WEBHOOK_VERIFY_TOKEN;
  child = spawn(process.execPath, ['bin/hipcheck.js', 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!/push subscription \d+ for \S+: created/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`hipcheck start did not subscribe:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 150_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('hipcheck start with Strava on the embedded default', () => {
  it('owns its push subscription and receives a webhook: a run saved on Strava appears in /api/activities', async () => {
    expect(output).toContain('no REDIS_URL: jobs run in this process');
    expect(output).toContain(`Strava push subscription 1 for ${url}/api/strava/webhook: created`);
    expect(fake.subscription()?.callbackUrl).toBe(`${url}/api/strava/webhook`);

    const runner = new TestClient(url);
    await runner.signup('embedded-strava@example.com');
    const athlete = fake.addAthlete({ firstname: 'Emma' });
    fake.generateActivities(athlete.id, 2, { sports: ['Run'] });
    fake.setAuthorizeBehaviour({ athleteId: athlete.id });
    const back = await connectStrava(runner);
    expect(back.headers.get('location')).toBe(`${url}/strava/callback?outcome=connected`);
    await waitForBackfill(runner, 60_000);

    const { delivery } = await fake.publishActivity(athlete.id, {
      sportType: 'Run',
      name: 'Saved on Strava just now',
      startDate: new Date(Date.now() - 40 * 60_000),
    });
    expect(delivery?.status).toBe(200);
    expect(JSON.parse(delivery?.body ?? '{}')).toEqual({ ok: true });
    await eventually(
      async () =>
        (await runner.get<Array<{ name: string }>>('/api/activities')).body.some(
          (a) => a.name === 'Saved on Strava just now',
        ),
      30_000,
      'the webhook’s run',
    );
  }, 120_000);

  it('a second command on the same DATA_DIR says in one line that the database is in use', async () => {
    const file = join(dataDir, 'run.gpx');
    writeFileSync(file, '<gpx></gpx>');
    const inUse = new RegExp(
      `^hipcheck: the embedded database in ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by a running Hipcheck \\(Hipcheck pid ${child.pid}\\): stop that Hipcheck first \\(Ctrl-C\\), or point this command at another database with DATABASE_URL\\n$`,
    );
    for (const args of [['demo'], ['import', '--email', 'x@example.com', file], ['start']]) {
      const r = await runCli(args, { ...env, PORT: '0' });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(inUse);
      expect(r.stderr).not.toContain('undefined');
    }
  }, 60_000);

  it('`hipcheck strava subscription` reads and checks through the running app’s database', async () => {
    const r = await runCli(['strava', 'subscription'], env);
    expect(r.stderr).toContain(`using the embedded database of the Hipcheck running on ${dataDir}`);
    expect(r.stdout).toContain('Last check by Hipcheck');
    expect(r.stdout).toContain(
      `Strava now: Strava push subscription 1 for ${url}/api/strava/webhook: active`,
    );
    expect(r.status).toBe(0);
  }, 60_000);

  it('stops on SIGTERM with exit code 0, and the data directory is free again', async () => {
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, 'hipcheck.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});
