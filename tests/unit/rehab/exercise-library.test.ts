import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISE_LIBRARY, exerciseOf, type ExerciseFamily } from '#shared/rehab/index';

const sentences = (text: string): number => text.split(/(?<=[.!?])\s+/).filter(Boolean).length;

describe('the exercise library', () => {
  it('holds about 25 exercises with unique ids', () => {
    expect(EXERCISE_LIBRARY.length).toBeGreaterThanOrEqual(25);
    expect(new Set(EXERCISE_LIBRARY.map((e) => e.id)).size).toBe(EXERCISE_LIBRARY.length);
  });

  it('covers every family of science.md §7', () => {
    const families: ExerciseFamily[] = [
      'hip_drill',
      'hip_flexor',
      'multi_planar',
      'heavy_lift',
      'core_balance',
      'stretch',
    ];
    for (const f of families)
      expect(EXERCISE_LIBRARY.filter((e) => e.family === f).length, f).toBeGreaterThan(0);
  });

  it('describes each exercise in two or three sentences, with what it trains and its rules', () => {
    for (const e of EXERCISE_LIBRARY) {
      expect(sentences(e.description), e.id).toBeGreaterThanOrEqual(2);
      expect(sentences(e.description), e.id).toBeLessThanOrEqual(3);
      expect(e.trains.length, e.id).toBeGreaterThan(5);
      expect(e.loadGuidance.length, e.id).toBeGreaterThan(5);
      expect(e.painRule.length, e.id).toBeGreaterThan(5);
    }
  });

  it('numbers levels 1..n and doses each level by reps or by hold, never both', () => {
    for (const e of EXERCISE_LIBRARY) {
      expect(
        e.levels.map((l) => l.level),
        e.id,
      ).toEqual(e.levels.map((_, i) => i + 1));
      for (const l of e.levels) {
        expect(Boolean(l.dose.reps) !== Boolean(l.dose.holdS), `${e.id} ${l.level}`).toBe(true);
        if (l.dose.loadKg) expect(l.dose.loadKg.start).toBeLessThanOrEqual(l.dose.loadKg.max);
      }
    }
  });

  it('has the heavy lifts of §7, all with heavy hip flexion and from stage 4', () => {
    for (const id of ['trap-bar-deadlift', 'rfe-split-squat', 'box-squat']) {
      const e = exerciseOf(id);
      expect(e?.family).toBe('heavy_lift');
      expect(e?.fromStage).toBe(4);
      expect(e?.levels.every((l) => l.heavyHipFlexion)).toBe(true);
    }
  });

  it('builds hip-flexor capacity in three levels, only the loaded third with heavy hip flexion', () => {
    const e = exerciseOf('hip-flexor-capacity');
    expect(e?.levels.map((l) => l.name.split(':')[0])).toEqual([
      'Level I',
      'Level II',
      'Level III',
    ]);
    expect(e?.levels.map((l) => l.heavyHipFlexion)).toEqual([false, false, true]);
    expect(e?.levels[0]?.dose.holdS).toBeDefined(); // supported isometric first
    expect(e?.levels[2]?.dose.loadKg).toBeDefined(); // loaded flexion last
  });

  it('holds stretches 15–30 s and stops them on intense pain (science.md §7)', () => {
    const stretches = EXERCISE_LIBRARY.filter((e) => e.family === 'stretch');
    expect(stretches.map((e) => e.id)).toEqual(
      expect.arrayContaining(['hip-flexor-stretch', 'piriformis-stretch']),
    );
    for (const e of stretches) {
      expect(e.levels[0]?.dose.holdS).toMatchObject({ min: 15, max: 30 });
      expect(e.painRule).toMatch(/intense pain/);
    }
  });

  it('doses the hip drills as two sets of 5 (science.md §7)', () => {
    for (const e of EXERCISE_LIBRARY.filter((x) => x.family === 'hip_drill'))
      for (const l of e.levels) expect(l.dose).toMatchObject({ sets: 2, reps: { min: 5, max: 5 } });
  });

  const seeds = join(process.cwd(), '..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds))('copies no run of eight words from the source articles', () => {
    const words = (t: string): string[] => t.toLowerCase().match(/[a-z]+/g) ?? [];
    const source = readdirSync(seeds)
      .map((f) => words(readFileSync(join(seeds, f), 'utf8')).join(' '))
      .join(' | ');
    for (const e of EXERCISE_LIBRARY) {
      const w = words(`${e.description} ${e.levels.map((l) => l.how).join(' ')}`);
      for (let i = 0; i + 8 <= w.length; i++)
        expect(
          source.includes(w.slice(i, i + 8).join(' ')),
          `${e.id}: ${w.slice(i, i + 8).join(' ')}`,
        ).toBe(false);
    }
  });
});
