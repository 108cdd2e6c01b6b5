// Compliance with the plan over the last 7 days, coloured the way TrainingPeaks colours a
// workout's compliance: green when the time done is within ±20 % of the time planned, amber within
// ±50 %, red beyond that or when nothing was done. Hipcheck's plan is a stage (so many sessions of
// so many minutes a week), not one workout a day: the week's planned time is each day's share of
// its stage's week (perWeek × totalMin ÷ 7), summed over the 7 days.
import type { StageDefinition } from '../engine/types.ts';

export type ComplianceColour = 'green' | 'amber' | 'red';

export interface ComplianceDay {
  stage: number;
  runCount: number;
  runMovingS: number;
}

export interface Compliance {
  sessionsDone: number;
  sessionsPlanned: number;
  minutesDone: number;
  minutesPlanned: number;
  /** minutesDone ÷ minutesPlanned. */
  ratio: number;
  colour: ComplianceColour;
}

export const COMPLIANCE_GREEN = 0.2;
export const COMPLIANCE_AMBER = 0.5;

export function colourOfCompliance(ratio: number): ComplianceColour {
  const off = Math.abs(ratio - 1);
  if (ratio > 0 && off <= COMPLIANCE_GREEN + 1e-9) return 'green';
  if (ratio > 0 && off <= COMPLIANCE_AMBER + 1e-9) return 'amber';
  return 'red';
}

/** Undefined without days, or when the days' stages plan no time at all. */
export function computeCompliance(
  days: readonly ComplianceDay[],
  plan: readonly StageDefinition[],
): Compliance | undefined {
  if (days.length === 0) return undefined;
  let minutesPlanned = 0;
  let sessionsPlanned = 0;
  let sessionsDone = 0;
  let secondsDone = 0;
  for (const d of days) {
    const stage = plan.find((s) => s.stage === d.stage);
    if (stage) {
      minutesPlanned += (stage.perWeek * stage.totalMin) / 7;
      sessionsPlanned += stage.perWeek / 7;
    }
    sessionsDone += d.runCount;
    secondsDone += d.runMovingS;
  }
  if (minutesPlanned <= 0) return undefined;
  const minutesDone = secondsDone / 60;
  const ratio = minutesDone / minutesPlanned;
  return {
    sessionsDone,
    sessionsPlanned: Math.round(sessionsPlanned),
    minutesDone: Math.round(minutesDone),
    minutesPlanned: Math.round(minutesPlanned),
    ratio: Math.round(ratio * 100) / 100,
    colour: colourOfCompliance(ratio),
  };
}
