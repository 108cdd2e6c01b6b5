// `hipcheck demo` against a test database: it creates the demo runner, coach and athletes (running
// it twice leaves one copy), and the runner's story shows in the engine's output: onboarding done,
// the week-7 spike, the week-9 drop, the break of weeks 10–11 with its step back, a clearance after
// a red flag, and a coach roster with the night-pain athlete first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';
import { runCli } from '../../support/run-node.ts';

const utcDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('hipcheck demo', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline({ workers: false });
    const env = { PATH: process.env.PATH, DATABASE_URL: p.db.url, LOG_LEVEL: 'silent' };
    for (let run = 0; run < 2; run++) {
      const res = await runCli(['demo'], env);
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toContain('demo-runner@hipcheck.local');
      expect(res.stdout).toContain('demo-coach@hipcheck.local');
      expect(res.stdout).toContain('hipcheck-demo');
    }
  }, 120_000);
  afterAll(async () => {
    await p.close();
  });

  it('leaves one copy of each demo account when run again', async () => {
    const { rows } = await p.db.pool.query<{ email: string; n: string }>(
      `SELECT email, count(*) AS n FROM users WHERE email LIKE '%@hipcheck.local' GROUP BY email`,
    );
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.n === '1')).toBe(true);
  });

  it("tells the runner's story: walk-run stages, a very high spike in week 7, a drop in week 9", async () => {
    const runner = p.client();
    const login = await runner.post('/api/auth/login', {
      email: 'demo-runner@hipcheck.local',
      password: 'hipcheck-demo',
    });
    expect(login.status).toBe(200);
    const activities =
      await runner.get<Array<{ sport: string; localDate: string }>>('/api/activities');
    expect(activities.body.length).toBeGreaterThan(30);
    expect(activities.body.at(-1)?.sport).toBe('walk');
    const days = await runner.get<Array<{ day: string; spike: { band: string } | null }>>(
      `/api/metrics/daily?from=${utcDay(-83)}&to=${utcDay(0)}`,
    );
    expect(days.body).toHaveLength(84);
    const spikes = days.body.filter((d) => d.spike?.band === 'very_high').map((d) => d.day);
    expect(spikes).toEqual([utcDay(-83 + 6 * 7 + 2)]);
    const progression = await runner.get<{
      history: Array<{ date: string; kind: string; fromStage: number; toStage: number }>;
    }>('/api/progression');
    const advances = progression.body.history.filter((h) => h.kind === 'advance');
    expect(advances.length).toBeGreaterThanOrEqual(6);
    const drops = progression.body.history.filter((h) => h.kind === 'drop');
    expect(drops).toHaveLength(1);
    expect(drops[0]?.date).toBe(utcDay(-83 + 8 * 7 + 3));
    expect(drops[0]?.toStage).toBe((drops[0]?.fromStage ?? 0) - 1);
    // The last run of week 10 is its Wednesday (day 65); 7 days without a run later, on day 73,
    // the stage steps back one, with the break named.
    const breaks = progression.body.history.filter((h) => h.kind === 'break');
    expect(breaks).toEqual([
      expect.objectContaining({ date: utcDay(-83 + 73), toStage: (breaks[0]?.fromStage ?? 0) - 1 }),
    ]);
    expect(JSON.stringify(breaks[0])).toContain('7 days without a run: one stage back');
    // Onboarding was done on the first day: the stage is the runner's own choice.
    const chosen = await runner.get<{
      stageChosen: boolean;
      manualStages: Array<{ note: string }>;
    }>('/api/progression');
    expect(chosen.body.stageChosen).toBe(true);
    expect(chosen.body.manualStages[0]?.note).toMatch(/^onboarding/);
    const cross = await runner.get<unknown[]>('/api/cross-training');
    expect(cross.body).toHaveLength(3);
    const today = await runner.get<{ date: string; recommendation: { action: string } }>(
      '/api/today',
    );
    expect(today.body.date).toBe(utcDay(0));
    expect(today.body.recommendation.action).not.toBe('see_clinician');
    expect((await runner.get<unknown[]>('/api/notes')).body).toHaveLength(1);
  });

  it('gives the demo coach a roster of six, the night-pain athlete first', async () => {
    const coach = p.client();
    const login = await coach.post('/api/auth/login', {
      email: 'demo-coach@hipcheck.local',
      password: 'hipcheck-demo',
    });
    expect(login.status).toBe(200);
    const roster =
      await coach.get<Array<{ email: string; worstSeverity: string | null }>>(
        '/api/coach/athletes',
      );
    expect(roster.body).toHaveLength(6);
    expect(roster.body[0]).toEqual(
      expect.objectContaining({
        email: 'demo-athlete-nightpain@hipcheck.local',
        name: 'Maja',
        worstSeverity: 'red_flag',
      }),
    );
    // A coach reads names, not emails: every demo athlete has one.
    expect(roster.body.every((r) => typeof (r as { name?: unknown }).name === 'string')).toBe(true);
    // The hip that gave way 12 days ago was cleared by a clinician 8 days ago: running again.
    const cleared = roster.body.find((r) => r.email === 'demo-athlete-cleared@hipcheck.local') as {
      athleteId?: string;
      action?: string;
    };
    expect(cleared.action).not.toBe('see_clinician');
    const list = await coach.get<Array<{ date: string; by: string }>>(
      `/api/athletes/${cleared.athleteId}/clearances`,
    );
    expect(list.body).toEqual([expect.objectContaining({ date: utcDay(-8), by: 'coach' })]);
    // The night-pain athlete's red flag waits in the demo coach's inbox, linking to the day.
    const nightPainId = (roster.body[0] as { athleteId?: string }).athleteId;
    const inbox = await coach.get<{
      unread: number;
      alerts: Array<{ athleteId: string; kind: string; day: string }>;
    }>('/api/coach/alerts');
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    expect(inbox.body.alerts).toContainEqual(
      expect.objectContaining({ athleteId: nightPainId, kind: 'red_flag', day: utcDay(0) }),
    );
  });
});
