// Starts the real express app on 127.0.0.1 (port 0) over a test database and a given queue.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '#services/api/app';
import type { Pool } from '#services/db/database';
import type { JobQueue } from '#services/queue/jobs';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(deps: {
  pool: Pool;
  queue: JobQueue;
  uploadMaxBytes?: number;
  importMaxBytes?: number;
  uploadsDir?: string;
  dashboardDir?: string;
}): Promise<TestServer> {
  const app = createApp({
    pool: deps.pool,
    queue: deps.queue,
    publicUrl: 'http://127.0.0.1',
    uploadMaxBytes: deps.uploadMaxBytes ?? 10 * 1024 * 1024,
    ...(deps.importMaxBytes ? { importMaxBytes: deps.importMaxBytes } : {}),
    ...(deps.uploadsDir ? { uploadsDir: deps.uploadsDir } : {}),
    ...(deps.dashboardDir ? { dashboardDir: deps.dashboardDir } : {}),
    log: () => undefined,
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
