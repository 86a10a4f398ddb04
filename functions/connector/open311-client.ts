/**
 * A small Open311 GeoReport v2 client for the back-office connector: file a request, read requests by id.
 * JSON only; every failure (network, timeout, non-2xx, an unexpected body) is an UpstreamError, which the
 * callers leave to their retry (the stream's, or the next sync).
 */
export class UpstreamError extends Error {
  constructor(
    message: string,
    /** A 4xx other than 429: retrying the same request will not help. */
    readonly permanent = false,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 8000;

async function call(url: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new UpstreamError(`upstream unreachable: ${(err as Error).message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new UpstreamError(`upstream answered ${res.status}: ${text.slice(0, 200)}`, res.status < 500 && res.status !== 429);
  try {
    return JSON.parse(text);
  } catch {
    throw new UpstreamError(`upstream answered ${res.status} with a body that is not JSON`);
  }
}

/** POST requests.json; the upstream's service_request_id (a token-only answer is not supported: it needs a later lookup). */
export async function fileRequest(endpoint: string, form: Record<string, string>): Promise<string> {
  const body = await call(`${endpoint}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const id = Array.isArray(body) ? (body[0] as { service_request_id?: unknown })?.service_request_id : undefined;
  if (typeof id !== 'string' && typeof id !== 'number') throw new UpstreamError('upstream answered without a service_request_id');
  return String(id);
}

export interface UpstreamStatus {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
}

/** GET requests.json?service_request_id=…, in batches the upstream will accept. */
export async function readRequests(endpoint: string, ids: string[], jurisdictionId?: string): Promise<UpstreamStatus[]> {
  const out: UpstreamStatus[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const query = new URLSearchParams({ service_request_id: ids.slice(i, i + 50).join(',') });
    if (jurisdictionId) query.set('jurisdiction_id', jurisdictionId);
    const body = await call(`${endpoint}/requests.json?${query}`);
    if (!Array.isArray(body)) throw new UpstreamError('upstream requests.json is not a list');
    for (const r of body as Record<string, unknown>[]) {
      if ((r.status === 'open' || r.status === 'closed') && r.service_request_id !== undefined) {
        out.push({
          service_request_id: String(r.service_request_id),
          status: r.status,
          status_notes: typeof r.status_notes === 'string' ? r.status_notes : undefined,
        });
      }
    }
  }
  return out;
}
