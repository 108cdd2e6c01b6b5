import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCommand } from '#app/cli/inspect';
import { toGpx, track, walkRunPlan } from '../../fixtures/generate-activity.ts';
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
