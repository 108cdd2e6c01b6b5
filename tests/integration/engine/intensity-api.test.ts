// The intensity line through the HTTP API on the real pipeline: a runner with a threshold pace
// uploads an easy run with 6 × 20 s strides and a run with 4 hill repeats; GET
// /api/metrics/intensity sums each day and week. Hand-worked from the generated plans: the strides
// run at 5 m/s (faster than 4:00/km = 4.17 m/s) for 6 × 20 s = 120 s at 180 bpm (above 87 % of
// HRmax 190 = 165 bpm); the hill run is 3 m/s and 144 bpm throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntensityMetrics } from '#shared/api/intensity';
import { weekStartOf } from '#shared/local-date';
import { hillRepeatsPlan, stridesPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { utcDay } from '../../support/daily-loop.ts';
import type { TestClient } from '../../support/http-client.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { PlanStep } from '../../fixtures/generate-activity.ts';

describe('GET /api/metrics/intensity', () => {
  let p: Pipeline;
  let runner: TestClient;

  async function upload(c: TestClient, day: number, plan: PlanStep[]): Promise<void> {
    const startMs = Date.parse(`${utcDay(day)}T07:00:00Z`);
    const gpx = toGpx(track(plan, { startMs }), { type: 'running' });
    const up = await c.upload([{ name: `run${day}.gpx`, content: gpx }]);
    expect((await waitForUpload(c, up.body.uploads[0]?.id ?? '')).status).toBe('done');
  }

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('intensity@example.com');
    const put = await runner.put('/api/athlete', { thresholdPaceSPerKm: 240, hrMaxBpm: 190 });
    expect(put.status).toBe(200);
    await upload(runner, -1, stridesPlan(6, 20));
    await upload(runner, -2, [{ durationS: 900, speedMps: 3 }, ...hillRepeatsPlan(4)]);
  });
  afterAll(async () => {
    await p.close();
  });

  it('sums time above the threshold pace, fast bouts, strides and hill repeats per day and week', async () => {
    const res = await runner.get<IntensityMetrics>(
      `/api/metrics/intensity?from=${utcDay(-7)}&to=${utcDay(0)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      basis: 'pace',
      thresholdPaceSPerKm: 240,
      thresholdHrBpm: 165,
    });
    const hills = { aboveThresholdS: 0, fastS: 0, strides: 0, hillRepeats: 4, runs: 1 };
    const strides = { aboveThresholdS: 120, fastS: 120, strides: 6, hillRepeats: 0, runs: 1 };
    expect(res.body.days).toEqual([
      { day: utcDay(-2), ...hills },
      { day: utcDay(-1), ...strides },
    ]);
    // One week or two, by the weekday of today.
    const w2 = weekStartOf(utcDay(-2));
    const w1 = weekStartOf(utcDay(-1));
    expect(res.body.weeks).toEqual(
      w1 === w2
        ? [{ weekStart: w1, aboveThresholdS: 120, fastS: 120, strides: 6, hillRepeats: 4, runs: 2 }]
        : [
            { weekStart: w2, ...hills },
            { weekStart: w1, ...strides },
          ],
    );
  });

  it('measures against the threshold heart rate once the threshold pace is removed', async () => {
    expect((await runner.put('/api/athlete', { thresholdPaceSPerKm: null })).status).toBe(200);
    let body: IntensityMetrics | undefined;
    await eventually(
      async () => {
        body = (await runner.get<IntensityMetrics>(`/api/metrics/intensity?from=${utcDay(-1)}`))
          .body;
        return body.basis === 'heart_rate' && body.days[0]?.aboveThresholdS === 120;
      },
      20_000,
      'the intensity to be read against 165 bpm',
    );
    expect(body?.days).toEqual([
      { day: utcDay(-1), aboveThresholdS: 120, fastS: 120, strides: 6, hillRepeats: 0, runs: 1 },
    ]);
  });

  it('refuses a malformed date, naming the field', async () => {
    const res = await runner.get<{ error: { message: string } }>(
      '/api/metrics/intensity?from=2026-13-01',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('from');
  });

  it('answers a runner with no runs with empty days and weeks, against fast bouts', async () => {
    const c = p.client();
    await c.signup('intensity-new@example.com');
    const res = await c.get<IntensityMetrics>('/api/metrics/intensity');
    expect(res.body).toEqual({
      basis: 'fast_bouts',
      thresholdPaceSPerKm: null,
      thresholdHrBpm: null,
      days: [],
      weeks: [],
    });
  });
});
