// A coach whom the athlete shares only derived load with (the default) must not read the words the
// athlete wrote: check-in notes and cross-training labels (README, Coaches: "derived load and risk
// only"). The routes answer them today; the filter belongs in the coaching routes
// (athleteScopedRoutes), next to the one that trims the activity list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

let p: Pipeline;
let runner: TestClient;
let coach: TestClient;
let athleteId = '';
const NOTE = 'left-hip-clunk-on-stairs';
const LABEL = 'aqua-jogging-with-physio';

beforeAll(async () => {
  p = await startPipeline({ workers: false });
  runner = p.client();
  coach = p.client();
  await runner.signup('private-words@example.com');
  await coach.signup('derived-coach@example.com', 'coach');
  const today = new Date().toISOString().slice(0, 10);
  await runner.post('/api/checkins', { date: today, painAtRest: 2, notes: NOTE });
  await runner.post('/api/cross-training', { date: today, kind: LABEL, minutes: 30 });
  const invite = await coach.post<{ token: string }>('/api/coach/invites');
  await runner.post(`/api/invites/${invite.body.token}/accept`);
  athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
});
afterAll(async () => {
  await p.close();
});

describe('a coach with sharing off', () => {
  it('still sees the check-in and cross-training numbers', async () => {
    const checkins = await coach.get<Array<{ painAtRest: number }>>(
      `/api/athletes/${athleteId}/checkins`,
    );
    expect(checkins.status).toBe(200);
    expect(checkins.body[0]?.painAtRest).toBe(2);
    const cross = await coach.get<Array<{ minutes: number }>>(
      `/api/athletes/${athleteId}/cross-training`,
    );
    expect(cross.body[0]?.minutes).toBe(30);
  });

  it('reads no check-in notes and no cross-training labels anywhere', async () => {
    for (const path of ['checkins', 'cross-training', 'today', 'metrics/daily']) {
      const res = await coach.get(`/api/athletes/${athleteId}/${path}`);
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body), path).not.toContain(NOTE);
      expect(JSON.stringify(res.body), path).not.toContain(LABEL);
    }
  });

  it('reads them once the athlete shares details', async () => {
    const grants = await runner.get<Array<{ coachId: string }>>('/api/grants');
    const coachId = grants.body[0]?.coachId ?? '';
    await runner.request('PATCH', `/api/grants/${coachId}`, { shareActivityDetails: true });
    const checkins = await coach.get(`/api/athletes/${athleteId}/checkins`);
    expect(JSON.stringify(checkins.body)).toContain(NOTE);
    const cross = await coach.get(`/api/athletes/${athleteId}/cross-training`);
    expect(JSON.stringify(cross.body)).toContain(LABEL);
    await runner.request('PATCH', `/api/grants/${coachId}`, { shareActivityDetails: false });
  });
});
