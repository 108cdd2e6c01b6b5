// The seeds disagree on heavy lifts; science.md §7 settles it by stage and symptoms. Cases worked
// from that text: stages 0–3 never, stage 4+ only once pain has been green for 14 days.
import { describe, expect, it } from 'vitest';
import {
  computeAdherence,
  heavyHipFlexionOf,
  nextStrengthSessionOf,
  recommendProgramme,
  replayProgression,
  type ProgrammeSession,
  type SessionKey,
} from '#shared/rehab/index';

const today = '2026-11-26';
const session = (list: ProgrammeSession[], key: SessionKey): ProgrammeSession => {
  const s = list.find((x) => x.key === key);
  if (!s) throw new Error(key);
  return s;
};
const ids = (s: ProgrammeSession): string[] => s.exercises.map((e) => e.exerciseId);

describe('heavyHipFlexionOf()', () => {
  it.each([
    [3, null, false],
    [0, null, false],
    [4, null, true],
    [8, { date: '2026-11-25', pain: 4 }, false],
    [4, { date: '2026-11-13', pain: 3 }, false], // 13 days green
    [4, { date: '2026-11-12', pain: 3 }, true], // 14 days green
  ])('stage %i, last pain above green %j → allowed %s', (stage, last, allowed) => {
    expect(heavyHipFlexionOf({ stage, today, lastPainAboveGreen: last }).allowed).toBe(allowed);
  });

  it('names the stage or the days of green pain it waits for', () => {
    expect(heavyHipFlexionOf({ stage: 2, today, lastPainAboveGreen: null }).reason).toContain(
      '{your} stage is 2',
    );
    expect(
      heavyHipFlexionOf({ stage: 5, today, lastPainAboveGreen: { date: '2026-11-21', pain: 4 } })
        .reason,
    ).toContain('4/10, 5 days ago');
  });
});

describe('recommendProgramme()', () => {
  const none = replayProgression([]);

  it('plans a warm-up, two strength sessions and a mobility/pilates day', () => {
    const p = recommendProgramme({
      stage: 2,
      heavy: heavyHipFlexionOf({ stage: 2, today, lastPainAboveGreen: null }),
      replay: none,
    });
    expect(p.map((s) => s.key)).toEqual(['warm_up', 'strength_a', 'strength_b', 'mobility']);
    expect(session(p, 'warm_up').when).toMatch(/after it once 5–10 minutes of walking/);
    expect(session(p, 'warm_up').text).toBe(
      'Hip warm-up: half-kneeling hip rock 2×5 each side, front-to-back leg swing 2×5 each side, side-to-side leg swing 2×5 each side, lunge with overhead reach 2×5 each side, standing march 2×5 each side',
    );
  });

  it('keeps heavy lifts out at stage 2 and says why', () => {
    const p = recommendProgramme({
      stage: 2,
      heavy: heavyHipFlexionOf({ stage: 2, today, lastPainAboveGreen: null }),
      replay: none,
    });
    const b = session(p, 'strength_b');
    expect(ids(b)).toEqual([
      'single-leg-bridge',
      'hip-hike',
      'three-way-step-down',
      'side-plank',
      'bird-dog',
    ]);
    expect(b.notes.join(' ')).toContain('Heavy lifts wait for stage 4');
    expect(ids(session(p, 'strength_a'))).not.toContain('box-squat');
  });

  it('names the heavy session at stage 5 with green pain: "Strength B: trap-bar deadlift 3×5, …"', () => {
    const p = recommendProgramme({
      stage: 5,
      heavy: heavyHipFlexionOf({ stage: 5, today, lastPainAboveGreen: null }),
      replay: none,
    });
    expect(session(p, 'strength_b').text).toBe(
      'Strength B: trap-bar deadlift 3×5, rear-foot-elevated split squat 3×6 each side, three-way step-down 2×6 each side, side plank 3×15 s each side, bird dog 3×6 each side',
    );
    expect(session(p, 'strength_b').exercises[0]).toMatchObject({
      loadKg: 30,
      doseText: '3×5 at 30 kg',
      restS: 120,
    });
    expect(ids(session(p, 'strength_a'))[0]).toBe('box-squat');
  });

  it('takes heavy lifts back out at stage 5 while pain was amber a week ago', () => {
    const p = recommendProgramme({
      stage: 5,
      heavy: heavyHipFlexionOf({
        stage: 5,
        today,
        lastPainAboveGreen: { date: '2026-11-19', pain: 4 },
      }),
      replay: none,
    });
    expect(ids(session(p, 'strength_b'))[0]).toBe('single-leg-bridge');
    expect(ids(session(p, 'strength_a'))[0]).toBe('bridge');
  });

  it('prescribes the replayed dose, brought down to level II of hip-flexor capacity when heavy flexion is out', () => {
    const replay = replayProgression([]);
    replay.doses.set('hip-flexor-capacity', {
      exerciseId: 'hip-flexor-capacity',
      level: 3,
      sets: 3,
      reps: 10,
      loadKg: 2,
    });
    const out = recommendProgramme({
      stage: 3,
      heavy: heavyHipFlexionOf({ stage: 3, today, lastPainAboveGreen: null }),
      replay,
    });
    const hf = session(out, 'strength_a').exercises.find(
      (e) => e.exerciseId === 'hip-flexor-capacity',
    );
    expect(hf).toMatchObject({ level: 2, reps: 8 });
    expect(hf?.loadKg).toBeUndefined();
  });

  it('applies a coach’s swap where the stage allows it, and says so where it does not', () => {
    const heavy = heavyHipFlexionOf({ stage: 0, today, lastPainAboveGreen: null });
    const p = recommendProgramme({
      stage: 0,
      heavy,
      replay: none,
      adjustments: {
        swaps: new Map([
          ['clamshell', 'hip-hike'],
          ['bridge', 'box-squat'],
        ]),
        levelHolds: new Set(),
      },
    });
    const a = session(p, 'strength_a');
    expect(a.exercises.find((e) => e.exerciseId === 'hip-hike')?.swappedFor).toBe('clamshell');
    expect(ids(a)).toContain('bridge');
    expect(a.notes.join(' ')).toContain(
      'Box squat stays out for now (stage 0, no heavy hip flexion)',
    );
  });
});

