// GPX 1.0 and 1.1 → Activity, streaming: bytes go in chunk by chunk and each track point goes
// straight through the cleaner, so memory stays flat when only a summary is wanted. Heart rate and
// cadence come from Garmin's TrackPointExtension (hr, cad) under whatever prefix the file uses.
import { BadInputError } from '../errors.ts';
import type { Activity, ActivityWarning, Sample, Sport } from './activity.ts';
import { buildActivity, type ActivityMeta } from './build-activity.ts';
import { createSampleCleaner, type CleanOptions, type CleanResult } from './clean.ts';
import { normaliseCadence } from './normalise-cadence.ts';
import { parseDecimal } from './parse-decimal.ts';
import { parseIsoTimeMs } from './parse-iso-time.ts';
import { timeProblem, type TimeRange } from './plausible-time.ts';
import { maxSpeedMpsOf, sportOfName } from './sport.ts';
import { attrOf, createXmlTokenizer, type XmlHandler } from './xml-tokenizer.ts';

export interface GpxParserOptions {
  /** Keep every cleaned sample (default true); false keeps only a running summary. */
  keepSamples?: boolean;
  /** Sport when the file names none (default 'run': Hipcheck's users upload runs). */
  defaultSport?: Sport;
  clean?: Omit<CleanOptions, 'keepSamples'>;
  /** Heart rate recorded apart from the track (Apple Health), for points that carry none. */
  heartRateAt?: (tMs: number) => number | undefined;
  /** When a recorded point may be (plausible-time.ts): a <time> outside it refuses the file. */
  timeRange?: TimeRange;
}

export interface GpxResult {
  clean: CleanResult;
  sport: Sport;
  /** Whether the sport came from the file's <type> rather than the default. */
  sportFromFile: boolean;
  name?: string;
  device?: string;
  /** Track points without lat and lon (a device writes some before its GPS fix): skipped. */
  withoutPosition: { skipped: number; beforeFirstFix: number };
}

export interface GpxParser {
  push(chunk: Uint8Array): void;
  end(): GpxResult;
}

type Field = 'ele' | 'time' | 'hr' | 'cad' | 'speed' | 'name' | 'type';

/** The number in an element's text, NaN when there is none (Number() itself skips the spaces). */
function numberOf(text: string): number {
  const v = parseDecimal(text);
  return v === 0 && text.trim() === '' ? Number.NaN : v;
}

