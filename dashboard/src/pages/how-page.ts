// "How is this decided?": the order in which today's advice is chosen, then every rule and metric
// in plain words with its sources. Each reason on the decision card links to its section here.
import { h } from '../dom.ts';
import { DECISION_ORDER, RULE_SECTIONS, type RuleSection } from '../how-rules.ts';

function section(s: RuleSection): HTMLElement {
  return h(
    'section',
    { class: 'card how-rule', id: s.id, 'aria-labelledby': `${s.id}-title`, tabindex: -1 },
    h('h2', { id: `${s.id}-title` }, s.title),
    ...s.body.map((p) => h('p', {}, p)),
    s.numbers
      ? h('details', {}, h('summary', {}, 'The numbers'), h('p', { class: 'numbers' }, s.numbers))
      : null,
    h(
      'p',
      { class: 'muted small sources' },
      s.sources.length > 1 ? 'Sources: ' : 'Source: ',
      s.sources.join('; '),
      '.',
    ),
  );
}

export function howPage(): Node[] {
  return [
    h('h1', {}, 'How is this decided?'),
    h(
      'section',
      { class: 'card', id: 'order' },
      h('h2', {}, 'Today’s advice, in order'),
      h(
        'p',
        {},
        'Hipcheck checks these one after another and stops at the first that applies. Every reason on your card links to the rule below that produced it.',
      ),
      h('ol', {}, ...DECISION_ORDER.map((o) => h('li', {}, o))),
      h(
        'p',
        { class: 'muted small' },
        'Hipcheck informs; it does not diagnose. Where the evidence is weak, the text says so.',
      ),
      h(
        'nav',
        { 'aria-label': 'Rules on this page' },
        h(
          'ul',
          { class: 'how-toc' },
          ...RULE_SECTIONS.map((s) => h('li', {}, h('a', { href: `#${s.id}` }, s.title))),
        ),
      ),
    ),
    ...RULE_SECTIONS.map(section),
  ];
}

/** Show the section named in the address (#spike) once the page is drawn, else the top. */
export function showHowSection(hash: string): void {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  const el = id ? document.getElementById(id) : null;
  if (!el) {
    window.scrollTo(0, 0);
    return;
  }
  el.scrollIntoView();
  el.focus({ preventScroll: true });
}
