#!/usr/bin/env -S node --max-semi-space-size=32
// Runs the compiled server (dist/server, built by `npm install`'s prepare or `npm run build`), so
// that no command transpiles TypeScript as it starts. In a checkout whose build is missing, or with
// HIPCHECK_FROM_SOURCE=1, it runs the TypeScript sources through tsx (a development dependency).
// --max-semi-space-size=32 (MiB): the engine allocates many short-lived objects per day it
// computes, and a larger young generation roughly halves a full recompute's time
// (bench/recompute-pure.ts); npm scripts and the Docker image pass the same flag.
import { existsSync } from 'node:fs';

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
