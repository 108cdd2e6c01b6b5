// The wire contract (shared/api/) binds the server's answers to the dashboard's reads: a field
// changed in the contract fails the typecheck of the server's mapper and of the dashboard view that
// reads it. Proved on a copy of the sources, checked by tsc as they are and with one field renamed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = 'services/db/activities.repository.ts';
const DASHBOARD = 'dashboard/src/views/activity-list.ts';
const CONTRACT = 'shared/api/activities.ts';

/** tsc's report on the server's and the dashboard's file, after `edit` changed the copy. */
function typecheckCopy(edit: (dir: string) => void): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hipcheck-wire-'));
  try {
    for (const part of ['shared', 'services', 'dashboard/src']) {
      cpSync(join(root, part), join(dir, part), { recursive: true });
    }
    for (const file of ['package.json', 'tsconfig.json']) cpSync(join(root, file), join(dir, file));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    edit(dir);
    const config = { extends: './tsconfig.json', include: [], files: [SERVER, DASHBOARD] };
    writeFileSync(join(dir, 'tsconfig.wire.json'), JSON.stringify(config));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.wire.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the wire contract of GET /api/activities', () => {
  it('typechecks the server mapper and the dashboard view as they are', () => {
    const { status, output } = typecheckCopy(() => undefined);
    expect(output).toBe('');
    expect(status).toBe(0);
  }, 180_000);

  it('fails the typecheck on both sides when the answer renames movingS', () => {
    const { status, output } = typecheckCopy((dir) => {
      const path = join(dir, CONTRACT);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('  movingS: number;\n');
      writeFileSync(path, text.replace('  movingS: number;\n', '  movingMin: number;\n'));
    });
    expect(status).not.toBe(0);
    const errors = output.split('\n').filter((line) => line.includes('error TS'));
    expect(errors.some((e) => e.startsWith(SERVER) && e.includes('movingS'))).toBe(true);
    expect(errors.some((e) => e.startsWith(DASHBOARD) && e.includes('movingS'))).toBe(true);
  }, 180_000);
});
