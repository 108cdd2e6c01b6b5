// FIT activity → Activity: records become samples, laps stay as recorded, the session gives the
// sport and the device's total distance. Units follow the FIT profile (semicircles, mm/s, cm, ...).
import { BadInputError } from '../errors.ts';
import type { Activity, Lap, Sample, Sport } from './activity.ts';
import { buildActivity } from './build-activity.ts';
import { createSampleCleaner, type CleanOptions } from './clean.ts';
import { decodeFit, FIT_EPOCH_S, type FitFields } from './decode-fit.ts';
import { normaliseCadence } from './normalise-cadence.ts';
import { maxSpeedMpsOf, sportOfFit } from './sport.ts';

export interface FitOptions {
  defaultSport?: Sport;
  clean?: Omit<CleanOptions, 'keepSamples'>;
}

const MSG = {
  fileId: 0,
  sport: 12,
  session: 18,
  lap: 19,
  record: 20,
  event: 21,
  deviceInfo: 23,
} as const;

const WANTED: ReadonlySet<number> = new Set(Object.values(MSG));

const SEMICIRCLE_DEG = 180 / 2 ** 31;

const LAP_TRIGGERS = [
  'manual',
  'time',
  'distance',
  'position_start',
  'position_lap',
  'position_waypoint',
  'position_marked',
  'session_end',
  'fitness_equipment',
];

const MANUFACTURERS: Readonly<Record<number, string>> = {
  1: 'Garmin',
  23: 'Suunto',
  32: 'Wahoo',
  69: 'Stages',
  89: 'Tacx',
  123: 'Polar',
  255: 'Development',
  260: 'Zwift',
  265: 'Strava',
  294: 'Coros',
};

function num(fields: FitFields, n: number): number | undefined {
  const v = fields[n];
  return typeof v === 'number' ? v : undefined;
}

function msOf(fitSeconds: number): number {
  return (fitSeconds + FIT_EPOCH_S) * 1000;
}

interface Session {
  sport?: number;
  subSport?: number;
  distanceM?: number;
}

