// The dashboard's one door to the server: every request, and a type for every answer.
import type { Interval, Lap, Sample } from '../../shared/activity/activity.ts';
import type { CheckIn, StageDefinition } from '../../shared/engine/types.ts';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.status === 404;

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const res = await fetch(path, init);
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => undefined)) as T | ApiErrorBody | undefined;
  if (!res.ok) {
    const err = (json as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? `request failed (${res.status})`,
    );
  }
  return json as T;
}

const q = (params: Record<string, string | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, v);
  const text = s.toString();
  return text ? `?${text}` : '';
};

// --- who is signed in -------------------------------------------------------------------------

export type Units = 'km' | 'mi';
export type Sex = 'male' | 'female' | 'unknown';

export interface AthleteProfile {
  id: string;
  timezone: string;
  sex: Sex;
  hrMaxBpm: number | null;
  hrRestBpm: number | null;
  thresholdPaceSPerKm: number | null;
  units: Units;
  metricsPending: boolean;
}

export interface Me {
  id: string;
  email: string;
  role: 'runner' | 'coach';
  athlete: AthleteProfile | null;
}

export type AthleteSettings = Partial<Omit<AthleteProfile, 'id' | 'metricsPending'>>;

// --- the engine's answers ---------------------------------------------------------------------

export type Action = 'run' | 'run_modified' | 'cross_train' | 'strength' | 'rest' | 'see_clinician';
export type Severity = 'info' | 'caution' | 'high' | 'very_high' | 'red_flag';

export interface Reason {
  code: string;
  message: string;
  value?: number | string;
}

export interface Flag {
  code: string;
  severity: Severity;
  message: string;
  value?: number;
}

export interface PlanDay {
  date: string;
  action: Action;
  prescription: string;
  stage: number;
}

export interface TodayDecision {
  date: string;
  stage: number;
  stageName: string;
  recommendation: { action: Action; summary: string; reasons: Reason[]; prescription: string };
  flags: Flag[];
  plan: PlanDay[];
}

export interface MetricInfo {
  method: string;
  source: string;
  caveat: string;
}

export type SpikeBand = 'ok' | 'caution' | 'high' | 'very_high';
export type PainZone = 'green' | 'amber' | 'red';

export interface DailyMetrics {
  day: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
  /** Absent while a day's metrics are still being computed. */
  load?: {
    longestRunM: number;
    longestRunMovingS: number;
    crossTrainingMin: number;
    strengthMin: number;
    totalLoad: number;
  };
  spike?: {
    value: number | null;
    band: SpikeBand;
    reference: 'longest_30d' | 'stage_prescription';
    referenceValue: number;
    note?: string;
  } & MetricInfo;
  weeklyChange?: { value: number | null; caution: boolean } & MetricInfo;
  acwr?: {
    rolling: { coupled: number | null; uncoupled: number | null; note?: string } & MetricInfo;
    ewma: { ratio: number | null; acute: number; chronic: number; note?: string } & MetricInfo;
  };
  fitness?: { ctl: number; atl: number; form: number } & MetricInfo;
  monotony?: { monotony: number | null; high: boolean; note?: string } & MetricInfo;
  pain?: {
    score: number | null;
    zone: PainZone | null;
    painDuring: number | null;
    painAfter: number | null;
    painNextMorning: number | null;
    painAtRest: number | null;
    stiffness: number | null;
  } & MetricInfo;
  stage?: number;
  progression?: {
    stage: number;
    stageName: string;
    completions: number;
    completionsNeeded: number;
  };
  flags?: Flag[];
  recommendation?: { action: Action; summary: string };
}

export interface WeeklyRow {
  weekStart: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}

export interface ActivityRow {
  id: string;
  source: 'file' | 'strava';
  sport: string;
  name: string | null;
  startAt: string;
  localDate: string;
  distanceM: number;
  movingS: number;
  elapsedS: number;
  elevationGainM: number;
  avgHrBpm: number | null;
  maxHrBpm: number | null;
}

// The wire types the server shares with the pure domain code (type-only: nothing of shared/ is
// bundled).
export type { Interval, Lap, Sample } from '../../shared/activity/activity.ts';

export interface ActivityDetail extends ActivityRow {
  laps: Lap[];
  intervals: Interval[];
  /** What cleaning changed or doubted. */
  warnings: string[];
  /** How the file was read (damage recovered from, points skipped), in the athlete's local time. */
  fileWarnings?: FileWarning[];
  samples: Sample[];
}

