// GET /api/today is computed live: a red flag posted a moment ago holds today even while the rows
// the worker stored are stale (science.md §5 rule 1: "Until then every day is 'see a clinician'").
// The workers are off here, and the recompute is run by hand, so the stored rows are stale on
// purpose when the red flag arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseActivityFile } from '#shared/activity/parse-activity-file';
import { insertActivity } from '#services/db/activities.repository';
import { withTransaction } from '#services/db/database';
import { requestRecompute } from '#services/db/recompute.repository';
import { FROM_THE_START } from '#services/engine/request-recompute';
import { createRecomputeProcessor } from '#workers/recompute.processor';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { utcDay } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';

describe('today, live', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline({ workers: false });
  });
  afterAll(async () => {
    await p.close();
  });

  /** A runner at stage 5 for five days of green mornings, the worker's rows written up to today. */
  async function stageFiveRunnerRecomputed(email: string) {
    const c = p.client();
    await c.signup(email);
    const athleteId = (await c.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    await c.post('/api/progression/stage', { stage: 5, date: utcDay(-4) });
    for (const d of [-4, -3, -2, -1, 0])
      await c.post('/api/checkins', { date: utcDay(d), painMorning: 1 });
    await createRecomputeProcessor({ pool: p.db.pool, now: () => new Date() })(
      { athleteId },
      { attempt: 1 },
    );
    return { c, athleteId };
  }

  it('holds today for a red flag of yesterday before the stored rows are recomputed', async () => {
    // The worker's rows, up to today, without any red flag.
    const { c, athleteId } = await stageFiveRunnerRecomputed('live-today@example.com');
    const { rows } = await p.db.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM daily_metrics WHERE athlete_id = $1',
      [athleteId],
    );
    expect(Number(rows[0]?.n)).toBe(5);
    expect(
      (await c.get<{ recommendation: { action: string } }>('/api/today')).body.recommendation
        .action,
    ).toBe('run');
    // Yesterday's check-in now says the hip gave way; nothing recomputes the stored rows.
    await c.post('/api/checkins', { date: utcDay(-1), givingWay: true });
    const today = await c.get<{
      recommendation: { action: string };
      hold: { since: string } | null;
    }>('/api/today');
    expect(today.body.recommendation.action).toBe('see_clinician');
    expect(today.body.hold?.since).toBe(utcDay(-1));
  });

  it("answers the worker's decision while nothing is pending, the same as computed live", async () => {
    const { c, athleteId } = await stageFiveRunnerRecomputed('stored-today@example.com');
    const stored = await p.db.pool.query<{ day: string }>(
      'SELECT day FROM today_decisions WHERE athlete_id = $1',
      [athleteId],
    );
    expect(stored.rows[0]?.day).toBe(utcDay(0));
    const fromStore = await c.get<Record<string, unknown>>('/api/today');
    await p.db.pool.query('DELETE FROM today_decisions WHERE athlete_id = $1', [athleteId]);
    const live = await c.get<Record<string, unknown>>('/api/today');
    expect(fromStore.status).toBe(200);
    expect(fromStore.body).toEqual(live.body);
    expect((live.body.recommendation as { action: string }).action).toBe('run');

    // Stored again, then a red flag: the stored 'run' no longer stands, today is computed live.
    await requestRecompute(p.db.pool, athleteId, utcDay(-1));
    await createRecomputeProcessor({ pool: p.db.pool, now: () => new Date() })(
      { athleteId },
      { attempt: 1 },
    );
    expect((await c.get<typeof live.body>('/api/today')).body).toEqual(live.body);
    await c.post('/api/checkins', { date: utcDay(0), nightPain: true });
    const flagged = await c.get<{ recommendation: { action: string } }>('/api/today');
    expect(flagged.body.recommendation.action).toBe('see_clinician');
  });

  it('judges a session against the stage set a moment ago, before the stored rows are recomputed', async () => {
    const c = p.client();
    await c.signup('live-stage@example.com');
    const athleteId = (await c.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    // Yesterday's 15-min steady run, stored, and the worker's rows written for it.
    const startMs = Date.parse(`${utcDay(-1)}T07:00:00Z`);
    const gpx = toGpx(track(steadyPlan(15 * 60, 3), { startMs }), { type: 'running' });
    const activity = parseActivityFile('session.gpx', new TextEncoder().encode(gpx));
    const id = await withTransaction(p.db.pool, (tx) =>
      insertActivity(tx, {
        athleteId,
        source: 'file',
        sourceId: 'live-stage',
        uploadId: null,
        localDate: utcDay(-1),
        activity,
      }),
    );
    const recompute = createRecomputeProcessor({ pool: p.db.pool, now: () => new Date() });
    await requestRecompute(p.db.pool, athleteId, FROM_THE_START);
    await recompute({ athleteId }, { attempt: 1 });
    type Detail = { comparison: { stage: number; completion: string | null } };
    const before = (await c.get<Detail>(`/api/activities/${id}`)).body.comparison;
    expect(before.stage).not.toBe(5);

    // The stage is set from three days ago; nothing recomputes the stored rows.
    expect((await c.post('/api/progression/stage', { stage: 5, date: utcDay(-3) })).status).toBe(
      201,
    );
    const live = (await c.get<Detail>(`/api/activities/${id}`)).body.comparison;
    expect(live.stage).toBe(5);
    expect(live.completion).not.toBeNull();
    // The worker's rows, once written, say the same.
    await recompute({ athleteId }, { attempt: 1 });
    expect((await c.get<Detail>(`/api/activities/${id}`)).body.comparison).toEqual(live);
  });
});
