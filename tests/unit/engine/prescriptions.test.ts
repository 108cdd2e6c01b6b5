// What the card tells a runner to do, from science.md §4's stage table (stage 0 walking 30 min
// brisk without a limp; 1: 10 × (run 1 / walk 2); 2: 8 × (2 / 2); 5: continuous 20 min easy, flat;
// 7: the longest run +≤ 10 % on the last 30 days; 8: strides, short intervals, then hills) and §5
// ("run modified": shorter, flat, treadmill, no intervals; cross-training on an upright bike with a
// high saddle after surgery). Texts checked word for word: they are the prescription.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../shared/engine/default-plan.ts';
import {
  fillerSessionOf,
  modifiedSessionOf,
  stageSessionOf,
  summaryOf,
  REST_TEXT,
} from '../../../shared/engine/prescriptions.ts';
import type { StageDefinition } from '../../../shared/engine/types.ts';

const stage = (n: number): StageDefinition => DEFAULT_PLAN[n]!;
const none = { longestRunMin30d: null, typicalRunMin30d: null };
const history = (longest: number, typical: number) => ({
  longestRunMin30d: longest,
  typicalRunMin30d: typical,
});

describe('days without running', () => {
  it('cross-training: 40 min of hip-friendly cardio; after surgery 30 min of cycling only', () => {
    expect(fillerSessionOf('cross_train')).toEqual({
      prescription:
        'Cross-train 40 min: upright bike with a high saddle (hip under 90° of flexion), swimming without breaststroke kick, or pool running.',
      minutes: 40,
    });
    expect(fillerSessionOf('cross_train', { surgery: true })).toEqual({
      prescription:
        'Cycle 30 min: easy, upright bike with a high saddle (hip under 90° of flexion).',
      minutes: 30,
    });
  });
  it('strength: hip strength without deep flexion; after surgery the physiotherapist’s programme', () => {
    expect(fillerSessionOf('strength')).toEqual({
      prescription:
        'Strength & mobility 40 min: hip strength (bridges, side-lying and band work, step-downs), core, balance and hip drills; no deep hip flexion.',
      minutes: 40,
    });
    expect(fillerSessionOf('strength', { surgery: true })).toEqual({
      prescription: 'Rehab 40 min: the exercises from {your} physiotherapist, pain-free.',
      minutes: 40,
    });
  });
  it('mobility, and rest without minutes', () => {
    expect(fillerSessionOf('mobility')).toEqual({
      prescription:
        'Mobility & pilates 30 min: gentle mobility, pelvic control and core stability; no deep hip flexion.',
      minutes: 30,
    });
    expect(fillerSessionOf('rest')).toEqual({ prescription: REST_TEXT, minutes: null });
    expect(REST_TEXT).toBe('Rest: no training today; light stretching if it feels good.');
  });
  it('while a red flag stands, the session waits for a clinician', () => {
    expect(fillerSessionOf('cross_train', { clinician: true }).prescription).toBe(
      'Cross-train 40 min, only once a clinician has seen {your} hip: upright bike with a high saddle (hip under 90° of flexion), swimming without breaststroke kick, or pool running.',
    );
    expect(fillerSessionOf('cross_train').prescription).not.toContain('clinician');
  });
  it('the same day twice is the same session; another option is another', () => {
    expect(fillerSessionOf('strength', { surgery: false })).toBe(fillerSessionOf('strength'));
    expect(fillerSessionOf('strength', { surgery: true })).not.toBe(fillerSessionOf('strength'));
  });
});

