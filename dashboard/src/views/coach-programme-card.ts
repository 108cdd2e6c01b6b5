// The athlete's programme on their coach's page: the week's adherence beside running, the
// sessions as the plan words them, and each lift's history where the athlete shares details.
import { h } from '../dom.ts';
import type { AthleteApi } from '../api.ts';
import { historyCard } from '../pages/programme-page.ts';
import { programmeApi } from '../programme-api.ts';
import { adherenceCard } from './adherence-card.ts';

export async function coachProgrammeCards(athleteId: string, aapi: AthleteApi): Promise<Node[]> {
  const papi = programmeApi(athleteId);
  const programme = await papi.programme().catch(() => undefined);
  if (!programme) return [];
  const weeks = await aapi.weekly(programme.adherence.weekStart, programme.date).catch(() => []);
  const week = weeks.find((w) => w.weekStart === programme.adherence.weekStart);
  const history = await papi.history().catch(() => undefined);
  return [
    adherenceCard(programme, week, 'km', { whose: 'the' }),
    h(
      'section',
      { class: 'card', id: 'coach-programme' },
      h('h2', {}, 'Strength & mobility programme'),
      h('p', { class: 'muted small' }, programme.heavyHipFlexion.reason),
      h('ul', {}, ...programme.sessions.map((s) => h('li', { class: 'small' }, s.text))),
    ),
    ...(history ? [historyCard(history)] : []),
  ];
}
