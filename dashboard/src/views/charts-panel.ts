// Every chart of an athlete on one time axis, with a selector for the window (4–52 weeks).
import type {
  AthleteApi,
  DailyMetrics,
  IntensityMetrics,
  MetricsInfo,
  StageDefinition,
  Thresholds,
} from '../api.ts';
import { chartWidth, errorText, h } from '../dom.ts';
import { addDays, type Units } from '../format.ts';
import { acwrChart } from '../charts/acwr-chart.ts';
import {
  acwrSummary,
  crossSummary,
  fitnessSummary,
  intensitySummary,
  painSummary,
  spikeSummary,
  stageSummary,
  weeklySummary,
} from '../charts/chart-summaries.ts';
import { crossTrainingChart } from '../charts/cross-training-chart.ts';
import { describedChart } from '../charts/described-chart.ts';
import { fitnessChart } from '../charts/fitness-chart.ts';
import { loadUnitOf } from '../charts/form-zones.ts';
import { intensityCaption, intensityChart } from '../charts/intensity-chart.ts';
import { painChart } from '../charts/pain-chart.ts';
import { spikeChart } from '../charts/spike-chart.ts';
import { painZoneLabels, spikeBandsText } from '../charts/threshold-bands.ts';
import { stageBandChart } from '../charts/stage-band-chart.ts';
import { timeWindowOf, WINDOW_WEEKS, type TimeWindow } from '../charts/time-axis.ts';
import { weeklyDistanceChart } from '../charts/weekly-distance-chart.ts';
import { wellnessCard } from './wellness-card.ts';

/** Who is looking: the runner adds their own runs; a coach waits for the athlete's. */
export type Viewer = 'athlete' | 'coach';

/** Where a chart's data comes from, so that an empty chart can say how to fill it. */
type Source = 'runs' | 'checkins' | 'cross';

/**
 * In place of empty axes: what will appear and how to get it there. The chart's one-line summary
 * stays above it, as the text a screen reader would have read from the chart.
 */
function emptyState(what: string, source: Source, viewer: Viewer): HTMLElement {
  const how =
    viewer === 'coach'
      ? {
          runs: 'It fills in as the athlete uploads runs or syncs them from Strava.',
          checkins: 'It fills in as the athlete logs daily check-ins.',
          cross: 'It fills in as the athlete logs cross-training.',
        }[source]
      : {
          runs: h('a', { href: '/import' }, 'Upload a run or connect Strava'),
          checkins: 'Log this morning’s hip check-in on Today.',
          cross: 'Log cross-training on Today.',
        }[source];
  return h(
    'div',
    { class: 'chart-empty' },
    h('p', {}, what),
    h('p', {}, how, typeof how === 'string' ? null : '.'),
  );
}

/** `summary`: what the chart shows in a sentence, under the title and as the chart's label. */
function chartCard(
  id: string,
  title: string,
  [chart, summary]: [SVGSVGElement | HTMLElement, string],
  about: string,
  caveat?: string,
): HTMLElement {
  const empty = chart.classList.contains('chart-empty');
  return h(
    'section',
    { class: 'card chart', id, 'aria-label': title },
    h('h3', {}, title),
    h('p', { class: 'chart-summary' }, summary),
    h('div', { class: 'chart-body' }, empty ? chart : describedChart(chart, summary)),
    caveat ? h('p', { class: 'caveat' }, h('strong', {}, 'Caveat: '), caveat) : null,
    h('p', { class: 'muted small' }, about),
  );
}

