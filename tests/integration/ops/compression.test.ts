// Answers are gzipped for clients that accept it — the JSON of the API and the dashboard's files —
// and the dashboard's hashed assets are cached for a year while index.html is revalidated on
// every load. Read with node:http, which (unlike fetch) shows the bytes as sent.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { ensureDashboardBuilt } from '../../support/dashboard-build.ts';
import { TestClient } from '../../support/http-client.ts';

let db: TestDatabase;
let server: TestServer;
let cookie = '';
let script = '';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  const dashboardDir = await ensureDashboardBuilt();
  server = await startTestServer({ pool: db.pool, queue: noJobsQueue(), dashboardDir });
  const client = new TestClient(server.url);
  await client.signup('gzip@example.com');
  cookie = client.cookieHeader();
  script = readdirSync(join(dashboardDir, 'assets')).find((f) => f.endsWith('.js')) ?? '';
});

afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('compression and caching', () => {
  it('gzips JSON for a client that accepts it, to the same JSON', async () => {
    const plain = await get('/api/metrics/info', { cookie });
    const zipped = await get('/api/metrics/info', { cookie, 'accept-encoding': 'gzip' });
    expect(plain.status).toBe(200);
    expect(zipped.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    const unzipped = gunzipSync(zipped.body).toString('utf8');
    expect(JSON.parse(unzipped)).toEqual(JSON.parse(plain.body.toString('utf8')));
    expect(JSON.parse(unzipped)).toHaveProperty('acwrEwma.method');
  });

  it('gzips an error answer too, and still says who may not read it', async () => {
    const res = await get('/api/metrics/info', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(401);
    const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(JSON.parse(text.toString('utf8'))).toHaveProperty('error.code');
  });

  it('caches a hashed asset for a year, gzipped', async () => {
    expect(script).toMatch(/-[\w-]{8,}\.js$/);
    const res = await get(`/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).length).toBeGreaterThan(res.body.length);
  });

  it('revalidates index.html on every load, at / and at a client-side route', async () => {
    for (const path of ['/', '/index.html', '/settings']) {
      const res = await get(path, { 'accept-encoding': 'gzip' });
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers['content-type'], path).toMatch(/text\/html/);
    }
  });
});
