// The one time axis every chart of an athlete page shares: the same x domain, so that a spike, a
// pain score and a stage change line up vertically.
import { addDays, dayDate } from '../format.ts';

export interface TimeWindow {
  /** First local day shown. */
  from: string;
  /** Last local day shown (today, or the last run when all history is older). */
  to: string;
}

export const WINDOW_WEEKS = [4, 12, 26, 52] as const;

/** `weeks` weeks ending on `today`, or on `lastRunDay` when every run is older than that. */
export function timeWindowOf(today: string, weeks: number, lastRunDay?: string): TimeWindow {
  const from = addDays(today, -weeks * 7 + 1);
  const to = lastRunDay !== undefined && lastRunDay < from ? lastRunDay : today;
  return { from: addDays(to, -weeks * 7 + 1), to };
}

/** Plot's x scale options for the window (days are UTC midnights; the last day is included). */
export function timeAxis(win: TimeWindow, label: string | null = null) {
  return {
    type: 'utc' as const,
    domain: [dayDate(win.from), dayDate(addDays(win.to, 1))],
    label,
  };
}

export const inWindow = (day: string, win: TimeWindow): boolean => day >= win.from && day <= win.to;

export interface ChartSize {
  width: number;
}

/** Colours of the bands; every chart pairs them with a symbol or a word (colour is never alone). */
export const BAND_COLOURS = {
  ok: '#2e7d32',
  caution: '#b26a00',
  high: '#d84315',
  very_high: '#8e0000',
} as const;

export const ZONE_COLOURS = { green: '#e3f1e4', amber: '#fdf0d5', red: '#fbe0dc' } as const;
