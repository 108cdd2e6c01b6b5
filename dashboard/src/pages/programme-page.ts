// The runner's rehab programme (science.md §7): the day's session as a checklist with a rest timer,
// saved with its RPE and pain, what each exercise does next time, and each lift's history.
import '../programme.css';
import { chartWidth, errorText, h } from '../dom.ts';
import { liftHistoryChart } from '../charts/lift-history-chart.ts';
import {
  programmeApi,
  type LiftHistory,
  type ProgrammeDay,
  type SessionKey,
} from '../programme-api.ts';
import { restTimer } from '../views/rest-timer.ts';
import { sessionChecklist, type Checklist } from '../views/session-checklist.ts';

const LABEL: Record<SessionKey, string> = {
  warm_up: 'Warm-up',
  strength_a: 'Strength A',
  strength_b: 'Strength B',
  mobility: 'Mobility',
};

function scoreSelect(id: string, name: string, placeholder: string): HTMLSelectElement {
  return h(
    'select',
    { id, name, required: true },
    h('option', { value: '' }, placeholder),
    ...Array.from({ length: 11 }, (_, i) => h('option', { value: String(i) }, String(i))),
  );
}

export function historyCard(history: LiftHistory[]): HTMLElement {
  const width = Math.min(chartWidth(), 480);
  return h(
    'section',
    { class: 'card', id: 'lift-history' },
    h('h2', {}, 'Each exercise over the weeks'),
    h(
      'p',
      { class: 'muted small' },
      'Load, reps or hold per session; red triangles mark sessions with pain above mild.',
    ),
    history.length
      ? h(
          'div',
          { class: 'lift-grid' },
          ...history.map((x) =>
            h('figure', { class: 'lift' }, h('figcaption', {}, x.name), liftHistoryChart(x, width)),
          ),
        )
      : h('p', {}, 'Nothing logged yet.'),
  );
}

export async function programmePage(): Promise<Node[]> {
  const papi = programmeApi();
  const [first, history] = await Promise.all([papi.programme(), papi.history().catch(() => [])]);
  let programme: ProgrammeDay = first;
  let selected: SessionKey = programme.planned ?? programme.nextStrength;
  const timer = restTimer();
  const status = h('p', { class: 'status', role: 'status', id: 'programme-status' });
  const tabs = h('div', { class: 'session-tabs', role: 'group', 'aria-label': 'Session' });
  const body = h('div', {});
  const summary = h('p', { class: 'muted', id: 'programme-summary' });
  const historyHolder = h('div', {}, historyCard(history));
  let checklist: Checklist | undefined;

  const rpe = scoreSelect('session-rpe', 'rpe', 'RPE (0–10)');
  const pain = scoreSelect('session-pain', 'pain', 'Hip pain (0–10)');
  const save = h('button', { type: 'submit', id: 'save-session', class: 'big' }, 'Save session');
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'session-form', id: 'session-form' },
    h('label', { class: 'field' }, h('span', {}, 'How hard was the session? (RPE 0–10)'), rpe),
    h('label', { class: 'field' }, h('span', {}, 'Hip pain during or after (0–10)'), pain),
    h(
      'p',
      { class: 'muted small' },
      'Pain up to 2 is mild: the next session steps up. 3–5 keeps the same dose, 6 or more steps back — and counts like an amber run for tomorrow.',
    ),
    save,
    error,
  );

  const draw = () => {
    const a = programme.adherence;
    summary.textContent = `Stage ${programme.stage} · this week ${a.done} of ${a.planned} sessions done${programme.planned ? ` · today’s plan: ${LABEL[programme.planned]}` : ''}`;
    tabs.replaceChildren(
      ...programme.sessions.map((s) =>
        h(
          'button',
          {
            type: 'button',
            class: 'tab',
            'data-key': s.key,
            'aria-pressed': String(s.key === selected),
            onclick: () => {
              selected = s.key;
              timer.stop();
              draw();
            },
          },
          LABEL[s.key],
        ),
      ),
    );
    const session = programme.sessions.find((s) => s.key === selected);
    if (!session) return;
    checklist = sessionChecklist(session, timer);
    body.replaceChildren(h('h3', {}, session.title), checklist.element);
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const exercises = checklist?.logged() ?? [];
    if (!exercises.length) {
      error.textContent = 'Tick at least one set before saving.';
      return;
    }
    save.disabled = true;
    try {
      const saved = await papi.logSession({
        date: programme.date,
        sessionKey: selected,
        exercises,
        rpe: Number(rpe.value),
        pain: Number(pain.value),
      });
      const names = new Map(
        programme.sessions.flatMap((s) => s.exercises.map((e) => [e.exerciseId, e.name])),
      );
      const next = (saved.progression ?? []).map(
        (p) => `${names.get(p.exerciseId) ?? p.exerciseId} ${p.next.doseText}`,
      );
      const up = (saved.progression ?? []).filter((p) => p.outcome === 'step_up').length;
      status.textContent = `Session saved. ${up} of ${saved.progression?.length ?? 0} exercises step up. Next time: ${next.join(', ')}.`;
      programme = await papi.programme(programme.date);
      form.reset();
      timer.stop();
      draw();
      historyHolder.replaceChildren(historyCard(await papi.history().catch(() => [])));
      status.focus();
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      save.disabled = false;
    }
  });

  draw();
  status.tabIndex = -1;
  return [
    status,
    h(
      'section',
      { class: 'card programme', id: 'programme' },
      h('h1', {}, 'Strength & mobility'),
      summary,
      tabs,
      body,
      form,
    ),
    h('p', { class: 'muted small', id: 'heavy-rule' }, programme.heavyHipFlexion.reason),
    historyHolder,
    timer.element,
  ];
}
