// First pass over Apple Health's export.xml, streaming, in memory bounded by the number of workouts
// and days (not by the file, often over a gigabyte): every workout with its type, times, duration,
// distance and route file, and each day's resting heart rate and heart-rate variability (SDNN).
// Heart-rate records are left to the second pass (collect-heart-rates.ts): they come before the
// workouts in the file, so which of them fall inside a workout is only known at the end.
import { BadInputError } from '../../errors.ts';
import { attrOf, createXmlTokenizer, type XmlHandler } from '../xml-tokenizer.ts';
import { parseAppleDate } from './parse-apple-date.ts';

export interface AppleWorkout {
  /** Position among the file's workouts, from 0. */
  index: number;
  /** e.g. "HKWorkoutActivityTypeRunning". */
  type: string;
  startMs: number;
  endMs: number;
  /** The start as Apple wrote it, local time and offset: "2019-05-01 07:12:33 +0200". */
  startText: string;
  /** Active time (pauses excluded), seconds. */
  durationS?: number;
  distanceM?: number;
  indoor: boolean;
  /** Route file as export.xml names it, e.g. "/workout-routes/route_2019-05-01_7.12am.gpx". */
  routePath?: string;
  device?: string;
}

/** One day's wellness values, each the mean of that day's records. */
export interface WellnessDay {
  /** The local day the values were recorded on, e.g. '2019-05-01'. */
  date: string;
  restingHrBpm?: number;
  hrvSdnnMs?: number;
}

export interface HealthScan {
  workouts: AppleWorkout[];
  wellness: WellnessDay[];
  /** Workouts left out, with why (no readable dates, ...). */
  skipped: { index: number; label: string; reason: string; message: string }[];
}

export interface XmlStream {
  push(chunk: Uint8Array): void;
  end(): void;
}

const RESTING_HR = 'HKQuantityTypeIdentifierRestingHeartRate';
const HRV_SDNN = 'HKQuantityTypeIdentifierHeartRateVariabilitySDNN';

const SECONDS_PER: Readonly<Record<string, number>> = { s: 1, sec: 1, min: 60, hr: 3600, h: 3600 };
const METRES_PER: Readonly<Record<string, number>> = {
  m: 1,
  km: 1000,
  mi: 1609.344,
  yd: 0.9144,
  ft: 0.3048,
};

function quantity(
  value: string | undefined,
  unit: string | undefined,
  per: Record<string, number>,
) {
  const v = Number(value);
  const scale = unit === undefined ? undefined : per[unit];
  return value === undefined || scale === undefined || !Number.isFinite(v) || v < 0
    ? undefined
    : v * scale;
}

/** "name:Apple Watch" out of the device attribute ("<<HKDevice: 0x…>, name:Apple Watch, …>"). */
function deviceNameOf(device: string | undefined): string | undefined {
  const m = device === undefined ? null : /(?:^|[<,]\s*)name:([^,>]+)/.exec(device);
  return m?.[1]?.trim() || undefined;
}

