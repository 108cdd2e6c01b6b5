// SQL of used OAuth states (strava_oauth_states): a state's nonce is recorded when the callback
// takes it, so the same state (a reload, a replayed link) is refused the second time.
import type { Queryable } from './database.ts';

/** Records the nonce; false when it was used before. Forgets nonces a day old (long expired). */
export async function useStravaOAuthNonce(db: Queryable, nonce: string): Promise<boolean> {
  await db.query("DELETE FROM strava_oauth_states WHERE used_at < now() - interval '1 day'");
  const { rows } = await db.query<{ nonce: string }>(
    `INSERT INTO strava_oauth_states (nonce) VALUES ($1) ON CONFLICT (nonce) DO NOTHING
     RETURNING nonce`,
    [nonce],
  );
  return rows.length === 1;
}
