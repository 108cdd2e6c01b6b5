// The coach's bell: the inbox of alerts with its unread count, in the navigation on every page. The
// bell is an inline SVG (an emoji bell is an empty box where no emoji font is installed).
import { api } from '../api.ts';
import { h } from '../dom.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function bellIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    width: '22',
    height: '22',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
    class: 'bell-icon',
  }))
    svg.setAttribute(k, v);
  // A bell and its clapper.
  for (const d of ['M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9', 'M10.3 21a1.94 1.94 0 0 0 3.4 0']) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** The bell's count and label from the server's unread count (after a page, or a mark-read). */
export async function refreshAlertBell(): Promise<void> {
  const bell = document.getElementById('alert-bell');
  const count = document.getElementById('alert-count');
  if (!bell || !count) return;
  const { unread } = await api.alerts();
  count.textContent = unread > 0 ? String(unread) : '';
  bell.setAttribute('aria-label', unread > 0 ? `Alerts: ${unread} unread` : 'Alerts');
}

export function alertBell(): HTMLElement {
  const count = h('span', { class: 'bell-count', id: 'alert-count' }, '');
  const bell = h(
    'a',
    { href: '/coach/alerts', id: 'alert-bell', class: 'bell', 'aria-label': 'Alerts' },
    bellIcon(),
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
