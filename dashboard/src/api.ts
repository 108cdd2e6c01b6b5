// The dashboard's one door to the server: every request, typed by the wire contract the server's
// routes answer with (shared/api/).
import type { ActivityDetail, ActivityRow, WeeklyRow } from '../../shared/api/activities.ts';
import type { AthleteSettings, DisplayName, Me, SignedIn } from '../../shared/api/athlete.ts';
import type {
  CheckInInput,
  CheckInRow,
  CrossTrainingRow,
  WellnessDay,
} from '../../shared/api/checkins.ts';
import type { RosterEntry } from '../../shared/api/coach-views.ts';
import type {
  AlertSettings,
  Grant,
  InboxAlert,
  Invite,
  InviteView,
  Note,
  NoteRow,
} from '../../shared/api/coaching.ts';
import type { IntensityMetrics } from '../../shared/api/intensity.ts';
import type { DailyMetrics, MetricsInfo, TodayDecision } from '../../shared/api/metrics.ts';
import type {
  Clearance,
  ClearanceInput,
  OnboardingInput,
  OnboardingResult,
  Progression,
  ProgressionChange,
  StageSet,
} from '../../shared/api/progression.ts';
import type { ImportBatch, UploadResponse, UploadRow } from '../../shared/api/uploads.ts';

// The wire contract the server's routes answer with (type-only: nothing of shared/ is bundled).
export type * from '../../shared/api/activities.ts';
export type * from '../../shared/api/athlete.ts';
export type * from '../../shared/api/checkins.ts';
export type * from '../../shared/api/coaching.ts';
export type * from '../../shared/api/intensity.ts';
export type * from '../../shared/api/metrics.ts';
export type * from '../../shared/api/progression.ts';
export type * from '../../shared/api/uploads.ts';
export type { RosterEntry as RosterRow } from '../../shared/api/coach-views.ts';
export type { Compliance } from '../../shared/coaching/compute-compliance.ts';
export type { Action, Flag, Reason, RuleId, Severity } from '../../shared/engine/types.ts';
export type { Hold } from '../../shared/engine/run-engine.ts';
export type { PlanDay } from '../../shared/engine/recommend-week.ts';

/** What a note is about: a day, an activity, or (neither) the athlete in general. */
export interface NoteAbout {
  day?: string;
  activityId?: string;
}

const aboutQuery = (about: NoteAbout): string => {
  const q = new URLSearchParams();
  if (about.day) q.set('day', about.day);
  if (about.activityId) q.set('activityId', about.activityId);
  const s = q.toString();
  return s ? `?${s}` : '';
};

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

async function send<T>(method: string, path: string, body?: unknown): Promise<[T, Response]> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  const res = await fetch(path, init);
  if (res.status === 204) return [undefined as T, res];
  const json = (await res.json().catch(() => undefined)) as T | ApiErrorBody | undefined;
  if (!res.ok) {
    const err = (json as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? `request failed (${res.status})`,
    );
  }
  return [json as T, res];
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await send<T>(method, path, body))[0];
}

/** One page of a list, and where the next (older) page is, from the answer's Link header. */
export interface Page<T> {
  rows: T[];
  next: string | undefined;
}

export async function requestPage<T>(path: string): Promise<Page<T>> {
  const [rows, res] = await send<T[]>('GET', path);
  const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('Link') ?? '')?.[1];
  return { rows, next };
}

const q = (params: Record<string, string | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, v);
  const text = s.toString();
  return text ? `?${text}` : '';
};

// --- the athlete's pages: the runner's own data, or a coach's view through a grant -------------

