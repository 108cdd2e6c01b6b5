// Method, source and caveat of every metric, shown by the dashboard next to the number.
import type { MetricInfo } from './types.ts';

export const METRIC_INFO = {
  trimp: {
    method: 'Banister TRIMP per sample: Σ dt(min) × HRr × a·e^(b·HRr)',
    source: 'Banister 1991; constants Morton, Fitz-Clarke & Banister 1990, J Appl Physiol 69:1171',
    caveat: 'Needs HRmax and HRrest; unknown sex uses the male constants.',
  },
  rtss: {
    method: 'rTSS = 100 × hours × IF², IF = normalised graded speed / threshold speed',
    source: 'TrainingPeaks rTSS; grade cost Minetti et al. 2002, J Appl Physiol 93:1039',
    caveat:
      'Depends on a threshold pace kept up to date; without samples the average speed is used.',
  },
  srpe: {
    method: 'Session-RPE load = RPE (CR-10) × minutes',
    source: 'Foster 1998, Med Sci Sports Exerc 30:1164',
    caveat:
      'Only as good as the RPE logged; sessions without RPE count at the default RPE in the total load.',
  },
  spike: {
    method: 'distance(run) / longest single run of the previous 30 days − 1',
    source: 'Frandsen et al. 2025, BJSM 59:1203, doi:10.1136/bjsports-2024-109380',
    caveat:
      'Association in 5,205 runners, not a guarantee; hazard ratios 1.64 / 1.52 / 2.28 vs ≤10 %.',
  },
  spikeVsStage: {
    method: 'moving time / the stage prescription − 1 (no run in the previous 30 days)',
    source: 'science.md §2: no reference, so the stage prescription stands in',
    caveat: 'A substitute reference: the bands were found for distance against past runs.',
  },
  weeklyChange: {
    method: "this 7 days' running distance / the previous 7 days' − 1",
    source: 'Nielsen et al. 2014, JOSPT 44:739 (HR 1.59, CI 0.96–2.66)',
    caveat:
      'The "10 % rule" showed no benefit in an RCT (Buist 2008, AJSM 36:33): a guide, not a law.',
  },
  acwrRolling: {
    method:
      'acute = last 7 days; chronic = mean weekly load of days t−27…t (coupled) or t−27…t−7 (uncoupled)',
    source: 'Gabbett 2016, BJSM 50:273; c = 4r/(r+3)',
    caveat:
      'Descriptive only. Bands come from team sports (coupled form); criticised by Lolli 2019 and Impellizzeri 2020; in runners Frandsen 2025 found a negative dose-response. Never the sole reason for a red flag.',
  },
  acwrEwma: {
    method: 'EWMA_t = λ·L_t + (1−λ)·EWMA_{t−1}, λ = 2/(N+1), N = 7 and 28, starting at 0',
    source: 'Williams et al. 2017, BJSM 51:209',
    caveat:
      'Same caveats as the rolling ACWR; no ratio before 28 days of history or when chronic = 0.',
  },
  fitness: {
    method:
      'CTL_t = CTL_{t−1} + (L_t − CTL_{t−1})/42; ATL with 7; form = CTL − ATL of the day before',
    source:
      'Banister impulse-response, TrainingPeaks convention (time constants, not λ = 1−e^(−1/N))',
    caveat: 'A model of training load, not of hip health; depends on the starting values.',
  },
  monotony: {
    method:
      'monotony = mean / SD (population) of the last 7 daily loads incl. zeros; strain = weekly load × monotony',
    source: 'Foster 1998, Med Sci Sports Exerc 30:1164',
    caveat: 'Monotony > 2 is a common heuristic, not a validated cut-off.',
  },
  stageBeyond: {
    method:
      "moving time / the stage's prescribed session time − 1 (stages 1–6); any run at a walking stage is very high",
    source:
      'science.md §4 "A run beyond the stage": the single-run spike bands of Frandsen 2025, measured against the prescription',
    caveat:
      'A walk-run is judged by its total time: a continuous run as long as the walk-run session is not caught.',
  },
  pain: {
    method:
      'Zones 0–2 green, 3–5 amber, ≥6 red; the next morning back to the own baseline; pain this morning or at rest decides today',
    source: 'Silbernagel et al. 2007, AJSM 35:897, hip-cautious variant (amber = do not progress)',
    caveat:
      'Baseline = median of the first 3 mornings, then of the mornings after a day without a run (last 28 days); self-reported scores.',
  },
  painTrend: {
    method:
      "each moment's 7-day mean (morning, session, at rest; scored days only, ≥ 3 a week) vs the week before; rising at +1.5 points or more",
    source:
      'science.md §3 "Week over week"; minimal clinically important difference of a pain score about 2 points (Farrar et al. 2001, Pain 94:149)',
    caveat: 'A caution that holds the stage, never a reason to stop on its own.',
  },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRIC_INFO;
