// The rest between sets: a bar fixed to the bottom of the screen, counting down from the
// exercise's rest, with buttons big enough to hit between sets (+15 s, skip).
import { h } from '../dom.ts';

export interface RestTimer {
  element: HTMLElement;
  start(seconds: number, label: string): void;
  stop(): void;
}

const clock = (s: number): string => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export function restTimer(): RestTimer {
  let left = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const time = h('span', { class: 'rest-time', id: 'rest-time' }, '0:00');
  const what = h('span', { class: 'rest-label' });
  const done = h('span', { class: 'sr-only', role: 'status' });
  const element = h(
    'div',
    { class: 'rest-timer', id: 'rest-timer', hidden: true },
    h('div', {}, what, time),
    h('button', { type: 'button', class: 'secondary', onclick: () => add(15) }, '+15 s'),
    h('button', { type: 'button', id: 'rest-skip', onclick: () => stop() }, 'Skip'),
    done,
  );
  const draw = () => (time.textContent = clock(Math.max(0, left)));
  function add(s: number) {
    left += s;
    draw();
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = undefined;
    element.hidden = true;
  }
  function start(seconds: number, label: string) {
    stop();
    left = seconds;
    what.textContent = `Rest · ${label} `;
    done.textContent = '';
    element.hidden = false;
    draw();
    timer = setInterval(() => {
      left -= 1;
      draw();
      if (left > 0) return;
      done.textContent = 'Rest over: next set.';
      stop();
      if (typeof navigator.vibrate === 'function') navigator.vibrate(200);
    }, 1000);
  }
  return { element, start, stop };
}
