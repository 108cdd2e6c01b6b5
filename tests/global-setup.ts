// Before any test: PostgreSQL and Redis must answer. If either does not, stop at once with one line
// saying what to start, instead of a wall of connection errors.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({
      host: u.hostname || '127.0.0.1',
      port: Number(u.port) || defaultPort,
    });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default async function setup(): Promise<void> {
  // Tests that run `bin/hipcheck.js` run the compiled server: compile it from the sources as they
  // are now, so that no test runs a build older than the code beside it.
  const build = spawnSync(process.execPath, ['bin/build-server.js', '--quiet'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('Compiling the server (bin/build-server.js) failed: see the errors above.');
    process.exit(1);
  }
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = redisUrl;
  const missing: string[] = [];
  if (!(await reachable(databaseUrl, 5432)))
    missing.push(`PostgreSQL at ${new URL(databaseUrl).host}`);
  if (!(await reachable(redisUrl, 6379))) missing.push(`Redis at ${new URL(redisUrl).host}`);
  if (missing.length > 0) {
    console.error(
      `Cannot reach ${missing.join(' and ')}: start them with \`docker compose up -d db redis\` or start the local services, then run npm test again.`,
    );
    process.exit(1);
  }
}
