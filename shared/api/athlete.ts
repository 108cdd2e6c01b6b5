// Who is signed in and the athlete's own settings, as GET /api/me and PUT /api/athlete answer them.
// The server's mappers and the dashboard read these same types, so a changed answer fails the
// typecheck on both sides.

export type Units = 'km' | 'mi';
export type Sex = 'male' | 'female' | 'unknown';

/** The athlete's settings as the server sends them (PUT /api/athlete, GET /api/me's `athlete`). */
export interface AthleteJson {
  id: string;
  timezone: string;
  sex: Sex;
  hrMaxBpm: number | null;
  hrRestBpm: number | null;
  thresholdPaceSPerKm: number | null;
  units: Units;
  /** The day of hip surgery (arthroscopy), if any: before the surgeon's clearance, no running. */
  surgeryDate: string | null;
}

export interface AthleteProfile extends AthleteJson {
  /** True while a recompute of the athlete's numbers waits or runs. */
  metricsPending: boolean;
}

/** GET /api/me. */
export interface Me {
  id: string;
  email: string;
  /** The display name others read; null until given. */
  name: string | null;
  role: 'runner' | 'coach';
  athlete: AthleteProfile | null;
}

/** POST /api/auth/signup and POST /api/auth/login: who is now signed in. */
export interface SignedIn {
  id: string;
  email: string;
  role: 'runner' | 'coach';
}

/** PUT /api/me/name: the display name others read; null clears it. */
export interface DisplayName {
  name: string | null;
}

/** PUT /api/athlete: any of the settings. */
export type AthleteSettings = Partial<Omit<AthleteJson, 'id'>>;
