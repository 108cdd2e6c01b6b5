// Today's decision as a card: what to do and for how long first, then how, then why (one sentence
// per reason, each linked to the rule that explains it), the flags not already said, and the day's
// check-in. Sources and formulas live on the "How is this decided?" page, one tap away.
import type { CheckInRow, Flag, Reason, TodayDecision } from '../api.ts';
import { h } from '../dom.ts';
import { actionWithMinutes, formatDay, SEVERITY_LABEL } from '../format.ts';
import { RULE_TITLE } from '../how-rules.ts';
import { WARNING_SIGNS } from './checkin-dialog.ts';
import { holdNotice, type HoldActions } from './hold-notice.ts';

export interface DecisionCardOptions {
  /** The runner's own card: open the check-in dialog (its button shows the done state). */
  onCheckIn?: () => void;
  /** Record a clinician's clearance from the hold notice. */
  hold?: HoldActions;
}

function reasonItem(r: Reason): HTMLElement {
  return h(
    'li',
    { 'data-code': r.code, ...(r.rule ? { 'data-rule': r.rule } : {}) },
    r.message,
    r.rule
      ? [
          ' ',
          h(
            'a',
            {
              href: `/how#${r.rule}`,
              class: 'why-link',
              'aria-label': `How is this decided: ${RULE_TITLE[r.rule] ?? r.rule}`,
            },
            'How?',
          ),
        ]
      : null,
  );
}

/**
 * The flags that add something: not a red flag the hold already names, not a reason repeated, and
 * not the day's stage change (stage_advanced, stage_set, …), which a reason already explains.
 */
function extraFlags(t: TodayDecision): Flag[] {
  const said = new Set(t.recommendation.reasons.map((r) => r.message));
  const codes = new Set(t.recommendation.reasons.map((r) => r.code));
  return t.flags.filter(
    (f) =>
      !said.has(f.message) &&
      !codes.has(f.code) &&
      !f.code.startsWith('stage_') &&
      !(t.hold?.kind === 'red_flag' && f.severity === 'red_flag'),
  );
}

/** The day's entry in one line: "Pain on waking 2/10 · stiffness 1/10 · no warning signs". */
export function checkInSummary(c: CheckInRow): string {
  const scores: Array<[number | null | undefined, string]> = [
    [c.painMorning, 'pain on waking'],
    [c.stiffness, 'stiffness'],
    [c.painAtRest, 'pain at rest'],
    [c.painDuring, 'pain during the run'],
    [c.painAfter, 'after the run'],
    [c.rpe, 'effort'],
  ];
  const parts = scores
    .filter(([v]) => typeof v === 'number')
    .map(([v, label]) => `${label} ${v}/10`);
  const signs = WARNING_SIGNS.filter(([key]) => c[key] === true).map(([, label]) =>
    label.toLowerCase(),
  );
  parts.push(signs.length ? `yes to: ${signs.join('; ')}` : 'no warning signs');
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkInBlock(c: CheckInRow | null | undefined, open: () => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: c ? 'secondary' : 'primary', id: 'open-checkin', onclick: open },
    c ? 'Checked in — edit' : 'Log this morning’s hip check-in',
  );
  return h(
    'div',
    { class: `checkin-state${c ? ' done' : ''}`, id: 'checkin-state' },
    c
      ? h('p', { id: 'checkin-today' }, h('strong', {}, '✓ Today’s check-in: '), checkInSummary(c))
      : null,
    button,
  );
}

export function decisionCard(t: TodayDecision, o: DecisionCardOptions = {}): HTMLElement {
  const { action, prescription, minutes } = t.recommendation;
  // A red-flag hold already names the flags and what clears them: the reasons do not repeat it.
  const reasons = t.recommendation.reasons.filter(
    (r) => t.hold?.kind !== 'red_flag' || (r.rule !== 'red-flags' && r.rule !== 'clearance'),
  );
  const flags = extraFlags(t);
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
    h(
      'h2',
      { id: 'decision-action', class: 'action-label', tabindex: -1 },
      actionWithMinutes(action, minutes),
    ),
    h('p', { class: 'prescription', id: 'prescription' }, prescription),
    t.hold ? holdNotice(t.hold, o.hold) : null,
    reasons.length
      ? [
          h('h3', {}, 'Why'),
          h('ul', { class: 'reasons', id: 'reasons' }, ...reasons.map(reasonItem)),
        ]
      : null,
    flags.length
      ? [
          h('h3', {}, 'Also watch'),
          h(
            'ul',
            { class: 'flags', id: 'flags' },
            ...flags.map((f) =>
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
    o.onCheckIn ? checkInBlock(t.checkIn, o.onCheckIn) : null,
    h(
      'p',
      { class: 'muted small card-foot' },
      'Hipcheck informs; it does not diagnose. ',
      h('a', { href: '/how', id: 'how-link' }, 'How is this decided?'),
    ),
  );
}

/** The week's plan; `sessionHref` links a named strength session to the page that runs it. */
export function planList(t: TodayDecision, o: { sessionHref?: string } = {}): HTMLElement {
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
          { class: `plan-day action-${d.action}`, 'data-date': d.date },
          h('span', { class: 'plan-date' }, i === 0 ? 'Today' : formatDay(d.date)),
          h('span', { class: 'plan-action' }, actionWithMinutes(d.action, d.minutes)),
          h('span', { class: 'plan-text' }, d.prescription),
          d.session
            ? o.sessionHref
              ? h('a', { class: 'plan-session', href: o.sessionHref }, d.session.text)
              : h('span', { class: 'plan-session' }, d.session.text)
            : null,
        ),
      ),
    ),
  );
}
