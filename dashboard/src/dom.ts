// A tiny element builder: the dashboard needs no framework.

import { formatDay } from './format.ts';

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | ((ev: Event) => void) | undefined> = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(key, '');
    else if (value !== false && value !== undefined) el.setAttribute(key, String(value));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A labelled form field: the label wraps the control, so every input has its name. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h(
    'label',
    { class: 'field' },
    h('span', {}, label),
    control,
    hint ? h('small', { class: 'muted' }, hint) : null,
  );
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Chart width that fits the page: the main column minus the card's padding. */
export function chartWidth(): number {
  const main = document.getElementById('app');
  const w = main?.clientWidth ?? window.innerWidth;
  return Math.max(280, Math.min(1040, w - 34));
}

/** The day a log entry is for: today or yesterday (the runner logs in the evening or next morning). */
export function dayChoice(today: string, yesterday: string): HTMLSelectElement {
  return h(
    'select',
    { name: 'date' },
    h('option', { value: today }, `Today (${formatDay(today)})`),
    h('option', { value: yesterday }, `Yesterday (${formatDay(yesterday)})`),
  );
}

/**
 * Handles a form's submit: clears the error, disables the button while `send` runs, and shows the
 * server's message in `error` when it fails (`onError` may show more). What was typed stays.
 */
export function onSubmit(
  form: HTMLFormElement,
  parts: { submit: HTMLButtonElement; error: HTMLElement },
  send: () => Promise<void>,
  onError: (err: unknown) => void = (err) => (parts.error.textContent = errorText(err)),
): void {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    parts.error.textContent = '';
    parts.submit.disabled = true;
    try {
      await send();
    } catch (err) {
      onError(err);
    } finally {
      parts.submit.disabled = false;
    }
  });
}
