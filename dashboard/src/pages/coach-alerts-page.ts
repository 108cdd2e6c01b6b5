// The coach's inbox: every alert (red flag, very high spike, missed check-ins), newest first, each
// a link to the athlete's day; opening one marks it read.
import { api, type InboxAlert } from '../api.ts';
import { h } from '../dom.ts';
import { formatDay } from '../format.ts';
import { refreshAlertBell } from '../views/alert-bell.ts';

const KIND: Record<string, string> = {
  red_flag: 'Red flag',
  very_high_spike: 'Very high spike',
  missed_check_ins: 'Missed check-ins',
};

export async function coachAlertsPage(): Promise<Node[]> {
  const { alerts } = await api.alerts();
  const item = (a: InboxAlert) => {
    const link = h(
      'a',
      { href: `/coach/athletes/${a.athleteId}?day=${a.day}`, class: 'alert-link' },
      a.message,
    );
    link.addEventListener('click', () => {
      if (a.readAt === null) void api.markAlertRead(a.id).catch(() => undefined);
    });
    const unread = a.readAt === null;
    const mark = unread
      ? h(
          'button',
          {
            type: 'button',
            class: 'link mark-read',
            'aria-label': `Mark read: ${KIND[a.kind] ?? a.kind}, ${a.athleteName ?? a.athleteEmail}`,
          },
          'Mark read',
        )
      : null;
    const li = h(
      'li',
      {
        class: `alert-item kind-${a.kind}${unread ? ' unread' : ''}`,
        'data-alert-id': a.id,
      },
      h('span', { class: 'alert-kind' }, KIND[a.kind] ?? a.kind),
      ' ',
      h(
        'span',
        { class: 'muted small' },
        `${a.athleteName ?? a.athleteEmail}, ${formatDay(a.day)}`,
      ),
      h('p', {}, link),
      mark,
    );
    mark?.addEventListener('click', async () => {
      mark.disabled = true;
      try {
        await api.markAlertRead(a.id);
        li.classList.remove('unread');
        mark.remove();
        await refreshAlertBell();
      } catch {
        mark.disabled = false;
      }
    });
    return li;
  };
  return [
    h('h1', {}, 'Alerts'),
    h(
      'section',
      { class: 'card' },
      alerts.length
        ? h('ul', { class: 'alerts', id: 'alerts' }, ...alerts.map(item))
        : h(
            'p',
            { class: 'muted', id: 'alerts-empty' },
            'No alerts. Hipcheck tells you here when an athlete has a red flag, a very high spike or misses check-ins.',
          ),
      h(
        'p',
        { class: 'muted small' },
        'Hipcheck informs; it does not diagnose. Change when and how alerts come in Settings.',
      ),
    ),
  ];
}
