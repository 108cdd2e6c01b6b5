import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, migratePool } from '#services/db/database';
import { loadMigrations } from '#services/db/migrator';
import { createEmptyDatabase, type EmptyDatabase } from '../../support/db.ts';

describe('migrations on PostgreSQL', () => {
  let db: EmptyDatabase;

  beforeAll(async () => {
    db = await createEmptyDatabase('hipcheck_m');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('migrates once when two processes start together, under the advisory lock', async () => {
    const a = createPool(db.url);
    const b = createPool(db.url);
    try {
      const [ra, rb] = await Promise.all([migratePool(a), migratePool(b)]);
      // Exactly one of them applied every migration; the other found them done.
      const all = (await loadMigrations()).map(
        (m) => `${String(m.version).padStart(3, '0')}_${m.name}`,
      );
      expect(all.length).toBeGreaterThan(0);
      expect([ra.applied, rb.applied].sort((x, y) => x.length - y.length)).toEqual([[], all]);
      expect(ra.timescale).toBe(false);
      const { rows } = await a.query(
        'SELECT version, timescale FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual(
        (await loadMigrations()).map((m) => ({ version: m.version, timescale: false })),
      );
      // Running again applies nothing.
      expect((await migratePool(a)).applied).toEqual([]);
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('creates the v1 tables and the weekly_volume view', async () => {
    const pool = createPool(db.url);
    try {
      const { rows } = await pool.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      const names = rows.map((r) => r.table_name);
      for (const t of [
        'users',
        'athletes',
        'uploads',
        'activities',
        'samples',
        'daily_metrics',
        'weekly_volume',
      ]) {
        expect(names).toContain(t);
      }
    } finally {
      await pool.end();
    }
  });
});
