// The dashboard's one door to the server.

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

export interface Me {
  id: string;
  email: string;
  role: 'runner' | 'coach';
  athlete: { id: string; timezone: string; units: 'km' | 'mi'; metricsPending: boolean } | null;
}

export interface ActivityRow {
  id: string;
  sport: string;
  name: string | null;
  startAt: string;
  localDate: string;
  distanceM: number;
  movingS: number;
  elevationGainM: number;
  avgHrBpm: number | null;
}

export interface WeeklyRow {
  weekStart: string;
  runDistanceM: number;
  runMovingS: number;
  runCount: number;
}

export interface UploadRow {
  id: string;
  filename: string;
  status: 'queued' | 'processing' | 'done' | 'duplicate' | 'failed';
  activityIds?: string[];
  error?: { code: string; message: string } | null;
}

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  signup: (email: string, password: string, role: 'runner' | 'coach', timezone: string) =>
    request<{ id: string }>('POST', '/api/auth/signup', { email, password, role, timezone }),
  login: (email: string, password: string) =>
    request<{ id: string }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  upload: (files: File[]) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    return request<{ uploads: UploadRow[] }>('POST', '/api/uploads', form);
  },
  uploadStatus: (id: string) => request<UploadRow>('GET', `/api/uploads/${encodeURIComponent(id)}`),
  activities: () => request<ActivityRow[]>('GET', '/api/activities'),
  weekly: () => request<WeeklyRow[]>('GET', '/api/metrics/weekly'),
};
