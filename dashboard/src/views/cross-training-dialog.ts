// Log a cross-training session: it counts toward total load but never toward running distance
// (science.md §1), so a bike or pool day keeps fitness while the hip is unloaded.
import { api } from '../api.ts';
import { dayChoice, field, h } from '../dom.ts';
import { submitDialog } from './submit-dialog.ts';
import { addDays } from '../format.ts';

// The hip-friendly options of science.md §5, with the way to do them.
const KINDS: Array<[string, string]> = [
  ['ride', 'Upright bike (high saddle, hip under 90°)'],
  ['swim', 'Swimming (no breaststroke kick)'],
  ['pool_run', 'Pool running'],
  ['elliptical', 'Elliptical'],
  ['strength', 'Strength & mobility'],
  ['yoga', 'Pilates / yoga'],
  ['walk', 'Walking'],
];

export function crossTrainingDialog(
  today: string,
  onSaved: () => Promise<void> | void,
): HTMLDialogElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const date = dayChoice(today, addDays(today, -1));

  const kind = h(
    'select',
    { name: 'kind' },
    ...KINDS.map(([v, label]) => h('option', { value: v }, label)),
  );
  const minutes = h('input', {
    type: 'number',
    name: 'minutes',
    min: 1,
    max: 1440,
    step: 1,
    inputmode: 'numeric',
    required: true,
  });
  const rpe = h('input', {
    type: 'number',
    name: 'rpe',
    min: 0,
    max: 10,
    step: 1,
    inputmode: 'numeric',
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save session');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = h(
    'form',
    { method: 'dialog', class: 'checkin-form' },
    h('h2', { id: 'cross-training-title' }, 'Cross-training'),
    field('Day', date),
    field('Kind', kind),
    field('Minutes', minutes),
    field(
      'Effort, RPE (0–10)',
      rpe,
      'CR-10: 0 rest, 3 easy, 5 hard, 10 maximal; leave empty if unsure',
    ),
    h(
      'p',
      { class: 'muted small' },
      'Counts toward your total load, never toward running distance.',
    ),
    error,
    h('div', { class: 'actions' }, submit, cancel),
  );
  const dialog = h(
    'dialog',
    { id: 'cross-training', 'aria-labelledby': 'cross-training-title' },
    form,
  );
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const m = Number(minutes.value);
    if (!(m > 0 && m <= 1440)) {
      error.textContent = 'minutes: enter the session length, from 1 to 1440';
      minutes.focus();
      return;
    }
    const r = rpe.value === '' ? null : Number(rpe.value);
    if (r !== null && !(Number.isInteger(r) && r >= 0 && r <= 10)) {
      error.textContent = 'rpe: enter a whole number from 0 to 10, or leave it empty';
      rpe.focus();
      return;
    }
    await submitDialog(
      { dialog, form, submit, error },
      () => api.postCrossTraining({ date: date.value, kind: kind.value, minutes: m, rpe: r }),
      onSaved,
    );
  });
  return dialog;
}
