// The day's hip check-in in a dialog, built for the morning on a phone: pain on waking first, Save
// always in view (a footer that stays put while the questions scroll), then the warning signs,
// the day's run (named, so every score belongs to a run) and the rest. One entry per day: opening
// a day that has one shows it filled in, and saving replaces it (PUT /api/checkins/:date).
import type { RedFlagField } from '../../../shared/engine/detect-red-flags.ts';
import { api, isNotFound, type ActivityRow, type CheckInInput, type CheckInRow } from '../api.ts';
import { dayChoice, errorText, field, h } from '../dom.ts';
import { addDays, formatDistance, formatDuration, type Units } from '../format.ts';
import { scoreScale } from './score-scale.ts';

type ScoreKey = 'painMorning' | 'stiffness' | 'painDuring' | 'painAfter' | 'rpe' | 'painAtRest';
type YesNoKey = RedFlagField | 'clicking';

// The red flags of science.md §5, then clicking (a caution, not a red flag).
export const WARNING_SIGNS: Array<[YesNoKey, string]> = [
  ['nightPain', 'Hip pain at night (woke you up or kept you awake)'],
  ['painWalking', 'Pain when walking or bearing weight'],
  ['limp', 'Limping'],
  ['painHopping', 'Pain when hopping'],
  ['deepGroinPain', 'Deep groin pain that builds while running'],
  ['catchingOrLocking', 'Catching or locking of the hip'],
  ['givingWay', 'The hip giving way'],
  ['clicking', 'Clicking in the hip'],
];

const RUNNING = new Set(['run', 'trail_run', 'treadmill_run']);

export interface CheckInDialog {
  dialog: HTMLDialogElement;
  /** Open on a day (today by default), filled in with that day's entry when there is one. */
  open(date?: string): Promise<void>;
}

