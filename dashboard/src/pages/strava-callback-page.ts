// /strava/callback?outcome=…: where the server sends the browser back from Strava. Each outcome
// says what happened and what to do next, in words: never the server's JSON.
import type { Me } from '../api.ts';
import { stravaApi } from '../strava-api.ts';
import { h } from '../dom.ts';
import { connectStravaButton, endConnectAttempt } from '../views/strava-connect.ts';

interface Words {
  title: string;
  what: string;
  todo: string;
  /** Offer "Connect with Strava" again. */
  retry: boolean;
}

const UPLOAD_INSTEAD =
  'Meanwhile you can upload your runs as GPX, TCX or FIT files, or a whole Strava export ZIP.';

const OUTCOMES: Record<string, Words> = {
  connected: {
    title: 'Strava is connected',
    what: 'Hipcheck is importing your recent activities from Strava, newest first, within Strava’s limits.',
    todo: 'New activities will arrive on their own. Your numbers update as the runs come in.',
    retry: false,
  },
  denied: {
    title: 'Strava was not connected',
    what: 'Strava’s page was closed with Cancel, so Hipcheck was given no access. Nothing was stored.',
    todo: 'To connect, click Connect with Strava and choose Authorize on Strava’s page.',
    retry: true,
  },
  scope_missing: {
    title: 'Hipcheck needs to see all your activities',
    what:
      'The box “View data about your private activities” was unticked on Strava’s page. Without ' +
      'it, runs you keep private would be missing, and today’s decision would be computed ' +
      'without them, so nothing was connected.',
    todo: 'Click Connect with Strava again and leave that box ticked.',
    retry: true,
  },
  state_expired: {
    title: 'The Strava link expired',
    what: 'More than 10 minutes passed between leaving Hipcheck and coming back from Strava, so nothing was connected.',
    todo: 'Start again: it takes a few seconds.',
    retry: true,
  },
  state_used: {
    title: 'This Strava link was already used',
    what: 'This page was opened a second time (a reload, or the back button), and a link works once.',
    todo: 'Nothing else is needed if Strava shows as connected on the Import page; otherwise connect again.',
    retry: true,
  },
  state_invalid: {
    title: 'This Strava link is not valid',
    what: 'Hipcheck did not issue it, or it was changed on the way, so nothing was connected.',
    todo: 'Start again from Connect with Strava.',
    retry: true,
  },
  wrong_account: {
    title: 'This Strava link belongs to another account',
    what: 'It was started while someone else was signed in to Hipcheck in this browser. Nothing was connected.',
    todo: 'Sign in with your own account, then connect Strava again.',
    retry: true,
  },
  signed_out: {
    title: 'Sign in, then connect Strava again',
    what: 'You were signed out while on Strava’s page, so Hipcheck could not tell whose Strava this is. Nothing was connected.',
    todo: 'Sign in, go to Import, and click Connect with Strava.',
    retry: false,
  },
  not_a_runner: {
    title: 'Strava is for runner accounts',
    what: 'A coach account has no runs of its own to import, so nothing was connected.',
    todo: 'Your athletes connect their own Strava; you see their load on your roster.',
    retry: false,
  },
  taken: {
    title: 'This Strava account is connected to another Hipcheck account',
    what: 'One Strava account feeds one Hipcheck account, so nothing was connected here.',
    todo:
      'Disconnect it in the other Hipcheck account (Import → Strava), or remove Hipcheck under ' +
      'Settings → My Apps on strava.com, then connect here.',
    retry: true,
  },
  athlete_limit: {
    title: 'Strava’s limit for this Hipcheck',
    what:
      'Strava refused to connect you (“Limit of connected athletes exceeded”): this Hipcheck’s ' +
      'Strava app has not been reviewed by Strava yet, and until it is, Strava lets it connect ' +
      'only a few athletes. Nothing is wrong with your account.',
    todo:
      'Tell the person who runs this Hipcheck: they can ask Strava for more athletes (Strava’s ' +
      `Developer Program, linked from developers.strava.com). ${UPLOAD_INSTEAD}`,
    retry: false,
  },
  app_refused: {
    title: 'Strava refused this Hipcheck',
    what: 'Strava would not connect any athlete to this Hipcheck’s Strava app right now. Nothing was connected.',
    todo: `Tell the person who runs this Hipcheck (their Strava app needs attention). ${UPLOAD_INSTEAD}`,
    retry: false,
  },
  code_rejected: {
    title: 'Strava did not accept the sign-in',
    what: 'Strava’s answer could no longer be used (it works once, for a few minutes). Nothing was connected.',
    todo: 'Connect again.',
    retry: true,
  },
  strava_unavailable: {
    title: 'Strava could not be reached',
    what: 'Strava did not answer, or answered with an error, so nothing was connected.',
    todo: 'Try again in a few minutes.',
    retry: true,
  },
  not_configured: {
    title: 'Strava is not set up on this Hipcheck',
    what: 'The person who runs this Hipcheck has not given it Strava settings yet.',
    todo: UPLOAD_INSTEAD,
    retry: false,
  },
};

const UNKNOWN: Words = {
  title: 'Strava sent you back without an answer Hipcheck knows',
  what: 'Nothing was connected.',
  todo: 'Start again from Connect with Strava.',
  retry: true,
};

export async function stravaCallbackPage(me: Me | undefined): Promise<Node[]> {
  endConnectAttempt();
  const outcome = new URLSearchParams(location.search).get('outcome') ?? '';
  const words = OUTCOMES[outcome] ?? UNKNOWN;
  const extra: HTMLElement[] = [];
  if (me?.athlete && (outcome === 'connected' || outcome === 'state_used')) {
    const s = await stravaApi.status().catch(() => undefined);
    if (s?.connected) {
      extra.push(
        h(
          'p',
          { id: 'strava-callback-status' },
          outcome === 'connected'
            ? `The last ${s.backfillDays} days are on their way. ${s.webhooks.message}`
            : 'Your Strava is connected.',
        ),
      );
    }
  }
  const actions: HTMLElement[] = [];
  if (words.retry && me?.athlete) {
    const { button, error } = connectStravaButton();
    actions.push(button, error);
  }
  actions.push(
    h(
      'p',
      {},
      me
        ? h(
            'a',
            { href: me.athlete ? '/' : '/coach' },
            me.athlete ? 'Go to Today' : 'Go to your athletes',
          )
        : h('a', { href: '/' }, 'Sign in'),
      me?.athlete ? ' · ' : '',
      me?.athlete ? h('a', { href: '/import' }, 'Import your runs') : '',
    ),
  );
  return [
    h(
      'section',
      {
        class: `card narrow strava-callback${outcome === 'connected' ? '' : ' attention'}`,
        id: 'strava-callback',
        'data-outcome': outcome,
      },
      h('h1', {}, words.title),
      h('p', { id: 'strava-callback-what' }, words.what),
      ...extra,
      h('p', { id: 'strava-callback-todo' }, words.todo),
      ...actions,
    ),
  ];
}
