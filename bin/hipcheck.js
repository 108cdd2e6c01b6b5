#!/usr/bin/env -S node --max-semi-space-size=32
// Runs the TypeScript sources directly through tsx, so a clone works after `npm install` with no
// build step for the server. --max-semi-space-size=32 (MiB): the engine allocates many short-lived
// objects per day it computes, and a larger young generation roughly halves a full recompute's
// time (bench/recompute-pure.ts: median 47 ms → 29 ms for 5 years); npm scripts and the Docker
// image pass the same flag.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/main.ts');
const code = await main(process.argv.slice(2));
// Servers resolve main() only after shutting down; exit explicitly so no stray handle holds on.
process.exit(code);
