// Strava on the runner's Today page: when Hipcheck last heard from Strava, a warning while syncing
// fails (today's decision may be computed without runs that are missing), the history still being
// imported with how long it will take, and, when the connection ended, on which day and a way to
// reconnect. Nothing at all for a runner who never connected Strava.
import { stravaApi, type StravaConnection } from '../strava-api.ts';
import { h } from '../dom.ts';
import { connectStravaButton, showStravaAvailability } from './strava-connect.ts';

function disconnectedNotice(s: StravaConnection): HTMLElement[] {
  const d = s.disconnected;
  if (!d) return [];
  const { button, error } = connectStravaButton(
    'Reconnect Strava',
    'strava-reconnect',
    'strava-reconnect-error',
  );
  const off = h('p', { class: 'muted small', id: 'strava-reconnect-off', hidden: true });
  showStravaAvailability(button, off, s);
  return [
    h('h2', {}, 'Strava is disconnected'),
    h('p', { role: 'alert', id: 'strava-disconnected' }, d.message),
    h(
      'p',
      { class: 'muted small' },
      'Reconnecting imports what you recorded since then. Or upload those runs’ files on the ',
      h('a', { href: '/import' }, 'Import page'),
      '.',
    ),
    button,
    off,
    error,
  ];
}

function connectedNotice(s: StravaConnection): HTMLElement[] {
  const nodes: HTMLElement[] = [];
  if (s.sync?.warning) {
    nodes.push(
      h('h2', {}, 'Strava sync needs attention'),
      h('p', { role: 'alert', id: 'strava-warning' }, s.sync.warning),
      h(
        'p',
        { class: 'muted small' },
        'If a run is missing, upload its file on the ',
        h('a', { href: '/import' }, 'Import page'),
        '.',
      ),
    );
  }
  const b = s.backfill;
  if (b.state && b.state !== 'done') {
    const left = b.estimate ? ` — ${b.estimate}` : '';
    nodes.push(
      h(
        'p',
        { class: 'small', id: 'strava-backfill' },
        `Importing your Strava history: ${b.progress ?? 'counting your activities…'}${left}.`,
      ),
    );
  }
  nodes.push(
    h(
      'p',
      { class: 'muted small', id: 'strava-last-synced' },
      `${s.sync?.lastSynced ?? 'Strava not synced yet'}.`,
    ),
  );
  return nodes;
}

/**
 * Fills itself once the status arrives: a card when runs may be missing or the connection ended, a
 * quiet line otherwise, nothing for a runner without Strava.
 */
export function stravaStatusCard(): HTMLElement {
  const card = h('section', { class: 'strava-sync', id: 'strava-sync', hidden: true });
  void stravaApi
    .status()
    .then((s) => {
      const nodes =
        s.status === 'connected' ? connectedNotice(s) : s.disconnected ? disconnectedNotice(s) : [];
      if (nodes.length === 0) return;
      const attention = Boolean(s.disconnected ?? s.sync?.warning);
      card.classList.toggle('card', attention);
      card.classList.toggle('attention', attention);
      card.replaceChildren(...nodes);
      card.hidden = false;
    })
    .catch(() => undefined); // Strava's status is an extra: the page works without it
  return card;
}