describe('replayProgression()', () => {
  it('replays sessions in date order: 10 → 11 → 12, held at 12 by pain 4, then 13', () => {
    const log = (date: string, reps: number, pain: number) => ({
      date,
      rpe: 6,
      pain,
      exercises: [{ id: 'bridge', sets: 3, reps }],
    });
    const r = replayProgression([
      log('2026-11-09', 12, 0),
      log('2026-11-02', 10, 0),
      log('2026-11-05', 11, 1),
      log('2026-11-12', 12, 4),
    ]);
    expect(r.steps.map((s) => [s.date, s.outcome, s.next.reps])).toEqual([
      ['2026-11-02', 'step_up', 11],
      ['2026-11-05', 'step_up', 12],
      ['2026-11-09', 'step_up', 13],
      ['2026-11-12', 'hold', 13],
    ]);
    expect(r.doses.get('bridge')?.reps).toBe(13);
  });
});

describe('nextStrengthSessionOf() and computeAdherence()', () => {
  it('alternates A and B, starting with A', () => {
    expect(nextStrengthSessionOf([])).toBe('strength_a');
    expect(
      nextStrengthSessionOf([
        { date: '2026-11-23', sessionKey: 'strength_a' },
        { date: '2026-11-25', sessionKey: 'strength_b' },
        { date: '2026-11-24', sessionKey: 'mobility' },
      ]),
    ).toBe('strength_a');
  });

  it('counts days with a session in the Monday–Sunday week: 2 of 3', () => {
    // 2026-11-26 is a Thursday; its week runs 2026-11-23 … 2026-11-29.
    expect(
      computeAdherence(
        ['2026-11-22', '2026-11-23', '2026-11-25', '2026-11-25', '2026-11-30'],
        '2026-11-26',
      ),
    ).toEqual({ weekStart: '2026-11-23', planned: 3, done: 2 });
  });
});
