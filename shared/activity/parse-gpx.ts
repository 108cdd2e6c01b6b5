// GPX 1.0 and 1.1 → Activity, streaming: bytes go in chunk by chunk and each track point goes
// straight through the cleaner, so memory stays flat when only a summary is wanted. Heart rate and
// cadence come from Garmin's TrackPointExtension (hr, cad) under whatever prefix the file uses.
import { BadInputError } from '../errors.ts';
import type { Activity, Sample, Sport } from './activity.ts';
import { buildActivity } from './build-activity.ts';
import { createSampleCleaner, type CleanOptions, type CleanResult } from './clean.ts';
import { normaliseCadence } from './normalise-cadence.ts';
import { parseIsoTimeMs } from './parse-iso-time.ts';
import { maxSpeedMpsOf, sportOfName } from './sport.ts';
import { attrOf, createXmlTokenizer, type XmlHandler } from './xml-tokenizer.ts';

export interface GpxParserOptions {
  /** Keep every cleaned sample (default true); false keeps only a running summary. */
  keepSamples?: boolean;
  /** Sport when the file names none (default 'run': Hipcheck's users upload runs). */
  defaultSport?: Sport;
  clean?: Omit<CleanOptions, 'keepSamples'>;
}

export interface GpxResult {
  clean: CleanResult;
  sport: Sport;
  /** Whether the sport came from the file's <type> rather than the default. */
  sportFromFile: boolean;
  name?: string;
  device?: string;
}

export interface GpxParser {
  push(chunk: Uint8Array): void;
  end(): GpxResult;
}

type Field = 'ele' | 'time' | 'hr' | 'cad' | 'speed' | 'name' | 'type';

function numberOf(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}

export function createGpxParser(options: GpxParserOptions = {}): GpxParser {
  const keepSamples = options.keepSamples ?? true;
  const path: string[] = [];
  let sport: Sport | undefined;
  let name: string | undefined;
  let device: string | undefined;
  let cleaner: ReturnType<typeof createSampleCleaner> | undefined;
  let point: Sample | undefined;
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
    const lat = coordinate(attrs, 'lat', 90);
    const lon = coordinate(attrs, 'lon', 180);
    trkpts++;
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
    cleaner ??= createSampleCleaner({
      maxSpeedMps: maxSpeedMpsOf(sport ?? options.defaultSport ?? 'run'),
      ...options.clean,
      keepSamples,
    });
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
        throw new BadInputError('gpx_no_track', `nothing was recorded: ${what}`);
      }
      const clean = cleaner.finish();
      if (badEle > 0) clean.warnings.push(`${badEle} unreadable elevations treated as missing`);
      const result: GpxResult = {
        clean,
        sport: sport ?? options.defaultSport ?? 'run',
        sportFromFile: sport !== undefined,
      };
      if (name !== undefined) result.name = name;
      if (device !== undefined) result.device = device;
      return result;
    },
  };
}

/** Parse a whole GPX file into an Activity. */
export function parseGpx(bytes: Uint8Array, options: GpxParserOptions = {}): Activity {
  const parser = createGpxParser({ ...options, keepSamples: true });
  parser.push(bytes);
  const r = parser.end();
  normaliseCadence(r.clean.samples, r.sport, 'auto');
  const warnings = r.sportFromFile ? [] : [`no sport in the file: taken as ${r.sport}`];
  return buildActivity(r.clean, {
    format: 'gpx',
    sport: r.sport,
    name: r.name,
    device: r.device,
    warnings,
  });
}
