import { type HttpResult, PUBLIC_CACHE } from '../lib/http.js';

/** A feed or calendar document: cached like every public GET, with its own media type. */
export function document(body: string, contentType: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: 200, headers: { 'content-type': `${contentType}; charset=utf-8`, ...PUBLIC_CACHE, ...headers }, body };
}

export const ATOM = 'application/atom+xml';
export const ICALENDAR = 'text/calendar';
