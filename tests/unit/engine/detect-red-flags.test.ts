import { describe, expect, it } from 'vitest';
import { detectRedFlags, RED_FLAGS } from '../../../shared/engine/detect-red-flags.ts';

describe('detectRedFlags()', () => {
  it.each(RED_FLAGS.map((r) => [r.field, r.code] as const))(
    '%s reported today is the red flag %s',
    (field, code) => {
      expect(detectRedFlags([{ [field]: true }])).toEqual([
        expect.objectContaining({ code, severity: 'red_flag' }),
      ]);
    },
  );

  it('keeps a flag from 2 days ago until a later check-in answers no', () => {
    expect(detectRedFlags([{ nightPain: true }, undefined, {}]).map((f) => f.code)).toEqual([
      'night_pain',
    ]);
    expect(detectRedFlags([{ nightPain: true }, { nightPain: false }, undefined])).toEqual([]);
  });

  it('never treats clicking alone as a red flag', () => {
    expect(detectRedFlags([{ clicking: true }])).toEqual([]);
  });

  it('uses no diagnostic language', () => {
    for (const r of RED_FLAGS) expect(r.message).not.toMatch(/you have|diagnos|fracture/i);
  });
});
