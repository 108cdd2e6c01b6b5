// The rehab programme's requests, for the runner ('/api') or a coached athlete.
import type {
  LiftHistory,
  LoggedStrengthSession,
  ProgrammeAdjustments,
  ProgrammeDay,
  StrengthSessionInput,
} from '../../shared/rehab/programme-wire.ts';
import { request } from './api.ts';

export type * from '../../shared/rehab/programme-wire.ts';
export type { PrescribedExercise, ProgrammeSession, SessionKey } from '../../shared/rehab/index.ts';

export function programmeApi(athleteId?: string) {
  const base = athleteId ? `/api/athletes/${encodeURIComponent(athleteId)}` : '/api';
  return {
    programme: (date?: string) =>
      request<ProgrammeDay>(
        'GET',
        `${base}/programme${date ? `?date=${encodeURIComponent(date)}` : ''}`,
      ),
    history: () => request<LiftHistory[]>('GET', `${base}/programme/history`),
    logSession: (input: StrengthSessionInput) =>
      request<LoggedStrengthSession>('POST', `${base}/strength-sessions`, input),
    adjustments: () => request<ProgrammeAdjustments>('GET', `${base}/programme/adjustments`),
    putAdjustments: (body: ProgrammeAdjustments) =>
      request<ProgrammeAdjustments>('PUT', `${base}/programme/adjustments`, body),
  };
}

export type ProgrammeApi = ReturnType<typeof programmeApi>;
