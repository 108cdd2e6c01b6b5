// Form (TSB: CTL − ATL of the day before) read against the zones runners know from intervals.icu's
// fitness chart: high risk below −30, optimal −30 to −10, grey zone −10 to +5, fresh +5 to +25,
// transition above +25. They were drawn for TSS-like loads; Hipcheck's load is session-RPE by
// default, so the chart says they are a rough guide.
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

export const FORM_ZONES_SOURCE =
  'Form zones as intervals.icu’s fitness chart draws them: transition above +25, fresh +5 to ' +
  '+25, grey zone −10 to +5, optimal −30 to −10, high risk below −30. They were made for ' +
  'power-based training load; here the load is session-RPE, so read them as a rough guide.';
