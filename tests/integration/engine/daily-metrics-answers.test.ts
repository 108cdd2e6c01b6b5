// GET /api/metrics/daily is kept, gzipped, under the athlete's daily-metrics version, which the
// recompute moves on in the transaction that writes the rows: a range read again is the same
// answer until a recompute changes a day, and then the new day is in it at once. Clients holding
// an answer revalidate it with its ETag (304 until it changes).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../support/daily-loop.ts';
import { eventually, startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

interface Day {
  day: string;
  load?: { crossTrainingMin: number; srpeLoad: number };
}

/**
 * GET `url` with exactly these headers besides the client's cookie, as a browser revalidating its
 * cache sends them (fetch would add Cache-Control: no-cache to a conditional request); the body
 * uncompressed only when `accept-encoding` says so.
 */
function rawGet(
  c: TestClient,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; encoding?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { cookie: c.cookieHeader(), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ...(res.headers['content-encoding'] ? { encoding: res.headers['content-encoding'] } : {}),
          text,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('daily metrics answers', () => {
  let p: Pipeline;
  let runner: TestClient;
  const path = `/api/metrics/daily?from=${utcDay(-6)}&to=${utcDay(0)}`;
  const dayOf = (days: Day[], offset: number) => days.find((d) => d.day === utcDay(offset));

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('daily-answers@example.com', 'runner', 'UTC');
    expect(
      (await runner.post('/api/cross-training', { date: utcDay(-5), kind: 'bike', minutes: 30 }))
        .status,
    ).toBe(201);
    await eventually(
      async () => dayOf((await runner.get<Day[]>(path)).body, -5)?.load?.crossTrainingMin === 30,
      20_000,
      'the bike day to be computed',
    );
  });
  afterAll(async () => {
    await p.close();
  });

  it('answers a client holding the current answer 304, and the same days again otherwise', async () => {
    const first = await runner.get<Day[]>(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await rawGet(runner, new URL(path, p.server.url), {
      'if-none-match': etag ?? '',
      'accept-encoding': 'gzip',
    });
    expect(again.status).toBe(304);
    const second = await runner.get<Day[]>(path);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(etag);
  });

  it('has a day written by a later recompute in the same range at once, under a new ETag', async () => {
    const before = await runner.get<Day[]>(path);
    const etag = before.headers.get('etag') ?? '';
    expect(dayOf(before.body, -2)?.load?.crossTrainingMin ?? 0).toBe(0);
    // 45 min at RPE 5: a session-RPE load of 225 (Foster).
    await runner.post('/api/cross-training', {
      date: utcDay(-2),
      kind: 'swim',
      minutes: 45,
      rpe: 5,
    });
    await eventually(
      async () => dayOf((await runner.get<Day[]>(path)).body, -2)?.load?.srpeLoad === 225,
      20_000,
      'the swim day to be in the answer',
    );
    const after = await runner.get<Day[]>(path);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(dayOf(after.body, -5)?.load?.crossTrainingMin).toBe(30);
    const stale = await rawGet(runner, new URL(path, p.server.url), {
      'if-none-match': etag,
      'accept-encoding': 'gzip',
    });
    expect(stale.status).toBe(200);
  });

  it('sends the same days uncompressed to a client that accepts no gzip', async () => {
    const gz = await runner.get<Day[]>(path);
    const plain = await rawGet(runner, new URL(path, p.server.url), {
      'accept-encoding': 'identity',
    });
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.text)).toEqual(gz.body);
  });

  it("keeps each runner's answer to themselves", async () => {
    const other = p.client();
    await other.signup('daily-answers-other@example.com', 'runner', 'UTC');
    expect((await other.get<Day[]>(path)).body).toEqual([]);
  });
});
