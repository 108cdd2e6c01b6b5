// What to do and for how long (science.md §4–§5), shared by today's advice and the week's plan.
// Every prescription starts with the session and its minutes ("Run 20 min easy, flat…").
import type { Action, StageDefinition } from './types.ts';

export interface Session {
  prescription: string;
  /** The session's minutes; null for rest and for seeing a clinician. */
  minutes: number | null;
}

/** The runner's recent runs, for the stages whose session is measured against them (7–8). */
export interface RunHistory {
  /** The longest run of the 30 days before, in moving minutes. */
  longestRunMin30d: number | null;
  /** The median run of the 30 days before, in moving minutes. */
  typicalRunMin30d: number | null;
}

export type FillerKind = 'cross_train' | 'strength' | 'mobility' | 'rest';

/** The filler days as `${head}: ${body}`, so a condition can follow the head. */
const FILLERS: Record<
  Exclude<FillerKind, 'rest'>,
  { head: (surgery: boolean) => string; body: (surgery: boolean) => string; minutes: number }
> = {
  cross_train: {
    head: (surgery) => (surgery ? 'Cycle 30 min' : 'Cross-train 40 min'),
    body: (surgery) =>
      surgery
        ? 'easy, upright bike with a high saddle (hip under 90° of flexion).'
        : 'upright bike with a high saddle (hip under 90° of flexion), swimming without breaststroke kick, or pool running.',
    minutes: 40,
  },
  strength: {
    head: (surgery) => (surgery ? 'Rehab 40 min' : 'Strength & mobility 40 min'),
    body: (surgery) =>
      surgery
        ? 'the exercises from {your} physiotherapist, pain-free.'
        : 'hip strength (bridges, side-lying and band work, step-downs), core, balance and hip drills; no deep hip flexion.',
    minutes: 40,
  },
  mobility: {
    head: () => 'Mobility & pilates 30 min',
    body: () => 'gentle mobility, pelvic control and core stability; no deep hip flexion.',
    minutes: 30,
  },
};

export const REST_TEXT = 'Rest: no training today; light stretching if it feels good.';
export const CLINICIAN_TEXT =
  'See a clinician about {your} hip before running again; until then gentle, pain-free movement only.';

const REST: Session = Object.freeze({ prescription: REST_TEXT, minutes: null });
const fillers = new Map<string, Session>();

/** A day without running. `clinician`: a red flag stands, so the session waits for a clinician. */
export function fillerSessionOf(
  kind: FillerKind,
  opts: { surgery?: boolean; clinician?: boolean } = {},
): Session {
  if (kind === 'rest') return REST;
  const key = `${kind}|${opts.surgery === true}|${opts.clinician === true}`;
  let session = fillers.get(key);
  if (!session) fillers.set(key, (session = Object.freeze(buildFiller(kind, opts))));
  return session;
}

function buildFiller(
  kind: Exclude<FillerKind, 'rest'>,
  opts: { surgery?: boolean; clinician?: boolean },
): Session {
  const f = FILLERS[kind];
  const surgery = opts.surgery === true;
  const minutes = kind === 'cross_train' && surgery ? 30 : f.minutes;
  const condition = opts.clinician ? ', only once a clinician has seen {your} hip' : '';
  return { prescription: `${f.head(surgery)}${condition}: ${f.body(surgery)}`, minutes };
}

export const clinicianSession: Session = { prescription: CLINICIAN_TEXT, minutes: null };

const walkRunText = (s: StageDefinition, surface: string, intensity: string): string =>
  `Walk-run ${s.totalMin} min: ${s.repeats} × (run ${s.runMin} min / walk ${s.walkMin} min), ${surface}, ${intensity}.`;

const stageSessions = new WeakMap<StageDefinition, Map<string, Session>>();

/**
 * The stage's own session, built once per stage and minutes (sessions are data; stages 7–8 vary
 * with the runner's last 30 days, in whole minutes).
 */
