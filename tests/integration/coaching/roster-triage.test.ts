// The roster as a coach triages it: names instead of emails, today's decision with its first
// reason exactly as the athlete page gives it, in the coach's voice, the last check-in (and
// "no check-in for N days"), compliance over 7 days, and unread replies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterEntry } from '#shared/api/coach-views';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

const utcDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Today {
  recommendation: { action: string; summary: string; reasons: Array<{ message: string }> };
}

let p: Pipeline;
let coach: TestClient;
let maja: TestClient;
let quiet: TestClient;
let majaId = '';
let quietId = '';

async function accept(runner: TestClient): Promise<void> {
  const inv = await coach.post<{ token: string }>('/api/coach/invites');
  expect((await runner.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(201);
}
const roster = async () => (await coach.get<RosterEntry[]>('/api/coach/athletes')).body;
const rowOf = async (id: string) => (await roster()).find((r) => r.athleteId === id);

beforeAll(async () => {
  p = await startPipeline();
  coach = p.client();
  await coach.signup('triage-coach@example.com', 'coach');
  maja = p.client();
  const signed = await maja.post('/api/auth/signup', {
    email: 'maja.k@example.com',
    password: 'correct horse battery',
    name: 'Maja',
    timezone: 'UTC',
  });
  expect(signed.status).toBe(201);
  quiet = p.client();
  await quiet.signup('quiet@example.com');
  majaId = (await maja.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
  quietId = (await quiet.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
  // Maja: one 20-minute run two days ago, pain this morning; quiet: a check-in 4 days ago only.
  const gpx = toGpx(
    track(steadyPlan(1200, 2.8), { startMs: Date.parse(`${utcDay(-2)}T07:00:00Z`) }),
  );
  const up = await maja.upload([{ name: 'easy.gpx', content: gpx }]);
  await waitForUpload(maja, up.body.uploads[0]?.id ?? '');
  expect((await maja.post('/api/checkins', { date: utcDay(0), painMorning: 4 })).status).toBe(201);
  expect((await quiet.post('/api/checkins', { date: utcDay(-4), painAtRest: 1 })).status).toBe(201);
  await accept(maja);
  await accept(quiet);
}, 60_000);
afterAll(async () => {
  await p.close();
});

describe('the roster', () => {
  it('names athletes by their display name, and falls back to the email', async () => {
    const rows = await roster();
    expect(rows.find((r) => r.athleteId === majaId)?.name).toBe('Maja');
    expect(rows.find((r) => r.athleteId === quietId)?.name).toBeNull();
    const me = await maja.get<{ name: string }>('/api/me');
    expect(me.body.name).toBe('Maja');
  });

  it('shows the decision and its first reason exactly as the athlete page does, live and stored', async () => {
    const check = async () => {
      const today = (await coach.get<Today>(`/api/athletes/${majaId}/today`)).body;
      const row = await rowOf(majaId);
      expect(row?.action).toBe(today.recommendation.action);
      expect(row?.reason).toBe(today.recommendation.reasons[0]?.message);
      expect(row?.reason).toBeTruthy();
      return row;
    };
    await check();
    await eventually(
      async () =>
        !(await maja.get<{ athlete: { metricsPending: boolean } }>('/api/me')).body.athlete
          .metricsPending,
      20_000,
      'metrics',
    );
    await check();
  });

  it("speaks of the athlete by name in the coach's voice, never 'your'", async () => {
    const today = (await coach.get<Today>(`/api/athletes/${majaId}/today`)).body;
    const text = JSON.stringify(today.recommendation);
    expect(text).toMatch(/Maja/);
    expect(text).not.toMatch(/\byour?\b/i);
    const row = await rowOf(majaId);
    expect(`${row?.summary} ${row?.reason}`).not.toMatch(/\byour?\b/i);
  });

  it('uses a name set later in settings, and the email again once it is cleared', async () => {
    expect((await quiet.put('/api/me/name', { name: 'Ola' })).status).toBe(200);
    expect((await rowOf(quietId))?.name).toBe('Ola');
    expect((await quiet.put('/api/me/name', { name: '  ' })).status).toBe(400);
    expect((await quiet.put('/api/me/name', { name: null })).status).toBe(200);
    expect((await rowOf(quietId))?.name).toBeNull();
  });

  it('gives the last check-in and marks 4 days without one as overdue (3 by default)', async () => {
    const q = await rowOf(quietId);
    expect(q).toMatchObject({ lastCheckIn: utcDay(-4), daysSinceCheckIn: 4, checkInOverdue: true });
    const m = await rowOf(majaId);
    expect(m).toMatchObject({ lastCheckIn: utcDay(0), daysSinceCheckIn: 0, checkInOverdue: false });
  });

  it('counts the one 20-minute run against the plan of the last 7 days: red, far under', async () => {
    const m = await rowOf(majaId);
    expect(m?.compliance).toMatchObject({ sessionsDone: 1, minutesDone: 20, colour: 'red' });
    expect(m?.compliance?.minutesPlanned).toBeGreaterThan(20 / 0.5);
  });
});
