import { describe, expect, it } from 'vitest';
import {
  formZoneOf,
  formZonesApply,
  formZonesCaption,
  loadUnitOf,
} from '../../../dashboard/src/charts/form-zones.ts';

describe('form is read against intervals.icu’s zones only on a load built like TSS', () => {
  it.each([
    ['rtss', true],
    ['trimp', true],
    ['srpe', false],
    ['minutes', false],
  ] as const)('formZonesApply(%s) is %s', (basis, applies) => {
    expect(formZonesApply(basis)).toBe(applies);
  });

  it('formZonesCaption() on session-RPE says there are no zones, and why, in one sentence', () => {
    const caption = formZonesCaption('srpe');
    expect(caption).toMatch(/^No form zones: .*power-based load.*session-RPE/);
    expect(caption.split('. ')).toHaveLength(1);
  });

  it('formZonesCaption() on rTSS names the zones and the load they are read on', () => {
    expect(formZonesCaption('rtss')).toMatch(/optimal −30 to −10.*the load is rTSS/);
  });

  it('formZoneOf() names the zone of a form inside each band (−40, −20, 0, +15, +30)', () => {
    expect([-40, -20, 0, 15, 30].map((f) => formZoneOf(f).label)).toEqual([
      'High risk',
      'Optimal',
      'Grey zone',
      'Fresh',
      'Transition',
    ]);
  });

  it('loadUnitOf() names each basis’s unit (session-RPE in arbitrary units)', () => {
    const bases = ['srpe', 'trimp', 'rtss', 'minutes'] as const;
    expect(bases.map((b) => loadUnitOf(b))).toEqual(['AU', 'TRIMP', 'rTSS', 'min']);
  });
});
