// Strava's part of the dashboard's door to the server (api.ts): the connection's status with the
// sync's health, the whole history on request, disconnecting, and a coach's athletes' sync.
import { request } from './api.ts';

/** When Hipcheck last heard from Strava, and a warning while runs may be missing. */
export interface StravaSync {
  lastSyncedAt: string | null;
  /** "Strava last synced 12 minutes ago". */
  lastSynced: string;
  failingSince: string | null;
  /** The last failure as it happened. */
  error: { code: string; message: string } | null;
  warning: string | null;
}

/** The day a connection ended (revoked on Strava, refused, or disconnected here). */
export interface StravaDisconnected {
  at: string;
  on: string;
  reason: string;
  message: string;
}

/** GET /api/strava/status. */
export interface StravaConnection {
  connected: boolean;
  status: 'not_connected' | 'connected' | 'deauthorized' | 'disconnected';
  /** What connecting backfills: the last this many days. */
  backfillDays: number;
  backfill: {
    state: 'listing' | 'fetching' | 'done' | null;
    done: number;
    total: number;
    nextBatchAt: string | null;
    progress: string | null;
    /** "about 11 more days at today's budget", while items wait. */
    estimate?: string | null;
    /** null: all history. */
    since?: string | null;
  };
  sync: StravaSync | null;
  disconnected: StravaDisconnected | null;
  webhooks: { state: string; message: string };
  lastError: { code: string; message: string } | null;
}

/** A coach's athlete's Strava sync (GET /api/coach/strava). */
export interface AthleteStravaSync {
  athleteId: string;
  connected: boolean;
  status: StravaConnection['status'];
  sync: StravaSync;
  disconnected: StravaDisconnected | null;
}

export const stravaApi = {
  status: () => request<StravaConnection>('GET', '/api/strava/status'),
  /** The whole Strava history (POST /api/strava/backfill {all: true}). */
  backfillAll: () => request<StravaConnection>('POST', '/api/strava/backfill', { all: true }),
  disconnect: () =>
    request<StravaConnection & { warning: string | null }>('POST', '/api/strava/disconnect'),
  coachSync: () => request<AthleteStravaSync[]>('GET', '/api/coach/strava'),
};
