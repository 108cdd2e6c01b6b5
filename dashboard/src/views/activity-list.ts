// The athlete's recent activities, each a link to its page.
import type { ActivityRow } from '../api.ts';
import { h } from '../dom.ts';
import { formatDistance, formatDuration, formatPace, type Units } from '../format.ts';

export function activityList(
  rows: ActivityRow[],
  units: Units,
  hrefOf: (id: string) => string,
  limit = 20,
): HTMLElement {
  const shown = [...rows].sort((a, b) => b.startAt.localeCompare(a.startAt)).slice(0, limit);
  const body = shown.length
    ? h(
        'div',
        { class: 'table-wrap' },
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
                h(
                  'td',
                  {},
                  h('a', { href: hrefOf(a.id) }, a.name ?? a.sport),
                  ' ',
                  h('span', { class: 'muted small' }, a.sport),
                ),
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
    body,
  );
}
