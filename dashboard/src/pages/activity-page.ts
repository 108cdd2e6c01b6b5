// One activity: pace, heart rate and elevation over time, its laps and detected intervals, and how
// the session compared with the stage's prescription.
import { api, athleteApi, type ActivityDetail } from '../api.ts';
import { chartWidth, h } from '../dom.ts';
import {
  distanceIn,
  formatDate,
  formatDuration,
  formatPace,
  paceMinutesOf,
  type Units,
} from '../format.ts';
import {
  activityStreamChart,
  type StreamAxis,
  type StreamPoint,
} from '../charts/activity-stream-chart.ts';
import { activityStats, lapsNote } from '../views/activity-stats.ts';
import { dataTable } from '../views/data-table.ts';
import { hrZonesSection, splitsTable } from '../views/activity-splits.ts';
import { hasRoute, routeChart, routeOf } from '../charts/route-chart.ts';
import { activityWarnings } from '../views/activity-warnings.ts';
import { noteThreads } from '../views/note-threads.ts';

/** The runner's notes from their coach about this activity, each with a reply form. */
function activityNotesCard(activityId: string): HTMLElement {
  const card = h('section', { class: 'card', id: 'activity-notes' }, h('h2', {}, 'Coach notes'));
  const draw = async (): Promise<void> => {
    const notes = await api.notes({ activityId });
    card.replaceChildren(
      h('h2', {}, 'Coach notes'),
      noteThreads(notes, {
        id: 'activity-note-list',
        aboutOf: () => null,
        empty: 'No notes from your coach on this activity.',
        onReply: async (noteId, body) => {
          await api.replyToNote(noteId, body);
          await draw();
        },
      }),
    );
  };
  void draw().catch(() => card.remove());
  return card;
}

const mmss = (min: number): string => formatDuration(min * 60);

/** Samples further apart than this are a pause or a lost signal: no line is drawn across them. */
const STREAM_GAP_MS = 30_000;

function streams(
  a: ActivityDetail,
  units: Units,
): { pace: StreamPoint[]; hr: StreamPoint[]; ele: StreamPoint[]; axis: StreamAxis } {
  const t0 = a.samples[0]?.t ?? 0;
  const pace: StreamPoint[] = [];
  const hr: StreamPoint[] = [];
  const ele: StreamPoint[] = [];
  // A few hundred points per stream are plenty for a chart; smooth pace over a short window.
  const step = Math.max(1, Math.floor(a.samples.length / 600));
  let last = -1;
  for (let i = 0; i < a.samples.length; i += step) {
    const s = a.samples[i];
    if (!s) continue;
    const min = (s.t - t0) / 60_000;
    // A pause or a recording gap breaks every line, rather than a straight line drawn across it.
    for (let j = last + 1; j <= i && last >= 0; j++) {
      const gap = (a.samples[j]?.t ?? 0) - (a.samples[j - 1]?.t ?? 0);
      if (gap > STREAM_GAP_MS) {
        const at = ((a.samples[j - 1]?.t ?? 0) + gap / 2 - t0) / 60_000;
        for (const stream of [pace, hr, ele]) stream.push({ min: at, value: Number.NaN });
        break;
      }
    }
    last = i;
    let speed = s.speedMps;
    const back = a.samples[Math.max(0, i - 10)];
    if (back && s.distanceM !== undefined && back.distanceM !== undefined && s.t > back.t)
      speed = (s.distanceM - back.distanceM) / ((s.t - back.t) / 1000);
    const p = speed === undefined ? undefined : paceMinutesOf(speed, units);
    if (p !== undefined && p < 30) pace.push({ min, value: p });
    if (s.hrBpm !== undefined) hr.push({ min, value: s.hrBpm });
    if (s.eleM !== undefined) ele.push({ min, value: s.eleM });
  }
  // One axis for every stream: first to last sample, whichever streams the samples carry.
  const axis = { totalMin: ((a.samples.at(-1)?.t ?? t0) - t0) / 60_000 };
  return { pace, hr, ele, axis };
}

/** The route beside the splits on a wide screen, one above the other on a phone. */
function pairOf(...cards: Array<HTMLElement | null>): HTMLElement | null {
  const present = cards.filter((c): c is HTMLElement => c !== null);
  if (present.length === 0) return null;
  return h('div', { class: 'activity-pair' }, ...present);
}