export function stageSessionOf(stage: StageDefinition, history: RunHistory): Session {
  let byKey = stageSessions.get(stage);
  if (!byKey) stageSessions.set(stage, (byKey = new Map()));
  // The longest run grows by at most 10 % over the longest of the last 30 days (science.md §4).
  const cap = history.longestRunMin30d !== null ? Math.floor(history.longestRunMin30d * 1.1) : null;
  const typical = Math.max(stage.totalMin, Math.round(history.typicalRunMin30d ?? 0));
  const key =
    stage.mode === 'build_volume'
      ? `${typical}|${cap ?? ''}`
      : stage.mode === 'intensity'
        ? `${typical}`
        : '';
  let session = byKey.get(key);
  if (!session) byKey.set(key, (session = Object.freeze(buildStageSession(stage, typical, cap))));
  return session;
}

function buildStageSession(stage: StageDefinition, typical: number, cap: number | null): Session {
  switch (stage.mode) {
    case 'walk':
      return {
        prescription: `Walk ${stage.totalMin} min ${stage.intensity}, on ${stage.surface}.`,
        minutes: stage.totalMin,
      };
    case 'walk_run':
      return {
        prescription: walkRunText(stage, stage.surface, stage.intensity),
        minutes: stage.totalMin,
      };
    case 'continuous':
      return {
        prescription: `Run ${stage.totalMin} min ${stage.intensity}, ${stage.surface}.`,
        minutes: stage.totalMin,
      };
    case 'build_volume': {
      const capped = cap !== null && cap >= stage.totalMin;
      const minutes = capped ? Math.min(typical, cap) : typical;
      const limit = capped
        ? `; the longest run of the week at most ${cap} min (10 % over {your} longest this month)`
        : '';
      return {
        prescription: `Run ${minutes} min ${stage.intensity}, ${stage.surface}${limit}.`,
        minutes,
      };
    }
    case 'intensity':
      return {
        prescription: `Run ${typical} min easy with 6 × 20 s strides; later short intervals, then hills, one change at a time (${stage.surface}).`,
        minutes: typical,
      };
  }
}

/**
 * "Run modified" (science.md §5): shorter, flat or treadmill, easy, no intervals — the session of
 * the stage below. Stage 1 keeps its shape with fewer repeats; stage 0 becomes a shorter walk.
 */
export function modifiedSessionOf(
  plan: readonly StageDefinition[],
  stage: StageDefinition,
): Session {
  if (stage.mode === 'walk') {
    const minutes = Math.round(stage.totalMin * (2 / 3));
    return { prescription: `Walk ${minutes} min, easy, on flat ground.`, minutes };
  }
  const below = plan[stage.stage - 1];
  if (!below || below.mode === 'walk') {
    const repeats = Math.max(1, Math.floor(stage.repeats * 0.6));
    const shorter = { ...stage, repeats, totalMin: repeats * (stage.runMin + stage.walkMin) };
    return {
      prescription: walkRunText(shorter, 'flat or treadmill', 'easy'),
      minutes: shorter.totalMin,
    };
  }
  if (below.mode === 'walk_run')
    return {
      prescription: walkRunText(below, 'flat or treadmill', 'easy'),
      minutes: below.totalMin,
    };
  const minutes = Math.min(below.totalMin, 30);
  return {
    prescription: `Run ${minutes} min easy, flat or treadmill, no strides or intervals.`,
    minutes,
  };
}

/** The card's headline: the action, and the minutes when there are some. */
export function summaryOf(action: Action, stage: StageDefinition, session: Session): string {
  const head = {
    run: stage.mode === 'walk_run' ? 'Walk-run as planned' : 'Run as planned',
    run_modified: stage.mode === 'walk_run' ? 'Walk-run, modified' : 'Run, modified',
    walk:
      session.minutes !== null && session.minutes < stage.totalMin
        ? 'Walk, shorter'
        : 'Walk as planned',
    cross_train: 'Cross-train today',
    strength: session.prescription.startsWith('Mobility')
      ? 'Mobility & pilates today'
      : 'Strength & mobility today',
    rest: 'Rest today',
    see_clinician: 'See a clinician before running again',
  }[action];
  return session.minutes !== null ? `${head}: ${session.minutes} min` : head;
}
