// What the runner must know about how an activity's file was read — damage recovered from ("the file
// ends early at 10:42"), points skipped, a file split into sessions — shown above its numbers, and
// below them the notes on what cleaning changed. Never a silently shorter run.
import type { ActivityDetail } from '../api.ts';
import { h } from '../dom.ts';

export function activityWarnings(a: ActivityDetail): HTMLElement | null {
  const file = a.fileWarnings ?? [];
  if (file.length === 0 && a.warnings.length === 0) return null;
  return h(
    'div',
    { class: 'activity-warnings' },
    file.length
      ? h(
          'div',
          { class: 'notice', role: 'note', id: 'file-warnings' },
          h('strong', {}, 'How this file was read: '),
          h('ul', {}, ...file.map((w) => h('li', { 'data-code': w.code }, w.message))),
        )
      : null,
    a.warnings.length
      ? h(
          'details',
          { class: 'muted small', id: 'cleaning-notes' },
          h('summary', {}, `Cleaning notes (${a.warnings.length})`),
          h('ul', {}, ...a.warnings.map((w) => h('li', {}, w))),
        )
      : null,
  );
}