describe('the stage’s own session', () => {
  it('stage 0: walking 30 min brisk, without a limp', () => {
    expect(stageSessionOf(stage(0), none)).toEqual({
      prescription: 'Walk 30 min brisk, no limp, on flat, even ground or treadmill.',
      minutes: 30,
    });
  });
  it('stage 1: 10 × (run 1 / walk 2)', () => {
    expect(stageSessionOf(stage(1), none)).toEqual({
      prescription:
        'Walk-run 30 min: 10 × (run 1 min / walk 2 min), flat, even ground or treadmill, easy, conversational.',
      minutes: 30,
    });
  });
  it('stage 5: continuous 20 min easy, flat', () => {
    expect(stageSessionOf(stage(5), none)).toEqual({
      prescription: 'Run 20 min easy, conversational, flat, even ground or treadmill.',
      minutes: 20,
    });
  });
  it('stage 7 without runs to measure against: 30 min, no cap named', () => {
    expect(stageSessionOf(stage(7), none)).toEqual({
      prescription: 'Run 30 min easy, mostly flat.',
      minutes: 30,
    });
  });
  it('stage 7: the usual 35 min, the week’s longest at most 44 (10 % over a longest of 40)', () => {
    expect(stageSessionOf(stage(7), history(40, 35))).toEqual({
      prescription:
        'Run 35 min easy, mostly flat; the longest run of the week at most 44 min (10 % over {your} longest this month).',
      minutes: 35,
    });
  });
  it('stage 7: a usual 50 min is cut to the cap of 44', () => {
    expect(stageSessionOf(stage(7), history(40, 50)).minutes).toBe(44);
  });
  it('stage 7: a cap of exactly the stage’s 30 min still applies (27.3 × 1.1 = 30.03 → 30)', () => {
    expect(stageSessionOf(stage(7), history(27.3, 35))).toEqual({
      prescription:
        'Run 30 min easy, mostly flat; the longest run of the week at most 30 min (10 % over {your} longest this month).',
      minutes: 30,
    });
  });
  it('stage 7: a cap below the stage (longest 25 → 27) is not named; the stage’s 30 min stand', () => {
    expect(stageSessionOf(stage(7), history(25, 20))).toEqual({
      prescription: 'Run 30 min easy, mostly flat.',
      minutes: 30,
    });
  });
  it('stage 8: the usual run with 6 × 20 s strides, one change at a time', () => {
    expect(stageSessionOf(stage(8), history(45, 40))).toEqual({
      prescription:
        'Run 40 min easy with 6 × 20 s strides; later short intervals, then hills, one change at a time (flat first, hills last).',
      minutes: 40,
    });
    expect(stageSessionOf(stage(8), history(50, 45)).minutes).toBe(45);
    expect(stageSessionOf(stage(8), history(20, 20)).minutes).toBe(30);
  });
});

describe('"run modified" (§5): the session of the stage below, flat or treadmill, easy', () => {
  it('stage 0: a walk of two thirds, 20 min', () => {
    expect(modifiedSessionOf(DEFAULT_PLAN, stage(0))).toEqual({
      prescription: 'Walk 20 min, easy, on flat ground.',
      minutes: 20,
    });
  });
  it('stage 1 (below it only walking): its own shape with 6 of the 10 repeats', () => {
    expect(modifiedSessionOf(DEFAULT_PLAN, stage(1))).toEqual({
      prescription: 'Walk-run 18 min: 6 × (run 1 min / walk 2 min), flat or treadmill, easy.',
      minutes: 18,
    });
  });
  it('stage 3: stage 2’s 8 × (run 2 / walk 2)', () => {
    expect(modifiedSessionOf(DEFAULT_PLAN, stage(3))).toEqual({
      prescription: 'Walk-run 32 min: 8 × (run 2 min / walk 2 min), flat or treadmill, easy.',
      minutes: 32,
    });
  });
  it('stage 6: stage 5’s 20 min without strides or intervals; stage 8: at most 30 min', () => {
    expect(modifiedSessionOf(DEFAULT_PLAN, stage(6))).toEqual({
      prescription: 'Run 20 min easy, flat or treadmill, no strides or intervals.',
      minutes: 20,
    });
    expect(modifiedSessionOf(DEFAULT_PLAN, stage(8)).minutes).toBe(30);
  });
  it('a custom first stage of walk-run keeps at least one repeat', () => {
    const first: StageDefinition = {
      ...stage(1),
      stage: 0,
      repeats: 1,
      runMin: 1,
      walkMin: 1,
      totalMin: 2,
    };
    expect(modifiedSessionOf([first], first)).toEqual({
      prescription: 'Walk-run 2 min: 1 × (run 1 min / walk 1 min), flat or treadmill, easy.',
      minutes: 2,
    });
  });
});

describe('the card’s headline', () => {
  const s = (minutes: number | null, prescription = '') => ({ prescription, minutes });
  it.each([
    ['run', 1, s(30), 'Walk-run as planned: 30 min'],
    ['run', 5, s(20), 'Run as planned: 20 min'],
    ['run_modified', 1, s(18), 'Walk-run, modified: 18 min'],
    ['run_modified', 6, s(20), 'Run, modified: 20 min'],
    ['walk', 0, s(20), 'Walk, shorter: 20 min'],
    ['walk', 0, s(30), 'Walk as planned: 30 min'],
    ['cross_train', 3, s(40), 'Cross-train today: 40 min'],
    ['strength', 3, s(30, 'Mobility & pilates 30 min: …'), 'Mobility & pilates today: 30 min'],
    ['strength', 3, s(40, 'Strength & mobility 40 min: …'), 'Strength & mobility today: 40 min'],
    ['strength', 3, s(40, 'Rehab 40 min: no Mobility here'), 'Strength & mobility today: 40 min'],
    ['rest', 3, s(null), 'Rest today'],
    ['see_clinician', 3, s(null), 'See a clinician before running again'],
  ] as const)('%s at stage %i', (action, n, session, headline) => {
    expect(summaryOf(action, stage(n), session)).toBe(headline);
  });
});
