import { Router } from 'express';
import { z } from 'zod';
import { isTimeZone } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { updateAthlete } from '#services/db/athletes.repository';
import { relocalizeActivities } from '#services/db/activities.repository';
import { requestRecompute } from '#services/db/recompute.repository';
import { jobIds, type JobQueue } from '#services/queue/jobs';
import { currentAthlete } from './session.ts';
import { parseInput } from './validate.ts';

const athleteSchema = z
  .object({
    timezone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/Oslo or America/Denver'),
    sex: z.enum(['male', 'female', 'unknown']),
    hrMaxBpm: z.number().int().min(100).max(240).nullable(),
    hrRestBpm: z.number().int().min(25).max(120).nullable(),
    thresholdPaceSPerKm: z
      .number()
      .min(120, 'must be at least 120 s/km (2:00/km)')
      .max(1200)
      .nullable(),
    units: z.enum(['km', 'mi']),
  })
  .partial()
  .strict()
  .refine((a) => a.hrMaxBpm == null || a.hrRestBpm == null || a.hrMaxBpm > a.hrRestBpm, {
    message: 'hrMaxBpm must be above hrRestBpm',
  });

export function athleteRoutes(deps: { pool: Pool; queue: JobQueue }): Router {
  const router = Router();
  router.put('/', async (req, res) => {
    const patch = parseInput(athleteSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    const { updated, recompute } = await withTransaction(deps.pool, async (client) => {
      const updated = await updateAthlete(client, athlete.id, patch);
      let recompute: number | undefined;
      // A new time zone moves runs to other local days: every day is computed again.
      if (patch.timezone !== undefined && patch.timezone !== athlete.timezone) {
        const earliest = await relocalizeActivities(client, athlete.id, patch.timezone);
        if (earliest) recompute = await requestRecompute(client, athlete.id, earliest);
      }
      return { updated, recompute };
    });
    if (recompute !== undefined) {
      await deps.queue
        .enqueue('recompute', { athleteId: athlete.id }, jobIds.recompute(athlete.id, recompute))
        .catch(() => undefined);
    }
    res.json({
      id: updated.id,
      timezone: updated.timezone,
      sex: updated.sex,
      hrMaxBpm: updated.hrMaxBpm,
      hrRestBpm: updated.hrRestBpm,
      thresholdPaceSPerKm: updated.thresholdPaceSPerKm,
      units: updated.units,
    });
  });
  return router;
}