/** POST /api/checkins: the engine's check-in, every field but the date optional. */
export type CheckInInput = Partial<Omit<CheckIn, 'date' | 'readinessTestPassed' | 'activityId'>> & {
  date: string;
  activityId?: string | null;
};

export interface CheckInRow extends CheckInInput {
  id: string;
  loggedAt: string;
}

export interface CrossTrainingRow {
  id: string;
  date: string;
  kind: string;
  minutes: number;
  rpe: number | null;
}

/** A stage of the plan, as the engine defines it (shared/engine/types.ts). */
export type { StageDefinition } from '../../shared/engine/types.ts';

export interface Progression {
  startStage: number;
  plan: StageDefinition[];
  customPlan: boolean;
  thresholds: Record<string, number | string>;
  manualStages?: Array<{ date: string; stage: number; by: string; note: string | null }>;
  history?: Array<{ date: string; fromStage: number; toStage: number; kind: string; by: string }>;
}

// --- uploads and Strava -----------------------------------------------------------------------

export type UploadStatus = 'queued' | 'processing' | 'done' | 'duplicate' | 'failed';

export interface FileWarning {
  code: string;
  message: string;
}

export interface UploadRow {
  id: string;
  filename: string;
  /** 'file': an activity file; 'export': an export ZIP; 'item': a workout of an Apple export. */
  kind?: 'file' | 'export' | 'item';
  status: UploadStatus;
  activityIds?: string[];
  error?: { code: string; message: string } | null;
  warnings?: FileWarning[];
}

export interface UploadResponse {
  uploads: UploadRow[];
  /** One per export ZIP: its files and workouts join the batch as a worker reads it. */
  batches: Array<{ id: string; filename: string; uploadId: string }>;
}

export interface ImportBatch {
  id: string;
  filename: string;
  /** strava, apple_health, garmin or activity_files, once read. */
  kind: string | null;
  /** reading: a worker is reading the export; failed: the ZIP was refused (see error). */
  state: 'reading' | 'done' | 'failed';
  error: { code: string; message: string } | null;
  total: number;
  finished: number;
  counts: Record<UploadStatus, number>;
  warnings: string[];
  wellnessDays: number;
  files: UploadRow[];
}

export interface WellnessDay {
  day: string;
  restingHrBpm: number | null;
  hrvSdnnMs: number | null;
  source: string;
}

export interface StravaStatus {
  connected: boolean;
  status: string;
  backfill: {
    state: 'listing' | 'fetching' | 'done' | null;
    done: number;
    total: number;
    nextBatchAt: string | null;
    progress: string | null;
  };
  lastError: string | null;
}

// --- coaching ---------------------------------------------------------------------------------

export interface Invite {
  token: string;
  url: string;
  expiresAt: string;
}

export interface Grant {
  coachId: string;
  coachEmail: string;
  grantedAt: string;
  shareActivityDetails: boolean;
}

export interface RosterRow {
  athleteId: string;
  email: string;
  stage: number | null;
  stageName: string | null;
  action: Action | null;
  summary: string | null;
  worstSeverity: Severity | null;
  flags: Flag[];
  sparkline: Array<{ day: string; runDistanceM: number }>;
  lastActivityAt: string | null;
}

export interface Note {
  id: string;
  authorEmail: string;
  body: string;
  createdAt: string;
}

// --- the athlete's pages: the runner's own data, or a coach's view through a grant -------------

/** Everything an athlete page reads, scoped to the runner (base '/api') or to a coached athlete. */
export function athleteApi(athleteId?: string) {
  const base = athleteId ? `/api/athletes/${encodeURIComponent(athleteId)}` : '/api';
  return {
    coached: athleteId !== undefined,
    today: () => request<TodayDecision>('GET', `${base}/today`),
    daily: (from: string, to: string) =>
      request<DailyMetrics[]>('GET', `${base}/metrics/daily${q({ from, to })}`),
    weekly: (from?: string, to?: string) =>
      request<WeeklyRow[]>('GET', `${base}/metrics/weekly${q({ from, to })}`),
    activities: (from?: string, to?: string) =>
      request<ActivityRow[]>('GET', `${base}/activities${q({ from, to })}`),
    activity: (id: string) =>
      request<ActivityDetail>('GET', `${base}/activities/${encodeURIComponent(id)}`),
    checkins: (from?: string, to?: string) =>
      request<CheckInRow[]>('GET', `${base}/checkins${q({ from, to })}`),
    crossTraining: (from?: string, to?: string) =>
      request<CrossTrainingRow[]>('GET', `${base}/cross-training${q({ from, to })}`),
    wellness: (from: string, to: string) =>
      request<WellnessDay[]>('GET', `${base}/wellness${q({ from, to })}`),
    progression: () => request<Progression>('GET', `${base}/progression`),
    putProgression: (body: {
      startStage?: number;
      thresholds?: Record<string, number>;
      plan?: StageDefinition[] | null;
    }) => request<Progression>('PUT', `${base}/progression`, body),
    setStage: (stage: number, note?: string) =>
      request<{ date: string; stage: number; by: string }>('POST', `${base}/progression/stage`, {
        stage,
        ...(note ? { note } : {}),
      }),
  };
}

