// Wellness values (resting heart rate, HRV) are health data: GET /api/wellness gives the caller's
// own; a coach reads an athlete's through /api/athletes/:id/wellness only while the athlete's grant
// stands (the same rule as the daily metrics), and gets a 404 without one, or after a revoke. The
// runner's account export holds them.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appleHealthExportZip } from '../../fixtures/generate-exports.ts';
import { eventually, startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const RANGE = '?from=2026-03-01&to=2026-03-31';

describe('who reads wellness values', () => {
  let p: Pipeline;
  let runner: TestClient;
  let athleteId = '';
  let own: unknown;

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('well@example.com');
    athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    await runner.upload([{ name: 'export.zip', content: appleHealthExportZip() }]);
    await eventually(
      async () => ((await runner.get<unknown[]>(`/api/wellness${RANGE}`)).body.length ?? 0) > 0,
      30_000,
      'the wellness days to be stored',
    );
    own = (await runner.get(`/api/wellness${RANGE}`)).body;
  });
  afterAll(async () => {
    await p.close();
  });

  it('gives the runner their own days, and another runner none of them', async () => {
    expect(own).toHaveLength(3);
    const other = p.client();
    await other.signup('well-other@example.com');
    expect((await other.get(`/api/wellness${RANGE}`)).body).toEqual([]);
    expect((await other.get(`/api/athletes/${athleteId}/wellness${RANGE}`)).status).toBe(404);
  });

  it('answers 404 to a coach without a grant, the days to a granted coach, and 404 after a revoke', async () => {
    const coach = p.client();
    await coach.signup('well-coach@example.com', 'coach');
    expect((await coach.get(`/api/athletes/${athleteId}/wellness${RANGE}`)).status).toBe(404);
    expect((await coach.get(`/api/wellness${RANGE}`)).status).toBe(404); // a coach has no days

    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    const accepted = await runner.post<{ coachId: string }>(
      `/api/invites/${inv.body.token}/accept`,
    );
    expect(accepted.status).toBe(201);
    // Derived numbers, like the daily metrics: shared with the grant, details or not.
    const granted = await coach.get(`/api/athletes/${athleteId}/wellness${RANGE}`);
    expect([granted.status, granted.body]).toEqual([200, own]);

    expect((await runner.request('DELETE', `/api/grants/${accepted.body.coachId}`)).status).toBe(
      204,
    );
    expect((await coach.get(`/api/athletes/${athleteId}/wellness${RANGE}`)).status).toBe(404);
  });

  it('refuses a range that is not two dates, naming the field', async () => {
    const res = await runner.get<{ error: { code: string; message: string } }>(
      '/api/wellness?from=March',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('from');
  });

  it("puts the days in the runner's account export, and the export ZIP, read, without bytes of its own", async () => {
    const res = await fetch(`${p.server.url}/api/export`, {
      headers: { cookie: runner.cookieHeader() },
    });
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const data = JSON.parse(strFromU8(zip['data.json'] as Uint8Array)) as {
      wellnessDays: unknown;
      uploads: Array<{ filename: string; file: string | null }>;
    };
    expect(data.wellnessDays).toEqual(own);
    expect(data.uploads.find((u) => u.filename === 'export.zip')?.file).toBeNull();
    expect(Object.keys(zip).filter((k) => k.startsWith('originals/'))).toEqual([]);
  });
});
