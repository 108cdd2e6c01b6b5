// The processes the load bench measures, as an operator with REDIS_URL runs them: `hipcheck api`
// and `hipcheck worker` apart (the default), or `hipcheck start` (API and workers in one process).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type Deployment = 'split' | 'start';

export interface Running {
  /** What ran, for the printed conditions. */
  describe: string;
  stop(): Promise<void>;
}

/** Compile the server, so the bench measures these sources (bin/hipcheck.js runs dist/server). */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['bin/build-server.js', '--quiet'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the server did not compile');
}

function spawnHipcheck(command: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--max-semi-space-size=32', 'bin/hipcheck.js', command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** Resolves once `ready()` is true; rejects if the child exits first or after a minute. */
function waitFor(child: ChildProcess, name: string, ready: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`hipcheck ${name} exited (${code})`));
    const timer = setTimeout(() => reject(new Error(`hipcheck ${name} did not come up`)), 60_000);
    child.once('exit', onExit);
    const poll = setInterval(() => {
      void ready()
        .then((ok) => {
          if (!ok) return;
          clearInterval(poll);
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve();
        })
        .catch(() => undefined);
    }, 200);
  });
}

/** Start the deployment on `databaseUrl`; the API listens on 127.0.0.1:`port`. */
export async function startDeployment(
  deployment: Deployment,
  options: { databaseUrl: string; redisUrl: string; port: number },
): Promise<Running> {
  const env = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    if (deployment === 'split') {
      // The worker logs at info to say when its BullMQ workers have started.
      const worker = spawnHipcheck('worker', { ...env, LOG_LEVEL: 'info' });
      children.push(worker);
      let workersUp = false;
      createInterface({ input: worker.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (line.includes('workers started on BullMQ')) workersUp = true;
      });
      await waitFor(worker, 'worker', () => Promise.resolve(workersUp));
    }
    const api = spawnHipcheck(deployment === 'split' ? 'api' : 'start', env);
    children.push(api);
    api.stdout?.resume();
    await waitFor(api, deployment === 'split' ? 'api' : 'start', async () => {
      const res = await fetch(`http://127.0.0.1:${options.port}/readyz`);
      return res.status === 200;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    describe:
      deployment === 'split'
        ? '`hipcheck api` and `hipcheck worker` as two processes (BullMQ on Redis)'
        : '`hipcheck start` (API and BullMQ workers in one process)',
    stop,
  };
}
