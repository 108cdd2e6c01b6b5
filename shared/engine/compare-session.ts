// How a recorded session compared with the stage's prescription (science.md §6): a walk-run
// session is judged by its detected run bouts ("you ran 10 × 1:00 as planned", or "you ran
// 6 × 3:00 instead of 4 × 3:00"), a continuous stage by its running time. It describes; the
// progression rules (progression.ts) decide what the session means for the stage.
import type { Interval } from '../activity/activity.ts';
import type { StageDefinition } from './types.ts';

export interface SessionComparison {
  stage: number;
  prescribed: string;
  performed: string;
  asPlanned: boolean;
  message: string;
}

/** A bout's length is "as planned" within this many seconds (GPS speed and the 5–10 s smoothing). */
const BOUT_TOLERANCE_S = 10;
/** A continuous run is "as planned" within this fraction of the prescribed time. */
const CONTINUOUS_TOLERANCE = 0.1;

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function compareSession(
  session: { intervals: readonly Interval[]; movingS: number; running: boolean },
  stage: StageDefinition,
): SessionComparison {
  const base = { stage: stage.stage, prescribed: stage.text };
  if (stage.mode === 'walk') {
    return session.running
      ? {
          ...base,
          performed: 'a run',
          asPlanned: false,
          message: `You ran, but stage ${stage.stage} is walking only.`,
        }
      : {
          ...base,
          performed: `${Math.round(session.movingS / 60)} min walking`,
          asPlanned: true,
          message: 'You walked, as planned.',
        };
  }
  if (stage.mode === 'walk_run') {
    const work = session.intervals.filter((i) => i.kind === 'work').map((i) => i.durationS);
    if (work.length === 0) {
      const minutes = Math.round(session.movingS / 60);
      return {
        ...base,
        performed: `${minutes} min without walk breaks`,
        asPlanned: false,
        message: `No run/walk bouts were found: ${minutes} min without walk breaks instead of ${stage.text}.`,
      };
    }
    const typical = median(work);
    const performed = `${work.length} × ${clock(typical)}`;
    const planned = `${stage.repeats} × ${clock(stage.runMin * 60)}`;
    const asPlanned =
      work.length === stage.repeats && Math.abs(typical - stage.runMin * 60) <= BOUT_TOLERANCE_S;
    return {
      ...base,
      performed,
      asPlanned,
      message: asPlanned
        ? `You ran ${performed} as planned.`
        : `You ran ${performed} instead of ${planned}.`,
    };
  }
  const minutes = session.movingS / 60;
  const performed = `${Math.round(minutes)} min`;
  if (stage.mode === 'continuous') {
    const asPlanned = Math.abs(minutes - stage.runMin) <= stage.runMin * CONTINUOUS_TOLERANCE;
    return {
      ...base,
      performed,
      asPlanned,
      message: asPlanned
        ? `You ran ${performed} continuously, as planned.`
        : `You ran ${performed} instead of ${stage.runMin} min.`,
    };
  }
  // Stages 7–8: the volume rule is judged by the spike metric, not here.
  return {
    ...base,
    performed,
    asPlanned: true,
    message: `You ran ${performed}; ${stage.text.toLowerCase()}.`,
  };
}
