// Expired sessions are refused at once (findSession) and their rows deleted by the reconciler,
// at start-up and then on its schedule, so the sessions table does not grow forever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReconciler } from '#workers/reconciler';
import { startPipeline, type Pipeline } from '../../support/pipeline.ts';

let p: Pipeline;

beforeAll(async () => {
  p = await startPipeline({ workers: false });
});

afterAll(async () => {
  await p.close();
});

const sessionsOf = async (email: string) => {
  const { rows } = await p.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.email = $1`,
    [email],
  );
  return rows[0]?.n;
};

describe('expired sessions', () => {
  it('are deleted when the reconciler starts; live sessions stay signed in', async () => {
    const gone = p.client();
    await gone.signup('expired@example.com');
    const live = p.client();
    await live.signup('live@example.com');
    await p.db.pool.query(
      `UPDATE sessions SET expires_at = now() - interval '1 minute'
        WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      ['expired@example.com'],
    );
    expect(await sessionsOf('expired@example.com')).toBe(1);
    expect((await gone.get('/api/me')).status).toBe(401);

    const logged: string[] = [];
    const reconciler = startReconciler({
      pool: p.db.pool,
      queue: p.queue,
      log: (m) => logged.push(m),
    });
    await reconciler.ready;
    await reconciler.stop();

    expect(await sessionsOf('expired@example.com')).toBe(0);
    expect(await sessionsOf('live@example.com')).toBe(1);
    expect((await live.get('/api/me')).status).toBe(200);
    expect(logged).toContain('reconciler: deleted 1 expired session(s)');
  });
});
