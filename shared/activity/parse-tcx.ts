// Garmin Training Center XML (TCX) → Activity: laps as recorded, track points with heart rate,
// cadence (RunCadence or Cadence) and the device's cumulative DistanceMeters.
import { BadInputError } from '../errors.ts';
import type { Activity, Lap, Sample, Sport } from './activity.ts';
import { buildActivity } from './build-activity.ts';
import { createSampleCleaner, type CleanOptions } from './clean.ts';
import { normaliseCadence } from './normalise-cadence.ts';
import { parseIsoTimeMs } from './parse-iso-time.ts';
import { timeProblem, type TimeRange } from './plausible-time.ts';
import { maxSpeedMpsOf, sportOfName } from './sport.ts';
import { attrOf, createXmlTokenizer, type XmlHandler } from './xml-tokenizer.ts';

export interface TcxOptions {
  defaultSport?: Sport;
  clean?: Omit<CleanOptions, 'keepSamples'>;
  /** When a recorded point may be (plausible-time.ts): a time outside it refuses the file. */
  timeRange?: TimeRange;
}

/** A TCX file fed in chunks (a gzip stream inflating), read into its Activity at the end. */
export interface TcxParser {
  push(chunk: Uint8Array): void;
  end(): Activity;
}

const LEAVES: ReadonlySet<string> = new Set([
  'Time',
  'LatitudeDegrees',
  'LongitudeDegrees',
  'AltitudeMeters',
  'DistanceMeters',
  'Value',
  'Cadence',
  'RunCadence',
  'Speed',
  'TotalTimeSeconds',
  'TriggerMethod',
  'Name',
]);

interface LapDraft {
  startMs: number;
  durationS?: number;
  distanceM?: number;
  avgHrBpm?: number;
  trigger?: string;
}

function numberOf(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}

/** Parse a whole TCX file into an Activity. */
export function parseTcx(bytes: Uint8Array, options: TcxOptions = {}): Activity {
  const parser = createTcxParser(options);
  parser.push(bytes);
  return parser.end();
}

