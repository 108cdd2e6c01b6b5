// Splits per km or mile and the time in heart-rate zones: the two tables a runner reads after the
// charts. Both come from the samples (shared/activity), in the athlete's units and with their HRmax.
import type { ActivityDetail } from '../api.ts';
import { h } from '../dom.ts';
import { formatDuration, formatPace, type Units } from '../format.ts';
import { computeSplits } from '../../../shared/activity/compute-splits.ts';
import {
  computeHrZoneTimes,
  DEFAULT_HR_MAX_BPM,
  type HrZone,
} from '../../../shared/activity/compute-hr-zones.ts';
import { dataTable } from './data-table.ts';

const SPLIT_M: Record<Units, number> = { km: 1000, mi: 1609.344 };

export function splitsTable(a: ActivityDetail, units: Units): HTMLElement | null {
  const splits = computeSplits(a.samples, SPLIT_M[units]);
  if (splits.length === 0) return null;
  const climb = (m: number | undefined) => {
    if (m === undefined) return '–';
    const r = Math.round(m);
    return `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r)} m`;
  };
  return dataTable(
    `Splits per ${units === 'km' ? 'kilometre' : 'mile'} (elapsed time, stops included)`,
    'splits',
    [units, 'Time', 'Pace', 'Elevation', 'Avg HR'],
    splits.map((s) => [
      s.distanceM < SPLIT_M[units] - 0.5
        ? `${(s.distanceM / SPLIT_M[units]).toFixed(2)}`
        : String(s.n),
      formatDuration(s.durationS),
      formatPace(s.distanceM, s.durationS, units),
      climb(s.eleChangeM),
      s.avgHrBpm === undefined ? '–' : `${Math.round(s.avgHrBpm)} bpm`,
    ]),
  );
}

const ZONE_NAME = ['Warm-up', 'Easy', 'Aerobic', 'Threshold', 'Maximum'];

const rangeOf = (z: HrZone) =>
  z.toBpm === null
    ? `${z.fromBpm}+`
    : z.fromBpm === 0
      ? `< ${z.toBpm}`
      : `${z.fromBpm}–${z.toBpm - 1}`;

/** Time in each zone, or null when the activity has no heart rate. */
export function hrZonesSection(a: ActivityDetail): HTMLElement | null {
  if (!a.samples.some((s) => s.hrBpm !== undefined)) return null;
  const hrMax = a.athleteHrMaxBpm ?? DEFAULT_HR_MAX_BPM;
  const zones = computeHrZoneTimes(a.samples, hrMax);
  const total = zones.reduce((t, z) => t + z.seconds, 0);
  const basis =
    a.athleteHrMaxBpm === null
      ? `No HRmax is set in Settings, so the zones assume ${DEFAULT_HR_MAX_BPM} bpm; set yours for zones that fit you.`
      : `Zones from the HRmax in Settings, ${hrMax} bpm: below 60 %, 60–70, 70–80, 80–90, and 90 % and above.`;
  return h(
    'div',
    { id: 'hr-zones' },
    h('p', { class: 'muted', id: 'hr-zones-basis' }, basis),
    dataTable(
      'Time in heart-rate zones',
      'hr-zone-table',
      ['Zone', 'HR (bpm)', 'Time', 'Share'],
      zones.map((z) => {
        const pct = total > 0 ? Math.round((100 * z.seconds) / total) : 0;
        return [
          `${z.zone} ${ZONE_NAME[z.zone - 1] ?? ''}`,
          rangeOf(z),
          formatDuration(z.seconds),
          h(
            'span',
            { class: 'zone-share' },
            h(
              'span',
              { class: 'zone-track', 'aria-hidden': 'true' },
              h('span', { class: 'zone-bar', style: `width:${pct}%` }),
            ),
            `${pct} %`,
          ),
        ];
      }),
    ),
  );
}
