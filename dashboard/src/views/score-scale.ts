// A 0–10 score as one row of eleven taps (no keyboard on a phone), with a way to leave it empty:
// an empty score is "not logged", never a zero.
import { h } from '../dom.ts';

export interface ScoreScale {
  el: HTMLFieldSetElement;
  name: string;
  /** Change the question (e.g. "this morning" becomes "yesterday morning"). */
  relabel(text: string): void;
  value(): number | null;
  set(value: number | null | undefined): void;
  /** Focus the chosen score, or 0 when none is chosen (arrow keys move along the scale). */
  focus(): void;
}

export function scoreScale(name: string, label: string, hint?: string): ScoreScale {
  const radios = Array.from({ length: 11 }, (_, n) =>
    h('input', { type: 'radio', name, value: n, 'aria-label': `${n} of 10` }),
  );
  const clear = h('button', { type: 'button', class: 'link small scale-clear' }, 'Clear');
  const legend = h('legend', {}, label);
  const el = h(
    'fieldset',
    { class: 'scale', 'data-score': name },
    legend,
    h(
      'div',
      { class: 'scale-row' },
      ...radios.map((r, n) => h('label', { class: 'scale-step' }, r, h('span', {}, String(n)))),
    ),
    h(
      'p',
      { class: 'scale-foot muted small' },
      h('span', {}, hint ?? '0 none · 5 moderate · 10 worst'),
      clear,
    ),
  );
  const value = () => {
    const checked = radios.findIndex((r) => r.checked);
    return checked < 0 ? null : checked;
  };
  const sync = () => (clear.hidden = value() === null);
  const set = (v: number | null | undefined) => {
    radios.forEach((r, n) => (r.checked = n === v));
    sync();
  };
  for (const r of radios) r.addEventListener('change', sync);
  clear.addEventListener('click', () => {
    set(null);
    radios[0]?.focus();
  });
  sync();
  return {
    el,
    name,
    relabel: (text) => (legend.textContent = text),
    value,
    set,
    focus: () => (radios[value() ?? 0] ?? radios[0])?.focus(),
  };
}