/** Everything an athlete page reads, scoped to the runner (base '/api') or to a coached athlete. */
export function athleteApi(athleteId?: string) {
  const base = athleteId ? `/api/athletes/${encodeURIComponent(athleteId)}` : '/api';
  return {
    coached: athleteId !== undefined,
    today: () => request<TodayDecision>('GET', `${base}/today`),
    daily: (from: string, to: string) =>
      request<DailyMetrics[]>('GET', `${base}/metrics/daily${q({ from, to })}`),
    /** Each metric's name, unit, method, source and caveat: the same every day, read once. */
    metricsInfo: () => request<MetricsInfo>('GET', `${base}/metrics/info`),
    weekly: (from?: string, to?: string) =>
      request<WeeklyRow[]>('GET', `${base}/metrics/weekly${q({ from, to })}`),
    /** Time above threshold, strides and hill repeats per day and week. */
    intensity: (from: string, to: string) =>
      request<IntensityMetrics>('GET', `${base}/metrics/intensity${q({ from, to })}`),
    /**
     * The last 90 days of activities, newest first; `next` reads the older ones. With none in the
     * last 90 days, the newest older page: "recent" is then the latest import, however old.
     */
    activities: async () => {
      const first = await requestPage<ActivityRow>(`${base}/activities`);
      return first.rows.length > 0 || !first.next ? first : requestPage<ActivityRow>(first.next);
    },
    /** The page a previous page's `next` names (a path the server wrote). */
    activitiesAt: (next: string) => requestPage<ActivityRow>(next),
    activity: (id: string) =>
      request<ActivityDetail>('GET', `${base}/activities/${encodeURIComponent(id)}`),
    checkins: (from?: string, to?: string) =>
      request<CheckInRow[]>('GET', `${base}/checkins${q({ from, to })}`),
    crossTraining: (from?: string, to?: string) =>
      request<CrossTrainingRow[]>('GET', `${base}/cross-training${q({ from, to })}`),
    wellness: (from: string, to: string) =>
      request<WellnessDay[]>('GET', `${base}/wellness${q({ from, to })}`),
    progression: () => request<Progression>('GET', `${base}/progression`),
    putProgression: (body: ProgressionChange) =>
      request<Progression>('PUT', `${base}/progression`, body),
    setStage: (stage: number, note?: string) =>
      request<StageSet>('POST', `${base}/progression/stage`, {
        stage,
        ...(note ? { note } : {}),
      }),
    clearances: () => request<Clearance[]>('GET', `${base}/clearances`),
    postClearance: (input: ClearanceInput) =>
      request<Clearance>('POST', `${base}/clearances`, input),
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
  signup: (
    email: string,
    password: string,
    role: 'runner' | 'coach',
    timezone: string,
    name?: string,
  ) => request<SignedIn>('POST', '/api/auth/signup', { email, password, role, timezone, name }),
  setName: (name: string | null) => request<DisplayName>('PUT', '/api/me/name', { name }),
  login: (email: string, password: string) =>
    request<SignedIn>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  requestPasswordReset: (email: string) =>
    request<{ message: string }>('POST', '/api/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) =>
    request<{ id: string }>('POST', '/api/auth/password-reset/confirm', { token, password }),
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
  /** Replaces the day's check-in as a whole (absent fields become empty); the day is in the path. */
  putCheckIn: ({ date, ...fields }: CheckInInput) =>
    request<CheckInRow>('PUT', `/api/checkins/${encodeURIComponent(date)}`, fields),
  checkIn: (date: string) =>
    request<CheckInRow>('GET', `/api/checkins/${encodeURIComponent(date)}`),
  onboarding: (input: OnboardingInput) =>
    request<OnboardingResult>('POST', '/api/onboarding', input),
  postCrossTraining: (input: Omit<CrossTrainingRow, 'id'>) =>
    request<CrossTrainingRow>('POST', '/api/cross-training', input),

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
    request<InviteView>('GET', `/api/invites/${encodeURIComponent(token)}`),
  acceptInvite: (token: string) =>
    request<{ coachId: string; coachEmail: string; coachName: string | null }>(
      'POST',
      `/api/invites/${encodeURIComponent(token)}/accept`,
    ),
  /** A new runner account that accepts the invite at once (no session needed). */
  signupWithInvite: (
    token: string,
    input: { email: string; password: string; name?: string; timezone: string },
  ) =>
    request<InviteView & { id: string; coachId: string }>(
      'POST',
      `/api/invites/${encodeURIComponent(token)}/signup`,
      input,
    ),
  grants: () => request<Grant[]>('GET', '/api/grants'),
  patchGrant: (coachId: string, shareActivityDetails: boolean) =>
    request<Grant>('PATCH', `/api/grants/${encodeURIComponent(coachId)}`, {
      shareActivityDetails,
    }),
  revokeGrant: (coachId: string) =>
    request<void>('DELETE', `/api/grants/${encodeURIComponent(coachId)}`),
  roster: () => request<RosterEntry[]>('GET', '/api/coach/athletes'),
  notes: (about: NoteAbout = {}) => request<Note[]>('GET', `/api/notes${aboutQuery(about)}`),
  replyToNote: (noteId: string, body: string) =>
    request<NoteRow>('POST', `/api/notes/${encodeURIComponent(noteId)}/replies`, { body }),
  athleteNotes: (athleteId: string, about: NoteAbout = {}) =>
    request<Note[]>(
      'GET',
      `/api/athletes/${encodeURIComponent(athleteId)}/notes${aboutQuery(about)}`,
    ),
  postNote: (athleteId: string, body: string, about: NoteAbout = {}) =>
    request<Note>('POST', `/api/athletes/${encodeURIComponent(athleteId)}/notes`, {
      body,
      ...about,
    }),
  alerts: () => request<{ unread: number; alerts: InboxAlert[] }>('GET', '/api/coach/alerts'),
  markAlertRead: (alertId: string) =>
    request<{ read: true }>('POST', `/api/coach/alerts/${encodeURIComponent(alertId)}/read`),
  alertSettings: () => request<AlertSettings>('GET', '/api/coach/alert-settings'),
  saveAlertSettings: (s: AlertSettings) =>
    request<AlertSettings>('PUT', '/api/coach/alert-settings', s),
  setGrantAlerts: (coachId: string, alerts: boolean) =>
    request<Grant>('PATCH', `/api/grants/${encodeURIComponent(coachId)}`, { alerts }),
  markNotesRead: (athleteId: string) =>
    request<{ read: number }>('POST', `/api/athletes/${encodeURIComponent(athleteId)}/notes/read`),
};
