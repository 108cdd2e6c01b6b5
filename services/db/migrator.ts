// Numbered SQL migrations, applied under an advisory lock so that two processes starting together
// migrate once. NNN_name.sql runs everywhere; NNN_name.timescale.sql runs after it only where the
// timescaledb extension is available, NNN_name.plain.sql only where it is not.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the migrator needs from a connection: node-postgres clients and PGlite both fit. */
export interface SqlSession {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Run a script of several statements. */
  exec(sql: string): Promise<unknown>;
}

export interface Migration {
  version: number;
  name: string;
  common: string;
  timescale: string | undefined;
  plain: string | undefined;
}

export interface MigrationResult {
  applied: string[];
  timescale: boolean;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// An arbitrary constant shared by every Hipcheck process: the key of the migration lock.
const LOCK_KEY = 7_202_611_24;
const FILE_RE = /^(\d{3})_([a-z0-9_]+?)(?:\.(timescale|plain))?\.sql$/;

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const byVersion = new Map<number, Migration>();
  for (const file of (await readdir(dir)).sort()) {
    const m = FILE_RE.exec(file);
    if (!m) continue;
    const version = Number(m[1]);
    const sql = await readFile(join(dir, file), 'utf8');
    const entry = byVersion.get(version) ?? {
      version,
      name: m[2] ?? '',
      common: '',
      timescale: undefined,
      plain: undefined,
    };
    if (m[3] === 'timescale') entry.timescale = sql;
    else if (m[3] === 'plain') entry.plain = sql;
    else entry.common = sql;
    byVersion.set(version, entry);
  }
  return [...byVersion.values()].sort((a, b) => a.version - b.version);
}

/** Whether the timescaledb extension can be used (installing it if it is available). */
export async function detectTimescale(db: SqlSession): Promise<boolean> {
  const available = await db.query(
    "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'",
  );
  if (available.rows.length === 0) return false;
  await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
  return true;
}

/**
 * Apply pending migrations. `db` must be one session (one pooled client, not the pool), since the
 * advisory lock belongs to the session that took it.
 */
export async function migrate(db: SqlSession, migrations?: Migration[]): Promise<MigrationResult> {
  const all = migrations ?? (await loadMigrations());
  await db.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      timescale boolean NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const timescale = await detectTimescale(db);
    const done = new Set(
      (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) =>
        Number(r.version),
      ),
    );
    const applied: string[] = [];
    for (const m of all) {
      if (done.has(m.version)) continue;
      const variant = timescale ? m.timescale : m.plain;
      await db.exec('BEGIN');
      try {
        await db.exec(m.common);
        if (variant) await db.exec(variant);
        await db.query(
          'INSERT INTO schema_migrations (version, name, timescale) VALUES ($1, $2, $3)',
          [m.version, m.name, timescale],
        );
        await db.exec('COMMIT');
      } catch (err) {
        await db.exec('ROLLBACK');
        throw new Error(`migration ${m.version}_${m.name} failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      applied.push(`${String(m.version).padStart(3, '0')}_${m.name}`);
    }
    return { applied, timescale };
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}

let known: Promise<Migration[]> | undefined;

/** Migrations this code has that the database has not applied (empty when up to date). */
export async function listPendingMigrations(db: Pick<SqlSession, 'query'>): Promise<string[]> {
  const all = await (known ??= loadMigrations());
  const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  return all
    .filter((m) => !done.has(m.version))
    .map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`);
}
