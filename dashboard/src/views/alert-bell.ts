// The coach's bell: the inbox of alerts with its unread count, in the navigation on every page.
import { api } from '../api.ts';
import { h } from '../dom.ts';

export function alertBell(): HTMLElement {
  const count = h('span', { class: 'bell-count', id: 'alert-count' }, '');
  const bell = h(
    'a',
    { href: '/coach/alerts', id: 'alert-bell', class: 'bell', 'aria-label': 'Alerts' },
    h('span', { 'aria-hidden': 'true' }, '🔔'),
    count,
  );
  void api.alerts().then(
    ({ unread }) => {
      count.textContent = unread > 0 ? String(unread) : '';
      bell.setAttribute('aria-label', unread > 0 ? `Alerts: ${unread} unread` : 'Alerts');
    },
    () => undefined,
  );
  return bell;
}
