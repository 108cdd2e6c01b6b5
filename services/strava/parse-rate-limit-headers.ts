// Strava's rate-limit headers: X-RateLimit-Limit / X-RateLimit-Usage (every request) and
// X-ReadRateLimit-Limit / X-ReadRateLimit-Usage (reads), each "short,daily" (15 minutes, day).

export type HeaderSource = Headers | Record<string, string | string[] | number | undefined | null>;

export interface ParsedHeaders {
  shortLimit?: number;
  dailyLimit?: number;
  readShortLimit?: number;
  readDailyLimit?: number;
  shortUsage?: number;
  dailyUsage?: number;
  readShortUsage?: number;
  readDailyUsage?: number;
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const record = headers as Record<string, unknown>;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() !== wanted || value === undefined || value === null) continue;
    return Array.isArray(value) ? value.join(',') : String(value);
  }
  return undefined;
}

function pair(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const [a, b] = value.split(',').map((s) => Number(s.trim()));
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b))
    return undefined;
  return [a, b];
}

/** Reads Strava's X-RateLimit-* and X-ReadRateLimit-* headers ("short,daily" each). */
export function parseRateLimitHeaders(headers: HeaderSource): ParsedHeaders {
  const out: ParsedHeaders = {};
  const limit = pair(header(headers, 'x-ratelimit-limit'));
  const usage = pair(header(headers, 'x-ratelimit-usage'));
  const readLimit = pair(header(headers, 'x-readratelimit-limit'));
  const readUsage = pair(header(headers, 'x-readratelimit-usage'));
  if (limit) [out.shortLimit, out.dailyLimit] = limit;
  if (usage) [out.shortUsage, out.dailyUsage] = usage;
  if (readLimit) [out.readShortLimit, out.readDailyLimit] = readLimit;
  if (readUsage) [out.readShortUsage, out.readDailyUsage] = readUsage;
  return out;
}
