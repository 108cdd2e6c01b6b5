// Security headers on every answer: a Content-Security-Policy (scripts only from this origin, no
// framing), nosniff, a referrer policy, and HSTS only when the public URL is https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { noJobsQueue, startTestServer, type TestServer } from '../../support/app.ts';
import { ensureDashboardBuilt } from '../../support/dashboard-build.ts';

let db: TestDatabase;
let http: TestServer;
let https: TestServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const dashboardDir = await ensureDashboardBuilt();
  http = await startTestServer({ pool: db.pool, queue: noJobsQueue(), dashboardDir });
  https = await startTestServer({
    pool: db.pool,
    queue: noJobsQueue(),
    dashboardDir,
    publicUrl: 'https://hipcheck.example',
  });
});

afterAll(async () => {
  await http.close();
  await https.close();
  await db.drop();
});

/** The CSP as a map of directive → sources. */
function cspOf(header: string | null): Map<string, string[]> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe('security headers', () => {
  for (const path of ['/', '/settings', '/api/me', '/healthz']) {
    it(`are on ${path}`, async () => {
      const res = await fetch(`${http.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = cspOf(res.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(res.headers.get('x-powered-by')).toBeNull();
    });
  }

  it('leave HSTS out on plain http', async () => {
    const res = await fetch(`${http.url}/`);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(cspOf(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(
      false,
    );
  });

  it('send HSTS for a year when the public URL is https', async () => {
    const res = await fetch(`${https.url}/`);
    expect(res.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(cspOf(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(
      true,
    );
  });
});
