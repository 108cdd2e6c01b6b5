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

/** Copy `path` down from `root` (shallow copies only along it) and drop the info texts there. */
function stripAt(root: Json, path: string[]): void {
  let node = root;
  for (const key of path) {
    const child = node[key];
    if (child === null || typeof child !== 'object') return;
    const copy = { ...(child as Json) };
    node[key] = copy;
    node = copy;
  }
  delete node.method;
  delete node.source;
  delete node.caveat;
}

/** A copy of a day's metrics without the static method/source/caveat texts (input untouched). */
export function compactMetrics<T extends object>(metrics: T): Json {
  const copy = { ...(metrics as Json) };
  for (const [path] of INFO_PATHS) stripAt(copy, path);
  return copy;
}
