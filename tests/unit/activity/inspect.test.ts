import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCommand } from '#app/cli/inspect';
import { toGpx, track, walkRunPlan } from '../../fixtures/generate-activity.ts';
import { appleHealthExportZip, garminExportZip } from '../../fixtures/generate-exports.ts';
import { toCutFit, toMultisportFit, TRIATHLON } from '../../fixtures/generate-fit-files.ts';
import { activityFile, describeWithSharedData } from '../../support/shared-data.ts';

function sink(isTTY = false): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { text: () => string; isTTY?: boolean };
  w.text = () => chunks.join('');
  if (isTTY) w.isTTY = true;
  return w;
}

async function inspect(args: string[], tty = false) {
  const stdout = sink();
  const stderr = sink(tty);
  const code = await inspectCommand(args, { stdout, stderr });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const dir = mkdtempSync(join(tmpdir(), 'hipcheck-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const walkRun = join(dir, 'walk-run.gpx');
writeFileSync(walkRun, toGpx(track(walkRunPlan()), { type: 'running' }));
const broken = join(dir, 'broken.gpx');
writeFileSync(broken, '<gpx><trk><trkseg><trkpt lat="47" lon="8">');

describe('inspectCommand()', () => {
  it('prints one JSON object per file with the documented keys and exits 0 when all parse', async () => {
    const r = await inspect([walkRun, '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(o)).toEqual([
      'file',
      'ok',
      'sport',
      'startAt',
      'points',
      'distanceM',
      'movingS',
      'elapsedS',
      'elevationGainM',
      'avgHrBpm',
      'laps',
      'intervals',
      'warnings',
    ]);
    expect(o).toMatchObject({
      file: walkRun,
      ok: true,
      sport: 'run',
      startAt: '2026-03-01T07:00:00.000Z',
      points: 2101,
      elapsedS: 2100,
      laps: 0,
    });
    const intervals = o.intervals as {
      kind: string;
      startS: number;
      durationS: number;
      distanceM: number;
    }[];
    expect(intervals.filter((i) => i.kind === 'work')).toHaveLength(10);
    expect(Object.keys(intervals[0] as object)).toEqual([
      'kind',
      'startS',
      'durationS',
      'distanceM',
    ]);
  });

  it('prints {file, ok: false, error: {code, message}} for a file that fails, and exits 1', async () => {
    const r = await inspect(['--json', walkRun, broken, join(dir, 'missing.fit')]);
    expect(r.code).toBe(1);
    const [ok, bad, missing] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ok?.ok).toBe(true);
    expect(bad).toEqual({
      file: broken,
      ok: false,
      error: {
        code: 'xml_truncated',
        message: expect.stringMatching(/^broken\.gpx: line 1: /) as unknown,
      },
    });
    expect((missing?.error as { code: string }).code).toBe('not_found');
  });

  it('prints a human-readable summary without --json', async () => {
    const r = await inspect([walkRun, broken]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${walkRun}: run, 2026-03-01T07:00:00.000Z, 2101 points`);
    expect(r.stdout).toMatch(/elapsed 35:00/);
    expect(r.stdout).toMatch(/10 work bouts/);
    expect(r.stdout).toContain(`${broken}: error xml_truncated: broken.gpx: line 1:`);
  });

  it('shows a progress line on stderr only when stderr is a terminal', async () => {
    expect((await inspect([walkRun])).stderr).toBe('');
    expect((await inspect([walkRun], true)).stderr).toContain('[1/1] parsing');
  });

  it('prints usage and exits 1 without files', async () => {
    const r = await inspect(['--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('usage: hipcheck inspect');
  });
});

describe('inspectCommand() on recovered, multisport and export files', () => {
  const cut = join(dir, 'cut.fit');
  writeFileSync(cut, toCutFit([{ durationS: 2700, speedMps: 3 }], 2531));
  const tri = join(dir, 'tri.fit');
  writeFileSync(tri, toMultisportFit(TRIATHLON));
  const apple = join(dir, 'export.zip');
  writeFileSync(apple, appleHealthExportZip());
  const garmin = join(dir, 'garmin.zip');
  writeFileSync(garmin, garminExportZip());
  const json = async (file: string) => {
    const r = await inspect(['--json', file]);
    return {
      code: r.code,
      lines: r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    };
  };

  it('prints a recovered file with its warning, and carries it in --json', async () => {
    const text = await inspect([cut]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  warning fit_ends_early: the file ends early, 42:10 into the activity: anything recorded after that is missing\n',
    );
    const { lines } = await json(cut);
    expect(lines[0]).toMatchObject({ ok: true, elapsedS: 2530 });
    expect(lines[0]?.warnings).toEqual([
      {
        code: 'fit_ends_early',
        message:
          'the file ends early, 42:10 into the activity: anything recorded after that is missing',
        atS: 2530,
      },
    ]);
  });

  it('prints a multisport file as one activity per session', async () => {
    const { code, lines } = await json(tri);
    expect(code).toBe(0);
    expect(lines.map((l) => [l.session, l.sessions, l.sport, l.elapsedS])).toEqual([
      [1, 3, 'swim', 900],
      [2, 3, 'ride', 1800],
      [3, 3, 'run', 1200],
    ]);
    expect(lines[0]?.warnings).toEqual([
      {
        code: 'fit_transitions_skipped',
        message: '2 transitions between sports (3:00 in all) not counted as training',
      },
    ]);
    expect((await inspect([tri])).stdout).toContain(`${tri} [3/3]: run, 2026-06-07T06:48:04.000Z`);
  });

  it('prints an Apple Health export per workout, then what it holds', async () => {
    const { code, lines } = await json(apple);
    expect(code).toBe(1); // one workout has an unreadable date
    expect(lines.slice(0, 7).map((l) => [l.entry, l.ok])).toEqual([
      ['Running, 2026-03-02 07:00', true],
      ['Cycling, 2026-03-03 18:00', true],
      ['Running, 2026-03-04 07:00', true],
      ['Traditional Strength Training, 2026-03-05 18:00', true],
      ['Walking, 2026-03-06 07:00', true],
      ['Swimming, 2026-03-07 07:00', true],
      ['workout 7 (HKWorkoutActivityTypeRunning, 2026-03-08 07:00:00 +0100)', false],
    ]);
    expect(lines[7]).toEqual({
      file: apple,
      ok: false,
      export: 'apple_health',
      items: 7,
      activities: 6,
      failed: 1,
      warnings: ['1 route file named by no workout: not read'],
      wellness: [
        { date: '2026-03-02', restingHrBpm: 52, hrvSdnnMs: 43 },
        { date: '2026-03-03', restingHrBpm: 55, hrvSdnnMs: null },
        { date: '2026-03-04', restingHrBpm: null, hrvSdnnMs: 50 },
      ],
    });
    const text = (await inspect([apple])).stdout;
    expect(text).toContain(
      `${apple} › Running, 2026-03-02 07:00: run, 2026-03-02T06:00:00.000Z, 1801 points, Apple Watch`,
    );
    expect(text).toContain(`${apple}: Apple Health export: 6 activities from 7 workouts, 1 failed`);
    expect(text).toContain(
      '  wellness: 3 days, 2026-03-02 to 2026-03-04: resting HR on 2 (52–55 bpm), HRV (SDNN) on 2 (43–50 ms)',
    );
  });

  it('prints a Garmin export per contained file, nested ZIPs included', async () => {
    const { code, lines } = await json(garmin);
    expect(code).toBe(1); // the settings FIT is not an activity
    const entries = lines
      .filter((l) => l.entry !== undefined)
      .map((l) => [String(l.entry).split('/').pop(), l.ok]);
    expect(entries).toEqual([
      ['user@example.org_101.fit', true],
      ['user@example.org_102.fit', true],
      ['user@example.org_102.fit', true],
      ['user@example.org_102.fit', true],
      ['user@example.org_103.fit', true],
      ['user@example.org_104.fit', false],
      ['user@example.org_105.gpx', true],
    ]);
    expect(lines.at(-1)).toMatchObject({ export: 'garmin', items: 5, activities: 6, failed: 1 });
  });
});

describeWithSharedData('inspectCommand() on real files', () => {
  it('reports a good and a broken real file side by side', async () => {
    const r = await inspect([
      '--json',
      activityFile('togeojson--run.gpx'),
      activityFile('fitparse--activity-unexpected-eof.fit'),
    ]);
    expect(r.code).toBe(1);
    const [good, bad] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(good).toMatchObject({ ok: true, points: 205, elapsedS: 948 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'fit_truncated' } });
  });
});
