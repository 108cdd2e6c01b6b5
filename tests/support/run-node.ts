// Run a Node script as its own process and collect what it prints. Never spawnSync: the test
// process hosts the pipeline's workers, and a child waiting on a row they hold must let them run.
import { spawn } from 'node:child_process';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `hipcheck ARGS…` as a newcomer would run it. */
export const runCli = (args: string[], env: NodeJS.ProcessEnv): Promise<Ran> =>
  runNode(['bin/hipcheck.js', ...args], env);