export async function activityPage(id: string, units: Units, athleteId?: string): Promise<Node[]> {
  const aapi = athleteApi(athleteId);
  const a = await aapi.activity(id);
  const { pace, hr, ele, axis } = streams(a, units);
  const width = chartWidth();
  const back = athleteId ? `/coach/athletes/${athleteId}` : '/';
  const charts: Node[] = [];
  const drawn = (points: StreamPoint[]) => points.some((p) => !Number.isNaN(p.value));
  if (drawn(pace))
    charts.push(
      h(
        'figure',
        { id: 'pace-chart' },
        h('figcaption', {}, 'Pace'),
        activityStreamChart(pace, {
          label: 'Pace',
          unit: `min/${units}`,
          colour: '#1f6feb',
          width,
          axis,
          reverse: true,
          format: mmss,
          clock: true,
        }),
      ),
    );
  if (drawn(hr))
    charts.push(
      h(
        'figure',
        { id: 'hr-chart' },
        h('figcaption', {}, 'Heart rate'),
        activityStreamChart(hr, {
          label: 'Heart rate',
          unit: 'bpm',
          colour: '#d6336c',
          width,
          axis,
        }),
      ),
    );
  if (drawn(ele))
    charts.push(
      h(
        'figure',
        { id: 'ele-chart' },
        h('figcaption', {}, 'Elevation'),
        activityStreamChart(ele, {
          label: 'Elevation',
          unit: 'm',
          colour: '#2b8a3e',
          width,
          axis,
          format: (v) => v.toFixed(1),
        }),
      ),
    );
  const dist = (m: number) => `${distanceIn(m, units).toFixed(2)} ${units}`;
  const route = routeOf(a.samples);
  const splits = splitsTable(a, units);
  const zones = hrZonesSection(a);
  return [
    h('p', {}, h('a', { href: back }, '← Back to the dashboard')),
    h(
      'section',
      { class: 'card', id: 'activity' },
      h('h1', {}, a.name ?? `${a.sport} on ${formatDate(a.localDate)}`),
      activityWarnings(a),
      activityStats(a, units),
      h('h2', {}, 'Against the prescription'),
      h(
        'p',
        { id: 'prescription-compare', class: 'compare' },
        // The server's words, the same rule and sentence as the decision card's.
        a.comparison?.message ?? 'No stage on record for this day.',
      ),
      fastRunningFound(a),
    ),
    h(
      'section',
      { class: 'card chart', id: 'streams' },
      h('h2', {}, 'Over time'),
      ...(charts.length
        ? charts
        : [h('p', { class: 'muted' }, 'This activity has no samples to draw.')]),
    ),
    pairOf(
      hasRoute(route)
        ? h(
            'section',
            { class: 'card chart', id: 'route' },
            h('h2', {}, 'Route'),
            h(
              'figure',
              { id: 'route-chart' },
              routeChart(route, { width: Math.min(width, 480), units }),
            ),
          )
        : null,
      splits || zones
        ? h(
            'section',
            { class: 'card', id: 'splits-zones' },
            h('h2', {}, 'Splits and heart-rate zones'),
            splits,
            zones,
          )
        : null,
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, 'Laps and intervals'),
      a.laps.length
        ? dataTable(
            'Laps (from the file)',
            'laps',
            ['Lap', 'Start', 'Time', 'Distance', 'Pace', 'Avg HR'],
            a.laps.map((l, i) => [
              String(i + 1),
              formatDuration(l.startS),
              formatDuration(l.durationS),
              dist(l.distanceM),
              formatPace(l.distanceM, l.durationS, units),
              l.avgHrBpm ? `${Math.round(l.avgHrBpm)} bpm` : '–',
            ]),
          )
        : h('p', { class: 'muted' }, 'No laps in this file.'),
      ((note) => (note ? h('p', { class: 'muted', id: 'laps-note' }, note) : null))(
        lapsNote(a, units),
      ),
      a.intervals.length
        ? dataTable(
            'Detected run and walk bouts',
            'intervals',
            ['Bout', 'Start', 'Time', 'Distance', 'Pace'],
            a.intervals.map((b) => [
              b.kind === 'work' ? 'Run' : 'Walk/rest',
              formatDuration(b.startS),
              formatDuration(b.durationS),
              dist(b.distanceM),
              formatPace(b.distanceM, b.durationS, units),
            ]),
          )
        : h('p', { class: 'muted' }, 'No run/walk bouts detected: a continuous session.'),
    ),
    athleteId ? null : activityNotesCard(id),
  ].filter((n): n is HTMLElement => n !== null);
}

/** The stage-8 entries found in the session, whatever the stage: strides, fast intervals, hills. */
function fastRunningFound(a: ActivityDetail): HTMLElement | null {
  const c = a.comparison;
  if (!c) return null;
  const n = (k: number, one: string, many: string) => (k > 0 ? `${k} ${k === 1 ? one : many}` : '');
  const found = [
    n(c.strides, 'stride', 'strides'),
    n(c.fastBouts, 'fast interval', 'fast intervals'),
    n(c.hillRepeats, 'hill repeat', 'hill repeats'),
  ].filter((w) => w !== '');
  return found.length === 0
    ? null
    : h(
        'p',
        { id: 'prescription-intensity', class: 'muted small' },
        `Fast running found in this session: ${found.join(', ')}.`,
      );
}
