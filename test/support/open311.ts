import { XMLParser } from 'fast-xml-parser';
import { inject } from 'vitest';
import { api, signIn } from './api.js';
import { openApiBreach } from './openapi-check.js';

/** Posts a form (application/x-www-form-urlencoded) to the local board, as an Open311 client does. */
export async function postForm(path: string, fields: Record<string, string | number>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  const res = await fetch(`${inject('baseUrl')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return answer(res, 'POST');
}

export async function get(path: string) {
  return answer(await fetch(`${inject('baseUrl')}${path}`), 'GET');
}

async function answer(res: Response, method: string) {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  const body: any = type.includes('json') && text ? JSON.parse(text) : text;
  const breach = openApiBreach(method, new URL(res.url).pathname, res.status, type, body);
  if (breach) throw new Error(`OpenAPI: ${breach}`);
  return { status: res.status, headers: res.headers, type, body, text };
}

/** A real XML parser; every element's text kept as a string so types are checked as the spec's text. */
export const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['request', 'service', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

/** An admin makes an API key through the staff API; returns its secret and id. */
export async function newApiKey(opts: { name?: string; services?: string[]; ratePerMinute?: number } = {}) {
  const res = await api('/api/staff/api-keys', {
    token: await signIn('admin'),
    body: { name: opts.name ?? `Sensor ${Date.now()}`, services: opts.services ?? ['pothole'], ratePerMinute: opts.ratePerMinute ?? 600 },
  });
  if (res.status !== 201) throw new Error(`api key create failed: ${res.status} ${res.text}`);
  return res.body as { id: string; secret: string; name: string };
}

let n = 0;
/** A valid Open311 report form for a point in Demo City. */
export function requestForm(apiKey: string, overrides: Record<string, string | number> = {}) {
  n++;
  return {
    api_key: apiKey,
    service_code: 'pothole',
    lat: (51.45 + n * 1e-5).toFixed(6),
    long: '-2.59',
    description: `Open311 pothole ${n} ${Date.now()}`,
    ...overrides,
  };
}
