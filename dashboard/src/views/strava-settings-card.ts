// Strava in the runner's settings: connected or not, and the way to connect — switched off, with
// the server's reason beside it, where this Hipcheck has no Strava app. The import itself (history,
// progress, disconnect) lives on the Import page.
import { stravaApi } from '../strava-api.ts';
import { errorText, h } from '../dom.ts';
import { connectStravaButton, showStravaAvailability } from './strava-connect.ts';

export function stravaSettingsCard(): HTMLElement {
  const status = h('p', { id: 'settings-strava-status', role: 'status' }, 'Checking Strava…');
  const { button, error } = connectStravaButton(
    'Connect with Strava',
    'settings-strava-connect',
    'settings-strava-error',
  );
  const off = h('p', { class: 'muted small', id: 'settings-strava-off', hidden: true });
  button.hidden = true;
  void stravaApi.status().then(
    (s) => {
      status.textContent = !s.available
        ? 'Strava is off on this Hipcheck.'
        : s.connected
          ? 'Connected: new activities arrive on their own.'
          : 'Not connected.';
      button.hidden = s.connected;
      showStravaAvailability(button, off, s);
    },
    (err: unknown) => {
      status.textContent = errorText(err);
    },
  );
  return h(
    'section',
    { class: 'card', id: 'settings-strava' },
    h('h2', {}, 'Strava'),
    status,
    button,
    off,
    error,
    h(
      'p',
      { class: 'muted small' },
      'The history Strava imports, its progress and disconnecting are on the ',
      h('a', { href: '/import' }, 'Import page'),
      '.',
    ),
  );
}
