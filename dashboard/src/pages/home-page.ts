// The runner's morning page: where to start (until chosen), today's decision with the day's check-in
// one tap away, the week, coach notes, the trends on one time axis, and the recent activities.
import { api, athleteApi, type ActivityRow, type Note, type TodayDecision } from '../api.ts';
import { errorText, h, sleep } from '../dom.ts';
import { programmeApi } from '../programme-api.ts';
import { activityList } from '../views/activity-list.ts';
import { loadAdherenceCard } from '../views/adherence-card.ts';
import { aboutText, noteThreads } from '../views/note-threads.ts';
import { chartsPanel, requestChartsYear } from '../views/charts-panel.ts';
import { localDateIn } from '../format.ts';
import { checkInDialog } from '../views/checkin-dialog.ts';
import { crossTrainingDialog } from '../views/cross-training-dialog.ts';
import { decisionCard, planList } from '../views/decision-card.ts';
import { startCard } from '../views/start-card.ts';
import { stravaStatusCard } from '../views/strava-status.ts';
import type { PageContext } from './page-context.ts';

/** Notes from the runner's coaches, each about the runner, a day or an activity, with a reply form. */
export function notesCard(
  notes: Note[],
  activities: ActivityRow[],
  title = 'Notes from your coach',
): HTMLElement | null {
  if (!notes.length) return null;
  const card = h('section', { class: 'card', id: 'notes' });
  const draw = (list: Note[]) =>
    card.replaceChildren(
      h('h2', {}, title),
      noteThreads(list, {
        id: 'runner-notes',
        aboutOf: (n) => aboutText(n, activities),
        empty: 'No notes yet.',
        onReply: async (noteId, body) => {
          await api.replyToNote(noteId, body);
          draw(await api.notes());
        },
      }),
    );
  draw(notes);
  return card;
}

export async function homePage(ctx: PageContext): Promise<Node[]> {
  const athlete = ctx.me.athlete;
  if (!athlete) return [];
  const aapi = athleteApi();
  const units = athlete.units;
  // The trends' data are asked for beside today's decision, for today as this device's clock
  // reads it in the athlete's time zone; the panel asks again in the rare case the server's
  // today differs (around midnight, a clock set wrong).
  const chartsYear = requestChartsYear(aapi, localDateIn(new Date(), athlete.timezone));
  // Likewise the programme's week (two requests, one after the other; it never throws).
  const adherenceLoad = loadAdherenceCard(programmeApi(), aapi, units, {
    whose: 'today’s',
    href: '/programme',
  });
  const [today, activities, notes, progression] = await Promise.all([
    aapi.today(),
    aapi.activities(),
    api.notes().catch(() => [] as Note[]),
    aapi.progression(),
  ]);

  const top = h('div', { class: 'top-grid' });
  const drawDecision = (t: TodayDecision) =>
    top.replaceChildren(
      decisionCard(t, {
        onCheckIn: () => void dialog.open(),
        hold: {
          today: t.date,
          plan: progression.plan,
          whose: 'your',
          post: (input) => aapi.postClearance(input),
          onSaved: async () => {
            drawDecision(await aapi.today());
            status.textContent = 'Clearance recorded: today’s decision and your week are updated.';
            // The form is gone: focus goes to what changed, today's decision.
            document.getElementById('decision-action')?.focus();
            void refreshCharts();
          },
          settingsHref: '/settings',
        },
      }),
      planList(t, { sessionHref: '/programme' }),
    );
  let charts = chartsPanel(aapi, today.date, units, 'athlete', chartsYear);
  /** The scores reach the charts once the worker has recomputed the days (metricsPending). */
  const refreshCharts = async () => {
    for (let i = 0; i < 60; i++) {
      const me = await api.me().catch(() => undefined);
      if (!me?.athlete?.metricsPending) break;
      await sleep(300);
    }
    if (!charts.isConnected) return;
    const next = chartsPanel(aapi, today.date, units);
    charts.replaceWith(next);
    charts = next;
  };
  const dialog = checkInDialog({
    today: today.date,
    units,
    activities: activities.rows,
    onSaved: async () => {
      try {
        drawDecision(await aapi.today());
        status.textContent = 'Check-in saved: today’s decision is updated.';
        void refreshCharts();
      } catch (err) {
        status.textContent = errorText(err);
      }
      // Back where the runner started: the check-in button, now "Checked in — edit".
      document.getElementById('open-checkin')?.focus();
    },
  });
  const crossDialog = crossTrainingDialog(today.date, async () => {
    status.textContent =
      'Cross-training saved: it counts toward your load from today’s numbers on.';
    void refreshCharts();
  });
  const logCross = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: 'open-cross-training',
      onclick: () => crossDialog.showModal(),
    },
    'Log cross-training',
  );
  const status = h('p', { class: 'status', role: 'status', id: 'home-status' });
  drawDecision(today);

  const start = startCard(progression, aapi, ctx.rerender);
  const nodes: Node[] = [
    // The page's title for screen readers and headings navigation; the decision card says it all.
    h('h1', { class: 'sr-only' }, 'Today'),
    status,
    ...(start ? [start] : []),
    top,
    h('div', { class: 'actions' }, logCross),
  ];
  nodes.splice(nodes.indexOf(top), 0, stravaStatusCard()); // Strava's sync, above the decision
  const pending = athlete.metricsPending;
  if (pending) {
    const banner = h(
      'p',
      { class: 'banner', role: 'status', id: 'metrics-pending' },
      'Updating your numbers with your latest data…',
    );
    nodes.unshift(banner);
    void (async () => {
      // The banner is attached after this starts, once the whole page is drawn (slow on a busy
      // phone): the page is left only when a banner that was on it is gone.
      let shown = false;
      for (let i = 0; i < 200; i++) {
        await sleep(500);
        if (banner.isConnected) shown = true;
        else if (shown)
          return; // the runner has left the page
        else continue; // not drawn yet
        const me = await api.me().catch(() => undefined);
        if (me && !me.athlete?.metricsPending) {
          if (banner.isConnected) await ctx.rerender();
          return;
        }
      }
    })();
  }
  if (!activities.rows.length && !activities.next) {
    nodes.push(
      h(
        'section',
        { class: 'card', id: 'getting-started' },
        h('h2', {}, 'Add your runs'),
        h(
          'p',
          {},
          'Hipcheck needs your recent runs to judge load: ',
          h(
            'a',
            { href: '/import' },
            'connect Strava or drop your GPX, TCX, FIT files or a Strava export ZIP',
          ),
          '. Meanwhile the advice follows your stage and your check-ins.',
        ),
      ),
    );
  }
  const adherence = await adherenceLoad;
  if (adherence) nodes.splice(nodes.indexOf(top) + 1, 0, adherence);
  const n = notesCard(notes, activities.rows);
  if (n) nodes.push(n);
  nodes.push(charts);
  nodes.push(
    activityList(activities, units, {
      hrefOf: (id) => `/activities/${id}`,
      readPage: (next) => aapi.activitiesAt(next),
    }),
  );
  nodes.push(dialog.dialog, crossDialog);
  return nodes;
}
