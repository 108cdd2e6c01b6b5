// The wellness card of the trends: resting heart rate and HRV (SDNN) per day, from an Apple Health
// export, on the same time axis as load and pain. It says plainly that today's decision does not
// use them; it stays out of the way for runners who have none.
import type { AthleteApi, WellnessDay } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { wellnessChart } from '../charts/wellness-chart.ts';
import { inWindow, type ChartSize, type TimeWindow } from '../charts/time-axis.ts';

export const WELLNESS_NOT_USED =
  'Shown for your own reading: today’s decision and the plan do not use resting heart rate or HRV yet.';

export function wellnessCard(aapi: AthleteApi, win: TimeWindow, size: ChartSize): HTMLElement {
  const body = h('div', { class: 'chart-body' }, h('p', { class: 'muted' }, 'Loading…'));
  const card = h(
    'section',
    {
      class: 'card chart',
      id: 'wellness-chart',
      'aria-label': 'Resting heart rate and HRV',
      hidden: true,
    },
    h('h3', {}, 'Resting heart rate and HRV'),
    body,
    h(
      'p',
      { class: 'caveat', id: 'wellness-not-used' },
      h('strong', {}, 'Not used: '),
      WELLNESS_NOT_USED,
    ),
    h(
      'p',
      { class: 'muted small' },
      'Daily values from your Apple Health export: each day’s resting heart rate and HRV (SDNN) as the mean of that day’s readings.',
    ),
  );
  void (async () => {
    let days: WellnessDay[];
    try {
      days = await aapi.wellness(win.from, win.to);
    } catch (err) {
      card.hidden = false;
      body.replaceChildren(
        h('p', { class: 'error' }, `Wellness values could not load: ${errorText(err)}`),
      );
      return;
    }
    if (!days.some((d) => inWindow(d.day, win))) return; // none imported: no card
    card.hidden = false;
    body.replaceChildren(
      wellnessChart(days, 'restingHrBpm', win, size),
      wellnessChart(days, 'hrvSdnnMs', win, size),
    );
  })();
  return card;
}
