// The fake Strava's side of push subscriptions: the GET challenge it sends before creating one, and
// the events it POSTs to the callback, each recorded as a delivery with its status and latency.
import { randomBytes } from 'node:crypto';
import type { FakeStrava, PushSubscription, WebhookDelivery, WebhookEvent } from './types.ts';

export type EventInput = Parameters<FakeStrava['sendEvent']>[0];

export interface Webhooks {
  readonly deliveries: WebhookDelivery[];
  send(
    input: EventInput,
    options?: { callbackUrl?: string; timeoutMs?: number },
  ): Promise<WebhookDelivery>;
  /** Sends the event when the subscription exists and the caller did not say `notify: false`. */
  notify(wanted: boolean | undefined, event: EventInput): Promise<WebhookDelivery | undefined>;
  /** Strava's subscription check: our endpoint must echo hub.challenge with our verify token. */
  challenge(callbackUrl: string, verifyToken: string): Promise<boolean>;
  /** Sends an event the fake decides on by itself (deauthorization); flush() waits for it. */
  sendInBackground(event: EventInput): void;
  flush(): Promise<void>;
}

export function createWebhooks(options: {
  now: () => number;
  callbackTimeoutMs: number;
  subscription: () => PushSubscription | undefined;
}): Webhooks {
  const { now, callbackTimeoutMs, subscription } = options;
  const deliveries: WebhookDelivery[] = [];
  const pendingEvents = new Set<Promise<unknown>>();

  function track<T>(p: Promise<T>): Promise<T> {
    pendingEvents.add(p);
    void p.finally(() => pendingEvents.delete(p)).catch(() => undefined);
    return p;
  }

  async function send(
    input: EventInput,
    sendOptions: { callbackUrl?: string; timeoutMs?: number } = {},
  ): Promise<WebhookDelivery> {
    const url = sendOptions.callbackUrl ?? subscription()?.callbackUrl;
    if (url === undefined)
      throw new Error('fake Strava: no push subscription to send the event to');
    const event: WebhookEvent = {
      aspect_type: input.aspect_type,
      event_time: input.event_time ?? Math.floor(now() / 1000),
      object_id: input.object_id,
      object_type: input.object_type,
      owner_id: input.owner_id,
      subscription_id: input.subscription_id ?? subscription()?.id ?? 0,
      updates: input.updates ?? {},
    };
    const started = performance.now();
    let status = 0;
    let body = '';
    let timedOut = false;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Strava Webhooks (fake)' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(sendOptions.timeoutMs ?? callbackTimeoutMs),
      });
      status = res.status;
      body = await res.text();
    } catch (e) {
      timedOut = e instanceof DOMException && e.name === 'TimeoutError';
    }
    const delivery: WebhookDelivery = {
      event,
      url,
      status,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      body,
      timedOut,
    };
    deliveries.push(delivery);
    return delivery;
  }

  return {
    deliveries,
    send,

    async notify(wanted, event) {
      if (wanted === false || subscription() === undefined) return undefined;
      return send(event);
    },

    async challenge(callbackUrl, verifyToken) {
      const hubChallenge = randomBytes(12).toString('hex');
      let url: URL;
      try {
        url = new URL(callbackUrl);
      } catch {
        return false;
      }
      url.searchParams.set('hub.verify_token', verifyToken);
      url.searchParams.set('hub.challenge', hubChallenge);
      url.searchParams.set('hub.mode', 'subscribe');
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(callbackTimeoutMs) });
        if (res.status !== 200) return false;
        const json = (await res.json()) as Record<string, unknown>;
        return json['hub.challenge'] === hubChallenge;
      } catch {
        return false;
      }
    },

    sendInBackground(event) {
      void track(send(event)).catch(() => undefined);
    },

    async flush() {
      while (pendingEvents.size > 0) await Promise.allSettled([...pendingEvents]);
    },
  };
}
