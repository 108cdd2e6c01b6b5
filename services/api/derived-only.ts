// What a coach reads when the athlete shares only derived load (the default): the numbers stay,
// the athlete's own words go — a check-in's notes, and the label they typed for a cross-training
// session (it becomes "cross-training"). Applied to every answer of /api/athletes/:id/… for such a
// coach, so that a route added later cannot leak them either.
import type { RequestHandler } from 'express';

const LABEL = 'cross-training';

const isCrossTraining = (o: Record<string, unknown>): boolean =>
  typeof o.kind === 'string' && typeof o.minutes === 'number';

/** A copy of `value` without free text written by the athlete. */
export function redactDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDetails);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'notes' && typeof v === 'string') out[k] = null;
    else if (k === 'kind' && isCrossTraining(o)) out[k] = LABEL;
    else out[k] = redactDetails(v);
  }
  return out;
}

/** Wraps res.json so that the answer goes out through redactDetails. */
export const derivedOnlyAnswers: RequestHandler = (_req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => json(redactDetails(body));
  next();
};
