// `hipcheck start` as its own process, the way an operator runs it: resolves once it says where it
// listens, with its output so far and a promise of its exit code.
import { spawn, type ChildProcess } from 'node:child_process';

export interface HipcheckProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `hipcheck start` on a free port; `env` adds to (or, with undefined, removes from) ours. */
export function startHipcheckProcess(
  env: Record<string, string | undefined>,
  timeoutMs = 90_000,
): Promise<HipcheckProcess> {
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete full[k];
    else full[k] = v;
  }
  const child = spawn(process.execPath, ['bin/hipcheck.js', 'start'], {
    env: full,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hipcheck start did not come up:\n${out}`)),
      timeoutMs,
    );
    void exited.then((code) => reject(new Error(`hipcheck start exited with ${code}:\n${out}`)));
    const check = setInterval(() => {
      const m = /running at (http:\/\/[^\s"]+)/.exec(out);
      if (m?.[1]) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({
          child,
          url: m[1].replace('localhost', '127.0.0.1'),
          output: () => out,
          exited,
        });
      }
    }, 100);
  });
}

/** SIGTERM, and the exit code. */
export async function stopHipcheckProcess(p: HipcheckProcess): Promise<number | null> {
  p.child.kill('SIGTERM');
  return p.exited;
}
