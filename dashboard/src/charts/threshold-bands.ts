// The spike bands and pain zones as the athlete's own thresholds set them (GET /api/progression
// answers every threshold in force), in words for the charts' legends and tips.
import type { Thresholds } from '../api.ts';

export type SpikeThresholds = Pick<Thresholds, 'spikeCaution' | 'spikeHigh' | 'spikeVeryHigh'>;
export type PainThresholds = Pick<Thresholds, 'painGreenMax' | 'painAmberMax'>;

const percent = (fraction: number): string => `${Math.round(fraction * 100)} %`;

/** "≤10 % ok (green), 10–30 % caution (amber), 30–100 % high (red); above is very high". */
export function spikeBandsText(t: SpikeThresholds): string {
  const [c, h, v] = [percent(t.spikeCaution), percent(t.spikeHigh), percent(t.spikeVeryHigh)];
  const range = (a: string, b: string) => `${a.replace(' %', '')}–${b}`;
  return `≤${c} ok (green), ${range(c, h)} caution (amber), ${range(h, v)} high (red); above is very high`;
}

/** A 0–10 score's zone: green up to painGreenMax, amber up to painAmberMax, red above. */
export function painZoneOf(score: number, t: PainThresholds): 'green' | 'amber' | 'red' {
  return score <= t.painGreenMax ? 'green' : score <= t.painAmberMax ? 'amber' : 'red';
}

/** Each zone's whole scores, as the chart labels them: "0–2", "3–5", "≥6" by default. */
export function painZoneLabels(t: PainThresholds): Record<'green' | 'amber' | 'red', string> {
  const greenTop = Math.floor(t.painGreenMax);
  const amberTop = Math.floor(t.painAmberMax);
  const span = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);
  return {
    green: span(0, greenTop),
    amber: span(greenTop + 1, amberTop),
    red: `≥${amberTop + 1}`,
  };
}
