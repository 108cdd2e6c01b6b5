// Helpers of the daily-loop HTTP stories: days relative to today (UTC, the runners' time zone),
// an easy run uploaded as a GPX file on one of them, and the shape of GET /api/today.
import { expect } from 'vitest';
import { steadyPlan, toGpx, track } from '../fixtures/generate-activity.ts';
import type { TestClient } from './http-client.ts';
import { waitForUpload } from './pipeline.ts';

export const utcDay = (offset: number): string =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** An easy run of `minutes` at 3 m/s, `daysAgo` days before today (07:00 UTC), processed. */
export async function runOn(c: TestClient, daysAgo: number, minutes: number): Promise<void> {
  const startMs = Date.parse(`${utcDay(-daysAgo)}T07:00:00Z`);
  const gpx = toGpx(track(steadyPlan(minutes * 60, 3), { startMs }));
  const res = await c.upload([{ name: `run-${daysAgo}.gpx`, content: gpx }]);
  expect((await waitForUpload(c, res.body.uploads[0]?.id ?? '')).status).toBe('done');
}

export interface TodayBody {
  date: string;
  stage: number;
  recommendation: {
    action: string;
    summary: string;
    prescription: string;
    minutes: number | null;
    reasons: Array<{ code: string; message: string; value?: number | string; rule: string }>;
  };
  flags: Array<{ code: string; severity: string; message: string; value?: number }>;
  plan: Array<{
    date: string;
    action: string;
    prescription: string;
    minutes: number | null;
    stage: number;
  }>;
  hold: null | { kind: string; since?: string; weeksSince?: number; howToClear: string };
  checkIn: Record<string, unknown> | null;
}
