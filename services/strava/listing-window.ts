// Listing a window of a Strava athlete's activities page by page, whatever order Strava lists them
// in. Strava's docs show newest first for `before=`, and some clients document oldest first for
// `after=`; a page of the window (after, before) is either the newest `pageSize` of it or the
// oldest. A full page newest first means everything from its oldest start up to `before` is
// listed: `before` moves back to that start. A full page oldest first means everything from `after`
// to its newest start is listed: `after` moves forward. A short page is the rest of the window.
// Bounds are whole seconds (Strava's epoch seconds, both exclusive), so a bound steps one second
// past the page's last start to keep activities that share that second; the store ignores repeats.

import type { StravaClient, SummaryActivity } from './client.ts';

/** Strava's largest page. */
export const PAGE_SIZE = 200;

export interface ListingWindow {
  /** Exclusive: activities that started before this instant. */
  before: Date;
  /** Exclusive: activities that started after this instant; null: from the very first. */
  after: Date | null;
}

export type ListingStep = { done: true } | { done: false; rest: ListingWindow };

const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** What is left of `window` once a page with these start times (in Strava's order) is stored. */
export function nextListingWindow(
  window: ListingWindow,
  startsMs: readonly number[],
  pageSize: number,
): ListingStep {
  if (startsMs.length < pageSize) return { done: true };
  const first = startsMs[0] ?? 0;
  const last = startsMs[startsMs.length - 1] ?? 0;
  if (first >= last) {
    // Newest first: the rest is older than the page's oldest start.
    const oldest = Math.min(...startsMs);
    let before = wholeSecond(oldest) + 1000;
    if (before >= window.before.getTime()) before = wholeSecond(oldest);
    const floor = window.after?.getTime() ?? Number.NEGATIVE_INFINITY;
    // No whole second left between the bounds, or no progress possible: nothing more to list.
    if (before >= window.before.getTime() || before - floor <= 1000) return { done: true };
    return { done: false, rest: { before: new Date(before), after: window.after } };
  }
  // Oldest first: the rest is newer than the page's newest start.
  const newest = Math.max(...startsMs);
  let after = wholeSecond(newest) - 1000;
  const floor = window.after?.getTime() ?? Number.NEGATIVE_INFINITY;
  if (after <= floor) after = wholeSecond(newest);
  // No progress possible (a whole page within one second): what is left cannot be told apart.
  if (after <= floor || after >= window.before.getTime() - 1000) return { done: true };
  return { done: false, rest: { before: window.before, after: new Date(after) } };
}

/** One page (the largest) of the activities in `window`. */
export function listWindowPage(
  client: Pick<StravaClient, 'listActivities'>,
  window: ListingWindow,
): Promise<SummaryActivity[]> {
  return client.listActivities({
    before: window.before,
    ...(window.after ? { after: window.after } : {}),
    perPage: PAGE_SIZE,
  });
}
