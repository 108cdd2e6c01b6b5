// Starts the real express app on 127.0.0.1 (port 0) over a test database and a given queue; any
// other dependency of the app (Redis, a logger, a mailer, metrics) can be given too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from '#services/api/app';
import type { Pool } from '#services/db/database';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import { JOB_NAMES, type JobQueue, type Processors } from '#services/queue/jobs';

export interface TestServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

export async function startTestServer(
  deps: {
    pool: Pool;
    queue: JobQueue;
    uploadMaxBytes?: number;
    importMaxBytes?: number;
    uploadsDir?: string;
    dashboardDir?: string;
  } & Partial<Omit<AppDeps, 'pool' | 'queue'>>,
): Promise<TestServer> {
  const app = createApp({
    publicUrl: 'http://127.0.0.1',
    uploadMaxBytes: 10 * 1024 * 1024,
    log: () => undefined,
    ...deps,
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A queue for tests whose requests enqueue jobs nobody needs to run: every job does nothing. */
export const noJobsQueue = (): JobQueue => {
  const none = Object.fromEntries(JOB_NAMES.map((name) => [name, async () => undefined]));
  return createInProcessQueue(
    () => none as unknown as Processors,
    () => undefined,
  );
};
