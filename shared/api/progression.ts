// The progression (GET/PUT /api/progression): the plan, the stage the athlete starts from, the
// athlete's own thresholds (the charts draw their bands and zones from them), and how the stage
// changed; where a runner starts (POST /api/onboarding) and a clinician's clearances.
import type { PlanWarning } from '../engine/check-one-variable.ts';
import type { StageDefinition, Thresholds } from '../engine/types.ts';

export type { StageDefinition, Thresholds };

export interface Progression {
  startStage: number;
  plan: StageDefinition[];
  customPlan: boolean;
  /** Every threshold in force for this athlete: the defaults with their overrides merged in. */
  thresholds: Thresholds;
  /** True once the runner answered the starting questions, chose a stage, or a coach set one. */
  stageChosen?: boolean;
  /** A starting stage read from the last 4 weeks, while the runner has not chosen one. */
  proposedStage?: { stage: number; reason: string } | null;
  surgeryDate?: string | null;
  manualStages?: Array<{ date: string; stage: number; by: string; note: string | null }>;
  history?: Array<{ date: string; fromStage: number; toStage: number; kind: string; by: string }>;
  /** Steps of the plan that change more than one of time, distance, pace and terrain (a warning). */
  planWarnings?: PlanWarning[];
}

/** POST /api/progression/stage: the stage set by hand from a day, by the runner or a coach. */
export interface StageSet {
  date: string;
  stage: number;
  by: string;
  note: string | null;
}

/** PUT /api/progression: any of these; thresholds are overrides, merged into the stored ones. */
export interface ProgressionChange {
  startStage?: number;
  thresholds?: Partial<Record<keyof Thresholds, number | string>>;
  plan?: StageDefinition[] | null;
  surgeryDate?: string | null;
}

export type Situation = 'after_surgery' | 'after_break' | 'symptoms_now' | 'running_well';

export interface OnboardingInput {
  situation: Situation;
  surgeryDate?: string;
  lastRunDate?: string;
  typicalRunMin?: number;
  typicalRunKm?: number;
  runsPerWeek?: number;
  painDuringRun?: number;
  /** Already runs strides, intervals or hills now. */
  intensityNow?: boolean;
}

export interface OnboardingResult {
  stage: number;
  reason: string;
  stageChosen: true;
}

export interface ClearanceInput {
  date: string;
  stage?: number;
  note?: string;
}

export interface Clearance {
  id: string;
  date: string;
  stage: number | null;
  note: string | null;
  by: 'runner' | 'coach';
  createdAt: string;
}
