// A check-in answers once it is stored, even while a recompute of the same runner is running: the
// recompute never holds the request's row, and what was asked while it ran is recomputed by the same
// job right after. Today's decision is computed live, so a red flag posted meanwhile holds today at
// once (science.md §5 rule 1). Here a recompute is held mid-transaction — by a test transaction
// that locks the stage history it is about to write — while the runner checks in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecomputeProcessor } from '#workers/recompute.processor';
import { utcDay } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';

describe('a check-in during a recompute', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline({ workers: false });
  });
  afterAll(async () => {
    await p.close();
  });

  it('is stored and answered at once, holds today, and is in the rows when the job ends', async () => {
    const c = p.client();
    await c.signup('no-wait@example.com');
    const athleteId = (await c.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    await c.post('/api/progression/stage', { stage: 5, date: utcDay(-4) });
    for (const d of [-4, -3, -2, -1])
      expect((await c.post('/api/checkins', { date: utcDay(d), painMorning: 1 })).status).toBe(201);
    const recompute = createRecomputeProcessor({ pool: p.db.pool, now: () => new Date() });

    // Hold the stage history: the recompute stops there, inside its transaction, rows written.
    const blocker = await p.db.pool.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE stage_changes IN EXCLUSIVE MODE');
    let ended = false;
    const running = recompute({ athleteId }, { attempt: 1 }).then(() => {
      ended = true;
    });
    try {
      let waits = false;
      for (let i = 0; i < 200 && !waits; i++) {
        const { rows } = await p.db.pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'stage_changes' AND NOT l.granted`,
        );
        waits = Number(rows[0]?.n) > 0;
        if (!waits) await new Promise((r) => setTimeout(r, 50));
      }
      expect(waits, 'the recompute waits on the stage history').toBe(true);

      // The runner checks in with a red flag while the recompute is stuck: answered, not queued.
      const posted = await c.post('/api/checkins', { date: utcDay(0), nightPain: true });
      expect(posted.status).toBe(201);
      expect(ended).toBe(false);
      const today = await c.get<{ recommendation: { action: string } }>('/api/today');
      expect(today.body.recommendation.action).toBe('see_clinician');
      // A second check-in of the same day is covered by the request already waiting: not written.
      const requestVersion = async () =>
        (
          await p.db.pool.query<{ v: string }>(
            'SELECT xmin::text AS v FROM recompute_requests WHERE athlete_id = $1',
            [athleteId],
          )
        ).rows[0]?.v;
      const before = await requestVersion();
      expect((await c.post('/api/checkins', { date: utcDay(0), stiffness: 4 })).status).toBe(200);
      expect(await requestVersion()).toBe(before);
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }
    await running;
    // The same job ran again for the check-in that came while it ran: today's row has the red flag.
    const stored = await p.db.pool.query<{ action: string }>(
      'SELECT action FROM daily_metrics WHERE athlete_id = $1 AND day = $2',
      [athleteId, utcDay(0)],
    );
    expect(stored.rows[0]?.action).toBe('see_clinician');
    const day = await c.get<Array<{ pain?: { stiffness?: number } }>>(
      `/api/metrics/daily?from=${utcDay(0)}&to=${utcDay(0)}`,
    );
    expect(day.body[0]?.pain?.stiffness).toBe(4);
    const pending = await p.db.pool.query<{ pending_from: string | null }>(
      'SELECT pending_from FROM recompute_requests WHERE athlete_id = $1',
      [athleteId],
    );
    expect(pending.rows[0]?.pending_from).toBeNull();
  });
});
