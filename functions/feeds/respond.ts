import { type HttpResult, PUBLIC_CACHE } from '../lib/http.js';

/** A feed or calendar document: cached like every public GET, with its own media type. */
export function document(body: string, contentType: string, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: 200, headers: { 'content-type': `${contentType}; charset=utf-8`, ...PUBLIC_CACHE, ...headers }, body };
}

export const ATOM = 'application/atom+xml';
export const ICALENDAR = 'text/calendar';

/** Calendar apps poll subscriptions hourly at most; a minute's cache costs nothing and absorbs bursts. */
export const CALENDAR_CACHE = { 'cache-control': 'public, max-age=60, stale-while-revalidate=300' };
