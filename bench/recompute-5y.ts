// A full recompute of one runner's five years (1,826 days) through the worker's path — the
// recompute processor reading the inputs from PostgreSQL, running the engine and writing the
// daily rows and stage changes in one transaction — against the engine alone on the same inputs
// (read once beforehand), alternated in paired runs so both see the same machine load. Prints
// the median of each, the median ratio of the pairs, and the machine's load. A full recompute
// usually reproduces most days, which are then not written again; the second path forces every
// day to be written. Goal: a full recompute under 250 ms.
// Run: npx tsx bench/recompute-5y.ts [--runs 7]   (DATABASE_URL as for the tests; creates and
// drops its own database)
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { runEngine } from '../shared/engine/index.ts';
import { localDateOf } from '../shared/local-date.ts';
import { findAthleteById } from '../services/db/athletes.repository.ts';
import { requestRecompute } from '../services/db/recompute.repository.ts';
import { prepareEngineInput } from '../services/engine/engine-input.ts';
import { FROM_THE_START } from '../services/engine/request-recompute.ts';
import { createRecomputeProcessor } from '../workers/recompute.processor.ts';
import { createTestDatabase } from '../tests/support/db.ts';
import { seedFiveYears } from './five-years.ts';
import { median, option } from './support.ts';

const RUNS = Number(option('--runs') ?? 7);
const TODAY = localDateOf(new Date(), 'UTC');
const now = () => new Date(`${TODAY}T12:00:00Z`);

const db = await createTestDatabase();
try {
  const athleteId = await seedFiveYears(db.pool, 'recompute-5y@example.com', 'bench', TODAY);
  const athlete = await findAthleteById(db.pool, athleteId);
  if (!athlete) throw new Error('no athlete');
  const recompute = createRecomputeProcessor({ pool: db.pool, now });
  /** `rewrite`: forget the stored digests first, so that every day is written (a changed input). */
  const full = async (rewrite = false): Promise<number> => {
    if (rewrite)
      await db.pool.query('UPDATE daily_metrics SET digest = NULL WHERE athlete_id = $1', [
        athleteId,
      ]);
    await requestRecompute(db.pool, athleteId, FROM_THE_START);
    const t0 = performance.now();
    await recompute({ athleteId }, { attempt: 1 });
    return performance.now() - t0;
  };
  await full(); // the first computation writes every row; what follows recomputes a history
  const prepared = await prepareEngineInput(db.pool, athlete, FROM_THE_START, TODAY, {
    refreshLoads: false,
  });
  if (!prepared) throw new Error('no input');
  const engine = (): number => {
    const t0 = performance.now();
    runEngine(prepared.input);
    return performance.now() - t0;
  };
  for (let k = 0; k < 2; k++) {
    engine();
    await full();
  }
  const worker: number[] = [];
  const rewritten: number[] = [];
  const alone: number[] = [];
  const ratios: number[] = [];
  const rewriteRatios: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const e = engine();
    const w = await full();
    const r = await full(true);
    alone.push(e);
    worker.push(w);
    rewritten.push(r);
    ratios.push(w / e);
    rewriteRatios.push(r / e);
  }
  const { rows } = await db.pool.query<{ days: string; runs: string }>(
    `SELECT (SELECT count(*) FROM daily_metrics) AS days, (SELECT count(*) FROM activities) AS runs`,
  );
  console.log(
    `one runner, 5 years: ${rows[0]?.days} daily rows, ${rows[0]?.runs} runs; ${RUNS} paired runs after 2 warm-ups; ${cpus().length} CPUs; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('\n| path | median ms | min ms | max ms |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| full recompute through the worker's processor (read, engine, write) | ${median(worker).toFixed(1)} | ${Math.min(...worker).toFixed(1)} | ${Math.max(...worker).toFixed(1)} |`,
  );
  console.log(
    `| the same, every day's row written again (as after a change of thresholds) | ${median(rewritten).toFixed(1)} | ${Math.min(...rewritten).toFixed(1)} | ${Math.max(...rewritten).toFixed(1)} |`,
  );
  console.log(
    `| engine alone (reference, inputs in memory) | ${median(alone).toFixed(1)} | ${Math.min(...alone).toFixed(1)} | ${Math.max(...alone).toFixed(1)} |`,
  );
  const w = median(worker);
  console.log(
    `\nworker / engine: median of the paired ratios ${median(ratios).toFixed(2)}× (every row written: ${median(rewriteRatios).toFixed(2)}×); goal: worker under 250 ms (${w < 250 ? 'met' : 'MISSED'} at ${w.toFixed(0)} ms)`,
  );
} finally {
  await db.drop();
}
