// Notes as conversations over HTTP (issue 12 item 7): a coach ties a note to a day or an activity,
// the athlete reads it there and replies, and the coach's roster counts the unread replies until
// the coach reads them. Access: a coach without a grant gets 404 on every notes route, a runner
// answers only notes on themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steadyPlan, toGpx, track } from '../../fixtures/generate-activity.ts';
import { utcDay } from '../../support/daily-loop.ts';
import { startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';

interface Note {
  id: string;
  by: 'coach' | 'athlete';
  body: string;
  day: string | null;
  activityId: string | null;
  replyTo: string | null;
  readAt: string | null;
  replies: Note[];
}
interface RosterEntry {
  athleteId: string;
  unreadReplies: number;
}

describe('note threads', () => {
  let p: Pipeline;
  let coach: TestClient;
  let stranger: TestClient;
  let runner: TestClient;
  let other: TestClient;
  let athleteId = '';
  let activityId = '';

  beforeAll(async () => {
    p = await startPipeline();
    coach = p.client();
    await coach.signup('threads-coach@example.com', 'coach');
    stranger = p.client();
    await stranger.signup('stranger-coach@example.com', 'coach');
    runner = p.client();
    await runner.signup('threads-runner@example.com');
    other = p.client();
    await other.signup('other-runner@example.com');
    athleteId = (await runner.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    const gpx = toGpx(
      track(steadyPlan(1200, 3), { startMs: Date.parse(`${utcDay(-1)}T07:00:00Z`) }),
    );
    const up = await runner.upload([{ name: 'run.gpx', content: gpx }]);
    activityId = (await waitForUpload(runner, up.body.uploads[0]?.id ?? '')).activityIds[0] ?? '';
    const inv = await coach.post<{ token: string }>('/api/coach/invites');
    expect((await runner.post(`/api/invites/${inv.body.token}/accept`)).status).toBe(201);
  });
  afterAll(async () => {
    await p.close();
  });

  const notesUrl = (path = '') => `/api/athletes/${athleteId}/notes${path}`;
  const unread = async () =>
    (await coach.get<RosterEntry[]>('/api/coach/athletes')).body.find(
      (r) => r.athleteId === athleteId,
    )?.unreadReplies;

  it('ties notes to a day and to an activity; the athlete finds each where it belongs', async () => {
    const onDay = await coach.post<Note>(notesUrl(), {
      body: 'Good call resting.',
      day: utcDay(0),
    });
    expect(onDay.status).toBe(201);
    expect(onDay.body).toMatchObject({
      by: 'coach',
      day: utcDay(0),
      activityId: null,
      replies: [],
    });
    const onRun = await coach.post<Note>(notesUrl(), { body: 'Nice even pace.', activityId });
    expect(onRun.status).toBe(201);
    expect(onRun.body).toMatchObject({ day: null, activityId });

    const forRun = await runner.get<Note[]>(`/api/notes?activityId=${activityId}`);
    expect(forRun.body.map((n) => n.body)).toEqual(['Nice even pace.']);
    const forDay = await runner.get<Note[]>(`/api/notes?day=${utcDay(0)}`);
    expect(forDay.body.map((n) => n.body)).toEqual(['Good call resting.']);
    // Newest first, every thread.
    expect((await runner.get<Note[]>('/api/notes')).body.map((n) => n.body)).toEqual([
      'Nice even pace.',
      'Good call resting.',
    ]);
  });

  it('refuses a note tied to both, to another athlete’s activity, or to a day that is no date', async () => {
    const otherId = (await other.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    expect(otherId).not.toBe(athleteId);
    for (const [body, field] of [
      [{ body: 'x', day: utcDay(0), activityId }, 'not both'],
      [{ body: 'x', activityId: '00000000-0000-4000-8000-000000000000' }, 'activityId'],
      [{ body: 'x', day: '2026-02-30' }, 'day'],
      [{ body: '  ' }, 'body'],
    ] as const) {
      const res = await coach.post<{ error: { message: string } }>(notesUrl(), body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
  });

  it('the athlete replies; the roster counts it unread until the coach reads the thread', async () => {
    const [thread] = (await runner.get<Note[]>(`/api/notes?activityId=${activityId}`)).body;
    expect(await unread()).toBe(0);
    const reply = await runner.post<Note>(`/api/notes/${thread?.id}/replies`, {
      body: 'Thanks! The hip felt fine.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ by: 'athlete', replyTo: thread?.id, readAt: null });
    expect(await unread()).toBe(1);

    const mine = (await coach.get<Note[]>(notesUrl(`?activityId=${activityId}`))).body;
    expect(mine[0]?.replies.map((r) => [r.by, r.body])).toEqual([
      ['athlete', 'Thanks! The hip felt fine.'],
    ]);
    const read = await coach.post<{ read: number }>(notesUrl('/read'));
    expect(read.body).toEqual({ read: 1 });
    expect(await unread()).toBe(0);
    const after = (await coach.get<Note[]>(notesUrl(`?activityId=${activityId}`))).body;
    expect(after[0]?.replies[0]?.readAt).toEqual(expect.any(String));
  });

  it('answers 404 on every notes route to a coach without a grant', async () => {
    for (const [method, path, body] of [
      ['GET', notesUrl()],
      ['GET', notesUrl(`?day=${utcDay(0)}`)],
      ['GET', notesUrl(`?activityId=${activityId}`)],
      ['POST', notesUrl(), { body: 'hello', day: utcDay(0) }],
      ['POST', notesUrl(), { body: 'hello', activityId }],
      ['POST', notesUrl('/read')],
    ] as const) {
      const res = await stranger.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it('lets a runner answer only notes on themselves, and a coach not through the runner’s route', async () => {
    const [thread] = (await runner.get<Note[]>('/api/notes')).body;
    expect((await other.post(`/api/notes/${thread?.id}/replies`, { body: 'hi' })).status).toBe(404);
    expect((await runner.post('/api/notes/not-a-uuid/replies', { body: 'hi' })).status).toBe(404);
    expect((await coach.post(`/api/notes/${thread?.id}/replies`, { body: 'hi' })).status).toBe(403);
    expect((await runner.post(`/api/notes/${thread?.id}/replies`, { body: '' })).status).toBe(400);
  });
});