export type AthleteApi = ReturnType<typeof athleteApi>;

/** Upload files with the browser's upload progress (fetch has none). */
function uploadWithProgress(
  files: File[],
  onProgress: (fraction: number) => void,
): Promise<UploadResponse> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (ev) => {
      if (ev.lengthComputable) onProgress(ev.loaded / ev.total);
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response as UploadResponse | ApiErrorBody | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResponse);
      else {
        const err = (body as ApiErrorBody | null)?.error;
        reject(
          new ApiError(
            xhr.status,
            err?.code ?? 'http_error',
            err?.message ?? `upload failed (${xhr.status})`,
          ),
        );
      }
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError(0, 'network', 'the upload failed: check your connection')),
    );
    xhr.send(form);
  });
}

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  signup: (email: string, password: string, role: 'runner' | 'coach', timezone: string) =>
    request<{ id: string }>('POST', '/api/auth/signup', { email, password, role, timezone }),
  login: (email: string, password: string) =>
    request<{ id: string }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  putAthlete: (settings: AthleteSettings) =>
    request<AthleteSettings>('PUT', '/api/athlete', settings),
  deleteAccount: (password: string) => request<void>('DELETE', '/api/me', { password }),
  exportUrl: '/api/export',

  upload: (files: File[], onProgress: (fraction: number) => void = () => undefined) =>
    uploadWithProgress(files, onProgress),
  uploadStatus: (id: string) => request<UploadRow>('GET', `/api/uploads/${encodeURIComponent(id)}`),
  importBatch: (id: string) =>
    request<ImportBatch>('GET', `/api/imports/${encodeURIComponent(id)}`),

  postCheckIn: (input: CheckInInput) => request<CheckInRow>('POST', '/api/checkins', input),
  postCrossTraining: (input: Omit<CrossTrainingRow, 'id'>) =>
    request<CrossTrainingRow>('POST', '/api/cross-training', input),

  stravaStatus: () => request<StravaStatus>('GET', '/api/strava/status'),
  stravaConnectUrl: '/api/strava/connect',
  /** Asks whether connecting can start (a redirect) or why not (Strava not configured: 503). */
  stravaConnectCheck: async (): Promise<void> => {
    const res = await fetch('/api/strava/connect', {
      credentials: 'same-origin',
      redirect: 'manual',
    });
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) return;
    const body = (await res.json().catch(() => undefined)) as ApiErrorBody | undefined;
    throw new ApiError(
      res.status,
      body?.error.code ?? 'http_error',
      body?.error.message ?? `Strava cannot be connected (${res.status})`,
    );
  },

  createInvite: () => request<Invite>('POST', '/api/coach/invites'),
  invite: (token: string) =>
    request<{ coachEmail: string; expiresAt: string }>(
      'GET',
      `/api/invites/${encodeURIComponent(token)}`,
    ),
  acceptInvite: (token: string) =>
    request<{ coachId: string; coachEmail: string }>(
      'POST',
      `/api/invites/${encodeURIComponent(token)}/accept`,
    ),
  grants: () => request<Grant[]>('GET', '/api/grants'),
  patchGrant: (coachId: string, shareActivityDetails: boolean) =>
    request<Grant>('PATCH', `/api/grants/${encodeURIComponent(coachId)}`, {
      shareActivityDetails,
    }),
  revokeGrant: (coachId: string) =>
    request<void>('DELETE', `/api/grants/${encodeURIComponent(coachId)}`),
  roster: () => request<RosterRow[]>('GET', '/api/coach/athletes'),
  notes: () => request<Note[]>('GET', '/api/notes'),
  athleteNotes: (athleteId: string) =>
    request<Note[]>('GET', `/api/athletes/${encodeURIComponent(athleteId)}/notes`),
  postNote: (athleteId: string, body: string) =>
    request<Note>('POST', `/api/athletes/${encodeURIComponent(athleteId)}/notes`, { body }),
};
