// The fake Strava's HTTP plumbing: reading a request's parameters (query, form or JSON, as Strava
// accepts them), Strava's error JSON, and writing a reply.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Params = Record<string, string>;

export const err = (
  status: number,
  message: string,
  resource: string,
  field: string,
  code: string,
): Reply => ({
  status,
  body: { message, errors: [{ resource, field, code }] },
});

export const authError = (): Reply =>
  err(401, 'Authorization Error', 'Athlete', 'access_token', 'invalid');
export const notFound = (resource: string): Reply =>
  err(404, 'Record Not Found', resource, 'id', 'invalid');

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseParams(url: URL, contentType: string | undefined, body: string): Params {
  const params: Params = Object.fromEntries(url.searchParams);
  if (body === '') return params;
  if ((contentType ?? '').includes('application/json')) {
    try {
      const json = JSON.parse(body) as unknown;
      if (json !== null && typeof json === 'object') {
        for (const [k, v] of Object.entries(json)) params[k] = String(v);
      }
    } catch {
      // a bad body is treated as no body, like a lenient server
    }
  } else {
    for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  }
  return params;
}

export function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const all: Record<string, string> = { ...headers, ...reply.headers };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, all).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  if (typeof reply.body !== 'string') all['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, all).end(text);
}

/** 'GET /api/v3/activities/:id' for '/api/v3/activities/123': the key of the per-route counts. */
export function routeName(method: string, path: string): string {
  return `${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
}
