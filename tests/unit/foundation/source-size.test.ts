// House rule: a source file stays under 400 lines, so each one holds one thing a reader can take in
// at once (style.md). Checked here so that a file growing past it fails the suite, not a review.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.tmp', 'data', 'coverage', 'reports']);
const SOURCE = /\.(ts|js|mjs|css)$/;
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe('source files', () => {
  it(`are at most ${MAX_LINES} lines each`, () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((path) => ({
        file: relative(root, path),
        lines: readFileSync(path, 'utf8').trimEnd().split('\n').length,
      }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
