// What a test does to the fake Strava's world: athletes and their activities added, generated,
// changed and deleted (with the webhook events Strava would send), and an athlete's deauthorization.
import type { FakeActivity } from './activities.ts';
import { buildPoints } from './build-points.ts';
import { defaultName, GENERATED_SPORTS, isTrainer } from './sport-shapes.ts';
import type { FakeState } from './state.ts';
import type { FakeAthlete, FakeStrava } from './types.ts';

export type FakeWorld = Pick<
  FakeStrava,
  | 'addAthlete'
  | 'addActivity'
  | 'generateActivities'
  | 'activity'
  | 'activitiesOf'
  | 'publishActivity'
  | 'updateActivity'
  | 'deleteActivity'
  | 'deauthorizeAthlete'
>;

export function createWorld(state: FakeState): FakeWorld {
  const { now, athletes, activities, tokens, webhooks } = state;
  let nextAthleteId = 1_000_001;
  let nextActivityId = 10_000_000_001;
  const world: FakeWorld = {
    addAthlete(input = {}) {
      const id = input.id ?? nextAthleteId++;
      const athlete: FakeAthlete = {
        id,
        username: input.username ?? `runner${id}`,
        firstname: input.firstname ?? 'Robin',
        lastname: input.lastname ?? `Runner ${id}`,
        sex: input.sex ?? 'F',
        city: input.city ?? 'Rotterdam',
        country: input.country ?? 'Netherlands',
        createdAt: new Date(now() - 5 * 365 * 86_400_000),
      };
      athletes.set(id, athlete);
      return athlete;
    },

    addActivity(athleteId, input = {}) {
      if (!athletes.has(athleteId)) throw new Error(`fake Strava: no athlete ${athleteId}`);
      const id = nextActivityId++;
      const sportType = input.sportType ?? 'Run';
      const startDate = input.startDate ?? new Date(now() - 3_600_000);
      const trainer = input.trainer ?? isTrainer(sportType);
      const built =
        input.manual !== undefined
          ? { points: [], source: 'manual', timezone: input.timezone ?? 'UTC' }
          : buildPoints(sportType, input, id, trainer);
      const activity: FakeActivity = {
        id,
        athleteId,
        name: input.name ?? defaultName(sportType, startDate, built.timezone),
        sportType,
        startDate,
        timezone: built.timezone,
        private: input.private ?? false,
        trainer,
        points: built.points,
        source: built.source,
        externalId: `fake-${id}.fit`,
      };
      activity.deviceName =
        input.deviceName ?? (sportType === 'Swim' ? 'Garmin Swim 2' : 'Garmin Forerunner 255');
      if (input.description !== undefined) activity.description = input.description;
      if (input.manual !== undefined) {
        activity.manual = { ...input.manual };
        delete activity.deviceName;
      }
      activities.set(id, activity);
      return activity;
    },

    generateActivities(athleteId, n, generate = {}) {
      const endAt = generate.endAt?.getTime() ?? now();
      const spacingMs = (generate.spacingHours ?? 14) * 3_600_000;
      const sports = generate.sports ?? GENERATED_SPORTS;
      const made: FakeActivity[] = [];
      for (let i = 0; i < n; i++) {
        const sportType = sports[i % sports.length] ?? 'Run';
        // Deterministic jitter of up to two hours, so starts are not on a grid.
        const jitter = ((i * 7919) % 120) * 60_000;
        made.push(
          world.addActivity(athleteId, {
            sportType,
            startDate: new Date(endAt - (i + 1) * spacingMs + jitter),
            private: i % 10 === 3,
          }),
        );
      }
      return made;
    },

    activity: (id) => activities.get(id),
    activitiesOf: (athleteId) =>
      [...activities.values()]
        .filter((a) => a.athleteId === athleteId)
        .sort((x, y) => y.startDate.getTime() - x.startDate.getTime()),

    async publishActivity(athleteId, input) {
      const activity = world.addActivity(athleteId, input);
      const delivery = await webhooks.notify(true, {
        object_type: 'activity',
        object_id: activity.id,
        aspect_type: 'create',
        owner_id: athleteId,
      });
      return delivery === undefined ? { activity } : { activity, delivery };
    },

    async updateActivity(id, changes, updateOptions = {}) {
      const a = activities.get(id);
      if (a === undefined) throw new Error(`fake Strava: no activity ${id}`);
      const updates: Record<string, string> = {};
      if (changes.name !== undefined) {
        a.name = changes.name;
        updates.title = changes.name;
      }
      if (changes.sportType !== undefined) {
        a.sportType = changes.sportType;
        updates.type = changes.sportType;
      }
      if (changes.private !== undefined) {
        a.private = changes.private;
        updates.private = String(changes.private);
      }
      return webhooks.notify(updateOptions.notify, {
        object_type: 'activity',
        object_id: id,
        aspect_type: 'update',
        owner_id: a.athleteId,
        updates,
      });
    },

    async deleteActivity(id, deleteOptions = {}) {
      const a = activities.get(id);
      if (a === undefined) throw new Error(`fake Strava: no activity ${id}`);
      activities.delete(id);
      return webhooks.notify(deleteOptions.notify, {
        object_type: 'activity',
        object_id: id,
        aspect_type: 'delete',
        owner_id: a.athleteId,
      });
    },

    async deauthorizeAthlete(athleteId, deauthOptions = {}) {
      tokens.revokeAthlete(athleteId);
      state.connectedAthletes.delete(athleteId);
      return webhooks.notify(deauthOptions.notify, {
        object_type: 'athlete',
        object_id: athleteId,
        aspect_type: 'update',
        owner_id: athleteId,
        updates: { authorized: 'false' },
      });
    },
  };
  return world;
}
