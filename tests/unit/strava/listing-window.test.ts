// Listing a window of activities page by page whatever order Strava lists them in: the part left
// to list after each full page, worked by hand on small pages (page size 3).
import { describe, expect, it } from 'vitest';
import { nextListingWindow } from '#services/strava/listing-window';

const T = (s: number) => s * 1000; // seconds → ms
const window = (beforeS: number, afterS: number | null) => ({
  before: new Date(T(beforeS)),
  after: afterS === null ? null : new Date(T(afterS)),
});

describe('nextListingWindow()', () => {
  it('a short page is the rest of the window: done', () => {
    expect(nextListingWindow(window(1000, 0), [T(900), T(800)], 3)).toEqual({ done: true });
    expect(nextListingWindow(window(1000, null), [], 3)).toEqual({ done: true });
  });

  it('a full page newest first moves `before` to one second past its oldest start', () => {
    // Starts 900, 800, 700 s: everything from 700 s up is listed; `before` = 701 s keeps a
    // sibling that also started in second 700.
    expect(nextListingWindow(window(1000, 0), [T(900), T(800), T(700)], 3)).toEqual({
      done: false,
      rest: window(701, 0),
    });
  });

  it('a full page oldest first moves `after` to one second before its newest start', () => {
    // Starts 100, 200, 300 s: everything up to 300 s is listed; `after` = 299 s.
    expect(nextListingWindow(window(1000, 0), [T(100), T(200), T(300)], 3)).toEqual({
      done: false,
      rest: window(1000, 299),
    });
    // Without a lower bound (all history) too.
    expect(nextListingWindow(window(1000, null), [T(100), T(200), T(300)], 3)).toEqual({
      done: false,
      rest: window(1000, 299),
    });
  });

  it('works on whole seconds: starts with milliseconds round down', () => {
    expect(nextListingWindow(window(1000, 0), [T(900), T(800), T(700) + 400], 3)).toEqual({
      done: false,
      rest: window(701, 0),
    });
  });

  it('always shrinks the window: a page within the bound’s own second steps past it', () => {
    // Newest first, oldest start 999.5 s: 1000 s would not move `before`, so 999 s.
    expect(
      nextListingWindow(window(1000, 0), [T(999) + 900, T(999) + 700, T(999) + 500], 3),
    ).toEqual({ done: false, rest: window(999, 0) });
    // Oldest first, newest start 300.2 s with `after` already 299 s: 300 s.
    expect(nextListingWindow(window(1000, 299), [T(300), T(300) + 100, T(300) + 200], 3)).toEqual({
      done: false,
      rest: window(1000, 300),
    });
  });

  it('stops when nothing can be told apart any more', () => {
    expect(nextListingWindow(window(1000, 999), [T(999), T(999), T(999)], 3)).toEqual({
      done: true,
    });
  });
});
