// The athlete's recent activities, each a link to its page, and the older ones on request.
import type { ActivityRow, Page } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { formatDistance, formatDuration, formatPace, type Units } from '../format.ts';

const STEP = 20;

function activityRow(a: ActivityRow, units: Units, hrefOf: (id: string) => string) {
  return h(
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
  );
}

/**
 * The recent activities (the server's first page: the last 90 days), 20 rows at first; "Show
 * older" shows 20 more, reading the server's next page when those shown so far run out.
 */
export function activityList(
  first: Page<ActivityRow>,
  units: Units,
  hrefOf: (id: string) => string,
  readPage: (next: string) => Promise<Page<ActivityRow>>,
): HTMLElement {
  const loaded = [...first.rows];
  let next = first.next;
  let shown = 0;
  const tbody = h('tbody', {});
  const table = h(
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
      tbody,
    ),
  );
  const empty = h('p', { class: 'muted', id: 'activities-empty' });
  const status = h('p', { class: 'status', role: 'status', id: 'activities-status' });
  const older = h(
    'button',
    { type: 'button', class: 'secondary', id: 'show-older' },
    'Show older activities',
  );
  const draw = () => {
    const more = loaded.slice(shown, shown + STEP);
    tbody.append(...more.map((a) => activityRow(a, units, hrefOf)));
    shown += more.length;
    table.hidden = shown === 0;
    empty.hidden = shown > 0;
    empty.textContent = next ? 'No activities in the last 90 days.' : 'No activities yet.';
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
    table,
    empty,
    h('div', { class: 'actions' }, older),
    status,
  );
}
