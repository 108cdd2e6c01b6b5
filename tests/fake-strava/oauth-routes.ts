// The fake Strava's OAuth: the authorize page (a 302 back with a code, the granted scope and the
// state, or error=access_denied), the token exchange and refresh, and deauthorization.
import type { IncomingMessage } from 'node:http';
import { tokenResponse } from './athlete-json.ts';
import { authError, err, type Params, type Reply } from './http.ts';
import type { FakeState } from './state.ts';
import { newToken } from './tokens.ts';

/**
 * What Strava shows an athlete one past an unreviewed app's athlete capacity (as reported by its
 * developers: "Error 403: Limit of connected athletes exceeded"), in the fake's own words.
 */
const LIMIT_PAGE =
  '<!doctype html><title>Strava</title><h1>Error 403: Limit of connected athletes exceeded</h1>' +
  '<p>This application has reached the number of athletes it may connect. Its developer can ask ' +
  'Strava for more.</p>';

export async function oauthRoute(
  state: FakeState,
  req: IncomingMessage,
  method: string,
  path: string,
  params: Params,
): Promise<Reply> {
  const { clientId, clientSecret, now, tokens } = state;
  if (method === 'GET' && (path === '/oauth/authorize' || path === '/oauth/mobile/authorize')) {
    state.authorizeRequests.push({ at: new Date(now()), query: { ...params } });
    if (params.client_id !== clientId)
      return err(400, 'Bad Request', 'Application', 'client_id', 'invalid');
    const redirect = params.redirect_uri;
    if (redirect === undefined || !/^https?:\/\//.test(redirect)) {
      return err(400, 'Bad Request', 'Application', 'redirect_uri', 'invalid');
    }
    const target = new URL(redirect);
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    if (state.behaviour.deny) {
      target.searchParams.set('error', 'access_denied');
    } else {
      let athleteId = state.behaviour.athleteId ?? [...state.athletes.keys()][0];
      if (athleteId === undefined) athleteId = state.addAthlete().id;
      const full =
        state.athleteCapacity !== undefined &&
        !state.connectedAthletes.has(athleteId) &&
        state.connectedAthletes.size >= state.athleteCapacity;
      // Strava stops the athlete on its own page: nothing comes back to the app.
      if (full) return { status: 403, headers: { 'content-type': 'text/html' }, body: LIMIT_PAGE };
      const requested = state.behaviour.scope ?? params.scope ?? 'read';
      const granted = [
        ...new Set(['read', ...requested.split(/[,\s]+/).filter((s) => s !== '')]),
      ].join(',');
      const code = newToken();
      tokens.codes.set(code, { athleteId, scope: granted });
      target.searchParams.set('code', code);
      target.searchParams.set('scope', granted);
    }
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }
  if (method === 'POST' && path === '/oauth/token') {
    if (params.client_id !== clientId)
      return err(400, 'Bad Request', 'Application', 'client_id', 'invalid');
    if (params.client_secret !== clientSecret)
      return err(401, 'Authorization Error', 'Application', 'client_secret', 'invalid');
    if (params.grant_type === 'authorization_code') {
      const grant = params.code === undefined ? undefined : tokens.codes.get(params.code);
      if (grant === undefined || params.code === undefined)
        return err(400, 'Bad Request', 'AuthorizationCode', 'code', 'invalid');
      tokens.codes.delete(params.code);
      state.connectedAthletes.add(grant.athleteId);
      const athlete = state.athletes.get(grant.athleteId);
      return {
        status: 200,
        body: tokenResponse(tokens.issue(grant.athleteId, grant.scope), now(), athlete),
      };
    }
    if (params.grant_type === 'refresh_token') {
      const old = params.refresh_token;
      const grant = old === undefined ? undefined : tokens.refreshTokens.get(old);
      if (grant === undefined || old === undefined)
        return err(400, 'Bad Request', 'RefreshToken', 'refresh_token', 'invalid');
      const fresh = tokens.issue(grant.athleteId, grant.scope);
      if (state.rotateRefreshTokens) {
        tokens.refreshTokens.delete(old);
      } else {
        tokens.refreshTokens.delete(fresh.refreshToken);
        fresh.refreshToken = old;
      }
      return { status: 200, body: tokenResponse(fresh, now()) };
    }
    return err(400, 'Bad Request', 'Application', 'grant_type', 'invalid');
  }
  if (method === 'POST' && path === '/oauth/deauthorize') {
    const given =
      params.access_token ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const rec = tokens.live(given);
    if (rec === undefined) return authError();
    tokens.revokeAthlete(rec.athleteId);
    state.connectedAthletes.delete(rec.athleteId);
    if (state.subscription !== undefined) {
      state.webhooks.sendInBackground({
        object_type: 'athlete',
        object_id: rec.athleteId,
        aspect_type: 'update',
        owner_id: rec.athleteId,
        updates: { authorized: 'false' },
      });
    }
    return { status: 200, body: { access_token: given } };
  }
  return { status: 404, body: { message: 'Not Found', errors: [] } };
}
