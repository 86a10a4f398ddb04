import { lang, t } from './i18n.js';

/** A problem+json error from the API, with field errors when the input was invalid. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: { path: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

/** Calls the board's API on the same origin; throws ApiError with the problem's detail on failure. */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ body: T; headers: Headers }> {
  const headers = new Headers(init.headers);
  // Problems and public labels come back in the page's language (machine fields never change with it).
  if (!headers.has('accept-language')) headers.set('accept-language', lang);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  } catch {
    throw new ApiError(0, t('error.unreachable'));
  }
  const text = await res.text();
  const body = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const problem = (body ?? {}) as { detail?: string; errors?: { path: string; message: string }[] };
    throw new ApiError(res.status, problem.detail ?? t('error.failed', { status: res.status }), problem.errors ?? []);
  }
  return { body: body as T, headers: res.headers };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
