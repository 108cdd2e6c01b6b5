// The engine's public surface: import from here ('#shared/engine/index').
export { runEngine } from './run-engine.ts';
export type {
  DailyMetricsRow,
  Hold,
  EngineCarry,
  EngineInput,
  EngineOutput,
  PainSummary,
  ProgressionSummary,
  TodayDecision,
} from './engine-types.ts';
export type * from './types.ts';
export {
  SEVERITY_RANK,
  compareSeverity,
  isSeverity,
  sortBySeverity,
  worstSeverity,
} from './severity-rank.ts';
export { DEFAULT_THRESHOLDS, lookbackDaysOf, resolveThresholds } from './thresholds.ts';
export { METRIC_INFO, type MetricName } from './metric-info.ts';
export { DEFAULT_PLAN } from './default-plan.ts';
export { validatePlan } from './validate-plan.ts';
export {
  evaluateSession,
  stepProgression,
  type SessionEvaluation,
  type SessionOutcome,
} from './progression.ts';
export { computeTrimp, trimpConstantsOf, type TrimpResult } from './compute-trimp.ts';
export { computeRtss, runningCostOf, thresholdSpeedOf, type RtssResult } from './compute-rtss.ts';
export { computeSrpe, isRpe } from './compute-srpe.ts';
export { engineRunOf } from './engine-run-of.ts';
export { computeDailySeries, type DailyLoad, type DatedRun } from './compute-daily-series.ts';
export {
  computeSpike,
  computeSpikeVsStage,
  spikeBandOf,
  type SpikeBand,
  type SpikeResult,
} from './compute-spike.ts';
export { computeWeeklyChange, type WeeklyChangeResult } from './compute-weekly-change.ts';
export {
  computeAcwrEwma,
  computeAcwrRolling,
  ewmaLambdaOf,
  ewmaStep,
  type AcwrEwmaResult,
  type AcwrRollingResult,
} from './compute-acwr.ts';
export { computeFitness, type FitnessResult } from './compute-fitness.ts';
export { computeMonotony, type MonotonyResult } from './compute-monotony.ts';
export { painZoneOf, type PainZone } from './pain-model.ts';
export { baselineOf, isAtBaseline, type Baseline } from './morning-baseline.ts';
export { computePainTrend, type PainTrendResult } from './pain-trend.ts';
export { surgeryStatusOn, type SurgeryHold } from './surgery-hold.ts';
export {
  proposeStage,
  pickStartStage,
  type OnboardingAnswers,
  type StageChoice,
} from './pick-start-stage.ts';
export { morningScoreOf, todayPainOf } from './morning-pain.ts';
export { RED_FLAGS, redFlagsReportedOn } from './detect-red-flags.ts';
export { speak, speakAll, nameOfEmail, RUNNER_VOICE, type Voice } from './voice.ts';
export { mergeCheckIns } from './merge-check-ins.ts';
export { recommendToday, type Recommendation } from './recommend-today.ts';
export { recommendWeek, type PlanDay } from './recommend-week.ts';
export { compareSession, type SessionComparison } from './compare-session.ts';
export { checkOneVariable, type PlanWarning } from './check-one-variable.ts';
