// A runner's data as a whole: the export ZIP holds every row of theirs and the original files byte
// for byte; deleting the account (password checked again) leaves no row in any table.
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const utcDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Ids {
  userId: string;
  athleteId: string;
  activityIds: string[];
  accountIds: string[];
}

/** Rows of this user in every table of the schema (tables found from information_schema). */
async function countRows(p: Pipeline, ids: Ids): Promise<Record<string, number>> {
  const { rows: tables } = await p.db.pool.query<{ table_name: string; columns: string[] }>(
    `SELECT table_name, array_agg(column_name::text) AS columns FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
      GROUP BY table_name ORDER BY table_name`,
  );
  const out: Record<string, number> = {};
  for (const t of tables) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (column: string, value: unknown, array = false) => {
      if (!t.columns.includes(column)) return;
      params.push(value);
      where.push(array ? `${column} = ANY($${params.length})` : `${column} = $${params.length}`);
    };
    add('athlete_id', ids.athleteId);
    add('user_id', ids.userId);
    add('activity_id', ids.activityIds, true);
    add('account_id', ids.accountIds, true);
    add('author_user_id', ids.userId);
    add('coach_user_id', ids.userId);
    add('updated_by', ids.userId);
    if (t.table_name === 'users') add('id', ids.userId);
    if (t.table_name === 'athletes') add('id', ids.athleteId);
    if (where.length === 0) continue;
    const { rows } = await p.db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${t.table_name} WHERE ${where.join(' OR ')}`,
      params,
    );
    out[t.table_name] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

describe('export and delete', () => {
  let p: Pipeline;
  let runner: TestClient;
  let coach: TestClient;
  let gpx = '';
  let uploadId = '';
  const ids: Ids = { userId: '', athleteId: '', activityIds: [], accountIds: [] };

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    coach = p.client();
    const me = await runner.signup('exporter@example.com');
    await coach.signup('exporter-coach@example.com', 'coach');
    ids.userId = me.id;
    ids.athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    gpx = toGpx(track(steadyPlan(900, 2.8), { startMs: Date.parse(`${utcDay(-1)}T07:00:00Z`) }));
    const up = await runner.upload([{ name: 'morning run.gpx', content: gpx }]);
    uploadId = up.body.uploads[0]?.id ?? '';
    ids.activityIds = (await waitForUpload(runner, uploadId)).activityIds;
    await runner.post('/api/checkins', { date: utcDay(-1), painDuring: 2, painAfter: 3 });
    await runner.post('/api/cross-training', { date: utcDay(0), kind: 'swim', minutes: 30 });
    await runner.post('/api/progression/stage', { stage: 1, note: 'start' });
    await runner.post('/api/strength-sessions', {
      date: utcDay(0),
      sessionKey: 'strength_a',
      exercises: [{ id: 'bridge', sets: 3, reps: 10 }],
      rpe: 6,
      pain: 1,
    });
    await runner.put('/api/programme/adjustments', { swaps: [], levelHolds: ['bridge'] });
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    await runner.post(`/api/invites/${inv.body.token}/accept`);
    await coach.post(`/api/athletes/${ids.athleteId}/notes`, { body: 'Welcome!' });
    // A Strava connection with (fake) token ciphertexts, a backfill item and a webhook event.
    const { rows } = await p.db.pool.query<{ id: string }>(
      `INSERT INTO strava_accounts (athlete_id, strava_athlete_id, status, scope, access_token_enc,
         refresh_token_enc, expires_at) VALUES ($1, 4242, 'connected', 'read,activity:read_all',
         'enc-a', 'enc-r', now() + interval '6 hours') RETURNING id`,
      [ids.athleteId],
    );
    ids.accountIds = rows.map((r) => r.id);
    await p.db.pool.query(
      `INSERT INTO strava_backfill_items (account_id, strava_activity_id, start_at) VALUES ($1, 1, now())`,
      [ids.accountIds[0]],
    );
    await p.db.pool.query(
      `INSERT INTO webhook_events (account_id, payload, object_type, aspect_type, object_id, owner_id)
       VALUES ($1, '{}', 'activity', 'create', 1, 4242)`,
      [ids.accountIds[0]],
    );
    await eventually(
      async () =>
        (await runner.get<{ athlete: { metricsPending: boolean } }>('/api/me')).body.athlete
          .metricsPending === false,
      20_000,
      'metrics to be computed',
    );
  });
  afterAll(async () => {
    await p.close();
  });

  it('exports a ZIP with data.json of every kind of row and the original file byte for byte', async () => {
    const res = await fetch(`${p.server.url}/api/export`, {
      headers: { cookie: cookieOf(runner) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="hipcheck-export-/,
    );
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const original = zip[`originals/${uploadId}-morning run.gpx`];
    expect(original).toBeDefined();
    expect(Buffer.from(original as Uint8Array).equals(Buffer.from(gpx))).toBe(true);
    const data = JSON.parse(strFromU8(zip['data.json'] as Uint8Array)) as Record<
      string,
      unknown
    > & {
      user: { email: string };
      athlete: { id: string; timezone: string };
      activities: Array<{ id: string; samples: unknown[]; laps: unknown[]; intervals: unknown[] }>;
      checkins: Array<{ painAfter: number }>;
      crossTraining: Array<{ kind: string }>;
      strengthSessions: Array<{ sessionKey: string; exercises: Array<{ id: string }> }>;
      programmeAdjustments: { levelHolds: string[] };
      manualStages: Array<{ stage: number }>;
      stageHistory: unknown[];
      dailyMetrics: unknown[];
      grants: Array<{ coachEmail: string }>;
      notes: Array<{ body: string }>;
      uploads: Array<{ id: string; file: string; sha256: string }>;
      strava: { status: string };
    };
    expect(data.user.email).toBe('exporter@example.com');
    expect(data.athlete.id).toBe(ids.athleteId);
    expect(data.activities.map((a) => a.id)).toEqual(ids.activityIds);
    expect(data.activities[0]?.samples.length).toBeGreaterThan(800);
    expect(data.activities[0]).toHaveProperty('laps');
    expect(data.activities[0]).toHaveProperty('intervals');
    expect(data.checkins).toEqual([expect.objectContaining({ painAfter: 3 })]);
    expect(data.crossTraining).toEqual([expect.objectContaining({ kind: 'swim' })]);
    expect(data.strengthSessions).toEqual([
      expect.objectContaining({
        sessionKey: 'strength_a',
        exercises: [expect.objectContaining({ id: 'bridge' })],
      }),
    ]);
    expect(data.programmeAdjustments.levelHolds).toEqual(['bridge']);
    expect(data.manualStages).toEqual([expect.objectContaining({ stage: 1 })]);
    expect(data.stageHistory.length).toBeGreaterThan(0);
    expect(data.dailyMetrics.length).toBeGreaterThan(0);
    expect(data).toHaveProperty('progression');
    expect(data.grants).toEqual([
      expect.objectContaining({ coachEmail: 'exporter-coach@example.com' }),
    ]);
    expect(data.notes).toEqual([expect.objectContaining({ body: 'Welcome!' })]);
    expect(data.uploads).toEqual([
      expect.objectContaining({ id: uploadId, file: `originals/${uploadId}-morning run.gpx` }),
    ]);
    expect(data.strava.status).toBe('connected');
    expect(JSON.stringify(data)).not.toContain('enc-a');
  });

  it('refuses to delete the account with a wrong password, and deletes every row with the right one', async () => {
    const before = await countRows(p, ids);
    for (const table of [
      'users',
      'athletes',
      'sessions',
      'uploads',
      'activities',
      'samples',
      'checkins',
      'cross_training',
      'strength_sessions',
      'programme_adjustments',
      'manual_stages',
      'stage_changes',
      'daily_metrics',
      'recompute_requests',
      'coach_athletes',
      'coach_notes',
      'strava_accounts',
      'strava_backfill_items',
      'webhook_events',
    ]) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    const wrong = await runner.request<{ error: { message: string } }>('DELETE', '/api/me', {
      password: 'not my password',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toContain('wrong password');
    expect(await countRows(p, ids)).toEqual(before);

    const del = await runner.request('DELETE', '/api/me', { password: 'correct horse battery' });
    expect(del.status).toBe(204);
    const after = await countRows(p, ids);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect((await runner.get('/api/me')).status).toBe(401);
    // The coach keeps their account; the athlete is gone from the roster.
    expect((await coach.get<unknown[]>('/api/coach/athletes')).body).toEqual([]);
    const login = await runner.post('/api/auth/login', {
      email: 'exporter@example.com',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(401);
  });
});

/** The session cookie of a TestClient, for a raw fetch that reads the body as bytes. */
function cookieOf(client: TestClient): string {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
