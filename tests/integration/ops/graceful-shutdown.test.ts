// Graceful shutdown: on SIGTERM `hipcheck start` stops taking connections, lets a request already
// in flight finish and answer, waits for the jobs running, and exits 0.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import type { Processors } from '#services/queue/jobs';
import { createEmptyDatabase, type EmptyDatabase } from '../../support/db.ts';
import { startHipcheckProcess } from '../../support/hipcheck-process.ts';
import { TestClient } from '../../support/http-client.ts';

let db: EmptyDatabase;

beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('graceful shutdown', () => {
  it('finishes a request in flight during SIGTERM, refuses new connections, and exits 0', async () => {
    const { child, url, output, exited } = await startHipcheckProcess({
      DATABASE_URL: db.url,
      REDIS_URL: undefined,
    });
    const runner = new TestClient(url);
    await runner.signup('in-flight@example.com');
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'in-flight@example.com', password: 'correct horse battery' }),
    });
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';

    // A slow client: the headers go now, the body only after SIGTERM. "Expect: 100-continue" makes
    // the server say when it has taken the request.
    const body = JSON.stringify({ date: new Date().toISOString().slice(0, 10), painAtRest: 2 });
    const req = http.request(`${url}/api/checkins`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        cookie,
        expect: '100-continue',
      },
    });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));
    req.write(body.slice(0, 10));

    child.kill('SIGTERM');
    // The listener closes at once: a new connection is refused while the old request goes on.
    let refused = false;
    for (let i = 0; i < 50 && !refused; i++) {
      refused = await fetch(`${url}/healthz`).then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((r) => setTimeout(r, 100));
    }
    expect(refused).toBe(true);

    req.end(body.slice(10));
    const res = await answer;
    expect(res.status).toBe(201);
    expect(JSON.parse(res.text)).toMatchObject({ painAtRest: 2 });
    expect(await exited).toBe(0);
    expect(output()).toContain('SIGTERM: finishing the requests and jobs in flight');
    expect(output()).toContain('"msg":"stopped"');
  }, 90_000);

  it('waits for a job running in the in-process queue before close() resolves', async () => {
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const processors = {
      ingest: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          markStarted();
        }),
    } as unknown as Processors;
    const queue = createInProcessQueue(
      () => processors,
      () => undefined,
    );
    await queue.enqueue('ingest', { uploadId: 'u1' }, 'ingest-u1');
    await started;
    let closed = false;
    const closing = queue.close().then(() => {
      closed = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
  });
});
