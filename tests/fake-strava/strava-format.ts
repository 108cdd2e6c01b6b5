// Strava's ways of writing values: instants without milliseconds, local wall time with a Z, the
// "(GMT+01:00) Europe/Amsterdam" zone label, encoded polylines, rounded numbers.

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function offsetSeconds(zone: string, at: Date): number {
  try {
    let format = formatters.get(zone);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
      formatters.set(zone, format);
    }
    const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
  } catch {
    return 0;
  }
}

export function gmtLabel(offsetS: number): string {
  const sign = offsetS < 0 ? '-' : '+';
  const abs = Math.abs(offsetS);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `(GMT${sign}${hh}:${mm})`;
}

export const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Strava's start_date_local: local wall time written with a (misleading) Z. */
export function localIso(d: Date, zone: string): string {
  return iso(new Date(d.getTime() + offsetSeconds(zone, d) * 1000));
}

/** Google's encoded polyline (precision 5), as in Strava's map.summary_polyline. */
export function encodePolyline(points: readonly [number, number][]): string {
  let out = '';
  let prevLat = 0;
  let prevLon = 0;
  const enc = (v: number): void => {
    let n = v < 0 ? ~(v << 1) : v << 1;
    while (n >= 0x20) {
      out += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
      n >>= 5;
    }
    out += String.fromCharCode(n + 63);
  };
  for (const [lat, lon] of points) {
    const la = Math.round(lat * 1e5);
    const lo = Math.round(lon * 1e5);
    enc(la - prevLat);
    enc(lo - prevLon);
    prevLat = la;
    prevLon = lo;
  }
  return out;
}
