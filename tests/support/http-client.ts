// A fetch wrapper with a cookie jar: one instance is one signed-in browser.

export interface Response<T> {
  status: number;
  body: T;
  headers: Headers;
}

export class TestClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  /** The Cookie header this client sends (for requests made without it, e.g. by node:http). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<Response<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) {
        const value = pair.slice(eq + 1);
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c))
          this.cookies.delete(pair.slice(0, eq));
        else this.cookies.set(pair.slice(0, eq), value);
      }
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  async signup(email: string, role: 'runner' | 'coach' = 'runner', timezone = 'UTC') {
    const res = await this.post<{ id: string }>('/api/auth/signup', {
      email,
      password: 'correct horse battery',
      role,
      timezone,
    });
    if (res.status !== 201)
      throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  upload(files: Array<{ name: string; content: Uint8Array | string }>) {
    const form = new FormData();
    for (const f of files)
      form.append(
        'file',
        new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)]),
        f.name,
      );
    return this.post<{ uploads: Array<{ id: string; filename: string; status: string }> }>(
      '/api/uploads',
      form,
    );
  }
}

/**
 * GET `url` without a session and without following redirects (optionally with a bearer token):
 * the status, the body parsed as JSON (undefined when empty) and the headers.
 */
export async function getJson(
  url: string,
  token?: string,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    redirect: 'manual',
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: res.headers,
  };
}
