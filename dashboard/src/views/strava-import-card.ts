// Strava on the Import page: connect (the server says how many days it imports), the history's
// progress with an honest estimate, the whole history on request, the sync's health, disconnect;
// and, for a runner who came back from Strava without reaching Hipcheck's callback (Strava stops
// an app it has not reviewed at its athlete limit on its own page), what that means.
import { stravaApi, type StravaConnection } from '../strava-api.ts';
import { errorText, h, sleep } from '../dom.ts';
import {
  connectAttemptUnfinished,
  connectStravaButton,
  showStravaAvailability,
} from './strava-connect.ts';

function strandedHint(): HTMLElement {
  return h(
    'div',
    { class: 'banner', id: 'strava-stranded', role: 'status' },
    h('p', {}, 'Did connecting Strava stop on Strava’s own page?'),
    h(
      'ul',
      { class: 'small' },
      h(
        'li',
        {},
        '“Limit of connected athletes exceeded”: this Hipcheck’s Strava app has not been ' +
          'reviewed by Strava yet, and Strava lets it connect only a few athletes. Nothing is ' +
          'wrong with your account: tell the person who runs this Hipcheck, and upload your runs ' +
          'here meanwhile.',
      ),
      h('li', {}, 'You chose Cancel: nothing was connected; connect again when you like.'),
    ),
  );
}

export function stravaImportCard(): HTMLElement {
  const intro = h('p', { class: 'muted', id: 'strava-intro' });
  const statusText = h('p', { id: 'strava-status', role: 'status' }, 'Checking Strava…');
  const extra = h('div', { id: 'strava-details' });
  const error = h('p', { class: 'error', role: 'alert', id: 'strava-action-error' });
  const { button: connect, error: connectError } = connectStravaButton();
  const off = h('p', { class: 'muted small', id: 'strava-off', hidden: true });
  const hint = connectAttemptUnfinished() ? strandedHint() : null;
  const all = h(
    'button',
    { type: 'button', class: 'secondary', id: 'strava-all-history', hidden: true },
    'Import my whole Strava history',
  );
  const disconnect = h(
    'button',
    { type: 'button', class: 'link', id: 'strava-disconnect', hidden: true },
    'Disconnect Strava',
  );
  const card = h(
    'section',
    { class: 'card', id: 'strava' },
    h('h2', {}, 'Strava'),
    intro,
    hint,
    statusText,
    extra,
    h('div', { class: 'actions' }, connect, all, disconnect),
    off,
    connectError,
    error,
  );

  const draw = (s: StravaConnection): boolean => {
    intro.textContent =
      `Connect once: your last ${s.backfillDays} days are imported, newest first, within ` +
      'Strava’s limits; then new activities arrive on their own.';
    connect.hidden = s.connected;
    disconnect.hidden = !s.connected;
    showStravaAvailability(connect, off, s);
    intro.hidden = !s.available;
    const details: HTMLElement[] = [];
    if (!s.connected) {
      statusText.textContent = !s.available
        ? 'Strava is off on this Hipcheck.'
        : s.disconnected
          ? s.disconnected.message
          : 'Not connected.';
      all.hidden = true;
    } else {
      hint?.remove();
      const b = s.backfill;
      const left = b.state !== 'done' && b.estimate ? ` — ${b.estimate}` : '';
      statusText.textContent = `Connected. ${b.progress ?? ''}${left}`;
      if (s.sync?.warning)
        details.push(h('p', { class: 'error', id: 'strava-warning' }, s.sync.warning));
      details.push(
        h('p', { class: 'muted small' }, `${s.sync?.lastSynced ?? ''}. ${s.webhooks.message}`),
      );
      // Offered while the backfill covers a window (since ≠ null), not all history.
      all.hidden = b.since === null || b.since === undefined;
      if (!all.hidden) {
        details.push(
          h(
            'p',
            { class: 'small', id: 'strava-all-history-note' },
            'Your whole history helps Hipcheck judge your longest runs and load before your ' +
              'injury. Strava’s daily budget is shared with other runners and new activities go ' +
              'first, so a long history can take days; this page then says about how many.',
          ),
        );
      }
    }
    extra.replaceChildren(...details);
    return !s.connected || s.backfill.state === 'done';
  };

  let generation = 0;
  const poll = async (): Promise<void> => {
    const mine = ++generation;
    // Polls while the page shows the card; the first checks may run before it is attached, so
    // the polling stops only once a card that was on the page is gone.
    let shown = card.isConnected;
    for (let i = 0; i < 720 && mine === generation; i++) {
      try {
        if (draw(await stravaApi.status())) return;
      } catch (err) {
        statusText.textContent = errorText(err);
        return;
      }
      await sleep(5000);
      if (card.isConnected) shown = true;
      else if (shown) return;
    }
  };

  all.addEventListener('click', async () => {
    error.textContent = '';
    try {
      draw(await stravaApi.backfillAll());
      void poll();
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  disconnect.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const s = await stravaApi.disconnect();
      draw(s);
      if (s.warning) error.textContent = s.warning;
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  // Back from Strava's own page with the back button, the page may come from the browser's cache.
  window.addEventListener('pageshow', (ev) => {
    if (ev.persisted && card.isConnected) void poll();
  });
  void poll();
  return card;
}
