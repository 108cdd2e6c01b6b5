#!/usr/bin/env -S node --max-semi-space-size=32
// Runs the compiled server (dist/server, built by `npm install`'s prepare or `npm run build`), so
// that no command transpiles TypeScript as it starts. In a checkout whose build is missing, or with
// HIPCHECK_FROM_SOURCE=1, it runs the TypeScript sources through tsx (a development dependency).
// --max-semi-space-size=32 (MiB): the engine allocates many short-lived objects per day it
// computes, and a larger young generation roughly halves a full recompute's time
// (bench/recompute-pure.ts); npm scripts and the Docker image pass the same flag.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `import` runs again without that flag: it computes one history, at the end, and its main thread
// (storing what two parsing threads read) would grow its young generation to the full size,
// holding a bulk import near 400 MB of RSS instead of 250 (bench/import.ts).
const YOUNG = /^--max-semi-space-size=/;
if (process.argv[2] === 'import' && process.execArgv.some((a) => YOUNG.test(a))) {
  const execArgv = process.execArgv.filter((a) => !YOUNG.test(a));
  const args = [...execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)];
  const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const compiled = new URL('../dist/server/main.js', import.meta.url);
let main;
if (process.env.HIPCHECK_FROM_SOURCE !== '1' && existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('hipcheck: the server is not compiled: run `npm run build` first\n');
    process.exit(1);
  }
  register();
  ({ main } = await import('../app/main.ts'));
}
const code = await main(process.argv.slice(2));
// Servers resolve main() only after shutting down; exit explicitly so no stray handle holds on.
process.exit(code);
