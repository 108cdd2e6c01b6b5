// A coach and their athletes: invites, grants and notes (the roster is in coach-views.ts).

/** POST /api/coach/invites. */
export interface Invite {
  token: string;
  url: string;
  expiresAt: string;
}

/** GET /api/invites/:token: who invites, until when. */
export interface InviteView {
  coachEmail: string;
  coachName: string | null;
  expiresAt: string;
}

/** GET /api/grants: a coach the athlete shares with. */
export interface Grant {
  coachId: string;
  coachEmail: string;
  grantedAt: string;
  shareActivityDetails: boolean;
}

/** A coach's note with the athlete's replies (GET /api/notes, /api/athletes/:id/notes). */
export type { NoteThread as Note, NoteRow } from './note-thread.ts';
