import type { Action, Severity, SpikeBand, Units } from './api.ts';

export type { Units };

const M_PER_MI = 1609.344;

export function formatDistance(m: number, units: Units): string {
  return units === 'mi' ? `${(m / M_PER_MI).toFixed(2)} mi` : `${(m / 1000).toFixed(2)} km`;
}

export function distanceIn(m: number, units: Units): number {
  return units === 'mi' ? m / M_PER_MI : m / 1000;
}

export function formatDuration(s: number): string {
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Time per km or mi; '–' when there is no distance or no moving time to divide. */
export function formatPace(distanceM: number, movingS: number, units: Units): string {
  if (!(distanceM > 0) || !(movingS > 0)) return '–';
  const per = movingS / distanceIn(distanceM, units);
  return `${formatDuration(per)} /${units}`;
}

/** Pace in minutes per km or mi, from a speed in m/s (undefined when standing). */
export function paceMinutesOf(speedMps: number, units: Units): number | undefined {
  if (!(speedMps > 0.5)) return undefined;
  return (units === 'mi' ? M_PER_MI : 1000) / speedMps / 60;
}

export const formatPercent = (fraction: number): string =>
  `${fraction >= 0 ? '+' : ''}${Math.round(fraction * 100)} %`;

export const ACTION_LABEL: Record<Action, string> = {
  walk: 'Walk',
  run: 'Run as planned',
  run_modified: 'Run, modified',
  cross_train: 'Cross-train',
  strength: 'Strength & mobility',
  rest: 'Rest',
  see_clinician: 'See a clinician',
};

/** What to do and for how long: 'Walk · 30 min', 'Rest'. */
export function actionWithMinutes(action: Action, minutes: number | null | undefined): string {
  const label = ACTION_LABEL[action];
  return typeof minutes === 'number' && minutes > 0 ? `${label} · ${minutes} min` : label;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  info: 'Info',
  caution: 'Caution',
  high: 'High',
  very_high: 'Very high',
  red_flag: 'Red flag',
};

// The one order of severities (most severe first), shared with the engine and the roster.
export { SEVERITY_RANK } from '../../shared/engine/severity-rank.ts';

export const SPIKE_LABEL: Record<SpikeBand, string> = {
  ok: '≤10 % ok',
  caution: '10–30 % caution',
  high: '30–100 % high',
  very_high: '>100 % very high',
};

/** 'Mon 3 Mar' for a LocalDate ('2026-03-03'), read as a calendar day (no time zone shift). */
export function formatDay(localDate: string, style: 'short' | 'long' = 'short'): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
  }).format(d);
}

/** 'Wed 24 Oct 2012' for a LocalDate: an activity's day, where the year matters. */
export function formatDate(localDate: string): string {
  return `${formatDay(localDate)} ${localDate.slice(0, 4)}`;
}

/**
 * 'Mon 30 Nov 2026, 14:05' for an instant (an ISO timestamp) in the viewer's time zone: when
 * something was written or when a link expires. `day` leaves the time out.
 */
export function formatMoment(iso: string | Date, part: 'day' | 'time' = 'time'): string {
  const d = new Date(iso);
  // The same words as a day's ('Wed 24 Oct 2012'): Intl puts a comma after the weekday with a year.
  const day = formatDate(localDateIn(d, Intl.DateTimeFormat().resolvedOptions().timeZone));
  if (part === 'day') return day;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(d);
  return `${day}, ${time}`;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** YYYY-MM-DD of `d` in `timeZone`. */
export function localDateIn(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
}

export function addDays(localDate: string, days: number): string {
  const t = Date.parse(`${localDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A calendar day as a Date at UTC midnight: the charts' time axis (tests pin TZ=UTC too). */
export const dayDate = (localDate: string): Date => new Date(`${localDate}T00:00:00Z`);
