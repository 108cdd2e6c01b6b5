// Coach notes as threads: each note with what it is about (a day, an activity), the athlete's
// replies under it, and — for the athlete — a reply form. Unread replies are marked for the coach.
import type { Note, NoteRow } from '../api.ts';
import { errorText, h } from '../dom.ts';
import { formatDay, formatMoment } from '../format.ts';

export interface NoteThreadsOptions {
  /** The list's id (tests and labels find it by this). */
  id: string;
  /** "Tue 24 Nov" or "the run of Tue 24 Nov": what a thread is about, or null for "in general". */
  aboutOf: (n: Note) => string | null;
  /** The athlete answers: a reply form under each thread. */
  onReply?: (noteId: string, body: string) => Promise<void>;
  /** The coach reads: the athlete's replies not read yet are marked "new". */
  markUnread?: boolean;
  empty: string;
}

const whoOf = (n: NoteRow): string => n.authorName || n.authorEmail || 'deleted account';
const when = (iso: string): string => formatMoment(iso);

function replyForm(
  noteId: string,
  onReply: NonNullable<NoteThreadsOptions['onReply']>,
): HTMLElement {
  const input = h('textarea', {
    rows: 2,
    maxlength: 4000,
    required: true,
    'aria-label': 'Your reply',
  });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'reply-form' },
    input,
    h('button', { type: 'submit' }, 'Reply'),
    error,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    try {
      await onReply(noteId, input.value.trim());
      input.value = '';
    } catch (err) {
      error.textContent = errorText(err);
    }
  });
  return form;
}

export function noteThreads(notes: Note[], o: NoteThreadsOptions): HTMLElement {
  if (!notes.length)
    return h('ul', { class: 'notes', id: o.id }, h('li', { class: 'muted' }, o.empty));
  return h(
    'ul',
    { class: 'notes', id: o.id },
    ...notes.map((n) => {
      const about = o.aboutOf(n);
      return h(
        'li',
        { class: 'note-thread', 'data-note-id': n.id },
        about ? h('p', { class: 'note-about small' }, `About ${about}`) : null,
        h('p', {}, n.body),
        h('p', { class: 'muted small' }, `${whoOf(n)}, ${when(n.createdAt)}`),
        n.replies.length
          ? h(
              'ul',
              { class: 'note-replies' },
              ...n.replies.map((r) =>
                h(
                  'li',
                  { class: `note-reply by-${r.by}` },
                  o.markUnread && r.by === 'athlete' && r.readAt === null
                    ? h('span', { class: 'note-new' }, 'New')
                    : null,
                  h('p', {}, r.body),
                  h('p', { class: 'muted small' }, `${whoOf(r)}, ${when(r.createdAt)}`),
                ),
              ),
            )
          : null,
        o.onReply ? replyForm(n.id, o.onReply) : null,
      );
    }),
  );
}

/** What a thread is about, in words: the day, or the activity's day and sport. */
export function aboutText(
  n: Pick<Note, 'day' | 'activityId'>,
  activities: ReadonlyArray<{ id: string; localDate: string; sport: string }>,
): string | null {
  if (n.day) return formatDay(n.day);
  if (n.activityId) {
    const a = activities.find((x) => x.id === n.activityId);
    return a ? `the ${a.sport.replace(/_/g, ' ')} of ${formatDay(a.localDate)}` : 'an activity';
  }
  return null;
}
