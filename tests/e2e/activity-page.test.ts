// In real Chromium, at a laptop's 1440 × 900 and a phone's 390 × 844: the activity page agrees with
// itself. Every stream chart has the same time axis, the elevation gain is counted from the samples
// the elevation chart draws, the run/walk times are the sums of the bout table, a pace without
// moving time is '–', and the page never scrolls sideways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Activity, Sample } from '#shared/activity/activity';
import { computeElevationGainM } from '#shared/activity/elevation';
import { insertActivity } from '#services/db/activities.repository';
import { withTransaction } from '#services/db/database';
import { describeWithBrowser, screenshotsDir } from '../support/browser.ts';
import { activityFile, hasSharedData } from '../support/shared-data.ts';
import { morningDaysAgo, screenshot, signUp, useBrowserPage, walkRunGpx } from './e2e-env.ts';
import { uploadText } from './upload-in-page.ts';

/** 20 min at 3 m/s over a 30 m hill, then 10 min standing with the heart rate still recorded. */
function hillThenStand(startMs: number): Activity {
  const samples: Sample[] = [];
  for (let s = 0; s <= 1800; s += 5) {
    const running = s <= 1200;
    const d = 3 * Math.min(s, 1200);
    samples.push({
      t: startMs + s * 1000,
      lat: 59.9 + d / 111_000,
      lon: 10.75,
      eleM: 100 + 15 * (1 - Math.cos((2 * Math.PI * Math.min(s, 1200)) / 1200)),
      hrBpm: running ? 150 : 110,
      distanceM: d,
      speedMps: running ? 3 : 0,
    });
  }
  return {
    format: 'gpx',
    sport: 'run',
    name: 'Hill, then a long stop',
    startAt: new Date(startMs),
    samples,
    laps: [],
    intervals: [],
    summary: { distanceM: 3600, movingS: 1200, elapsedS: 1800, elevationGainM: 0, avgHrBpm: 137 },
    warnings: [],
  };
}

/** 20 min at 3 m/s with the heart rate at 144 bpm throughout, as a chest strap on a calm run. */
function steadyHeartRate(startMs: number): Activity {
  const samples: Sample[] = [];
  for (let s = 0; s <= 1200; s += 5) {
    const d = 3 * s;
    samples.push({
      t: startMs + s * 1000,
      lat: 59.9 + d / 111_000,
      lon: 10.75,
      hrBpm: 144,
      distanceM: d,
      speedMps: 3,
    });
  }
  return {
    format: 'gpx',
    sport: 'run',
    name: 'Steady',
    startAt: new Date(startMs),
    samples,
    laps: [],
    intervals: [],
    summary: { distanceM: 3600, movingS: 1200, elapsedS: 1200, elevationGainM: 0, avgHrBpm: 144 },
    warnings: [],
  };
}

/** A treadmill log with a distance and no moving time: nothing to divide a pace by. */
const noMovingTime = (startMs: number): Activity => ({
  format: 'gpx',
  sport: 'run',
  name: 'Distance only',
  startAt: new Date(startMs),
  samples: [],
  laps: [],
  intervals: [],
  summary: { distanceM: 500, movingS: 0, elapsedS: 0, elevationGainM: 0 },
  warnings: [],
});

const statOf = (page: Page, id: string) =>
  page.locator(`#activity-stats [data-stat="${id}"] dd`).innerText();

async function xTicks(page: Page, chart: string): Promise<string[]> {
  return page
    .locator(`#${chart} [data-mark="x-axis tick label"] text`)
    .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
}

