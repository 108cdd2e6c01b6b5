// The dashboard: one page per route, drawn from the API. Runners land on today's decision;
// coaches on their roster.
import { api, ApiError, type Me } from './api.ts';
import { errorText, h } from './dom.ts';
import { matchRoute, navigate, startRouter } from './router.ts';
import { activityPage } from './pages/activity-page.ts';
import { authPage } from './pages/auth-page.ts';
import { forgotPasswordPage, resetPasswordPage } from './pages/password-reset-page.ts';
import { coachAthletePage } from './pages/coach-athlete-page.ts';
import { coachRosterPage } from './pages/coach-roster-page.ts';
import { homePage } from './pages/home-page.ts';
import { howPage, showHowSection } from './pages/how-page.ts';
import { importPage } from './pages/import-page.ts';
import { invitePage } from './pages/invite-page.ts';
import { notFoundPage } from './pages/not-found-page.ts';
import { programmePage } from './pages/programme-page.ts';
import { coachAlertsPage } from './pages/coach-alerts-page.ts';
import { alertBell } from './views/alert-bell.ts';
import type { PageContext } from './pages/page-context.ts';
import { settingsPage } from './pages/settings-page.ts';
import { startPage } from './pages/start-page.ts';
import { stravaCallbackPage } from './pages/strava-callback-page.ts';

const app = document.getElementById('app') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

function navLinks(me: Me, current: string): HTMLElement {
  const links: Array<[string, string]> =
    me.role === 'coach'
      ? [
          ['/coach', 'Athletes'],
          ['/settings', 'Settings'],
        ]
      : [
          ['/', 'Today'],
          ['/programme', 'Strength'],
          ['/import', 'Import'],
          ['/settings', 'Settings'],
        ];
  const logout = h('button', { type: 'button', class: 'link', id: 'logout' }, 'Sign out');
  logout.addEventListener('click', async () => {
    await api.logout();
    navigate('/', { replace: true });
  });
  return h(
    'div',
    { class: 'nav-inner' },
    h(
      'ul',
      {},
      ...links.map(([href, label]) => {
        const active = href === current || (href === '/coach' && current.startsWith('/coach'));
        return h('li', {}, h('a', { href, ...(active ? { 'aria-current': 'page' } : {}) }, label));
      }),
    ),
    me.role === 'coach' ? alertBell() : null,
    h('span', { id: 'who', class: 'muted small' }, me.email),
    logout,
  );
}

let generation = 0;

async function render(): Promise<void> {
  const mine = ++generation;
  const route = matchRoute(location.pathname);
  let me: Me | undefined;
  try {
    me = await api.me();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 401)) {
      app.replaceChildren(h('p', { class: 'error' }, errorText(err)));
      return;
    }
  }
  if (mine !== generation) return;
  const show = (nodes: Node[], title: string) => {
    if (mine !== generation) return;
    app.replaceChildren(...nodes);
    document.title = `${title} · Hipcheck`;
    app.focus({ preventScroll: true });
  };
  if (route.name === 'how') {
    // The rules are no secret: readable signed in or not.
    nav.replaceChildren(...(me ? [navLinks(me, location.pathname)] : []));
    show(howPage(), 'How is this decided?');
    showHowSection(location.hash);
    return;
  }
  if (route.name === 'invite') {
    nav.replaceChildren(...(me ? [navLinks(me, location.pathname)] : []));
    show(await invitePage(route.params.token ?? '', me, render), 'Invitation');
    return;
  }
  if (route.name === 'forgotPassword' || route.name === 'resetPassword') {
    nav.replaceChildren(...(me ? [navLinks(me, location.pathname)] : []));
    if (route.name === 'forgotPassword') show([forgotPasswordPage()], 'Forgot password');
    else show([resetPasswordPage(location.hash)], 'New password');
    return;
  }
  if (route.name === 'stravaCallback') {
    nav.replaceChildren(...(me ? [navLinks(me, location.pathname)] : []));
    show(await stravaCallbackPage(me), 'Strava');
    return;
  }
  if (!me) {
    nav.replaceChildren();
    show([authPage(render)], 'Sign in');
    return;
  }
  nav.replaceChildren(navLinks(me, location.pathname));
  const ctx: PageContext = { me, params: route.params, rerender: render };
  const isCoach = me.role === 'coach';
  const units = me.athlete?.units ?? 'km';
  app.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  try {
    switch (route.name) {
      case 'home':
        if (isCoach) show(await coachRosterPage(), 'Athletes');
        else show(await homePage(ctx), 'Today');
        return;
      case 'coach':
        if (!isCoach) break;
        show(await coachRosterPage(), 'Athletes');
        return;
      case 'coachAlerts':
        if (!isCoach) break;
        show(await coachAlertsPage(), 'Alerts');
        return;
      case 'coachAthlete':
        if (!isCoach) break;
        show(await coachAthletePage(route.params.athleteId ?? ''), 'Athlete');
        return;
      case 'coachActivity':
        if (!isCoach) break;
        {
          // The athlete's units, as on the athlete's page: a coach reads their runs as they do.
          const athleteId = route.params.athleteId ?? '';
          const roster = await api.roster().catch(() => []);
          const athleteUnits = roster.find((r) => r.athleteId === athleteId)?.units ?? units;
          show(await activityPage(route.params.id ?? '', athleteUnits, athleteId), 'Activity');
        }
        return;
      case 'programme':
        if (isCoach) break;
        show(await programmePage(), 'Strength & mobility');
        return;
      case 'activity':
        if (isCoach) break;
        show(await activityPage(route.params.id ?? '', units), 'Activity');
        return;
      case 'start':
        if (isCoach) break;
        show(startPage(ctx), 'Where are you starting from?');
        return;
      case 'import':
        if (isCoach) break;
        show(importPage(), 'Import');
        return;
      case 'settings':
        show(settingsPage(ctx), 'Settings');
        return;
      default:
        break;
    }
    show([notFoundPage()], 'Not found');
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 403))
      show([notFoundPage()], 'Not found');
    else
      show(
        [
          h(
            'section',
            { class: 'card' },
            h('h1', {}, 'Something went wrong'),
            h('p', { class: 'error', role: 'alert' }, errorText(err)),
          ),
        ],
        'Error',
      );
  }
}

startRouter(() => void render());
void render();
