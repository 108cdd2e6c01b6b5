// A coach edits the athlete's plan stage by stage: the numbers of each stage, its surface and its
// intensity (terrain and pace are read from those words). A step that changes more than one of
// time, distance, pace and terrain is named while the coach types and again as the server saved
// it (science.md §4 "Only one variable changes at a time"): a warning, never a refusal.
import type { Progression, StageDefinition } from '../api.ts';
import type { PlanWarning } from '../../../shared/engine/check-one-variable.ts';
import { errorText, h } from '../dom.ts';
import { checkOneVariable } from '../../../shared/engine/check-one-variable.ts';

// The numbers of each stage a coach may change; the rest of a stage (mode, rules) stays as it is.
const PLAN_FIELDS: Array<[keyof StageDefinition, string]> = [
  ['runMin', 'run min'],
  ['walkMin', 'walk min'],
  ['repeats', 'repeats'],
  ['totalMin', 'total min'],
  ['perWeek', 'per week'],
];
// The words of each stage: the session, and the surface and intensity the variables come from.
const PLAN_TEXTS: Array<['text' | 'surface' | 'intensity', string]> = [
  ['text', 'session'],
  ['surface', 'surface'],
  ['intensity', 'intensity'],
];

/** The warnings as a list, or nothing when the plan changes one variable at a time. */
function drawWarnings(box: HTMLElement, warnings: readonly PlanWarning[], lead: string): void {
  box.replaceChildren(
    ...(warnings.length === 0
      ? []
      : [
          h('p', {}, h('strong', {}, lead)),
          h('ul', {}, ...warnings.map((w) => h('li', {}, w.message))),
        ]),
  );
  box.hidden = warnings.length === 0;
}

/** Edit the plan stage by stage; "Restore the default plan" sends null. */
export function planEditor(
  p: Progression,
  save: (plan: StageDefinition[] | null) => Promise<Progression>,
): HTMLElement {
  const rows = p.plan.map((stage) => {
    const inputs = PLAN_FIELDS.map(([key, label]) =>
      h('input', {
        type: 'number',
        min: 0,
        step: 'any',
        name: `stage-${stage.stage}-${key}`,
        value: String(stage[key]),
        'aria-label': `Stage ${stage.stage} ${label}`,
      }),
    );
    const texts = PLAN_TEXTS.map(([key, label]) =>
      h('input', {
        type: 'text',
        name: `stage-${stage.stage}-${key}`,
        value: stage[key],
        'aria-label': `Stage ${stage.stage} ${label}`,
      }),
    );
    return { stage, inputs, texts };
  });
  const status = h('p', { role: 'status', class: 'status' });
  const error = h('p', { class: 'error', role: 'alert' });
  const warnings = h('div', { class: 'notice', id: 'plan-warnings', 'aria-live': 'polite' });
  const restore = h('button', { type: 'button', class: 'secondary' }, 'Restore the default plan');
  const planOfForm = (): StageDefinition[] =>
    rows.map((r) => {
      const next: StageDefinition = { ...r.stage };
      PLAN_FIELDS.forEach(([key], k) => {
        (next as unknown as Record<string, unknown>)[key] = Number(
          (r.inputs[k] as HTMLInputElement).value,
        );
      });
      PLAN_TEXTS.forEach(([key], k) => {
        next[key] = (r.texts[k] as HTMLInputElement).value.trim() || r.stage[key];
      });
      return next;
    });
  const form = h(
    'form',
    { id: 'plan-form' },
    h(
      'table',
      { class: 'plan-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'Stage'),
          ...PLAN_FIELDS.map(([, l]) => h('th', {}, l)),
          ...PLAN_TEXTS.map(([, l]) => h('th', {}, l)),
        ),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            {},
            h('td', {}, `${r.stage.stage} ${r.stage.name}`),
            ...r.inputs.map((i) => h('td', {}, i)),
            ...r.texts.map((i) => h('td', {}, i)),
          ),
        ),
      ),
    ),
    warnings,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save plan'), restore),
    status,
    error,
  );
  drawWarnings(warnings, p.planWarnings ?? [], 'This plan changes more than one thing at a time:');
  form.addEventListener('input', () =>
    drawWarnings(
      warnings,
      checkOneVariable(planOfForm()),
      'With these changes, the plan would change more than one thing at a time:',
    ),
  );
  const run = async (plan: StageDefinition[] | null) => {
    error.textContent = '';
    try {
      const saved = await save(plan);
      // Show what the server now holds (after a restore, the default plan's numbers).
      rows.forEach((r, n) => {
        const stage = saved.plan[n];
        if (!stage) return;
        r.stage = stage;
        PLAN_FIELDS.forEach(
          ([key], k) => ((r.inputs[k] as HTMLInputElement).value = String(stage[key])),
        );
        PLAN_TEXTS.forEach(([key], k) => ((r.texts[k] as HTMLInputElement).value = stage[key]));
      });
      drawWarnings(
        warnings,
        saved.planWarnings ?? [],
        'Saved, but this plan changes more than one thing at a time:',
      );
      status.textContent = plan
        ? 'Plan saved; the athlete’s history is being recomputed.'
        : 'Default plan restored.';
    } catch (err) {
      error.textContent = errorText(err);
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run(planOfForm());
  });
  restore.addEventListener('click', () => void run(null));
  return form;
}
