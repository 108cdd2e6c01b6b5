// Strava's part of the dashboard's door to the server (api.ts): the connection's status with the
// sync's health, the whole history on request, disconnecting, and a coach's athletes' sync.
import type { AthleteStravaSync, StravaConnection } from '../../shared/api/strava.ts';
import { request } from './api.ts';

export type * from '../../shared/api/strava.ts';

export const stravaApi = {
  status: () => request<StravaConnection>('GET', '/api/strava/status'),
  /** The whole Strava history (POST /api/strava/backfill {all: true}). */
  backfillAll: () => request<StravaConnection>('POST', '/api/strava/backfill', { all: true }),
  disconnect: () =>
    request<StravaConnection & { warning: string | null }>('POST', '/api/strava/disconnect'),
  coachSync: () => request<AthleteStravaSync[]>('GET', '/api/coach/strava'),
};
