// One sentence per chart of the athlete's trends: what a sighted reader takes from it at a glance,
// for a screen reader (the chart's label) and for everyone (the line under its title).
import type { DailyMetrics, IntensityMetrics } from '../api.ts';
import { addDays, distanceIn, formatDay, type Units } from '../format.ts';
import { inWindow, type TimeWindow } from './time-axis.ts';
import { minutes, type Week } from './intensity-chart.ts';
import { stageSegmentsOf } from './stage-band-chart.ts';
import { weeksOf, type WeekDatum } from './weekly-distance-chart.ts';

const km = (m: number, units: Units) => `${distanceIn(m, units).toFixed(1)} ${units}`;
const shownOf = (days: DailyMetrics[], win: TimeWindow) => days.filter((d) => inWindow(d.day, win));

export function stageSummary(
  days: DailyMetrics[],
  win: TimeWindow,
  current?: { stage: number; name: string },
): string {
  const segments = stageSegmentsOf(days, win, current);
  const last = segments.at(-1);
  if (!last) return 'No stage in force in this window.';
  const changes = segments.length - 1;
  // No computed day yet (a new runner): the stage they start from, not a date it began.
  if (!shownOf(days, win).some((d) => d.stage !== undefined))
    return `Stage ${last.stage}${last.name ? ` (${last.name})` : ''}: where the plan starts; no stage change yet.`;
  return (
    `Stage ${last.stage}${last.name ? ` (${last.name})` : ''} since ${formatDay(last.from)}; ` +
    `${changes} stage change${changes === 1 ? '' : 's'} in this window.`
  );
}

export function weeklySummary(days: DailyMetrics[], win: TimeWindow, units: Units): string {
  const weeks = weeksOf(days, [], win, units);
  const last = weeks.at(-1);
  const best = weeks.reduce<WeekDatum | undefined>(
    (a, w) => (a && a.distance >= w.distance ? a : w),
    undefined,
  );
  if (!last || !best || best.distance <= 0) return 'No run in this window.';
  return (
    `This week ${last.distance.toFixed(1)} ${units} in ${last.runs} run${last.runs === 1 ? '' : 's'}; ` +
    `the longest week in this window ${best.distance.toFixed(1)} ${units} (week of ${formatDay(best.weekStart)}).`
  );
}

export function spikeSummary(days: DailyMetrics[], win: TimeWindow, units: Units): string {
  const run = shownOf(days, win)
    .filter((d) => (d.load?.longestRunM ?? 0) > 0)
    .at(-1);
  if (!run?.load) return 'No run in this window.';
  const head = `Last run (${formatDay(run.day)}) ${km(run.load.longestRunM, units)}`;
  const s = run.spike;
  if (!s || s.reference !== 'longest_30d' || s.value === null)
    return `${head}; no run in the 30 days before it to compare with.`;
  const pct = Math.round(Math.abs(s.value) * 100);
  return `${head}, ${pct} % ${s.value >= 0 ? 'above' : 'below'} the longest run of the 30 days before (${km(s.referenceValue, units)}).`;
}

export function acwrSummary(days: DailyMetrics[], win: TimeWindow): string {
  const d = shownOf(days, win)
    .filter((x) => x.acwr?.ewma.ratio != null)
    .at(-1);
  const ratio = d?.acwr?.ewma.ratio;
  if (!d || ratio == null) return 'No ratio in this window.';
  const rolling = d.acwr?.rolling.coupled;
  return (
    `On ${formatDay(d.day)} the EWMA ratio is ${ratio.toFixed(2)}` +
    (rolling != null ? ` and the rolling ratio ${rolling.toFixed(2)}.` : '.')
  );
}

export function fitnessSummary(days: DailyMetrics[], win: TimeWindow, loadUnit = 'AU'): string {
  const d = shownOf(days, win)
    .filter((x) => x.fitness)
    .at(-1);
  if (!d?.fitness) return 'No fitness values in this window.';
  const f = d.fitness;
  return `${formatDay(d.day)}: fitness ${f.ctl.toFixed(0)}, fatigue ${f.atl.toFixed(0)}, form ${f.form.toFixed(0)} (${loadUnit}).`;
}

export function painSummary(days: DailyMetrics[], win: TimeWindow): string {
  const scored = shownOf(days, win).filter(
    (d) =>
      d.pain?.painDuring != null ||
      d.pain?.painAfter != null ||
      d.pain?.painNextMorning != null ||
      d.pain?.painMorning != null,
  );
  const d = scored.at(-1);
  if (!d?.pain) return 'No pain scores in this window.';
  const parts = [
    ['during a run', d.pain.painDuring],
    ['after', d.pain.painAfter],
    ['the next morning', d.pain.painNextMorning],
    ['on waking', d.pain.painMorning],
  ]
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${String(v)}/10 ${String(k)}`);
  return `${scored.length} day${scored.length === 1 ? '' : 's'} with pain scores; the last (${formatDay(d.day)}): ${parts.join(', ')}.`;
}

export function crossSummary(days: DailyMetrics[], win: TimeWindow): string {
  const crossDays = shownOf(days, win).filter((d) => (d.load?.crossTrainingMin ?? 0) > 0);
  const min = crossDays.reduce((s, d) => s + (d.load?.crossTrainingMin ?? 0), 0);
  return `${crossDays.length} cross-training day${crossDays.length === 1 ? '' : 's'} in this window, ${Math.round(min)} min in all.`;
}

/** One sentence for the chart's label and the line under its title. */
export function intensitySummary(m: IntensityMetrics, win: TimeWindow): string {
  const weeks = m.weeks.filter((w) => w.weekStart <= win.to && addDays(w.weekStart, 6) >= win.from);
  const days = m.days.filter((d) => inWindow(d.day, win));
  if (days.length === 0) return 'No run with a speed stream in this window.';
  const above = weeks.reduce((s, w) => s + w.aboveThresholdS, 0);
  const strides = days.reduce((s, d) => s + d.strides, 0);
  const hills = days.reduce((s, d) => s + d.hillRepeats, 0);
  const top = weeks.reduce<Week | undefined>(
    (a, w) => (a && a.aboveThresholdS >= w.aboveThresholdS ? a : w),
    undefined,
  );
  const most =
    top && top.aboveThresholdS > 0
      ? `; the most in a week ${minutes(top.aboveThresholdS)} min (week of ${formatDay(top.weekStart)})`
      : '';
  return (
    `${minutes(above)} min above threshold in ${days.length} day${days.length === 1 ? '' : 's'} of running, ` +
    `${strides} stride${strides === 1 ? '' : 's'} and ${hills} hill repeat${hills === 1 ? '' : 's'}${most}.`
  );
}
