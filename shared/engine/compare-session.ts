// How a recorded session compared with the stage's prescription (science.md §6), for the activity
// page. A running stage is judged by the session's shape with the same rule the progression uses
// (judge-session.ts), so the page and the decision card say the same thing about one session:
// "Partly done: 7 of 10 run intervals, then walked." Pain does not enter here; the progression adds
// it the morning after.
import type { Interval, Lap } from '../activity/activity.ts';
import { judgeSession, type SessionVerdict } from './judge-session.ts';
import { sessionShapesOf, type ShapeBout } from './session-shape.ts';
import type { StageDefinition, Thresholds } from './types.ts';

export interface SessionComparison {
  stage: number;
  prescribed: string;
  performed: string;
  asPlanned: boolean;
  /** At a running stage: completed by its shape, or partly done (with `reason`). */
  completion: SessionVerdict['completion'] | null;
  reason: string | null;
  /** Strides and longer fast bouts found in the session. */
  strides: number;
  fastBouts: number;
  /** Climbs run as hill repeats. */
  hillRepeats: number;
  message: string;
}

export function compareSession(
  session: {
    intervals: readonly Interval[];
    laps?: readonly Lap[];
    movingS: number;
    distanceM?: number;
    running: boolean;
    /** Strides and hill repeats found in the stream (detect-strides.ts, detect-hill-repeats.ts). */
    strides?: readonly ShapeBout[];
    hillRepeats?: number;
  },
  stage: StageDefinition,
  t: Pick<Thresholds, 'boutTolerance' | 'stopMaxS' | 'completionFraction' | 'spikeCaution'>,
): SessionComparison {
  const base = {
    stage: stage.stage,
    prescribed: stage.text,
    strides: 0,
    fastBouts: 0,
    hillRepeats: 0,
  };
  if (stage.mode === 'walk') {
    return session.running
      ? {
          ...base,
          performed: 'a run',
          asPlanned: false,
          completion: null,
          reason: null,
          message: `A run, but stage ${stage.stage} prescribes walking only (${stage.text}).`,
        }
      : {
          ...base,
          performed: `${Math.round(session.movingS / 60)} min walking`,
          asPlanned: true,
          completion: null,
          reason: null,
          message: `Walked, as stage ${stage.stage} prescribes (${stage.text}).`,
        };
  }
  if (!session.running)
    return {
      ...base,
      performed: 'no run',
      asPlanned: false,
      completion: null,
      reason: null,
      message: `Not a run: stage ${stage.stage} prescribes ${stage.text}.`,
    };
  const shapes = sessionShapesOf({
    intervals: session.intervals,
    laps: session.laps ?? [],
    movingS: session.movingS,
    distanceM: session.distanceM ?? 0,
    strides: session.strides ?? [],
    hillRepeats: session.hillRepeats ?? 0,
  });
  const v = judgeSession(shapes, stage, t) as SessionVerdict;
  // A continuous run longer than the stage's session beyond the spike's first band: said, and
  // flagged apart. A walk-run's extra running is in its shape (ran through the walks).
  const over = session.movingS / (stage.totalMin * 60) - 1;
  const longer =
    stage.mode === 'continuous' && over > t.spikeCaution + 1e-9
      ? ` It was ${Math.round(over * 100)} % longer than the stage's ${stage.totalMin} min.`
      : '';
  const message =
    v.completion === 'completed'
      ? `Done as prescribed: ${v.performed} (stage ${stage.stage}: ${stage.text}).${longer}`
      : `Partly done: ${v.reason}. It does not count toward the next stage.${longer}`;
  return {
    ...base,
    strides: v.strides,
    fastBouts: v.fastBouts,
    hillRepeats: v.hillRepeats,
    performed: v.performed,
    asPlanned: v.completion === 'completed',
    completion: v.completion,
    reason: v.reason,
    message,
  };
}
