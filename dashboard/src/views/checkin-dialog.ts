// The day's hip check-in in a dialog: 0–10 scores (empty = not logged), the yes/no red-flag
// questions, RPE and notes. Posts to /api/checkins; the caller refreshes the decision.
import { api, type CheckInInput } from '../api.ts';
import { dayChoice, field, h } from '../dom.ts';
import { submitDialog } from './submit-dialog.ts';
import { addDays } from '../format.ts';

const SCORES: Array<[keyof CheckInInput, string, string]> = [
  ['painDuring', 'Pain during today’s run', '0 none … 10 worst; leave empty without a run'],
  ['painAfter', 'Pain right after the run', ''],
  ['painNextMorning', 'Pain this morning (after yesterday’s run)', ''],
  ['painAtRest', 'Pain at rest', ''],
  ['stiffness', 'Hip stiffness', ''],
];

const QUESTIONS: Array<[keyof CheckInInput, string]> = [
  ['nightPain', 'Hip pain at night (woke you up or kept you awake)'],
  ['painWalking', 'Pain when walking or bearing weight'],
  ['limp', 'Limping'],
  ['painHopping', 'Pain when hopping'],
  ['deepGroinPain', 'Deep groin pain that builds while running'],
  ['catchingOrLocking', 'Catching or locking of the hip'],
  ['givingWay', 'The hip giving way'],
  ['clicking', 'Clicking in the hip'],
];

function scoreInput(name: string): HTMLInputElement {
  return h('input', {
    type: 'number',
    name,
    min: 0,
    max: 10,
    step: 1,
    inputmode: 'numeric',
    class: 'score',
  });
}

export function checkInDialog(
  today: string,
  onSaved: () => Promise<void> | void,
): HTMLDialogElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const date = dayChoice(today, addDays(today, -1));

  const scores = SCORES.map(([key, label, hint]) => {
    const input = scoreInput(key);
    return { key, input, el: field(`${label} (0–10)`, input, hint || undefined) };
  });
  const questions = QUESTIONS.map(([key, label]) => {
    const input = h('input', { type: 'checkbox', name: key });
    return { key, input, el: h('label', { class: 'check' }, input, h('span', {}, label)) };
  });
  const rpe = scoreInput('rpe');
  const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save check-in');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = h(
    'form',
    { method: 'dialog', class: 'checkin-form' },
    h('h2', { id: 'checkin-title' }, 'Hip check-in'),
    field('Day', date),
    h('fieldset', {}, h('legend', {}, 'Pain scores'), ...scores.map((s) => s.el)),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Since your last check-in, did you have… (tick for yes)'),
      ...questions.map((q) => q.el),
    ),
    field(
      'Effort of today’s session, RPE (0–10)',
      rpe,
      'CR-10: 0 rest, 3 easy, 5 hard, 10 maximal',
    ),
    field('Notes', notes),
    error,
    h('div', { class: 'actions' }, submit, cancel),
  );
  const dialog = h('dialog', { id: 'checkin', 'aria-labelledby': 'checkin-title' }, form);
  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const body: CheckInInput = { date: date.value };
    const record = body as unknown as Record<string, unknown>;
    for (const s of [...scores, { key: 'rpe' as const, input: rpe }]) {
      if (s.input.value === '') continue;
      const v = Number(s.input.value);
      if (!Number.isInteger(v) || v < 0 || v > 10) {
        error.textContent = `${s.input.name}: enter a whole number from 0 to 10`;
        s.input.focus();
        return;
      }
      record[s.key] = v;
    }
    for (const q of questions) record[q.key] = q.input.checked;
    if (notes.value.trim()) body.notes = notes.value.trim();
    await submitDialog({ dialog, form, submit, error }, () => api.postCheckIn(body), onSaved);
  });
  return dialog;
}
