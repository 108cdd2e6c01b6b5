// The roster itself: a table on a wide screen, one card per athlete below 600 px (name, decision
// and its reason first), both from the same rows; CSS shows one of them.
import type { RosterRow } from '../api.ts';
import { h } from '../dom.ts';
import {
  checkInCell,
  complianceCell,
  decisionCell,
  sparklineCell,
  whoCell,
} from './roster-cells.ts';

const COLUMNS = [
  'Athlete',
  'Today and why',
  'Last check-in',
  'Last 7 days',
  'Last 28 days',
  'Stage',
];

const stageText = (r: RosterRow) => `${r.stage} · ${r.stageName}`;

function table(rows: RosterRow[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap roster-table-wrap', tabindex: 0 },
    h(
      'table',
      { id: 'roster', class: 'roster' },
      h('caption', { class: 'sr-only' }, 'Athletes, riskiest first'),
      h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            { 'data-athlete-id': r.athleteId },
            h('th', { scope: 'row' }, whoCell(r)),
            h('td', {}, decisionCell(r)),
            h('td', {}, checkInCell(r)),
            h('td', {}, complianceCell(r)),
            h('td', {}, sparklineCell(r)),
            h('td', {}, stageText(r)),
          ),
        ),
      ),
    ),
  );
}

function cards(rows: RosterRow[]): HTMLElement {
  return h(
    'ul',
    { class: 'roster-cards', id: 'roster-cards' },
    ...rows.map((r) =>
      h(
        'li',
        { class: 'roster-card', 'data-athlete-id': r.athleteId },
        h('h3', {}, whoCell(r)),
        decisionCell(r),
        h(
          'dl',
          { class: 'roster-card-facts' },
          h('dt', {}, 'Last check-in'),
          h('dd', {}, checkInCell(r)),
          h('dt', {}, 'Last 7 days'),
          h('dd', {}, complianceCell(r)),
          h('dt', {}, 'Stage'),
          h('dd', {}, stageText(r)),
        ),
      ),
    ),
  );
}

export function rosterList(rows: RosterRow[]): HTMLElement[] {
  return [table(rows), cards(rows)];
}
