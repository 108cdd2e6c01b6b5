// ISO 8601 instants as written in GPX and TCX files, fast: a 24-hour 1 Hz file has 86,400 of them.
// Only real calendar instants: 31 February or hour 25 is not a time, and years 0000–0099 stay
// themselves (Date.UTC would read them as 1900–1999).

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
  if (!isCalendarDay(year, month, day)) return Number.NaN;
  // 24:00:00 is the end of a day; a leap second (:60) is kept as the next second.
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && minute + second + ms > 0)) {
    return Number.NaN;
  }
  const t = utcMs(year, month, day, hour, minute, second) + Math.round(ms);
  return t - offsetMin * 60_000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whether year-month-day names a day of the Gregorian calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= days;
}

/** 400 Gregorian years are exactly 146,097 days. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  // Date.UTC maps years 0–99 to 1900–1999: compute four centuries later and step back.
  if (y < 100) return Date.UTC(y + 400, mo - 1, d, h, mi, s) - FOUR_CENTURIES_MS;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function fallback(s: string): number {
  // Only full date-times: Date.parse would also accept "2017" or "Aug 6 2007", which are not instants.
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}/.exec(s);
  if (m === null) return Number.NaN;
  // Date.parse rolls 31 February over into March and reads years 0–99 as 1900–1999.
  const year = Number(m[1]);
  if (year < 100 || !isCalendarDay(year, Number(m[2]), Number(m[3]))) return Number.NaN;
  return Date.parse(s);
}
