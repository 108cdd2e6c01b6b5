// Apple Health writes instants as "2019-05-01 07:12:33 +0200": the wall-clock time where the phone
// was, and that place's offset from UTC. The wall-clock date is the day a value belongs to.

export interface AppleDate {
  /** Milliseconds since the Unix epoch. */
  ms: number;
  /** The local calendar day, e.g. '2019-05-01'. */
  localDate: string;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** An Apple Health date, or undefined when the text is not one (or names an impossible time). */
export function parseAppleDate(text: string | undefined): AppleDate | undefined {
  const m = text === undefined ? null : PATTERN.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second, oh, om] = [1, 2, 3, 4, 5, 6, 8, 9].map((i) =>
    Number(m[i]),
  ) as [number, number, number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    oh > 14 ||
    om > 59
  ) {
    return undefined;
  }
  const offsetMin = (m[7] === '-' ? -1 : 1) * (oh * 60 + om);
  return { ms: wall - offsetMin * 60_000, localDate: `${m[1]}-${m[2]}-${m[3]}` };
}
