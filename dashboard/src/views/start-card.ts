// Until a runner has said where they are, the home page asks: "Use stage N" when their last four
// weeks of runs suggest a stage, and always the starting questions (/start). Nobody who already
// runs is left walking without being asked.
import type { AthleteApi, Progression } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { stageSessionText } from './stage-form.ts';

export function startCard(
  p: Progression,
  aapi: AthleteApi,
  onChosen: () => Promise<void> | void,
): HTMLElement | null {
  if (p.stageChosen !== false) return null;
  const proposal = p.proposedStage ?? null;
  const stage = proposal ? p.plan[proposal.stage] : undefined;
  const error = h('p', { class: 'error', role: 'alert' });
  const questions = h(
    'a',
    { href: '/start', class: proposal ? 'button' : 'button primary', id: 'start-questions' },
    proposal ? 'Answer the starting questions instead' : 'Tell Hipcheck where you are',
  );
  let use: HTMLButtonElement | null = null;
  if (proposal) {
    use = h(
      'button',
      { type: 'button', class: 'primary', id: 'use-proposed-stage' },
      `Use stage ${proposal.stage}`,
    );
    use.addEventListener('click', async () => {
      error.textContent = '';
      (use as HTMLButtonElement).disabled = true;
      try {
        await aapi.setStage(proposal.stage, `Proposed from the last 4 weeks: ${proposal.reason}`);
        await onChosen();
      } catch (err) {
        error.textContent = errorText(err);
        (use as HTMLButtonElement).disabled = false;
      }
    });
  }
  return h(
    'section',
    { class: 'card start-card', id: 'start-card', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title' }, 'Where are you starting from?'),
    proposal
      ? [
          h(
            'p',
            { id: 'proposed-stage' },
            h(
              'strong',
              {},
              `Your last 4 weeks look like stage ${proposal.stage}${stage ? ` (${stage.name})` : ''}. `,
            ),
            proposal.reason,
          ),
          stage
            ? h('p', { class: 'muted small' }, `Its session: ${stageSessionText(stage)}.`)
            : null,
        ]
      : h(
          'p',
          {},
          'Until you say, Hipcheck plans from stage 0: walking only. A few questions about your hip and your running set the right starting stage.',
        ),
    h('div', { class: 'actions' }, use, questions),
    error,
  );
}
