// One athlete seen by their coach: the same decision, plan, charts and activities as the runner
// sees (read through /api/athletes/:id/…), plus the coach's tools: stage, thresholds and notes.
import {
  api,
  athleteApi,
  type ActivityRow,
  type AthleteApi,
  type Note,
  type Progression,
  type Thresholds,
  type TodayDecision,
} from '../api.ts';
import { errorText, field, h } from '../dom.ts';
import { formatDay } from '../format.ts';
import { activityList } from '../views/activity-list.ts';
import { aboutText, noteThreads } from '../views/note-threads.ts';
import { chartsPanel } from '../views/charts-panel.ts';
import { decisionCard, planList } from '../views/decision-card.ts';
import { planEditor } from '../views/plan-editor.ts';
import { stageForm } from '../views/stage-form.ts';
import { coachProgrammeCards } from '../views/coach-programme-card.ts';

const THRESHOLDS: Array<[keyof Thresholds, string]> = [
  ['spikeCaution', 'Spike: caution above (fraction, 0.1 = 10 %)'],
  ['spikeHigh', 'Spike: high above'],
  ['spikeVeryHigh', 'Spike: very high above'],
  ['weeklyChangeCaution', 'Weekly change: caution above'],
  ['painGreenMax', 'Pain: green up to (0–10)'],
  ['painAmberMax', 'Pain: amber up to (0–10)'],
];

function stageCard(
  aapi: AthleteApi,
  p: Progression,
  current: number,
  onChange: () => Promise<void>,
): HTMLElement {
  const form = stageForm(aapi, p.plan, current, onChange, {
    submitLabel: 'Set stage',
    notePlaceholder: 'e.g. cleared by physio',
  });

  const inputs = THRESHOLDS.map(([key, label]) => {
    const v = p.thresholds[key];
    const input = h('input', {
      type: 'number',
      step: 'any',
      min: 0,
      name: key,
      value: typeof v === 'number' ? v : '',
    });
    return { key, input, el: field(label, input) };
  });
  const tStatus = h('p', { role: 'status', class: 'status' });
  const tError = h('p', { class: 'error', role: 'alert' });
  const tForm = h(
    'form',
    { id: 'thresholds-form', class: 'grid-form' },
    ...inputs.map((i) => i.el),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save thresholds')),
    tStatus,
    tError,
  );
  tForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    tError.textContent = '';
    const thresholds: Partial<Record<keyof Thresholds, number>> = {};
    for (const i of inputs) if (i.input.value !== '') thresholds[i.key] = Number(i.input.value);
    try {
      await aapi.putProgression({ thresholds });
      tStatus.textContent = 'Thresholds saved; the athlete’s history is being recomputed.';
    } catch (err) {
      tError.textContent = errorText(err);
    }
  });
  const planForm = planEditor(p, async (plan) => {
    const saved = await aapi.putProgression({ plan });
    await onChange();
    return saved;
  });
  return h(
    'section',
    { class: 'card', id: 'coach-tools' },
    h('h2', {}, 'Progression'),
    h(
      'p',
      { class: 'muted small' },
      'The plan: ',
      p.customPlan ? 'custom.' : 'the default walk-run plan (science.md §4).',
    ),
    form,
    h('details', {}, h('summary', {}, 'Thresholds'), tForm),
    h('details', {}, h('summary', {}, 'Plan'), planForm),
  );
}

/**
 * The coach's notes on the athlete: each about them in general, a day or an activity, with the
 * athlete's replies (new ones marked, then marked read), and a form for a new note.
 */
