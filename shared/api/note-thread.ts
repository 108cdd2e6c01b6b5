// A coach's note and the athlete's replies as they travel over HTTP (GET /api/notes, GET and POST
// /api/athletes/:id/notes, POST /api/notes/:id/replies): used by the server and the dashboard.

export interface NoteRow {
  id: string;
  authorEmail: string | null;
  /** The author's display name; null when they gave none. */
  authorName: string | null;
  /** Who wrote it: the coach of the thread, or the athlete replying. */
  by: 'coach' | 'athlete';
  body: string;
  createdAt: string;
  /** The day or the activity the thread is about (null: the athlete in general). */
  day: string | null;
  activityId: string | null;
  replyTo: string | null;
  /** For an athlete's reply: when the coach read it (null: unread). */
  readAt: string | null;
}

export interface NoteThread extends NoteRow {
  replies: NoteRow[];
}
