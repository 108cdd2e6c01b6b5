// science.md §5 rule 1: "night pain; pain when walking or bearing weight, or a limp; pain on
// hopping; deep groin pain that builds with running …; catching, locking or giving way" are red
// flags; clicking alone is a caution, not a red flag. The list below is written from that text.
import { describe, expect, it } from 'vitest';
import {
  redFlagMessageOf,
  redFlagOf,
  redFlagsReportedOn,
} from '../../../shared/engine/detect-red-flags.ts';
import type { DaySymptoms } from '../../../shared/engine/merge-check-ins.ts';

const SCIENCE_RED_FLAGS: Array<[keyof DaySymptoms, string]> = [
  ['nightPain', 'night pain'],
  ['painWalking', 'pain when walking or bearing weight'],
  ['limp', 'a limp'],
  ['painHopping', 'pain on hopping'],
  ['deepGroinPain', 'deep groin pain that builds with running'],
  ['catchingOrLocking', 'catching or locking'],
  ['givingWay', 'giving way'],
];

describe('redFlagsReportedOn()', () => {
  it.each(SCIENCE_RED_FLAGS)('%s answered yes is a red flag (%s)', (field) => {
    expect(redFlagsReportedOn({ [field]: true })).toHaveLength(1);
    expect(redFlagsReportedOn({ [field]: false })).toEqual([]);
  });

  it('reports every red flag of the day', () => {
    expect(redFlagsReportedOn({ nightPain: true, givingWay: true, limp: false })).toHaveLength(2);
  });

  it.each(SCIENCE_RED_FLAGS)('%s is named in plain words with its day (%s)', (field, words) => {
    const [code] = redFlagsReportedOn({ [field]: true });
    // science.md's words, less a leading article ("a limp" → "limp")
    const phrase = new RegExp(words.replace(/^a /, ''), 'i');
    expect(redFlagMessageOf(code as string, '2026-02-02')).toMatch(phrase);
    expect(redFlagMessageOf(code as string, '2026-02-02')).toMatch(/reported on Mon 2 Feb\.$/);
    expect(redFlagOf(code as string, '2026-02-02')).toMatchObject({ code, severity: 'red_flag' });
  });

  it('names a code it does not know by the code itself', () => {
    expect(redFlagMessageOf('retired_flag', '2026-02-02')).toBe(
      'retired_flag reported on Mon 2 Feb.',
    );
  });

  it('never treats clicking alone as a red flag', () => {
    expect(redFlagsReportedOn({ clicking: true })).toEqual([]);
  });
});
