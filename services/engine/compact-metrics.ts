// The engine attaches each metric's method, source and caveat to every day's result. They are the
// same text every day: stored once per day they would be most of the row, so they are dropped
// before storage (GET /api/metrics/info sends them once).
import type { MetricName } from '#shared/engine/index';

type Json = Record<string, unknown>;

// Where each metric's info sits in a stored day (paths into the row).
const INFO_PATHS: ReadonlyArray<[path: string[], metric: MetricName]> = [
  [['acwr', 'rolling'], 'acwrRolling'],
  [['acwr', 'ewma'], 'acwrEwma'],
  [['fitness'], 'fitness'],
  [['monotony'], 'monotony'],
  [['weeklyChange'], 'weeklyChange'],
  [['pain'], 'pain'],
  [['pain', 'trend'], 'painTrend'],
  [['stageBeyond'], 'stageBeyond'],
];

/**
 * Copy `path` down from `root` (shallow copies only along it) and drop the info texts there. The
 * copies are built by spreading, never by deleting keys: an object with deleted keys becomes a
 * slow dictionary, which made this and the JSON of every stored day several times slower.
 */
function stripAt(root: Json, path: string[]): void {
  let parent = root;
  for (const [i, key] of path.entries()) {
    const child = parent[key];
    if (child === null || typeof child !== 'object') return;
    if (i === path.length - 1) {
      const { method: _method, source: _source, caveat: _caveat, ...rest } = child as Json;
      parent[key] = rest;
      return;
    }
    const copy = { ...(child as Json) };
    parent[key] = copy;
    parent = copy;
  }
}

/** A copy of a day's metrics without the static method/source/caveat texts (input untouched). */
export function compactMetrics<T extends object>(metrics: T): Json {
  const copy = { ...(metrics as Json) };
  for (const [path] of INFO_PATHS) stripAt(copy, path);
  return copy;
}
