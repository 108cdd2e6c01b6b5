import { describe, expect, it } from 'vitest';
import { BadInputError } from '#shared/errors';
import { createInProcessQueue } from '#services/queue/in-process-queue';
import { DeferJobError } from '#services/queue/jobs';
import type { Processors } from '#services/queue/jobs';

describe('createInProcessQueue()', () => {
  it('runs each job id once while it is waiting or running', async () => {
    const seen: string[] = [];
    const processors: Processors = {
      ingest: async ({ uploadId }) => {
        seen.push(uploadId);
      },
      recompute: async () => undefined,
      'strava-backfill': async () => undefined,
      'strava-activity': async () => undefined,
      'strava-event': async () => undefined,
      'strava-catch-up': async () => undefined,
    };
    const q = createInProcessQueue(
      () => processors,
      () => undefined,
    );
    await q.enqueue('ingest', { uploadId: 'a' }, 'ingest-a');
    await q.enqueue('ingest', { uploadId: 'a' }, 'ingest-a');
    await q.enqueue('ingest', { uploadId: 'b' }, 'ingest-b');
    await q.idle();
    expect(seen.sort()).toEqual(['a', 'b']);
    // Once finished, the same id may run again (the processor decides it has nothing to do).
    await q.enqueue('ingest', { uploadId: 'a' }, 'ingest-a');
    await q.idle();
    expect(seen).toHaveLength(3);
    await q.close();
  });

  it('retries a failing job with backoff and stops at once on a permanent error', async () => {
    let transient = 0;
    let permanent = 0;
    const processors: Processors = {
      ingest: async () => {
        transient += 1;
        if (transient < 3) throw new Error('database restarting');
      },
      recompute: async () => {
        permanent += 1;
        throw new BadInputError('bad', 'not retryable');
      },
      'strava-backfill': async () => undefined,
      'strava-activity': async () => undefined,
      'strava-event': async () => undefined,
      'strava-catch-up': async () => undefined,
    };
    const q = createInProcessQueue(
      () => processors,
      () => undefined,
      { backoffMs: 5 },
    );
    await q.enqueue('ingest', { uploadId: 'x' }, 'ingest-x');
    await q.enqueue('recompute', { athleteId: 'y' }, 'recompute-y-1');
    await q.idle();
    expect(transient).toBe(3);
    expect(permanent).toBe(1);
    await q.close();
  });

  it('runs a deferred job again at its time without counting a failed attempt', async () => {
    const attempts: number[] = [];
    const times: number[] = [];
    const processors: Processors = {
      ingest: async (_data, ctx) => {
        attempts.push(ctx.attempt);
        times.push(Date.now());
        if (attempts.length < 3) throw new DeferJobError(new Date(Date.now() + 30), 'rate limit');
      },
      recompute: async () => undefined,
      'strava-backfill': async () => undefined,
      'strava-activity': async () => undefined,
      'strava-event': async () => undefined,
      'strava-catch-up': async () => undefined,
    };
    const q = createInProcessQueue(
      () => processors,
      () => undefined,
      { backoffMs: 5 },
    );
    await q.enqueue('ingest', { uploadId: 'z' }, 'ingest-z');
    await q.idle();
    expect(attempts).toEqual([1, 1, 1]);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(25);
    await q.close();
  });

  it('runs a new activity’s job before a backfill’s that were waiting longer', async () => {
    const order: string[] = [];
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const processors: Processors = {
      ingest: async () => undefined,
      recompute: async () => undefined,
      'strava-backfill': async () => undefined,
      'strava-activity': async ({ stravaActivityId }) => {
        order.push(`backfill ${stravaActivityId}`);
        if (stravaActivityId === 1) await gate; // still running while the others are enqueued
      },
      'strava-event': async ({ eventId }) => {
        order.push(`event ${eventId}`);
      },
      'strava-catch-up': async () => {
        order.push('catch-up');
      },
    };
    const q = createInProcessQueue(
      () => processors,
      () => undefined,
      { concurrency: 1 },
    );
    for (const id of [1, 2, 3])
      await q.enqueue('strava-activity', { accountId: 'a', stravaActivityId: id }, `act-${id}`);
    await q.enqueue('strava-event', { eventId: 'e' }, 'event-e');
    await q.enqueue('strava-catch-up', { accountId: 'a', requestedAtMs: 1 }, 'catch-up-a');
    open();
    await q.idle();
    // The first backfill job was already running when the others came.
    expect(order).toEqual(['backfill 1', 'event e', 'catch-up', 'backfill 2', 'backfill 3']);
    await q.close();
  });
});
