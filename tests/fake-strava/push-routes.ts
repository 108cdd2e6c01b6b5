// The fake Strava's push-subscription API (client credentials in the parameters): list, create —
// only after our endpoint echoes the challenge, one subscription per app — and delete.
import { err, notFound, type Params, type Reply } from './http.ts';
import type { FakeState } from './state.ts';

export async function pushRoute(
  state: FakeState,
  method: string,
  path: string,
  params: Params,
): Promise<Reply> {
  if (params.client_id !== state.clientId)
    return err(400, 'Bad Request', 'Application', 'client_id', 'invalid');
  if (params.client_secret !== state.clientSecret)
    return err(401, 'Authorization Error', 'Application', 'client_secret', 'invalid');
  const subscription = state.subscription;
  if (method === 'GET' && path === '/api/v3/push_subscriptions') {
    if (subscription === undefined) return { status: 200, body: [] };
    const at = subscription.createdAt.toISOString();
    return {
      status: 200,
      body: [
        {
          id: subscription.id,
          resource_state: 2,
          application_id: Number(state.clientId),
          callback_url: subscription.callbackUrl,
          created_at: at,
          updated_at: at,
        },
      ],
    };
  }
  if (method === 'POST' && path === '/api/v3/push_subscriptions') {
    const { callback_url: callbackUrl, verify_token: verifyToken } = params;
    if (callbackUrl === undefined)
      return err(400, 'Bad Request', 'PushSubscription', 'callback_url', 'missing');
    if (verifyToken === undefined)
      return err(400, 'Bad Request', 'PushSubscription', 'verify_token', 'missing');
    if (subscription !== undefined)
      return err(400, 'Bad Request', 'PushSubscription', '', 'already exists');
    if (!(await state.webhooks.challenge(callbackUrl, verifyToken))) {
      return err(400, 'Bad Request', 'PushSubscription', 'callback url', 'not verifiable');
    }
    state.subscription = {
      id: state.nextSubscriptionId++,
      callbackUrl,
      verifyToken,
      createdAt: new Date(state.now()),
    };
    return { status: 201, body: { id: state.subscription.id } };
  }
  const m = /^\/api\/v3\/push_subscriptions\/(\d+)$/.exec(path);
  if (method === 'DELETE' && m) {
    if (subscription === undefined || subscription.id !== Number(m[1]))
      return notFound('PushSubscription');
    state.subscription = undefined;
    return { status: 204 };
  }
  return { status: 404, body: { message: 'Not Found', errors: [] } };
}
