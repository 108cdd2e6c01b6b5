// A worker process for the crash test: it runs the real processors on BullMQ, but stops inside the
// ingest transaction, just before COMMIT, and says so on stdout, so that the test can kill it there.
import { createPool } from '#services/db/database';
import { createBullQueue, startBullWorkers } from '#services/queue/bullmq-queue';
import { createProcessors } from '#workers/processors';

const databaseUrl = process.env.TEST_DATABASE_URL as string;
const redisUrl = process.env.TEST_REDIS_URL as string;
const prefix = process.env.TEST_PREFIX as string;
const uploadsDir = process.env.TEST_UPLOADS_DIR as string;

const pool = createPool(databaseUrl);
const queue = createBullQueue({ redisUrl, prefix });
startBullWorkers({
  redisUrl,
  prefix,
  lockDurationMs: 1500,
  // The stalled check is rate-limited by a key whose TTL is the interval of whichever worker ran it
  // last: the child's must be as short as the test worker's.
  stalledIntervalMs: 500,
  processors: createProcessors({
    pool,
    queue,
    now: () => new Date(),
    uploadsDir,
    beforeIngestCommit: async () => {
      process.stdout.write('inside-transaction\n');
      await new Promise(() => undefined); // wait here until killed
    },
  }),
  log: () => undefined,
});
process.stdout.write('worker-ready\n');
