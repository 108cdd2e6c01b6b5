// The recompute worker on PostgreSQL: the incremental path (resuming from a stored day) writes
// exactly the rows a recompute of the whole history writes; duplicate jobs are harmless; a
// recompute writes no day whose row did not change; a new day gets its row from the daily tick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '#shared/local-date';
import { requestRecompute } from '#services/db/recompute.repository';
import { requestNewDays } from '#services/engine/daily-tick';
import { FROM_THE_START } from '#services/engine/request-recompute';
import { createRecomputeProcessor } from '#workers/recompute.processor';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const TODAY = '2026-11-24';
const NOW = new Date(`${TODAY}T20:00:00Z`);

async function rows(p: Pipeline, athleteId: string) {
  const { rows } = await p.db.pool.query<{
    day: string;
    metrics: unknown;
    carry: unknown;
    stage: number;
    action: string;
  }>(
    'SELECT day, stage, action, metrics, carry FROM daily_metrics WHERE athlete_id = $1 ORDER BY day',
    [athleteId],
  );
  return rows;
}

/**
 * Each row's version: PostgreSQL gives a row a new xmin whenever it is written, even with the same
 * values, so equal versions mean "not written", which equal values alone cannot tell.
 */
async function rowVersions(p: Pipeline, athleteId: string) {
  const { rows } = await p.db.pool.query<{ day: string; version: string }>(
    'SELECT day, xmin::text AS version FROM daily_metrics WHERE athlete_id = $1 ORDER BY day',
    [athleteId],
  );
  return rows;
}

async function stageHistory(p: Pipeline, athleteId: string) {
  return (
    await p.db.pool.query(
      'SELECT date, seq, from_stage, to_stage, kind, reasons FROM stage_changes WHERE athlete_id = $1 ORDER BY date, seq',
      [athleteId],
    )
  ).rows;
}

