// The one order of severities, most severe first: the engine sorts a day's flags by it, the roster
// sorts athletes by their worst flag, and the dashboard lists flags in it.
import type { Severity } from './types.ts';

/** 0 is the most severe (a red flag); a larger rank is less severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({
  red_flag: 0,
  very_high: 1,
  high: 2,
  caution: 3,
  info: 4,
});

export const isSeverity = (s: unknown): s is Severity =>
  typeof s === 'string' && Object.hasOwn(SEVERITY_RANK, s);

/** Negative when `a` is more severe than `b`; `null` (no flag) sorts after every severity. */
export function compareSeverity(a: Severity | null, b: Severity | null): number {
  const ra = a === null ? Number.POSITIVE_INFINITY : SEVERITY_RANK[a];
  const rb = b === null ? Number.POSITIVE_INFINITY : SEVERITY_RANK[b];
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/** The most severe of `items`' severities, or null when there are none. */
export function worstSeverity(items: ReadonlyArray<{ severity: Severity }>): Severity | null {
  let worst: Severity | null = null;
  for (const { severity } of items) if (compareSeverity(severity, worst) < 0) worst = severity;
  return worst;
}

/** Items most severe first; items of one severity keep their order (a stable sort). */
export function sortBySeverity<T extends { severity: Severity }>(items: T[]): T[] {
  if (items.length < 2) return items;
  return items
    .map((item, k) => ({ item, k }))
    .sort((a, b) => compareSeverity(a.item.severity, b.item.severity) || a.k - b.k)
    .map((x) => x.item);
}
