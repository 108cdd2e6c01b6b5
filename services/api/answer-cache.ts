// Answers kept in memory, gzipped as sent, under a key that changes whenever what they were built
// from does (e.g. the athlete's daily-metrics version): reading the same key again costs no query
// of the data, no JSON and no compression. Bounded by bytes; the least recently used go first.
// Each API process has its own; the key comes from PostgreSQL, so they never disagree.
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface CachedAnswer {
  gzip: Buffer;
  /** A strong validator of the answer (quoted, as the header carries it). */
  etag: string;
}

export interface AnswerCache {
  /** The answer under `key`, built by `build` (JSON text) when it is not held. */
  get(key: string, build: () => Promise<string>): Promise<CachedAnswer>;
}

export function createAnswerCache(maxBytes: number): AnswerCache {
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest use first.
  const held = new Map<string, CachedAnswer>();
  // Requests arriving while a key is being built wait for that build instead of starting theirs.
  const building = new Map<string, Promise<CachedAnswer>>();
  let bytes = 0;

  function keep(key: string, answer: CachedAnswer): void {
    if (answer.gzip.length > maxBytes) return;
    held.set(key, answer);
    bytes += answer.gzip.length;
    for (const [k, v] of held) {
      if (bytes <= maxBytes) break;
      held.delete(k);
      bytes -= v.gzip.length;
    }
  }

  return {
    get(key, build) {
      const hit = held.get(key);
      if (hit) {
        held.delete(key);
        held.set(key, hit);
        return Promise.resolve(hit);
      }
      const pending = building.get(key);
      if (pending) return pending;
      const answer = build()
        .then((json) => {
          // Built once per key, so the default level is worth its CPU: a third smaller than level 1.
          const built = {
            gzip: gzipSync(json),
            etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
          };
          keep(key, built);
          return built;
        })
        .finally(() => building.delete(key));
      building.set(key, answer);
      return answer;
    },
  };
}

/**
 * Send a cached JSON answer: gzipped as held when the client accepts it, with its ETag, so a client
 * that has it gets a 304. `no-cache`: the browser asks each time, and is answered 304 until it
 * changes.
 */
export function sendCachedJson(req: Request, res: Response, answer: CachedAnswer): void {
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', answer.etag);
  res.vary('Accept-Encoding');
  res.type('application/json');
  if (req.acceptsEncodings('gzip') === 'gzip') {
    // Already encoded: the compression middleware leaves it as it is.
    res.setHeader('Content-Encoding', 'gzip');
    res.send(answer.gzip);
  } else {
    res.send(gunzipSync(answer.gzip));
  }
}
