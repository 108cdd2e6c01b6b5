// Today's session as a checklist for a phone between sets: each exercise with its dose, one
// button per set (a tap marks it done and starts the rest timer), what to do one tap away, and
// what was done (reps, hold, load) editable before the session is saved with its RPE and pain.
import { h } from '../dom.ts';
import { formatDay } from '../format.ts';
import type {
  PrescribedExercise,
  ProgrammeSession,
  StrengthSessionInput,
} from '../programme-api.ts';
import type { RestTimer } from './rest-timer.ts';

export interface Checklist {
  element: HTMLElement;
  /** The exercises with at least one set done, as logged. */
  logged(): StrengthSessionInput['exercises'];
}

function numberInput(
  name: string,
  value: number | undefined,
  label: string,
  step = '1',
): HTMLLabelElement {
  return h(
    'label',
    { class: 'mini-field' },
    h('span', {}, label),
    h('input', { type: 'number', inputmode: 'decimal', name, min: '0', step, value: value ?? '' }),
  );
}

function exerciseItem(p: PrescribedExercise, timer: RestTimer) {
  const done = new Set<number>();
  const sets = Array.from({ length: p.sets }, (_, i) => i);
  const tick = h(
    'button',
    {
      type: 'button',
      class: 'tick',
      'aria-pressed': 'false',
      'aria-label': `${p.name}: all ${p.sets} sets done`,
    },
    '✓',
  );
  const setButtons = sets.map((i) =>
    h('button', { type: 'button', class: 'set-btn', 'aria-pressed': 'false' }, `Set ${i + 1}`),
  );
  const item = h(
    'li',
    { class: 'exercise', 'data-id': p.exerciseId },
    h(
      'div',
      { class: 'ex-head' },
      tick,
      h(
        'div',
        {},
        h('strong', { class: 'ex-name' }, p.name),
        ' ',
        h('span', { class: 'dose' }, p.doseText),
        h(
          'div',
          { class: 'muted small' },
          `Level ${p.level} of ${p.levels}: ${p.levelName}${p.levelHeld ? ' (held by your coach)' : ''}${p.swappedFor ? ' · swapped in by your coach' : ''}`,
        ),
      ),
    ),
    h('div', { class: 'sets' }, ...setButtons),
    h(
      'details',
      { class: 'how' },
      h('summary', {}, 'How to do it'),
      h('p', {}, p.description),
      h('p', {}, h('strong', {}, 'This level: '), p.levelHow),
      h('p', {}, h('strong', {}, 'Trains: '), p.trains),
      h('p', {}, h('strong', {}, 'Load: '), p.loadGuidance),
      h('p', {}, h('strong', {}, 'Pain: '), p.painRule),
      p.lastStep
        ? h(
            'p',
            { class: 'muted small' },
            `Last time (${formatDay(p.lastStep.date)}): ${p.lastStep.reason}`,
          )
        : null,
    ),
    h(
      'div',
      { class: 'ex-edit' },
      p.holdS !== undefined
        ? numberInput('holdS', p.holdS, 'Hold (s)')
        : numberInput('reps', p.reps, p.perSide ? 'Reps each side' : 'Reps'),
      p.loadKg !== undefined ? numberInput('loadKg', p.loadKg, 'Load (kg)', '0.5') : null,
    ),
  );
  const draw = () => {
    setButtons.forEach((b, i) => {
      b.setAttribute('aria-pressed', String(done.has(i)));
      b.classList.toggle('done', done.has(i));
    });
    const all = done.size === p.sets;
    tick.setAttribute('aria-pressed', String(all));
    item.classList.toggle('complete', all);
  };
  setButtons.forEach((b, i) =>
    b.addEventListener('click', () => {
      if (done.has(i)) done.delete(i);
      else {
        done.add(i);
        if (done.size < p.sets) timer.start(p.restS, p.name);
        else timer.stop();
      }
      draw();
    }),
  );
  tick.addEventListener('click', () => {
    if (done.size === p.sets) done.clear();
    else sets.forEach((i) => done.add(i));
    timer.stop();
    draw();
  });
  const value = (name: string): number | undefined => {
    const input = item.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input || input.value === '') return undefined;
    const n = Number(input.value);
    return Number.isFinite(n) ? n : undefined;
  };
  const logged = (): StrengthSessionInput['exercises'][number] | null => {
    if (done.size === 0) return null;
    const reps = value('reps');
    const holdS = value('holdS');
    const loadKg = value('loadKg');
    return {
      id: p.exerciseId,
      sets: done.size,
      ...(reps !== undefined ? { reps: Math.round(reps) } : {}),
      ...(holdS !== undefined ? { holdS: Math.round(holdS) } : {}),
      ...(loadKg !== undefined ? { loadKg } : {}),
    };
  };
  return { item, logged };
}

export function sessionChecklist(session: ProgrammeSession, timer: RestTimer): Checklist {
  const items = session.exercises.map((p) => exerciseItem(p, timer));
  const element = h(
    'div',
    { class: 'checklist-wrap' },
    h('p', { class: 'muted' }, session.when),
    ...session.notes.map((n) => h('p', { class: 'note small' }, n)),
    h('ol', { class: 'checklist' }, ...items.map((i) => i.item)),
  );
  return {
    element,
    logged: () =>
      items.flatMap((i) => {
        const l = i.logged();
        return l ? [l] : [];
      }),
  };
}
