// What the fake Strava holds while it runs, shared by its routes (oauth-routes.ts, push-routes.ts,
// api-routes.ts), its request handler and the handle tests drive (fake-strava.ts, world.ts).
import type { FakeActivity } from './activities.ts';
import type { TokenStore } from './tokens.ts';
import type {
  AuthorizeBehaviour,
  AuthorizeRequest,
  FakeAthlete,
  ListOrder,
  PushSubscription,
} from './types.ts';
import type { Webhooks } from './webhooks.ts';

export interface FakeState {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly now: () => number;
  /** Strava invalidates a refresh token once it hands out a new one. */
  readonly rotateRefreshTokens: boolean;
  /** List oldest first when only `after` is given (FakeStravaOptions.ascendingWhenAfter). */
  readonly ascendingWhenAfter: boolean;
  listOrder: ListOrder;
  /** Strava's cap on connected athletes (FakeStravaOptions.athleteCapacity). */
  athleteCapacity: number | undefined;
  /** Athletes who granted the app access (a code exchanged) and have not revoked it. */
  readonly connectedAthletes: Set<number>;
  readonly athletes: Map<number, FakeAthlete>;
  readonly activities: Map<number, FakeActivity>;
  readonly tokens: TokenStore;
  readonly webhooks: Webhooks;
  readonly authorizeRequests: AuthorizeRequest[];
  behaviour: AuthorizeBehaviour;
  subscription: PushSubscription | undefined;
  nextSubscriptionId: number;
  /** A new athlete: the authorize page "logs in" one when there is none yet. */
  addAthlete(): FakeAthlete;
}
