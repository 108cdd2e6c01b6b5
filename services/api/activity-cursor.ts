// The `before` of the activity list: a local day ('2026-08-01': activities of earlier days) or the
// position after an activity ('2026-08-01T07:00:00.000Z_<id>': activities older than that one), as
// the Link header of the previous page wrote it.
import type { Request } from 'express';
import { z } from 'zod';
import { isLocalDate } from '#shared/local-date';
import type { ActivityCursor } from '#services/db/activity-pages.repository';
import { isUuid } from './ids.ts';

const MESSAGE = 'must be a date written YYYY-MM-DD or the cursor of a next link';

function parseCursor(text: string): ActivityCursor | undefined {
  if (isLocalDate(text)) return { kind: 'day', day: text };
  const [startAt, id, ...rest] = text.split('_');
  if (rest.length > 0 || !startAt || !isUuid(id)) return undefined;
  const t = new Date(startAt);
  if (Number.isNaN(t.getTime()) || t.toISOString() !== startAt) return undefined;
  return { kind: 'activity', startAt, id };
}

export const activityCursorSchema = z.string().transform((text, ctx) => {
  const cursor = parseCursor(text);
  if (!cursor) {
    ctx.addIssue({ code: 'custom', message: MESSAGE });
    return z.NEVER;
  }
  return cursor;
});

export const formatCursor = (c: ActivityCursor): string =>
  c.kind === 'day' ? c.day : `${c.startAt}_${c.id}`;

/** The Link header naming the next page: this request's range and limit, from the cursor on. */
export function nextLinkOf(
  req: Request,
  query: { from?: string | undefined; to?: string | undefined; limit: number },
  next: ActivityCursor,
): string {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  params.set('before', formatCursor(next));
  params.set('limit', String(query.limit));
  const path = req.originalUrl.split('?')[0] ?? '';
  return `<${path}?${params.toString()}>; rel="next"`;
}