export function checkInDialog(options: {
  today: string;
  units: Units;
  /** The activities the runner recorded (to name the run the evening questions are about). */
  activities: ActivityRow[];
  onSaved: (row: CheckInRow) => Promise<void> | void;
}): CheckInDialog {
  const { today, units } = options;
  const yesterday = addDays(today, -1);
  const dayWord = (date: string) => (date === today ? 'today' : 'yesterday');

  const error = h('p', { class: 'error', role: 'alert' });
  const editing = h('p', { class: 'muted small', id: 'checkin-editing' });
  const date = dayChoice(today, yesterday);

  const morning = scoreScale('painMorning', 'Pain this morning, on waking');
  const stiffness = scoreScale('stiffness', 'Hip stiffness this morning');
  const during = scoreScale('painDuring', 'Pain during the run');
  const after = scoreScale('painAfter', 'Pain right after the run');
  const rpe = scoreScale('rpe', 'Effort of the run (RPE)', '0 rest · 3 easy · 5 hard · 10 maximal');
  const atRest = scoreScale('painAtRest', 'Pain at rest, right now');
  const scales: Record<ScoreKey, ReturnType<typeof scoreScale>> = {
    painMorning: morning,
    stiffness,
    painDuring: during,
    painAfter: after,
    rpe,
    painAtRest: atRest,
  };
  const signs = WARNING_SIGNS.map(([key, label]) => {
    const input = h('input', { type: 'checkbox', name: key });
    return { key, input, el: h('label', { class: 'check' }, input, h('span', {}, label)) };
  });
  const notes = h('textarea', { name: 'notes', rows: 2, maxlength: 2000 });

  const runSummary = h('summary', { id: 'checkin-run-title' });
  const runNote = h('p', { class: 'muted small' });
  const runSection = h(
    'details',
    { class: 'checkin-run', id: 'checkin-run' },
    runSummary,
    runNote,
    during.el,
    after.el,
    rpe.el,
  );
  const moreSection = h(
    'details',
    { class: 'checkin-more', id: 'checkin-more' },
    h('summary', {}, 'More: pain at rest, notes'),
    atRest.el,
    field('Notes', notes),
  );

  const submit = h('button', { type: 'submit', class: 'primary' }, 'Save check-in');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const title = h('h2', { id: 'checkin-title' }, 'Hip check-in');
  const form = h(
    'form',
    { method: 'dialog', class: 'checkin-form sheet' },
    h('header', { class: 'sheet-head' }, title, field('Day', date)),
    h(
      'div',
      { class: 'sheet-body' },
      morning.el,
      stiffness.el,
      h(
        'fieldset',
        { class: 'signs' },
        h('legend', {}, 'Since your last check-in, did you have… (tick for yes)'),
        ...signs.map((s) => s.el),
      ),
      runSection,
      moreSection,
    ),
    h(
      'footer',
      { class: 'sheet-foot' },
      editing,
      error,
      h('div', { class: 'actions' }, submit, cancel),
    ),
  );
  const dialog = h('dialog', { id: 'checkin', 'aria-labelledby': 'checkin-title' }, form);
  cancel.addEventListener('click', () => dialog.close());

  let stored: CheckInRow | null = null;

  /** Name the day's run, so that "during" and "after" belong to it. */
  const labelRun = (day: string) => {
    const runs = options.activities.filter((a) => a.localDate === day && RUNNING.has(a.sport));
    const word = dayWord(day);
    const named = runs
      .map(
        (r) =>
          `${r.name ?? 'Run'} (${formatDistance(r.distanceM, units)}, ${formatDuration(r.movingS)})`,
      )
      .join(' and ');
    runSummary.textContent = runs.length ? `Your run ${word}: ${named}` : `Your run ${word}`;
    runNote.textContent = runs.length
      ? `These scores are about the run${runs.length > 1 ? 's' : ''} of ${word}.`
      : `No run recorded ${word}. Fill these in after you run; leave them empty on a day without a run.`;
    return runs.length > 0;
  };

  const fill = (day: string, row: CheckInRow | null) => {
    stored = row;
    error.textContent = '';
    const word = dayWord(day);
    morning.relabel(
      word === 'today' ? 'Pain this morning, on waking' : 'Pain yesterday morning, on waking',
    );
    stiffness.relabel(
      word === 'today' ? 'Hip stiffness this morning' : 'Hip stiffness yesterday morning',
    );
    for (const [key, scale] of Object.entries(scales) as Array<[ScoreKey, typeof morning]>)
      scale.set(row?.[key] ?? null);
    for (const s of signs) s.input.checked = row?.[s.key] === true;
    notes.value = row?.notes ?? '';
    const hadRun = labelRun(day);
    runSection.open = hadRun || [during, after, rpe].some((s) => s.value() !== null);
    moreSection.open = atRest.value() !== null || notes.value !== '';
    title.textContent = row ? `Edit ${word}’s check-in` : 'Hip check-in';
    editing.textContent = row ? `You checked in ${word}; saving updates that entry.` : '';
  };

  const load = async (day: string): Promise<void> => {
    try {
      fill(day, await api.checkIn(day));
    } catch (err) {
      fill(day, null);
      if (!isNotFound(err)) error.textContent = errorText(err);
    }
  };
  date.addEventListener('change', () => void load(date.value));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const body: CheckInInput = { date: date.value };
    for (const [key, scale] of Object.entries(scales) as Array<[ScoreKey, typeof morning]>)
      body[key] = scale.value();
    for (const s of signs) body[s.key] = s.input.checked;
    body.notes = notes.value.trim() || null;
    submit.disabled = true;
    try {
      // An entry exists: replace it whole, keeping what this dialog does not ask (a linked run,
      // the stage-1 questions, an older next-morning score).
      const saved = stored
        ? await api.putCheckIn({
            ...body,
            activityId: stored.activityId ?? null,
            readinessTestPassed: stored.readinessTestPassed ?? null,
            painNextMorning: stored.painNextMorning ?? null,
          })
        : await api.postCheckIn(body);
      dialog.close();
      await options.onSaved(saved);
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    dialog,
    async open(day = today) {
      date.value = day;
      await load(day);
      if (dialog.open) return; // a second tap while the entry was loading
      dialog.showModal();
      morning.focus();
    },
  };
}
