// The engine's routes over HTTP on the real pipeline: check-ins and cross-training stored and
// validated, today's decision with its reasons, red flags sending the runner to a clinician, the
// progression set by the runner, the daily numbers and the metrics' methods — all of it private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steadyPlan, toGpx, track, walkRunPlan } from '../../fixtures/generate-activity.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

interface Today {
  date: string;
  stage: number;
  recommendation: {
    action: string;
    summary: string;
    reasons: Array<{ code: string; message: string }>;
  };
  flags: Array<{ code: string; severity: string }>;
  plan: Array<{ date: string; action: string; prescription: string }>;
}

const utcDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('engine routes', () => {
  let p: Pipeline;
  let runner: TestClient;
  let activityId = '';

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('engine@example.com', 'runner', 'UTC');
    // A 20-minute easy run three days ago.
    const start = Date.parse(`${utcDay(-3)}T07:00:00Z`);
    const gpx = toGpx(track(steadyPlan(1200, 2.8), { startMs: start }));
    const res = await runner.upload([{ name: 'easy.gpx', content: gpx }]);
    const done = await waitForUpload(runner, res.body.uploads[0]?.id ?? '');
    activityId = done.activityIds[0] ?? '';
  });
  afterAll(async () => {
    await p.close();
  });

  it("answers /api/today in design.md's shape with ranked reasons and a 7-day plan", async () => {
    const res = await runner.get<Today>('/api/today');
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(utcDay(0));
    expect(['run', 'run_modified', 'cross_train', 'strength', 'rest', 'see_clinician']).toContain(
      res.body.recommendation.action,
    );
    expect(res.body.recommendation.summary.length).toBeGreaterThan(0);
    expect(res.body.recommendation.reasons.length).toBeGreaterThan(0);
    expect(res.body.recommendation.reasons[0]).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    );
    expect(res.body.plan).toHaveLength(7);
    expect(res.body.plan.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map(utcDay));
  });

  it('stores a check-in with the run it belongs to and returns it', async () => {
    const res = await runner.post<{ id: string; painDuring: number; activityId: string }>(
      '/api/checkins',
      {
        date: utcDay(-3),
        painDuring: 1,
        painAfter: 2,
        rpe: 4,
        activityId,
        notes: 'felt fine',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ painDuring: 1, painAfter: 2, activityId });
    const list = await runner.get<Array<{ id: string }>>(
      `/api/checkins?from=${utcDay(-3)}&to=${utcDay(-3)}`,
    );
    expect(list.body.map((c) => c.id)).toContain(res.body.id);
  });

  it('names each bad check-in field, refuses future dates and foreign activities', async () => {
    const bad = await runner.post<{ error: { code: string; message: string } }>('/api/checkins', {
      date: utcDay(0),
      painDuring: 11,
      limp: 'sometimes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('painDuring');
    expect(bad.body.error.message).toContain('limp');
    const future = await runner.post<{ error: { message: string } }>('/api/checkins', {
      date: utcDay(5),
      painAtRest: 1,
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('in the future');
    const other = p.client();
    await other.signup('engine-other@example.com');
    const foreign = await other.post('/api/checkins', { date: utcDay(0), activityId });
    expect(foreign.status).toBe(404);
  });

  it('logs cross-training that counts toward load but not toward running distance', async () => {
    const res = await runner.post<{ id: string; kind: string; minutes: number }>(
      '/api/cross-training',
      {
        date: utcDay(-1),
        kind: 'ride',
        minutes: 45,
        rpe: 5,
      },
    );
    expect(res.status).toBe(201);
    await eventually(
      async () => {
        const days = await runner.get<
          Array<{
            day: string;
            runDistanceM: number;
            load?: { crossTrainingMin: number; srpeLoad: number };
          }>
        >(`/api/metrics/daily?from=${utcDay(-1)}&to=${utcDay(-1)}`);
        const d = days.body[0];
        // 45 min × RPE 5 = 225 (Foster's session-RPE load); no running that day.
        return (
          d !== undefined &&
          d.load?.crossTrainingMin === 45 &&
          d.load.srpeLoad === 225 &&
          d.runDistanceM === 0
        );
      },
      20_000,
      'the cross-training day to be computed',
    );
  });

  it("returns daily rows of numbers, and each metric's method, source and caveat once", async () => {
    const days = await runner.get<Array<Record<string, unknown>>>('/api/metrics/daily');
    expect(days.status).toBe(200);
    const last = days.body.at(-1) as {
      acwr?: { ewma: { ratio: number | null } };
      fitness?: { ctl: number };
    };
    expect(typeof last.fitness?.ctl).toBe('number');
    expect(last.acwr?.ewma).toHaveProperty('ratio');
    // No text that is the same every day, and no sentence: they would be most of a year's bytes.
    const text = JSON.stringify(days.body);
    for (const key of ['"method"', '"source"', '"caveat"', '"message"', '"summary"', '"carry"'])
      expect(text, key).not.toContain(key);
    const info =
      await runner.get<Record<string, { name: string; method: string; caveat: string }>>(
        '/api/metrics/info',
      );
    expect(info.status).toBe(200);
    expect(info.body.acwrEwma?.method).toContain('EWMA');
    expect(info.body.acwrRolling?.caveat).toMatch(/team sports/i);
    expect(info.body.fitness?.name).toMatch(/fitness/i);
    expect((await p.client().get('/api/metrics/info')).status).toBe(401);
  });

  it('sends the runner to a clinician at once on night pain, with the red flag named', async () => {
    const res = await runner.post('/api/checkins', {
      date: utcDay(0),
      nightPain: true,
      painAtRest: 3,
    });
    expect(res.status).toBe(201);
    const today = await runner.get<Today>('/api/today');
    expect(today.body.recommendation.action).toBe('see_clinician');
    expect(today.body.flags.some((f) => f.severity === 'red_flag')).toBe(true);
    expect(today.body.plan.every((d) => d.action !== 'run' && d.action !== 'run_modified')).toBe(
      true,
    );
  });

  it('lets the runner set the stage and the thresholds, and refuses unknown ones by name', async () => {
    const fresh = p.client();
    await fresh.signup('engine-stage@example.com');
    const set = await fresh.post('/api/progression/stage', {
      stage: 3,
      note: 'physio cleared stage 3',
    });
    expect(set.status).toBe(201);
    const today = await fresh.get<Today>('/api/today');
    expect(today.body.stage).toBe(3);
    const tooHigh = await fresh.post<{ error: { message: string } }>('/api/progression/stage', {
      stage: 42,
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.message).toContain('stage: must be from 0 to 8');
    const unknown = await fresh.put<{ error: { message: string } }>('/api/progression', {
      thresholds: { spikeCaution: 0.05, bogus: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('bogus');
    const ok = await fresh.put<{ thresholds: { spikeCaution: number } }>('/api/progression', {
      thresholds: { spikeCaution: 0.05 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.thresholds.spikeCaution).toBe(0.05);
    const prog = await fresh.get<{
      manualStages: Array<{ stage: number; by: string }>;
      plan: unknown[];
    }>('/api/progression');
    expect(prog.body.manualStages).toEqual([expect.objectContaining({ stage: 3, by: 'runner' })]);
    expect(prog.body.plan).toHaveLength(9);
  });

  it("compares a walk-run session with the stage's prescription on the activity page", async () => {
    const walker = p.client();
    await walker.signup('engine-walkrun@example.com');
    expect((await walker.put('/api/progression', { startStage: 1 })).status).toBe(200);
    const startMs = Date.parse(`${utcDay(-2)}T08:00:00Z`);
    const res = await walker.upload([
      { name: 'walk-run.gpx', content: toGpx(track(walkRunPlan(), { startMs })) },
    ]);
    const done = await waitForUpload(walker, res.body.uploads[0]?.id ?? '');
    const id = done.activityIds[0] ?? '';
    await eventually(
      async () =>
        (
          await walker.get<Array<{ day: string; stage: number }>>(
            `/api/metrics/daily?from=${utcDay(-2)}&to=${utcDay(-2)}`,
          )
        ).body[0]?.stage === 1,
      20_000,
      'the session day to be computed at stage 1',
    );
    const detail = await walker.get<{
      comparison: { stage: number; asPlanned: boolean; message: string };
    }>(`/api/activities/${id}`);
    expect(detail.body.comparison).toMatchObject({ stage: 1, asPlanned: true });
    expect(detail.body.comparison.message).toMatch(
      /^Done as prescribed: 10 × (0:5\d|1:0\d) \(stage 1: 10 × \(run 1 min \/ walk 2 min\)\)\.$/,
    );
  });

  it("keeps every engine route to the caller's own data", async () => {
    const other = p.client();
    await other.signup('engine-nosy@example.com');
    expect((await other.get('/api/checkins')).body).toEqual([]);
    expect((await other.get('/api/cross-training')).body).toEqual([]);
    expect((await other.get('/api/metrics/daily')).body).toEqual([]);
    expect((await other.get<{ history: unknown[] }>('/api/progression')).body.history).toEqual([]);
    const today = await other.get<Today>('/api/today');
    expect(today.body.recommendation.action).not.toBe('see_clinician');
    const anon = p.client();
    for (const path of [
      '/api/checkins',
      '/api/cross-training',
      '/api/today',
      '/api/progression',
      '/api/metrics/daily',
    ]) {
      expect((await anon.get(path)).status, path).toBe(401);
    }
    const coach = p.client();
    await coach.signup('engine-coach@example.com', 'coach');
    expect((await coach.get('/api/today')).status).toBe(404);
    expect((await coach.post('/api/checkins', { date: utcDay(0), painAtRest: 1 })).status).toBe(
      404,
    );
  });
});
