const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is simply not found (never a database error). */
export const isUuid = (s: string | undefined): s is string => s !== undefined && UUID_RE.test(s);
