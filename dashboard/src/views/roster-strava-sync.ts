// Strava on the coach's roster: "Strava last synced …" under each athlete who connected Strava,
// and, above the roster, the athletes whose sync fails or whose connection ended, since their
// decisions may be computed without runs that are missing. Rows are found by their
// data-athlete-id, so the roster's layout (a table, or cards on a phone) is the roster's own.
import { stravaApi, type AthleteStravaSync } from '../strava-api.ts';
import { h } from '../dom.ts';

function lineFor(s: AthleteStravaSync): HTMLElement {
  const problem = s.disconnected?.message ?? s.sync.warning;
  return h(
    'div',
    { class: `small strava-sync-line${problem ? ' error' : ' muted'}` },
    s.disconnected ? `Strava disconnected on ${s.disconnected.on}` : s.sync.lastSynced,
  );
}

function annotate(rows: AthleteStravaSync[]): void {
  for (const s of rows) {
    for (const el of document.querySelectorAll<HTMLElement>(
      `[data-athlete-id="${CSS.escape(s.athleteId)}"]`,
    )) {
      const cell = el.tagName === 'TR' ? (el.querySelector('th, td') ?? el) : el;
      cell.querySelector('.strava-sync-line')?.remove();
      cell.append(lineFor(s));
    }
  }
}

/** A card listing sync problems (hidden when there are none); it also annotates the roster. */
export function rosterStravaSync(): HTMLElement {
  const card = h('section', { class: 'card', id: 'roster-strava', hidden: true });
  void stravaApi
    .coachSync()
    .then((rows) => {
      // The roster is drawn in the same pass as this card: read and annotate it once it is shown.
      requestAnimationFrame(() => show(card, rows));
    })
    .catch(() => undefined);
  return card;
}

function show(card: HTMLElement, rows: AthleteStravaSync[]): void {
  annotate(rows);
  const troubled = rows.filter((r) => r.disconnected ?? r.sync.warning);
  if (troubled.length === 0) return;
  const nameOf = (id: string): string =>
    document.querySelector(`[data-athlete-id="${CSS.escape(id)}"] a`)?.textContent ?? 'An athlete';
  card.replaceChildren(
    h('h2', {}, 'Strava sync'),
    h(
      'ul',
      { class: 'notes' },
      ...troubled.map((r) =>
        h(
          'li',
          { 'data-strava-athlete': r.athleteId },
          h('strong', {}, nameOf(r.athleteId)),
          h('p', {}, r.disconnected?.message ?? r.sync.warning ?? ''),
        ),
      ),
    ),
  );
  card.hidden = false;
}
