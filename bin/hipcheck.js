#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a clone works after `npm install` with no
// build step for the server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../services/cli/main.ts');
const code = await main(process.argv.slice(2));
// Servers resolve main() only after shutting down; exit explicitly so no stray handle holds on.
process.exit(code);
