import { Router } from 'express';
import type { AthleteJson } from '#shared/api/athlete';
import { z } from 'zod';
import { isTimeZone } from '#shared/local-date';
import type { Pool } from '#services/db/database';
import { withTransaction } from '#services/db/database';
import { updateAthlete, type Athlete } from '#services/db/athletes.repository';
import { relocalizeActivities } from '#services/db/activities.repository';
import type { JobQueue } from '#services/queue/jobs';
import { loadsProfileKey } from '#services/engine/engine-input';
import { enqueueRecompute, FROM_THE_START } from '#services/engine/request-recompute';
import { requestRecompute } from '#services/db/recompute.repository';
import { checkLoggable, localDate } from './dates.ts';
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
    /** Hip arthroscopy (science.md §4 "After surgery"); null removes it. */
    surgeryDate: localDate.nullable(),
  })
  .partial()
  .strict()
  .refine((a) => a.hrMaxBpm == null || a.hrRestBpm == null || a.hrMaxBpm > a.hrRestBpm, {
    message: 'hrMaxBpm must be above hrRestBpm',
  });

/** An athlete's settings as the API shows them (the same shape everywhere). */
export function athleteJson(a: Athlete): AthleteJson {
  return {
    id: a.id,
    timezone: a.timezone,
    sex: a.sex,
    hrMaxBpm: a.hrMaxBpm,
    hrRestBpm: a.hrRestBpm,
    thresholdPaceSPerKm: a.thresholdPaceSPerKm,
    units: a.units,
    surgeryDate: a.surgeryDate,
  };
}

export function athleteRoutes(deps: { pool: Pool; queue: JobQueue; now: () => Date }): Router {
  const router = Router();
  router.put('/', async (req, res) => {
    const patch = parseInput(athleteSchema, req.body);
    const athlete = await currentAthlete(deps.pool, res);
    if (patch.surgeryDate) checkLoggable(patch.surgeryDate, athlete, deps.now(), 'surgeryDate');
    const { updated, version } = await withTransaction(deps.pool, async (client) => {
      const updated = await updateAthlete(client, athlete.id, patch);
      // A new time zone moves runs to other local days; sex, heart rates and threshold pace change
      // every TRIMP and rTSS; a surgery date holds running from its day on. Each way every day is
      // computed again.
      const moved = patch.timezone !== undefined && patch.timezone !== athlete.timezone;
      if (moved) await relocalizeActivities(client, athlete.id, updated.timezone);
      const version =
        moved ||
        loadsProfileKey(updated) !== loadsProfileKey(athlete) ||
        updated.surgeryDate !== athlete.surgeryDate
          ? await requestRecompute(client, athlete.id, FROM_THE_START)
          : undefined;
      return { updated, version };
    });
    if (version !== undefined) await enqueueRecompute(deps.queue, athlete.id, version);
    res.json(athleteJson(updated));
  });
  return router;
}
