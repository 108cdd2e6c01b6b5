// One page of an athlete's activity list, newest first. Pages are cut by a keyset (start, id), so
// that an activity stored while someone pages is neither skipped nor shown twice.
import {
  SUMMARY_COLUMNS,
  toSummary,
  type ActivityRow,
  type ActivitySummaryRow,
} from './activities.repository.ts';
import type { Queryable } from './database.ts';

/** Where a page ends: strictly before an activity (its start and id), or before a local day. */
export type ActivityCursor =
  { kind: 'activity'; startAt: string; id: string } | { kind: 'day'; day: string };

export interface ActivityPageQuery {
  /** Only days from here on, and the pages after this one stay within it too. */
  from?: string | undefined;
  to?: string | undefined;
  /**
   * Show days from here on, but say (in `next`) where older activities start. The default range
   * (the last 90 days) is a window: the rest of the list stays one page away.
   */
  window?: string | undefined;
  before?: ActivityCursor | undefined;
  limit: number;
}

export interface ActivityPage {
  activities: ActivitySummaryRow[];
  /** Where the next (older) page starts; absent on the last page. */
  next?: ActivityCursor;
}

export async function listActivityPage(
  db: Queryable,
  athleteId: string,
  q: ActivityPageQuery,
): Promise<ActivityPage> {
  const before = q.before;
  const { rows } = await db.query<ActivityRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM activities
      WHERE athlete_id = $1
        AND ($2::date IS NULL OR local_date >= $2::date)
        AND ($3::date IS NULL OR local_date <= $3::date)
        AND ($4::date IS NULL OR local_date < $4::date)
        AND ($5::timestamptz IS NULL OR (start_at, id) < ($5::timestamptz, $6::uuid))
      ORDER BY start_at DESC, id DESC
      LIMIT $7`,
    [
      athleteId,
      q.from ?? null,
      q.to ?? null,
      before?.kind === 'day' ? before.day : null,
      before?.kind === 'activity' ? before.startAt : null,
      before?.kind === 'activity' ? before.id : null,
      // One more than the page: whether anything older is left, without counting.
      q.limit + 1,
    ],
  );
  const all = rows.map(toSummary);
  const window = q.window;
  const inWindow = window === undefined ? all : all.filter((a) => a.localDate >= window);
  const activities = inWindow.slice(0, q.limit);
  if (all.length === activities.length) return { activities };
  const last = activities.at(-1);
  if (last) return { activities, next: { kind: 'activity', startAt: last.startAt, id: last.id } };
  // Nothing in the window, older activities beyond it.
  return window === undefined ? { activities } : { activities, next: { kind: 'day', day: window } };
}
