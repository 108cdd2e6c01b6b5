// A Strava connection as the runner and a coach read it (GET /api/strava/status, GET
// /api/coach/strava): connected or not, the backfill's progress, the sync's health, the webhooks.

export type StravaAccountStatus = 'connected' | 'deauthorized' | 'disconnected';

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
  /** false: this server has no Strava app configured, and connecting cannot start. */
  available: boolean;
  /** Why Strava is off, in words for the runner (what the operator sets); null when available. */
  unavailableReason: string | null;
  connected: boolean;
  status: 'not_connected' | StravaAccountStatus;
  /** Once connected: the Strava athlete, the scope granted and when. */
  stravaAthleteId?: number;
  scope?: string;
  connectedAt?: string;
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
    /** Items Strava no longer had, and items that failed for good. */
    skipped?: number;
    failed?: number;
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
