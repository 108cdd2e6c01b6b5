// Form (TSB: CTL − ATL of the day before) read against the zones runners know from intervals.icu's
// fitness chart: high risk below −30, optimal −30 to −10, grey zone −10 to +5, fresh +5 to +25,
// transition above +25. They were drawn for power-based load (TSS), so they are drawn only where the
// load is on a like scale (rTSS, TRIMP); on session-RPE or minutes, form runs on another scale and
// the zones would name ordinary weeks "high risk".
import type { Thresholds } from '../api.ts';

export type LoadBasis = Thresholds['loadMeasure'];

export type FormZone = 'high_risk' | 'optimal' | 'grey' | 'fresh' | 'transition';

export interface FormZoneBand {
  zone: FormZone;
  label: string;
  /** Lower bound (−Infinity for the lowest zone). */
  from: number;
  /** Upper bound, exclusive (Infinity for the highest zone). */
  to: number;
  colour: string;
}

export const FORM_ZONES: readonly FormZoneBand[] = [
  { zone: 'high_risk', label: 'High risk', from: -Infinity, to: -30, colour: '#f4c7c3' },
  { zone: 'optimal', label: 'Optimal', from: -30, to: -10, colour: '#cfe8d0' },
  { zone: 'grey', label: 'Grey zone', from: -10, to: 5, colour: '#e4e6e8' },
  { zone: 'fresh', label: 'Fresh', from: 5, to: 25, colour: '#d3e4f7' },
  { zone: 'transition', label: 'Transition', from: 25, to: Infinity, colour: '#fbeeb8' },
];

export function formZoneOf(form: number): FormZoneBand {
  const band = FORM_ZONES.find((z) => form >= z.from && form < z.to);
  return band ?? (FORM_ZONES[0] as FormZoneBand);
}

/** The load the daily metrics' CTL, ATL and form were built from, in words and in its unit. */
const BASES: Record<LoadBasis, { name: string; unit: string }> = {
  srpe: { name: 'session-RPE (RPE × minutes)', unit: 'AU' },
  trimp: { name: 'TRIMP', unit: 'TRIMP' },
  rtss: { name: 'rTSS', unit: 'rTSS' },
  minutes: { name: 'minutes', unit: 'min' },
};

export const loadUnitOf = (basis: LoadBasis): string => BASES[basis].unit;

/** Whether form can be read against the zones: only on a load built like TSS. */
export const formZonesApply = (basis: LoadBasis): boolean => basis === 'rtss' || basis === 'trimp';

/** The caption under the form panel: where the zones come from, or why there are none. */
export function formZonesCaption(basis: LoadBasis): string {
  const { name } = BASES[basis];
  return formZonesApply(basis)
    ? 'Form zones as intervals.icu’s fitness chart draws them: transition above +25, fresh +5 ' +
        'to +25, grey zone −10 to +5, optimal −30 to −10, high risk below −30. They were made ' +
        `for power-based training load; here the load is ${name}, so read them as a rough guide.`
    : `No form zones: intervals.icu made them for power-based load; on ${name} load they would ` +
        'call ordinary weeks “high risk”.';
}
