// The browser tests need the built dashboard; `npm install` builds it (prepare), and this builds it
// once more only where it is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_DIR } from '#services/runtime';

export async function ensureDashboardBuilt(): Promise<string> {
  if (!existsSync(join(DASHBOARD_DIR, 'index.html'))) {
    const { build } = await import('vite');
    await build({
      configFile: join(process.cwd(), 'dashboard', 'vite.config.ts'),
      logLevel: 'warn',
    });
  }
  return DASHBOARD_DIR;
}
