// Samples held column by column in typed arrays: one Float64Array per field, NaN where a point has
// no value. A day-long or 100 MB track costs 64 bytes a point this way, where an object per point
// costs several times that and keeps the garbage collector busy. Columns grow by doubling as a
// parser pushes points, and are trimmed to their length when the track is complete.
import type { Sample } from './activity.ts';

export const SAMPLE_FIELDS = [
  't',
  'lat',
  'lon',
  'eleM',
  'hrBpm',
  'cadenceSpm',
  'distanceM',
  'speedMps',
] as const;

export type SampleField = (typeof SAMPLE_FIELDS)[number];

export class SampleColumns {
  length = 0;
  t: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  eleM: Float64Array;
  hrBpm: Float64Array;
  cadenceSpm: Float64Array;
  distanceM: Float64Array;
  speedMps: Float64Array;

  constructor(capacity = 1024) {
    this.t = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.eleM = new Float64Array(capacity);
    this.hrBpm = new Float64Array(capacity);
    this.cadenceSpm = new Float64Array(capacity);
    this.distanceM = new Float64Array(capacity);
    this.speedMps = new Float64Array(capacity);
  }

  static fromSamples(samples: readonly Sample[]): SampleColumns {
    const c = new SampleColumns(Math.max(1, samples.length));
    for (const s of samples) c.push(s);
    return c;
  }

  private resize(capacity: number): void {
    for (const f of SAMPLE_FIELDS) {
      const next = new Float64Array(capacity);
      next.set(this[f].subarray(0, Math.min(this.length, capacity)));
      this[f] = next;
    }
  }

  /** Append one point (its absent fields become NaN). */
  push(s: Sample): void {
    if (this.length === this.t.length) this.resize(this.t.length * 2);
    const i = this.length++;
    this.t[i] = s.t;
    this.lat[i] = s.lat ?? Number.NaN;
    this.lon[i] = s.lon ?? Number.NaN;
    this.eleM[i] = s.eleM ?? Number.NaN;
    this.hrBpm[i] = s.hrBpm ?? Number.NaN;
    this.cadenceSpm[i] = s.cadenceSpm ?? Number.NaN;
    this.distanceM[i] = s.distanceM ?? Number.NaN;
    this.speedMps[i] = s.speedMps ?? Number.NaN;
  }

  /** End the columns at their length (views: no copy, so no second set of arrays at the peak). */
  trim(): this {
    for (const f of SAMPLE_FIELDS) this[f] = this[f].subarray(0, this.length);
    return this;
  }

  /** The i-th point as an object (absent fields left out). */
  at(i: number): Sample {
    const s: Sample = { t: this.t[i] as number };
    for (const f of SAMPLE_FIELDS) {
      if (f === 't') continue;
      const v = this[f][i] as number;
      if (!Number.isNaN(v)) s[f] = v;
    }
    return s;
  }

  /** Every point as an object: for callers that want them one by one, never on the ingest path. */
  toSamples(): Sample[] {
    const out = new Array<Sample>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }
}

/**
 * Give `target` its columns (a property that no listing or comparison of its fields shows) and a
 * `samples` property made from them the first time something reads it (kept from then on), so that
 * whoever reads the columns never pays for an object per point.
 */
export function attachColumns(
  target: { samples: Sample[]; columns?: SampleColumns },
  columns: SampleColumns,
): void {
  Object.defineProperty(target, 'columns', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: columns,
  });
  let cached: Sample[] | undefined;
  Object.defineProperty(target, 'samples', {
    configurable: true,
    enumerable: true,
    get: () => (cached ??= columns.toSamples()),
    set: (value: Sample[]) => {
      // Whoever replaces the samples replaces the columns too.
      cached = value;
      target.columns = SampleColumns.fromSamples(value);
    },
  });
}

/** The columns of anything holding samples: its own, or made from its sample objects. */
export function columnsOf(x: { samples: Sample[]; columns?: SampleColumns }): SampleColumns {
  return x.columns ?? SampleColumns.fromSamples(x.samples);
}
