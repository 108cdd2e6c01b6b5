import { describe, expect, it } from 'vitest';
import { startBullWorkers } from '#services/queue/bullmq-queue';
import { checkProcessors, JOB_NAMES, type Processors } from '#services/queue/jobs';

const noop = async () => undefined;

function allProcessors(): Processors {
  return {
    ingest: noop,
    recompute: noop,
    'strava-backfill': noop,
    'strava-activity': noop,
    'strava-event': noop,
    'strava-catch-up': noop,
  };
}

describe('job names and their processors', () => {
  it('JOB_NAMES lists each of the six job kinds once', () => {
    expect([...JOB_NAMES].sort()).toEqual(
      [
        'ingest',
        'recompute',
        'strava-activity',
        'strava-backfill',
        'strava-catch-up',
        'strava-event',
      ].sort(),
    );
  });

  it('checkProcessors() accepts exactly one function per job name', () => {
    const processors = allProcessors();
    expect(checkProcessors(processors)).toBe(processors);
  });

  it('checkProcessors() names a job without a processor and a processor for an unknown job', () => {
    const { recompute: _left, ...rest } = allProcessors();
    const broken = { ...rest, 'strava-extra': noop } as unknown as Processors;
    expect(() => checkProcessors(broken)).toThrow(
      'job processors: no processor for recompute; processors for unknown jobs strava-extra',
    );
  });

  it('startBullWorkers() refuses to start without a processor for every job name', () => {
    const broken = { ...allProcessors(), 'strava-event': undefined } as unknown as Processors;
    // The check comes before any connection: nothing is started.
    expect(() =>
      startBullWorkers({
        redisUrl: 'redis://127.0.0.1:1',
        processors: broken,
        log: () => undefined,
      }),
    ).toThrow('no processor for strava-event');
  });
});
