// How long a backfill still needs at today's budget, said honestly: each waiting activity costs two
// reads (the activity with its laps, and its streams), backfills share what the daily read budget
// leaves after the reserve for new activities, and they share it equally (round robin).

export interface BackfillEstimateInput {
  /** Items listed and not fetched yet. */
  pending: number;
  /** Backfills sharing the budget (this one included). */
  activeBackfills: number;
  /** Reads Strava allows a day, less the limiter's safety margin (its `readDaily.budget`). */
  readDailyBudget: number;
  /** Reads used today so far, by everyone (its `readDaily.usage`). */
  readDailyUsed: number;
  /** Reads a 15-minute window allows, less the margin. */
  readShortBudget: number;
  /** Share of the daily budget kept for new activities. */
  liveReserve: number;
  shortWindowMs?: number;
}

export interface BackfillEstimate {
  remainingReads: number;
  /** "about 13 more days at today's budget", "about 45 minutes", "a few minutes". */
  text: string;
}

const READS_PER_ACTIVITY = 2;

export function estimateBackfill(input: BackfillEstimateInput): BackfillEstimate | null {
  if (input.pending <= 0) return null;
  const remainingReads = input.pending * READS_PER_ACTIVITY;
  const sharing = Math.max(1, input.activeBackfills);
  const backfillDaily = Math.floor(input.readDailyBudget * (1 - input.liveReserve));
  const perDay = backfillDaily / sharing;
  const leftToday = Math.max(0, backfillDaily - input.readDailyUsed) / sharing;
  const perWindow = input.readShortBudget / sharing;
  if (perDay <= 0 || perWindow <= 0) return null;
  if (remainingReads > leftToday) {
    // What today leaves, then whole days.
    const n = Math.ceil((remainingReads - leftToday) / perDay);
    return {
      remainingReads,
      text: `about ${n} more ${n === 1 ? 'day' : 'days'} at today’s budget`,
    };
  }
  const windows = Math.ceil(remainingReads / perWindow);
  const minutes = (windows * (input.shortWindowMs ?? 15 * 60_000)) / 60_000;
  if (windows <= 1) return { remainingReads, text: 'a few minutes' };
  if (minutes < 90) return { remainingReads, text: `about ${Math.round(minutes)} minutes` };
  return { remainingReads, text: `about ${Math.ceil(minutes / 60)} hours` };
}
