// `hipcheck demo`: (re)creates the demo accounts — a runner with a 12-week story, a coach, and four
// more athletes in other risk states — inserts their activities, check-ins and cross-training
// through the repositories, and recomputes each athlete in this process. Running it again deletes
// the demo accounts first, so it always leaves the same demo, ending today.
import { generateDemoStory, DEMO_COACH_EMAIL, DEMO_PASSWORD } from '#shared/demo/demo-story';
import { generateDemoStrength } from '#shared/demo/demo-strength';
import { insertStrengthSession } from '#services/db/strength-sessions.repository';
import type { DemoAthlete } from '#shared/demo/demo-story';
import { localDateOf } from '#shared/local-date';
import type { Config } from '#services/config';
import { deleteUserCascade } from '#services/db/account.repository';
import { insertActivity } from '#services/db/activities.repository';
import { insertAthlete } from '#services/db/athletes.repository';
import { insertGrant } from '#services/db/coaching.repository';
import { createMailer } from '#services/mail/mailer';
import { insertNote } from '#services/db/notes.repository';
import { withTransaction, type Pool } from '#services/db/database';
import { saveCheckIn } from '#services/db/checkins.repository';
import { insertCrossTraining } from '#services/db/cross-training.repository';
import {
  insertManualStage,
  markStageChosen,
  upsertProgressionSettings,
} from '#services/db/progression.repository';
import { insertClearance } from '#services/db/clearances.repository';
import { DEFAULT_PLAN, DEFAULT_THRESHOLDS, pickStartStage } from '#shared/engine/index';
import { requestRecompute } from '#services/db/recompute.repository';
import { findUserByEmail, insertUser } from '#services/db/users.repository';
import { hashPassword } from '#services/api/passwords';
import { FROM_THE_START } from '#services/engine/request-recompute';
import { openDatabase } from '../runtime.ts';
import { createRecomputeProcessor } from '#workers/recompute.processor';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const DEMO_TIMEZONE = 'UTC';

export async function demoCommand(
  _args: string[],
  io: Io,
  config: Config,
  now: () => Date = () => new Date(),
): Promise<number> {
  const log = (m: string) => io.stderr.write(`${m}\n`);
  const db = await openDatabase(config, log);
  try {
    const story = generateDemoStory(localDateOf(now(), DEMO_TIMEZONE));
    const athletes = [story.runner, ...story.others];
    for (const email of [DEMO_COACH_EMAIL, ...athletes.map((a) => a.email)]) {
      const existing = await findUserByEmail(db.pool, email);
      if (existing) await withTransaction(db.pool, (c) => deleteUserCascade(c, existing.id));
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const coach = await insertUser(db.pool, {
      email: DEMO_COACH_EMAIL,
      passwordHash,
      role: 'coach',
      displayName: 'Kim',
    });
    // The demo coach's inbox fills as each athlete is computed (mail off: the demo sends nothing).
    const recompute = createRecomputeProcessor({
      pool: db.pool,
      now,
      alerts: {
        pool: db.pool,
        mailer: createMailer({ smtpUrl: undefined, from: '', log: () => undefined }),
        now,
        publicUrl: 'http://localhost:3000',
      },
    });
    for (const a of athletes) {
      const athleteId = await createDemoAthlete(db.pool, a, passwordHash, coach.id);
      if (a === story.runner)
        for (const { sessionKey, exercises, rpe, pain, minutes, date } of generateDemoStrength(
          localDateOf(now(), DEMO_TIMEZONE),
        ))
          await insertStrengthSession(db.pool, athleteId, {
            date,
            sessionKey,
            exercises: [...exercises].map((e) => ({
              id: e.id,
              sets: e.sets,
              ...(e.reps != null ? { reps: e.reps } : {}),
              ...(e.holdS != null ? { holdS: e.holdS } : {}),
              ...(e.loadKg != null ? { loadKg: e.loadKg } : {}),
            })),
            rpe: rpe ?? null,
            pain: pain ?? null,
            minutes,
          });
      await requestRecompute(db.pool, athleteId, FROM_THE_START);
      await recompute({ athleteId }, { attempt: 1 });
      io.stdout.write(
        `created ${a.email}: ${a.sessions.length} sessions, ${a.checkIns.length} check-ins\n`,
      );
    }
    io.stdout.write(
      [
        '',
        `Demo ready. Start Hipcheck (npm start) and sign in with password "${DEMO_PASSWORD}" as:`,
        `  runner  ${story.runner.email}  (12 weeks: onboarding, walk-run return, spike in week 7, flare-up in week 9, a break in weeks 10–11)`,
        `  coach   ${DEMO_COACH_EMAIL}  (roster of ${athletes.length} athletes, sorted by risk)`,
        `  others  ${story.others.map((o) => o.email).join(', ')}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await db.close();
  }
}

async function createDemoAthlete(
  pool: Pool,
  a: DemoAthlete,
  passwordHash: string,
  coachUserId: string,
): Promise<string> {
  return withTransaction(pool, async (client) => {
    const user = await insertUser(client, {
      email: a.email,
      passwordHash,
      role: 'runner',
      displayName: a.name ?? null,
    });
    const athlete = await insertAthlete(client, user.id, a.timezone);
    if (a.startStage > 0) {
      await upsertProgressionSettings(
        client,
        athlete.id,
        { startStage: a.startStage },
        coachUserId,
      );
      await markStageChosen(client, athlete.id, coachUserId);
    }
    if (a.onboarding) {
      const { date, answers } = a.onboarding;
      const choice = pickStartStage(DEFAULT_PLAN, answers, date, DEFAULT_THRESHOLDS);
      await insertManualStage(client, athlete.id, {
        date,
        stage: choice.stage,
        by: 'runner',
        note: 'onboarding, running with hip symptoms now',
      });
      await markStageChosen(client, athlete.id, user.id, { answers, ...choice, date });
    }
    for (const c of a.clearances ?? [])
      await insertClearance(client, athlete.id, {
        date: c.date,
        stage: c.stage ?? null,
        note: c.note,
        by: c.by,
      });
    for (const s of a.sessions) {
      await insertActivity(client, {
        athleteId: athlete.id,
        source: 'file',
        sourceId: s.sourceId,
        uploadId: null,
        localDate: s.localDate,
        activity: s.activity,
      });
    }
    for (const { date, ...fields } of a.checkIns)
      await saveCheckIn(client, athlete.id, date, fields, 'merge');
    for (const x of a.crossTraining)
      await insertCrossTraining(client, athlete.id, {
        date: x.date,
        kind: x.kind,
        minutes: x.minutes,
        rpe: x.rpe ?? null,
      });
    await insertGrant(client, coachUserId, athlete.id);
    if (a.coachNote)
      await insertNote(client, {
        athleteId: athlete.id,
        authorUserId: coachUserId,
        coachUserId,
        body: a.coachNote,
      });
    return athlete.id;
  });
}
