// The pieces of one roster row, shared by the table (desktop) and the cards (phone): who, today's
// decision with its first reason, the last check-in, compliance over 7 days, and the sparkline
// with its scale.
import type { RosterRow } from '../api.ts';
import { h } from '../dom.ts';
import { actionWithMinutes, distanceIn, formatDay, SEVERITY_LABEL } from '../format.ts';
import { sparklineChart } from '../charts/sparkline-chart.ts';

export const shownName = (r: RosterRow): string => r.name ?? r.email;

export function whoCell(r: RosterRow): HTMLElement {
  return h(
    'span',
    { class: 'roster-who' },
    h('a', { href: `/coach/athletes/${r.athleteId}`, class: 'roster-name' }, shownName(r)),
    r.name ? h('span', { class: 'muted small roster-email' }, r.email) : null,
    r.unreadReplies > 0
      ? h(
          'span',
          { class: 'badge unread', title: 'Replies to your notes you have not read' },
          `${r.unreadReplies} new ${r.unreadReplies === 1 ? 'reply' : 'replies'}`,
        )
      : null,
  );
}

export function decisionCell(r: RosterRow): HTMLElement {
  return h(
    'div',
    { class: 'roster-decision' },
    h(
      'span',
      { class: `pill action-${r.action}`, 'data-action': r.action },
      actionWithMinutes(r.action, r.minutes),
    ),
    r.worstSeverity
      ? h(
          'span',
          { class: `sev sev-${r.worstSeverity}` },
          ' ',
          h('span', { class: 'sev-word' }, SEVERITY_LABEL[r.worstSeverity]),
        )
      : null,
    r.reason ? h('p', { class: 'small roster-reason' }, r.reason) : null,
  );
}

export function checkInCell(r: RosterRow): HTMLElement {
  if (r.lastCheckIn === null || r.daysSinceCheckIn === null)
    return h('span', { class: 'checkin-overdue' }, 'No check-in yet');
  const when =
    r.daysSinceCheckIn === 0
      ? 'Today'
      : r.daysSinceCheckIn === 1
        ? 'Yesterday'
        : formatDay(r.lastCheckIn);
  return h(
    'span',
    { class: 'roster-checkin' },
    when,
    r.checkInOverdue
      ? h(
          'span',
          { class: 'checkin-overdue small' },
          ` · no check-in for ${r.daysSinceCheckIn} days`,
        )
      : null,
  );
}

const COMPLIANCE_WORD = { green: 'on plan', amber: 'off plan', red: 'far off plan' } as const;

export function complianceCell(r: RosterRow): HTMLElement {
  const c = r.compliance;
  if (!c) return h('span', { class: 'muted' }, '–');
  return h(
    'span',
    {
      class: `compliance compliance-${c.colour}`,
      title: `${c.minutesDone} of ${c.minutesPlanned} planned minutes (${Math.round(c.ratio * 100)} %); green within ±20 %`,
    },
    h('span', { class: 'compliance-word' }, COMPLIANCE_WORD[c.colour]),
    ` ${c.sessionsDone} of ${c.sessionsPlanned} sessions · ${c.minutesDone}/${c.minutesPlanned} min`,
  );
}

export function sparklineCell(r: RosterRow): HTMLElement {
  const top = distanceIn(Math.max(0, ...r.sparkline.map((p) => p.runDistanceM)), r.units);
  return h(
    'span',
    { class: 'roster-spark' },
    sparklineChart(r.sparkline, r.units),
    h(
      'span',
      { class: 'muted small spark-scale' },
      top > 0 ? `bars: ${r.units} a day, top ${top.toFixed(1)} ${r.units}` : 'no runs in 28 days',
    ),
  );
}
