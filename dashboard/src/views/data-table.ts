// A captioned table in a scrolling wrapper: on a phone a wide table scrolls inside its card, the page
// never sideways. The first column names the row; the others are numbers, aligned right.
import { h } from '../dom.ts';

export function dataTable(
  caption: string,
  id: string,
  head: string[],
  rows: Array<Array<string | Node>>,
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0 },
    h(
      'table',
      { id },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h('tr', {}, ...head.map((c, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : '' }, c))),
      ),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h('tr', {}, ...r.map((c, i) => h('td', { class: i > 0 ? 'num' : '' }, c))),
        ),
      ),
    ),
  );
}
