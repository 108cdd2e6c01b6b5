// science.md §5: "Every reason speaks to the person who reads it (the runner: 'your'; a coach: the
// athlete's name), says one thing once, and carries the number that decided it … Formulas and
// sources sit one click away". The engine writes {you}/{your} tokens; the reader's voice fills them.
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../shared/engine/run-engine.ts';
import { nameOfEmail, speak, speakAll } from '../../../shared/engine/voice.ts';
import { generateHistory } from '../../fixtures/engine-scenarios.ts';

const coach = { reader: 'coach' as const, name: 'anna' };

describe('speak()', () => {
  it('reads "your" to the runner and the athlete’s name to a coach', () => {
    const text = '{Your} pain this morning is 6/10: {you} ran yesterday, see {your} plan.';
    expect(speak(text, { reader: 'runner' })).toBe(
      'Your pain this morning is 6/10: you ran yesterday, see your plan.',
    );
    expect(speak(text, coach)).toBe(
      'anna’s pain this morning is 6/10: anna ran yesterday, see anna’s plan.',
    );
    expect(speak('{Your} hip', { reader: 'coach', name: 'james' })).toBe('james’ hip');
  });

  it('speaks every string of a decision, leaving numbers and structure alone', () => {
    const d = { a: ['{You} ran', { b: '{your} run', n: 3 }], c: null };
    expect(speakAll(d, coach)).toEqual({ a: ['anna ran', { b: 'anna’s run', n: 3 }], c: null });
  });

  it('names an athlete by the local part of their email until display names exist', () => {
    expect(nameOfEmail('anna.berg@example.com')).toBe('anna.berg');
  });
});

describe('the words of a year of decisions', () => {
  const out = runEngine(generateHistory('2025-01-06', 365).input('2026-01-05'));
  const reasons = out.days.flatMap((d) => d.recommendation.reasons);

  it('uses only the tokens the voice knows, and a coach never reads "your"', () => {
    const all = JSON.stringify(out.days.map((d) => [d.recommendation, d.flags]));
    expect(
      all.match(/\{[A-Za-z]+\}/g)?.filter((t) => !/^\{(You|you|Your|your)\}$/.test(t)) ?? [],
    ).toEqual([]);
    expect(JSON.stringify(speakAll(out.today, coach))).not.toMatch(/\byour?\b/i);
  });

  it('gives every reason one sentence, its rule, and no formula, hazard ratio or citation', () => {
    expect(reasons.length).toBeGreaterThan(300);
    for (const r of reasons) {
      expect(r.rule).toMatch(/^[a-z-]+$/);
      expect(r.message.replace(/\d\.\d/g, '').match(/[.?!](\s|$)/g)).toHaveLength(1);
      expect(r.message).not.toMatch(/science\.md|§|hazard|\bHR\b|Frandsen|Nielsen|Gabbett|=|λ|√/);
    }
  });

  it('never says the same thing twice on one card', () => {
    for (const d of out.days) {
      const messages = d.recommendation.reasons.map((r) => r.message);
      expect(new Set(messages).size).toBe(messages.length);
    }
  });
});
