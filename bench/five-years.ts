// One runner with five years of data ending today, the history the load and recompute benches
// share: runs four days a week with a check-in on each, cross-training on Sundays.
import { addDays, localDateOf } from '../shared/local-date.ts';
import { hashPassword } from '../services/api/passwords.ts';
import { withTransaction, type Pool } from '../services/db/database.ts';
import { insertActivity } from '../services/db/activities.repository.ts';
import { insertAthlete } from '../services/db/athletes.repository.ts';
import { saveCheckIn } from '../services/db/checkins.repository.ts';
import { insertCrossTraining } from '../services/db/cross-training.repository.ts';
import { insertUser } from '../services/db/users.repository.ts';
import { syntheticRun } from './support.ts';

export const FIVE_YEARS = 5;

/**
 * Seed the runner `email` (password `password`) with `years` of history; returns the athlete's id.
 * Not yet computed.
 */
export async function seedFiveYears(
  pool: Pool,
  email: string,
  password: string,
  today = localDateOf(new Date(), 'UTC'),
  years = FIVE_YEARS,
): Promise<string> {
  const days = years * 365 + 1;
  const first = addDays(today, -(days - 1));
  return withTransaction(pool, async (client) => {
    const user = await insertUser(client, {
      email,
      passwordHash: await hashPassword(password),
      role: 'runner',
    });
    const athlete = await insertAthlete(client, user.id, 'UTC');
    for (let d = 0; d < days; d++) {
      const day = addDays(first, d);
      if ([1, 3, 5, 6].includes(d % 7)) {
        await insertActivity(client, {
          athleteId: athlete.id,
          source: 'file',
          sourceId: `load-${d}`,
          uploadId: null,
          localDate: day,
          activity: syntheticRun(day, 4 + (d % 6)),
        });
        await saveCheckIn(
          client,
          athlete.id,
          day,
          {
            painDuring: d % 13 === 0 ? 3 : 1,
            painAfter: 1,
            painNextMorning: 0,
            painAtRest: 0,
            stiffness: 1,
            readinessTestPassed: true,
            rpe: 4,
          },
          'merge',
        );
      } else if (d % 7 === 0) {
        await insertCrossTraining(client, athlete.id, {
          date: day,
          kind: 'bike',
          minutes: 45,
          rpe: 3,
        });
      }
    }
    return athlete.id;
  });
}
