// The browser tests need the built dashboard; `npm install` builds it (prepare). This builds it again
// when it is missing or older than any file under dashboard/ (so a test never runs a stale page).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_DIR } from '#app/runtime';

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export async function ensureDashboardBuilt(): Promise<string> {
  const index = join(DASHBOARD_DIR, 'index.html');
  const sources = join(process.cwd(), 'dashboard');
  const stale = !existsSync(index) || statSync(index).mtimeMs < newestMtimeMs(sources);
  if (stale) {
    const { build } = await import('vite');
    await build({ configFile: join(sources, 'vite.config.ts'), logLevel: 'warn' });
  }
  return DASHBOARD_DIR;
}
