// ISO 8601 instants as written in GPX and TCX files, fast: a 24-hour 1 Hz file has 86,400 of them.

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Milliseconds since the Unix epoch of "2012-10-24T23:29:40.000Z", "2020-12-27T15:59:36+01:00"
 * and the like; NaN when the text is not an instant. A time without a zone is read as UTC.
 */
export function parseIsoTimeMs(text: string): number {
  const s = text.trim();
  if (s.length < 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return fallback(s);
  const sep = s.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return fallback(s);
  }
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 100;
    i++;
    const start = i;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
    }
    if (i === start) return Number.NaN;
  }
  let offsetMin = 0;
  if (i < s.length) {
    const z = s.charCodeAt(i);
    if (z === 90 && i === s.length - 1) {
      offsetMin = 0;
    } else if ((z === 43 || z === 45) && s.length - i === 6 && s.charCodeAt(i + 3) === 58) {
      const oh = digits(s, i + 1, 2);
      const om = digits(s, i + 4, 2);
      offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return fallback(s);
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) {
    return Number.NaN;
  }
  const t = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(ms);
  return t - offsetMin * 60_000;
}

function fallback(s: string): number {
  // Only full date-times: Date.parse would also accept "2017" or "Aug 6 2007", which are not instants.
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) return Number.NaN;
  return Date.parse(s);
}
