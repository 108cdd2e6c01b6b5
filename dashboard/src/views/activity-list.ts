// The athlete's recent activities, each a link to its page — or, for a coach the athlete shares
// only derived load with, plain rows and a line that says so (there is no page to open) — and the
// older ones on request.
import type { ActivityRow, Page } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { formatDate, formatDistance, formatDuration, formatPace, type Units } from '../format.ts';

const SPORT_WORDS: Record<string, string> = {
  run: 'Run',
  trail_run: 'Trail run',
  treadmill_run: 'Treadmill run',
  walk: 'Walk',
  hike: 'Hike',
  ride: 'Ride',
  swim: 'Swim',
};

/** The sport as a reader says it: "Trail run" for trail_run. */
export function sportWord(sport: string): string {
  const word = SPORT_WORDS[sport] ?? sport.replace(/_/g, ' ');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The name the athlete gave, and the sport beside it only when it says something more. */
function nameCell(
  a: Pick<ActivityRow, 'name' | 'sport'>,
  href: string | null,
): Array<Node | string> {
  const name = a.name?.trim() || sportWord(a.sport);
  const label = href ? h('a', { href }, name) : h('span', { class: 'activity-name' }, name);
  const sportShown =
    a.name?.trim() && a.name.trim().toLowerCase() !== sportWord(a.sport).toLowerCase();
  return sportShown
    ? [label, ' ', h('span', { class: 'muted small' }, sportWord(a.sport).toLowerCase())]
    : [label];
}

export interface ActivityListOptions {
  /** The page of an activity; null when there is none to open (derived load only). */
  hrefOf: ((id: string) => string) | null;
  /** A line above the list, e.g. what the athlete shares with their coach. */
  note?: string;
  /** Reads the page a previous page's `next` names. */
  readPage: (next: string) => Promise<Page<ActivityRow>>;
}

const STEP = 20;

/**
 * The recent activities (the server's first page: the last 90 days), 20 rows at first; "Show
 * older" shows 20 more, reading the server's next page when those shown so far run out.
 */
export function activityList(
  first: Page<ActivityRow>,
  units: Units,
  options: ActivityListOptions,
): HTMLElement {
  const { hrefOf, note, readPage } = options;
  const loaded = [...first.rows];
  let next = first.next;
  let shown = 0;
  const tbody = h('tbody', {});
  const table = h(
    'div',
    // A table wider than a phone scrolls sideways: Tab reaches it, so the keyboard can scroll it.
    { class: 'table-wrap', tabindex: 0 },
    h(
      'table',
      { id: 'activities' },
      h('caption', { class: 'sr-only' }, 'Recent activities'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Date'),
          h('th', { scope: 'col' }, 'Activity'),
          h('th', { scope: 'col', class: 'num' }, 'Distance'),
          h('th', { scope: 'col', class: 'num' }, 'Time'),
          h('th', { scope: 'col', class: 'num' }, 'Pace'),
          h('th', { scope: 'col', class: 'num' }, 'Avg HR'),
        ),
      ),
      tbody,
    ),
  );
  const row = (a: ActivityRow) =>
    h(
      'tr',
      { 'data-activity-id': a.id },
      // The day for people; the ISO day stays machine-readable on <time>.
      h('td', {}, h('time', { datetime: a.localDate }, formatDate(a.localDate))),
      h('td', {}, ...nameCell(a, hrefOf ? hrefOf(a.id) : null)),
      h('td', { class: 'num' }, formatDistance(a.distanceM, units)),
      h('td', { class: 'num' }, formatDuration(a.movingS)),
      h('td', { class: 'num' }, formatPace(a.distanceM, a.movingS, units)),
      h('td', { class: 'num' }, a.avgHrBpm ? `${Math.round(a.avgHrBpm)} bpm` : '–'),
    );
  const empty = h('p', { class: 'muted', id: 'activities-empty' }, 'No activities yet.');
  const status = h('p', { class: 'status', role: 'status', id: 'activities-status' });
  const older = h(
    'button',
    { type: 'button', class: 'secondary', id: 'show-older' },
    'Show older activities',
  );
  const draw = () => {
    const more = loaded.slice(shown, shown + STEP);
    tbody.append(...more.map(row));
    shown += more.length;
    table.hidden = shown === 0;
    empty.hidden = shown > 0;
    older.hidden = shown === loaded.length && !next;
  };
  older.addEventListener('click', () => {
    void (async () => {
      older.disabled = true;
      try {
        // Read pages until there are rows to show (a page may end where the last one did).
        while (shown + STEP > loaded.length && next) {
          const page = await readPage(next);
          loaded.push(...page.rows);
          next = page.next;
        }
        status.textContent = '';
        draw();
      } catch (err) {
        status.textContent = `Older activities could not load: ${errorText(err)}`;
      } finally {
        older.disabled = false;
      }
    })();
  });
  draw();
  return h(
    'section',
    { class: 'card', id: 'activities-card' },
    h('h2', {}, 'Recent activities'),
    note ? h('p', { class: 'muted small', id: 'activities-shared' }, note) : null,
    table,
    empty,
    h('div', { class: 'actions' }, older),
    status,
  );
}