export function createTcxParser(options: TcxOptions = {}): TcxParser {
  const path: string[] = [];
  const points: { sample: Sample; line: number }[] = [];
  const laps: LapDraft[] = [];
  let sportName: string | undefined;
  let device: string | undefined;
  let activities = 0;
  let courses = 0;
  let inActivity = false;
  let point: Sample | undefined;
  let pointLine = 0;
  let lap: LapDraft | undefined;
  let runCadence = false;
  let text = '';
  let textDepth = -1;

  const handler: XmlHandler = {
    wantText: false,
    open(local, attrs) {
      path.push(local);
      switch (local) {
        case 'Activity':
          activities++;
          inActivity = activities === 1;
          if (inActivity) sportName = attrOf(attrs, 'Sport');
          return;
        case 'Course':
          courses++;
          return;
        case 'Lap':
          if (!inActivity) return;
          lap = { startMs: timeOf(attrOf(attrs, 'StartTime') ?? '', 'Lap StartTime') };
          laps.push(lap);
          return;
        case 'Trackpoint':
          if (!inActivity) return;
          point = { t: Number.NaN };
          pointLine = tokenizer.line();
          return;
      }
      if (inActivity && LEAVES.has(local)) {
        text = '';
        textDepth = path.length;
        handler.wantText = true;
      }
    },
    close(local) {
      if (textDepth === path.length) {
        handler.wantText = false;
        textDepth = -1;
        leaf(local, path[path.length - 2] ?? '', text);
      } else if (local === 'Trackpoint' && point !== undefined) {
        points.push({ sample: point, line: pointLine });
        point = undefined;
      } else if (local === 'Lap') {
        lap = undefined;
      } else if (local === 'Activity') {
        inActivity = false;
      }
      path.pop();
    },
    text(value) {
      text += value;
    },
  };
  const tokenizer = createXmlTokenizer(handler);

  function fail(reason: string, message: string): never {
    throw new BadInputError(reason, `line ${tokenizer.line()}: ${message}`);
  }

  function timeOf(value: string, what: string): number {
    const t = parseIsoTimeMs(value);
    if (Number.isNaN(t)) fail('tcx_bad_time', `${what} "${value.trim()}" is not a date and time`);
    const problem = options.timeRange === undefined ? undefined : timeProblem(t, options.timeRange);
    if (problem !== undefined) fail('implausible_time', `${what} ${value.trim()} is ${problem}`);
    return t;
  }

  function leaf(local: string, parent: string, value: string): void {
    const p = point;
    if (p !== undefined) {
      if (local === 'Time') {
        p.t = timeOf(value, '<Time>');
        return;
      }
      if (local === 'LatitudeDegrees' || local === 'LongitudeDegrees') {
        const v = numberOf(value);
        const isLat = local === 'LatitudeDegrees';
        if (!(Math.abs(v) <= (isLat ? 90 : 180))) {
          fail(
            'tcx_bad_coordinate',
            `<${local}> is "${value.trim()}", not a ${isLat ? 'latitude' : 'longitude'}`,
          );
        }
        if (isLat) p.lat = v;
        else p.lon = v;
        return;
      }
      const v = numberOf(value);
      if (Number.isNaN(v)) return;
      if (local === 'AltitudeMeters') p.eleM = v;
      else if (local === 'DistanceMeters') p.distanceM = v;
      else if (local === 'Value' && parent === 'HeartRateBpm') p.hrBpm = v;
      else if (local === 'RunCadence') {
        p.cadenceSpm = v;
        runCadence = true;
      } else if (local === 'Cadence' && p.cadenceSpm === undefined) p.cadenceSpm = v;
      else if (local === 'Speed') p.speedMps = v;
      return;
    }
    if (lap !== undefined) {
      const v = numberOf(value);
      if (local === 'TotalTimeSeconds' && !Number.isNaN(v)) lap.durationS = v;
      else if (local === 'DistanceMeters' && !Number.isNaN(v)) lap.distanceM = v;
      else if (local === 'Value' && parent === 'AverageHeartRateBpm' && !Number.isNaN(v))
        lap.avgHrBpm = v;
      else if (local === 'TriggerMethod') lap.trigger = value.trim();
      return;
    }
    if (local === 'Name' && parent === 'Creator' && device === undefined) device = value.trim();
  }

  return {
    push(chunk) {
      tokenizer.write(chunk);
    },
    end() {
      tokenizer.end();
      if (path.length > 0) throw new BadInputError('xml_truncated', 'the file is truncated');
      if (activities === 0) {
        throw new BadInputError(
          courses > 0 ? 'tcx_course' : 'tcx_no_activity',
          courses > 0
            ? 'this TCX file holds a course (a planned route), not a recorded activity'
            : 'no <Activity> in this TCX file',
        );
      }
      if (points.length === 0)
        throw new BadInputError('tcx_no_track', 'the activity has no <Trackpoint>');

      const fileSport = sportOfName(sportName);
      const sport: Sport = fileSport ?? options.defaultSport ?? 'run';
      const cleaner = createSampleCleaner({ maxSpeedMps: maxSpeedMpsOf(sport), ...options.clean });
      for (const { sample } of points) cleaner.add(sample);
      const clean = cleaner.finish();
      normaliseCadence(clean.columns ?? clean.samples, sport, runCadence ? true : 'auto');

      const warnings: string[] = [];
      if (fileSport === undefined) warnings.push(`no sport in the file: taken as ${sport}`);
      if (activities > 1)
        warnings.push(`${activities} activities in the file: only the first was read`);
      const lapDistanceM = laps.reduce((sum, l) => sum + (l.distanceM ?? 0), 0);
      let distanceM = clean.deviceDistanceM;
      if (distanceM === undefined && lapDistanceM > 0) distanceM = lapDistanceM;
      if (
        distanceM !== undefined &&
        lapDistanceM > 0 &&
        Math.abs(lapDistanceM - distanceM) > 0.01 * lapDistanceM
      ) {
        warnings.push(
          `laps record ${lapDistanceM.toFixed(0)} m but the track points end at ${distanceM.toFixed(0)} m: the file may be trimmed`,
        );
      }
      const lapsOut: Lap[] = laps.map((l) => {
        const out: Lap = {
          startS: Math.max(0, (l.startMs - clean.startMs) / 1000),
          durationS: l.durationS ?? 0,
          distanceM: l.distanceM ?? 0,
        };
        if (l.avgHrBpm !== undefined) out.avgHrBpm = l.avgHrBpm;
        if (l.trigger !== undefined && l.trigger !== '') out.trigger = l.trigger;
        return out;
      });
      return buildActivity(clean, {
        format: 'tcx',
        sport,
        device,
        laps: lapsOut,
        distanceM,
        warnings,
      });
    },
  };
}
