// "A clinician has cleared my hip": the date they saw it, the stage to restart at and a note. After a
// red flag the default restart is one stage below the stage before the flag; after surgery, without
// a stage, jogging waits for week 10. Posts to /api/clearances (the runner) or
// /api/athletes/:id/clearances (their coach).
import type { ClearanceInput, StageDefinition } from '../api.ts';
import { errorText, field, h } from '../dom.ts';
import { addDays, formatDay } from '../format.ts';

export interface ClearanceFormOptions {
  kind: 'red_flag' | 'surgery';
  /** The first day of the hold: a clearance dated before it clears nothing. */
  since: string;
  today: string;
  plan: StageDefinition[];
  /** "your" for the runner, the athlete's name for a coach. */
  whose: string;
  post: (input: ClearanceInput) => Promise<unknown>;
  onSaved: () => Promise<void> | void;
}

export function clearanceForm(o: ClearanceFormOptions): HTMLElement {
  const date = h('input', {
    type: 'date',
    name: 'date',
    required: true,
    value: o.today,
    min: o.since,
    max: addDays(o.today, 1),
  });
  const stage = h(
    'select',
    { name: 'stage' },
    h(
      'option',
      { value: '' },
      o.kind === 'surgery'
        ? 'No stage named: jogging starts at week 10'
        : 'One stage below (the default)',
    ),
    ...o.plan.map((s) => h('option', { value: s.stage }, `Stage ${s.stage}: ${s.text}`)),
  );
  const note = h('input', {
    type: 'text',
    name: 'note',
    maxlength: 500,
    placeholder: 'e.g. physio: no stress fracture, build up slowly',
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Record the clearance');
  const form = h(
    'form',
    { id: 'clearance-form', class: 'clearance-form' },
    field(
      `Date a clinician saw ${o.whose} hip`,
      date,
      o.kind === 'surgery'
        ? `On or after the surgery, ${formatDay(o.since, 'long')}.`
        : `On or after ${formatDay(o.since, 'long')}, when the red flag was reported.`,
    ),
    field(
      'Restart at',
      stage,
      o.kind === 'surgery'
        ? 'Only if the clinician named a stage.'
        : 'Only if the clinician named a stage; by default one below the stage before the red flag.',
    ),
    field('Note (optional)', note),
    error,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    if (!date.value) {
      error.textContent = 'date: enter the day the clinician saw the hip';
      date.focus();
      return;
    }
    submit.disabled = true;
    try {
      await o.post({
        date: date.value,
        ...(stage.value !== '' ? { stage: Number(stage.value) } : {}),
        ...(note.value.trim() ? { note: note.value.trim() } : {}),
      });
      await o.onSaved();
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      submit.disabled = false;
    }
  });
  return h(
    'details',
    { class: 'clearance', id: 'clearance' },
    h('summary', {}, 'A clinician has cleared running: record it'),
    form,
  );
}