/** A streaming export.xml reader for the first pass. */
export function createHealthXmlScanner(): XmlStream & { result(): HealthScan } {
  const workouts: AppleWorkout[] = [];
  const skipped: HealthScan['skipped'] = [];
  const days = new Map<string, { hr: number; hrN: number; hrv: number; hrvN: number }>();
  const path: string[] = [];
  let workout: AppleWorkout | undefined;
  let statsDistanceM: number | undefined;
  let inRoute = false;
  let count = 0;

  function addWellness(attrs: readonly string[]): void {
    const type = attrOf(attrs, 'type');
    if (type !== RESTING_HR && type !== HRV_SDNN) return;
    const unit = attrOf(attrs, 'unit');
    const value = Number(attrOf(attrs, 'value'));
    const at = parseAppleDate(attrOf(attrs, 'startDate'));
    if (at === undefined || !Number.isFinite(value) || value <= 0) return;
    const day = days.get(at.localDate) ?? { hr: 0, hrN: 0, hrv: 0, hrvN: 0 };
    if (type === RESTING_HR && unit === 'count/min') {
      day.hr += value;
      day.hrN++;
    } else if (type === HRV_SDNN && unit === 'ms') {
      day.hrv += value;
      day.hrvN++;
    } else return;
    days.set(at.localDate, day);
  }

  function startWorkout(attrs: readonly string[]): void {
    const type = attrOf(attrs, 'workoutActivityType') ?? 'HKWorkoutActivityTypeOther';
    const startText = attrOf(attrs, 'startDate') ?? '';
    const start = parseAppleDate(startText);
    const end = parseAppleDate(attrOf(attrs, 'endDate'));
    const index = count++;
    statsDistanceM = undefined;
    inRoute = false;
    if (start === undefined || end === undefined || end.ms <= start.ms) {
      skipped.push({
        index,
        label: `workout ${index + 1} (${type}, ${startText || 'no start'})`,
        reason: 'apple_workout_dates',
        message: 'its start and end dates are missing, unreadable or out of order',
      });
      workout = undefined;
      return;
    }
    workout = { index, type, startMs: start.ms, endMs: end.ms, startText, indoor: false };
    const durationS = quantity(
      attrOf(attrs, 'duration'),
      attrOf(attrs, 'durationUnit'),
      SECONDS_PER,
    );
    if (durationS !== undefined) workout.durationS = durationS;
    const distanceM = quantity(
      attrOf(attrs, 'totalDistance'),
      attrOf(attrs, 'totalDistanceUnit'),
      METRES_PER,
    );
    if (distanceM !== undefined && distanceM > 0) workout.distanceM = distanceM;
    const device = deviceNameOf(attrOf(attrs, 'device')) ?? attrOf(attrs, 'sourceName');
    if (device !== undefined) workout.device = device;
  }

  function inWorkout(local: string, attrs: readonly string[]): void {
    const w = workout as AppleWorkout;
    if (local === 'MetadataEntry' && path.length === 3) {
      if (attrOf(attrs, 'key') === 'HKIndoorWorkout') w.indoor = attrOf(attrs, 'value') === '1';
    } else if (local === 'WorkoutStatistics') {
      // iOS 16 and later give the distance here instead of in totalDistance.
      const type = attrOf(attrs, 'type') ?? '';
      if (type.startsWith('HKQuantityTypeIdentifierDistance')) {
        const d = quantity(attrOf(attrs, 'sum'), attrOf(attrs, 'unit'), METRES_PER);
        if (d !== undefined) statsDistanceM = (statsDistanceM ?? 0) + d;
      }
    } else if (local === 'WorkoutRoute') {
      inRoute = true;
    } else if (local === 'FileReference' && inRoute) {
      w.routePath ??= attrOf(attrs, 'path');
    }
  }

  const handler: XmlHandler = {
    wantText: false,
    open(local, attrs) {
      path.push(local);
      if (path.length === 1) {
        if (local !== 'HealthData') {
          throw new BadInputError(
            'apple_not_health',
            `export.xml holds <${local}>, not <HealthData>`,
          );
        }
      } else if (path.length === 2) {
        if (local === 'Record') addWellness(attrs);
        else if (local === 'Workout') startWorkout(attrs);
      } else if (workout !== undefined && path[1] === 'Workout') {
        inWorkout(local, attrs);
      }
    },
    close(local) {
      path.pop();
      if (path.length === 1 && local === 'Workout' && workout !== undefined) {
        if (workout.distanceM === undefined && statsDistanceM !== undefined && statsDistanceM > 0) {
          workout.distanceM = statsDistanceM;
        }
        workouts.push(workout);
        workout = undefined;
      } else if (local === 'WorkoutRoute') inRoute = false;
    },
    text() {},
  };
  const tokenizer = createXmlTokenizer(handler, { allowDeclarationsOnlyDoctype: true });

  return {
    push: (chunk) => tokenizer.write(chunk),
    end: () => tokenizer.end(),
    result() {
      const wellness = [...days.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([date, d]) => {
          const day: WellnessDay = { date };
          if (d.hrN > 0) day.restingHrBpm = d.hr / d.hrN;
          if (d.hrvN > 0) day.hrvSdnnMs = d.hrv / d.hrvN;
          return day;
        });
      return { workouts, wellness, skipped };
    },
  };
}
