// "Connect with Strava" wherever it appears (Import, Today after a disconnection, the callback's
// pages): it first asks the server whether connecting can start (503 when Strava is not set up,
// with the reason), remembers that a connection was started, then goes to Strava.
import { api } from '../api.ts';
import { errorText, h } from '../dom.ts';

const STARTED_KEY = 'hipcheck.strava.connectStartedAt';
/** Strava's own pages end a connection within this long, or not at all. */
const ATTEMPT_MS = 30 * 60_000;

export function connectStravaButton(
  label = 'Connect with Strava',
  id = 'strava-connect',
  errorId = 'strava-error',
): { button: HTMLButtonElement; error: HTMLElement } {
  const error = h('p', { class: 'error', role: 'alert', id: errorId });
  const button = h('button', { type: 'button', class: 'strava', id }, label);
  button.addEventListener('click', async () => {
    error.textContent = '';
    try {
      await api.stravaConnectCheck();
      sessionStorage.setItem(STARTED_KEY, String(Date.now()));
      window.location.assign(api.stravaConnectUrl);
    } catch (err) {
      // 503: Strava is not configured on this server; the message says what to set.
      error.textContent = errorText(err);
    }
  });
  return { button, error };
}

/**
 * The button off, with the server's reason beside it (this Hipcheck has no Strava app), or on
 * again. `reason` sits in `note`, which also describes the button to a screen reader.
 */
export function showStravaAvailability(
  button: HTMLButtonElement,
  note: HTMLElement,
  s: { available: boolean; unavailableReason: string | null },
): void {
  button.disabled = !s.available;
  note.hidden = s.available;
  note.textContent = s.available ? '' : (s.unavailableReason ?? 'Strava is off on this Hipcheck.');
  if (s.available) button.removeAttribute('aria-describedby');
  else button.setAttribute('aria-describedby', note.id);
}

/** A connection was started in this tab and never came back to Hipcheck's callback. */
export function connectAttemptUnfinished(): boolean {
  const at = Number(sessionStorage.getItem(STARTED_KEY) ?? '');
  return Number.isFinite(at) && at > 0 && Date.now() - at < ATTEMPT_MS;
}

/** The callback was reached: whatever happened, the attempt is over. */
export function endConnectAttempt(): void {
  sessionStorage.removeItem(STARTED_KEY);
}
