// The athlete's recent activities, each a link to its page — or, for a coach the athlete shares
// only derived load with, plain rows and a line that says so (there is no page to open).
import type { ActivityRow } from '../api.ts';
import { h } from '../dom.ts';
import { formatDistance, formatDuration, formatPace, type Units } from '../format.ts';

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
  limit?: number;
}

export function activityList(
  rows: ActivityRow[],
  units: Units,
  options: ActivityListOptions,
): HTMLElement {
  const { hrefOf, note, limit = 20 } = options;
  const shown = [...rows].sort((a, b) => b.startAt.localeCompare(a.startAt)).slice(0, limit);
  const body = shown.length
    ? h(
        'div',
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
          h(
            'tbody',
            {},
            ...shown.map((a) =>
              h(
                'tr',
                { 'data-activity-id': a.id },
                h('td', {}, a.localDate),
                h('td', {}, ...nameCell(a, hrefOf ? hrefOf(a.id) : null)),
                h('td', { class: 'num' }, formatDistance(a.distanceM, units)),
                h('td', { class: 'num' }, formatDuration(a.movingS)),
                h('td', { class: 'num' }, formatPace(a.distanceM, a.movingS, units)),
                h('td', { class: 'num' }, a.avgHrBpm ? `${Math.round(a.avgHrBpm)} bpm` : '–'),
              ),
            ),
          ),
        ),
      )
    : h('p', { class: 'muted', id: 'activities-empty' }, 'No activities yet.');
  return h(
    'section',
    { class: 'card', id: 'activities-card' },
    h('h2', {}, 'Recent activities'),
    note ? h('p', { class: 'muted small', id: 'activities-shared' }, note) : null,
    body,
  );
}
