// The backfill's progress in words for the runner: "312 of 1,240 activities, next batch at 14:15".

export interface BackfillProgress {
  state: 'listing' | 'fetching' | 'done';
  done: number;
  total: number;
  /** Only when the rate limit holds the backfill back. */
  nextBatchAt: Date | null;
}

const count = (n: number): string => n.toLocaleString('en-US');

function clockOf(at: Date, timeZone: string, now: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  // A batch tomorrow (the daily budget) says so.
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  return day(at) === day(now) ? time : `${time} tomorrow`;
}

export function describeBackfill(p: BackfillProgress, timeZone: string, now: Date): string {
  if (p.state === 'done') return `${count(p.done)} of ${count(p.total)} activities imported`;
  const found =
    p.state === 'listing'
      ? `${count(p.done)} of ${count(p.total)}+ activities`
      : `${count(p.done)} of ${count(p.total)} activities`;
  return p.nextBatchAt === null
    ? found
    : `${found}, next batch at ${clockOf(p.nextBatchAt, timeZone, now)}`;
}
