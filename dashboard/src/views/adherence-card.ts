// The week's strength and mobility sessions (done of planned) beside the week's running, for the
// runner's home page and the coach's athlete page.
import '../programme.css';
import { formatDistance, type Units } from '../format.ts';
import { h } from '../dom.ts';
import type { AthleteApi } from '../api.ts';
import type { ProgrammeApi, ProgrammeDay } from '../programme-api.ts';

export function adherenceCard(
  programme: ProgrammeDay,
  week: { runDistanceM: number; runCount: number } | undefined,
  units: Units,
  opts: { whose: string; href?: string },
): HTMLElement {
  const a = programme.adherence;
  const today = programme.sessions.find(
    (s) => s.key === (programme.planned ?? programme.nextStrength),
  );
  return h(
    'section',
    { class: 'card adherence', id: 'adherence' },
    h('h2', {}, 'This week'),
    h(
      'div',
      { class: 'adherence-row' },
      h(
        'div',
        { class: 'adherence-item' },
        h(
          'span',
          { class: 'big-number', id: 'adherence-running' },
          week ? formatDistance(week.runDistanceM, units) : '–',
        ),
        h(
          'span',
          { class: 'muted small' },
          `running, ${week?.runCount ?? 0} ${week?.runCount === 1 ? 'run' : 'runs'}`,
        ),
      ),
      h(
        'div',
        { class: 'adherence-item' },
        h('span', { class: 'big-number', id: 'adherence-strength' }, `${a.done} of ${a.planned}`),
        h('span', { class: 'muted small' }, 'strength & mobility sessions'),
      ),
    ),
    today
      ? h(
          'p',
          { class: 'small' },
          `${programme.planned ? 'Today' : 'Next'}: ${today.text}. `,
          opts.href
            ? h('a', { href: opts.href, id: 'open-programme' }, `Open ${opts.whose} session`)
            : null,
        )
      : null,
  );
}

/** Loads the programme and this week's running, then draws the card (null when either fails). */
export async function loadAdherenceCard(
  papi: ProgrammeApi,
  aapi: AthleteApi,
  units: Units,
  opts: { whose: string; href?: string },
): Promise<HTMLElement | null> {
  try {
    const programme = await papi.programme();
    const weeks = await aapi.weekly(programme.adherence.weekStart, programme.date).catch(() => []);
    const week = weeks.find((w) => w.weekStart === programme.adherence.weekStart);
    return adherenceCard(programme, week, units, opts);
  } catch {
    return null;
  }
}
