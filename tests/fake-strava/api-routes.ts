// The fake Strava's API v3 for an athlete's token: the athlete, their activity list (paged,
// filtered by before/after) and one activity with its laps and streams. Private activities need
// activity:read_all; other athletes' activities are 404.
import type { IncomingMessage } from 'node:http';
import type { FakeActivity } from './activities.ts';
import { athleteJson } from './athlete-json.ts';
import { detailJson, lapsJson, summaryJson } from './activity-json.ts';
import { authError, err, notFound, type Params, type Reply } from './http.ts';
import type { FakeState } from './state.ts';
import { streamsJson } from './streams-json.ts';
import { scopeHas, type TokenRecord } from './tokens.ts';

function visible(a: FakeActivity | undefined, rec: TokenRecord): a is FakeActivity {
  if (a === undefined || a.athleteId !== rec.athleteId) return false;
  return !a.private || scopeHas(rec.scope, 'activity:read_all');
}

const canReadActivities = (rec: TokenRecord): boolean =>
  scopeHas(rec.scope, 'activity:read') || scopeHas(rec.scope, 'activity:read_all');
const missingActivityScope = (): Reply =>
  err(401, 'Authorization Error', 'AccessToken', 'activity:read_permission', 'missing');

function listActivities(state: FakeState, rec: TokenRecord, params: Params): Reply {
  if (!canReadActivities(rec)) return missingActivityScope();
  const nowS = state.now() / 1000;
  const before = params.before === undefined ? undefined : Number(params.before);
  const after = params.after === undefined ? undefined : Number(params.after);
  for (const [field, v] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (v !== undefined && !Number.isFinite(v))
      return err(400, 'Bad Request', 'Application', field, 'invalid');
  }
  if (after !== undefined && after > nowS + 86_400)
    return err(400, 'Bad Request', 'Application', 'after', 'future');
  const page = Math.max(1, Math.floor(Number(params.page ?? 1)) || 1);
  const perPage = Math.min(200, Math.max(1, Math.floor(Number(params.per_page ?? 30)) || 30));
  const ascending =
    state.listOrder === 'oldest-first' ||
    (state.ascendingWhenAfter && after !== undefined && before === undefined);
  const list = [...state.activities.values()]
    .filter((a) => visible(a, rec))
    .filter((a) => {
      const startS = a.startDate.getTime() / 1000;
      return (before === undefined || startS < before) && (after === undefined || startS > after);
    })
    .sort(
      (x, y) =>
        (ascending ? 1 : -1) * (x.startDate.getTime() - y.startDate.getTime() || x.id - y.id),
    );
  return {
    status: 200,
    body: list.slice((page - 1) * perPage, page * perPage).map(summaryJson),
  };
}

export function apiRoute(
  state: FakeState,
  req: IncomingMessage,
  method: string,
  path: string,
  params: Params,
): Reply {
  const rec = state.tokens.bearer(req);
  if (rec === undefined) return authError();
  if (method === 'GET' && path === '/api/v3/athlete') {
    const a = state.athletes.get(rec.athleteId);
    return a === undefined ? notFound('Athlete') : { status: 200, body: athleteJson(a, true) };
  }
  if (method === 'GET' && path === '/api/v3/athlete/activities') {
    return listActivities(state, rec, params);
  }
  const m = /^\/api\/v3\/activities\/(\d+)(\/laps|\/streams)?$/.exec(path);
  if (method === 'GET' && m) {
    if (!canReadActivities(rec)) return missingActivityScope();
    const a = state.activities.get(Number(m[1]));
    if (!visible(a, rec)) return notFound('Activity');
    if (m[2] === '/laps') return { status: 200, body: lapsJson(a) };
    // A manual entry has no recording to take streams from.
    if (m[2] === '/streams' && a.manual !== undefined) return notFound('Stream');
    if (m[2] === '/streams') {
      const keys = (params.keys ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '');
      return {
        status: 200,
        body: streamsJson(a, keys.length > 0 ? keys : ['time'], params.key_by_type === 'true'),
      };
    }
    return { status: 200, body: detailJson(a) };
  }
  return {
    status: 404,
    body: {
      message: 'Record Not Found',
      errors: [{ resource: 'Route', field: 'path', code: 'invalid' }],
    },
  };
}
