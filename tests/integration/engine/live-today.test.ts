// GET /api/today is computed live: a red flag posted a moment ago holds today even while the rows
// the worker stored are stale (science.md §5 rule 1: "Until then every day is 'see a clinician'").
// The workers are off here, and the recompute is run by hand, so the stored rows are stale on
// purpose when the red flag arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRecompute } from '#services/db/recompute.repository';
import { createRecomputeProcessor } from '#workers/recompute.processor';
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
});
