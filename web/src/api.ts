/** The API client: same-origin fetch, the CSRF token echoed on writes, problem+json turned into errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
  ) {
    super(title);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!res.ok) {
    let title = `${res.status} ${res.statusText}`;
    try {
      const p = (await res.json()) as { title?: string };
      if (p.title) title = p.title;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, title);
  }
  return (await res.json()) as T;
}
