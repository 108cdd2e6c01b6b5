// Damaged, multisport and pool-swim FIT files through today's one-activity-per-upload pipeline:
// a recovered file is stored with its warning, never as a silently shorter run; a pool swim is a
// swim of its session's time; a multisport upload keeps its run and names the sessions it leaves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';
import {
  toCutFit,
  toMultisportFit,
  toPoolSwimFit,
  TRIATHLON,
} from '../../fixtures/generate-fit-files.ts';

interface Detail {
  sport: string;
  movingS: number;
  elapsedS: number;
  distanceM: number;
  sampleCount: number;
  warnings: string[];
}

describe('recovered and multisport FIT uploads', () => {
  let p: Pipeline;
  let runner: TestClient;

  beforeAll(async () => {
    p = await startPipeline();
    runner = p.client();
    await runner.signup('recovered@example.com', 'runner', 'Europe/Zurich');
  });
  afterAll(async () => {
    await p.close();
  });

  async function uploadOne(name: string, content: Uint8Array): Promise<Detail> {
    const res = await runner.upload([{ name, content }]);
    const done = await waitForUpload(runner, res.body.uploads[0]?.id ?? '');
    expect(done.status).toBe('done');
    const detail = await runner.get<Detail>(`/api/activities/${done.activityIds[0]}`);
    return detail.body;
  }

  it('stores a FIT cut inside its last record with the records before the cut and the warning', async () => {
    const a = await uploadOne('cut.fit', toCutFit([{ durationS: 2700, speedMps: 3 }], 2531));
    expect([a.sport, a.elapsedS, a.distanceM, a.sampleCount]).toEqual(['run', 2530, 7590, 2531]);
    expect(a.warnings[0]).toBe(
      'the file ends early, 42:10 into the activity: anything recorded after that is missing',
    );
  });

  it('stores a pool swim as a swim of its session time, not a route without times', async () => {
    const a = await uploadOne('pool.fit', toPoolSwimFit());
    expect([a.sport, a.movingS, a.elapsedS, a.distanceM, a.sampleCount]).toEqual([
      'swim',
      1140,
      1200,
      800,
      0,
    ]);
  });

  it('stores the run of a multisport file and says which sessions it leaves out', async () => {
    const a = await uploadOne('tri.fit', toMultisportFit(TRIATHLON));
    expect([a.sport, a.distanceM]).toEqual(['run', 3600]);
    expect(a.warnings[0]).toContain('the file holds 3 sessions: only this run is read here');
  });
});
