// Many check-ins of the same day at once (a double tap, a phone replaying its queue): the writes
// that arrive while one is committing are written together in the next transaction. Each is still
// answered with the row as its own write left it; only the first to arrive is "created"; merges
// keep each other's fields; and a red flag among them holds today at once (science.md §5 rule 1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../support/daily-loop.ts';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';

interface Row {
  painAtRest: number | null;
  stiffness: number | null;
  nightPain: boolean | null;
}

describe('a burst of check-ins of one day', () => {
  let p: Pipeline;

  beforeAll(async () => {
    p = await startPipeline({ workers: false });
  });
  afterAll(async () => {
    await p.close();
  });

  it('answers each write with the row it left, one created, the fields of every merge kept', async () => {
    const c = p.client();
    await c.signup('burst@example.com');
    const day = utcDay(-1);
    // Sent together: merges of stiffness 0..10 (the whole scale), and painAtRest on the first only.
    const answers = await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        c.post<Row>('/api/checkins', {
          date: day,
          stiffness: i,
          ...(i === 0 ? { painAtRest: 2 } : {}),
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    for (const [i, a] of answers.entries()) expect(a.body.stiffness, `write ${i}`).toBe(i);
    const stored = await c.get<Row>(`/api/checkins/${day}`);
    // Whichever came last, the merges kept the first write's pain at rest.
    expect(stored.body.painAtRest).toBe(2);
    expect(answers.map((a) => a.body.stiffness)).toContain(stored.body.stiffness);
  });

  it('holds today for a red flag merged among a burst of other writes', async () => {
    const c = p.client();
    await c.signup('burst-flag@example.com');
    const day = utcDay(0);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        // Night pain is a red flag (science.md §5): see a clinician.
        c.post<Row>('/api/checkins', {
          date: day,
          stiffness: i,
          ...(i === 4 ? { nightPain: true } : {}),
        }),
      ),
    );
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    expect((await c.get<Row>(`/api/checkins/${day}`)).body.nightPain).toBe(true);
    const today = await c.get<{ recommendation: { action: string } }>('/api/today');
    expect(today.body.recommendation.action).toBe('see_clinician');
  });

  it('answers each replace in a burst with the row it alone made', async () => {
    const c = p.client();
    await c.signup('burst-replace@example.com');
    const day = utcDay(-2);
    const answers = await Promise.all([
      c.put<Row>(`/api/checkins/${day}`, { painAtRest: 1 }),
      c.put<Row>(`/api/checkins/${day}`, { stiffness: 2 }),
      c.put<Row>(`/api/checkins/${day}`, { painAtRest: 3, stiffness: 3 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(answers.map((a) => [a.body.painAtRest, a.body.stiffness])).toEqual([
      [1, null],
      [null, 2],
      [3, 3],
    ]);
  });

  it('leaves a recompute pending from the day before the earliest check-in of a burst', async () => {
    const c = p.client();
    await c.signup('burst-days@example.com');
    const athleteId = (await c.get<{ athlete: { id: string } }>('/api/me')).body.athlete.id;
    await p.db.pool.query('DELETE FROM recompute_requests WHERE athlete_id = $1', [athleteId]);
    const days = [-1, -3, -6, -2, -5, -4];
    const answers = await Promise.all(
      days.map((d) => c.post('/api/checkins', { date: utcDay(d), painMorning: 1 })),
    );
    expect(answers.map((a) => a.status)).toEqual(days.map(() => 201));
    // A morning score judges the day before (science.md §3): the earliest is 7 days ago.
    const { rows } = await p.db.pool.query<{
      pending_from: string | null;
      newer_from: string | null;
    }>('SELECT pending_from, newer_from FROM recompute_requests WHERE athlete_id = $1', [
      athleteId,
    ]);
    expect(rows[0]?.pending_from).toBe(utcDay(-7));
  });
});