function drawCharts(
  days: DailyMetrics[],
  info: MetricsInfo,
  plan: StageDefinition[],
  win: TimeWindow,
  units: Units,
  thresholds: Thresholds,
  startStage: number,
  viewer: Viewer,
  intensity: IntensityMetrics,
): HTMLElement[] {
  // The stage in force where no day has one yet (a new runner): the stage they start from.
  const startDef = plan[startStage];
  const current = startDef ? { stage: startStage, name: startDef.name } : undefined;
  const zones = painZoneLabels(thresholds);
  const size = { width: chartWidth() };
  const shown = days.filter((d) => d.day >= win.from && d.day <= win.to);
  const has = (test: (d: DailyMetrics) => boolean) => shown.some(test);
  const hasRuns = has((d) => (d.load?.longestRunM ?? 0) > 0);
  const empty = (what: string, source: Source) => emptyState(what, source, viewer);
  const weekly = weeklySummary(days, win, units);
  const spike = spikeSummary(days, win, units);
  const acwr = acwrSummary(days, win);
  const fitness = fitnessSummary(days, win, loadUnitOf(thresholds.loadMeasure));
  const pain = painSummary(days, win);
  const cross = crossSummary(days, win);
  return [
    chartCard(
      'stage-chart',
      'Progression stage',
      [stageBandChart(days, win, size, current), stageSummary(days, win, current)],
      'The stage in force each day (tap or click the band for its name and dates); science.md §4.',
    ),
    chartCard(
      'weekly-chart',
      `Weekly running distance (${units})`,
      [
        hasRuns
          ? weeklyDistanceChart(days, plan, win, units, size)
          : empty('Bars of the weekly running distance will appear here.', 'runs'),
        weekly,
      ],
      'Bars: distance run each Monday–Sunday week. Dashed ticks: the stage’s weekly running minutes at your median pace.',
    ),
    chartCard(
      'spike-chart',
      `Each run against its 30-day longest (${units})`,
      [
        hasRuns
          ? spikeChart(days, win, units, size, thresholds)
          : empty(
              'Each run will appear here against the longest run of the 30 days before it.',
              'runs',
            ),
        spike,
      ],
      `Dashed line: longest single run of the previous 30 days. Shaded: ${spikeBandsText(thresholds)}. Symbols: ● ok, ▲ caution, ■ high, ◆ very high, × no 30-day reference. Frandsen et al. 2025, BJSM 59:1203.`,
      info.spike.caveat,
    ),
    chartCard(
      'intensity-chart',
      'Intensity: time above threshold, strides and hills',
      [
        intensity.days.some((d) => d.day >= win.from && d.day <= win.to)
          ? intensityChart(intensity, win, size)
          : empty(
              'Minutes above threshold each week, strides and hill repeats will appear here.',
              'runs',
            ),
        intensitySummary(intensity, win),
      ],
      intensityCaption(intensity),
    ),
    chartCard(
      'acwr-chart',
      'Acute : chronic workload ratio',
      [
        has((d) => d.acwr?.ewma.ratio != null || d.acwr?.rolling.coupled != null)
          ? acwrChart(days, win, size, thresholds)
          : empty(
              'The ratio of the last week’s load to the last four weeks’ will appear here once there are 28 days of history.',
              'runs',
            ),
        acwr,
      ],
      `${info.acwrEwma.method} (Williams 2017); rolling: ${info.acwrRolling.method} (Gabbett 2016).`,
      info.acwrRolling.caveat,
    ),
    chartCard(
      'fitness-chart',
      'Fitness, fatigue and form',
      [
        has((d) => d.fitness != null)
          ? fitnessChart(days, win, size, thresholds.loadMeasure)
          : empty(
              'Fitness, fatigue and form, built from the training load, will appear here.',
              'runs',
            ),
        fitness,
      ],
      info.fitness.method,
      info.fitness.caveat,
    ),
    chartCard(
      'pain-chart',
      'Hip pain: during and after runs, and on waking',
      [
        has(
          (d) =>
            d.pain?.painDuring != null ||
            d.pain?.painAfter != null ||
            d.pain?.painNextMorning != null ||
            d.pain?.painMorning != null,
        )
          ? painChart(days, win, size, thresholds)
          : empty('Pain scores during and after runs and on waking will appear here.', 'checkins'),
        pain,
      ],
      `Zones: ${zones.green} green, ${zones.amber} amber (do not progress), ${zones.red} red (drop a stage). Silbernagel et al. 2007, hip-cautious variant.`,
    ),
    chartCard(
      'cross-chart',
      'Cross-training days',
      [
        has((d) => (d.load?.crossTrainingMin ?? 0) > 0)
          ? crossTrainingChart(days, win, size)
          : empty('Days with cross-training will appear here.', 'cross'),
        cross,
      ],
      'Counts toward total load, never toward running distance.',
    ),
  ];
}

