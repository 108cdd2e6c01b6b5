// What stops running until someone acts (a red flag, or the weeks after surgery), said plainly with
// what must happen to clear it; for a red flag, the clearance form itself.
import type { ClearanceInput, Hold, StageDefinition } from '../api.ts';
import { h } from '../dom.ts';
import { formatDay } from '../format.ts';
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
  if (hold.kind === 'surgery') {
    return h(
      'div',
      { class: 'hold hold-surgery', id: 'hold', role: 'status' },
      h(
        'strong',
        {},
        `Running is on hold after surgery on ${formatDay(hold.surgeryDate, 'long')} (week ${hold.weeksSince}).`,
      ),
      h('p', { id: 'how-to-clear' }, hold.howToClear),
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
    h('p', { id: 'how-to-clear' }, hold.howToClear),
    actions
      ? clearanceForm({
          since: hold.since,
          today: actions.today,
          plan: actions.plan,
          whose: actions.whose,
          post: actions.post,
          onSaved: actions.onSaved,
        })
      : null,
  );
}
