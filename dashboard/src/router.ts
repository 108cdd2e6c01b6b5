// Client-side routing with the history API. The server answers every non-/api path with
// index.html, so a reload or a shared link lands on the same page.

export interface Match {
  name: RouteName;
  params: Record<string, string>;
}

export type RouteName =
  | 'home'
  | 'programme'
  | 'activity'
  | 'import'
  | 'settings'
  | 'coach'
  | 'coachAthlete'
  | 'coachActivity'
  | 'coachAlerts'
  | 'invite'
  | 'how'
  | 'start'
  | 'forgotPassword'
  | 'resetPassword'
  | 'stravaCallback'
  | 'notFound';

const ROUTES: Array<[RouteName, RegExp, string[]]> = [
  ['home', /^\/$/, []],
  ['programme', /^\/programme$/, []],
  ['activity', /^\/activities\/([^/]+)$/, ['id']],
  ['import', /^\/import$/, []],
  ['settings', /^\/settings$/, []],
  ['coach', /^\/coach$/, []],
  ['coachAlerts', /^\/coach\/alerts$/, []],
  ['coachAthlete', /^\/coach\/athletes\/([^/]+)$/, ['athleteId']],
  ['coachActivity', /^\/coach\/athletes\/([^/]+)\/activities\/([^/]+)$/, ['athleteId', 'id']],
  ['invite', /^\/invite\/([^/]+)$/, ['token']],
  ['how', /^\/how$/, []],
  ['start', /^\/start$/, []],
  ['forgotPassword', /^\/forgot-password$/, []],
  ['resetPassword', /^\/reset-password$/, []],
  ['stravaCallback', /^\/strava\/callback$/, []],
];

export function matchRoute(pathname: string): Match {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [name, re, keys] of ROUTES) {
    const m = re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
    return { name, params };
  }
  return { name: 'notFound', params: {} };
}

let onChange: () => void = () => undefined;
/** The page drawn last (path and query): a change of the #fragment alone draws nothing new. */
let drawn = '';
const pageOf = (): string => location.pathname + location.search;

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  drawn = pageOf();
  onChange();
}

/** Start listening: back/forward and clicks on same-origin links (not /api, not downloads). */
export function startRouter(render: () => void): void {
  onChange = render;
  drawn = pageOf();
  window.addEventListener('popstate', () => {
    if (pageOf() === drawn) return;
    drawn = pageOf();
    render();
  });
  document.addEventListener('click', (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    const a = (ev.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    // A jump within the page (#section) is the browser's own.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    ev.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