describeWithBrowser('the activity page', () => {
  const { env, page, errors } = useBrowserPage({
    viewport: { width: 1440, height: 900 },
    stepTimeoutMs: 15_000,
  });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await signUp(page, env.url, 'activity-page@example.com', 'runner');
    const me = (await (await page.request.get('/api/me')).json()) as { athlete: { id: string } };
    await withTransaction(env.pool, async (tx) => {
      for (const [key, a] of [
        ['hill', hillThenStand(morningDaysAgo(2))],
        ['still', noMovingTime(morningDaysAgo(3))],
        ['steady', steadyHeartRate(morningDaysAgo(4))],
      ] as const)
        ids[key] =
          (await insertActivity(tx, {
            athleteId: me.athlete.id,
            source: 'file',
            sourceId: key,
            uploadId: null,
            localDate: new Date(a.startAt).toISOString().slice(0, 10),
            activity: a,
          })) ?? '';
    });
    ids.walkRun = await uploadText(page, 'walk-run.gpx', walkRunGpx(1));
  }, 120_000);

  it('draws pace, heart rate and elevation on one time axis, to the last sample', async () => {
    await page.goto(`/activities/${ids.hill}`);
    await page.locator('#ele-chart svg').waitFor();
    // Pace stops where the runner stopped (20 min); heart rate and elevation go on to 30 min.
    const pace = await xTicks(page, 'pace-chart');
    expect(pace.at(-1)).toBe('30');
    expect(await xTicks(page, 'hr-chart')).toEqual(pace);
    expect(await xTicks(page, 'ele-chart')).toEqual(pace);
    const labels = await page
      .locator('#streams [data-mark="x-axis label"]')
      .evaluateAll((gs) => gs.map((g) => (g.textContent ?? '').replace(/\s*→$/, '')));
    expect(labels).toHaveLength(3);
    expect(new Set(labels)).toEqual(new Set(['Elapsed time (min)']));
    // Pace is read on a clock (m:ss), every tick a different time: "5.5" would read as 5:05.
    const paceTicks = await page
      .locator('#pace-chart [data-mark="y-axis tick label"] text')
      .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
    expect(paceTicks.length).toBeGreaterThan(1);
    for (const t of paceTicks) expect(t).toMatch(/^\d+:[0-5]\d$/);
    expect(new Set(paceTicks).size).toBe(paceTicks.length);
  });

  it('counts the elevation gain from the samples the chart draws, and says how', async () => {
    const detail = (await (await page.request.get(`/api/activities/${ids.hill}`)).json()) as {
      samples: Sample[];
      elevationGainM: number;
    };
    // The stored summary says 0; the samples climb 30 m (100 → 130 m) and come back down, and the
    // last 3 m step below the top is not yet a climb (the hysteresis), so the count is 28 m.
    expect(detail.elevationGainM).toBe(0);
    const gainM = Math.round(computeElevationGainM(detail.samples.map((s) => s.eleM)));
    expect(gainM).toBe(28);
    expect(await statOf(page, 'elevation')).toBe(`${gainM} m`);
    expect(
      await page.locator('#activity-stats [data-stat="elevation"]').getAttribute('title'),
    ).toMatch(/risen 3 m above its last low point/);
  });

  it('shows the day as a date a person reads', async () => {
    const day = new Date(morningDaysAgo(2));
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' });
    const month = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' });
    expect(await statOf(page, 'date')).toBe(
      `${weekday.format(day)} ${day.getUTCDate()} ${month.format(day)} ${day.getUTCFullYear()}`,
    );
    // On one line, at a laptop's width and a phone's: its box is as high as the distance's.
    const heightOf = (id: string) =>
      page.locator(`#activity-stats [data-stat="${id}"] dd`).evaluate((e) => e.clientHeight);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await heightOf('date')).toBe(await heightOf('distance'));
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('writes a steady heart rate on an axis of whole beats, every tick different', async () => {
    await page.goto(`/activities/${ids.steady}`);
    await page.locator('#hr-chart svg').waitFor();
    const hrTicks = await page
      .locator('#hr-chart [data-mark="y-axis tick label"] text')
      .evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
    expect(hrTicks.length).toBeGreaterThan(1);
    for (const t of hrTicks) expect(t).toMatch(/^\d+$/);
    expect(new Set(hrTicks).size).toBe(hrTicks.length);
    // The line is drawn inside the axis: 144 lies between its first and last tick.
    const [first, last] = [Number(hrTicks[0]), Number(hrTicks.at(-1))];
    expect(Math.min(first, last)).toBeLessThan(144);
    expect(Math.max(first, last)).toBeGreaterThan(144);
  });

  it("shows '–' for the pace of an activity without moving time, never 0:00", async () => {
    await page.goto(`/activities/${ids.still}`);
    await page.locator('#activity-stats').waitFor();
    expect(await statOf(page, 'pace')).toBe('–');
    expect(await statOf(page, 'distance')).toBe('0.50 km');
  });

  it('gives run and walk times that are the sums of the bout table', async () => {
    await page.goto(`/activities/${ids.walkRun}`);
    await page.locator('#intervals').waitFor();
    const rows = await page
      .locator('#intervals tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
    const secs = (clock: string) => clock.split(':').reduce((a, p) => a * 60 + Number(p), 0);
    const sum = (kind: string) =>
      rows.filter((r) => r[0] === kind).reduce((a, r) => a + secs(r[2] ?? '0'), 0);
    // 10 × 1:00 of running; 5:00 of warm-up walk and 10 × 2:00 walk breaks.
    expect(sum('Run')).toBe(600);
    expect(sum('Walk/rest')).toBe(1500);
    expect(await statOf(page, 'run-walk')).toBe('10:00 / 25:00');
    await screenshot(page, 'activity-walk-run-1440.png');
  });

  const rowsOf = (page: Page, table: string) =>
    page
      .locator(`#${table} tbody tr`)
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));
  const putAthlete = (body: object) => page.request.put('/api/athlete', { data: body });

  it('lists splits per km, then per mile once the athlete prefers miles', async () => {
    await page.goto(`/activities/${ids.hill}`);
    await page.locator('#splits').waitFor();
    // 3 m/s: 1000 m in 333.3 s (5:33). The last 600 m took 200 s plus the 600 s stop: 13:20.
    const km = (await rowsOf(page, 'splits')).map((r) => r.slice(0, 3));
    expect(km).toEqual([
      ['1', '5:33', '5:33 /km'],
      ['2', '5:33', '5:33 /km'],
      ['3', '5:33', '5:33 /km'],
      ['0.60', '13:20', '22:13 /km'],
    ]);
    expect((await putAthlete({ units: 'mi' })).ok()).toBe(true);
    try {
      await page.reload();
      await page.locator('#splits').waitFor();
      // 1609.344 m at 3 m/s is 536.4 s (8:56); the 381.3 m left (0.24 mi) take 127.1 s, plus the
      // 600 s stop: 12:07.
      const mi = (await rowsOf(page, 'splits')).map((r) => r.slice(0, 2));
      expect(mi).toEqual([
        ['1', '8:56'],
        ['2', '8:56'],
        ['0.24', '12:07'],
      ]);
      expect(await page.locator('#splits caption').innerText()).toMatch(/per mile/);
    } finally {
      await putAthlete({ units: 'km' });
    }
  });

  it("puts heart-rate time in zones of the default HRmax, then of the athlete's own", async () => {
    await page.goto(`/activities/${ids.hill}`);
    await page.locator('#hr-zone-table').waitFor();
    // Samples every 5 s: HR 150 from 0 to 1205 s (20:05), then 110 to 1800 s (9:55).
    // No HRmax set: 190 bpm, zones from 114, 133, 152, 171 → 150 is zone 3, 110 zone 1.
    expect(await page.locator('#hr-zones-basis').innerText()).toMatch(/assume 190 bpm/);
    expect((await rowsOf(page, 'hr-zone-table')).map((r) => r.slice(0, 3))).toEqual([
      ['1 Warm-up', '< 114', '9:55'],
      ['2 Easy', '114–132', '0:00'],
      ['3 Aerobic', '133–151', '20:05'],
      ['4 Threshold', '152–170', '0:00'],
      ['5 Maximum', '171+', '0:00'],
    ]);
    // HRmax 170: zones from 102, 119, 136, 153 → 150 is zone 4, 110 zone 2.
    expect((await putAthlete({ hrMaxBpm: 170 })).ok()).toBe(true);
    await page.reload();
    await page.locator('#hr-zone-table').waitFor();
    expect(await page.locator('#hr-zones-basis').innerText()).toMatch(/HRmax in Settings, 170 bpm/);
    const times = (await rowsOf(page, 'hr-zone-table')).map((r) => r[2]);
    expect(times).toEqual(['0:00', '9:55', '0:00', '20:05', '0:00']);
  });

  it('draws the route as a shape with a text alternative, and none without positions', async () => {
    await page.goto(`/activities/${ids.hill}`);
    const svg = page.locator('#route-chart svg[role="img"]');
    await svg.waitFor();
    // Due north 3600 m: 0.032 degrees of latitude, no longitude.
    expect(await svg.getAttribute('aria-label')).toBe(
      'Route shape: 3.6 km north–south by 0.0 km east–west; it finishes 3.6 km from the start.',
    );
    expect(await page.locator('#route-chart [data-mark="geo"] path').count()).toBe(1);
    const labels = await page
      .locator('#route-chart [data-mark="text"] text')
      .evaluateAll((ts) => ts.map((t) => t.textContent));
    expect(labels).toEqual(['Start', 'Finish']);
    await page.goto(`/activities/${ids.still}`);
    await page.locator('#activity-stats').waitFor();
    expect(await page.locator('#route').count()).toBe(0);
    expect(await page.locator('#splits-zones').count()).toBe(0);
  });

  it.skipIf(!hasSharedData)(
    "says so when a file's laps disagree with its track (togeojson tour_hr.tcx)",
    async () => {
      // The file's one lap claims 2283 s and 6.84 km; its track points cover 15:59:36–16:07:19.
      const tcx = readFileSync(activityFile('togeojson--tour_hr.tcx'), 'utf8');
      const id = await uploadText(page, 'tour_hr.tcx', tcx);
      await page.goto(`/activities/${id}`);
      await page.locator('#laps').waitFor();
      expect((await rowsOf(page, 'laps'))[0]?.slice(2, 4)).toEqual(['38:03', '6.84 km']);
      const note = await page.locator('#laps-note').innerText();
      expect(note).toMatch(/^The file's laps add up to 38:03 and 6\.84 km, its recorded track to /);
      expect(note).toContain(await statOf(page, 'distance'));
      // A file whose lap matches its track (fit-parser example.fit: 24.79 km both) has no note.
      const fit = readFileSync(activityFile('fit-parser--example.fit'));
      await page.goto(`/activities/${await uploadText(page, 'example.fit', fit)}`);
      await page.locator('#laps').waitFor();
      expect(await statOf(page, 'distance')).toBe('24.79 km');
      expect(await page.locator('#laps-note').count()).toBe(0);
    },
  );

  it('fits a phone: nothing scrolls sideways at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, id] of [
      ['hill', ids.hill],
      ['walk-run', ids.walkRun],
    ]) {
      await page.goto(`/activities/${id}`);
      await page.locator('#activity-stats').waitFor();
      await page.waitForTimeout(200);
      await screenshot(page, `activity-${name}-390.png`);
      for (const part of ['route', 'splits-zones'])
        await page
          .locator(`#${part}`)
          .screenshot({ path: join(screenshotsDir, `activity-${name}-${part}-390.png`) });
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide).toBeLessThanOrEqual(390);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(errors).toEqual([]);
  });

  it.skipIf(!hasSharedData)('reads a real GPX run the same way (togeojson run.gpx)', async () => {
    const gpx = readFileSync(activityFile('togeojson--run.gpx'), 'utf8');
    const id = await uploadText(page, 'run.gpx', gpx);
    await page.goto(`/activities/${id}`);
    await page.locator('#ele-chart svg').waitFor();
    const pace = await xTicks(page, 'pace-chart');
    expect(await xTicks(page, 'hr-chart')).toEqual(pace);
    expect(await xTicks(page, 'ele-chart')).toEqual(pace);
    expect(await statOf(page, 'date')).toBe('Wed 24 Oct 2012');
    // The file has two gaps in its recording (106 s at 6:43, 52 s at 13:21): each line breaks there
    // instead of drawing a straight line across, so each is three pieces.
    for (const chart of ['pace-chart', 'hr-chart', 'ele-chart']) {
      const d = (await page.locator(`#${chart} [data-mark="line"] path`).getAttribute('d')) ?? '';
      expect(d.match(/M/g)?.length, chart).toBe(3);
    }
  });
});
