// Today's decision as a card: what to do (colour plus a clear word), why (ranked reasons with their
// numbers), the stage's prescription and the flags. A red flag names itself and suggests no run.
import type { Action, Reason, TodayDecision } from '../api.ts';
import { h } from '../dom.ts';
import { ACTION_LABEL, formatDay, SEVERITY_LABEL } from '../format.ts';

/** The reason's number, unless its message already says it. */
function valueText(r: Reason): string | null {
  const v = r.value;
  if (v === undefined) return null;
  const text = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : v;
  return r.message.includes(text) ? null : text;
}

/** The action in words; a "run" day of a walking stage is a walk. */
export function actionLabelOf(action: Action, prescription: string): string {
  const walking = /^walk\b/i.test(prescription);
  if (walking && action === 'run') return 'Walk as planned';
  if (walking && action === 'run_modified') return 'Walk, shorter';
  return ACTION_LABEL[action];
}

export function decisionCard(t: TodayDecision, onCheckIn?: () => void): HTMLElement {
  const { action, summary, reasons, prescription } = t.recommendation;
  const clinician = action === 'see_clinician';
  const redFlags = t.flags.filter((f) => f.severity === 'red_flag');
  return h(
    'section',
    {
      class: `card decision action-${action}`,
      id: 'decision',
      'aria-labelledby': 'decision-action',
    },
    h(
      'p',
      { class: 'eyebrow' },
      `Today, ${formatDay(t.date, 'long')} · Stage ${t.stage}: ${t.stageName}`,
    ),
    h('h2', { id: 'decision-action', class: 'action-label' }, actionLabelOf(action, prescription)),
    h('p', { class: 'summary' }, summary),
    clinician
      ? h(
          'div',
          { class: 'red-flag', role: 'alert' },
          h(
            'strong',
            {},
            redFlags.length
              ? `Red flag: ${redFlags.map((f) => f.message).join('; ')}`
              : 'Red flag reported',
          ),
          h(
            'p',
            {},
            'No running today. Book an appointment with a sports physician or physiotherapist and show them this check-in.',
          ),
        )
      : null,
    h('h3', {}, clinician ? 'Meanwhile' : "Today's session"),
    h('p', { class: 'prescription', id: 'prescription' }, prescription),
    reasons.length
      ? [
          h('h3', {}, 'Why'),
          h(
            'ol',
            { class: 'reasons', id: 'reasons' },
            ...reasons.map((r) => {
              const v = valueText(r);
              return h(
                'li',
                { 'data-code': r.code },
                r.message,
                v !== null ? h('span', { class: 'value' }, ` (${v})`) : null,
              );
            }),
          ),
        ]
      : null,
    t.flags.length
      ? [
          h('h3', {}, 'Flags'),
          h(
            'ul',
            { class: 'flags', id: 'flags' },
            ...t.flags.map((f) =>
              h(
                'li',
                { class: `sev sev-${f.severity}`, 'data-code': f.code },
                h('span', { class: 'sev-word' }, SEVERITY_LABEL[f.severity]),
                ' ',
                f.message,
              ),
            ),
          ),
        ]
      : null,
    onCheckIn
      ? h(
          'button',
          { type: 'button', class: 'primary', id: 'open-checkin', onclick: onCheckIn },
          "Log today's hip check-in",
        )
      : null,
    h(
      'p',
      { class: 'muted small' },
      'Hipcheck informs; it does not diagnose. Rules: science.md §5 (precedence: red flags, pain, rest days, spikes, then the stage).',
    ),
  );
}

export function planList(t: TodayDecision): HTMLElement {
  return h(
    'section',
    { class: 'card', id: 'plan', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, 'The next 7 days'),
    h(
      'ol',
      { class: 'plan' },
      ...t.plan.map((d, i) =>
        h(
          'li',
          { class: `plan-day action-${d.action}` },
          h('span', { class: 'plan-date' }, i === 0 ? 'Today' : formatDay(d.date)),
          h('span', { class: 'plan-action' }, actionLabelOf(d.action, d.prescription)),
          h('span', { class: 'plan-text' }, d.prescription),
        ),
      ),
    ),
  );
}
