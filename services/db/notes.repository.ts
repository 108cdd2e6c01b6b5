// SQL of coach notes (migrations 005, 024): a coach's note on an athlete, optionally tied to a day or
// an activity, and the thread of replies under it. A thread belongs to the coach who started it
// (coach_user_id); read_at is when that coach first read an athlete's reply.
import type { NoteRow, NoteThread } from '#shared/api/note-thread';
import type { Queryable } from './database.ts';

export type { NoteRow, NoteThread };

interface Raw {
  id: string;
  email: string | null;
  display_name: string | null;
  author_user_id: string | null;
  coach_user_id: string | null;
  body: string;
  created_at: Date;
  day: string | null;
  activity_id: string | null;
  reply_to: string | null;
  read_at: Date | null;
}

const SELECT = `SELECT n.id, u.email, u.display_name, n.author_user_id, n.coach_user_id, n.body,
       n.created_at, n.day::text AS day, n.activity_id, n.reply_to, n.read_at
  FROM coach_notes n LEFT JOIN users u ON u.id = n.author_user_id`;

const toRow = (r: Raw): NoteRow => ({
  id: r.id,
  authorEmail: r.email,
  authorName: r.display_name,
  by: r.reply_to === null || r.author_user_id === r.coach_user_id ? 'coach' : 'athlete',
  body: r.body,
  createdAt: r.created_at.toISOString(),
  day: r.day,
  activityId: r.activity_id,
  replyTo: r.reply_to,
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

export async function insertNote(
  db: Queryable,
  input: {
    athleteId: string;
    authorUserId: string;
    /** The coach whose thread it is (the author of a new note; the thread's coach for a reply). */
    coachUserId: string;
    body: string;
    day?: string | null;
    activityId?: string | null;
    replyTo?: string | null;
  },
): Promise<NoteRow> {
  const { rows } = await db.query<Raw>(
    `WITH n AS (
       INSERT INTO coach_notes (athlete_id, author_user_id, coach_user_id, body, day, activity_id, reply_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     SELECT n.id, u.email, u.display_name, n.author_user_id, n.coach_user_id, n.body, n.created_at,
            n.day::text AS day, n.activity_id, n.reply_to, n.read_at
       FROM n LEFT JOIN users u ON u.id = n.author_user_id`,
    [
      input.athleteId,
      input.authorUserId,
      input.coachUserId,
      input.body,
      input.day ?? null,
      input.activityId ?? null,
      input.replyTo ?? null,
    ],
  );
  return toRow(rows[0] as Raw);
}

/**
 * The athlete's threads, newest first, each with its replies oldest first: only `coachUserId`'s
 * threads when given, and only those about `day` or `activityId` when given.
 */
export async function listNoteThreads(
  db: Queryable,
  athleteId: string,
  filter: { coachUserId?: string; day?: string; activityId?: string } = {},
): Promise<NoteThread[]> {
  const { rows } = await db.query<Raw>(
    `${SELECT}
      WHERE n.athlete_id = $1
        AND ($2::uuid IS NULL OR n.coach_user_id = $2::uuid)
      ORDER BY n.created_at, n.id`,
    [athleteId, filter.coachUserId ?? null],
  );
  const threads = new Map<string, NoteThread>();
  for (const r of rows) if (r.reply_to === null) threads.set(r.id, { ...toRow(r), replies: [] });
  for (const r of rows) if (r.reply_to !== null) threads.get(r.reply_to)?.replies.push(toRow(r));
  return [...threads.values()]
    .filter(
      (t) =>
        (filter.day === undefined || t.day === filter.day) &&
        (filter.activityId === undefined || t.activityId === filter.activityId),
    )
    .reverse();
}

/** The thread `noteId` starts, when it is a thread on this athlete. */
export async function findThread(
  db: Queryable,
  athleteId: string,
  noteId: string,
): Promise<{ id: string; coachUserId: string | null } | undefined> {
  const { rows } = await db.query<{ id: string; coach_user_id: string | null }>(
    `SELECT id, coach_user_id FROM coach_notes
      WHERE id = $1 AND athlete_id = $2 AND reply_to IS NULL`,
    [noteId, athleteId],
  );
  const r = rows[0];
  return r ? { id: r.id, coachUserId: r.coach_user_id } : undefined;
}

/** Marks the athlete's replies in `coachUserId`'s threads read; answers how many were unread. */
export async function markRepliesRead(
  db: Queryable,
  athleteId: string,
  coachUserId: string,
  now: Date,
): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE coach_notes SET read_at = $3
      WHERE athlete_id = $1 AND coach_user_id = $2 AND reply_to IS NOT NULL AND read_at IS NULL
        AND author_user_id IS DISTINCT FROM $2`,
    [athleteId, coachUserId, now],
  );
  return rowCount ?? 0;
}

/** Whether the activity is the athlete's (a note can only be tied to one of theirs). */
export async function isAthleteActivity(
  db: Queryable,
  athleteId: string,
  activityId: string,
): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM activities WHERE id = $1 AND athlete_id = $2', [
    activityId,
    athleteId,
  ]);
  return rows.length > 0;
}
