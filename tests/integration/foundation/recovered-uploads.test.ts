// Damaged, multisport and pool-swim FIT files through the upload API and the workers: a recovered
// file is stored with its warning — on the activity and in the upload's result, naming the moment
// the file ends on the athlete's local clock — never as a silently shorter run; a pool swim is a
// swim of its session's time; a multisport file is one activity per session, the run counting as
// running and the other legs as cross-training of their minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startPipeline, waitForUpload, type Pipeline } from '../../support/pipeline.ts';
import type { TestClient } from '../../support/http-client.ts';
import {
  toCutFit,
  toMultisportFit,
  toPoolSwimFit,
  TRIATHLON,
} from '../../fixtures/generate-fit-files.ts';

interface Detail {
  sport: string;
  localDate: string;
  movingS: number;
  elapsedS: number;
  distanceM: number;
  sampleCount: number;
  warnings: string[];
  fileWarnings: Array<{ code: string; message: string }>;
}

interface UploadJson {
  status: string;
  activityIds: string[];
  warnings: Array<{ code: string; message: string }>;
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

  async function uploadOne(name: string, content: Uint8Array): Promise<UploadJson> {
    const res = await runner.upload([{ name, content }]);
    const id = res.body.uploads[0]?.id ?? '';
    const done = await waitForUpload(runner, id);
    expect(done.status).toBe('done');
    return (await runner.get<UploadJson>(`/api/uploads/${id}`)).body;
  }
  const detailOf = async (id: string | undefined) =>
    (await runner.get<Detail>(`/api/activities/${id}`)).body;

  it('stores a FIT cut inside its last record with the records before the cut, and says where it ends on the local clock', async () => {
    const upload = await uploadOne('cut.fit', toCutFit([{ durationS: 2700, speedMps: 3 }], 2531));
    const a = await detailOf(upload.activityIds[0]);
    // Records 0…2530 survive: 2,530 s at 3 m/s = 7,590 m (fixtures README).
    expect([a.sport, a.elapsedS, a.distanceM, a.sampleCount]).toEqual(['run', 2530, 7590, 2531]);
    // The run starts 2026-03-01 07:00:00 UTC (generate-activity.ts); 2,530 s later is 07:42:10
    // UTC, 08:42 in Zurich (CET, UTC+1, on 1 March).
    const said =
      'the file ends early at 08:42 (42:10 into the activity): anything recorded after that is missing';
    expect(a.fileWarnings).toEqual([{ code: 'fit_ends_early', message: said }]);
    expect(upload.warnings).toEqual([{ code: 'fit_ends_early', message: said }]);
    // Cleaning notes stay apart from the file's warnings.
    expect(a.warnings).not.toContain(said);
  });

  it('stores a pool swim as a swim of its session time, not a route without times', async () => {
    const upload = await uploadOne('pool.fit', toPoolSwimFit());
    const a = await detailOf(upload.activityIds[0]);
    expect([a.sport, a.movingS, a.elapsedS, a.distanceM, a.sampleCount]).toEqual([
      'swim',
      1140,
      1200,
      800,
      0,
    ]);
  });

  it('stores each session of a multisport file: the run as a run, the swim and the ride as cross-training minutes', async () => {
    const upload = await uploadOne('tri.fit', toMultisportFit(TRIATHLON));
    expect(upload.activityIds).toHaveLength(3);
    // T1 120 s and T2 60 s: said once, with the upload's result.
    expect(upload.warnings).toEqual([
      {
        code: 'fit_transitions_skipped',
        message: '2 transitions between sports (3:00 in all) not counted as training',
      },
    ]);
    const legs = await Promise.all(upload.activityIds.map(detailOf));
    // Swim 900 s at 1 m/s, ride 1,800 s at 8 m/s, run 1,200 s at 3 m/s (fixtures README); the
    // two transitions are not training.
    expect(legs.map((a) => [a.sport, a.distanceM, a.elapsedS])).toEqual([
      ['swim', 900, 900],
      ['ride', 14400, 1800],
      ['run', 3600, 1200],
    ]);
    const [swim, ride] = legs;
    const day = legs[2]?.localDate ?? '';
    // The swim's and the ride's minutes are the day's cross-training — about 15 + 30 = 45 — and the
    // run's 3,600 m its only running.
    const crossMin = ((swim?.movingS ?? 0) + (ride?.movingS ?? 0)) / 60;
    expect(Math.abs(crossMin - 45)).toBeLessThan(1);
    await eventually(
      async () => {
        const daily = await runner.get<
          Array<{ day: string; runDistanceM: number; load?: { crossTrainingMin: number } }>
        >(`/api/metrics/daily?from=${day}&to=${day}`);
        const d = daily.body[0];
        return d?.runDistanceM === 3600 && d.load?.crossTrainingMin === crossMin;
      },
      20_000,
      'the day to count the run and the cross-training minutes',
    );
  });

  it('stores the same multisport file sent again as one set of activities: a duplicate', async () => {
    const res = await runner.upload([
      { name: 'tri-again.fit', content: toMultisportFit(TRIATHLON) },
    ]);
    const again = await waitForUpload(runner, res.body.uploads[0]?.id ?? '');
    expect(again.status).toBe('duplicate');
    const { rows } = await p.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM activities WHERE sport IN ('swim', 'ride') AND local_date = '2026-06-07'",
    );
    expect(rows[0]?.n).toBe(2);
  });
});
