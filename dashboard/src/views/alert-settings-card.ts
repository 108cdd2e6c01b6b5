// A coach's alert settings: after how many days without a check-in an athlete raises an alert, and
// how alerts come by email (each at once, a daily digest, or the inbox only).
import { api, type AlertSettings } from '../api.ts';
import { errorText, field, h } from '../dom.ts';

export async function alertSettingsCard(): Promise<HTMLElement> {
  const s: AlertSettings = await api.alertSettings();
  const days = h('input', {
    type: 'number',
    name: 'missedCheckInDays',
    min: 1,
    max: 30,
    value: String(s.missedCheckInDays),
  });
  const email = h(
    'select',
    { name: 'email' },
    ...(
      [
        ['each', 'Email each alert at once'],
        ['digest', 'One email a day (digest)'],
        ['off', 'No email: the inbox only'],
      ] as const
    ).map(([v, label]) =>
      h('option', { value: v, ...(s.email === v ? { selected: true } : {}) }, label),
    ),
  );
  const status = h('p', { class: 'muted small', role: 'status', id: 'alert-settings-status' });
  const form = h(
    'form',
    { id: 'alert-settings' },
    field('Alert after this many days without a check-in', days),
    field(
      'Email',
      email,
      'Alerts always land in the inbox (the bell); with mail off on the server, only there.',
    ),
    h('button', { type: 'submit' }, 'Save alert settings'),
    status,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await api.saveAlertSettings({
        missedCheckInDays: Number(days.value),
        email: email.value as AlertSettings['email'],
      });
      status.textContent = 'Alert settings saved.';
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  return h('section', { class: 'card', id: 'alerts-card' }, h('h2', {}, 'Alerts'), form);
}
