// The running app owns Strava's push subscription: once it listens it creates one, adopts one that
// already points at its callback, and says plainly when one points elsewhere (the log line, the
// status route, the CLI), which `hipcheck strava subscription --replace` fixes through the
// configured database. Real app (runtime.ts, in-process jobs, PostgreSQL) against the fake Strava.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#services/config';
import { freePort } from '#services/db/embedded-postgres';
import { generateTokenKey } from '#services/strava/token-vault';
import { startHipcheck, type Running } from '../../app/runtime.ts';
import { startFakeStrava, type FakeStrava } from '../fake-strava/fake-strava.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { TestClient } from '../support/http-client.ts';
import { runCli } from '../support/run-node.ts';

let fake: FakeStrava;
let db: TestDatabase;
let running: Running | undefined;
const key = generateTokenKey();

async function envFor(publicUrl: boolean): Promise<Record<string, string>> {
  const port = await freePort();
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    ...(publicUrl ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    STRAVA_CLIENT_ID: fake.clientId,
    STRAVA_CLIENT_SECRET: fake.clientSecret,
    STRAVA_API_URL: fake.apiUrl,
    STRAVA_OAUTH_URL: fake.oauthUrl,
    TOKEN_ENCRYPTION_KEY: key,
  };
}

async function start(env: Record<string, string>): Promise<{ lines: string[]; url: string }> {
  const lines: string[] = [];
  running = await startHipcheck(loadConfig(env), 'all', { log: (m) => lines.push(m) });
  // The check runs once the server listens; wait for its line.
  const deadline = Date.now() + 10_000;
  while (!lines.some((l) => /push subscription|webhooks are off/.test(l))) {
    if (Date.now() > deadline) throw new Error(`no subscription line in:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { lines, url: `http://127.0.0.1:${env.PORT}` };
}

async function webhookState(url: string): Promise<{ state: string; message: string }> {
  const runner = new TestClient(url);
  await runner.signup(`runner-${Math.random().toString(16).slice(2)}@example.com`);
  const status = await runner.get<{ webhooks: { state: string; message: string } }>(
    '/api/strava/status',
  );
  return status.body.webhooks;
}

beforeAll(async () => {
  fake = await startFakeStrava();
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await db.drop();
});

afterAll(async () => {
  await fake.close();
});

describe('the app’s own push subscription', () => {
  it('is created once the app listens, and kept across a restart', async () => {
    db = await createTestDatabase();
    const env = await envFor(true);
    const { lines, url } = await start(env);
    const callback = `${url}/api/strava/webhook`;
    expect(lines).toContain(`Strava push subscription 1 for ${callback}: created`);
    expect(fake.subscription()?.callbackUrl).toBe(callback);
    expect(await webhookState(url)).toMatchObject({ state: 'active' });
    // After a restart it is the same one: kept, not created again.
    await running?.stop();
    const again = await start(env);
    expect(again.lines).toContain(`Strava push subscription 1 for ${callback}: active`);
    expect(fake.subscription()?.id).toBe(1);
  });

  it('adopts a subscription that already points at its callback (a new database, the same app)', async () => {
    db = await createTestDatabase();
    const env = await envFor(true);
    const mine = fake.setSubscription({ callbackUrl: `${env.PUBLIC_URL}/api/strava/webhook` });
    const { lines, url } = await start(env);
    expect(lines).toContain(
      `Strava push subscription ${mine.id} for ${env.PUBLIC_URL}/api/strava/webhook: found already pointing here, and adopted`,
    );
    expect(await webhookState(url)).toMatchObject({ state: 'active' });
  });

  it('says plainly when the subscription points elsewhere; the CLI shows it, and --replace makes it ours', async () => {
    db = await createTestDatabase();
    const env = await envFor(true);
    const other = fake.setSubscription({
      callbackUrl: 'https://old.example.org/api/strava/webhook',
    });
    const { lines, url } = await start(env);
    const ours = `${url}/api/strava/webhook`;
    expect(lines).toContain(
      `Strava's push subscription ${other.id} points at https://old.example.org/api/strava/webhook, ` +
        `not at ${ours}: Strava sends the events of this app there, so new activities reach this ` +
        'Hipcheck only through the catch-up. If that address is not in use any more, run ' +
        '`hipcheck strava subscription --replace`.',
    );
    expect(await webhookState(url)).toEqual({
      state: 'elsewhere',
      message:
        'This server is not receiving Strava’s notifications right now, so new activities are ' +
        'fetched regularly and whenever you open Hipcheck.',
    });

    const cliEnv = { ...process.env, ...env };
    const shown = await runCli(['strava', 'subscription'], cliEnv);
    expect(shown.status).toBe(1);
    expect(shown.stdout).toContain('Last check by Hipcheck');
    expect(shown.stdout).toContain('elsewhere');
    expect(shown.stdout).toContain(`Strava now: Strava's push subscription ${other.id} points at`);
    // --repair leaves another install's subscription alone…
    const repaired = await runCli(['strava', 'subscription', '--repair'], cliEnv);
    expect(repaired.status).toBe(1);
    expect(fake.subscription()?.id).toBe(other.id);
    // …--replace deletes it and creates ours (the running app answers Strava's challenge).
    const replaced = await runCli(['strava', 'subscription', '--replace'], cliEnv);
    expect(replaced.stderr).not.toContain('hipcheck:');
    expect(replaced.stdout).toMatch(
      new RegExp(`^Strava push subscription \\d+ for ${ours}: created in place of the old one\\n$`),
    );
    expect(replaced.status).toBe(0);
    expect(fake.subscription()?.callbackUrl).toBe(ours);
    expect(await webhookState(url)).toMatchObject({ state: 'active' });
    const shownAgain = await runCli(['strava', 'subscription'], cliEnv);
    expect(shownAgain.status).toBe(0);
  }, 60_000);

  it('without PUBLIC_URL, says webhooks are off and how to turn them on', async () => {
    db = await createTestDatabase();
    const { lines, url } = await start(await envFor(false));
    expect(lines.some((l) => l.startsWith('Strava webhooks are off: PUBLIC_URL is not set'))).toBe(
      true,
    );
    expect(await webhookState(url)).toMatchObject({ state: 'off' });
  });
});