/** The requests for a year of the trends ending `today`, sent at once (awaited by the panel). */
export function requestChartsYear(aapi: AthleteApi, today: string) {
  // A year (plus the 30 days the spike reference looks back) covers every window.
  const from = addDays(today, -52 * 7 - 31);
  const year = {
    today,
    from,
    days: aapi.daily(from, today),
    progression: aapi.progression(),
    info: aapi.metricsInfo(),
    // Beside the days, not after them: with a year of history its range is the one drawn.
    intensity: aapi.intensity(from, today),
  };
  // Each is awaited by the panel, or dropped when its range is not the one drawn.
  for (const p of [year.days, year.progression, year.info, year.intensity])
    p.catch(() => undefined);
  return year;
}

/**
 * `early`: the year's requests already sent for the day the page guessed was today (the home page
 * sends them before today's decision comes); used only when that guess was today.
 */
export function chartsPanel(
  aapi: AthleteApi,
  today: string,
  units: Units,
  viewer: Viewer = 'athlete',
  early?: ReturnType<typeof requestChartsYear>,
): HTMLElement {
  let weeks = 12;
  let unused = early;
  const select = h(
    'select',
    { id: 'window-weeks', name: 'weeks' },
    ...WINDOW_WEEKS.map((w) => h('option', { value: w, selected: w === weeks }, `Last ${w} weeks`)),
  );
  const body = h(
    'div',
    { class: 'charts', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Loading charts…'),
  );
  const panel = h(
    'section',
    { class: 'charts-panel', id: 'charts', 'aria-labelledby': 'charts-title' },
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'charts-title' }, 'Trends'),
      h('label', { class: 'inline' }, 'Show ', select),
    ),
    body,
  );
  let cache:
    | {
        days: DailyMetrics[];
        info: MetricsInfo;
        plan: StageDefinition[];
        thresholds: Thresholds;
        startStage: number;
        intensity: IntensityMetrics;
        lastRun?: string;
      }
    | undefined;
  const draw = async () => {
    try {
      if (!cache) {
        const year = unused?.today === today ? unused : requestChartsYear(aapi, today);
        unused = undefined; // a second try asks again
        const yearFrom = year.from;
        const [days, progression, info] = await Promise.all([
          year.days,
          year.progression,
          year.info,
        ]);
        let all = days;
        const lastRun = [...days].reverse().find((d) => d.runCount > 0)?.day;
        if (!lastRun) {
          // No run in the last year: show the year of the latest import instead of an empty chart.
          const latest = (await aapi.activities()).rows[0]?.localDate;
          if (latest) all = await aapi.daily(addDays(latest, -52 * 7 - 31), latest);
        }
        const first = all[0]?.day ?? yearFrom;
        const last = all.at(-1)?.day ?? today;
        const intensity =
          first === yearFrom && last === today
            ? await year.intensity
            : await aapi.intensity(first, last);
        cache = {
          days: all,
          intensity,
          info,
          plan: progression.plan,
          startStage: progression.startStage,
          // The athlete's own thresholds, as the engine applies them: the bands and zones drawn.
          thresholds: progression.thresholds,
          ...(() => {
            const lr = [...all].reverse().find((d) => d.runCount > 0)?.day;
            return lr ? { lastRun: lr } : {};
          })(),
        };
      }
      const win = timeWindowOf(today, weeks, cache.lastRun);
      body.replaceChildren(
        ...drawCharts(
          cache.days,
          cache.info,
          cache.plan,
          win,
          units,
          cache.thresholds,
          cache.startStage,
          viewer,
          cache.intensity,
        ),
      );
      body.append(wellnessCard(aapi, win, { width: chartWidth() }));
    } catch (err) {
      body.replaceChildren(h('p', { class: 'error' }, `Charts could not load: ${errorText(err)}`));
    }
  };
  select.addEventListener('change', () => {
    weeks = Number(select.value);
    void draw();
  });
  void draw();
  return panel;
}