export function parseFit(bytes: Uint8Array, options: FitOptions = {}): Activity {
  const records: { sample: Sample; newSegment: boolean }[] = [];
  const laps: (Lap & { startMs: number })[] = [];
  const sessions: Session[] = [];
  let fileType: number | undefined;
  let device: string | undefined;
  let sportMsg: Session | undefined;
  let name: string | undefined;
  let timerStopped = false;
  // compressed_speed_distance: 12-bit distance in 1/16 m that rolls over, accumulated here.
  let lastRawDistance: number | undefined;
  let accumulated16 = 0;

  decodeFit(bytes, WANTED, (globalNum, f) => {
    switch (globalNum) {
      case MSG.record: {
        const ts = num(f, 253);
        const s: Sample = { t: ts === undefined ? Number.NaN : msOf(ts) };
        const lat = num(f, 0);
        const lon = num(f, 1);
        if (lat !== undefined && lon !== undefined) {
          s.lat = lat * SEMICIRCLE_DEG;
          s.lon = lon * SEMICIRCLE_DEG;
        }
        const alt = num(f, 78) ?? num(f, 2);
        if (alt !== undefined) s.eleM = alt / 5 - 500;
        const hr = num(f, 3);
        if (hr !== undefined) s.hrBpm = hr;
        const cad = num(f, 4);
        if (cad !== undefined) s.cadenceSpm = cad + (num(f, 53) ?? 0) / 128;
        const dist = num(f, 5);
        if (dist !== undefined) s.distanceM = dist / 100;
        const speed = num(f, 73) ?? num(f, 6);
        if (speed !== undefined) s.speedMps = speed / 1000;
        const csd = f[8];
        if (Array.isArray(csd) && csd.length === 3) {
          const [b0, b1, b2] = csd as [number, number, number];
          s.speedMps ??= (b0 | ((b1 & 0x0f) << 8)) / 100;
          const raw = (b1 >> 4) | (b2 << 4);
          accumulated16 += lastRawDistance === undefined ? raw : (raw - lastRawDistance) & 0xfff;
          lastRawDistance = raw;
          s.distanceM ??= accumulated16 / 16;
        }
        // A record holding only a timestamp carries nothing to keep.
        if (Object.keys(s).length > 1) records.push({ sample: s, newSegment: timerStopped });
        timerStopped = false;
        break;
      }
      case MSG.lap: {
        const start = num(f, 2) ?? num(f, 253);
        if (start === undefined) break;
        const lap: Lap & { startMs: number } = {
          startMs: msOf(start),
          startS: 0,
          durationS: (num(f, 7) ?? num(f, 8) ?? 0) / 1000,
          distanceM: (num(f, 9) ?? 0) / 100,
        };
        const hr = num(f, 15);
        if (hr !== undefined) lap.avgHrBpm = hr;
        const trigger = LAP_TRIGGERS[num(f, 24) ?? -1];
        if (trigger !== undefined) lap.trigger = trigger;
        laps.push(lap);
        break;
      }
      case MSG.session: {
        const s: Session = {};
        const sport = num(f, 5);
        const subSport = num(f, 6);
        const dist = num(f, 9);
        if (sport !== undefined) s.sport = sport;
        if (subSport !== undefined) s.subSport = subSport;
        if (dist !== undefined) s.distanceM = dist / 100;
        sessions.push(s);
        break;
      }
      case MSG.sport: {
        sportMsg = {};
        const sport = num(f, 0);
        const subSport = num(f, 1);
        if (sport !== undefined) sportMsg.sport = sport;
        if (subSport !== undefined) sportMsg.subSport = subSport;
        const n = f[3];
        if (typeof n === 'string') name = n;
        break;
      }
      case MSG.event: {
        // Timer event (0) stopped (1 stop, 4 stop_all): the next record resumes after a pause.
        if (num(f, 0) === 0 && (num(f, 1) === 1 || num(f, 1) === 4)) timerStopped = true;
        break;
      }
      case MSG.fileId: {
        fileType ??= num(f, 0);
        device ??= deviceName(f, 8, 1, 2);
        break;
      }
      case MSG.deviceInfo: {
        // device_index 0 is the recording device ("creator").
        if (num(f, 0) === 0) device = deviceName(f, 27, 2, 4) ?? device;
        break;
      }
    }
  });

  if (fileType !== undefined && fileType !== 4) {
    throw new BadInputError(
      'fit_not_activity',
      `this FIT file is of type ${fileType} (settings, course, ...), not an activity (type 4)`,
    );
  }
  if (records.length === 0) {
    throw new BadInputError(
      'fit_no_records',
      'the FIT file has no record messages: nothing was recorded',
    );
  }

  const session = sessions[0];
  const sport: Sport =
    session?.sport !== undefined || sportMsg?.sport !== undefined
      ? sportOfFit(session?.sport ?? sportMsg?.sport, session?.subSport ?? sportMsg?.subSport)
      : (options.defaultSport ?? 'run');
  const cleaner = createSampleCleaner({ maxSpeedMps: maxSpeedMpsOf(sport), ...options.clean });
  for (const r of records) cleaner.add(r.sample, r.newSegment);
  const clean = cleaner.finish();
  normaliseCadence(clean.samples, sport, true);

  const sessionDistances = sessions.flatMap((s) =>
    s.distanceM === undefined ? [] : [s.distanceM],
  );
  const distanceM =
    sessionDistances.length > 0
      ? sessionDistances.reduce((a, b) => a + b, 0)
      : (clean.deviceDistanceM ?? undefined);
  const warnings: string[] = [];
  if (session === undefined && sportMsg === undefined)
    warnings.push(`no sport in the file: taken as ${sport}`);
  return buildActivity(clean, {
    format: 'fit',
    sport,
    name,
    device,
    distanceM,
    warnings,
    laps: laps.map(({ startMs, ...lap }) => ({
      ...lap,
      startS: Math.max(0, (startMs - clean.startMs) / 1000),
    })),
  });
}

function deviceName(
  f: FitFields,
  nameField: number,
  makerField: number,
  productField: number,
): string | undefined {
  const productName = f[nameField];
  if (typeof productName === 'string') return productName;
  const maker = num(f, makerField);
  if (maker === undefined) return undefined;
  const product = num(f, productField);
  const makerName = MANUFACTURERS[maker] ?? `manufacturer ${maker}`;
  return product === undefined ? makerName : `${makerName} product ${product}`;
}