function notesCard(athleteId: string, today: string, activities: ActivityRow[]): HTMLElement {
  const list = h('div', {});
  const draw = (notes: Note[]) =>
    list.replaceChildren(
      noteThreads(notes, {
        id: 'coach-notes',
        aboutOf: (n) => aboutText(n, activities),
        markUnread: true,
        empty: 'No notes yet.',
      }),
    );
  const body = h('textarea', { name: 'body', rows: 3, required: true, maxlength: 4000 });
  const recent = [...activities].sort((x, y) => y.startAt.localeCompare(x.startAt)).slice(0, 10);
  const about = h(
    'select',
    { name: 'about' },
    h('option', { value: '' }, 'The athlete in general'),
    h('option', { value: `day:${today}` }, `Today, ${formatDay(today)}`),
    ...recent.map((a) =>
      h(
        'option',
        { value: `activity:${a.id}` },
        `The ${a.sport.replace(/_/g, ' ')} of ${formatDay(a.localDate)}`,
      ),
    ),
  );
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { id: 'note-form' },
    field('About', about),
    field('New note (the athlete reads it there and can reply)', body),
    h('button', { type: 'submit' }, 'Add note'),
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const [kind, value] = about.value.split(':');
    try {
      await api.postNote(
        athleteId,
        body.value.trim(),
        kind === 'day' ? { day: value } : kind === 'activity' ? { activityId: value } : {},
      );
      body.value = '';
      draw(await api.athleteNotes(athleteId));
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  void api.athleteNotes(athleteId).then(
    async (notes) => {
      draw(notes);
      // Seen now: the roster's count of new replies goes back to 0 (the "New" marks stay drawn).
      if (notes.some((n) => n.replies.some((r) => r.by === 'athlete' && r.readAt === null)))
        await api.markNotesRead(athleteId);
    },
    (err: unknown) => list.replaceChildren(h('p', { class: 'error' }, errorText(err))),
  );
  return h('section', { class: 'card', id: 'notes-card' }, h('h2', {}, 'Notes'), list, form);
}

/** Throws the API's 404 when the coach has no grant: the caller shows the not-found page. */
export async function coachAthletePage(athleteId: string): Promise<Node[]> {
  const aapi = athleteApi(athleteId);
  const today = await aapi.today();
  const [progression, activities, roster] = await Promise.all([
    aapi.progression(),
    aapi.activities(),
    api.roster().catch(() => []),
  ]);
  const row = roster.find((r) => r.athleteId === athleteId);
  const who = row?.name || row?.email || 'Athlete';
  // How the athlete is named in a sentence, as the server's reasons name them.
  const short = row?.name || row?.email.split('@')[0] || 'the athlete';
  const units = row?.units ?? 'km';
  const top = h('div', { class: 'top-grid' });
  // A new stage or a clearance changes today's decision at once (computed live).
  const draw = (t: TodayDecision) =>
    top.replaceChildren(
      decisionCard(t, {
        hold: {
          today: t.date,
          plan: progression.plan,
          whose: `${short}’s`,
          post: (input) => aapi.postClearance(input),
          onSaved: async () => {
            await refreshDecision();
            // The form is gone: focus goes to what changed, today's decision.
            document.getElementById('decision-action')?.focus();
          },
        },
      }),
      planList(t),
    );
  const refreshDecision = async () => draw(await aapi.today());
  draw(today);
  const programme = await coachProgrammeCards(athleteId, aapi);
  return [
    h('p', {}, h('a', { href: '/coach' }, '← All athletes')),
    h('h1', { id: 'athlete-name' }, who),
    top,
    h(
      'div',
      { class: 'top-grid' },
      stageCard(aapi, progression, today.stage, refreshDecision),
      notesCard(athleteId, today.date, activities.rows),
    ),
    ...programme,
    chartsPanel(aapi, today.date, units, 'coach'),
    activityList(
      activities,
      units,
      row?.shareActivityDetails === false
        ? {
            hrefOf: null,
            note: `${short} shares only derived load with you: the date, sport, distance, time and pace of each activity, not its details (map, laps, heart rate, notes).`,
            readPage: (next) => aapi.activitiesAt(next),
          }
        : {
            hrefOf: (id) => `/coach/athletes/${athleteId}/activities/${id}`,
            readPage: (next) => aapi.activitiesAt(next),
          },
    ),
  ];
}