describe('recompute worker', () => {
  let p: Pipeline;
  let runner: TestClient;
  let athleteId = '';
  const recompute = () => createRecomputeProcessor({ pool: p.db.pool, now: () => NOW });

  beforeAll(async () => {
    // No workers: this test runs the recompute processor itself, with a fixed "now".
    p = await startPipeline({ workers: false });
    runner = p.client();
    await runner.signup('recompute@example.com', 'runner', 'America/Denver');
    const me = await runner.get<{ athlete: { id: string } }>('/api/me');
    athleteId = me.body.athlete.id;
    // Six weeks of walk-run sessions every other day, evening runs in Denver (after midnight UTC).
    const files = [];
    for (let d = 42; d >= 2; d -= 2) {
      const day = addDays(TODAY, -d);
      const startMs = Date.parse(`${day}T19:30:00-07:00`);
      files.push({
        name: `run-${day}.gpx`,
        content: toGpx(track(steadyPlan(900 + (42 - d) * 20, 2.6), { startMs })),
      });
    }
    const res = await runner.upload(files);
    p.startWorkers(); // ingest the files (their recomputes use the real clock; this test recomputes again below)
    for (const u of res.body.uploads)
      expect((await waitForUpload(runner, u.id)).status).toBe('done');
    await p.workers?.close();
    p.workers = undefined;
    for (let d = 42; d >= 2; d -= 2) {
      const day = addDays(TODAY, -d);
      const ok = await runner.post('/api/checkins', {
        date: day,
        painDuring: d % 6 === 0 ? 3 : 1,
        painAfter: 1,
        rpe: 4,
      });
      expect(ok.status).toBe(201);
      await runner.post('/api/checkins', {
        date: addDays(day, 1),
        painNextMorning: 1,
        painAtRest: 0,
      });
    }
  });
  afterAll(async () => {
    await p.close();
  });

  it('puts evening runs in Denver on their Denver day', async () => {
    const list = await runner.get<Array<{ localDate: string; startAt: string }>>(
      '/api/activities?from=1990-01-01',
    );
    expect(list.body.length).toBeGreaterThan(0);
    for (const a of list.body) {
      expect(a.startAt.slice(11, 13) <= '03').toBe(true); // 19:30 MST is 02:30 UTC the next day
      expect(a.localDate).toBe(addDays(a.startAt.slice(0, 10), -1));
    }
  });

  it('writes the same rows incrementally as from scratch', async () => {
    await requestRecompute(p.db.pool, athleteId, FROM_THE_START);
    await recompute()({ athleteId }, { attempt: 1 });
    const full = await rows(p, athleteId);
    expect(full.length).toBe(43); // the first run's day (42 days ago) to today
    expect(full.at(-1)?.day).toBe(TODAY);
    const fullVersions = await rowVersions(p, athleteId);

    // A check-in in the middle changes the days from there on: recompute from that day only.
    const mid = addDays(TODAY, -20);
    await runner.post('/api/checkins', { date: mid, painAtRest: 4, stiffness: 5 });
    await recompute()({ athleteId }, { attempt: 1 });
    const incremental = await rows(p, athleteId);
    const incrementalStages = await stageHistory(p, athleteId);
    // The days before the change are untouched: the same values, and not even rewritten.
    const before = (r: { day: string }) => r.day < addDays(mid, -1);
    expect(incremental.filter(before)).toEqual(full.filter(before));
    const versions = await rowVersions(p, athleteId);
    expect(versions.filter(before)).toEqual(fullVersions.filter(before));
    // …while the days from the change on were written again.
    const rewritten = versions.filter((r) => r.day >= mid);
    expect(rewritten.length).toBe(21); // mid (20 days ago) to today
    for (const r of rewritten)
      expect(r.version).not.toBe(fullVersions.find((f) => f.day === r.day)?.version);

    await requestRecompute(p.db.pool, athleteId, FROM_THE_START);
    await recompute()({ athleteId }, { attempt: 1 });
    expect(await rows(p, athleteId)).toEqual(incremental);
    expect(await stageHistory(p, athleteId)).toEqual(incrementalStages);
  });

  it('does nothing when a duplicate job finds nothing pending: no row is written again', async () => {
    const before = await rows(p, athleteId);
    const versions = await rowVersions(p, athleteId);
    await recompute()({ athleteId }, { attempt: 1 });
    expect(await rows(p, athleteId)).toEqual(before);
    expect(await rowVersions(p, athleteId)).toEqual(versions);
  });

  it('recomputes the whole history writing only the rows whose values changed', async () => {
    const before = await rows(p, athleteId);
    const versions = await rowVersions(p, athleteId);
    await requestRecompute(p.db.pool, athleteId, FROM_THE_START);
    await recompute()({ athleteId }, { attempt: 1 });
    expect(await rows(p, athleteId)).toEqual(before);
    // Computed again, found equal, not written: every row keeps its version.
    expect(await rowVersions(p, athleteId)).toEqual(versions);
    const pending = await p.db.pool.query<{ pending_from: string | null }>(
      'SELECT pending_from FROM recompute_requests WHERE athlete_id = $1',
      [athleteId],
    );
    expect(pending.rows[0]?.pending_from).toBeNull();

    // A change on the last day, recomputed from the start: only that day is written again.
    await runner.post('/api/checkins', { date: TODAY, painMorning: 2, stiffness: 3 });
    await requestRecompute(p.db.pool, athleteId, FROM_THE_START);
    await recompute()({ athleteId }, { attempt: 1 });
    const after = await rowVersions(p, athleteId);
    expect(after.slice(0, -1)).toEqual(versions.slice(0, -1));
    expect(after.at(-1)?.day).toBe(TODAY);
    expect(after.at(-1)?.version).not.toBe(versions.at(-1)?.version);
  });

  it('sends the same days from the stored answers as from rows stored before them', async () => {
    const stored = await runner.get<unknown[]>('/api/metrics/daily?from=1990-01-01');
    expect(stored.body.length).toBe((await rows(p, athleteId)).length);
    await p.db.pool.query('UPDATE daily_metrics SET lean = NULL WHERE athlete_id = $1', [
      athleteId,
    ]);
    const built = await runner.get<unknown[]>('/api/metrics/daily?from=1990-01-01');
    expect(built.body).toEqual(stored.body);
  });

  it('adds the new day when the local date moves on (the daily tick)', async () => {
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    const requested = await requestNewDays({
      pool: p.db.pool,
      queue: p.queue,
      now: () => tomorrow,
    });
    expect(requested).toBeGreaterThanOrEqual(1);
    await createRecomputeProcessor({ pool: p.db.pool, now: () => tomorrow })(
      { athleteId },
      { attempt: 1 },
    );
    const after = await rows(p, athleteId);
    expect(after.at(-1)?.day).toBe(addDays(TODAY, 1));
    expect(await requestNewDays({ pool: p.db.pool, queue: p.queue, now: () => tomorrow })).toBe(0);
  });
});
