// Set the stage from today, each stage's session described: a coach for an athlete, or a runner who
// coaches themselves. POST …/progression/stage; the decision changes at once.
import type { AthleteApi, StageDefinition } from '../api.ts';
import { errorText, field, h } from '../dom.ts';
import { formatDay } from '../format.ts';

/** "10 × (run 1 min / walk 2 min); up to 3 sessions a week". */
export function stageSessionText(s: StageDefinition): string {
  return `${s.text}; up to ${s.perWeek} sessions a week`;
}

export function stageForm(
  aapi: AthleteApi,
  plan: StageDefinition[],
  current: number,
  onChange: () => Promise<void> | void,
  options: { submitLabel: string; notePlaceholder: string },
): HTMLFormElement {
  const stage = h(
    'select',
    { name: 'stage', id: 'set-stage' },
    ...plan.map((s) =>
      h('option', { value: s.stage, selected: s.stage === current }, `${s.stage} · ${s.name}`),
    ),
  );
  const about = h('p', { class: 'muted small', id: 'stage-about', 'aria-live': 'polite' });
  const describe = () => {
    const s = plan[Number(stage.value)];
    about.textContent = s ? stageSessionText(s) : '';
  };
  stage.addEventListener('change', describe);
  describe();
  const note = h('input', {
    type: 'text',
    name: 'note',
    maxlength: 500,
    placeholder: options.notePlaceholder,
  });
  const status = h('p', { role: 'status', class: 'status', id: 'stage-status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { id: 'stage-form' },
    field('Stage from today', stage),
    about,
    field('Reason (shown in the history)', note),
    h('button', { type: 'submit', class: 'primary' }, options.submitLabel),
    status,
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    status.textContent = '';
    try {
      const r = await aapi.setStage(Number(stage.value), note.value.trim() || undefined);
      status.textContent = `Stage ${r.stage} set from ${formatDay(r.date)}.`;
      await onChange();
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return form;
}
