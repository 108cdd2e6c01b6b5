// The starting questions: where the runner is (after surgery, after a break, running with symptoms,
// running well) and what a typical run is, posted to /api/onboarding. The answer is the starting
// stage and why, shown with the stage's session.
import { api, athleteApi, type OnboardingInput, type Situation, type Units } from '../api.ts';
import { errorText, field, h } from '../dom.ts';
import { navigate } from '../router.ts';
import { scoreScale } from '../views/score-scale.ts';
import { stageSessionText } from '../views/stage-form.ts';
import type { PageContext } from './page-context.ts';

const SITUATIONS: Array<[Situation, string, string]> = [
  ['after_surgery', 'I had hip surgery', 'Arthroscopy for impingement, or another hip operation.'],
  ['after_break', 'I’m coming back after a break', 'Weeks or months without running.'],
  [
    'symptoms_now',
    'I’m running, but my hip hurts',
    'Pain, stiffness or clicking with running now.',
  ],
  ['running_well', 'I’m running well and want to stay well', 'No hip pain with my running now.'],
];

const KM_PER_MI = 1.609344;

function numberInput(name: string, max: number, step = 1): HTMLInputElement {
  return h('input', { type: 'number', name, min: 0, max, step, inputmode: 'decimal' });
}

export function startPage(ctx: PageContext): Node[] {
  const units: Units = ctx.me.athlete?.units ?? 'km';
  const radios = SITUATIONS.map(([value, label, hint]) => {
    const input = h('input', { type: 'radio', name: 'situation', value, required: true });
    return {
      value,
      input,
      el: h(
        'label',
        { class: 'check choice' },
        input,
        h('span', {}, h('strong', {}, label), h('small', { class: 'muted' }, hint)),
      ),
    };
  });
  const surgeryDate = h('input', { type: 'date', name: 'surgeryDate' });
  const lastRunDate = h('input', { type: 'date', name: 'lastRunDate' });
  const pain = scoreScale('painDuringRun', 'Pain during a typical run now');
  const minutes = numberInput('typicalRunMin', 600);
  const distance = numberInput('typicalRunDistance', 200, 0.1);
  const perWeek = numberInput('runsPerWeek', 14);
  const intensity = h('input', { type: 'checkbox', name: 'intensityNow' });
  const intensityField = h(
    'label',
    { class: 'check' },
    intensity,
    h('span', {}, 'I already run strides, intervals or hills now'),
  );

  const surgeryField = field('Date of the surgery', surgeryDate);
  const breakField = field('Day of your last run', lastRunDate, 'Roughly is fine.');
  const runTitle = h('legend', {}, 'A typical run now');
  const runFields = h(
    'fieldset',
    { class: 'typical-run' },
    runTitle,
    field('Minutes', minutes),
    field(`Distance (${units})`, distance),
    field('Runs a week', perWeek),
    intensityField,
  );
  const situation = () => radios.find((r) => r.input.checked)?.value;
  const show = () => {
    const s = situation();
    surgeryField.hidden = s !== 'after_surgery';
    breakField.hidden = s !== 'after_break';
    pain.el.hidden = s !== 'symptoms_now';
    intensityField.hidden = s !== 'running_well';
    runFields.hidden = s === undefined || s === 'after_surgery';
    runTitle.textContent =
      s === 'after_break' ? 'A typical run before the break' : 'A typical run now';
  };
  for (const r of radios) r.input.addEventListener('change', show);
  show();

  const error = h('p', { class: 'error', role: 'alert' });
  const result = h('div', { id: 'start-result', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Set my starting stage');
  const form = h(
    'form',
    { id: 'start-form' },
    h(
      'fieldset',
      { class: 'situations' },
      h('legend', {}, 'Where are you now?'),
      ...radios.map((r) => r.el),
    ),
    surgeryField,
    breakField,
    pain.el,
    runFields,
    error,
    submit,
  );
  const num = (i: HTMLInputElement) => (i.value === '' ? undefined : Number(i.value));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const s = situation();
    if (!s) {
      error.textContent = 'situation: choose where you are now';
      radios[0]?.input.focus();
      return;
    }
    if (s === 'after_surgery' && !surgeryDate.value) {
      error.textContent = 'Date of the surgery: enter the day of the operation';
      surgeryDate.focus();
      return;
    }
    if (s === 'after_break' && !lastRunDate.value) {
      error.textContent = 'Day of your last run: enter it, roughly is fine';
      lastRunDate.focus();
      return;
    }
    const km = num(distance);
    if (s !== 'after_surgery' && num(minutes) === undefined && km === undefined) {
      error.textContent = 'A typical run: enter its minutes or its distance';
      minutes.focus();
      return;
    }
    const body: OnboardingInput = { situation: s };
    if (s === 'after_surgery') body.surgeryDate = surgeryDate.value;
    if (s === 'after_break' && lastRunDate.value) body.lastRunDate = lastRunDate.value;
    if (s === 'symptoms_now' && pain.value() !== null) body.painDuringRun = pain.value() as number;
    if (s !== 'after_surgery') {
      const m = num(minutes);
      const w = num(perWeek);
      if (m !== undefined) body.typicalRunMin = m;
      if (km !== undefined) body.typicalRunKm = units === 'mi' ? km * KM_PER_MI : km;
      if (w !== undefined) body.runsPerWeek = w;
    }
    if (s === 'running_well' && intensity.checked) body.intensityNow = true;
    submit.disabled = true;
    try {
      const [chosen, progression] = await Promise.all([
        api.onboarding(body),
        athleteApi().progression(),
      ]);
      const stage = progression.plan[chosen.stage];
      const go = h(
        'button',
        { type: 'button', class: 'primary', id: 'start-done' },
        'See today’s plan',
      );
      go.addEventListener('click', () => navigate('/'));
      result.replaceChildren(
        h(
          'section',
          { class: 'card narrow start-result' },
          h(
            'h2',
            { id: 'start-stage' },
            `Your starting stage: ${chosen.stage}${stage ? ` · ${stage.name}` : ''}`,
          ),
          stage ? h('p', { class: 'prescription' }, stageSessionText(stage)) : null,
          h('p', { id: 'start-reason' }, h('strong', {}, 'Why: '), chosen.reason),
          h(
            'p',
            { class: 'muted small' },
            'You can change your stage any time in Settings, and a coach you share your data with can set it too.',
          ),
          go,
        ),
      );
      intro.hidden = true;
      go.focus();
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      submit.disabled = false;
    }
  });
  const intro = h(
    'section',
    { class: 'card narrow', id: 'start' },
    h(
      'p',
      {},
      'Your answers set the stage your plan starts at, from brisk walking (stage 0) to runs with intensity (stage 8). Hipcheck informs; it does not replace your surgeon or physiotherapist.',
    ),
    form,
  );
  return [h('h1', {}, 'Where are you starting from?'), intro, result];
}
