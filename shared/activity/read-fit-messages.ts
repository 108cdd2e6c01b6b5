// The FIT messages an activity is made of, decoded into plain values in FIT profile units converted
// to Hipcheck's (semicircles → degrees, cm → m, mm/s → m/s, ms → s): records, laps, sessions,
// pool lengths, the sport message, the device. parseFit() turns them into activities.
import type { Sample } from './activity.ts';
import {
  decodeFit,
  FIT_EPOCH_S,
  type FitDamage,
  type FitFields,
  type FitDecodeOptions,
} from './decode-fit.ts';

const MSG = {
  fileId: 0,
  sport: 12,
  session: 18,
  lap: 19,
  record: 20,
  event: 21,
  deviceInfo: 23,
  length: 101,
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

export interface FitRecord {
  /** `t` is NaN for a record without a timestamp. */
  sample: Sample;
  /** The timer was stopped before this record: no distance across the gap. */
  newSegment: boolean;
}

export interface FitLap {
  startMs: number;
  durationS: number;
  distanceM: number;
  avgHrBpm?: number;
  trigger?: string;
}

/** One session message: a whole activity, or one leg of a multisport one. */
export interface FitSession {
  sport?: number;
  subSport?: number;
  startMs?: number;
  /** The session message's own timestamp: when the session ended. */
  endMs?: number;
  elapsedS?: number;
  timerS?: number;
  distanceM?: number;
  avgHrBpm?: number;
  maxHrBpm?: number;
  ascentM?: number;
  poolLengthM?: number;
}

/** One pool length: active (swum) or idle (a rest at the wall). */
export interface FitLength {
  startMs: number;
  elapsedS: number;
  active: boolean;
}

export interface FitMessages {
  fileType?: number;
  device?: string;
  /** The sport message, which some devices write instead of (or before) a session. */
  sport?: { sport?: number; subSport?: number; name?: string };
  records: FitRecord[];
  laps: FitLap[];
  sessions: FitSession[];
  lengths: FitLength[];
  damage?: FitDamage;
}

function num(fields: FitFields, n: number): number | undefined {
  const v = fields[n];
  return typeof v === 'number' ? v : undefined;
}

function msOf(fitSeconds: number): number {
  return (fitSeconds + FIT_EPOCH_S) * 1000;
}

function scaled(fields: FitFields, n: number, scale: number): number | undefined {
  const v = num(fields, n);
  return v === undefined ? undefined : v / scale;
}

export function readFitMessages(bytes: Uint8Array, options: FitDecodeOptions = {}): FitMessages {
  const out: FitMessages = { records: [], laps: [], sessions: [], lengths: [] };
  let timerStopped = false;
  // compressed_speed_distance: 12-bit distance in 1/16 m that rolls over, accumulated here.
  let lastRawDistance: number | undefined;
  let accumulated16 = 0;

  const { damage } = decodeFit(
    bytes,
    WANTED,
    (globalNum, f) => {
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
          if (Object.keys(s).length > 1) out.records.push({ sample: s, newSegment: timerStopped });
          timerStopped = false;
          break;
        }
        case MSG.lap: {
          const start = num(f, 2) ?? num(f, 253);
          if (start === undefined) break;
          const lap: FitLap = {
            startMs: msOf(start),
            durationS: (num(f, 7) ?? num(f, 8) ?? 0) / 1000,
            distanceM: (num(f, 9) ?? 0) / 100,
          };
          const hr = num(f, 15);
          if (hr !== undefined) lap.avgHrBpm = hr;
          const trigger = LAP_TRIGGERS[num(f, 24) ?? -1];
          if (trigger !== undefined) lap.trigger = trigger;
          out.laps.push(lap);
          break;
        }
        case MSG.session:
          out.sessions.push(sessionOf(f));
          break;
        case MSG.length: {
          const start = num(f, 2);
          const elapsed = scaled(f, 3, 1000);
          if (start === undefined || elapsed === undefined) break;
          out.lengths.push({ startMs: msOf(start), elapsedS: elapsed, active: num(f, 12) !== 0 });
          break;
        }
        case MSG.sport: {
          const sport: NonNullable<FitMessages['sport']> = {};
          const kind = num(f, 0);
          const subSport = num(f, 1);
          if (kind !== undefined) sport.sport = kind;
          if (subSport !== undefined) sport.subSport = subSport;
          const n = f[3];
          if (typeof n === 'string') sport.name = n;
          out.sport = sport;
          break;
        }
        case MSG.event: {
          // Timer event (0) stopped (1 stop, 4 stop_all): the next record resumes after a pause.
          if (num(f, 0) === 0 && (num(f, 1) === 1 || num(f, 1) === 4)) timerStopped = true;
          break;
        }
        case MSG.fileId: {
          out.fileType ??= num(f, 0);
          out.device ??= deviceName(f, 8, 1, 2);
          break;
        }
        case MSG.deviceInfo: {
          // device_index 0 is the recording device ("creator").
          if (num(f, 0) === 0) out.device = deviceName(f, 27, 2, 4) ?? out.device;
          break;
        }
      }
    },
    options,
  );
  if (damage !== undefined) out.damage = damage;
  return out;
}

function sessionOf(f: FitFields): FitSession {
  const s: FitSession = {};
  const set = <K extends keyof FitSession>(key: K, value: FitSession[K] | undefined) => {
    if (value !== undefined) s[key] = value;
  };
  set('sport', num(f, 5));
  set('subSport', num(f, 6));
  const start = num(f, 2);
  if (start !== undefined) s.startMs = msOf(start);
  const end = num(f, 253);
  if (end !== undefined) s.endMs = msOf(end);
  set('elapsedS', scaled(f, 7, 1000));
  set('timerS', scaled(f, 8, 1000));
  set('distanceM', scaled(f, 9, 100));
  set('avgHrBpm', num(f, 16));
  set('maxHrBpm', num(f, 17));
  set('ascentM', num(f, 22));
  set('poolLengthM', scaled(f, 44, 100));
  return s;
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
