// What stops running until someone acts (a red flag, or the weeks after surgery), said plainly with
// what must happen to clear it; for a red flag, the clearance form itself.
import type { ClearanceInput, Hold, RuleId, StageDefinition } from '../api.ts';
import { h } from '../dom.ts';
import { formatDay } from '../format.ts';
import { RULE_TITLE } from '../how-rules.ts';
import { clearanceForm } from './clearance-form.ts';

export interface HoldActions {
  today: string;
  plan: StageDefinition[];
  whose: string;
  post: (input: ClearanceInput) => Promise<unknown>;
  onSaved: () => Promise<void> | void;
  /** Where the surgery date is changed (the runner's settings); none on a coach's page. */
  settingsHref?: string;
}

export function holdNotice(hold: Hold, actions?: HoldActions): HTMLElement {
  const surgery = hold.kind === 'surgery';
  const form = actions
    ? clearanceForm({
        kind: hold.kind,
        since: surgery ? hold.surgeryDate : hold.since,
        today: actions.today,
        plan: actions.plan,
        whose: actions.whose,
        post: actions.post,
        onSaved: actions.onSaved,
      })
    : null;
  if (surgery) {
    return h(
      'div',
      { class: 'hold hold-surgery', id: 'hold', role: 'status' },
      h('strong', {}, 'No running yet after surgery.'),
      h('p', { id: 'how-to-clear' }, hold.howToClear, ' ', whyLink('surgery')),
      form,
      actions?.settingsHref
        ? h('p', {}, h('a', { href: actions.settingsHref }, 'Change the surgery date in Settings'))
        : null,
    );
  }
  return h(
    'div',
    { class: 'hold hold-red-flag red-flag', id: 'hold', role: 'alert' },
    h('strong', {}, `Running is on hold since ${formatDay(hold.since, 'long')}: red flag.`),
    h(
      'ul',
      { class: 'hold-flags' },
      ...hold.flags.map((f) => h('li', { 'data-code': f.code }, f.message)),
    ),
    h('p', { id: 'how-to-clear' }, hold.howToClear, ' ', whyLink('red-flags')),
    form,
  );
}

const whyLink = (rule: RuleId) =>
  h(
    'a',
    {
      href: `/how#${rule}`,
      class: 'why-link',
      'aria-label': `How is this decided: ${RULE_TITLE[rule]}`,
    },
    'How?',
  );
