// Strava's JSON for an athlete (SummaryAthlete, DetailedAthlete) and for a token exchange.
import type { FakeAthlete, IssuedTokens } from './types.ts';

export function athleteJson(a: FakeAthlete, detailed: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: a.id,
    username: a.username,
    resource_state: detailed ? 3 : 2,
    firstname: a.firstname,
    lastname: a.lastname,
    bio: null,
    city: a.city,
    state: null,
    country: a.country,
    sex: a.sex,
    premium: false,
    summit: false,
    created_at: a.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    updated_at: a.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    badge_type_id: 0,
    weight: null,
    profile_medium: 'avatar/athlete/medium.png',
    profile: 'avatar/athlete/large.png',
    friend: null,
    follower: null,
  };
  if (detailed) {
    Object.assign(base, {
      follower_count: 0,
      friend_count: 0,
      measurement_preference: 'meters',
      ftp: null,
      clubs: [],
      bikes: [],
      shoes: [],
    });
  }
  return base;
}

/** POST /oauth/token's answer; with the athlete for an authorization code. */
export function tokenResponse(
  t: IssuedTokens,
  nowMs: number,
  athlete?: FakeAthlete,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    expires_at: t.expiresAt,
    expires_in: Math.max(0, Math.round(t.expiresAt - nowMs / 1000)),
    refresh_token: t.refreshToken,
    access_token: t.accessToken,
  };
  if (athlete) body.athlete = athleteJson(athlete, false);
  return body;
}
