// An HTTP server that shuts down gracefully: it stops accepting connections, lets the requests in
// flight finish (closing keep-alive connections as they fall idle), and cuts what is left only when
// the grace period is over.
import http from 'node:http';
import type { RequestListener } from 'node:http';

export interface GracefulServer {
  port: number;
  /** Resolves once every connection is closed, or the grace period has passed. */
  close(graceMs: number): Promise<void>;
}

export async function listenGracefully(
  handler: RequestListener,
  port: number,
  host: string,
): Promise<GracefulServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: address && typeof address === 'object' ? address.port : port,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearInterval(idle);
          clearTimeout(deadline);
          resolve();
        };
        server.close(finish);
        // A keep-alive connection whose request has been answered would hold close() open.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        server.closeIdleConnections();
        const deadline = setTimeout(() => {
          server.closeAllConnections();
          finish();
        }, graceMs);
      }),
  };
}

/** Runs `close`, but gives up waiting after `graceMs` and runs `force` instead. */
export async function closeWithin(
  graceMs: number,
  close: () => Promise<void>,
  force: () => Promise<void>,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const outcome = await Promise.race([close().then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') await force();
}
