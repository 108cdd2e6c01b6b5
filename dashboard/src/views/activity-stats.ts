// The numbers at the top of an activity page. Each one agrees with what the page draws below it:
// the elevation gain is counted from the same samples the elevation chart shows, and the running
// and walking times are the sums of the bout table's rows.
import type { ActivityDetail } from '../api.ts';
import { h } from '../dom.ts';
import { formatDate, formatDistance, formatDuration, formatPace, type Units } from '../format.ts';
import {
  computeElevationGainM,
  ELEVATION_THRESHOLD_M,
} from '../../../shared/activity/elevation.ts';

export const ELEVATION_METHOD = `Climbs count once the track has risen ${ELEVATION_THRESHOLD_M} m above its last low point, so GPS noise on flat ground adds nothing.`;

/** Elevation gain of the activity, metres, and how it was counted. */
export function elevationGainOf(a: Pick<ActivityDetail, 'samples' | 'elevationGainM'>): {
  gainM: number;
  method: string;
} {
  const elevations = a.samples.map((s) => s.eleM);
  if (elevations.some((e) => e !== undefined))
    return { gainM: computeElevationGainM(elevations), method: ELEVATION_METHOD };
  return {
    gainM: a.elevationGainM,
    method: 'As the file or Strava reported it (no elevation samples).',
  };
}

/** Seconds of running and of walking or rest: the sums of the detected bouts. */
export function boutTimesOf(a: Pick<ActivityDetail, 'intervals'>): { runS: number; walkS: number } {
  let runS = 0;
  let walkS = 0;
  for (const b of a.intervals) {
    if (b.kind === 'work') runS += b.durationS;
    else walkS += b.durationS;
  }
  return { runS, walkS };
}

export function activityStats(a: ActivityDetail, units: Units): HTMLElement {
  const elevation = elevationGainOf(a);
  const bouts = boutTimesOf(a);
  const items: Array<{ id: string; label: string; value: string; title?: string }> = [
    { id: 'date', label: 'Date', value: formatDate(a.localDate) },
    { id: 'distance', label: 'Distance', value: formatDistance(a.distanceM, units) },
    { id: 'moving', label: 'Moving time', value: formatDuration(a.movingS) },
    { id: 'pace', label: 'Pace', value: formatPace(a.distanceM, a.movingS, units) },
    {
      id: 'elevation',
      label: 'Elevation gain',
      value: `${Math.round(elevation.gainM)} m`,
      title: elevation.method,
    },
    {
      id: 'hr',
      label: 'Average HR',
      value: a.avgHrBpm ? `${Math.round(a.avgHrBpm)} bpm` : '–',
    },
  ];
  if (a.intervals.length > 0)
    items.push({
      id: 'run-walk',
      label: 'Run / walk',
      value: `${formatDuration(bouts.runS)} / ${formatDuration(bouts.walkS)}`,
      title: 'Sums of the run and walk/rest bouts in the table below.',
    });
  return h(
    'dl',
    { class: 'stats', id: 'activity-stats' },
    ...items.map((it) =>
      h(
        'div',
        { 'data-stat': it.id, ...(it.title ? { title: it.title } : {}) },
        h('dt', {}, it.label),
        h('dd', {}, it.value),
      ),
    ),
  );
}

/**
 * A sentence when the file's own lap totals disagree with its track (a watch that kept a lap from
 * before the recorded points, say): the laps are shown as the file states them, and the page says
 * which numbers the summary uses instead of leaving two totals side by side unexplained.
 */
export function lapsNote(
  a: Pick<ActivityDetail, 'laps' | 'distanceM' | 'elapsedS'>,
  units: Units,
): string | null {
  if (a.laps.length === 0) return null;
  const lapS = a.laps.reduce((t, l) => t + l.durationS, 0);
  const lapM = a.laps.reduce((t, l) => t + l.distanceM, 0);
  const offM = Math.abs(lapM - a.distanceM) > Math.max(100, 0.1 * a.distanceM);
  const offS = Math.abs(lapS - a.elapsedS) > Math.max(60, 0.1 * a.elapsedS);
  if (!offM && !offS) return null;
  return (
    `The file's laps add up to ${formatDuration(lapS)} and ${formatDistance(lapM, units)}, ` +
    `its recorded track to ${formatDuration(a.elapsedS)} and ${formatDistance(a.distanceM, units)}: ` +
    'the laps are as the file states them; the summary, charts and splits use the track.'
  );
}
