// The runner's own data as a whole: GET /api/export (a ZIP with data.json and the original files)
// and DELETE /api/me (after the password is checked again: every row and stored byte goes).
import { Router } from 'express';
import { athleteJson } from './athlete.routes.ts';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { RUNNER_VOICE, speakAll } from '#shared/engine/index';
import { ForbiddenError } from '#shared/errors';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import {
  deleteUserCascade,
  listImportBatches,
  listUploadsWithContent,
} from '#services/db/account.repository';
import { findActivity, listActivities } from '#services/db/activities.repository';
import { findAthleteByUserId } from '#services/db/athletes.repository';
import { listGrants } from '#services/db/coaching.repository';
import { listNoteThreads } from '#services/db/notes.repository';
import { listCheckIns } from '#services/db/checkins.repository';
import { listClearances } from '#services/db/clearances.repository';
import { listCrossTraining } from '#services/db/cross-training.repository';
import { listEngineDays } from '#services/db/daily-metrics.repository';
import { listStageChanges } from '#services/db/stage-changes.repository';
import { findProgressionSettings, listManualStages } from '#services/db/progression.repository';
import { findAdjustments, listStrengthSessions } from '#services/db/strength-sessions.repository';
import { findStravaAccountByAthlete } from '#services/db/strava-accounts.repository';
import { findUserByEmail } from '#services/db/users.repository';
import { currentUser, endSession } from './session.ts';
import { verifyPassword } from './passwords.ts';
import { listWellnessDays } from '#services/db/wellness.repository';
import { parseInput } from './validate.ts';

const deleteSchema = z.object({ password: z.string().min(1).max(200) }).strict();

/** A stored filename made safe as one ZIP entry name (no directories, no control characters). */
const safeName = (filename: string) =>
  filename
    .replace(/[\\/]+/g, '_')
    .replace(/[^\x20-\x7e]/g, '_')
    .slice(-150) || 'file';

export function accountRoutes(deps: { pool: Pool; now: () => Date }): Router {
  const router = Router();

  router.get('/export', async (_req, res) => {
    const user = currentUser(res);
    const athlete = await findAthleteByUserId(deps.pool, user.id);
    const files: Zippable = {};
    let athleteData: Record<string, unknown> = { athlete: null };
    if (athlete) {
      const db = deps.pool;
      const summaries = await listActivities(db, athlete.id, {});
      const activities = [];
      for (const a of summaries) activities.push(await findActivity(db, athlete.id, a.id));
      const uploads = await listUploadsWithContent(db, athlete.id);
      // An export ZIP keeps no bytes once read (its files are uploads of their own).
      for (const u of uploads.filter((x) => x.content.length > 0))
        files[`originals/${u.id}-${safeName(u.filename)}`] = [
          new Uint8Array(u.content.buffer, u.content.byteOffset, u.content.byteLength),
          { level: 0 },
        ];
      const strava = await findStravaAccountByAthlete(db, athlete.id);
      athleteData = {
        athlete: athleteJson(athlete),
        activities,
        checkins: await listCheckIns(db, athlete.id),
        crossTraining: await listCrossTraining(db, athlete.id),
        strengthSessions: await listStrengthSessions(db, athlete.id),
        programmeAdjustments: await findAdjustments(db, athlete.id),
        progression: await findProgressionSettings(db, athlete.id),
        manualStages: await listManualStages(db, athlete.id),
        clearances: await listClearances(db, athlete.id),
        stageHistory: speakAll(await listStageChanges(db, athlete.id), RUNNER_VOICE),
        dailyMetrics: speakAll(await listEngineDays(db, athlete.id, {}), RUNNER_VOICE),
        grants: await listGrants(db, athlete.id),
        notes: await listNoteThreads(db, athlete.id),
        uploads: uploads.map(({ content, ...meta }) => ({
          ...meta,
          file: content.length > 0 ? `originals/${meta.id}-${safeName(meta.filename)}` : null,
        })),
        importBatches: await listImportBatches(db, athlete.id),
        wellnessDays: await listWellnessDays(db, athlete.id, {}),
        // The connection only: tokens are never exported.
        strava: strava
          ? {
              stravaAthleteId: strava.stravaAthleteId,
              status: strava.status,
              scope: strava.scope,
              connectedAt: strava.connectedAt.toISOString(),
            }
          : null,
      };
    }
    const data = {
      exportedAt: deps.now().toISOString(),
      user: {
        id: user.id,
        email: user.email,
        role: user.role,
        createdAt: user.createdAt.toISOString(),
      },
      ...athleteData,
    };
    files['data.json'] = strToU8(JSON.stringify(data, null, 2));
    const zip = zipSync(files, { level: 6 });
    const day = deps.now().toISOString().slice(0, 10);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="hipcheck-export-${day}.zip"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });

  router.delete('/me', async (req, res) => {
    const input = parseInput(deleteSchema, req.body);
    const user = currentUser(res);
    const stored = await findUserByEmail(deps.pool, user.email);
    const ok = stored !== undefined && (await verifyPassword(input.password, stored.passwordHash));
    if (!ok) throw new ForbiddenError('wrong password: nothing was deleted');
    await withTransaction(deps.pool, (client) => deleteUserCascade(client, user.id));
    await endSession(deps.pool, req, res);
    res.status(204).end();
  });

  return router;
}
