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
  /** The coach gets alerts about the athlete; the athlete turns them off per coach. */
  alerts: boolean;
}

/** A coach's note with the athlete's replies (GET /api/notes, /api/athletes/:id/notes). */
export type { NoteThread as Note, NoteRow } from './note-thread.ts';

/** A coach's alert settings (GET/PUT /api/coach/alert-settings). */
export interface AlertSettings {
  missedCheckInDays: number;
  /** 'each': an email per alert; 'digest': one a day; 'off': the inbox only. */
  email: 'each' | 'digest' | 'off';
}

/** One alert in a coach's inbox (GET /api/coach/alerts). */
export interface InboxAlert {
  id: string;
  athleteId: string;
  athleteName: string | null;
  athleteEmail: string;
  kind: string;
  /** The athlete's day the alert links to. */
  day: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}