export function createGpxParser(options: GpxParserOptions = {}): GpxParser {
  const keepSamples = options.keepSamples ?? true;
  const path: string[] = [];
  let sport: Sport | undefined;
  let name: string | undefined;
  let device: string | undefined;
  let cleaner: ReturnType<typeof createSampleCleaner> | undefined;
  let point: Sample | undefined;
  let pointHasPosition = true;
  let withoutPosition = 0;
  let beforeFirstFix = 0;
  let newSegment = true;
  let field: Field | undefined;
  let fieldDepth = 0;
  let text = '';
  let trkpts = 0;
  let otherPoints = 0;
  let tracks = 0;
  let badEle = 0;

  const handler: XmlHandler = {
    wantText: false,
    open(local, attrs) {
      const parent = path.length === 0 ? '' : (path[path.length - 1] as string);
      path.push(local);
      if (path.length === 1) {
        if (local !== 'gpx') fail('gpx_not_gpx', `the document is <${local}>, not <gpx>`);
        device = attrOf(attrs, 'creator');
        return;
      }
      if (point !== undefined) {
        if (local === 'ele' || local === 'time' || local === 'speed') capture(local);
        else if (local === 'hr' || local === 'heartrate') capture('hr');
        else if (local === 'cad' || local === 'cadence') capture('cad');
        return;
      }
      switch (local) {
        case 'trkpt':
          point = startPoint(attrs);
          break;
        case 'trkseg':
          newSegment = true;
          break;
        case 'trk':
          tracks++;
          newSegment = true;
          break;
        case 'wpt':
        case 'rtept':
          otherPoints++;
          break;
        case 'name':
          if (parent === 'trk' || parent === 'metadata') capture('name');
          break;
        case 'type':
          if (parent === 'trk') capture('type');
          break;
      }
    },
    close(local) {
      if (field !== undefined && path.length === fieldDepth) endField();
      else if (local === 'trkpt' && point !== undefined) endPoint(point);
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

  function capture(f: Field): void {
    field = f;
    fieldDepth = path.length;
    text = '';
    handler.wantText = true;
  }

  function startPoint(attrs: readonly string[]): Sample {
    trkpts++;
    // Neither lat nor lon: a point written before the GPS fix (time and elevation only). One
    // without the other is a broken file.
    pointHasPosition = attrOf(attrs, 'lat') !== undefined || attrOf(attrs, 'lon') !== undefined;
    if (!pointHasPosition) return { t: Number.NaN };
    const lat = coordinate(attrs, 'lat', 90);
    const lon = coordinate(attrs, 'lon', 180);
    return { t: Number.NaN, lat, lon };
  }

  function coordinate(attrs: readonly string[], key: 'lat' | 'lon', limit: number): number {
    const raw = attrOf(attrs, key);
    if (raw === undefined) fail('gpx_no_coordinates', `<trkpt> has no ${key}`);
    const v = numberOf(raw);
    if (!(Math.abs(v) <= limit))
      fail(
        'gpx_bad_coordinate',
        `<trkpt> has ${key}="${raw}", not a ${key === 'lat' ? 'latitude' : 'longitude'}`,
      );
    return v;
  }

  function endField(): void {
    const f = field;
    field = undefined;
    handler.wantText = false;
    const value = text;
    text = '';
    const p = point;
    if (f === 'name') {
      if (name === undefined && value.trim() !== '') name = value.trim();
      return;
    }
    if (f === 'type') {
      sport ??= sportOfName(value);
      return;
    }
    if (p === undefined) return;
    if (f === 'time') {
      const t = parseIsoTimeMs(value);
      if (Number.isNaN(t) && value.trim() !== '')
        fail('gpx_bad_time', `<time> "${value.trim()}" is not a date and time`);
      const problem =
        options.timeRange === undefined || Number.isNaN(t)
          ? undefined
          : timeProblem(t, options.timeRange);
      if (problem !== undefined) fail('implausible_time', `<time> ${value.trim()} is ${problem}`);
      p.t = t;
      return;
    }
    const v = numberOf(value);
    if (Number.isNaN(v)) {
      if (f === 'ele' && value.trim() !== '') badEle++;
      return;
    }
    if (f === 'ele') p.eleM = v;
    else if (f === 'hr') p.hrBpm = v;
    else if (f === 'cad') p.cadenceSpm = v;
    else if (f === 'speed') p.speedMps = v;
  }

  function endPoint(p: Sample): void {
    point = undefined;
    if (!pointHasPosition) {
      withoutPosition++;
      if (cleaner === undefined) beforeFirstFix++;
      return;
    }
    cleaner ??= createSampleCleaner({
      maxSpeedMps: maxSpeedMpsOf(sport ?? options.defaultSport ?? 'run'),
      ...options.clean,
      keepSamples,
    });
    if (p.hrBpm === undefined && options.heartRateAt !== undefined) {
      const hr = options.heartRateAt(p.t);
      if (hr !== undefined) p.hrBpm = hr;
    }
    cleaner.add(p, newSegment);
    newSegment = false;
  }

  return {
    push(chunk) {
      tokenizer.write(chunk);
    },
    end() {
      tokenizer.end();
      if (cleaner === undefined || trkpts === 0) {
        const what =
          tracks > 0
            ? 'its tracks have no points (<trkpt>)'
            : otherPoints > 0
              ? 'it has waypoints or a route but no recorded track (<trk>)'
              : 'it has no track (<trk>)';
        if (withoutPosition === trkpts && trkpts > 0) {
          throw new BadInputError(
            'gpx_no_coordinates',
            `none of its ${trkpts} track points has a position (lat and lon)`,
          );
        }
        throw new BadInputError('gpx_no_track', `nothing was recorded: ${what}`);
      }
      const clean = cleaner.finish();
      if (badEle > 0) clean.warnings.push(`${badEle} unreadable elevations treated as missing`);
      const result: GpxResult = {
        clean,
        sport: sport ?? options.defaultSport ?? 'run',
        sportFromFile: sport !== undefined,
        withoutPosition: { skipped: withoutPosition, beforeFirstFix },
      };
      if (name !== undefined) result.name = name;
      if (device !== undefined) result.device = device;
      return result;
    },
  };
}

/** Parse a whole GPX file into an Activity. */
export function parseGpx(bytes: Uint8Array, options: GpxParserOptions = {}): Activity {
  const parser = createGpxFileParser(options);
  parser.push(bytes);
  return parser.end();
}

/** A GPX file fed in chunks (a gzip stream inflating), read into its Activity at the end. */
export function createGpxFileParser(options: GpxParserOptions = {}): {
  push(chunk: Uint8Array): void;
  end(): Activity;
} {
  const parser = createGpxParser({ ...options, keepSamples: true });
  return {
    push: (chunk) => parser.push(chunk),
    end() {
      const r = parser.end();
      const warnings = r.sportFromFile ? [] : [`no sport in the file: taken as ${r.sport}`];
      return activityOfGpx(r, { format: 'gpx', warnings });
    },
  };
}

/** The Activity of a parsed GPX track; `meta` overrides what the file says (format, device, ...). */
export function activityOfGpx(
  r: GpxResult,
  meta: Pick<ActivityMeta, 'format'> & Partial<ActivityMeta>,
): Activity {
  normaliseCadence(r.clean.columns ?? r.clean.samples, meta.sport ?? r.sport, 'auto');
  const noPosition = withoutPositionWarning(r.withoutPosition);
  return buildActivity(r.clean, {
    sport: r.sport,
    name: r.name,
    device: r.device,
    ...meta,
    fileWarnings: [...(noPosition === undefined ? [] : [noPosition]), ...(meta.fileWarnings ?? [])],
  });
}

function withoutPositionWarning(w: GpxResult['withoutPosition']): ActivityWarning | undefined {
  if (w.skipped === 0) return undefined;
  const points = w.skipped === 1 ? '1 track point' : `${w.skipped} track points`;
  const where = w.beforeFirstFix === w.skipped ? ' (recorded before the GPS had a fix)' : '';
  return {
    code: 'gpx_points_without_position',
    message: `${points} without a position${where} skipped`,
  };
}
